"""policy-nlp.xlsx: Summary and Dyads sheets besides one sheet per table, all real tables."""

import pandas as pd
import pytest
from openpyxl import load_workbook

from policy_nlp.schema import TABLES, columns
from policy_nlp.views.workbook import MAX_WIDTH, MIN_WIDTH, write_workbook

from .runs import corpus, write_run


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    out = write_run(tmp_path_factory.mktemp("run"), corpus())
    tables = {t: out / f"{t}.csv" for t in TABLES if (out / f"{t}.csv").exists()}
    return load_workbook(write_workbook(out / "policy-nlp.xlsx", tables)), out


def _table(sheet, name):
    """The rows of the named table as a frame."""
    ref = sheet.tables[name].ref
    rows = [[c.value for c in row] for row in sheet[ref]]
    return pd.DataFrame(rows[1:], columns=rows[0])


def test_sheets_are_the_summary_the_pivot_and_every_table(workbook):
    book, _ = workbook
    assert book.sheetnames == ["Summary", "Dyads", "documents", "mentions", "entities", "cooperation", "dyad rows",
                               "targets"]
    for sheet in book:
        assert sheet.tables, sheet.title
        assert sheet.freeze_panes == "A2", sheet.title
        widths = [d.width for d in sheet.column_dimensions.values()]
        assert widths and all(MIN_WIDTH <= w <= MAX_WIDTH for w in widths), sheet.title
        for table in sheet.tables.values():
            assert table.tableStyleInfo.name and table.autoFilter is not None and table.autoFilter.ref == table.ref
    for table in ("documents", "cooperation", "targets"):
        sheet = book[table]
        assert [c.value for c in sheet[1]] == columns(table)
        assert sheet.tables[f"table_{table}"].ref.startswith("A1:")


def test_table_sheets_hold_numbers_as_numbers_and_text_as_text(workbook):
    book, _ = workbook
    docs = _table(book["documents"], "table_documents")
    assert docs.loc[0, "p_engagement"] == 0.8 and docs.loc[0, "n_words"] == 500
    assert docs.loc[0, "title"] == "'=Cuba and the United States"  # never a formula
    assert book["documents"]["H2"].data_type == "s"


def test_an_empty_table_keeps_one_empty_row(workbook):
    book, _ = workbook
    assert book["mentions"].tables["table_mentions"].ref == "A1:M2"
    assert all(c.value is None for c in book["mentions"][2])


def test_summary_counts_match_the_files(workbook):
    book, out = workbook
    sheet = book["Summary"]
    corpus_table = dict(_table(sheet, "summary_corpus").itertuples(index=False))
    dyads = pd.read_csv(out / "dyads.csv")
    assert corpus_table["Files in the folder"] == 4 and corpus_table["Analysed"] == 3
    assert corpus_table["Skipped"] == 1 and corpus_table["Dyads (mention and pair of actors)"] == len(dyads) == 6
    assert corpus_table["Dates covered"] == "2021-03-05 to 2021-06-20"
    stance = _table(sheet, "summary_stance").set_index("target_iso3")
    assert stance.loc["USA", "documents"] == 2 and stance.loc["USA", "pressure"] == 2
    assert stance.loc["USA", "main_target"] == 1 and stance.loc["USA", "mean_p_pressure"] == pytest.approx(0.7)
    coop = _table(sheet, "summary_cooperation").set_index("domain")
    assert coop.loc["science", "actual"] == 1 and coop.loc["science", "negated"] == 1
    assert coop.loc["culture", "total"] == 1 and coop["total"].sum() == 6  # five mentions, one of two domains
    actors = _table(sheet, "summary_actors")
    assert list(actors["entity_id"][:2]) == ["state:USA", "state:CUB"] and actors.loc[0, "mentions"] == 7
    places = _table(sheet, "summary_places")
    assert places.loc[0, "name"] == "Bogotá" and places.loc[0, "latitude"] == "4.6097"


def test_dyads_pivot_counts_pairs_by_domain_and_adds_up_to_the_rows(workbook):
    book, out = workbook
    pivot = _table(book["Dyads"], "dyads_by_pair_and_domain")
    dyads = pd.read_csv(out / "dyads.csv", keep_default_na=False)
    expected = dyads.groupby(["pair", "domain", "modality"]).size()
    for row in pivot.itertuples(index=False):
        for modality in ("actual", "proposed", "negated", "hypothetical"):
            assert getattr(row, modality) == expected.get((row.pair, row.domain, modality), 0)
    assert pivot["total"].sum() == len(dyads)
    assert pivot["total"].is_monotonic_decreasing and set(pivot["pair"]) == set(dyads["pair"])
