"""Odd things a folder of articles can hold: names no CSV can carry, links that loop or lead
out, pipes and devices, broken HTML, the run's own output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policy_nlp.ingest.decoding import decode_bytes

from .conftest import article, assert_complete, assert_plain, cli, read_rows, tables, write_corpus

TEXT = article(4, 5)
PARAGRAPH = "<p>" + " ".join(article(5, 6).split("\n\n")[2:]) + "</p>"

# File name (bytes, as on disk) -> (relative_path as rows show it, status).
NAMES = {
    b"new\nline.txt": ("new\\x0aline.txt", "ok"),
    b"tab\there.txt": ("tab\\x09here.txt", "ok"),
    b"quote\"s and 'apostrophes'.txt": ("quote\"s and 'apostrophes'.txt", "ok"),
    b"$(touch PWNED); `touch PWNED2` | & > x.txt": ("$(touch PWNED); `touch PWNED2` | & > x.txt", "ok"),
    b"-rf --force.txt": ("'-rf --force.txt", "ok"),
    b"=HYPERLINK(1).txt": ("'=HYPERLINK(1).txt", "ok"),
    "Genève – café.txt".encode(): ("Genève – café.txt", "ok"),
    b"caf\xe9 latin-1.txt": ("caf\\xe9 latin-1.txt", "ok"),
    b"\xff\xfe bad bytes.md": ("\\xff\\xfe bad bytes.md", "ok"),
    b"*?[glob].md": ("*?[glob].md", "ok"),
}


@pytest.fixture(scope="module")
def odd(tmp_path_factory):
    """One folder with every oddity, analysed once (two workers) into a folder inside it."""
    root = tmp_path_factory.mktemp("odd")
    folder = write_corpus(root / "in", 2)
    for name in NAMES:
        with open(os.path.join(os.fsencode(folder), name), "w", encoding="utf-8") as fh:
            fh.write(TEXT)
    outside = write_corpus(root / "outside", 1)
    links = {
        "loop.txt": "loop.txt", "ping.txt": "pong.txt", "pong.txt": "ping.txt",
        "broken.txt": "gone/missing.txt", "outside.txt": str(outside / "article_000.txt"),
        "outside_folder": str(outside), "zero.txt": "/dev/zero",
    }
    for name, target in links.items():
        (folder / name).symlink_to(target)
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")
    os.mkfifo(folder / "pipe.txt")
    html = {
        "malformed.html": "<html><body><div><p>Unclosed <b>bold <i>and</p></div></span>< / > <<<>>> &bogus; &#xZZ;"
                          "<script>var x = '</p>';</script>" + PARAGRAPH * 3 + "<table><tr><td>cell",
        "nested.html": "<html><body>" + "<div>" * 50_000 + PARAGRAPH + "</div>" * 50_000 + "</body></html>",
        "nul_head.html": "<html><body>\x00" + PARAGRAPH + "</body></html>",
        "nul_late.html": "<html><body>" + PARAGRAPH * 30 + "<p>after a NUL: \x00 Chile and Peru met.</p>" + PARAGRAPH
                         + "</body></html>",
        "nul_late.txt": TEXT * 40 + "\x00" + TEXT,
    }
    for name, content in html.items():
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with open(folder / "huge.txt", "wb") as fh:  # 51 MB on paper, nothing on disk
        fh.truncate(51 * 1024 * 1024)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    # Output folders inside the input: one of a run killed early (only hidden files),
    # one of a finished run, and this run's own.
    (folder / "killed-run" / ".policy-nlp-cache").mkdir(parents=True)
    (folder / "killed-run" / ".policy-nlp.lock").write_text("")
    (folder / "killed-run" / "stray.txt").write_text(TEXT)
    (folder / "old-run").mkdir()
    for name in ("run.json", "documents.csv", "mentions.csv"):
        (folder / "old-run" / name).write_text("{}\n")
    out = folder / "results"
    result = cli("analyze", folder, "-o", out, "-j", "2", cwd=root)
    return folder, out, result


EXPECTED = {
    "article_000.txt": "ok", "article_001.txt": "ok",
    **{shown: status for shown, status in NAMES.values()},
    "loop.txt": "error", "ping.txt": "error", "pong.txt": "error", "broken.txt": "error",
    "outside.txt": "ok", "zero.txt": "skipped", "pipe.txt": "skipped", "sub/inner.txt": "ok",
    "malformed.html": "ok", "nested.html": "skipped", "nul_head.html": "skipped", "nul_late.html": "ok",
    "nul_late.txt": "ok", "empty.txt": "skipped", "image.txt": "skipped", "huge.txt": "skipped",
    "notes.docx": "skipped",
}


def test_every_file_has_exactly_one_row_and_the_run_ends_plainly(odd):
    """The user sees one summary line and exit status 1 (four links cannot be read). Kept:
    every output, complete, with exactly one row per file in the folder: each odd name,
    each link to a file (loops and broken links as errors), the pipe and the device as
    skipped; not the links to folders (never followed), hidden files, nor any policy-nlp
    output folder inside the input, this run's included."""
    folder, out, result = odd
    assert result.returncode == 1, result.stderr
    assert_plain(result.stderr, lines=1)
    assert "Analysed 29 files: 17 ok, 4 failed, 8 skipped" in result.stderr
    docs = assert_complete(out, len(EXPECTED))
    assert {d["relative_path"]: d["status"] for d in docs} == EXPECTED


def test_names_are_shown_escaped_and_the_row_says_so(odd):
    """A name with bytes that are not UTF-8 or with control characters: the row shows it
    with \\xNN escapes and its error column says so, while the file is analysed as usual;
    shell metacharacters in names are never run, and names that look like formulas are
    neutralised."""
    folder, out, result = odd
    docs = {d["relative_path"]: d for d in read_rows(out, "documents")}
    for shown in ("caf\\xe9 latin-1.txt", "\\xff\\xfe bad bytes.md", "new\\x0aline.txt", "tab\\x09here.txt"):
        assert "shown as \\xNN" in docs[shown]["error"] and docs[shown]["n_actors"] == docs["sub/inner.txt"]["n_actors"]
    assert docs["Genève – café.txt"]["error"] == ""
    assert not list(folder.parent.glob("PWNED*")) and not list(folder.glob("PWNED*"))


def test_rows_of_links_pipes_and_broken_html_say_why(odd):
    """Each row that is not ``ok`` says why in plain words."""
    folder, out, result = odd
    docs = {d["relative_path"]: d for d in read_rows(out, "documents")}
    assert docs["loop.txt"]["error"] == "cannot read file: Too many levels of symbolic links"
    assert docs["broken.txt"]["error"] == "cannot read file: No such file or directory"
    assert docs["pipe.txt"]["error"] == "not a regular file (a named pipe); not read"
    assert docs["zero.txt"]["error"] == "not a regular file (a device); not read"
    assert docs["huge.txt"]["error"].startswith("file is 53,477,376 bytes, over the")
    assert docs["nul_head.html"]["error"] == "binary file, not text"
    assert docs["nested.html"]["error"] == "no article text found in the HTML page"
    assert int(docs["nul_late.html"]["n_words"]) > 100 and int(docs["malformed.html"]["n_words"]) > 50


def test_offsets_reproduce_the_mentions_of_odd_names_and_nul_text(odd):
    """Offsets index the decoded file: ``text[start_char:end_char]`` is the mention, for a
    file with an undecodable name and for a text with a NUL past the binary sniff."""
    folder, out, result = odd
    docs = {d["relative_path"]: d for d in read_rows(out, "documents")}
    files = {"caf\\xe9 latin-1.txt": os.path.join(os.fsencode(folder), b"caf\xe9 latin-1.txt"),
             "nul_late.txt": folder / "nul_late.txt"}
    mentions = read_rows(out, "mentions")
    for shown, path in files.items():
        text = decode_bytes(Path(os.fsdecode(path)).read_bytes()).text
        own = [m for m in mentions if m["doc_id"] == docs[shown]["doc_id"]]
        assert own
        for m in own:
            assert text[int(m["start_char"]):int(m["end_char"])] == m["text"]


def test_a_rerun_takes_every_analysed_file_from_the_cache(odd):
    """Running the same command again: the same summary with every analysed file from the
    cache (no model is loaded), and the same outputs byte for byte."""
    folder, out, result = odd
    before = tables(out)
    again = cli("analyze", folder, "-o", out, "-j", "2", cwd=folder.parent)
    assert again.returncode == 1 and "(21 from cache)" in again.stderr, again.stderr
    assert tables(out) == before


def test_the_input_folder_itself_as_output_is_refused(tmp_path):
    """``-o`` naming the input folder: one line saying so, exit status 2, nothing written."""
    folder = write_corpus(tmp_path / "in", 1)
    result = cli("analyze", folder, "-o", folder)
    assert result.returncode == 2
    assert_plain(result.stderr, lines=1)
    assert "the output folder is the input folder" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["article_000.txt"]
