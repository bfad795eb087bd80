"""Faults that need a precise moment, made to happen then by tests/faults/inject.py: a file
that disappears or changes while the run goes on, and a bug in the tool itself."""

from __future__ import annotations

from .conftest import article, assert_complete, assert_plain, cli, copy_run, final_files, partials, read_rows, write_corpus


def test_a_file_deleted_after_the_listing_gets_an_error_row(tmp_path):
    """A file deleted between the listing of the folder and its reading: the user sees the
    summary ("2 ok, 1 failed") and exit status 1; the file has an ``error`` row saying it
    cannot be read, and every other file is analysed."""
    folder = write_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    result = cli("analyze", folder, "-o", out, "-j", "1", inject="vanish",
                 env={"FAULT_FILE": str(folder / "article_001.txt")})
    assert result.returncode == 1, result.stderr
    assert_plain(result.stderr, lines=1)
    assert "2 ok, 1 failed" in result.stderr
    docs = {d["relative_path"]: d for d in assert_complete(out, 3)}
    assert docs["article_001.txt"]["status"] == "error"
    assert docs["article_001.txt"]["error"] == "cannot read file: No such file or directory"
    assert docs["article_000.txt"]["status"] == docs["article_002.txt"]["status"] == "ok"


def test_a_file_changed_during_the_run_is_analysed_and_cached_as_read(tmp_path):
    """A file rewritten after the run looked it up in the cache and before it was read:
    its row describes the text that was read, and the cache files the result under that
    text, so a later run over the old text does not get the new text's rows."""
    folder = write_corpus(tmp_path / "in", 3)
    changed = folder / "article_001.txt"
    out = tmp_path / "out"
    result = cli("analyze", folder, "-o", out, "-j", "1", inject="change",
                 env={"FAULT_FILE": str(changed), "FAULT_TEXT": article(9)})
    assert result.returncode == 0, result.stderr
    titles = {d["relative_path"]: d["title"] for d in read_rows(out, "documents")}
    assert titles["article_001.txt"].endswith("note 9")

    again = cli("analyze", folder, "-o", out, "-j", "1")  # the file still holds the new text
    assert again.returncode == 0 and "(3 from cache)" in again.stderr

    changed.write_text(article(1), encoding="utf-8")      # and now the old one again
    back = cli("analyze", folder, "-o", out, "-j", "1")
    assert back.returncode == 0 and "(2 from cache)" in back.stderr
    titles = {d["relative_path"]: d["title"] for d in read_rows(out, "documents")}
    assert titles["article_001.txt"].endswith("note 1")


def test_a_bug_prints_one_line_and_the_log_that_holds_the_traceback(corpus, clean_run, tmp_path):
    """An unexpected error (here one planted in the tool): the user sees one line,
    "internal error (RuntimeError: ...); the details are in OUT/policy-nlp-error.log;
    please report it", and exit status 4; the log holds the traceback. Kept: the previous
    run's files, untouched."""
    out = copy_run(clean_run, tmp_path / "out")
    before = final_files(out)
    result = cli("analyze", corpus, "-o", out, "-j", "2", inject="bug")
    assert result.returncode == 4, result.stderr
    assert_plain(result.stderr, lines=1)
    log = out / "policy-nlp-error.log"
    assert "internal error (RuntimeError: injected fault" in result.stderr and str(log) in result.stderr
    assert "Traceback" in log.read_text() and "injected fault" in log.read_text()
    assert final_files(out) == {**before, log.name: log.read_bytes()} and not partials(out)
