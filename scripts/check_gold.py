#!/usr/bin/env python3
"""Check annotation files against the gold format of ``corpora/README.md``.

Usage::

    python scripts/check_gold.py corpora/dev
    python scripts/check_gold.py corpora/real          # annotations/ beside texts/
    python scripts/check_gold.py FILE.json [TEXT]      # one annotation

Annotations of real texts locate sentences by offsets into the rebuilt text (see
``policy_nlp.evaluate.resolve_spans``). For each annotation it checks the fields and their values (labels, types, domains,
modalities, ISO3 codes known to the knowledge base or ``AAA|BBB`` lists of them), that every
alias occurs in the text, that every cooperation anchor (and optional or negative anchor)
occurs exactly once, and that cooperation participants are annotated actors. Prints one
line per problem; exit status 1 when there is any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LABELS = {"engagement", "pressure", "neutral"}
ACTOR_TYPES = {"state", "leader", "official", "person", "igo", "organization"}
DOMAINS = {"science", "education", "culture", "economic", "diplomatic", "security", "health", "humanitarian",
           "environment", "energy", "sport", "social", "other"}
MODALITIES = {"actual", "proposed", "negated", "hypothetical"}


def resolve_spans(gold: dict, text: str) -> dict:
    from policy_nlp.evaluate import resolve_spans as resolve

    return resolve(gold, text)


def known_codes() -> set[str]:
    from policy_nlp.knowledge import load_knowledge_base

    kb = load_knowledge_base()
    return {e.country_iso3 for e in kb.entities.values() if e.type == "state"} | {"XKX"}


def _flat(text: str) -> str:
    return " ".join(text.split())


def check(gold: dict, text: str, codes: set[str]) -> list[str]:
    """The problems of one annotation against its text."""
    problems = []
    flat = _flat(text)
    lowered = flat.lower()

    def code_ok(value) -> bool:
        return value in (None, "") or all(part in codes for part in str(value).split("|"))

    stance = gold.get("stance") or {}
    if stance.get("label") not in LABELS:
        problems.append(f"stance label {stance.get('label')!r}")
    if stance.get("label") and not code_ok(stance.get("target_iso3")) or not stance.get("target_iso3"):
        problems.append(f"stance target {stance.get('target_iso3')!r}")
    names = set()
    for kind in ("actors", "places"):
        for entity in gold.get(kind, []):
            name = entity.get("name", "")
            names.add(name)
            if kind == "actors" and entity.get("type") not in ACTOR_TYPES:
                problems.append(f"{name}: type {entity.get('type')!r}")
            if not code_ok(entity.get("iso3")):
                problems.append(f"{name}: iso3 {entity.get('iso3')!r}")
            aliases = entity.get("aliases") or []
            if not aliases:
                problems.append(f"{name}: no aliases (list every form used in the text)")
            for alias in aliases:
                if _flat(alias).lower() not in lowered:
                    problems.append(f"{name}: alias {alias!r} is not in the text")
        for entity in gold.get(f"{kind}_optional", []):
            if not entity.get("name"):
                problems.append(f"{kind}_optional entry without a name")
    for item in gold.get("cooperation", []):
        anchor = _flat(item.get("anchor", ""))
        count = flat.count(anchor) if anchor else 0
        if count != 1:
            problems.append(f"cooperation anchor {anchor[:60]!r} occurs {count} times (must be once)")
        if not item.get("domains") or set(item["domains"]) - DOMAINS:
            problems.append(f"cooperation {anchor[:40]!r}: domains {item.get('domains')}")
        if not item.get("modality") or set(item["modality"]) - MODALITIES:
            problems.append(f"cooperation {anchor[:40]!r}: modality {item.get('modality')}")
        for participant in item.get("participants", []):
            if participant not in names:
                problems.append(f"cooperation {anchor[:40]!r}: participant {participant!r} is not an annotated actor")
    for key in ("cooperation_optional", "hard_negatives"):
        for anchor in gold.get(key, []):
            if _flat(anchor) not in flat:
                problems.append(f"{key} anchor {anchor[:60]!r} is not in the text")
    return problems


def pairs(target: Path) -> list[tuple[Path, Path]]:
    """(annotation, text) pairs for a folder (``annotations/`` and ``texts/``, or side by side)."""
    if target.is_file():
        return [(target, target.with_name(json.loads(target.read_text(encoding="utf-8"))["file"]))]
    notes = target / "annotations" if (target / "annotations").is_dir() else target
    texts = target / "texts" if (target / "texts").is_dir() else target
    return [(p, texts / json.loads(p.read_text(encoding="utf-8"))["file"]) for p in sorted(notes.glob("*.json"))]


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip())
        return 2
    target = Path(argv[1])
    items = pairs(target)
    if len(argv) > 2:
        items = [(target, Path(argv[2]))]
    codes = known_codes()
    bad = 0
    for gold_path, text_path in items:
        if not text_path.is_file():
            print(f"{gold_path.name}: text {text_path} is missing (rebuild it first)")
            bad += 1
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        for problem in check(resolve_spans(gold, text), text, codes):
            print(f"{gold_path.name}: {problem}")
            bad += 1
    print(f"{len(items)} annotations, {bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
