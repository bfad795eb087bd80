#!/usr/bin/env python3
"""Score the tool's HTML path on whole real web pages against our annotations of their text.

Some real documents (``corpora/real/annotations/*.json`` whose ``source`` names a ``page``)
were saved by a crawler as the whole page: the site's header, menus, sidebars, links to
translations and readers' comments around the post. ``scripts/rebuild_real_texts.py``
writes those pages, unchanged and checked against their SHA-256, to
``corpora/real/texts/pages/<id>.html``. This script analyses each page as a user's scraped
HTML file and, next to it, the plain text we annotated, and scores both against the same
annotation: the title and date the page yields, actors, places, cooperation sentences and
stance. Where the page scores below its text, the extraction lost or added something.

Usage::

    python scripts/rebuild_real_texts.py --mirrors MIRRORS     # writes texts/ and texts/pages/
    python scripts/score_real_pages.py [--corpus corpora/real] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from policy_nlp.analysis import Analyzer
from policy_nlp.evaluate import prf, resolve_spans, score_document

ROOT = Path(__file__).resolve().parent.parent


def _same(a: str, b: str) -> bool:
    fold = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
    return " ".join((a or "").translate(fold).split()) == " ".join((b or "").translate(fold).split())


def score_pages(corpus: Path, analyzer: Analyzer | None = None) -> dict:
    """Per page and in total: metadata, entity and cooperation scores of the page and of its text."""
    analyzer = analyzer or Analyzer()
    rows, totals = [], {which: {k: Counter() for k in ("actor", "place", "cooperation")} for which in ("page", "text")}
    for path in sorted((corpus / "annotations").glob("*.json")):
        note = json.loads(path.read_text(encoding="utf-8"))
        page = corpus / "texts" / "pages" / f"{note['id']}.html"
        text = corpus / "texts" / note["file"]
        if "page" not in note["source"] or not page.is_file() or not text.is_file():
            continue
        gold = resolve_spans(note, text.read_text(encoding="utf-8"))
        row = {"id": note["id"], "split": note["split"]}
        for which, file in (("page", page), ("text", text)):
            result = analyzer.analyze_path(file, file.parent)
            scores = score_document(result, gold)
            for kind in totals[which]:
                totals[which][kind].update({k: scores[kind][k] for k in ("tp", "fp", "fn")})
            row[which] = {kind: prf(scores[kind]["tp"], scores[kind]["fp"], scores[kind]["fn"])["f1"]
                          for kind in ("actor", "place", "cooperation")}
            row[which]["stance"] = result.document.get("stance", "")
            if which == "page":
                meta = note.get("metadata", {})
                row["title"] = {"got": result.document.get("title", ""), "want": meta.get("title", ""),
                                "ok": _same(result.document.get("title", ""), meta.get("title", ""))}
                row["published"] = {"got": result.document.get("published", ""), "want": meta.get("published", ""),
                                    "ok": result.document.get("published", "") == meta.get("published", "")}
                row["author"] = result.document.get("author", "")
        row["stance_gold"] = (note.get("stance") or {}).get("label", "")
        rows.append(row)
    total = {which: {kind: prf(c["tp"], c["fp"], c["fn"]) for kind, c in kinds.items()} for which, kinds in totals.items()}
    return {"pages": rows, "total": total,
            "titles_right": sum(r["title"]["ok"] for r in rows), "dates_right": sum(r["published"]["ok"] for r in rows)}


def format_report(report: dict) -> str:
    lines = [f"{len(report['pages'])} real pages; title right {report['titles_right']}, date right {report['dates_right']}",
             "", f"{'page':48s} {'split':5s} title date  actors F1    places F1   coop F1     stance (gold)",
             f"{'':48s} {'':5s} {'':10s} page  text  page  text  page  text"]
    for r in report["pages"]:
        p, t = r["page"], r["text"]
        lines.append(f"{r['id'][:48]:48s} {r['split']:5s} {'ok ' if r['title']['ok'] else 'BAD'}   "
                     f"{'ok ' if r['published']['ok'] else 'BAD'}  "
                     f"{p['actor']:.2f}  {t['actor']:.2f}  {p['place']:.2f}  {t['place']:.2f}  "
                     f"{p['cooperation']:.2f}  {t['cooperation']:.2f}  {p['stance']} / {t['stance']} ({r['stance_gold']})")
        if not r["title"]["ok"]:
            lines.append(f"    title: got {r['title']['got']!r}, annotated {r['title']['want']!r}")
        if not r["published"]["ok"]:
            lines.append(f"    date: got {r['published']['got']!r}, annotated {r['published']['want']!r}")
    lines.append("")
    for which in ("page", "text"):
        s = report["total"][which]
        lines.append(f"all {which}s: " + "; ".join(
            f"{kind} P {s[kind]['precision']:.3f} R {s[kind]['recall']:.3f} F1 {s[kind]['f1']:.3f}"
            for kind in ("actor", "place", "cooperation")))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpora" / "real")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    report = score_pages(args.corpus)
    if not report["pages"]:
        print(f"no rebuilt pages under {args.corpus / 'texts' / 'pages'}: run scripts/rebuild_real_texts.py first",
              file=sys.stderr)
        return 1
    print(json.dumps(report, indent=1, ensure_ascii=False) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
