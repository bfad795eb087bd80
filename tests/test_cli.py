"""policy-nlp analyze end to end, with the real model, on the samples and on bad input."""

import codecs
import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from policy_nlp.analysis import AnalysisOptions
from policy_nlp.cli import main
from policy_nlp.ingest.decoding import decode_bytes
from policy_nlp.run import run_analysis
from policy_nlp.schema import columns

ARTICLE = ("Officials from Iran and the European Union met in Vienna on Monday. The IAEA welcomed the talks, "
           "and Tehran agreed to expand scientific cooperation with Italian universities.\n\n")


def read_table(folder: Path, table: str) -> tuple[list[str], list[dict]]:
    with open(folder / f"{table}.csv", newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def check_contract(out: Path, inputs: Path) -> dict:
    """The output contract of BRIEF.md, checked table by table; returns the tables."""
    tables = {}
    for table in ("documents", "mentions", "entities", "cooperation", "dyads"):
        header, rows = read_table(out, table)
        assert header == columns(table)
        raw = (out / f"{table}.csv").read_text(encoding="utf-8-sig")
        assert raw.count("\n") == len(rows) + 1, f"{table}: a raw newline inside a field"
        for row in rows:
            for value in row.values():
                assert not (value[:1] in "=+@-" and value[:1] and not _number(value)), value
        tables[table] = rows
    files = sorted(p for p in inputs.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert len(tables["documents"]) == len(files)
    texts = {d["doc_id"]: Path(d["path"]) for d in tables["documents"]}
    for m in tables["mentions"]:
        path = texts[m["doc_id"]]
        if path.suffix in {".txt", ".md"}:
            text = decode_bytes(path.read_bytes()).text
            assert text[int(m["start_char"]):int(m["end_char"])] == m["text"]
    return tables


def _number(value: str) -> bool:
    try:
        float(value)
        return True
    except ValueError:
        return False


def test_analyze_samples_end_to_end(samples_dir, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(samples_dir), "-o", str(out), "--jobs", "1", "--xlsx", "--sentences"])
    assert result.exit_code == 0, result.output
    assert "Analysed 6 files: 6 ok, 0 failed, 0 skipped" in result.output
    tables = check_contract(out, samples_dir)
    docs = {Path(d["path"]).name: d for d in tables["documents"]}
    assert docs["cuba_oped.html"]["stance"] == "pressure" and docs["cuba_oped.html"]["stance_target"] == "CUB"
    assert docs["scraped_kei_style.txt"]["stance"] == "engagement"
    assert docs["scraped_kei_style.txt"]["author"] == "Daniel Whitcombe"
    assert docs["scraped_kei_style.txt"]["published"] == "2019-09-12"
    for d in tables["documents"]:
        probs = [float(d[k]) for k in ("p_engagement", "p_pressure", "p_neutral")]
        assert abs(sum(probs) - 1) < 1e-3 and d["stance_evidence"]
    assert {c["modality"] for c in tables["cooperation"]} <= {"actual", "proposed", "negated", "hypothetical"}
    assert (out / "sentences.csv").is_file() and (out / "policy-nlp.xlsx").is_file()
    assert load_workbook(out / "policy-nlp.xlsx", read_only=True).sheetnames[:3] == ["Summary", "Dyads", "documents"]
    manifest = json.loads((out / "run.json").read_text())
    assert manifest["counts"]["ok"] == 6 and manifest["versions"]["spacy_model"]
    assert not list(out.glob(".*.partial"))


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: (tmp / "missing", tmp / "out"), "does not exist"),
        (lambda tmp: ((tmp / "a.txt").write_text("x") and tmp / "a.txt", tmp / "out"), "is a file"),
        (lambda tmp: ((tmp / "in").mkdir() or tmp / "in", tmp / "out"), "no files matching"),
        (lambda tmp: ((tmp / "in").mkdir() or (tmp / "in" / "a.txt").write_text(ARTICLE) and tmp / "in",
                      (tmp / "out.txt").write_text("x") and tmp / "out.txt"), "output path"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, make, message):
    folder, out = make(tmp_path)
    result = CliRunner().invoke(main, ["analyze", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_mixed_folder_gives_one_row_per_file(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "nested" / "deeper").mkdir(parents=True)
    (inputs / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    (inputs / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (inputs / "legacy.txt").write_bytes(("Café talks in Genève: " + ARTICLE).encode("cp1252"))
    (inputs / "=cmd.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inputs / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inputs / "nested" / "post.md").write_text("# Title here\n\n" + ARTICLE, encoding="utf-8")
    (inputs / "nested" / "deeper" / "page.html").write_text(
        "<html><head><title>Page</title></head><body><article><p>" + ARTICLE * 3 + "</p></article></body></html>",
        encoding="utf-8")
    long_text = ARTICLE * 700  # about 150,000 characters: parsed in several chunks
    (inputs / "nested" / "long.txt").write_text(long_text, encoding="utf-8")
    out = tmp_path / "out"
    manifest = run_analysis(inputs, out, AnalysisOptions(chunk_chars=40_000), jobs=1)
    tables = check_contract(out, inputs)
    status = {Path(d["path"]).name: (d["status"], d["error"]) for d in tables["documents"]}
    assert status["empty.txt"] == ("skipped", "empty file")
    assert status["blank.md"][0] == "skipped" and status["image.txt"][0] == "skipped"
    assert status["photo.png"][0] == "skipped" and "*.txt" in status["photo.png"][1]
    assert all(s == "ok" for name, (s, _) in status.items()
               if name not in {"empty.txt", "blank.md", "image.txt", "photo.png"})
    docs = {Path(d["path"]).name: d for d in tables["documents"]}
    assert docs["utf16.txt"]["encoding"] == "utf-16" and docs["legacy.txt"]["encoding"] == "cp1252"
    assert docs["=cmd.txt"]["relative_path"] == "'=cmd.txt"
    long_id = docs["long.txt"]["doc_id"]
    long_mentions = [m for m in tables["mentions"] if m["doc_id"] == long_id]
    assert max(int(m["start_char"]) for m in long_mentions) > 120_000
    assert manifest["counts"] == {**manifest["counts"], "files": 12, "ok": 8, "skipped": 4, "error": 0}


def test_unreadable_file_is_an_error_row_and_exit_1(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "dangling.txt").symlink_to(tmp_path / "moved-away.txt")  # listed, but cannot be read
    result = CliRunner().invoke(main, ["analyze", str(inputs), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1, result.output
    assert "1 ok, 1 failed" in result.output
    _, docs = read_table(tmp_path / "out", "documents")
    errors = [d for d in docs if d["status"] == "error"]
    assert len(errors) == 1 and errors[0]["error"].startswith("cannot read file")


def test_jobs_two_gives_the_same_output_as_one(samples_dir, tmp_path):
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["analyze", str(samples_dir), "-o", str(tmp_path / jobs), "-j", jobs, "-q"])
        assert result.exit_code == 0, result.output
    for table in ("documents", "mentions", "entities", "cooperation", "dyads"):
        assert (tmp_path / "1" / f"{table}.csv").read_bytes() == (tmp_path / "2" / f"{table}.csv").read_bytes()


def test_every_command_is_documented_with_an_example():
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert command.help and "Example:" in result.output, name


def test_parallel_run_works_with_spawn(samples_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_NLP_START_METHOD", "spawn")
    files = sorted(samples_dir.glob("*.txt"))[:2]
    manifest = run_analysis(samples_dir, tmp_path / "out", AnalysisOptions(), jobs=2, files=files)
    assert manifest["counts"]["ok"] == 2


def test_rerun_reuses_unchanged_files_and_reanalyses_changed_ones(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "b.txt").write_text(ARTICLE.replace("Italian", "Spanish"), encoding="utf-8")
    out = tmp_path / "out"
    first = run_analysis(inputs, out, jobs=1)
    tables = {t: (out / f"{t}.csv").read_bytes() for t in ("documents", "mentions", "entities", "cooperation", "dyads")}
    second = run_analysis(inputs, out, jobs=1)
    assert first["counts"]["from_cache"] == 0 and second["counts"]["from_cache"] == 2
    assert all((out / f"{t}.csv").read_bytes() == raw for t, raw in tables.items())
    (inputs / "b.txt").write_text(ARTICLE.replace("Italian", "German"), encoding="utf-8")
    third = run_analysis(inputs, out, jobs=1)
    assert third["counts"]["from_cache"] == 1
    assert "German" in (out / "cooperation.csv").read_text(encoding="utf-8") or \
        "Germany" in (out / "mentions.csv").read_text(encoding="utf-8")
    forced = run_analysis(inputs, out, jobs=1, force=True)
    assert forced["counts"]["from_cache"] == 0


def test_unknown_model_is_a_plain_error_with_status_3(samples_dir, tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(samples_dir), "-o", str(tmp_path / "out"), "-j", "1",
                                       "--model", "xx_no_such_pipeline"])
    assert result.exit_code == 3
    assert "xx_no_such_pipeline" in result.output and "Traceback" not in result.output


def test_unknown_model_with_workers_fails_fast(samples_dir, tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(samples_dir), "-o", str(tmp_path / "out"), "-j", "2",
                                       "--model", "xx_no_such_pipeline"])
    assert result.exit_code == 3 and "xx_no_such_pipeline" in result.output
