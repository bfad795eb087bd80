"""Read the bytes of one file, whatever the folder holds under its name.

A folder can hold more than articles: a named pipe (reading it waits forever for a
writer), a link to a device such as ``/dev/zero`` (reading it never ends), a file that
grows or is replaced while it is read. The file is opened without blocking and checked on
the open handle, so what is checked is what is read.
"""

from __future__ import annotations

import os
import stat


class NotARegularFile(OSError):
    """The name is a pipe, device, socket or folder, not a file with contents."""


class FileTooLarge(OSError):
    """The file is larger than the limit; ``size`` says how large."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file is {size:,} bytes, over the {limit:,}-byte limit")
        self.size = size


def read_regular_file(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit``.

    Raises :class:`NotARegularFile`, :class:`FileTooLarge` or the ``OSError`` of the
    failing call.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"not a regular file ({_kind(info.st_mode)}); not read")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        with open(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise FileTooLarge(len(data), limit)
    return data


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file with contents"
