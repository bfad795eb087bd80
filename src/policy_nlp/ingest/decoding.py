"""Turn the bytes of a file into text without silently losing characters."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..settings import SNIFF_BYTES


class DecodingError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


class BinaryFileError(DecodingError):
    """The bytes look like a binary file (image, archive, office document...)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


# UTF-32 is left out on purpose: its little-endian mark starts with the UTF-16 one, and
# articles in UTF-32 do not occur in practice.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of common binary formats that users drop into article folders.
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"\x1f\x8b")

# Legacy encodings we accept from the detector; anything else it proposes for a short
# Western text (mac_roman, cp1250 ...) is far more often a misdetection of cp1252.
_WESTERN = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "latin-1"}


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: BOM first, then strict UTF-8, then a detected legacy encoding.

    Raises :class:`BinaryFileError` for binary content and :class:`DecodingError` when no
    encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError(f"starts with a {encoding} byte-order mark but is not valid {encoding}") from exc
    head = data[:SNIFF_BYTES]
    if head.startswith(_MAGIC) or b"\x00" in head:
        raise BinaryFileError("binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise BinaryFileError("binary file or unknown encoding, not text")
    encoding = best.encoding
    if encoding.replace("-", "_").lower() in {e.replace("-", "_") for e in _WESTERN} or _looks_western(data):
        encoding = "cp1252" if _decodes(data, "cp1252") else "latin-1"
    text = data.decode(encoding)
    if _control_ratio(text) > 0.01:
        raise BinaryFileError("binary file, not text")
    return Decoded(text, encoding)


def _looks_western(data: bytes) -> bool:
    """True when the non-ASCII bytes are few and all are cp1252 letters or punctuation."""
    high = sum(b >= 0x80 for b in data)
    return high <= max(8, len(data) // 20) and _decodes(data, "cp1252")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(text)
