"""Turn what the pipeline found into output rows: the one place rows are built."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import combinations

from .ingest import SourceDocument
from .ingest.names import NAME_NOTE, shown_name
from .schema import columns
from .settings import MULTI_SEPARATOR

EVIDENCE_SEPARATOR = " | "


def _one_line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of a mention that a hard-wrapped line break cuts ("Crown Prince Mohammed"
    / "bin Salman"), narrowed to its longest line: a cell holds one line, and its offsets
    must reproduce its text."""
    if "\n" not in text[start:end]:
        return start, end
    pieces, at = [], start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            first = at + line.index(stripped)
            pieces.append((len(stripped), first, first + len(stripped)))
        at += len(line) + 1
    if not pieces:
        return start, end
    # (a piece that starts as a name does: "Alliance" rather than "of Sahel States")
    _, first, last = max(pieces, key=lambda p: (text[p[1]].isupper(), p[0], p[1]))
    return first, last


def one_line(text: str) -> str:
    """``text`` on one line: every run of whitespace, line breaks included, becomes one space."""
    return " ".join(text.split())


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def document_row(source: SourceDocument, **extra) -> dict:
    """The ``documents.csv`` row; counts and stance come in ``extra`` for analysed files."""
    row = dict.fromkeys(columns("documents"), "")
    path, relpath, error = shown_name(source.path), shown_name(source.relpath), source.error
    if (path, relpath) != (source.path, source.relpath):
        error = f"{error}; {NAME_NOTE}" if error else NAME_NOTE
    row.update(
        doc_id=source.doc_id, path=path, relative_path=relpath, status=source.status,
        error=error, format=source.format, encoding=source.encoding, title=one_line(source.title),
        author=one_line(source.author), published=source.published, site=one_line(source.site),
        category=one_line(source.category),
    )
    if source.status == "ok" or source.language:
        # A document skipped for its language has its size and language too.
        row.update(n_chars=len(source.text), n_words=len(re.findall(r"\w+(?:[-'\u2019]\w+)*", source.masked)))
    if source.language:
        row.update(language=source.language, language_confidence=_fmt(source.language_confidence))
    if source.status == "ok":
        row.update(n_actors=0, n_places=0, n_cooperation=0)
    row.update(extra)
    return row


#: A state is one of a document's two parties when the text names it at least this often,
#: and the second at least this share as often as the first.
PARTY_MIN_MENTIONS = 3
PARTY_SHARE = 0.3


def document_parties(counts: Counter, entities: dict[str, dict]) -> list[str]:
    """The two states a text is mostly about (a joint statement's, a bilateral speech's)."""
    states = sorted(((n, eid) for (eid, kind), n in counts.items()
                     if kind == "actor" and entities[eid].get("type") == "state"), reverse=True)
    if len(states) < 2 or states[1][0] < PARTY_MIN_MENTIONS or states[1][0] < PARTY_SHARE * states[0][0]:
        return []
    return [states[0][1], states[1][1]]


def with_parties(participants: list[str], parties: list[str], entities: dict[str, dict]) -> list[str]:
    """A mention's participants, completed by the document's two parties when the sentence
    names fewer than two sides ("Specific defence cooperation arrangements will be reviewed"
    in a partnership between two states)."""
    if len(participants) >= 2 or not parties:
        return participants
    states = {entities[p].get("country_iso3") for p in participants if p in entities}
    others = [p for p in parties if p not in participants and entities[p].get("country_iso3") not in states]
    return participants + others[:2 - len(participants)]


def build(source: SourceDocument, mentions: list[dict], entities: dict[str, dict], coops: list[dict],
          sentences: list[tuple[int, int]], sentence_of: Callable[[int], int], stance, want_sentences: bool,
          stance_note: str = "", relevance: float | None = None) -> dict:
    """All rows for one analysed document (see :mod:`policy_nlp.schema` for the columns);
    ``stance_note`` says why there is no ``stance``, ``relevance`` is the relevance score."""
    mention_rows = []
    counts: Counter = Counter()
    forms: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        ent = entities[m["entity_id"]]
        etype = _entity_type(ent, m["kind"])
        start, end = _one_line_span(source.text, m["start_char"], m["end_char"])
        mention_rows.append({
            "doc_id": source.doc_id, "sentence_id": sentence_of(m["start_char"]),
            "start_char": start, "end_char": end,
            "text": source.text[start:end], "kind": m["kind"],
            "entity_id": m["entity_id"], "name": ent["name"], "type": etype, "country_iso3": ent["country_iso3"],
            "latitude": _coord(ent, "latitude", m["kind"]), "longitude": _coord(ent, "longitude", m["kind"]),
            "surface_role": m["role"],
        })
        key = (m["entity_id"], m["kind"])
        counts[key] += 1
        text = one_line(source.text[m["start_char"]:m["end_char"]])
        forms.setdefault(key, [])
        if text not in forms[key]:
            forms[key].append(text)

    entity_rows = []
    for (eid, kind), n in sorted(counts.items(), key=lambda kv: (kv[0][1], -kv[1], kv[0][0])):
        ent = entities[eid]
        entity_rows.append({
            "doc_id": source.doc_id, "entity_id": eid, "name": ent["name"], "kind": kind,
            "type": _entity_type(ent, kind), "country_iso3": ent["country_iso3"],
            "latitude": _coord(ent, "latitude", kind), "longitude": _coord(ent, "longitude", kind),
            "mentions": n, "surface_forms": MULTI_SEPARATOR.join(forms[(eid, kind)]),
        })

    coop_rows = []
    dyad_rows = []
    parties = document_parties(counts, entities)
    for c in coops:
        completed = with_parties(c["participants"], parties, entities)
        source_of = "document" if len(completed) > len(c["participants"]) else "sentence"
        c = {**c, "participants": completed}
        coop_rows.append({
            "doc_id": source.doc_id, "sentence_id": sentence_of(c["start_char"]),
            "start_char": c["start_char"], "end_char": c["end_char"], "trigger": one_line(c["trigger"]),
            "domain": MULTI_SEPARATOR.join(c["domain"]), "modality": c["modality"],
            "participants": MULTI_SEPARATOR.join(c["participants"]),
            "participant_names": MULTI_SEPARATOR.join(entities[p]["name"] for p in c["participants"] if p in entities),
            "participants_from": source_of,
            "sentence": one_line(source.text[c["sent_start"]:c["sent_end"]]),
        })
        dyad_rows.extend(dyads(coop_rows[-1], c["participants"], entities, source.published))

    stance_fields = {"stance_note": stance_note, "relevance": _fmt(relevance)}
    sentence_rows = []
    target_rows = []
    if stance is not None:
        stance_fields.update({
            "stance": stance.label, "stance_confidence": _fmt(stance.confidence), **_probabilities(stance.probabilities),
            "stance_target": stance.target, "stance_target_basis": stance.target_basis,
            "stance_evidence": EVIDENCE_SEPARATOR.join(stance.evidence),
        })
        for target in stance.targets:
            target_rows.append({
                "doc_id": source.doc_id, "target_iso3": target.iso3, "target_name": _state_name(target.iso3, entities),
                "main": "yes" if target.main else "no", "stance": target.label,
                "stance_confidence": _fmt(target.probabilities[target.label]), **_probabilities(target.probabilities),
                "n_mentions": target.mentions, "n_sentences": target.sentences,
                "evidence": EVIDENCE_SEPARATOR.join(target.evidence),
            })
        if want_sentences:
            for i, ((start, end), probs) in enumerate(zip(sentences, stance.sentence_probabilities)):
                sentence_rows.append({
                    "doc_id": source.doc_id, "sentence_id": i, "start_char": start, "end_char": end,
                    **_probabilities(probs), "sentence": one_line(source.text[start:end]),
                })

    document = document_row(
        source,
        n_actors=sum(1 for _, kind in counts if kind == "actor"),
        n_places=sum(1 for _, kind in counts if kind == "place"),
        n_cooperation=len(coop_rows),
        **stance_fields,
    )
    return {"document": document, "mentions": mention_rows, "entities": entity_rows, "cooperation": coop_rows,
            "dyads": dyad_rows, "targets": target_rows, "sentences": sentence_rows, "words": document["n_words"]}


def dyads(coop_row: dict, participants: list[str], entities: dict[str, dict], published: str) -> list[dict]:
    """The ``dyads.csv`` rows of one cooperation mention: one per unordered pair of its
    distinct participants, each pair in entity-id order, pairs in that order too."""
    rows = []
    for a, b in combinations(sorted(set(participants)), 2):
        ent_a, ent_b = entities.get(a, {}), entities.get(b, {})
        name_a, name_b = ent_a.get("name", ""), ent_b.get("name", "")
        rows.append({
            "doc_id": coop_row["doc_id"], "sentence_id": coop_row["sentence_id"], "start_char": coop_row["start_char"],
            "actor_a_id": a, "actor_a_name": name_a, "actor_a_country": ent_a.get("country_iso3", ""),
            "actor_b_id": b, "actor_b_name": name_b, "actor_b_country": ent_b.get("country_iso3", ""),
            "pair": f"{name_a or a} / {name_b or b}", "domain": coop_row["domain"], "modality": coop_row["modality"],
            "participants_from": coop_row.get("participants_from", "sentence"), "published": published,
        })
    return rows


def _probabilities(probabilities: dict[str, float]) -> dict[str, str]:
    return {f"p_{label}": _fmt(probabilities.get(label)) for label in ("engagement", "pressure", "neutral")}


def _state_name(iso3: str, entities: dict[str, dict]) -> str:
    """The name of the state coded ``iso3``: from the document's entities, else the knowledge
    base (a state discussed only through its leaders has no entity of its own)."""
    entity = entities.get(f"state:{iso3}")
    if entity is None:
        from .knowledge import load_knowledge_base

        found = load_knowledge_base().entities.get(f"state:{iso3}")
        return found.name if found is not None else ""
    return entity["name"]


def _entity_type(ent: dict, kind: str) -> str:
    if kind == "place" and ent["type"] == "state":
        return "country"
    return ent["type"]


def _coord(ent: dict, key: str, kind: str) -> str:
    value = ent.get(key)
    return "" if kind != "place" or value is None else f"{value:.4f}"
