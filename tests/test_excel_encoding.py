"""CSV files open in Excel with their accents intact: a UTF-8 byte-order mark by default."""

import codecs
import csv

import pandas as pd
import pytest
from click.testing import CliRunner

from policy_nlp.cli import main

ARTICLE = ("Raúl Castro met officials from Colombia in Bogotá on Monday. Cuba and Colombia agreed to expand "
           "scientific cooperation, and São Paulo universities will host the exchanges.\n")


def excel_decode(data: bytes) -> str:
    """A CSV file as Excel reads it when opened by double-click: UTF-8 if it starts with
    a byte-order mark, else the system's ANSI code page (cp1252 in Western Europe and the
    Americas)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    return data.decode("cp1252", errors="replace")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "castro.txt").write_text(ARTICLE, encoding="utf-8")
    outs = {}
    for flags in ((), ("--no-bom",)):
        out = tmp_path_factory.mktemp("out")
        result = CliRunner().invoke(main, ["analyze", str(folder), "-o", str(out), "-j", "1", "-q", *flags])
        assert result.exit_code == 0, result.output
        outs[flags] = out
    return outs


def test_excel_reads_the_accents_of_every_table(runs):
    out = runs[()]
    for path in out.glob("*.csv"):
        assert path.read_bytes().startswith(codecs.BOM_UTF8), path.name
    text = excel_decode((out / "mentions.csv").read_bytes())
    assert text.startswith("doc_id,") and "Raúl Castro" in text and "Bogotá" in text
    assert "Ã" not in text


def test_without_the_mark_excel_garbles_them(runs):
    out = runs[("--no-bom",)]
    raw = (out / "mentions.csv").read_bytes()
    assert raw.startswith(b"doc_id,")
    assert "RaÃºl Castro" in excel_decode(raw)


def test_readers_of_our_files_take_the_mark_in_their_stride(runs):
    for out in runs.values():
        frame = pd.read_csv(out / "mentions.csv")
        assert frame.columns[0] == "doc_id" and "Raúl Castro" in set(frame["text"])
        with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
            assert next(csv.DictReader(fh))["doc_id"]
