"""Analyse documents: the library entry points behind ``policy-nlp analyze``.

:meth:`Analyzer.analyze_path` is a pure function from a file to its result rows, with the
pipeline loaded once per process, and :meth:`Analyzer.analyze_paths` the same over a
sequence of files; :func:`analyze` maps them over a folder, in order, optionally over
several processes. Nothing here writes files.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import interrupts, rows
from .chunking import chunk_spans
from .ingest import SourceDocument, load_document, read_source
from .ingest.language import language_name
from .knowledge import check_data_files, fold, load_knowledge_base
from .settings import BATCH_CHARS, BATCH_DOCS, CHUNK_CHARS, DEFAULT_LANGUAGES, ZONE_CHARS
from .stance.targets import counterpart_states, speaker_states


@dataclass(frozen=True)
class AnalysisOptions:
    """What to analyse and how; the CLI builds one from its flags.

    ``model`` is the English spaCy pipeline; ``languages`` are the languages analysed (codes
    as in :mod:`policy_nlp.ingest.language`), and ``models`` pairs each other language
    analysed with its pipeline (``("de", "de_core_news_sm")``), which finds actors and
    places only. ``all_stances`` gives every English document a stance, relevant or not.
    """

    model: str | None = None
    sentences: bool = False
    chunk_chars: int = CHUNK_CHARS
    with_stance: bool = True
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    models: tuple[tuple[str, str], ...] = ()
    all_stances: bool = False

    @property
    def analysed_languages(self) -> tuple[str, ...]:
        """``languages`` and the languages of ``models``, in that order, each once."""
        return tuple(dict.fromkeys([*self.languages, *(lang for lang, _ in self.models)]))


def pipeline_names(options: AnalysisOptions) -> dict[str, str]:
    """The spaCy pipeline of every language analysed; raise :class:`~policy_nlp.pipeline.
    ModelNotFound` for a language that has none."""
    from .pipeline import ModelNotFound, resolve_model_name

    others = dict(options.models)
    names = {}
    for lang in options.analysed_languages:
        if lang == "en":
            names[lang] = others.get("en") or resolve_model_name(options.model)
        elif lang in others:
            names[lang] = others[lang]
        else:
            raise ModelNotFound(
                f"{language_name(lang)} ({lang}) is to be analysed but no spaCy pipeline is named for it: "
                f"install one (for example {lang}_core_news_sm) and add --model {lang}=NAME, "
                "or leave it out of --lang")
    return names


@dataclass
class DocumentResult:
    """All rows produced for one input file."""

    document: dict
    mentions: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    cooperation: list[dict] = field(default_factory=list)
    dyads: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    words: int = 0
    #: Hash of the bytes analysed (empty when the file could not be read): what a cached
    #: result is filed under, so that a file changed during the run is filed correctly.
    content_sha256: str = ""


class Analyzer:
    """Holds the spaCy pipeline and the stance model and analyses documents.

    :meth:`analyze_path` analyses one file; :meth:`analyze_paths` a sequence of files,
    running spaCy over batches of them (``nlp.pipe``), which is faster and gives the same
    rows.
    """

    #: Characters analysed in one shared memory zone (see :meth:`streaming`).
    zone_chars = ZONE_CHARS
    #: Most documents, and characters, that spaCy parses in one batch.
    batch_docs = BATCH_DOCS
    batch_chars = BATCH_CHARS

    def __init__(self, options: AnalysisOptions = AnalysisOptions()) -> None:
        from .pipeline import load_pipeline
        from .relevance.model import load_relevance_model
        from .stance.model import load_stance_model

        self.options = options
        names = pipeline_names(options)
        check_installed(names.values())  # before any is loaded: a missing one fails at once
        # Cooperation and stance are English only: other languages' pipelines find actors
        # and places.
        self.pipelines = {lang: load_pipeline(name, cooperation=lang == "en") for lang, name in names.items()}
        self.nlp = self.pipelines.get("en")
        self.stance = load_stance_model() if options.with_stance and self.nlp is not None else None
        # The relevance score gates the stance; an analysis without stance (and the
        # training of the score itself) does without it.
        self.relevance = load_relevance_model() if self.stance is not None else None
        self._zone: contextlib.ExitStack | None = None
        self._zone_chars = 0
        self._shared_zones = False

    # -- memory -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def streaming(self) -> Iterator["Analyzer"]:
        """Analyse a stream of documents with memory zones shared between them.

        Strings and lexemes created inside a spaCy memory zone are freed when it closes,
        so memory stays flat however many documents go through. Outside this block every
        call gets its own zone. Inside it a zone spans several documents (up to
        :attr:`zone_chars` characters), because words new to the model's vocabulary recur
        from one article to the next and re-creating their lexemes for every document
        costs about 5% of the parse. Do not keep ``Doc`` objects of ``self.nlp`` made inside it.
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
            for nlp in self.pipelines.values():
                zone.enter_context(nlp.memory_zone())
            self._zone, self._zone_chars = zone, 0

    def _close_zone(self) -> None:
        if self._zone is not None:
            zone, self._zone = self._zone, None
            zone.close()

    # -- entry points -----------------------------------------------------------------------
    def analyze_path(self, path: Path, root: Path) -> DocumentResult:
        """The rows of one file (``root`` is the folder its ``doc_id`` is relative to)."""
        return self.analyze_source(self.load_path(path, root))

    def analyze_paths(self, paths: Iterable[Path], root: Path) -> Iterator[DocumentResult]:
        """The rows of each file in ``paths``, in order; the same as :meth:`analyze_path`
        gives for each, but spaCy runs over batches of documents."""
        return self.analyze_read(read_source(Path(path), root) for path in paths)

    def analyze_read(self, reads: Iterable[tuple[SourceDocument, bytes | None]]) -> Iterator[DocumentResult]:
        """The rows of files already read (what :func:`~policy_nlp.ingest.read_source`
        returns for each), in order: how a worker that cannot open the files analyses the
        bytes a client sent it."""
        with self.streaming():
            batch: list[SourceDocument] = []
            chars = 0
            for read in reads:
                source = self.load_read(*read)
                batch.append(source)
                chars += len(source.masked) if source.status == "ok" else 0
                if len(batch) >= self.batch_docs or chars >= self.batch_chars:
                    yield from self.analyze_sources(batch)
                    batch, chars = [], 0
            yield from self.analyze_sources(batch)

    def analyze_source(self, source: SourceDocument) -> DocumentResult:
        """The rows of one loaded document."""
        return self.analyze_sources([source])[0]

    def load_path(self, path: Path, root: Path) -> SourceDocument:
        """Read and decode one file and tell its language; problems, and a language that is
        not analysed, become the document's status, never errors."""
        return self.load_read(*read_source(path, root))

    def load_read(self, source: SourceDocument, data: bytes | None) -> SourceDocument:
        """:meth:`load_path` for a file already read (``data`` None: it could not be)."""
        return load_read(source, data, self.options)

    def analyze_sources(self, sources: list[SourceDocument]) -> list[DocumentResult]:
        """The rows of each loaded document, parsing them together.

        If the pipeline fails on the batch, each document is parsed again on its own, so
        that only the one that fails gets an ``error`` row.
        """
        results = self._analyze_sources(sources)
        for source, result in zip(sources, results):
            result.content_sha256 = source.content_sha256
        return results

    def _analyze_sources(self, sources: list[SourceDocument]) -> list[DocumentResult]:
        ready = [s for s in sources if s.status == "ok"]
        self._open_zone()
        try:
            try:
                parsed = self._parse(ready)
            except Exception:
                if len(ready) <= 1:
                    raise
                self._close_zone()
                return [result for s in sources for result in self._analyze_sources([s])]
            results = []
            for source in sources:
                if source.status != "ok":
                    results.append(DocumentResult(rows.document_row(source)))
                    continue
                try:
                    results.append(self._finish(source, parsed[id(source)]))
                except Exception as exc:
                    results.append(_failed(source, exc))
        except Exception as exc:  # keep the run going; the row says what happened
            self._close_zone()
            return [_failed(s, exc) if s.status == "ok" else DocumentResult(rows.document_row(s)) for s in sources]
        self._zone_chars += sum(len(s.masked) for s in ready)
        if not self._shared_zones or self._zone_chars >= self.zone_chars:
            self._close_zone()
        return results

    def relevance_features(self, path: Path, root: Path) -> list[float] | None:
        """What the relevance score reads from one English file (see
        :mod:`policy_nlp.relevance.features`), for training it; ``None`` for a file that is
        not analysed."""
        from .relevance.features import features

        source = self.load_path(path, root)
        if source.status != "ok" or self._language_of(source) != "en":
            return None
        self._open_zone()
        try:
            parsed = self._parse([source])[id(source)]
            return features(source.masked, parsed.mentions, parsed.entities)
        finally:
            self._close_zone()

    # -- stages -----------------------------------------------------------------------------
    def _parse(self, sources: list[SourceDocument]) -> dict[int, "_Parsed"]:
        """Run each language's pipeline over the chunks of its ``sources``; keep plain values only."""
        parsed = {id(s): _Parsed(_title_span(s)) for s in sources}
        for lang, nlp in self.pipelines.items():
            mine = [s for s in sources if self._language_of(s) == lang]
            if mine:
                self._parse_with(nlp, mine, parsed)
        return parsed

    def _parse_with(self, nlp, sources: list[SourceDocument], parsed: dict[int, "_Parsed"]) -> None:
        chunks = [(source, start, text) for source in sources
                  for start, text, _ in _chunks(source, self.options.chunk_chars)]
        for i, doc in self._pipe(nlp, [(text, _year(source), _published(source)) for source, _, text in chunks]):
            source, start, _ = chunks[i]
            parsed[id(source)].add(doc, start)

    def _pipe(self, nlp, texts: list[tuple[str, int | None, bool]]):
        """``(index, Doc)`` for each ``(text, year, year is the publication year)``, in order, parsed in groups of at most
        batch_chars characters: the parser's memory grows with the text it holds at once,
        so a long report is still parsed one chunk at a time."""
        group: list[int] = []
        size = 0
        for i in [*range(len(texts)), None]:
            if group and (i is None or size + len(texts[i][0]) > self.batch_chars or len(group) >= self.batch_docs):
                docs = []
                for k in group:
                    doc = nlp.make_doc(texts[k][0])
                    doc._.policy_year, doc._.policy_year_published = texts[k][1], texts[k][2]
                    docs.append(doc)
                yield from zip(group, nlp.pipe(docs, batch_size=len(docs)))
                group, size = [], 0
            if i is not None:
                group.append(i)
                size += len(texts[i][0])

    # -- one long document in pieces ------------------------------------------------------
    def parse_chunks(self, chunks: list["Chunk"]) -> list["_Parsed | Exception"]:
        """What the pipeline finds in each chunk of a long document (see :func:`split_long`),
        with document offsets: :meth:`finish_chunks` joins them into the rows a whole-document
        run gives. A chunk the pipeline fails on gives its exception instead."""
        with self.streaming():
            self._open_zone()
            try:
                found: list[_Parsed | Exception] = []
                for chunk in chunks:
                    nlp = self.pipelines.get(chunk.language) or next(iter(self.pipelines.values()))
                    piece = _Parsed(chunk.title_span)
                    try:
                        for _, doc in self._pipe(nlp, [(chunk.text, chunk.year, chunk.year_published)]):
                            piece.add(doc, chunk.start)
                    except Exception as exc:
                        found.append(exc)
                        continue
                    found.append(piece)
                return found
            finally:
                self._close_zone()

    def finish_chunks(self, source: SourceDocument, pieces: list["_Parsed | Exception"]) -> DocumentResult:
        """The rows of a long document from what :meth:`parse_chunks` found in its chunks, in order."""
        failed = next((p for p in pieces if isinstance(p, Exception)), None)
        if failed is not None:
            result = _failed(source, failed)
        else:
            parsed = _Parsed(_title_span(source))
            for piece in pieces:
                parsed.extend(piece)
            try:
                result = self._finish(source, parsed)
            except Exception as exc:
                result = _failed(source, exc)
        result.content_sha256 = source.content_sha256
        return result

    def _finish(self, source: SourceDocument, parsed: "_Parsed") -> DocumentResult:
        sentences, mentions, entities, coops = parsed.sentences, parsed.mentions, parsed.entities, parsed.coops
        starts = [s for s, _ in sentences]

        def sentence_of(offset: int) -> int:
            return max(0, bisect.bisect_right(starts, offset) - 1)

        stance, note, relevance = None, "", None
        sentence_texts = [rows.one_line(source.text[s:e]) for s, e in sentences]
        if self._language_of(source) != "en":
            note = f"stance is English-only; this text is {language_name(source.language)}"
        elif self.stance is not None:
            relevance = self.relevance.score(source.masked, mentions, entities)
            threshold = self.relevance.threshold
            if relevance < threshold and not self.options.all_stances:
                # The stance model knows policy texts only: it gives a release note or a
                # hotel advertisement a confident label too.
                note = f"not about international affairs (relevance {relevance:.2f} < {threshold:.2f})"
            else:
                body = re.sub(r"[ \t]+", " ", source.masked)
                title_start, title_end = parsed.title_span or (0, 0)
                title = source.text[title_start:title_end]
                # Of two authors of different states ("Yoon Suk Yeol and Anthony Albanese"), the
                # first speaks and the second is the guest the text is about.
                authors = _author_countries_in_order(source.author)
                speakers = speaker_states(mentions, entities, title, title_start,
                                          set(authors[:1]) | _site_countries(source.site) | _masthead_countries(source.text, title_start))
                stance = self.stance.predict_document(body, sentence_texts, mentions, entities,
                                                      [sentence_of(m["start_char"]) for m in mentions],
                                                      title_end=title_end, speakers=speakers,
                                                      institutions=load_knowledge_base().government_bodies,
                                                      counterparts=counterpart_states(mentions, entities, title,
                                                                                      title_start) | set(authors[1:]))
                if not stance.target:
                    # A stance is taken toward a state: without one there is nothing to report.
                    stance, note = None, "no target state named"
        return DocumentResult(**rows.build(source, mentions, entities, coops, sentences, sentence_of, stance,
                                           self.options.sentences, stance_note=note, relevance=relevance))

    def _language_of(self, source: SourceDocument) -> str:
        """The language whose pipeline parsed ``source`` (one without letters has none: the
        first pipeline's)."""
        return source.language if source.language in self.pipelines else next(iter(self.pipelines))


class _Parsed:
    """What the pipeline found in one document, as plain values with document offsets."""

    def __init__(self, title_span: tuple[int, int] | None) -> None:
        self.title_span = title_span
        self.sentences: list[tuple[int, int]] = []
        self.mentions: list[dict] = []
        self.entities: dict[str, dict] = {}
        self.coops: list[dict] = []

    def extend(self, other: "_Parsed") -> None:
        """Take what was found in a later chunk of the same document, parsed apart."""
        self.sentences += other.sentences
        self.mentions += other.mentions
        for eid, ent in other.entities.items():
            self.entities.setdefault(eid, ent)
        self.coops += other.coops

    def add(self, doc, start: int) -> None:
        """Take the results of one chunk that starts at ``start`` in the document."""
        for sent in doc.sents:
            if sent.text.strip():
                self.sentences.append((start + sent.start_char, start + sent.end_char))
        for m in doc._.policy_mentions:
            self.mentions.append({**m, "start_char": m["start_char"] + start, "end_char": m["end_char"] + start})
        for eid, ent in doc._.policy_entities.items():
            self.entities.setdefault(eid, ent)
        title = self.title_span
        for c in doc._.policy_cooperation or ():
            c = {**c, **{k: c[k] + start for k in ("start_char", "end_char", "sent_start", "sent_end")}}
            if title and title[0] <= c["start_char"] < title[1]:
                continue  # a headline restates the article; its sentences are counted there
            self.coops.append(c)


def load_read(source: SourceDocument, data: bytes | None, options: AnalysisOptions) -> SourceDocument:
    """Decode a file already read and tell its language (``data`` None: it could not be
    read); problems, and a language that is not analysed, become the document's status."""
    if data is not None:
        languages = options.analysed_languages
        try:
            source = load_document(source, data, languages)
        except Exception as exc:  # one bad file must never stop the run
            source.status, source.error = "error", f"could not read the document: {exc}"
        if source.status == "ok" and source.language and source.language not in languages:
            source.status = "skipped"
            source.error = f"{language_name(source.language)}; analysed languages: {', '.join(languages)}"
    return source


@dataclass(frozen=True)
class Chunk:
    """One piece of a long document, to be parsed apart from the others (see :func:`split_long`)."""

    start: int
    text: str
    year: int | None
    language: str
    title_span: tuple[int, int] | None
    year_published: bool = False  # the year is the publication year, not estimated from the text


def _chunks(source: SourceDocument, limit: int) -> list[tuple[int, str, int]]:
    """``(start, text, end)`` of the chunks of ``source`` that the pipeline parses."""
    found = []
    for start, end in chunk_spans(source.masked, limit):
        # A chunk that is all blanked-out boilerplate (a scraped page's megabytes
        # of menus) has no sentence or mention: parsing it would find nothing.
        if not source.masked[start:end].isspace():
            found.append((start, source.masked[start:end], end))
    return found


def split_long(source: SourceDocument, limit: int) -> list[Chunk]:
    """The chunks of a loaded document, each parsed on its own just as a one-process run
    parses them (so that joined again they give the same rows); none when it has one."""
    if source.status != "ok" or len(source.masked) <= limit:
        return []
    chunks = _chunks(source, limit)
    if len(chunks) <= 1:
        return []
    year, title = _year(source), _title_span(source)
    return [Chunk(start, text, year, source.language, title, _published(source)) for start, text, _ in chunks]


def _author_countries_in_order(author: str) -> list[str]:
    """The states of the leaders and officials among a document's authors ("Howard, John"),
    in the order the authors are named, each once."""
    kb = load_knowledge_base()
    countries: dict[str, None] = {}
    for name in re.split(r"\s+and\s+|;|&", author or ""):
        name = name.strip()
        if "," in name:
            last, _, first = name.partition(",")
            name = f"{first.strip()} {last.strip()}"
        person = kb.person(name) if name else None
        if person is None and len(words := [w for w in name.split() if "." not in w and len(w) > 1]) >= 2:
            person = kb.person(f"{words[0]} {words[-1]}")  # "Retno L.P. Marsudi": Retno Marsudi
        if person is not None and person.entity.country_iso3:
            countries.setdefault(person.entity.country_iso3, None)
    return list(countries)


def _site_countries(site: str) -> set[str]:
    """The state whose government publishes the site, when its name is one of the
    knowledge base's government bodies or stands for a state ("Ministry of Foreign Affairs of
    Japan", "The White House"): that state speaks."""
    kb = load_knowledge_base()
    out = set()
    for part in re.split(r"\s+[|\u2013\u2014-]\s+", site or ""):
        part = re.sub(r"^the\s+", "", part.strip(), flags=re.IGNORECASE)
        body = kb.orgs_by_name.get(fold(part)) if part else None
        if body in kb.government_bodies:
            out.add(kb.government_bodies[body])
        named = re.fullmatch(r"(?P<of>.+?)\s+government|government\s+of\s+(?:the\s+)?(?P<state>.+)", part, re.IGNORECASE)
        if named:
            # "Australian Government", "Government of India" (a page's masthead)
            iso3 = kb.demonym_country.get(fold(named.group("of"))) if named.group("of") else next(
                (kb.entities[eid].country_iso3 for eid, role in kb.surfaces.get(named.group("state"), ()) if role == "country"), None)
            out.update([iso3] if iso3 else [])
        out.update(kb.entities[eid].country_iso3 for eid, role in kb.surfaces.get(part, ()) if role == "metonym")
        state = _STATE_STYLE.fullmatch(part)
        if state:
            # "REPUBLIC OF SOUTH AFRICA", "Kingdom of Morocco": the state's formal style
            land = state.group("land")
            out.update(kb.entities[eid].country_iso3 for name in {land, land.title(), part, part.title()}
                       for eid, role in kb.surfaces.get(name, ()) if role == "country")
    return out


#: A state's formal style, as a government page's masthead gives it.
_STATE_STYLE = re.compile(r"(?:the\s+)?(?:republic|kingdom|commonwealth|federation|principality|sultanate|state)\s+of\s+"
                          r"(?:the\s+)?(?P<land>.+)", re.IGNORECASE)


def _masthead_countries(text: str, title_start: int) -> set[str]:
    """The state whose government publishes the page, named in a short line of its masthead
    above the title ("Federal Foreign Office", "Australian Government", "Ministry of External
    Affairs")."""
    # (a line of pieces, "Department: International Relations and Cooperation | REPUBLIC OF
    # SOUTH AFRICA", is read piece by piece)
    lines = [[piece.strip() for piece in line.split(" | ") if 1 <= len(piece.split()) <= 6]
             for line in text[:title_start].splitlines()]
    return set().union(*(_site_countries(piece) for pieces in [p for p in lines if p][:15] for piece in pieces))


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _year(source: SourceDocument) -> int | None:
    """The document's year, used to tell apart leaders of the same name: the publication
    year, or else the median of the years the text names (at least two), so that
    "President Wilson" in an essay about 1919 is Woodrow Wilson."""
    if source.published[:4].isdigit():
        return int(source.published[:4])
    years = sorted(int(y) for y in _YEAR.findall(source.masked))
    return years[len(years) // 2] if len(years) >= 2 else None


def _published(source: SourceDocument) -> bool:
    """True when :func:`_year` is the publication year, not an estimate from the text."""
    return source.published[:4].isdigit()


def _failed(source: SourceDocument, exc: Exception) -> DocumentResult:
    source.status, source.error = "error", f"analysis failed: {type(exc).__name__}: {exc}"
    return DocumentResult(rows.document_row(source))


def _title_span(source: SourceDocument) -> tuple[int, int] | None:
    if not source.title:
        return None
    i = source.text.find(source.title)
    if i < 0:
        # a title read from two lines ("REMARKS BY" / "H.E. RETNO L.P. MARSUDI")
        m = re.search(r"\s+".join(map(re.escape, source.title.split())), source.text[:2000 + len(source.title)])
        if m is None:
            return None
        return m.start(), m.end()
    if i > 2000:
        return None
    return i, i + len(source.title)


# -- running over many files ------------------------------------------------------------------
#: Tasks handed to the workers ahead of the one whose rows are awaited, per worker.
WINDOW = 4

_worker: Analyzer | None = None


def _init_worker(options: AnalysisOptions, parent: int) -> None:
    global _worker
    interrupts.in_worker()
    threading.Thread(target=_exit_with_parent, args=(parent,), name="policy-nlp-parent-watch", daemon=True).start()
    _worker = Analyzer(options)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the main process is gone (killed with SIGKILL, say, which it
    cannot act on): a worker waits for work on a pipe that its own copy keeps open, so it
    would otherwise sleep for ever, holding a model in memory."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _work(task: tuple[list[str], str]) -> list[DocumentResult]:
    paths, root = task
    assert _worker is not None
    return list(_worker.analyze_paths([Path(p) for p in paths], Path(root)))


def _work_chunks(chunks: list[Chunk]) -> list["_Parsed | Exception"]:
    assert _worker is not None
    return _worker.parse_chunks(chunks)


def _work_finish(source: SourceDocument, pieces: list["_Parsed | Exception"]) -> DocumentResult:
    assert _worker is not None
    return _worker.finish_chunks(source, pieces)


def plan(paths: list[str], root: str, options: AnalysisOptions, jobs: int) -> Iterator[tuple]:
    """The work of a run over ``jobs`` workers, in input order: ``("files", paths)`` runs of
    files (see :func:`_tasks`), and for each file longer than the chunk size
    ``("long", document, chunks)``, whose chunks can be parsed by different workers
    at once (see :func:`split_long`). Long files are read and decoded here, once, as the
    units are taken, so that no more than a few are in memory."""
    run: list[str] = []
    for path in paths:
        chunks: list[Chunk] = []
        if _longer(path, options.chunk_chars):
            source = load_read(*read_source(Path(path), Path(root)), options)
            chunks = split_long(source, options.chunk_chars)
        if chunks:
            yield from (("files", task) for task, _ in _tasks(run, root, jobs))
            yield ("long", source, chunks)
            run = []
        else:
            run.append(path)
    yield from (("files", task) for task, _ in _tasks(run, root, jobs))


def _longer(path: str, chars: int) -> bool:
    """Whether the file may hold more than ``chars`` characters (it has more bytes)."""
    try:
        return os.path.getsize(path) > chars
    except OSError:
        return False


def _submit(pool: ProcessPoolExecutor, unit: tuple, root: str) -> list:
    """Hand one unit of :func:`plan` to the pool: a run of files, or a long file's chunks."""
    if unit[0] == "files":
        return [pool.submit(_work, (unit[1], root))]
    return [pool.submit(_work_chunks, [chunk]) for chunk in unit[2]]


def _collect(pool: ProcessPoolExecutor, unit: tuple, submitted: list) -> list[DocumentResult]:
    """The results of a unit handed to the pool, once done; a long file's chunks are joined
    into its rows by one more task."""
    if unit[0] == "files":
        return submitted[0].result()
    pieces = [piece for future in submitted for piece in future.result()]
    return [pool.submit(_work_finish, unit[1], pieces).result()]


def _tasks(paths: list[str], root: str, jobs: int) -> list[tuple[list[str], str]]:
    """Consecutive runs of files for the workers, shrinking towards the end ("guided"
    scheduling): early runs are long enough for spaCy to batch, the last ones short, so
    that no worker is left alone with a long run while the others wait. Runs are measured
    in bytes, because articles differ in length far more than in number."""
    sizes = []
    for p in paths:
        try:
            sizes.append(max(1, os.path.getsize(p)))
        except OSError:
            sizes.append(1)
    tasks: list[tuple[list[str], str]] = []
    remaining = sum(sizes)
    i = 0
    while i < len(paths):
        target = remaining / (jobs * 3)
        j, taken = i, 0
        while j < len(paths) and j - i < BATCH_DOCS and (j == i or taken + sizes[j] <= target):
            taken += sizes[j]
            j += 1
        tasks.append((paths[i:j], root))
        remaining -= taken
        i = j
    return tasks


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
    paths = [str(p) for p in files]
    # A long file is split among the workers even when it is the only one.
    long = any(_longer(p, options.chunk_chars) for p in paths)
    if jobs <= 1 or (len(paths) <= 1 and not long):
        analyzer = analyzer or Analyzer(options)
        yield from analyzer.analyze_paths([Path(p) for p in paths], Path(root))
        return
    # Fail here, in one process, rather than in every worker's initializer.
    check_models(options)
    context = multiprocessing.get_context(os.environ.get("POLICY_NLP_START_METHOD") or None)
    pool = ProcessPoolExecutor(max_workers=jobs if long else min(jobs, len(paths)), mp_context=context,
                               initializer=_init_worker, initargs=(options, os.getpid()))
    finished = False
    try:
        # Futures rather than pool.map, which cancels the futures it has not returned
        # when stopped early: in Python 3.11 the executor then fails to mark them broken
        # once the workers are gone, and prints a traceback from its own thread. A window
        # of tasks is handed out ahead of the one awaited, so that the workers never wait
        # and long files are read only shortly before their chunks are parsed.
        pending: collections.deque = collections.deque()
        units = plan(paths, str(root), options, jobs)
        while True:
            while sum(len(submitted) for _, submitted in pending) < WINDOW * jobs:
                unit = next(units, None)
                if unit is None:
                    break
                pending.append((unit, _submit(pool, unit, str(root))))
            if not pending:
                break
            yield from _collect(pool, *pending.popleft())
        finished = True
    except BrokenProcessPool as exc:
        raise WorkerDied("a worker process stopped unexpectedly (out of memory?); "
                         "run again with --jobs 1 to find the file") from exc
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop_workers(pool)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop the workers of a run that ends early (interrupted, failed, or abandoned by its
    caller) at once, instead of letting them finish the files already handed out."""
    # The executor has no public way to stop running work; its process table is the
    # same from Python 3.8 to 3.13.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join(5)
    # With its workers gone the executor's manager thread marks the remaining work
    # failed and ends at once; waiting for it here keeps it from racing the
    # interpreter's exit, which in Python 3.11 can print a traceback ("Bad file
    # descriptor") from the executor's atexit hook.
    pool.shutdown(wait=True)


class WorkerDied(RuntimeError):
    """A worker process ended without returning its result."""


def check_models(options: AnalysisOptions) -> None:
    """Raise the same plain errors as loading would, without loading anything: a missing
    pipeline, an unusable row in the knowledge-base files, a missing or unusable stance model."""
    from .stance.model import verify_stance_model

    check_installed(pipeline_names(options).values())
    check_data_files()
    if options.with_stance and "en" in options.analysed_languages:
        verify_stance_model()


def check_installed(names: Iterable[str]) -> None:
    """Raise :class:`~policy_nlp.pipeline.ModelNotFound` for the first of the spaCy pipelines
    ``names`` (packages or folders) that is not installed."""
    import importlib.util

    from .pipeline import ModelNotFound

    for name in names:
        if not Path(name).exists() and importlib.util.find_spec(name) is None:
            raise ModelNotFound(f"spaCy pipeline {name!r} is not installed (pip install it, or choose another with --model)")
