"""Re-use the results of files that have not changed since the last run into a folder.

Each result is stored as JSON under ``OUT/.policy-nlp-cache/``, keyed by a hash of the
file's relative path and content and of the pipeline fingerprint (tool code and data,
spaCy model, stance model, analysis options). Any change to one of these misses the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .analysis import DocumentResult

CACHE_DIR = ".policy-nlp-cache"


class ResultCache:
    """A folder of cached :class:`DocumentResult` objects for one output folder."""

    def __init__(self, out: Path, fingerprint: str) -> None:
        self.folder = out / CACHE_DIR
        self.fingerprint = fingerprint
        self.used: set[str] = set()

    def key(self, relpath: str, data: bytes) -> str:
        digest = hashlib.sha256()
        for part in (self.fingerprint.encode(), relpath.encode("utf-8"), data):
            digest.update(hashlib.sha256(part).digest())
        return digest.hexdigest()

    def get(self, key: str) -> DocumentResult | None:
        path = self.folder / f"{key}.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.used.add(key)
        return DocumentResult(**raw)

    def put(self, key: str, result: DocumentResult) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{key}.partial"
        # vars(), not dataclasses.asdict(): the fields are already plain lists of plain
        # dicts, and asdict's recursive deep copy cost more than writing the file.
        tmp.write_text(json.dumps(vars(result), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.folder / f"{key}.json")
        self.used.add(key)

    def prune(self) -> None:
        """Forget results of files that are no longer in the corpus or have changed."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
