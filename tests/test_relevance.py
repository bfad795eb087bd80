"""Relevance: English texts about international affairs keep their stance, others get a
note instead; --all-stances lifts the gate; texts in other languages have no relevance.
The real pipeline and the shipped relevance and stance models, on texts written here."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from policy_nlp.cli import main
from policy_nlp.relevance.model import load_relevance_model
from policy_nlp.relevance.training import choose_threshold
from policy_nlp.run import run_analysis
from policy_nlp.scoring import reliability

POLICY = (
    "Seoul Should Keep the Door to Pyongyang Open\n\n"
    "South Korea and the United States announced new sanctions on North Korea after its latest missile test. "
    "The foreign ministers of Japan and South Korea met in Tokyo and agreed to coordinate their diplomacy. "
    "Pyongyang rejected the talks and called the allied military exercises a rehearsal for invasion. "
    "Seoul should nonetheless offer humanitarian aid and reopen the liaison office, because dialogue with "
    "North Korea has eased tension before, and China and Russia will not enforce sanctions for ever.\n"
)
OFF_TOPIC = (
    "Version 4.2 of our photo app is here\n\n"
    "This release makes albums load twice as fast and adds a dark theme. Exporting to PNG and JPEG now keeps "
    "the colour profile. We fixed a crash when a card reader was removed during import, and the search box "
    "finds photos by the camera model. Thanks to everyone who sent feedback through the help menu.\n"
)
# Off-topic, but it names a state: without the gate the stance model gives it a stance.
HOTEL = (
    "Escape to the Lotus Garden Resort in Vietnam\n\n"
    "Stay five nights and pay for four at our beach resort near Da Nang. Every villa has a private pool, "
    "and our chefs cook Vietnamese dishes with herbs from the garden. Vietnam's warm sea is perfect from "
    "April to August. Book before the end of March for free airport transfers.\n"
)
NO_STATE = (
    "The committee met on Tuesday to discuss the library's opening hours, the budget for new books and "
    "the repair of the roof. Members agreed to open on Sunday afternoons from next month.\n"
)
GERMAN = (
    "Die Regierung hat am Montag neue Sanktionen gegen Nordkorea beschlossen. Der Außenminister sagte, "
    "man bleibe dennoch offen für Gespräche mit Pjöngjang und mit den Partnern in der Region.\n"
)


def read_rows(folder: Path, table: str) -> list[dict]:
    with open(folder / f"{table}.csv", newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    for name, text in (("policy.txt", POLICY), ("release.txt", OFF_TOPIC), ("hotel.txt", HOTEL),
                       ("library.txt", NO_STATE), ("nachricht.txt", GERMAN)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def gated(mixed_folder, analyzer, tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("gated") / "out"
    run_analysis(mixed_folder, out, analyzer.options, jobs=1, analyzer=analyzer)
    return {"documents": {Path(r["path"]).name: r for r in read_rows(out, "documents")},
            "targets": read_rows(out, "targets")}


def test_policy_text_is_relevant_and_keeps_its_stance(gated):
    row = gated["documents"]["policy.txt"]
    assert float(row["relevance"]) >= 0.8
    assert row["stance"] and row["stance_target"] and row["stance_note"] == ""
    assert any(t["doc_id"] == row["doc_id"] and t["main"] == "yes" for t in gated["targets"])


@pytest.mark.parametrize("name", ["release.txt", "hotel.txt", "library.txt"])
def test_off_topic_text_gets_a_note_instead_of_a_stance(gated, name):
    row = gated["documents"][name]
    threshold = load_relevance_model().threshold
    assert float(row["relevance"]) < threshold
    assert row["stance"] == row["stance_confidence"] == row["p_engagement"] == row["stance_target"] == ""
    assert row["stance_note"] == f"not about international affairs (relevance {float(row['relevance']):.2f} < {threshold:.2f})"
    assert not [t for t in gated["targets"] if t["doc_id"] == row["doc_id"]]


def test_a_gated_text_keeps_its_actors_and_places(gated):
    row = gated["documents"]["hotel.txt"]
    assert int(row["n_places"]) + int(row["n_actors"]) >= 1


def test_other_languages_have_no_relevance(gated):
    row = gated["documents"]["nachricht.txt"]
    assert row["status"] == "skipped" and row["language"] == "de" and row["relevance"] == ""


def test_all_stances_lifts_the_gate_but_a_stance_still_needs_a_target(mixed_folder, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(mixed_folder), "-o", str(out), "-q", "--all-stances"])
    assert result.exit_code == 0, result.output
    rows = {Path(r["path"]).name: r for r in read_rows(out, "documents")}
    assert rows["hotel.txt"]["stance"] and rows["hotel.txt"]["stance_target"] == "VNM"
    assert rows["hotel.txt"]["stance_note"] == "" and rows["hotel.txt"]["relevance"] != ""
    assert rows["library.txt"]["stance"] == "" and rows["library.txt"]["stance_note"] == "no target state named"
    assert any(t["doc_id"] == rows["hotel.txt"]["doc_id"] for t in read_rows(out, "targets"))


def test_threshold_keeps_the_asked_share_of_relevant_texts():
    scores = [0.95, 0.9, 0.8, 0.7, 0.2, 0.1] + [0.05] * 4
    relevant = [True] * 6 + [False] * 4
    assert choose_threshold(scores, relevant, min_recall=1.0) == 0.1
    assert choose_threshold(scores, relevant, min_recall=0.8) == 0.2


def test_reliability_table_bins_confidence_and_accuracy():
    table = reliability([0.95, 0.92, 0.55, 0.4], [True, False, True, False])
    top = table["bins"][-1]
    assert (top["n"], top["accuracy"], top["mean_confidence"]) == (2, 0.5, 0.935)
    assert table["ece"] == pytest.approx((2 * 0.435 + 0.45 + 0.4) / 4, abs=1e-4)
