"""One long file is not one long task: with ``--jobs 2`` its chunks are parsed by both workers
and joined again into the rows of a one-process run, byte for byte."""

from __future__ import annotations

from pathlib import Path

from policy_nlp.analysis import AnalysisOptions, plan
from policy_nlp.run import run_analysis

from .faults.conftest import article, tables

#: Small chunks, so that a test-sized text has many (the default is 100,000 characters).
CHUNK = 3_000


def long_corpus(folder: Path) -> Path:
    """A long report (about 40 paragraphs on recurring states, four chunks or more of
    CHUNK characters) between two short notes."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a_note.txt").write_text(article(1, 6), encoding="utf-8")
    paragraphs = [article(i, 4).split("\n\n", 2)[2].strip() for i in range(40)]
    (folder / "b_report.txt").write_text("A long report on partners\n\nBy Staff Writer\n\n" + "\n\n".join(paragraphs)
                                         + "\n", encoding="utf-8")
    (folder / "c_note.txt").write_text(article(2, 6), encoding="utf-8")
    return folder


def test_a_long_file_is_split_across_workers_with_the_rows_of_one_process(tmp_path):
    folder = long_corpus(tmp_path / "in")
    options = AnalysisOptions(chunk_chars=CHUNK)
    paths = sorted(str(p) for p in folder.iterdir())
    units = list(plan(paths, str(folder), options, 2))
    assert [unit[0] for unit in units] == ["files", "long", "files"]
    assert len(units[1][2]) >= 4
    run_analysis(folder, tmp_path / "one", options, jobs=1)
    run_analysis(folder, tmp_path / "two", options, jobs=2)
    assert tables(tmp_path / "two") == tables(tmp_path / "one")
