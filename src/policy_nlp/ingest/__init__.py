"""Ingestion: from a file on disk to a :class:`SourceDocument` ready for analysis."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..settings import MAX_FILE_BYTES
from .decoding import BinaryFileError, DecodingError, decode_bytes
from .discovery import discover, list_files
from .files import FileTooLarge, NotARegularFile, read_regular_file
from .html import extract_html
from .language import identify
from .names import name_bytes
from .textclean import apply_mask, apply_stops, mask_markdown, mask_underscore_emphasis, parse_date, read_header, unwrap_lines, wire_datelines

__all__ = ["SourceDocument", "discover", "list_files", "load_document", "not_selected", "read_source", "doc_id_for"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}


@dataclass
class SourceDocument:
    """One input file after ingestion.

    ``text`` is the document text as analysed: offsets in every output index it. For plain
    text and Markdown it is the decoded file itself; for HTML it is the extracted article.
    ``masked`` has the same length as ``text`` with boilerplate, header metadata and markup
    blanked out; it is what the NLP pipeline reads. ``path`` and ``relpath`` are the names
    the file is opened by (see :mod:`.names` for how rows show them); ``content_sha256`` is
    the hash of the bytes that were read, empty when none were. ``language`` is the code of
    the language the text is written in (see :mod:`.language`), with the model's
    ``language_confidence``.
    """

    doc_id: str
    path: str
    relpath: str
    status: str = "ok"
    error: str = ""
    format: str = ""
    encoding: str = ""
    text: str = ""
    masked: str = ""
    title: str = ""
    author: str = ""
    published: str = ""
    site: str = ""
    category: str = ""
    content_sha256: str = ""
    language: str = ""
    language_confidence: float | None = None


def doc_id_for(relpath: str) -> str:
    """A short identifier that stays the same for the same relative path across runs."""
    return hashlib.sha1(name_bytes(relpath)).hexdigest()[:12]


def not_selected(path: Path, root: Path, patterns: Iterable[str]) -> SourceDocument:
    """The row for a file the patterns leave out: listed, so that every file is accounted for."""
    relpath = path.relative_to(root).as_posix()
    return SourceDocument(doc_id=doc_id_for(relpath), path=os.path.realpath(path), relpath=relpath, status="skipped",
                          error=f"not analysed: the name matches none of {' '.join(patterns)} (see --pattern)")


def read_source(path: Path, root: Path) -> tuple[SourceDocument, bytes | None]:
    """Read the bytes of ``path``; on failure the document carries an ``error`` status.

    ``path`` in the document is the file's real location, links resolved (a link that
    loops or leads nowhere keeps its own name).
    """
    relpath = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    doc = SourceDocument(doc_id=doc_id_for(relpath), path=os.path.realpath(path), relpath=relpath)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except (NotARegularFile, FileTooLarge) as exc:
        doc.status, doc.error = "skipped", str(exc)
        return doc, None
    except OSError as exc:
        doc.status, doc.error = "error", f"cannot read file: {exc.strerror or exc}"
        return doc, None
    doc.content_sha256 = hashlib.sha256(data).hexdigest()
    return doc, data


def load_document(doc: SourceDocument, data: bytes, languages: Iterable[str] = ("en",)) -> SourceDocument:
    """Decode, extract and clean ``data`` into ``doc`` (which :func:`read_source` made) and
    tell its language; ``languages`` are those the run analyses (an unsure guess of another
    language gives way to one of them, see :func:`.language.identify`)."""
    doc = _load(doc, data)
    if doc.status == "ok":
        guess = identify(doc.masked, languages)
        doc.language, doc.language_confidence = guess.code, guess.confidence
    return doc


def _load(doc: SourceDocument, data: bytes) -> SourceDocument:
    suffix = Path(doc.relpath).suffix.lower()
    if not data:
        doc.status, doc.error = "skipped", "empty file"
        return doc
    try:
        decoded = decode_bytes(data)
    except BinaryFileError as exc:
        doc.status, doc.error = "skipped", str(exc)
        return doc
    except DecodingError as exc:
        doc.status, doc.error = "error", f"cannot decode: {exc}"
        return doc
    doc.encoding = decoded.encoding
    text = decoded.text
    if not text.strip():
        doc.status, doc.error = "skipped", "file contains only whitespace"
        return doc

    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _looks_like_html(text)):
        doc.format = "html"
        article = extract_html(text)
        if not article.text.strip():
            doc.status, doc.error = "skipped", "no article text found in the HTML page"
            return doc
        doc.text = article.text
        header = read_header(doc.text)
        doc.title = article.title or header.title
        doc.author = article.author or header.author
        doc.published = parse_date(article.published) or header.published
        doc.site = article.site or header.site
        doc.category = header.category
        datelines, stops = wire_datelines(doc.text)
        doc.masked = apply_stops(apply_mask(doc.text, header.boilerplate + datelines), stops)
        return doc

    doc.format = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    doc.text = text
    header = read_header(text)
    doc.title, doc.author, doc.published = header.title, header.author, header.published
    doc.site, doc.category = header.site, header.category
    spans = list(header.masked)
    if doc.format == "markdown":
        spans.extend(mask_markdown(text))
    spans.extend(mask_underscore_emphasis(text))
    datelines, stops = wire_datelines(text)
    doc.masked = unwrap_lines(apply_stops(apply_mask(text, spans + datelines), stops))
    return doc


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
