"""Write result rows as they arrive: CSV files (atomically), a manifest, optionally xlsx.

A failed write (disk full, read-only folder) is reported as :class:`OutputError`, naming the
file and the reason, and leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

from . import interrupts
from .ingest.names import shown_name
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


class OutputError(Exception):
    """A file of the output folder could not be written (disk full, read-only, no permission).

    The message says which file, why, and what was kept.
    """

    def __init__(self, path: Path, error: OSError, replaced: bool = False) -> None:
        self.path, self.error = Path(path), error
        kept = ("some output files were already replaced" if replaced
                else "no output file was replaced")
        super().__init__(f"cannot write {shown_name(str(self.path))}: {describe_os_error(error)}; {kept}")


def describe_os_error(error: OSError) -> str:
    """A plain reason for a failed write."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EFBIG: "the file would be larger than this system allows (a file-size limit)",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "no permission to write there",
        errno.EPERM: "no permission to write there",
    }
    if hasattr(errno, "EDQUOT"):
        reasons[errno.EDQUOT] = "the disk quota is used up"
    return reasons.get(error.errno, error.strerror or str(error))


#: Temporary files of a run: the final name with a run-unique tag, hidden.
_PARTIAL = re.compile(r"^\.(?:[a-z_]+\.csv|run\.json|policy-nlp\.xlsx|report[a-z0-9_.-]*)(?:\.[0-9a-f-]+)?\.partial$")


def run_tag() -> str:
    """A tag that no other run, here or on another machine sharing the folder, uses."""
    return f"{os.getpid()}-{uuid.uuid4().hex[:8]}"


def partial_path(path: Path, tag: str) -> Path:
    return path.with_name(f".{path.name}.{tag}.partial")


def remove_stale_partials(folder: Path) -> int:
    """Remove the temporary files that runs killed before they could tidy up left behind.

    Call it only while holding the folder's lock (see :mod:`policy_nlp.outlock`): then no
    other run is writing them. Returns how many were removed.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if _PARTIAL.match(entry.name):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


class TableWriter:
    """One CSV file written under a temporary name, which :class:`RunWriter` renames into place.

    With ``bom`` the file starts with a UTF-8 byte-order mark, without which Excel reads a
    CSV file opened by double-click in the local code page ("Raúl" shows as "RaÃºl").
    """

    def __init__(self, folder: Path, table: str, tag: str | None = None, bom: bool = True) -> None:
        self.path = folder / f"{table}.csv"
        self.tmp = partial_path(self.path, tag or run_tag())
        self.fields = columns(table)
        self.rows = 0
        with _writing(self.path):
            # backslashreplace: a lone surrogate (a byte no decoder could read) cannot
            # stop the run; rows build file names with shown_name, so none should come.
            self._fh = open(self.tmp, "w", encoding="utf-8-sig" if bom else "utf-8", errors="backslashreplace",
                            newline="")
            try:
                self._writer = csv.DictWriter(self._fh, fieldnames=self.fields, extrasaction="ignore",
                                              lineterminator="\n")
                self._writer.writeheader()
                self._fh.flush()  # a full disk shows now, before any analysis
            except BaseException:
                self.abort()
                raise

    def write(self, rows) -> None:
        with _writing(self.path):
            for row in rows:
                self._writer.writerow({k: safe_cell(row.get(k, "")) for k in self.fields})
                self.rows += 1

    def finish(self) -> None:
        """Write everything to disk under the temporary name."""
        with _writing(self.path):
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def abort(self) -> None:
        """Remove the temporary file; never raises (it runs while another error is reported)."""
        with contextlib.suppress(OSError):
            self._fh.close()  # may fail to flush on a full disk: the file goes anyway
        with contextlib.suppress(OSError):
            self.tmp.unlink(missing_ok=True)


class RunWriter:
    """All the files of one run; rows are written as each document finishes.

    Every file is written under a temporary name unique to the run (see :func:`run_tag`)
    and renamed into place only by :meth:`publish`, all together at the end, so an
    interrupted or failed run replaces none of the files of the previous one.
    """

    def __init__(self, folder: Path, sentences: bool = False, bom: bool = True) -> None:
        self.folder = folder
        self.tag = run_tag()
        tables = [t for t in TABLES if t != "sentences" or sentences]
        self.writers: dict[str, TableWriter] = {}
        self._extra: list[tuple[Path, Path]] = []  # (temporary, final) of xlsx, report and JSON files
        self._obsolete: list[Path] = []  # files of an earlier run's report that this run's does not draw
        try:
            for table in tables:
                self.writers[table] = TableWriter(folder, table, self.tag, bom)
            _check_destinations([w.path for w in self.writers.values()] + [folder / "run.json"])
        except BaseException:
            self.abort()
            raise

    def add(self, result) -> None:
        self.writers["documents"].write([result.document])
        self.writers["mentions"].write(result.mentions)
        self.writers["entities"].write(result.entities)
        self.writers["cooperation"].write(result.cooperation)
        self.writers["dyads"].write(result.dyads)
        self.writers["targets"].write(result.targets)
        if "sentences" in self.writers:
            self.writers["sentences"].write(result.sentences)

    def finish(self) -> dict[str, int]:
        """Write every table to disk under its temporary name; return the rows per table."""
        for w in self.writers.values():
            w.finish()
        return {t: w.rows for t, w in self.writers.items()}

    def add_xlsx(self) -> Path:
        """Build ``policy-nlp.xlsx`` from the finished tables (after :meth:`finish`)."""
        path = self.folder / "policy-nlp.xlsx"
        tmp = partial_path(path, self.tag)
        self._extra.append((tmp, path))
        with _writing(path):
            write_xlsx(tmp, {table: w.tmp for table, w in self.writers.items()})
        return path

    def add_report(self, manifest: dict) -> Path:
        """Draw ``report.html`` and its charts from the finished tables (after :meth:`finish`),
        to be put in place with them (see :mod:`policy_nlp.views.report`)."""
        from .views.report import report_files, staging_path
        from .views.tables import read_tables

        path = self.folder / "report.html"
        files, obsolete = report_files(read_tables({t: w.tmp for t, w in self.writers.items()}), manifest, path)
        for final, data in files:
            tmp = staging_path(final, path, self.tag)
            self._extra.append((tmp, final))
            with _writing(final):
                final.parent.mkdir(exist_ok=True)
                tmp.write_bytes(data)
        self._obsolete += obsolete
        return path

    def add_json(self, name: str, data: dict) -> None:
        """Write a JSON file (the manifest) to be put in place with the tables."""
        path = self.folder / name
        tmp = partial_path(path, self.tag)
        self._extra.append((tmp, path))
        with _writing(path):
            tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def publish(self) -> None:
        """Rename every finished file into place: the tables, then the workbook and the
        manifest. A signal that arrives meanwhile is acted on when all are in place."""
        moves = [(w.tmp, w.path) for w in self.writers.values()] + self._extra
        try:
            _check_destinations([path for _, path in moves])
        except OutputError:
            self.abort()
            raise
        with interrupts.deferred():
            for i, (tmp, path) in enumerate(moves):
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    self.abort()
                    raise OutputError(path, exc, replaced=i > 0) from None
            for path in self._obsolete:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)

    def commit(self) -> dict[str, int]:
        """:meth:`finish` and :meth:`publish`; return the rows per table."""
        counts = self.finish()
        self.publish()
        return counts

    def abort(self) -> None:
        """Remove every temporary file of the run; never raises."""
        for w in self.writers.values():
            w.abort()
        for tmp, _ in self._extra:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def write_xlsx(path: Path, tables: dict[str, Path]) -> Path:
    """One workbook at ``path``, built from finished CSV files: a Summary sheet, a Dyads
    pivot and a sheet per table (see :mod:`policy_nlp.views.workbook`)."""
    from .views.workbook import write_workbook

    return write_workbook(path, tables)


def _check_destinations(paths: list[Path]) -> None:
    """Refuse, before anything is renamed, a final name taken by a folder."""
    for path in paths:
        if path.is_dir():
            raise OutputError(path, IsADirectoryError(errno.EISDIR, "a folder has the name of this output file"))


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Report a failed write as :class:`OutputError`, naming the file."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(path, exc) from None
