"""The cache folder OUT/.policy-nlp-cache damaged, cut short, or holding what is not ours."""

from __future__ import annotations

import os

from .conftest import assert_complete, assert_plain, cache_entries, cli, copy_run, tables

CACHE = ".policy-nlp-cache"


def test_damaged_entries_are_analysed_again_and_foreign_files_left_alone(corpus, clean_run, tmp_path):
    """Entries cut short, overwritten with noise, edited by hand, of another shape, empty,
    replaced by a pipe, a link to a device or a folder: the user sees the usual summary
    (with fewer files from the cache) and a warning that one entry could not be stored;
    every damaged file is analysed again and the outputs equal a clean run's. Kept: files
    in the cache folder that are not entries (a note, a folder of the user's)."""
    out = copy_run(clean_run, tmp_path / "out")
    cache = out / CACHE
    entries = cache_entries(out)
    assert len(entries) == 30
    raw = entries[0].read_bytes()
    entries[0].write_bytes(raw[: len(raw) // 2])                    # cut short
    entries[1].write_bytes(os.urandom(len(raw)))                   # noise
    entries[2].write_bytes(raw.replace(b'"ok"', b'"OK"', 1))       # edited: valid JSON, wrong hash
    entries[3].write_bytes(b"not-a-hash\n[1, 2, 3]")              # another shape
    entries[4].write_bytes(b"")                                     # empty
    entries[5].unlink()
    os.mkfifo(entries[5])                                           # a pipe: reading it would wait for ever
    entries[6].unlink()
    entries[6].symlink_to("/dev/zero")                              # a device: reading it never ends
    entries[7].unlink()
    entries[7].mkdir()                                              # a folder where an entry should be
    (cache / "README.txt").write_text("my notes\n")
    (cache / "notes.json").write_text("{}")
    (cache / "mine").mkdir()
    (cache / "mine" / "keep.txt").write_text("keep\n")

    result = cli("analyze", corpus, "-o", out, "-j", "2")
    assert result.returncode == 0, result.stderr
    assert_plain(result.stderr, lines=2)
    assert "cannot write the cache" in result.stderr and "(22 from cache)" in result.stderr
    assert_complete(out, 30)
    assert tables(out) == tables(clean_run)
    assert (cache / "README.txt").read_text() == "my notes\n" and (cache / "notes.json").read_text() == "{}"
    assert (cache / "mine" / "keep.txt").read_text() == "keep\n"

    again = cli("analyze", corpus, "-o", out, "-j", "2")
    assert again.returncode == 0 and "(29 from cache)" in again.stderr  # all but the folder in an entry's place
    assert tables(out) == tables(clean_run)


def test_a_cache_folder_that_is_a_file(corpus, clean_run, tmp_path):
    """A file where the cache folder should be: the user sees a warning that results cannot
    be stored and the usual summary; the outputs equal a clean run's. Kept: that file."""
    out = copy_run(clean_run, tmp_path / "out")
    for entry in cache_entries(out):
        entry.unlink()
    (out / CACHE).rmdir()
    (out / CACHE).write_text("not a folder\n")
    result = cli("analyze", corpus, "-o", out, "-j", "2")
    assert result.returncode == 0, result.stderr
    assert_plain(result.stderr, lines=2)
    assert "cannot write the cache" in result.stderr and "(0 from cache)" in result.stderr
    assert tables(out) == tables(clean_run)
    assert (out / CACHE).read_text() == "not a folder\n"
