"""One run at a time per output folder.

Two runs into one folder (a second terminal, an overlapping cron job) would write the
same files. A run holds a lock on ``OUT/.policy-nlp.lock`` from start to end; a second run
learns from the file which process holds it, and stops or waits. The lock is a POSIX
record lock: the operating system releases it when its process ends, however it ends
(so a run killed with SIGKILL leaves no stale lock), and worker processes, which do not
inherit it, cannot keep it alive. The file itself stays; it holds no state.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .ingest.names import shown_name
from .settings import LOCK_FILE

try:
    import fcntl
except ImportError:  # Windows: runs into one folder are not kept apart
    fcntl = None

logger = logging.getLogger(__name__)


class FolderLocked(RuntimeError):
    """Another run holds the output folder; the message says which."""


class FolderLock:
    """The lock of one output folder; a context manager."""

    def __init__(self, folder: Path, wait: bool = False, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = Path(folder) / LOCK_FILE
        self.wait = wait
        self.on_wait = on_wait
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`FolderLocked` (waiting for it first if ``wait``).

        Raises ``OSError`` when the lock file cannot be created (a read-only folder).
        """
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            if fcntl is not None:
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError as exc:
                    if exc.errno not in (errno.EACCES, errno.EAGAIN):
                        # A file system without locks (some network shares): go on unguarded.
                        logger.warning("cannot lock the output folder %s (%s); make sure no other run writes into it",
                                       shown_name(str(self.path.parent)), exc.strerror or exc)
                        self._fd = fd
                        return
                    holder = self._holder(fd)
                    if not self.wait:
                        raise FolderLocked(
                            f"the output folder {shown_name(str(self.path.parent))!r} is in use by another "
                            f"policy-nlp run ({holder}); wait for it to finish, add --wait to start when it "
                            "has, or choose another folder with -o") from None
                    if self.on_wait is not None:
                        self.on_wait(f"waiting for another run to finish with {shown_name(str(self.path.parent))!r} ({holder})")
                    fcntl.lockf(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps({
                "pid": os.getpid(), "host": socket.gethostname(),
                "started": time.strftime("%Y-%m-%d %H:%M:%S"), "command": " ".join(shown_name(a) for a in sys.argv),
            }).encode("utf-8") + b"\n")
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # releases the lock

    def __enter__(self) -> "FolderLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    @staticmethod
    def _holder(fd: int) -> str:
        """Who holds the lock, as its holder wrote it: "process 123 on host, since ..."."""
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            info = json.loads(os.read(fd, 4096).decode("utf-8"))
            where = f" on {info['host']}" if info.get("host") and info["host"] != socket.gethostname() else ""
            return f"process {int(info['pid'])}{where}, started {info['started']}"
        except (OSError, ValueError, KeyError, TypeError):
            return "a process that has just started"
