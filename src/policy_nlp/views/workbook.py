"""``policy-nlp.xlsx``: a Summary sheet, a Dyads pivot and one sheet per table.

Every block is a real spreadsheet table (an Excel "Format as Table" range: filter buttons,
banded rows, its own name), headers are frozen and columns sized to their contents. Built
from the finished CSV files of a run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ..writers import safe_cell
from . import summary
from .tables import read_table

#: Columns written as numbers in the table sheets (everything else stays text, so that a
#: doc_id of digits or a date is shown as written).
NUMERIC_COLUMNS = frozenset({
    "sentence_id", "start_char", "end_char", "n_chars", "n_words", "stance_confidence", "p_engagement",
    "p_pressure", "p_neutral", "n_actors", "n_places", "n_cooperation", "latitude", "longitude", "mentions",
    "n_mentions", "n_sentences",
})
#: Sheet names: Excel compares them without case, so the dyads table cannot be "dyads"
#: beside the "Dyads" pivot.
SHEET_NAMES = {"dyads": "dyad rows"}
TOP = 20
MIN_WIDTH, MAX_WIDTH = 8, 60
_STYLE = "TableStyleMedium2"
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def write_workbook(path: Path, tables: dict[str, Path]) -> Path:
    """Write the workbook at ``path`` from the CSV files in ``tables`` (table -> file)."""
    frames = {table: read_table(csv_path, table) for table, csv_path in tables.items()}
    workbook = Workbook()
    workbook.remove(workbook.active)
    _summary_sheet(workbook.create_sheet("Summary"), frames)
    _dyads_sheet(workbook.create_sheet("Dyads"), frames)
    for table, frame in frames.items():
        sheet = workbook.create_sheet(SHEET_NAMES.get(table, table))
        widths: dict[int, int] = {}
        _add_table(sheet, frame, 1, f"table_{table}", widths, numeric=NUMERIC_COLUMNS)
        sheet.freeze_panes = "A2"
        _set_widths(sheet, widths)
    workbook.save(path)
    return path


def _summary_sheet(sheet: Worksheet, frames: dict[str, pd.DataFrame]) -> None:
    info = summary.overview(frames)
    overview = pd.DataFrame(summary.overview_rows(info), columns=["measure", "value"])
    blocks = [
        ("Corpus", overview, "summary_corpus"),
        ("Stance per target state (targets.csv: each document counts once for every state it discusses)",
         summary.stance_by_target(frames), "summary_stance"),
        ("Cooperation mentions by domain and modality (a mention of two domains counts under both)",
         summary.cooperation_by_domain(frames).reset_index(), "summary_cooperation"),
        (f"Most mentioned actors (top {TOP})", summary.entity_totals(frames, "actor").head(TOP)
         .drop(columns=["latitude", "longitude"]), "summary_actors"),
        (f"Most mentioned places (top {TOP})", summary.entity_totals(frames, "place").head(TOP), "summary_places"),
    ]
    sheet["A1"] = "policy-nlp: summary of the run"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.freeze_panes = "A2"
    widths: dict[int, int] = {}
    row = 3
    for title, frame, name in blocks:
        sheet.cell(row=row, column=1, value=title).font = Font(bold=True)
        row = _add_table(sheet, frame, row + 1, name, widths) + 2
    _set_widths(sheet, widths)


def _dyads_sheet(sheet: Worksheet, frames: dict[str, pd.DataFrame]) -> None:
    widths: dict[int, int] = {}
    _add_table(sheet, summary.dyad_pivot(frames), 1, "dyads_by_pair_and_domain", widths)
    sheet.freeze_panes = "A2"
    _set_widths(sheet, widths)


def _add_table(sheet: Worksheet, frame: pd.DataFrame, top: int, name: str, widths: dict[int, int],
               numeric=frozenset()) -> int:
    """Write ``frame`` with its header on row ``top`` as a named table; return its last row.

    ``widths`` (column -> characters) grows to the longest cell of each column, the header
    with room for its filter button. A table with no rows keeps one empty row: Excel
    repairs (and warns about) a table that has a header only.
    """
    headers = [str(c) for c in frame.columns]
    for col, header in enumerate(headers, start=1):
        sheet.cell(row=top, column=col, value=header)
        longest = frame.iloc[:, col - 1].map(_shown).str.len().max() if len(frame) else 0
        widths[col] = max(widths.get(col, 0), len(header) + 3, int(longest))
    row = top
    for row, values in enumerate(frame.itertuples(index=False, name=None), start=top + 1):
        for col, (header, value) in enumerate(zip(headers, values), start=1):
            sheet.cell(row=row, column=col, value=_cell(value, header in numeric))
    last = max(row, top + 1)
    table = Table(displayName=name, ref=f"A{top}:{get_column_letter(len(headers))}{last}")
    table.tableStyleInfo = TableStyleInfo(name=_STYLE, showRowStripes=True)
    sheet.add_table(table)
    return last


def _cell(value, numeric: bool):
    """A value as the workbook should hold it: numbers as numbers, text never a formula and
    without control characters (a NUL deep in a text file is legal in CSV, but openpyxl
    refuses a whole workbook for one)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, str):
        if numeric and _NUMBER.match(value):
            return float(value) if "." in value else int(value)
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return safe_cell(value) if value else None
    return value


def _shown(value) -> str:
    """A value as the sheet shows it, to measure its width."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def _set_widths(sheet: Worksheet, widths: dict[int, int]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 1))
