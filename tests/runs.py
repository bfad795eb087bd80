"""Small runs written through the real writers from hand-made rows, without spaCy: what the
views (workbook, report) are tested on besides the analysed samples."""

from __future__ import annotations

from pathlib import Path

from policy_nlp.analysis import DocumentResult
from policy_nlp.rows import dyads
from policy_nlp.schema import columns
from policy_nlp.writers import RunWriter

ENTITIES = {
    "state:CUB": ("Cuba", "state", "CUB", "", ""),
    "state:USA": ("United States", "state", "USA", "", ""),
    "state:COL": ("Colombia", "state", "COL", "", ""),
    "person:raul-castro": ("Raúl Castro", "leader", "CUB", "", ""),
    "city:havana": ("Havana", "city", "CUB", "23.1330", "-82.3830"),
    "city:bogota": ("Bogotá", "city", "COL", "4.6097", "-74.0817"),
    "place:caribbean": ("Caribbean Sea", "sea", "", "15.0000", "-75.0000"),
}


def _document(doc_id: str, published: str, stance: str, target: str, status: str = "ok", **extra) -> dict:
    row = dict.fromkeys(columns("documents"), "")
    probs = {s: (0.8 if s == stance else 0.1) for s in ("engagement", "pressure", "neutral")}
    row.update(doc_id=doc_id, path=f"/corpus/{doc_id}.txt", relative_path=f"{doc_id}.txt", status=status,
               format="text", encoding="utf-8", title=f"On {target} ({doc_id})", published=published)
    if status == "ok":
        row.update(n_words=500, stance=stance, stance_confidence="0.8000", stance_target=target,
                   stance_evidence="First sentence on the matter. | Second sentence, with Bogotá.",
                   **{f"p_{s}": f"{p:.4f}" for s, p in probs.items()})
    row.update(extra)
    return row


def _entities(doc_id: str, counts: dict[str, int]) -> list[dict]:
    rows = []
    for eid, n in counts.items():
        name, etype, country, lat, lon = ENTITIES[eid]
        kind = "place" if lat else "actor"
        rows.append({"doc_id": doc_id, "entity_id": eid, "name": name, "kind": kind, "type": etype,
                     "country_iso3": country, "latitude": lat, "longitude": lon, "mentions": n, "surface_forms": name})
    return rows


def _cooperation(doc_id: str, published: str, mentions: list[tuple[str, str, list[str]]]) -> tuple[list, list]:
    coop, pairs = [], []
    known = {eid: {"name": v[0], "country_iso3": v[2]} for eid, v in ENTITIES.items()}
    for i, (domain, modality, participants) in enumerate(mentions):
        row = {"doc_id": doc_id, "sentence_id": i, "start_char": 100 * i, "end_char": 100 * i + 20,
               "trigger": "cooperation", "domain": domain, "modality": modality,
               "participants": "; ".join(participants), "participant_names": "",
               "sentence": f"Sentence {i} about cooperation."}
        coop.append(row)
        pairs += dyads(row, participants, known, published)
    return coop, pairs


def _target(doc_id: str, iso3: str, name: str, stance: str, main: bool) -> dict:
    probs = {s: (0.7 if s == stance else 0.15) for s in ("engagement", "pressure", "neutral")}
    return {"doc_id": doc_id, "target_iso3": iso3, "target_name": name, "main": "yes" if main else "no",
            "stance": stance, "stance_confidence": "0.7000", **{f"p_{s}": f"{p:.4f}" for s, p in probs.items()},
            "n_mentions": 4, "n_sentences": 3, "evidence": "A sentence."}


def corpus(dated: bool = True) -> list[DocumentResult]:
    """Three analysed documents (two dated unless ``dated`` is false) and a skipped file."""
    d1, d2 = ("2021-03-05", "2021-06-20") if dated else ("", "")
    coop1, dy1 = _cooperation("d1", d1, [
        ("science; culture", "actual", ["state:CUB", "state:USA"]),
        ("economic", "proposed", ["state:USA", "state:CUB", "person:raul-castro"]),
    ])
    coop2, dy2 = _cooperation("d2", d2, [
        ("science", "negated", ["state:USA", "state:CUB"]),
        ("health", "actual", ["state:COL", "state:CUB"]),
        ("diplomatic", "hypothetical", ["state:COL"]),
    ])
    return [
        DocumentResult(_document("d1", d1, "engagement", "CUB", title="=Cuba and the United States"),
                       entities=_entities("d1", {"state:CUB": 5, "state:USA": 3, "person:raul-castro": 2,
                                                 "city:havana": 2}),
                       cooperation=coop1, dyads=dy1,
                       targets=[_target("d1", "CUB", "Cuba", "engagement", True),
                                _target("d1", "USA", "United States", "pressure", False)]),
        DocumentResult(_document("d2", d2, "pressure", "USA"),
                       entities=_entities("d2", {"state:USA": 4, "state:CUB": 1, "state:COL": 2, "city:bogota": 3,
                                                 "place:caribbean": 1}),
                       cooperation=coop2, dyads=dy2,
                       targets=[_target("d2", "USA", "United States", "pressure", True)]),
        DocumentResult(_document("d3", "", "neutral", "COL"), entities=_entities("d3", {"state:COL": 2}),
                       targets=[_target("d3", "COL", "Colombia", "neutral", True)]),
        DocumentResult(_document("d4", "", "", "", status="skipped", error="empty file")),
    ]


def write_run(out: Path, results: list[DocumentResult], bom: bool = True) -> Path:
    """Write ``results`` into ``out`` as a run would (CSV files only)."""
    out.mkdir(parents=True, exist_ok=True)
    writer = RunWriter(out, bom=bom)
    for result in results:
        writer.add(result)
    writer.commit()
    return out
