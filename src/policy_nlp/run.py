"""A whole analysis run: discover files, analyse them, stream rows to the output folder."""

from __future__ import annotations

import platform
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .analysis import AnalysisOptions, DocumentResult, analyze, default_jobs
from .ingest import discover
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


def find_files(folder: Path, patterns: Iterable[str] = DEFAULT_PATTERNS) -> list[Path]:
    files = list(discover(folder, patterns))
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
                 files: list[Path] | None = None) -> dict:
    """Analyse ``folder`` into ``out`` and return the manifest (also written as ``run.json``).

    Rows are written as each document finishes; the CSV files appear under their final
    names only when the run completes.
    """
    folder, out = Path(folder), Path(out)
    check_paths(folder, out)
    files = files if files is not None else find_files(folder, patterns)
    out.mkdir(parents=True, exist_ok=True)
    jobs = jobs or default_jobs()
    started = time.time()
    status: Counter = Counter()
    words = 0
    writer = RunWriter(out, sentences=options.sentences)
    try:
        for result in analyze(files, folder, options, jobs=jobs):
            writer.add(result)
            status[result.document["status"]] += 1
            words += int(result.words or 0)
            if on_result is not None:
                on_result(result)
        counts = writer.commit()
    except BaseException:
        writer.abort()
        raise
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
        "options": {**asdict(options), "patterns": list(patterns), "jobs": jobs, "xlsx": xlsx},
        "versions": versions(options.model),
        "counts": {"files": len(files), **{k: status.get(k, 0) for k in ("ok", "error", "skipped")}, "words": words,
                   "rows": counts},
        "timings": {"seconds": round(seconds, 3), "words_per_second": round(words / seconds, 1) if seconds else None},
    }
    write_json_atomic(out / "run.json", manifest)
    return manifest


def versions(model: str | None = None) -> dict:
    """Versions of everything that shapes the output (tool, spaCy, model, data, stance model)."""
    import sklearn
    import spacy

    from .knowledge import load_knowledge_base
    from .pipeline import resolve_model_name

    name = resolve_model_name(model)
    try:
        meta = spacy.info(name)
        model_version = meta.get("version", "")
    except Exception:  # an unknown model is reported by the analysis itself
        model_version = ""
    stance = {}
    try:
        from .stance.model import load_stance_model

        m = load_stance_model()
        stance = {"design": m.card.get("design"), "sha256": m.card.get("model_sha256"),
                  "test_macro_f1": m.card.get("test", {}).get("macro_f1")}
    except Exception as exc:  # reported, not fatal, for `info`
        stance = {"error": str(exc)}
    return {
        "policy_nlp": __version__, "python": platform.python_version(), "spacy": spacy.__version__,
        "spacy_model": name, "spacy_model_version": model_version, "scikit_learn": sklearn.__version__,
        "knowledge_base": load_knowledge_base().version, "stance_model": stance,
    }
