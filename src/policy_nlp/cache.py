"""Re-use the results of files that have not changed since the last run into a folder.

Each result is stored as JSON under ``OUT/.policy-nlp-cache/``, keyed by a hash of the
file's relative path, real location and content and of the pipeline fingerprint (tool code
and data, spaCy model, stance model, analysis options). Any change to one of these misses
the cache.

The cache only ever saves time: an entry that is damaged, cut short or not ours reads as a
miss (each entry starts with the hash of its own content), a cache that cannot be written
is reported once and the run goes on without it, and files in the folder that are not
entries are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
from dataclasses import fields
from pathlib import Path

from .analysis import DocumentResult
from .ingest.files import read_regular_file
from .ingest.names import name_bytes, shown_name

CACHE_DIR = ".policy-nlp-cache"

#: Entries are small; anything larger in the folder is not one.
_MAX_ENTRY_BYTES = 256 * 1024 * 1024
_ENTRY = re.compile(r"^[0-9a-f]{64}\.json$")
_FIELDS = {f.name for f in fields(DocumentResult)}

logger = logging.getLogger(__name__)


class ResultCache:
    """A folder of cached :class:`DocumentResult` objects for one output folder."""

    def __init__(self, out: Path, fingerprint: str) -> None:
        self.folder = out / CACHE_DIR
        self.fingerprint = fingerprint
        self.used: set[str] = set()
        self._warned = False

    def key(self, relpath: str, realpath: str, content_sha256: str) -> str:
        """The key of the result for a file at ``relpath`` (under the input folder) and
        ``realpath`` (where it is, links resolved) whose bytes hash to ``content_sha256``."""
        digest = hashlib.sha256()
        for part in (self.fingerprint.encode(), name_bytes(relpath), name_bytes(realpath)):
            digest.update(hashlib.sha256(part).digest())
        digest.update(bytes.fromhex(content_sha256))
        return digest.hexdigest()

    def get(self, key: str) -> DocumentResult | None:
        """The stored result, or None when there is none or it is damaged."""
        try:
            raw = read_regular_file(self.folder / f"{key}.json", _MAX_ENTRY_BYTES)
            check, _, payload = raw.partition(b"\n")
            if check.decode("ascii") != hashlib.sha256(payload).hexdigest():
                return None
            result = _result(json.loads(payload.decode("utf-8")))
        except (OSError, ValueError):
            return None
        if result is not None:
            self.used.add(key)
        return result

    def put(self, key: str, result: DocumentResult) -> None:
        """Store ``result``; when the cache cannot be written, say so once and go on."""
        # vars(), not dataclasses.asdict(): the fields are already plain lists of plain
        # dicts, and asdict's recursive deep copy cost more than writing the file.
        payload = json.dumps(vars(result), ensure_ascii=False).encode("utf-8", "backslashreplace")
        tmp = self.folder / f".{key}.{os.getpid()}.partial"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
            os.replace(tmp, self.folder / f"{key}.json")
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            if not self._warned:
                self._warned = True
                logger.warning("cannot write the cache in %s (%s); results that could not be stored will be "
                               "analysed again next time", shown_name(str(self.folder)), exc.strerror or exc)
            return
        self.used.add(key)

    def prune(self) -> None:
        """Forget results of files that are no longer in the corpus or have changed, and the
        temporary files of runs that were killed; leave anything else in the folder alone."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            stale = (_ENTRY.match(entry.name) and entry.name[:-5] not in self.used) or entry.name.endswith(".partial")
            with contextlib.suppress(OSError):
                if stale and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)


def _result(raw) -> DocumentResult | None:
    """A :class:`DocumentResult` from stored JSON, or None when it does not have that shape.

    An entry must have every field of today's result: one stored by a version without
    a table (``dyads``) would otherwise give a run without its rows. (The fingerprint,
    which hashes the code, already keeps such entries out; this holds if it ever does not.)
    """
    if not isinstance(raw, dict) or set(raw) != _FIELDS or not isinstance(raw.get("document"), dict):
        return None
    for name in ("mentions", "entities", "cooperation", "dyads", "targets", "sentences"):
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            return None
    return DocumentResult(**raw)
