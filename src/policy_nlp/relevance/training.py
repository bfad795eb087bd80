"""Fit the relevance score, choose its threshold on the dev half, write model and card."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path

from ..scoring import prf
from .corpus import SETS, RelevanceText
from .features import FEATURES
from .model import CARD_FILE, MODEL_FILE, RelevanceModel

#: Share of the relevant dev texts (the stance corpus's train split, corpora/dev and the
#: real dev half) that must keep their stance: the threshold is the highest that keeps at
#: least this many (issue 14 asks for 0.97 of unseen policy texts).
MIN_DEV_RECALL = 0.98

#: Fitted on: the stance corpus's train split (relevant) and the dev half of the GUM
#: documents (not relevant). The real texts are kept for choosing the threshold and
#: measuring, and the off-topic texts written by us for measuring only, so that the floors
#: CI checks on them (``corpora/baseline.json``) are not scores on training data.
FIT_GROUPS = ("stance corpus", "GUM off-topic")


def fit(values: Sequence[Sequence[float]], relevant: Sequence[bool]) -> tuple[tuple[float, ...], float]:
    """Weights and intercept of a logistic regression, each class weighted by its size
    (there are twenty times more policy texts than off-topic ones)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(class_weight="balanced", C=1.0, max_iter=1000).fit(values, relevant)
    return tuple(round(float(w), 4) for w in model.coef_[0]), round(float(model.intercept_[0]), 4)


def choose_threshold(scores: Sequence[float], relevant: Sequence[bool], min_recall: float = MIN_DEV_RECALL) -> float:
    """The highest threshold, in steps of 0.01, that keeps ``min_recall`` of the relevant texts."""
    kept = sorted(s for s, r in zip(scores, relevant) if r)
    allowed = int(len(kept) * (1 - min_recall))  # relevant texts that may fall below
    return max(0.01, int(kept[allowed] * 100) / 100) if kept else 0.5


def relevance_scores(scores: Sequence[float], relevant: Sequence[bool], threshold: float) -> dict:
    """Precision, recall and F1 of "relevant" at ``threshold``; ``kept_relevant`` (the share of
    relevant texts above it: they keep their stance) and ``rejected_off_topic`` (the share
    of off-topic texts below it: they get none)."""
    tp = sum(1 for s, r in zip(scores, relevant) if r and s >= threshold)
    fp = sum(1 for s, r in zip(scores, relevant) if not r and s >= threshold)
    fn = sum(1 for s, r in zip(scores, relevant) if r and s < threshold)
    positives, negatives = sum(map(bool, relevant)), sum(1 for r in relevant if not r)
    return {"n_relevant": positives, "n_off_topic": negatives, **prf(tp, fp, fn),
            "kept_relevant": round(tp / positives, 4) if positives else 0.0,
            "rejected_off_topic": round((negatives - fp) / negatives, 4) if negatives else 0.0}


def train(measured: list[tuple[RelevanceText, list[float]]], out_dir: Path) -> dict:
    """Fit on the dev half of :data:`FIT_GROUPS`, choose the threshold on the relevant dev texts,
    score both halves per group, write ``relevance.json`` and its card; return the card."""
    fit_on = [(t, v) for t, v in measured if t.split == "dev" and t.group in FIT_GROUPS]
    weights, intercept = fit([v for _, v in fit_on], [t.relevant for t, _ in fit_on])
    model = RelevanceModel(weights, intercept, 0.5)
    scored = [(t, model.score_features(v)) for t, v in measured]
    dev = [(t, s) for t, s in scored if t.split == "dev"]
    threshold = choose_threshold([s for _, s in dev], [t.relevant for t, _ in dev])
    model = RelevanceModel(weights, intercept, threshold)
    report = {}
    for split in ("dev", "test"):
        rows = [(t, s) for t, s in scored if t.split == split]
        report[split] = {"all": relevance_scores([s for _, s in rows], [t.relevant for t, _ in rows], threshold),
                         **{name: relevance_scores([s for t, s in rows if t.group in groups],
                                                   [t.relevant for t, _ in rows if t.group in groups], threshold)
                            for name, groups in SETS.items()}}
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(out_dir / MODEL_FILE)
    counts = {}
    for t, _ in fit_on:
        counts[t.group] = counts.get(t.group, 0) + 1
    card = {
        "model": MODEL_FILE,
        "what": "relevance: how surely an English text is about international affairs (0-1); "
                "below the threshold a document gets no stance",
        "design": "logistic regression (scikit-learn, class_weight='balanced', C=1) over "
                  + ", ".join(FEATURES) + ", each log(1 + x)",
        "features": list(FEATURES),
        "weights": list(weights),
        "intercept": intercept,
        "threshold": threshold,
        "threshold_rule": f"the highest (in steps of 0.01) that keeps {MIN_DEV_RECALL} of the relevant dev texts "
                          "(corpora/stance train split, corpora/dev, corpora/real dev half)",
        "trained_on": {"groups": counts,
                       "sources": "corpora/stance train split (written by us); the dev half of the GUM treebank "
                                  "documents in corpora/offtopic (CC BY / BY-SA)"},
        "trained": datetime.date.today().isoformat(),
        "scores": report,
        "reproduce": "python scripts/train_relevance.py (after scripts/rebuild_real_texts.py for corpora/real "
                     "and corpora/offtopic)",
    }
    (out_dir / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card
