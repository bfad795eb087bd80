#!/usr/bin/env python3
"""Make a hard-wrapped copy of the real-text set, to measure the tool on text laid out as
PDF extractions, e-mails and plain-text archives are: lines broken every 70-80 characters.

Each space at which a line passes ``--width`` characters becomes a line break, so the text
keeps its length and every annotated offset still holds. The copy (annotations and wrapped
texts) goes to OUT, outside the repository; then

    python scripts/wrap_real_texts.py /tmp/realwrap
    policy-nlp evaluate /tmp/realwrap --split dev      # and --split test

Usage: python scripts/wrap_real_texts.py OUT [--corpus corpora/real] [--width 75]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wrap(text: str, width: int) -> str:
    """``text`` with the last space before each line passes ``width`` characters turned into
    a line break (same length, same offsets)."""
    chars = list(text)
    line_start, last_space = 0, -1
    for i, ch in enumerate(chars):
        if ch == "\n":
            line_start, last_space = i + 1, -1
            continue
        if ch == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start = last_space + 1
    return "".join(chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpora" / "real")
    parser.add_argument("--width", type=int, default=75)
    args = parser.parse_args(argv)
    texts = args.corpus / "texts"
    if not texts.is_dir():
        print(f"no texts in {texts}: run scripts/rebuild_real_texts.py first", file=sys.stderr)
        return 1
    if args.out.resolve() == args.corpus.resolve():
        print("OUT must be another folder", file=sys.stderr)
        return 1
    shutil.rmtree(args.out, ignore_errors=True)
    shutil.copytree(args.corpus / "annotations", args.out / "annotations")
    (args.out / "texts").mkdir(parents=True)
    n = 0
    for path in sorted(p for p in texts.iterdir() if p.is_file()):
        text = path.read_text(encoding="utf-8")
        wrapped = wrap(text, args.width)
        assert len(wrapped) == len(text)
        (args.out / "texts" / path.name).write_text(wrapped, encoding="utf-8")
        n += 1
    print(f"wrapped {n} texts at {args.width} characters into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
