"""dyads.csv: one row per cooperation mention and unordered pair of its actors."""

import csv
import hashlib
import json
from itertools import combinations

import pytest

from policy_nlp.analysis import DocumentResult
from policy_nlp.cache import ResultCache
from policy_nlp.rows import dyads
from policy_nlp.schema import columns
from policy_nlp.settings import MULTI_SEPARATOR

ENTITIES = {
    "state:CUB": {"name": "Cuba", "country_iso3": "CUB"},
    "state:USA": {"name": "United States", "country_iso3": "USA"},
    "person:raul-castro": {"name": "Raúl Castro", "country_iso3": "CUB"},
}
COOP = {"doc_id": "d1", "sentence_id": 4, "start_char": 120, "domain": "science; culture", "modality": "proposed"}


@pytest.mark.parametrize("participants, pairs", [
    ([], []),
    (["state:USA"], []),
    (["state:USA", "state:USA"], []),
    (["state:USA", "state:CUB"], [("state:CUB", "state:USA")]),
    (["state:USA", "person:raul-castro", "state:CUB", "state:CUB"],
     [("person:raul-castro", "state:CUB"), ("person:raul-castro", "state:USA"), ("state:CUB", "state:USA")]),
])
def test_one_row_per_unordered_pair_in_id_order(participants, pairs):
    rows = dyads(COOP, participants, ENTITIES, "2019-09-12")
    assert [(r["actor_a_id"], r["actor_b_id"]) for r in rows] == pairs
    for row in rows:
        assert set(row) == set(columns("dyads"))
        assert (row["doc_id"], row["sentence_id"], row["start_char"]) == ("d1", 4, 120)
        assert (row["domain"], row["modality"], row["published"]) == ("science; culture", "proposed", "2019-09-12")
        assert row["pair"] == f"{row['actor_a_name']} / {row['actor_b_name']}"
    if rows:
        assert rows[0]["actor_a_name"] == ENTITIES[pairs[0][0]]["name"]
        assert rows[0]["actor_b_country"] == ENTITIES[pairs[0][1]]["country_iso3"]


def test_an_actor_unknown_to_the_document_keeps_its_id():
    (row,) = dyads(COOP, ["state:USA", "org:unknown"], ENTITIES, "")
    assert row["actor_a_id"] == "org:unknown" and row["actor_a_name"] == "" and row["pair"] == "org:unknown / United States"


def test_a_run_writes_the_dyads_of_every_cooperation_row(samples_run):
    out = samples_run
    read = {}
    for table in ("documents", "cooperation", "dyads"):
        with open(out / f"{table}.csv", encoding="utf-8-sig", newline="") as fh:
            read[table] = list(csv.DictReader(fh))
    published = {d["doc_id"]: d["published"] for d in read["documents"]}
    expected = []
    for c in read["cooperation"]:
        ids = sorted(set(c["participants"].split(MULTI_SEPARATOR)) - {""})
        expected += [(c["doc_id"], c["start_char"], a, b, c["domain"], c["modality"], published[c["doc_id"]])
                     for a, b in combinations(ids, 2)]
    found = [(d["doc_id"], d["start_char"], d["actor_a_id"], d["actor_b_id"], d["domain"], d["modality"], d["published"])
             for d in read["dyads"]]
    assert found == expected and len(found) > 10
    assert any(d["published"] for d in read["dyads"]) and all(d["actor_a_name"] for d in read["dyads"])


def test_a_cache_entry_without_dyads_is_a_miss(tmp_path):
    """An entry stored by a version that had no dyads table is analysed again, not used."""
    cache = ResultCache(tmp_path, "fingerprint")
    result = DocumentResult({"doc_id": "d1", "status": "ok"}, dyads=[{"doc_id": "d1"}])
    key = cache.key("a.txt", str(tmp_path / "a.txt"), hashlib.sha256(b"a").hexdigest())
    cache.put(key, result)
    assert cache.get(key) == result
    old = {k: v for k, v in vars(result).items() if k != "dyads"}
    payload = json.dumps(old).encode()
    (cache.folder / f"{key}.json").write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    assert cache.get(key) is None


def test_a_sentence_that_names_no_side_takes_the_two_states_the_document_is_about(analyzer, tmp_path):
    # In a statement about Australia and Afghanistan, "defence cooperation" in a sentence
    # that names neither is between the two; a sentence that names its sides keeps them,
    # and the rows say where the participants came from.
    path = tmp_path / "partnership.txt"
    path.write_text(
        "Australia and Afghanistan signed a Comprehensive Long-term Partnership in Chicago. "
        "Australia will support Afghanistan's security forces, and Afghanistan will work with Australia on migration. "
        "The Governments of Australia and Afghanistan will meet every year. "
        "Specific defence cooperation arrangements will be reviewed on a regular basis.\n", encoding="utf-8")
    result = analyzer.analyze_path(path, tmp_path)
    rows = {r["trigger"]: r for r in result.cooperation}
    defence = rows["Specific defence cooperation arrangements"]
    assert (defence["participant_names"], defence["participants_from"]) == ("Australia; Afghanistan", "document")
    assert all(r["participants_from"] == "sentence" for t, r in rows.items() if r is not defence)
    pairs = [(d["pair"], d["participants_from"]) for d in result.dyads if d["start_char"] == defence["start_char"]]
    assert pairs == [("Afghanistan / Australia", "document")]
