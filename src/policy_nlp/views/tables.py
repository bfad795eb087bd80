"""Read the CSV files of a run, as every view does: text cells, a byte-order mark or not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..schema import columns


class RunFilesError(ValueError):
    """A run's folder lacks a file a view needs, or holds one that cannot be read; the
    message says which and what to do."""


def read_table(path: Path, table: str | None = None) -> pd.DataFrame:
    """One CSV file as text columns (empty cells are ``""``); a BOM, if any, is dropped.

    With ``table``, columns the file lacks (written by an older version) are added empty,
    so that views can rely on the schema's columns.
    """
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise RunFilesError(f"{path.name} is missing from {path.parent}; run policy-nlp analyze into that folder "
                            "(a run by an older version may lack it: analyse again)") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise RunFilesError(f"{path} cannot be read as a CSV file written by policy-nlp ({exc})") from None
    if table is not None:
        for name in columns(table):
            if name not in frame.columns:
                frame[name] = ""
    return frame


#: The tables the views are built from.
VIEW_TABLES = ("documents", "entities", "cooperation", "dyads", "targets")


def read_run(folder: Path) -> dict[str, pd.DataFrame]:
    """The tables of the run in ``folder`` by name (``documents`` -> ``documents.csv``)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RunFilesError(f"{folder} is not a folder; give the output folder of policy-nlp analyze")
    return read_tables({table: folder / f"{table}.csv" for table in VIEW_TABLES})


def read_tables(paths: dict[str, Path]) -> dict[str, pd.DataFrame]:
    """The tables the views need, from CSV files named by table (other tables are not read)."""
    return {table: read_table(paths[table], table) for table in VIEW_TABLES}


def numbers(series: pd.Series) -> pd.Series:
    """A text column as numbers (empty or unreadable cells become NaN)."""
    return pd.to_numeric(series, errors="coerce")
