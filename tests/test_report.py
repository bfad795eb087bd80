"""policy-nlp report: one self-contained HTML page and its charts as PNG and SVG files.

What a browser shows is tested in test_report_browser.py; here, the files and the words.
"""

import re
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from policy_nlp.cli import main
from policy_nlp.views import extra
from policy_nlp.views.report import CHART_NAMES, write_report
from policy_nlp.writers import remove_stale_partials

from .runs import corpus, write_run

PNG = b"\x89PNG\r\n\x1a\n"


def charts_in(page: str) -> list[str]:
    return re.findall(r'<figure class="chart" data-chart="([a-z_]+)"', page)


def test_a_run_with_report_writes_the_page_and_every_chart_as_png_and_svg(samples_run):
    page = (samples_run / "report.html").read_text(encoding="utf-8")
    assert charts_in(page) == list(CHART_NAMES)
    for name in CHART_NAMES:
        assert (samples_run / "report-charts" / f"{name}.png").read_bytes().startswith(PNG)
        svg = ElementTree.parse(samples_run / "report-charts" / f"{name}.svg").getroot()
        assert svg.tag.endswith("svg")
    assert not list(samples_run.glob(".*.partial"))


def test_the_page_loads_nothing_from_anywhere(samples_run):
    page = (samples_run / "report.html").read_text(encoding="utf-8")
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"""src=["'](?!data:)""", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """The hand-made corpus (two of three documents dated), with its report."""
    out = write_run(tmp_path_factory.mktemp("dated") / "out", corpus())
    write_report(out)
    return out


def test_report_command_writes_where_asked(dated, tmp_path):
    result = CliRunner().invoke(main, ["report", str(dated), "-o", str(tmp_path / "corpus.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "corpus.html").is_file()
    assert sorted(p.name for p in (tmp_path / "corpus-charts").iterdir()) == sorted(
        f"{n}.{ext}" for n in CHART_NAMES for ext in ("png", "svg"))
    assert {p.name: p.read_bytes() for p in (tmp_path / "corpus-charts").iterdir()} == \
        {p.name: p.read_bytes() for p in (dated / "report-charts").iterdir()}, "the same run, the same files"


def test_an_empty_corpus_says_so_and_draws_nothing(tmp_path):
    out = write_run(tmp_path / "out", corpus()[3:])  # one skipped file
    page = write_report(out).read_text(encoding="utf-8")
    assert "No document was analysed in this run (1 files: 0 analysed, 0 failed, 1 skipped)" in page
    assert charts_in(page) == [] and not (out / "report-charts").exists()
    assert "empty file" in page  # the documents table says why


def test_a_dated_corpus_is_counted_by_month(dated):
    page = (dated / "report.html").read_text(encoding="utf-8")
    assert "2 of 3 analysed documents have a publication date" in page
    assert '<dd data-key="dates" class=text>2021-03-05 to 2021-06-20</dd>' in page


def test_a_corpus_without_dates_says_so_and_the_chart_drawn_before_goes(tmp_path):
    out = write_run(tmp_path / "out", corpus())
    write_report(out)
    assert (out / "report-charts" / "stance_over_time.png").exists()
    write_run(out, corpus(dated=False))
    page = write_report(out).read_text(encoding="utf-8")
    assert "No analysed document has a publication date, so stance over time cannot be drawn." in page
    assert charts_in(page) == [n for n in CHART_NAMES if n != "stance_over_time"]
    assert not (out / "report-charts" / "stance_over_time.png").exists()
    assert (out / "report-charts" / "places_map.svg").exists()


def test_a_run_without_dyads_csv_is_a_plain_error(tmp_path):
    out = write_run(tmp_path / "out", corpus())
    (out / "dyads.csv").unlink()
    result = CliRunner().invoke(main, ["report", str(out)])
    assert result.exit_code == 2
    assert "dyads.csv is missing" in result.output and "Traceback" not in result.output


def test_without_the_report_extra_analyze_stops_before_the_run(tmp_path, monkeypatch, samples_dir):
    real = extra.importlib.util.find_spec
    monkeypatch.setattr(extra.importlib.util, "find_spec", lambda name: None if name == "networkx" else real(name))
    result = CliRunner().invoke(main, ["analyze", str(samples_dir), "-o", str(tmp_path / "out"), "--report"])
    assert result.exit_code == 2
    assert "networkx" in result.output and "pip install 'policy-nlp[report]'" in result.output
    assert not (tmp_path / "out").exists()


def test_temporary_files_of_a_killed_report_are_cleaned_by_the_next_run(tmp_path):
    names = [".report.html.123-abcdef01.partial", ".report-charts.places_map.png.123-abcdef01.partial"]
    for name in names:
        (tmp_path / name).write_bytes(b"half")
    (tmp_path / ".notes.partial").write_bytes(b"not ours")
    assert remove_stale_partials(tmp_path) == 2
    assert [p.name for p in tmp_path.iterdir()] == [".notes.partial"]


@pytest.mark.parametrize("missing", [[], ["basemap-data"]])
def test_check_dependencies_names_what_is_missing(monkeypatch, missing):
    monkeypatch.setattr(extra, "missing_dependencies", lambda: missing)
    if not missing:
        extra.check_dependencies()
        return
    with pytest.raises(extra.ReportError, match=r"basemap-data, which is not installed"):
        extra.check_dependencies()
