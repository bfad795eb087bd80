"""Find the files to analyse under a folder, in a deterministic order."""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..settings import DEFAULT_PATTERNS, LOCK_FILE
from .names import shown_name

logger = logging.getLogger(__name__)


def list_files(root: Path, exclude: Iterable[Path] = ()) -> list[Path]:
    """Every file under ``root``, sorted by relative path.

    Hidden files and folders (names starting with ``.``) are skipped, and so is anything
    inside the folders in ``exclude`` (the run's own output folder) or inside a folder that
    holds a policy-nlp run (``run.json`` beside ``documents.csv``, or the lock a run takes),
    so that writing the output inside the input folder does not feed it back in.

    Links to files are listed (and read where they point); links to folders are not
    followed, so a link loop or a link to a large tree outside cannot run away. A link
    that leads nowhere is listed, and its row says it cannot be read.
    Sorting makes two runs over the same folder list files identically.
    """
    skip = {os.path.realpath(p) for p in exclude}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=_unlisted):
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and not _is_run_folder(Path(dirpath) / d)
            and not (skip and os.path.realpath(os.path.join(dirpath, d)) in skip)
        )
        found.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    found.sort(key=lambda p: p.relative_to(root).as_posix())
    return found


def matches(path: Path, patterns: Iterable[str]) -> bool:
    """True when the file name matches one of ``patterns`` (case-insensitive globs)."""
    name = path.name.lower()
    return any(fnmatch.fnmatchcase(name, pattern.lower()) for pattern in patterns)


def discover(root: Path, patterns: Iterable[str] = DEFAULT_PATTERNS) -> Iterator[Path]:
    """Yield the files under ``root`` (see :func:`list_files`) whose name matches ``patterns``."""
    patterns = list(patterns)
    yield from (path for path in list_files(root) if matches(path, patterns))


def _unlisted(error: OSError) -> None:
    logger.warning("cannot list the folder %s (%s); the files in it are not analysed",
                   shown_name(str(error.filename)), error.strerror or error)


def _is_run_folder(folder: Path) -> bool:
    return ((folder / "run.json").is_file() and (folder / "documents.csv").is_file()) or (folder / LOCK_FILE).is_file()
