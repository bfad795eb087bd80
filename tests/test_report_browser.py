"""The report in a real browser: headless Chromium, offline, loads it from disk with no
console error and no request, and draws every chart; the counts it shows are the files'.

Skipped only where no Chromium can be found (.ci/run installs Debian's chromium when apt
is there).
"""

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageStat

from policy_nlp.views.report import CHART_NAMES, write_report

from .browser import Chromium, find_chromium
from .runs import corpus, write_run

MODALITIES = ("actual", "proposed", "negated", "hypothetical")


@pytest.fixture(scope="module")
def browser():
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium or Chrome on the PATH (install Debian's chromium package; .ci/run does when apt "
                    "is available)")
    chromium = Chromium(binary)
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def samples_page(browser, samples_run):
    page = browser.load(samples_run / "report.html")
    yield page
    page.close()


def assert_offline_and_clean(page):
    assert page.errors() == []
    assert [url for url in page.requests() if not url.startswith(("file:", "data:"))] == []
    assert page.failed_loads() == []


def test_the_report_loads_from_disk_offline_without_errors_or_requests(samples_page):
    assert_offline_and_clean(samples_page)
    assert samples_page.evaluate("document.title").startswith("policy-nlp report")


def test_a_screenshot_shows_every_chart_drawn(samples_page):
    charts = samples_page.evaluate("""Array.from(document.querySelectorAll('figure.chart img'), img => {
        const r = img.getBoundingClientRect();
        return {name: img.closest('figure').dataset.chart, x: r.left + scrollX, y: r.top + scrollY,
                width: r.width, height: r.height, loaded: img.complete && img.naturalWidth > 0};
    })""")
    assert [c["name"] for c in charts] == list(CHART_NAMES) and len(charts) >= 5
    shot = Image.open(io.BytesIO(samples_page.screenshot())).convert("RGB")
    for chart in charts:
        assert chart["loaded"] and chart["width"] > 300 and chart["height"] > 150, chart
        box = tuple(round(v) for v in (chart["x"], chart["y"], chart["x"] + chart["width"], chart["y"] + chart["height"]))
        area = shot.crop(box)
        inked = int((np.asarray(area, dtype=int).sum(axis=2) < 720).sum())  # pixels not white or near it
        colours = len(area.getcolors(maxcolors=1 << 20) or [])
        assert inked > 0.02 * area.width * area.height, (chart["name"], inked)
        assert colours > 50 and max(ImageStat.Stat(area).stddev) > 10, chart["name"]


def test_the_dyad_counts_shown_are_those_of_dyads_csv(samples_page, samples_run):
    dyads = pd.read_csv(samples_run / "dyads.csv", keep_default_na=False)
    expected = pd.crosstab([dyads["actor_a_id"], dyads["actor_b_id"]], dyads["modality"])
    expected = expected.reindex(columns=list(MODALITIES), fill_value=0)
    expected["dyads"] = dyads.groupby(["actor_a_id", "actor_b_id"]).size()
    shown = samples_page.evaluate("""Array.from(document.querySelectorAll('#dyad-pairs tbody tr'), tr => ({
        a: tr.dataset.a, b: tr.dataset.b, cells: Array.from(tr.cells, td => td.textContent)}))""")
    table = pd.DataFrame([[int(v) for v in row["cells"][1:6]] for row in shown],
                         index=pd.MultiIndex.from_tuples([(row["a"], row["b"]) for row in shown]),
                         columns=["dyads", *MODALITIES])
    assert len(table) == len(expected) and table.index.is_unique
    pd.testing.assert_frame_equal(table.sort_index(), expected[["dyads", *MODALITIES]].sort_index(),
                                  check_names=False, check_dtype=False)
    assert samples_page.evaluate("document.querySelector('[data-key=dyads]').textContent") == str(len(dyads))


def test_the_documents_table_sorts_by_date(samples_page, samples_run):
    dates = sorted(d for d in pd.read_csv(samples_run / "documents.csv", keep_default_na=False)["published"] if d)
    first = ("(() => { document.querySelector('#documents th:nth-child(2)').click();"
             " return document.querySelector('#documents tbody tr td:nth-child(2)').textContent; })()")
    assert samples_page.evaluate(first) == dates[0]
    assert samples_page.evaluate(first) == dates[-1]


@pytest.mark.parametrize("name, results, message, drawn", [
    ("empty", corpus()[3:], "No document was analysed in this run", 0),
    ("undated", corpus(dated=False), "No analysed document has a publication date", len(CHART_NAMES) - 1),
])
def test_empty_and_undated_corpora_say_so_in_the_browser(browser, tmp_path, name, results, message, drawn):
    out = write_run(tmp_path / name, results)
    page = browser.load(write_report(out))
    try:
        assert_offline_and_clean(page)
        assert message in page.evaluate("document.body.innerText")
        assert page.evaluate("document.querySelectorAll('figure.chart img').length") == drawn
    finally:
        page.close()
