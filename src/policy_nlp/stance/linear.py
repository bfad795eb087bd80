"""The fitted words+logreg stance pipeline in a plain, numpy-only form.

Applying the scikit-learn pipeline means importing scikit-learn, which is most of the
tool's start-up time. When the chosen design is TF-IDF words followed by a calibrated
logistic regression, training also writes its parameters (vocabulary, idf, coefficients,
sigmoid calibration) as JSON, and prediction repeats the same arithmetic with numpy. A
test checks that both give the same probabilities.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import numpy as np


class LinearStance:
    """TF-IDF -> logistic regression -> per-class sigmoid calibration, normalised."""

    def __init__(self, params: dict) -> None:
        self.params = params
        self.vocabulary = {term: i for i, term in enumerate(params["terms"])}
        self.idf = np.asarray(params["idf"], dtype=float)
        self.coef = np.asarray(params["coef"], dtype=float)
        self.intercept = np.asarray(params["intercept"], dtype=float)
        self.a = np.asarray(params["calibration_a"], dtype=float)
        self.b = np.asarray(params["calibration_b"], dtype=float)
        self.classes_ = list(params["classes"])
        self.token = re.compile(params["token_pattern"])
        self.ngram_range = tuple(params["ngram_range"])

    @classmethod
    def from_pipeline(cls, pipeline) -> "LinearStance | None":
        """The plain form of ``pipeline``, or ``None`` when it is not of the supported shape."""
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        if len(pipeline.steps) != 2:
            return None
        vectorizer, calibrated = pipeline.steps[0][1], pipeline.steps[1][1]
        if not (isinstance(vectorizer, TfidfVectorizer) and isinstance(calibrated, CalibratedClassifierCV)):
            return None
        if (calibrated.method != "sigmoid" or len(calibrated.calibrated_classifiers_) != 1
                or vectorizer.analyzer != "word" or vectorizer.strip_accents != "unicode" or not vectorizer.lowercase
                or vectorizer.norm != "l2" or not vectorizer.use_idf or vectorizer.stop_words is not None
                or vectorizer.preprocessor is not None or vectorizer.tokenizer is not None):
            return None
        inner = calibrated.calibrated_classifiers_[0]
        estimator = inner.estimator
        if not isinstance(estimator, LogisticRegression) or len(estimator.classes_) < 3:
            return None
        if list(estimator.classes_) != list(calibrated.classes_):
            return None
        terms = [None] * len(vectorizer.vocabulary_)
        for term, i in vectorizer.vocabulary_.items():
            terms[i] = term
        return cls({
            "terms": terms,
            "idf": vectorizer.idf_.tolist(),
            "coef": estimator.coef_.tolist(),
            "intercept": estimator.intercept_.tolist(),
            "calibration_a": [float(c.a_) for c in inner.calibrators],
            "calibration_b": [float(c.b_) for c in inner.calibrators],
            "classes": [str(c) for c in calibrated.classes_],
            "token_pattern": vectorizer.token_pattern,
            "ngram_range": list(vectorizer.ngram_range),
            "sublinear_tf": bool(vectorizer.sublinear_tf),
        })

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.params, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "LinearStance":
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The text's non-zero TF-IDF features as (column indices, l2-normalised values)."""
        text = text.lower()
        if not text.isascii():
            text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        tokens = self.token.findall(text)
        counts: dict[int, int] = {}
        low, high = self.ngram_range
        vocabulary = self.vocabulary
        for n in range(low, high + 1):
            grams = tokens if n == 1 else [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
            for gram in grams:
                index = vocabulary.get(gram)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
        idx = np.fromiter(counts, dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
        if self.params["sublinear_tf"] and len(tf):
            tf = np.log(tf) + 1.0
        values = tf * self.idf[idx]
        norm = np.sqrt(values @ values) if len(values) else 0.0
        return idx, values / norm if norm > 0 else values

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        # Sparse arithmetic: a dense row per text would be as wide as the vocabulary, and a
        # dense matrix product hands the work to a multi-threaded BLAS that competes with
        # the other worker processes for the cores.
        decision = np.empty((len(texts), len(self.intercept)))
        for row, text in enumerate(texts):
            idx, values = self._features(text)
            decision[row] = self.coef[:, idx] @ values + self.intercept if len(idx) else self.intercept
        proba = 1.0 / (1.0 + np.exp(self.a * decision + self.b))
        total = proba.sum(axis=1, keepdims=True)
        proba = np.divide(proba, total, out=np.full_like(proba, 1.0 / proba.shape[1]), where=total != 0)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba
