"""Properties of the ingestion boundary: whatever bytes, encodings, names and mixes of
markup and boilerplate a folder holds, nothing raises, offsets stay true and every file
gets exactly one row."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_nlp.ingest import load_document, read_source
from policy_nlp.ingest.decoding import decode_bytes
from policy_nlp.ingest.names import shown_name
from policy_nlp.run import run_analysis

SUFFIXES = [".txt", ".md", ".html", ".htm", ".markdown", ".csv", ""]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
PIECES = [
    # boilerplate
    "Subscribe to our newsletter", "Share this article", "Copyright 2021 The Review. All rights reserved.",
    "Home | About | Contact", "By Jane Doe", "Published March 3, 2020", "Category: Asia", "Photo: Reuters",
    "Related posts", "Read more", "Jane Doe is a senior fellow at the Institute.",
    # Markdown
    "# A heading about Chile", "**Bold** and *italic* and `code`", "[a link](http://example.org/x)", "> a quote",
    "- a bullet", "1. a number", "![img](x.png)",
    # HTML
    "<p>", "</p>", "<div class='nav'>", "</div>", "<script>var x = 1 < 2;</script>", "&amp; &lt; &#x41; &bogus;",
    "<html><head><title>T</title></head><body>", "</body></html>", "<!-- comment", "<![CDATA[ x ]]>",
    # prose
    "Chile and Peru signed an agreement on scientific cooperation in Lima on Monday.",
    "Officials from Kenya met their counterparts from the European Union in Brussels.",
    "Japan may expand educational exchanges with Vietnam if funding allows.",
    "North Korea's envoy said Pyongyang would not resume talks with Seoul.",
    "", "   ", "\t", "Genève – «détente» at €5 — naïve café",
]
mixes = st.lists(st.sampled_from(PIECES), max_size=30).map("\n".join)
line_breaks = st.sampled_from(["\n", "\r\n", "\n\n"])


def _load(folder: Path, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    source, raw = read_source(path, folder)
    return load_document(source, raw) if raw is not None else source


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        doc = _load(Path(tmp), f"f{suffix}", data)
    assert doc.status in {"ok", "skipped", "error"}
    assert doc.status == "ok" or doc.error
    if doc.status == "ok":
        assert len(doc.masked) == len(doc.text) and doc.text.strip()


@settings(max_examples=150, deadline=None)
@given(mixes, st.sampled_from(ENCODINGS), st.sampled_from([".txt", ".md"]), line_breaks)
def test_text_in_any_encoding_is_the_decoded_file_and_masking_keeps_offsets(text, encoding, suffix, newline):
    text = text.replace("\n", newline)
    data = text.encode(encoding, errors="ignore")
    with tempfile.TemporaryDirectory() as tmp:
        doc = _load(Path(tmp), f"a{suffix}", data)
    assert doc.status in {"ok", "skipped"}, doc.error
    if doc.status == "ok" and doc.format != "html":  # a .txt that is a web page is read as one
        assert doc.text == decode_bytes(data).text
        assert len(doc.masked) == len(doc.text)
        # masking only blanks characters: it never moves or invents one, and keeps line breaks
        assert all(m == t or (m == " " and t not in "\r\n") for m, t in zip(doc.masked, doc.text))


@settings(max_examples=100, deadline=None)
@given(mixes, st.sampled_from([".html", ".htm", ".txt"]), st.booleans())
def test_markup_and_boilerplate_never_raise(text, suffix, with_nul):
    if with_nul:
        text = text[: len(text) // 2] + "\x00" + text[len(text) // 2:]
    with tempfile.TemporaryDirectory() as tmp:
        doc = _load(Path(tmp), f"page{suffix}", text.encode("utf-8"))
    assert doc.status in {"ok", "skipped"}, doc.error


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixes, st.sampled_from([".txt", ".md"]))
def test_offsets_reproduce_every_mention_of_a_text_file(analyzer, text, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        source = _load(Path(tmp), f"a{suffix}", text.encode("utf-8"))
    if source.status != "ok":
        return
    result = analyzer.analyze_source(source)
    for m in result.mentions:
        assert source.text[m["start_char"]:m["end_char"]] == m["text"]
    for c in result.cooperation:
        assert 0 <= c["start_char"] < c["end_char"] <= len(source.text)


names = st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b".."))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.tuples(names, st.sampled_from(SUFFIXES)), st.binary(max_size=400), max_size=8), mixes)
def test_every_file_gets_exactly_one_row(analyzer, files, article):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "article.txt").write_text(article or "Chile and Peru met.", encoding="utf-8")
        for (name, suffix), data in files.items():
            path = os.path.join(os.fsencode(folder), name + suffix.encode())
            if os.path.basename(path) != b"article.txt":
                with open(path, "wb") as fh:
                    fh.write(data)
        expected = sorted(shown_name(n) for n in os.listdir(folder) if not n.startswith("."))
        manifest = run_analysis(folder, Path(tmp) / "out", jobs=1, analyzer=analyzer)
        with open(Path(tmp) / "out" / "documents.csv", encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    assert manifest["counts"]["files"] == len(rows) == len(expected)
    assert len({r["doc_id"] for r in rows}) == len(rows)
    assert sorted(r["relative_path"].removeprefix("'") for r in rows) == sorted(e.removeprefix("'") for e in expected)
