"""A whole analysis run: discover files, analyse them, stream rows to the output folder."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import platform
import time
from importlib import metadata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .analysis import AnalysisOptions, DocumentResult, analyze, default_jobs
from .cache import ResultCache
from .ingest import discover, list_files, not_selected
from .ingest.discovery import matches
from .rows import document_row
from .settings import DEFAULT_PATTERNS
from .writers import RunWriter, write_json_atomic, write_xlsx


class InputError(ValueError):
    """The input folder or output folder cannot be used; the message says why."""


def check_paths(folder: Path, out: Path) -> None:
    if not folder.exists():
        raise InputError(f"input folder {str(folder)!r} does not exist")
    if not folder.is_dir():
        raise InputError(f"{str(folder)!r} is a file; give the folder that contains the articles")
    if out.exists() and not out.is_dir():
        raise InputError(f"output path {str(out)!r} is a file; choose a folder with -o")


def find_files(folder: Path, patterns: Iterable[str] = DEFAULT_PATTERNS,
               listing: list[Path] | None = None) -> list[Path]:
    """The files under ``folder`` (or in ``listing``) that match ``patterns``; at least one."""
    patterns = list(patterns)
    files = [p for p in listing if matches(p, patterns)] if listing is not None else list(discover(folder, patterns))
    if not files:
        raise InputError(f"no files matching {', '.join(patterns)} under {str(folder)!r}")
    return files


def analyze_folder(folder: Path, options: AnalysisOptions = AnalysisOptions(),
                   patterns: Iterable[str] = DEFAULT_PATTERNS, jobs: int = 1) -> Iterator[DocumentResult]:
    """Analyse every matching file under ``folder`` and yield results in order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{str(folder)!r} is not a folder")
    yield from analyze(find_files(folder, patterns), folder, options, jobs=jobs)


def run_analysis(folder: Path, out: Path, options: AnalysisOptions = AnalysisOptions(),
                 patterns: Iterable[str] = DEFAULT_PATTERNS, jobs: int | None = None, xlsx: bool = False,
                 on_result: Callable[[DocumentResult], None] | None = None,
                 files: list[Path] | None = None, force: bool = False,
                 on_start: Callable[[int], None] | None = None) -> dict:
    """Analyse ``folder`` into ``out`` and return the manifest (also written as ``run.json``).

    ``files`` restricts the analysis to those files (default: the ones matching
    ``patterns``); ``on_start`` is told the number of rows to come, ``on_result`` gets each.
    Rows are written as each document finishes; the CSV files appear under their final
    names only when the run completes. Files whose content, path and pipeline are unchanged
    since the last run into ``out`` are taken from its cache unless ``force`` is set.
    """
    folder, out = Path(folder), Path(out)
    check_paths(folder, out)
    listing = list_files(folder)
    files = files if files is not None else find_files(folder, patterns, listing)
    selected = set(files)
    # Every file in the folder gets a row: those the patterns leave out are "skipped".
    listing = sorted(selected | set(listing), key=lambda p: p.relative_to(folder).as_posix())
    if on_start is not None:
        on_start(len(listing))
    out.mkdir(parents=True, exist_ok=True)
    jobs = jobs or default_jobs()
    started = time.time()
    status: Counter = Counter()
    words = cached = 0
    run_versions = versions(options.model)
    cache = ResultCache(out, fingerprint(run_versions, options))
    keys: dict[Path, str | None] = {}
    for path in files:
        try:
            keys[path] = cache.key(path.relative_to(folder).as_posix(), path.read_bytes())
        except OSError:
            keys[path] = None  # analysed (and reported) below
    hits = {path: None if force or key is None else cache.get(key) for path, key in keys.items()}
    misses = [path for path in files if hits[path] is None]
    fresh = analyze(misses, folder, options, jobs=jobs) if misses else iter(())
    writer = RunWriter(out, sentences=options.sentences)
    try:
        for path in listing:
            if path not in selected:
                result = DocumentResult(document_row(not_selected(path, folder, patterns)))
            elif hits[path] is None:
                result = next(fresh)
                if keys[path] is not None:
                    cache.put(keys[path], result)
            else:
                result = hits[path]
                cached += 1
            writer.add(result)
            status[result.document["status"]] += 1
            words += int(result.words or 0)
            if on_result is not None:
                on_result(result)
        counts = writer.commit()
    except BaseException:
        writer.abort()
        raise
    cache.prune()
    tables = list(counts)
    if xlsx:
        write_xlsx(out, tables)
    seconds = time.time() - started
    manifest = {
        "tool": "policy-nlp",
        "version": __version__,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "input": str(folder.resolve()),
        "output": str(out.resolve()),
        "options": {**asdict(options), "patterns": list(patterns), "jobs": jobs, "xlsx": xlsx, "force": force},
        "versions": run_versions,
        "counts": {"files": len(listing), **{k: status.get(k, 0) for k in ("ok", "error", "skipped")}, "words": words,
                   "from_cache": cached, "rows": counts},
        "timings": {"seconds": round(seconds, 3), "words_per_second": round(words / seconds, 1) if seconds else None},
    }
    write_json_atomic(out / "run.json", manifest)
    return manifest


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


def versions(model: str | None = None) -> dict:
    """Versions of everything that shapes the output, read without loading any model."""
    from .knowledge import data_version
    from .pipeline import resolve_model_name
    from .stance.model import read_card

    name = resolve_model_name(model)
    card = read_card()
    return {
        "policy_nlp": __version__, "python": platform.python_version(), "spacy": _dist_version("spacy"),
        "spacy_model": name, "spacy_model_version": _model_version(name),
        "scikit_learn": _dist_version("scikit-learn"), "knowledge_base": data_version(),
        "stance_model": {"design": card.get("design"), "sha256": card.get("model_sha256"),
                         "test_macro_f1": card.get("test", {}).get("macro_f1")} if card else {},
    }


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
