"""Load and apply the stance classifier (training is in :mod:`policy_nlp.stance.training`).

The model is a scikit-learn ``Pipeline`` saved with joblib beside a JSON card that records
the scikit-learn version, labels, training-data hash, model-file hash and the
cross-validation table. Loading refuses a model whose card names another scikit-learn
version or whose file does not match the card's hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..settings import N_EVIDENCE
from .corpus import model_input
from .linear import LinearStance

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

MODEL_FILE = "stance.joblib"
CARD_FILE = "stance.card.json"
LINEAR_FILE = "stance.linear.json"


class StanceModelError(RuntimeError):
    """The stance model is missing, or was made by another scikit-learn, or was altered."""


@dataclass
class StancePrediction:
    label: str
    confidence: float
    probabilities: dict[str, float]
    target: str
    evidence: list[str] = field(default_factory=list)
    sentence_probabilities: list[dict[str, float]] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def default_model_dir() -> Path:
    return Path(str(resources.files("policy_nlp").joinpath("models")))


class StanceModel:
    """A loaded classifier plus the logic that turns it into a document prediction."""

    def __init__(self, scorer: "Pipeline | LinearStance", card: dict) -> None:
        self.scorer = scorer
        self.card = card
        self.labels = list(scorer.classes_)

    @property
    def version(self) -> str:
        return self.card["model_sha256"][:12]

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return self.scorer.predict_proba(texts)

    def predict_document(self, text: str, sentences: list[str], mentions: list[dict], entities: dict[str, dict],
                         title: str = "", title_end: int = 0) -> StancePrediction:
        # One call for the document and its sentences: the model's per-call overhead is
        # larger than the arithmetic.
        all_probs = self.predict_proba([model_input(title, text), *sentences])
        probs, sentence_probs = all_probs[0], all_probs[1:]
        best = int(np.argmax(probs))
        label = self.labels[best]
        evidence: list[str] = []
        ranked = sorted((i for i, s in enumerate(sentences) if len(s.split()) >= 5),
                        key=lambda i: -sentence_probs[i][best])
        for i in ranked:
            if sentences[i] not in evidence:
                evidence.append(sentences[i])
            if len(evidence) == N_EVIDENCE:
                break
        return StancePrediction(
            label=label, confidence=float(probs[best]),
            probabilities={lab: float(p) for lab, p in zip(self.labels, probs)},
            target=stance_target(mentions, entities, title_end),
            evidence=evidence,
            sentence_probabilities=[{lab: float(p) for lab, p in zip(self.labels, row)} for row in sentence_probs],
        )


#: How much a mention says that its state is the one the text takes a stance toward: the
#: object of sanctions, talks or engagement ("sanctions on Iran", "engage Pyongyang") more
#: than the subject, which is often the speaker's own state ("Japan will ...").
TARGET_WEIGHTS = {"object": 1.5, "other": 1.0, "subject": 0.6}


def stance_target(mentions: list[dict], entities: dict[str, dict], title_end: int = 0) -> str:
    """The state the text is about: its mentions weighted by syntax, title mentions double,
    leaders and officials counting half for their state."""
    score: dict[str, float] = {}
    for m in mentions:
        ent = entities.get(m["entity_id"], {})
        iso3 = ent.get("country_iso3", "")
        if not iso3:
            continue
        weight = TARGET_WEIGHTS.get(m.get("syntax", "other"), 1.0)
        if m["start_char"] < title_end:
            weight *= 2
        if ent.get("type") == "state":
            score[iso3] = score.get(iso3, 0.0) + (weight if m["kind"] == "actor" else 0.5 * weight)
        elif ent.get("type") in {"leader", "official"}:
            score[iso3] = score.get(iso3, 0.0) + 0.5 * weight
    if not score:
        return ""
    return max(sorted(score), key=lambda k: score[k])


def read_card(folder: Path | None = None) -> dict:
    """The model card, or ``{}`` when there is no model."""
    path = (folder or default_model_dir()) / CARD_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def verify_stance_model(folder: Path | None = None) -> dict:
    """Check the model in ``folder`` against its card and return the card; raise
    :class:`StanceModelError` with a plain message when it cannot be used."""
    folder = folder or default_model_dir()
    card_path, model_path = folder / CARD_FILE, folder / MODEL_FILE
    if not card_path.is_file() or not model_path.is_file():
        raise StanceModelError(f"no stance model in {folder}; run `policy-nlp train` to build one")
    card = json.loads(card_path.read_text(encoding="utf-8"))
    installed = metadata.version("scikit-learn")
    if card.get("sklearn_version") != installed:
        raise StanceModelError(
            f"the stance model was made with scikit-learn {card.get('sklearn_version')} but "
            f"{installed} is installed; install scikit-learn=={card.get('sklearn_version')} "
            "or rebuild the model with `policy-nlp train`"
        )
    if sha256_file(model_path) != card.get("model_sha256"):
        raise StanceModelError(f"{model_path} does not match the hash in its card; rebuild it with `policy-nlp train`")
    if card.get("linear"):
        linear_path = folder / card["linear"]
        if not linear_path.is_file() or sha256_file(linear_path) != card.get("linear_sha256"):
            raise StanceModelError(f"{linear_path} is missing or does not match the hash in its card; "
                                   "rebuild it with `policy-nlp train`")
    return card


def load_stance_model(folder: Path | None = None) -> StanceModel:
    """Load the shipped model (or the one in ``folder``), checking it against its card.

    When training wrote the numpy-only form of the pipeline, that is what is loaded:
    the same probabilities without importing scikit-learn.
    """
    folder = folder or default_model_dir()
    card = verify_stance_model(folder)
    if card.get("linear"):
        return StanceModel(LinearStance.load(folder / card["linear"]), card)
    import joblib

    return StanceModel(joblib.load(folder / MODEL_FILE), card)
