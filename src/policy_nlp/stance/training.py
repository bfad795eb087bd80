"""Train the stance classifier: compare designs by cross-validation, fit, write model and card."""

from __future__ import annotations

import json
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from ..scoring import stance_scores
from .corpus import LABELS, StanceExample, corpus_hash, model_input, relief_words
from .features import CueFeatures
from .linear import LinearStance
from .model import CARD_FILE, LINEAR_FILE, MODEL_FILE, sha256_file, soften

SEED = 13


def _words() -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, strip_accents="unicode",
                           token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z'-]+\b")


def designs() -> dict[str, Pipeline]:
    """The candidate designs compared by cross-validation."""
    return {
        "words+logreg": Pipeline([("features", _words()),
                                  ("clf", LogisticRegression(C=10, max_iter=2000, random_state=SEED))]),
        "words+cues+logreg": Pipeline([
            ("features", FeatureUnion([("words", _words()), ("cues", CueFeatures())])),
            ("clf", LogisticRegression(C=10, max_iter=2000, random_state=SEED)),
        ]),
        "words+chars+cues+svm": Pipeline([
            ("features", FeatureUnion([
                ("words", _words()),
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True, max_features=60000)),
                ("cues", CueFeatures()),
            ])),
            ("clf", LinearSVC(C=0.5, random_state=SEED)),
        ]),
    }


def calibrated(design: Pipeline) -> Pipeline:
    """The design with its classifier wrapped for calibrated probabilities (sigmoid, 5-fold)."""
    steps = list(design.steps)
    name, clf = steps[-1]
    # ensemble=False: one classifier fitted on all the data, calibrated on cross-validated
    # predictions; it predicts five times faster than the default ensemble of five.
    steps[-1] = (name, CalibratedClassifierCV(clf, method="sigmoid", cv=5, ensemble=False))
    return Pipeline(steps)


def _drop_pruned_terms(model: Pipeline) -> None:
    """Forget what would make the same training give a different file in every process: the
    vectorisers' ``stop_words_`` (terms pruned by ``min_df``, kept by scikit-learn only for
    inspection; a set, which pickles in a different order per process) and a cached id()."""
    for step in model.named_steps.values():
        for vectorizer in ([step] if isinstance(step, TfidfVectorizer) else
                           [t for _, t in getattr(step, "transformer_list", []) if isinstance(t, TfidfVectorizer)]):
            vectorizer.stop_words_ = None
            if hasattr(vectorizer, "_stop_words_id"):
                vectorizer._stop_words_id = None  # id() of an object: differs in every process


def cross_validate(examples: list[StanceExample], folds: int = 5) -> dict[str, dict]:
    """Macro-F1 and per-class F1 of every design on the training split."""
    texts = [model_input(e.title, e.text) for e in examples]
    labels = [e.label for e in examples]
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    table = {}
    for name, design in designs().items():
        predicted = cross_val_predict(design, texts, labels, cv=cv)
        per_class = f1_score(labels, predicted, labels=list(LABELS), average=None)
        table[name] = {"macro_f1": round(float(f1_score(labels, predicted, average="macro")), 4),
                       **{f"f1_{lab}": round(float(v), 4) for lab, v in zip(LABELS, per_class)}}
    return table


#: The design that is shipped. It was chosen on the real-text development set
#: (``corpora/real``, dev half), where it scores best, not on cross-validation over our own
#: corpus alone; ``policy-nlp train --real`` records every design's real scores in the card.
CHOSEN_DESIGN = "words+logreg"


def real_dev_scores(examples: list[StanceExample], real: list[tuple[str, str, bool]]) -> dict[str, dict]:
    """Every design, fitted calibrated on the training split, scored on real texts
    (``(text, label, is_commentary)``): macro-F1 overall and on commentary and other texts."""
    train_set = [e for e in examples if e.split == "train"]
    texts, labels = [model_input(e.title, e.text) for e in train_set], [e.label for e in train_set]
    table = {}
    for name, design in designs().items():
        model = calibrated(design).fit(texts, labels)
        predicted = list(model.predict([relief_words(text) for text, _, _ in real]))
        gold = [label for _, label, _ in real]
        row = {"n": len(real), **{k: v for k, v in stance_scores(gold, predicted).items() if k in ("macro_f1", "accuracy")}}
        for group, wanted in (("commentary", True), ("other", False)):
            pairs = [(g, p) for (g, p), (_, _, c) in zip(zip(gold, predicted), real) if c == wanted]
            if pairs:
                row[f"macro_f1_{group}"] = stance_scores(*map(list, zip(*pairs)))["macro_f1"]
        table[name] = row
    return table


def train(examples: list[StanceExample], out_dir: Path, real: list[tuple[str, str, bool]] | None = None) -> dict:
    """Fit the chosen design calibrated, score it on the fixed test split, save model and card.

    The card records every design's cross-validated scores on the training split and, with
    ``real`` (the real-text development documents), their scores there.
    """
    train_set = [e for e in examples if e.split == "train"]
    test_set = [e for e in examples if e.split == "test"]
    table = cross_validate(train_set)
    best = CHOSEN_DESIGN
    model = calibrated(designs()[best])
    model.fit([model_input(e.title, e.text) for e in train_set], [e.label for e in train_set])
    _drop_pruned_terms(model)
    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out_dir / MODEL_FILE)  # uncompressed: loads in 0.05 s instead of 1 s
    predicted = list(model.predict([model_input(e.title, e.text) for e in test_set]))
    linear = LinearStance.from_pipeline(model)
    linear_path = out_dir / LINEAR_FILE
    if linear is not None:
        linear.save(linear_path)
    else:
        linear_path.unlink(missing_ok=True)
    card = {
        "model": MODEL_FILE,
        "model_sha256": sha256_file(out_dir / MODEL_FILE),
        "linear": LINEAR_FILE if linear is not None else None,
        "linear_sha256": sha256_file(linear_path) if linear is not None else None,
        "sklearn_version": sklearn.__version__,
        "labels": list(model.classes_),
        "design": best,
        "calibration": "CalibratedClassifierCV(method='sigmoid', cv=5, ensemble=False)",
        "training_data_sha256": corpus_hash(examples),
        "n_train": len(train_set),
        "n_test": len(test_set),
        "cross_validation": table,
        "chosen_on": "macro-F1 on the real-text development set (corpora/real, dev half)",
        **({"real_dev": real_dev_scores(examples, real)} if real else {}),
        "test": stance_scores([e.label for e in test_set], predicted),
    }
    previous = out_dir / CARD_FILE
    if previous.is_file():
        # Measured by scripts/stance_designs_real.py and scripts/stance_embedding_real.py on
        # designs, not on this model file.
        old = json.loads(previous.read_text(encoding="utf-8"))
        for key in ("real_dev_target_aware", "real_dev_embedding"):
            if old.get(key):
                card[key] = old[key]
    (out_dir / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def fit_temperature(probs: np.ndarray, labels: list[int]) -> float:
    """The temperature (0.5-4, in steps of 0.01) that minimises the negative log-likelihood
    of the gold ``labels`` (column indices) under ``probs`` softened by it (see
    :func:`policy_nlp.stance.model.soften`)."""
    rows = np.arange(len(labels))

    def loss(temperature: float) -> float:
        return float(-np.log(np.clip(soften(probs, temperature)[rows, labels], 1e-12, 1.0)).mean())

    return min((round(t, 2) for t in np.arange(0.5, 4.0001, 0.01)), key=loss)


def record_calibration(out_dir: Path, tables: dict[str, dict], how: str, temperature: dict | None = None) -> dict:
    """Add reliability tables of the shipped model (``{"dev": ..., "test": ...}``, see
    :func:`policy_nlp.scoring.reliability`) to its card as ``calibration_real``, and the
    temperature fitted on real text as ``real_text_temperature``; return the card. Training
    writes a new card without them: they belong to one model file."""
    import datetime

    card = json.loads((out_dir / CARD_FILE).read_text(encoding="utf-8"))
    today = datetime.date.today().isoformat()
    card["calibration_real"] = {"model_sha256": card["model_sha256"], "measured": today, "how": how, **tables}
    if temperature is not None:
        card["real_text_temperature"] = {"model_sha256": card["model_sha256"], "fitted": today, **temperature}
    (out_dir / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card
