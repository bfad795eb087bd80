"""File names as text that every CSV file, spreadsheet and terminal can hold.

On Linux and macOS a file name is a string of bytes. Python decodes it as UTF-8 and keeps
each byte that is not UTF-8 as a lone surrogate (PEP 383), so that the file can still be
opened; but no UTF-8 file can store such a character. Rows therefore show each such byte,
and each control character (a line break or a tab in a name), as ``\\xNN``, and say so in
the ``error`` column; the name used to open the file stays untouched.
"""

from __future__ import annotations

import re

#: What a row says when it shows a name with escapes.
NAME_NOTE = "the file name has bytes that are not UTF-8 or control characters, shown as \\xNN"

_ODD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def shown_name(name: str) -> str:
    """``name`` with undecodable bytes and control characters written as ``\\xNN``."""
    if not _ODD.search(name):
        return name
    return _ODD.sub(_escape, name)


def name_bytes(name: str) -> bytes:
    """The bytes of a file name as the operating system has them (UTF-8 for any valid name)."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that did not come from a byte (Windows)
        return name.encode("utf-8", "surrogatepass")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # the byte 0x80-0xFF that surrogateescape kept
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"
