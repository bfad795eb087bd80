"""Signals in the middle of a run: Ctrl-C, kill, a closed terminal, SIGKILL, a dead worker."""

from __future__ import annotations

import json
import os
import shutil
import signal

import psutil
import pytest

from .conftest import (alive, assert_complete, assert_plain, cache_entries, cli, copy_run, final_files, partials, start,
                       tables, wait_for)


def stop_mid_run(process, out, files: int) -> list:
    """Freeze the run (its whole process group) once it has finished some files but not
    all, and return its worker processes; a frozen run cannot finish meanwhile."""
    wait_for(lambda: cache_entries(out) or process.poll() is not None, "the first analysed file")
    os.killpg(process.pid, signal.SIGSTOP)
    assert process.poll() is None, f"the run ended before it could be stopped: {process.stderr.read()}"
    assert len(cache_entries(out)) < files, "the run finished every file before it could be stopped"
    return psutil.Process(process.pid).children(recursive=True)


def previous_run(clean_run, folder):
    """A copy of a finished run without its cache: the run into it analyses every file."""
    out = copy_run(clean_run, folder)
    shutil.rmtree(out / ".policy-nlp-cache")
    return out, final_files(out)


@pytest.mark.parametrize("signum, to_group, status", [
    (signal.SIGINT, True, 130),    # Ctrl-C: the terminal signals the whole process group
    (signal.SIGTERM, False, 143),  # kill, systemd, Docker, batch schedulers: the main process only
    (signal.SIGHUP, False, 129),   # the terminal was closed
])
def test_interrupted_run_stops_its_workers_and_replaces_nothing(corpus, clean_run, tmp_path, signum, to_group, status):
    """A user who stops a run with two workers sees one line, "interrupted (SIGTERM); no
    output file was replaced ...", and the exit status 128 + the signal. Kept: the previous
    run's files, byte for byte; the results analysed so far, in the cache. Gone: both
    workers and every temporary file."""
    out, before = previous_run(clean_run, tmp_path / "out")
    run = start("analyze", corpus, "-o", out, "-j", "2")
    workers = stop_mid_run(run, out, 30)
    assert len(workers) == 2
    if to_group:
        os.killpg(run.pid, signum)
    else:
        os.kill(run.pid, signum)
    os.killpg(run.pid, signal.SIGCONT)
    stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == status, stderr
    assert_plain(stderr, lines=1)
    assert "no output file was replaced" in stderr and signal.Signals(signum).name in stderr
    wait_for(lambda: not alive(workers), "the workers to end", timeout=30)
    assert final_files(out) == before
    assert not partials(out) and cache_entries(out)


def test_sigkill_mid_run_then_a_rerun_completes_from_the_cache(corpus, clean_run, tmp_path):
    """SIGKILL cannot be handled: the run stops dead. The user sees no output file (there
    was none before); kept are hidden temporary files and the cache of the files finished.
    The workers end by themselves within a second or two. Running the same command again
    removes the temporary files, re-uses every cached result and writes outputs identical
    to an uninterrupted run's."""
    out = tmp_path / "out"
    run = start("analyze", corpus, "-o", out, "-j", "2")
    workers = stop_mid_run(run, out, 30)
    os.kill(run.pid, signal.SIGKILL)
    os.killpg(run.pid, signal.SIGCONT)
    run.communicate(timeout=60)
    assert run.returncode == -signal.SIGKILL
    wait_for(lambda: not alive(workers), "the orphaned workers to end", timeout=30)
    assert final_files(out) == {} and partials(out)
    cached = len(cache_entries(out))

    again = cli("analyze", corpus, "-o", out, "-j", "2")
    assert again.returncode == 0, again.stderr
    assert_plain(again.stderr, lines=1)
    assert f"({cached} from cache)" in again.stderr
    assert_complete(out, 30)
    assert tables(out) == tables(clean_run)
    assert json.loads((out / "run.json").read_text())["counts"]["from_cache"] == cached


def test_a_worker_that_dies_ends_the_run_plainly(corpus, clean_run, tmp_path):
    """A worker killed under the run (the out-of-memory killer, an operator's kill -9):
    the user sees one line, "a worker process stopped unexpectedly (out of memory?) ...",
    and exit status 4. Kept: the previous run's files; the other worker is stopped."""
    out, before = previous_run(clean_run, tmp_path / "out")
    run = start("analyze", corpus, "-o", out, "-j", "2")
    workers = stop_mid_run(run, out, 30)
    os.kill(workers[0].pid, signal.SIGKILL)
    os.killpg(run.pid, signal.SIGCONT)
    stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 4, stderr
    assert_plain(stderr, lines=1)
    assert "worker process stopped unexpectedly" in stderr and "no output file was replaced" in stderr
    wait_for(lambda: not alive(workers), "the other worker to end", timeout=30)
    assert final_files(out) == before and not partials(out)
