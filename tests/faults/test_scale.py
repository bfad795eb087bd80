"""Folders at the edges of size: thousands of tiny files, one very large file."""

from __future__ import annotations

import base64
import random

from policy_nlp.ingest.decoding import decode_bytes

from .conftest import assert_complete, assert_plain, cli, read_rows


def test_two_thousand_tiny_files(tmp_path):
    """2,000 notes of a few words each: the user sees one summary line, exit status 0; kept:
    one row per file, every one analysed. A second run takes all 2,000 from the cache and
    writes the same outputs."""
    folder = tmp_path / "in"
    for i in range(40):
        sub = folder / f"batch{i:02d}"
        sub.mkdir(parents=True)
        for j in range(50):
            (sub / f"note{j:02d}.txt").write_text(f"Note {i}-{j}: Chile and Peru met in Lima.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("analyze", folder, "-o", out, "-j", "2")
    assert result.returncode == 0, result.stderr
    assert_plain(result.stderr, lines=1)
    docs = assert_complete(out, 2000)
    assert {d["status"] for d in docs} == {"ok"}
    again = cli("analyze", folder, "-o", out, "-j", "2")
    assert again.returncode == 0 and "(2000 from cache)" in again.stderr
    assert_complete(out, 2000)


def test_very_large_files(tmp_path):
    """A 6 MB web page (a short article and megabytes of inline data) and a 5 MB scraped
    text (an article, then 70,000 menu lines): one summary line, exit status 0; both files
    analysed, the text's offsets pointing into the file as decoded."""
    rnd = random.Random(12)
    folder = tmp_path / "in"
    folder.mkdir()
    story = ("Officials from Kenya and the European Union met in Nairobi on Monday. The WHO welcomed the "
             "talks, and Kenya agreed to expand scientific cooperation with Italian universities.\n\n")
    page = ("<html><head><title>Large page</title><script>var blob = '" + "x" * 2_000_000 + "';</script></head>"
            "<body><article><h1>Large page</h1><p>" + story * 5 + "</p><img src='data:image/png;base64,"
            + base64.b64encode(rnd.randbytes(3_000_000)).decode() + "'></article></body></html>")
    (folder / "page.html").write_text(page, encoding="utf-8")
    menu = "Home | About us | Subscribe to our newsletter | Contact us | Privacy policy\n"
    text = "Scraped report\n\n" + story * 3 + menu * 70_000
    (folder / "scraped.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("analyze", folder, "-o", out, "-j", "2")
    assert result.returncode == 0, result.stderr
    assert_plain(result.stderr, lines=1)
    docs = {d["relative_path"]: d for d in assert_complete(out, 2)}
    assert docs["page.html"]["status"] == docs["scraped.txt"]["status"] == "ok"
    assert int(docs["scraped.txt"]["n_chars"]) == len(text) > 5_000_000
    decoded = decode_bytes((folder / "scraped.txt").read_bytes()).text
    mentions = [m for m in read_rows(out, "mentions") if m["doc_id"] == docs["scraped.txt"]["doc_id"]]
    assert mentions
    for m in mentions:
        assert decoded[int(m["start_char"]):int(m["end_char"])] == m["text"]
