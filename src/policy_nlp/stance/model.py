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
from .corpus import model_input, relief_words
from .linear import LinearStance
from .targets import MIN_SENTENCES, discussed_states, main_target

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

MODEL_FILE = "stance.joblib"
CARD_FILE = "stance.card.json"
LINEAR_FILE = "stance.linear.json"


class StanceModelError(RuntimeError):
    """The stance model is missing, or was made by another scikit-learn, or was altered."""


@dataclass
class TargetStance:
    """The stance toward one state a document discusses."""

    iso3: str
    label: str
    probabilities: dict[str, float]
    mentions: int
    sentences: int
    evidence: list[str]
    main: bool


@dataclass
class StancePrediction:
    label: str
    confidence: float
    probabilities: dict[str, float]
    target: str
    evidence: list[str] = field(default_factory=list)
    sentence_probabilities: list[dict[str, float]] = field(default_factory=list)
    target_basis: str = ""
    targets: list[TargetStance] = field(default_factory=list)


def soften(probs: np.ndarray, temperature: float) -> np.ndarray:
    """Each row raised to the power 1/``temperature`` and normalised: a temperature above 1
    moves probabilities toward uniform without changing their order."""
    if temperature == 1.0 or not len(probs):
        return probs
    scaled = np.power(np.clip(probs, 1e-12, 1.0), 1.0 / temperature)
    return scaled / scaled.sum(axis=1, keepdims=True)


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
        # Fitted on real text after training (scripts/stance_calibration.py): the model's
        # probabilities, calibrated on our corpus, are too sure of themselves on real text.
        self.temperature = float(card.get("real_text_temperature", {}).get("temperature", 1.0))

    @property
    def version(self) -> str:
        return self.card["model_sha256"][:12]

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Probabilities of the labels, softened by the card's temperature (the same label
        comes out on top)."""
        return soften(self.scorer.predict_proba([relief_words(t) for t in texts]), self.temperature)

    def predict_document(self, text: str, sentences: list[str], mentions: list[dict], entities: dict[str, dict],
                         mention_sentences: list[int], title: str = "", title_end: int = 0,
                         speakers: set[str] = frozenset(), institutions: dict[str, str] | None = None,
                         counterparts: set[str] = frozenset()) -> StancePrediction:
        """The stance of the document toward its main target, and toward each other state it
        discusses (scored on the sentences that name that state).

        ``mention_sentences[i]`` is the index in ``sentences`` of ``mentions[i]``; ``speakers``
        are the states of whoever speaks, ``counterparts`` those of whoever the title says
        they meet, and ``institutions`` maps government bodies to their
        states (see :mod:`policy_nlp.stance.targets`).
        """
        states = discussed_states(mentions, entities, mention_sentences, title_end, institutions)
        main, basis = main_target(states, speakers, counterparts)
        others = [s for s in states if s is not main and len(s.sentences) >= MIN_SENTENCES]
        # One call for the document, its sentences and the other states: the model's
        # per-call overhead is larger than the arithmetic.
        state_texts = [" ".join(sentences[i] for i in sorted(s.sentences)) for s in others]
        all_probs = self.predict_proba([model_input(title, text), *sentences, *state_texts])
        probs = all_probs[0]
        sentence_probs = all_probs[1:1 + len(sentences)]
        state_probs = all_probs[1 + len(sentences):]
        best = int(np.argmax(probs))
        label = self.labels[best]
        targets = []
        if main is not None:
            targets.append(self._target(main, probs, sentences, sentence_probs, main.sentences, main=True))
        for state, row in zip(others, state_probs):
            targets.append(self._target(state, row, sentences, sentence_probs, state.sentences, main=False))
        return StancePrediction(
            label=label, confidence=float(probs[best]),
            probabilities=self._named(probs), target=main.iso3 if main is not None else "",
            evidence=self._evidence(sentences, sentence_probs, best, range(len(sentences))),
            sentence_probabilities=[self._named(row) for row in sentence_probs],
            target_basis=basis, targets=targets,
        )

    def _named(self, row) -> dict[str, float]:
        return {lab: float(p) for lab, p in zip(self.labels, row)}

    @staticmethod
    def _evidence(sentences: list[str], sentence_probs, best: int, candidates) -> list[str]:
        """Up to :data:`N_EVIDENCE` distinct sentences of five words or more that most
        support label ``best``."""
        evidence: list[str] = []
        ranked = sorted((i for i in candidates if len(sentences[i].split()) >= 5), key=lambda i: -sentence_probs[i][best])
        for i in ranked:
            if sentences[i] not in evidence:
                evidence.append(sentences[i])
            if len(evidence) == N_EVIDENCE:
                break
        return evidence

    def _target(self, state, probs, sentences, sentence_probs, sentence_ids, main: bool) -> TargetStance:
        best = int(np.argmax(probs))
        return TargetStance(
            iso3=state.iso3, label=self.labels[best], probabilities=self._named(probs), mentions=state.mentions,
            sentences=len(sentence_ids), evidence=self._evidence(sentences, sentence_probs, best, sentence_ids), main=main,
        )


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
