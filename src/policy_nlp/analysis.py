"""Analyse documents: the library entry points behind ``policy-nlp analyze``.

:func:`analyze_document` is a pure function from a file (path and bytes) to its result
rows, with the pipeline loaded once per process; :func:`analyze` maps it over a folder,
in order, optionally over several processes. Nothing here writes files.
"""

from __future__ import annotations

import bisect
import contextlib
import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import rows
from .chunking import chunk_spans
from .ingest import SourceDocument, load_document, read_source
from .settings import CHUNK_CHARS, ZONE_CHARS


@dataclass(frozen=True)
class AnalysisOptions:
    """What to analyse and how; the CLI builds one from its flags."""

    model: str | None = None
    sentences: bool = False
    chunk_chars: int = CHUNK_CHARS
    with_stance: bool = True


@dataclass
class DocumentResult:
    """All rows produced for one input file."""

    document: dict
    mentions: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    cooperation: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    words: int = 0


class Analyzer:
    """Holds the spaCy pipeline and the stance model; analyses one document at a time."""

    #: Characters analysed in one shared memory zone (see :meth:`streaming`).
    zone_chars = ZONE_CHARS

    def __init__(self, options: AnalysisOptions = AnalysisOptions()) -> None:
        from .pipeline import load_pipeline
        from .stance.model import load_stance_model

        self.options = options
        self.nlp = load_pipeline(options.model)
        self.stance = load_stance_model() if options.with_stance else None
        self._zone: contextlib.ExitStack | None = None
        self._zone_chars = 0
        self._shared_zones = False

    @contextlib.contextmanager
    def streaming(self) -> Iterator["Analyzer"]:
        """Analyse a stream of documents with memory zones shared between them.

        Strings and lexemes created inside a spaCy memory zone are freed when it closes,
        so memory stays flat however many documents go through. Outside this block every
        document gets its own zone. Inside it a zone spans several documents (up to
        :attr:`zone_chars` characters), because words new to the model's vocabulary recur from
        one article to the next and re-creating their lexemes for every document costs
        about 5% of the parse. Do not keep ``Doc`` objects of ``self.nlp`` made inside it.
        """
        previous, self._shared_zones = self._shared_zones, True
        try:
            yield self
        finally:
            self._shared_zones = previous
            self._close_zone()

    def _open_zone(self) -> None:
        if self._zone is None:
            zone = contextlib.ExitStack()
            zone.enter_context(self.nlp.memory_zone())
            self._zone, self._zone_chars = zone, 0

    def _close_zone(self) -> None:
        if self._zone is not None:
            zone, self._zone = self._zone, None
            zone.close()

    def analyze_path(self, path: Path, root: Path) -> DocumentResult:
        source, data = read_source(path, root)
        if data is not None:
            try:
                source = load_document(source, data)
            except Exception as exc:  # one bad file must never stop the run
                source.status, source.error = "error", f"could not read the document: {exc}"
        return self.analyze_source(source)

    def analyze_source(self, source: SourceDocument) -> DocumentResult:
        if source.status != "ok":
            return DocumentResult(rows.document_row(source))
        self._open_zone()
        try:
            result = self._analyze(source)
        except Exception as exc:  # keep the run going; the row says what happened
            self._close_zone()
            source.status, source.error = "error", f"analysis failed: {type(exc).__name__}: {exc}"
            return DocumentResult(rows.document_row(source))
        self._zone_chars += len(source.masked)
        if not self._shared_zones or self._zone_chars >= self.zone_chars:
            self._close_zone()
        return result

    def _analyze(self, source: SourceDocument) -> DocumentResult:
        year = int(source.published[:4]) if source.published[:4].isdigit() else None
        mentions, coops, sentences = [], [], []
        entities: dict[str, dict] = {}
        title_span = _title_span(source)
        for start, end in chunk_spans(source.masked, self.options.chunk_chars):
            doc = self.nlp.make_doc(source.masked[start:end])
            doc._.policy_year = year
            for _, proc in self.nlp.pipeline:
                doc = proc(doc)
            for sent in doc.sents:
                if sent.text.strip():
                    sentences.append((start + sent.start_char, start + sent.end_char))
            for m in doc._.policy_mentions:
                mentions.append({**m, "start_char": m["start_char"] + start, "end_char": m["end_char"] + start})
            for eid, ent in doc._.policy_entities.items():
                entities.setdefault(eid, ent)
            for c in doc._.policy_cooperation:
                c = {**c, **{k: c[k] + start for k in ("start_char", "end_char", "sent_start", "sent_end")}}
                if title_span and title_span[0] <= c["start_char"] < title_span[1]:
                    continue  # a headline restates the article; its sentences are counted there
                coops.append(c)
        starts = [s for s, _ in sentences]

        def sentence_of(offset: int) -> int:
            return max(0, bisect.bisect_right(starts, offset) - 1)

        stance = None
        sentence_texts = [rows.one_line(source.text[s:e]) for s, e in sentences]
        if self.stance is not None:
            body = re.sub(r"[ \t]+", " ", source.masked)
            stance = self.stance.predict_document(body, sentence_texts, mentions, entities,
                                                  title_end=title_span[1] if title_span else 0)
        return DocumentResult(**rows.build(source, mentions, entities, coops, sentences, sentence_of, stance,
                                           self.options.sentences))


def _title_span(source: SourceDocument) -> tuple[int, int] | None:
    if not source.title:
        return None
    i = source.text.find(source.title)
    if i < 0 or i > 2000:
        return None
    return i, i + len(source.title)


# -- running over many files ------------------------------------------------------------------
_worker: Analyzer | None = None


def _init_worker(options: AnalysisOptions) -> None:
    global _worker
    _worker = Analyzer(options)
    # A worker only ever analyses a stream of files, so its zones are shared for good.
    _worker._shared_zones = True


def _work(item: tuple[str, str]) -> DocumentResult:
    path, root = item
    assert _worker is not None
    return _worker.analyze_path(Path(path), Path(root))


def default_jobs() -> int:
    """One worker per core the process may use, at most 8 (each holds a model in memory)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(8, cores))


def analyze(files: Iterable[Path], root: Path, options: AnalysisOptions = AnalysisOptions(),
            jobs: int = 1, analyzer: Analyzer | None = None) -> Iterator[DocumentResult]:
    """Yield one :class:`DocumentResult` per file, in the order of ``files``.

    With ``jobs > 1`` the files are spread over worker processes, each loading the pipeline
    once; results still come back in input order, so the output is the same as with one job.
    """
    items = [(str(p), str(root)) for p in files]
    if jobs <= 1 or len(items) <= 1:
        analyzer = analyzer or Analyzer(options)
        with analyzer.streaming():
            for path, root_s in items:
                yield analyzer.analyze_path(Path(path), Path(root_s))
        return
    # Fail here, in one process, rather than in every worker's initializer.
    check_models(options)
    context = multiprocessing.get_context(os.environ.get("POLICY_NLP_START_METHOD") or None)
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context,
                             initializer=_init_worker, initargs=(options,)) as pool:
        try:
            yield from pool.map(_work, items, chunksize=1)
        except BrokenProcessPool as exc:
            raise WorkerDied("a worker process stopped unexpectedly (out of memory?); "
                             "run again with --jobs 1 to find the file") from exc


class WorkerDied(RuntimeError):
    """A worker process ended without returning its result."""


def check_models(options: AnalysisOptions) -> None:
    """Raise the same plain errors as loading would, without loading anything."""
    import importlib.util

    from .pipeline import ModelNotFound, resolve_model_name
    from .stance.model import verify_stance_model

    name = resolve_model_name(options.model)
    if not Path(name).exists() and importlib.util.find_spec(name) is None:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed (pip install it, or choose another with --model)")
    if options.with_stance:
        verify_stance_model()
