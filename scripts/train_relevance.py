#!/usr/bin/env python3
"""Train the relevance score and write src/policy_nlp/models/relevance.json and its card.

Runs the English pipeline over the stance corpus and every labelled text of corpora/ (see
policy_nlp.relevance.corpus), fits the score on the training texts, chooses the threshold
on the dev half and records the scores of both halves in the card. Rebuild the real and
GUM texts first (scripts/rebuild_real_texts.py --corpus corpora/real and --corpus
corpora/offtopic); the script refuses to run without them, so that the card's figures
always cover the same texts.

Usage::

    python scripts/train_relevance.py [--corpora corpora] [--out src/policy_nlp/models]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from policy_nlp.analysis import AnalysisOptions, Analyzer
from policy_nlp.relevance.corpus import labelled_texts, stance_texts
from policy_nlp.relevance.model import default_path
from policy_nlp.relevance.training import train

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=ROOT / "corpora")
    parser.add_argument("--out", type=Path, default=default_path().parent)
    args = parser.parse_args(argv)
    texts = labelled_texts(args.corpora)
    groups = {t.group for t in texts}
    if not {"real", "GUM off-topic"} <= groups:
        print("the real and GUM texts are not rebuilt: run scripts/rebuild_real_texts.py for corpora/real "
              "and corpora/offtopic first", file=sys.stderr)
        return 1
    analyzer = Analyzer(AnalysisOptions(with_stance=False))
    with tempfile.TemporaryDirectory() as tmp:
        texts += stance_texts(args.corpora / "stance", Path(tmp))
        measured = []
        for i, text in enumerate(texts):
            values = analyzer.relevance_features(text.path, text.path.parent)
            if values is not None:
                measured.append((text, values))
            if i % 200 == 0:
                print(f"{i} of {len(texts)} texts measured", file=sys.stderr)
    card = train(measured, args.out)
    print(json.dumps(card, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
