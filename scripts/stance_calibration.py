#!/usr/bin/env python3
"""Measure how well the shipped stance model's confidences are calibrated on real texts and
record the reliability tables in its card (``calibration_real`` in
src/policy_nlp/models/stance.card.json).

Every real document with a gold stance (corpora/real, texts rebuilt by
scripts/rebuild_real_texts.py) is analysed as ``policy-nlp analyze --all-stances`` would
(the confidence a user sees, toward the target the tool picks); a prediction is right when
its label is the gold label. One table per half: decide on dev, look at test once.

Before the tables, a temperature is fitted to the model's probabilities on the dev half
(the one that minimises their negative log-likelihood; see
:func:`policy_nlp.stance.training.fit_temperature`) and recorded in the card as
``real_text_temperature``: the model, calibrated by cross-validation on our corpus, is too
sure of itself on real text. The tables are of the softened probabilities, with the
expected calibration error of the raw ones beside them.

Usage::

    python scripts/stance_calibration.py [--real corpora/real]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from policy_nlp.analysis import AnalysisOptions, Analyzer
from policy_nlp.evaluate import format_reliability, gold_documents, run_evaluation
from policy_nlp.stance.model import default_model_dir
from policy_nlp.stance.training import fit_temperature, record_calibration

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=ROOT / "corpora" / "real")
    args = parser.parse_args(argv)
    if gold_documents(args.real, "all")[1]:
        print(f"some real texts are not rebuilt; see {args.real}/README.md", file=sys.stderr)
        return 1
    analyzer = Analyzer(AnalysisOptions(all_stances=True))
    analyzer.stance.temperature = 1.0  # the raw probabilities first
    dev_results: dict = {}
    raw = {split: run_evaluation(args.real, analyzer=analyzer, split=split,
                                 seen=dev_results if split == "dev" else None)["stance_calibration"]["ece"]
           for split in ("dev", "test")}
    probs, labels = dev_probabilities(analyzer.stance.labels, args.real, dev_results)
    temperature = fit_temperature(probs, labels)
    analyzer.stance.temperature = temperature
    tables = {}
    for split in ("dev", "test"):
        report = run_evaluation(args.real, analyzer=analyzer, split=split)
        tables[split] = {**report["stance_calibration"], "ece_raw": raw[split], "macro_f1": report["stance_dev"]["macro_f1"]}
        print(f"{split} half:\n{format_reliability(report['stance_calibration'])}\n", file=sys.stderr)
    card = record_calibration(default_model_dir(), tables,
                              "documents of corpora/real with a gold stance, analysed with --all-stances; "
                              "a prediction is right when its label is the gold label; probabilities softened "
                              "by real_text_temperature (ece_raw: without it)",
                              {"temperature": temperature, "fitted_on": f"the real dev half ({len(labels)} documents), "
                               "minimising the negative log-likelihood of the gold labels"})
    print(json.dumps(card["calibration_real"], indent=2))
    return 0


def dev_probabilities(names: list[str], real: Path, results: dict) -> tuple[np.ndarray, list[int]]:
    """The document probabilities (in the order of the labels ``names``) of the dev half's
    documents with a gold stance, from their analyses in ``results`` (by resolved path), and
    the gold labels' indices."""
    rows, labels = [], []
    for gold, path in gold_documents(real, "dev")[0]:
        label = (gold.get("stance") or {}).get("label")
        document = results[path.resolve()].document
        if label in names and document.get("stance"):
            rows.append([float(document[f"p_{name}"]) for name in names])
            labels.append(names.index(label))
    return np.array(rows), labels


if __name__ == "__main__":
    sys.exit(main())
