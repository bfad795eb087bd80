"""Fault injection in real processes: ``python -m policy_nlp analyze`` with the real pipeline.

Each test starts the command line as a user would, does to it or to its folders what a
user's machine can do (signals, a second run, a full disk, odd files), and checks what the
user sees (exit status, one plain line, no traceback) and what is kept (every final file
complete, or untouched).
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INJECT = Path(__file__).with_name("inject.py")
TABLES = ("documents", "mentions", "entities", "cooperation", "dyads", "targets")

# A generous bound for one command, so that a hang fails the test instead of the suite.
TIMEOUT = 300

STATES = [("Chile", "Santiago"), ("Peru", "Lima"), ("Kenya", "Nairobi"), ("Japan", "Tokyo"), ("Vietnam", "Hanoi"),
          ("Norway", "Oslo"), ("Brazil", "Brasilia"), ("Ghana", "Accra"), ("India", "New Delhi"), ("Canada", "Ottawa")]
SENTENCES = [
    "{a} and {b} signed an agreement on scientific cooperation in {cap} on Monday.",
    "Officials from {a} met their counterparts from {b} to discuss trade.",
    "{a} may expand educational exchanges with {b} next year if funding allows.",
    "Critics in {b} said the talks would not end the dispute over fishing rights.",
    "The health ministers of {a} and {b} agreed to work together against malaria.",
    "{a} imposed sanctions on firms from {b} and warned of further measures.",
    "Analysts in {cap} expect the partnership to deepen as both economies grow.",
]


def article(i: int, sentences: int = 12) -> str:
    """A short deterministic article about two states (about 15 words a sentence)."""
    a, cap = STATES[i % len(STATES)]
    b, _ = STATES[(i * 3 + 1) % len(STATES)]
    if a == b:
        b, _ = STATES[(i + 1) % len(STATES)]
    body = " ".join(SENTENCES[(i + k) % len(SENTENCES)].format(a=a, b=b, cap=cap) for k in range(sentences))
    return f"{a} and {b}: note {i}\n\nBy Staff Writer\n\n{body}\n"


def write_corpus(folder: Path, count: int, sentences: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"article_{i:03d}.txt").write_text(article(i, sentences), encoding="utf-8")
    return folder


def cli(*args: str | os.PathLike, inject: str | None = None, env: dict | None = None,
        **popen) -> subprocess.CompletedProcess:
    """Run ``policy-nlp`` to completion (through inject.py when a fault is named)."""
    return subprocess.run(command(*args, inject=inject), capture_output=True, text=True, errors="backslashreplace",
                          timeout=TIMEOUT, env=_env(env), **popen)


def start(*args: str | os.PathLike, inject: str | None = None, env: dict | None = None, **popen) -> subprocess.Popen:
    """Start ``policy-nlp`` in its own process group (as a shell starts a job)."""
    popen = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen}
    return subprocess.Popen(command(*args, inject=inject), text=True, errors="backslashreplace",
                            start_new_session=True, env=_env(env), **popen)


def command(*args: str | os.PathLike, inject: str | None = None) -> list:
    head = [sys.executable, str(INJECT), inject] if inject else [sys.executable, "-m", "policy_nlp"]
    return [*head, *(os.fspath(a) for a in args)]


def _env(extra: dict | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_NLP_")}
    env.update(extra or {})
    return env


def assert_plain(stderr: str, lines: int | None = None) -> None:
    """What a user sees: no traceback, and (if given) exactly that many lines."""
    assert "Traceback" not in stderr, stderr
    if lines is not None:
        assert len(stderr.strip().splitlines()) == lines, stderr


def read_rows(out: Path, table: str) -> list[dict]:
    with open(out / f"{table}.csv", newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def final_files(out: Path) -> dict[str, bytes]:
    """The files a user opens (everything not hidden), with their contents."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def tables(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


def partials(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".partial")) if out.is_dir() else []


def assert_complete(out: Path, n_files: int) -> list[dict]:
    """Every table is there, whole (one record per line) and with one row per input file."""
    for table in TABLES:
        raw = (out / f"{table}.csv").read_text(encoding="utf-8-sig")
        assert raw.endswith("\n") and raw.count("\n") == len(read_rows(out, table)) + 1, table
    docs = read_rows(out, "documents")
    assert len(docs) == n_files and len({d["doc_id"] for d in docs}) == n_files
    assert (out / "run.json").is_file() and not partials(out)
    return docs


def wait_for(condition, what: str, timeout: float = TIMEOUT, every: float = 0.02):
    """Poll until ``condition()`` is true (it returns its value); fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    pytest.fail(f"timed out waiting for {what}")


def cache_entries(out: Path) -> list[Path]:
    folder = out / ".policy-nlp-cache"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def alive(processes) -> list:
    """The processes of ``processes`` (psutil) still running (zombies count as gone)."""
    import psutil

    running = []
    for p in processes:
        try:
            if p.status() != psutil.STATUS_ZOMBIE:
                running.append(p)
        except psutil.NoSuchProcess:
            continue
    return running


def copy_run(src: Path, dst: Path) -> Path:
    """A copy of a finished output folder, to run into: the "previous run" a user has."""
    shutil.copytree(src, dst, symlinks=True)
    return dst


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """30 short articles: enough that a run with two workers is still going when stopped."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "in", 30)


@pytest.fixture(scope="session")
def clean_run(corpus, tmp_path_factory) -> Path:
    """The outputs of one uninterrupted run over ``corpus``: what every other run must equal."""
    out = tmp_path_factory.mktemp("clean") / "out"
    result = cli("analyze", corpus, "-o", out, "-j", "2", "-q")
    assert result.returncode == 0, result.stderr
    assert_complete(out, 30)
    return out
