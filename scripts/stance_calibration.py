#!/usr/bin/env python3
"""Measure how well the shipped stance model's confidences are calibrated on real texts and
record the reliability tables in its card (``calibration_real`` in
src/policy_nlp/models/stance.card.json).

Every real document with a gold stance (corpora/real, texts rebuilt by
scripts/rebuild_real_texts.py) is analysed as ``policy-nlp analyze --all-stances`` would
(the confidence a user sees, toward the target the tool picks); a prediction is right when
its label is the gold label. One table per half: decide on dev, look at test once.

Usage::

    python scripts/stance_calibration.py [--real corpora/real]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from policy_nlp.analysis import AnalysisOptions, Analyzer
from policy_nlp.evaluate import format_reliability, gold_documents, run_evaluation
from policy_nlp.stance.model import default_model_dir
from policy_nlp.stance.training import record_calibration

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=ROOT / "corpora" / "real")
    args = parser.parse_args(argv)
    if gold_documents(args.real, "all")[1]:
        print(f"some real texts are not rebuilt; see {args.real}/README.md", file=sys.stderr)
        return 1
    analyzer = Analyzer(AnalysisOptions(all_stances=True))
    tables = {}
    for split in ("dev", "test"):
        report = run_evaluation(args.real, analyzer=analyzer, split=split)
        tables[split] = {**report["stance_calibration"], "macro_f1": report["stance_dev"]["macro_f1"]}
        print(f"{split} half:\n{format_reliability(report['stance_calibration'])}\n", file=sys.stderr)
    card = record_calibration(default_model_dir(), tables,
                              "documents of corpora/real with a gold stance, analysed with --all-stances; "
                              "a prediction is right when its label is the gold label")
    print(json.dumps(card["calibration_real"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
