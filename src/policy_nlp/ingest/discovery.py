"""Find the files to analyse under a folder, in a deterministic order."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..settings import DEFAULT_PATTERNS


def discover(root: Path, patterns: Iterable[str] = DEFAULT_PATTERNS) -> Iterator[Path]:
    """Yield files under ``root`` whose name matches one of ``patterns``.

    Hidden files and folders (names starting with ``.``) are skipped, and so is anything
    inside a folder that holds a policy-nlp run (``run.json`` beside ``documents.csv``), so
    that writing the output inside the input folder does not feed it back in. The order is
    sorted by relative path, so two runs over the same folder list files identically.
    """
    lowered = [p.lower() for p in patterns]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and not _is_run_folder(Path(dirpath) / d)
        )
        for name in filenames:
            if name.startswith("."):
                continue
            if any(fnmatch.fnmatchcase(name.lower(), pat) for pat in lowered):
                found.append(Path(dirpath) / name)
    found.sort(key=lambda p: p.relative_to(root).as_posix())
    yield from found


def _is_run_folder(folder: Path) -> bool:
    return (folder / "run.json").is_file() and (folder / "documents.csv").is_file()
