"""Write result rows as they arrive: CSV files (atomically), a manifest, optionally xlsx."""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

from .schema import TABLES, columns

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def safe_cell(value) -> str | int | float:
    """A cell that opens as plain text in a spreadsheet: one line, never a formula."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    text = " ".join(str(value).split()) if ("\n" in str(value) or "\r" in str(value)) else str(value)
    if text.startswith(FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


class TableWriter:
    """One CSV file written to a temporary name and renamed into place on :meth:`commit`."""

    def __init__(self, folder: Path, table: str) -> None:
        self.path = folder / f"{table}.csv"
        self.tmp = folder / f".{table}.csv.partial"
        self.fields = columns(table)
        self._fh = open(self.tmp, "w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._fh, fieldnames=self.fields, extrasaction="ignore", lineterminator="\n")
        self._writer.writeheader()
        self.rows = 0

    def write(self, rows) -> None:
        for row in rows:
            self._writer.writerow({k: safe_cell(row.get(k, "")) for k in self.fields})
            self.rows += 1

    def commit(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        self.tmp.unlink(missing_ok=True)


class RunWriter:
    """All the tables of one run; rows are written as each document finishes."""

    def __init__(self, folder: Path, sentences: bool = False) -> None:
        self.folder = folder
        tables = [t for t in TABLES if t != "sentences" or sentences]
        self.writers = {t: TableWriter(folder, t) for t in tables}

    def add(self, result) -> None:
        self.writers["documents"].write([result.document])
        self.writers["mentions"].write(result.mentions)
        self.writers["entities"].write(result.entities)
        self.writers["cooperation"].write(result.cooperation)
        self.writers["targets"].write(result.targets)
        if "sentences" in self.writers:
            self.writers["sentences"].write(result.sentences)

    def commit(self) -> dict[str, int]:
        for w in self.writers.values():
            w.commit()
        return {t: w.rows for t, w in self.writers.items()}

    def abort(self) -> None:
        for w in self.writers.values():
            w.abort()


def write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_xlsx(folder: Path, tables: list[str]) -> Path:
    """One workbook with a sheet per table, built from the finished CSV files."""
    import pandas as pd

    path = folder / "policy-nlp.xlsx"
    tmp = folder / ".policy-nlp.xlsx.partial"
    with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
        for table in tables:
            frame = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
            frame.to_excel(xl, sheet_name=table, index=False)
    os.replace(tmp, path)
    return path
