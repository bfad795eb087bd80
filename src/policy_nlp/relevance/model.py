"""The relevance score: how surely an English text is about international affairs (0-1).

A logistic regression over the three measurements of :mod:`.features`, so small that it is
kept as numbers in ``models/relevance.json`` (weights, intercept, threshold) and applied
with plain arithmetic: it runs on every document and costs nothing beside the parse. Its
card (``models/relevance.card.json``) records the training data, the date and the scores;
``scripts/train_relevance.py`` rebuilds both.

Below :attr:`RelevanceModel.threshold` a document gets no stance (see
:mod:`policy_nlp.analysis`): the stance model was trained on policy texts only and gives a
confident label to a hotel advertisement too.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

# .features is imported where it is used: it reads our word lists through
# policy_nlp.components, which imports spaCy, and the run's version check (which only needs
# default_path) should not pay for that where no text is parsed (a Dask run's client).

MODEL_FILE = "relevance.json"
CARD_FILE = "relevance.card.json"


class RelevanceModelError(RuntimeError):
    """The relevance model is missing or does not read the features this version computes."""


@dataclass(frozen=True)
class RelevanceModel:
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def score_features(self, values: list[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, values))
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, text: str, mentions: list[dict], entities: dict[str, dict]) -> float:
        """The relevance of one analysed document (arguments as :func:`.features.features`)."""
        from .features import features

        return self.score_features(features(text, mentions, entities))

    def to_json(self) -> dict:
        from .features import FEATURES

        return {"features": list(FEATURES), "weights": list(self.weights), "intercept": self.intercept,
                "threshold": self.threshold}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=2) + "\n", encoding="utf-8")


def default_path() -> Path:
    return Path(str(resources.files("policy_nlp").joinpath("models", MODEL_FILE)))


def read_model(path: Path) -> RelevanceModel:
    """The model saved at ``path``; raise :class:`RelevanceModelError` when it cannot be used."""
    from .features import FEATURES

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RelevanceModelError(f"cannot read the relevance model {path}: {exc}; "
                                  "rebuild it with scripts/train_relevance.py") from None
    if data.get("features") != list(FEATURES):
        raise RelevanceModelError(f"the relevance model {path} reads other features than this version computes; "
                                  "rebuild it with scripts/train_relevance.py")
    return RelevanceModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def load_relevance_model() -> RelevanceModel:
    """The shipped model, read once per process."""
    return read_model(default_path())
