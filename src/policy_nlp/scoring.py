"""Scores shared by evaluation and training: precision, recall and F1; stance tables."""

from __future__ import annotations

STANCE_LABELS = ("engagement", "pressure", "neutral")


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def stance_scores(gold: list[str], predicted: list[str]) -> dict:
    """Per-class precision/recall/F1, macro-F1, accuracy and the confusion table."""
    out: dict = {"n": len(gold)}
    f1s = []
    for label in STANCE_LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        out[label] = prf(tp, fp, fn)
        f1s.append(out[label]["f1"])
    out["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    out["accuracy"] = round(sum(g == p for g, p in zip(gold, predicted)) / len(gold), 4) if gold else 0.0
    out["confusion"] = {g: {p: sum(1 for a, b in zip(gold, predicted) if a == g and b == p) for p in STANCE_LABELS}
                        for g in STANCE_LABELS}
    return out


#: Edges of the confidence bins of a reliability table (a three-way label's confidence is at
#: least 1/3).
RELIABILITY_EDGES = (1 / 3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def reliability(confidences: list[float], correct: list[bool]) -> dict:
    """A reliability table: per confidence bin, how many predictions, their mean confidence
    and how many were right; and the expected calibration error (the bins' gaps between
    accuracy and confidence, weighted by size). Well calibrated, accuracy is close to
    confidence in every bin."""
    bins = []
    gap = 0.0
    for low, high in zip(RELIABILITY_EDGES, RELIABILITY_EDGES[1:]):
        mine = [(c, r) for c, r in zip(confidences, correct) if low <= c < high or (high == 1.0 and c == 1.0)]
        if not mine:
            bins.append({"bin": f"{low:.2f}-{high:.2f}", "n": 0})
            continue
        mean = sum(c for c, _ in mine) / len(mine)
        accuracy = sum(r for _, r in mine) / len(mine)
        gap += len(mine) * abs(accuracy - mean)
        bins.append({"bin": f"{low:.2f}-{high:.2f}", "n": len(mine), "mean_confidence": round(mean, 4),
                     "accuracy": round(accuracy, 4)})
    n = len(confidences)
    return {"n": n, "ece": round(gap / n, 4) if n else 0.0, "bins": bins}
