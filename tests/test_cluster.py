"""``analyze --scheduler`` on real Dask clusters on the loopback interface: a ``LocalCluster``
of two single-threaded worker processes shared by this module, and once a scheduler and
workers started with the ``dask scheduler`` and ``dask worker`` commands, as a user starts
them. Every run is ``python -m policy_nlp`` in its own process, with the real pipeline."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policy_nlp import __version__

from .faults.conftest import (
    assert_complete,
    assert_plain,
    cli,
    partials,
    start,
    tables,
    wait_for,
    write_corpus,
)

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("cluster") / "corpus", 16, sentences=30)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The corpus analysed with ``--jobs 1``: what every cluster run must write, byte for byte."""
    out = tmp_path_factory.mktemp("reference") / "out"
    done = cli("analyze", corpus, "-o", out, "-j", "1", "-q")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two worker processes (one thread each) on 127.0.0.1, and a client of it."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as local, distributed.Client(local) as client:
        yield local, client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_local_cluster_writes_the_same_files_as_one_job(corpus, reference, tmp_path):
    """``--scheduler local -j 2`` starts its own cluster; the CSV files are those of
    ``--jobs 1`` byte for byte, run.json says where the run ran, and the summary line too."""
    out = tmp_path / "out"
    done = cli("analyze", corpus, "-o", out, "--scheduler", "local", "-j", "2")
    assert done.returncode == 0, done.stderr
    assert_plain(done.stderr, lines=1)
    assert "on a local Dask cluster with 2 workers" in done.stderr
    assert tables(out) == tables(reference)
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["cluster"] == {"scheduler": "local", "workers": 2, "input": "read by the workers"}


def test_a_cluster_run_and_its_rerun_from_the_cache(corpus, reference, cluster, tmp_path):
    """A run on a running cluster gives the same files; a second run into the same folder
    takes every file from the cache, and one changed file goes to the cluster again."""
    local, _ = cluster
    out = tmp_path / "out"
    done = cli("analyze", corpus, "-o", out, "--scheduler", local.scheduler_address)
    assert done.returncode == 0, done.stderr
    assert f"on Dask scheduler {local.scheduler_address} with 2 workers" in done.stderr
    assert tables(out) == tables(reference)
    again = cli("analyze", corpus, "-o", out, "--scheduler", local.scheduler_address)
    assert again.returncode == 0 and "(16 from cache)" in again.stderr, again.stderr
    assert tables(out) == tables(reference)


def _worker_state():
    """A function for ``client.run`` that tells, on a worker, which analyser it holds (its
    id, or None) and whether Dask's statistical profiler runs. Made inside a function so
    that it is sent by value: the workers cannot import this test module."""

    def state(dask_worker) -> tuple:
        from policy_nlp.cluster import _state

        analyzer = _state.analyzer
        return (id(analyzer) if analyzer is not None else None), dask_worker.periodic_callbacks["profile"].is_running()

    return state


def test_workers_keep_their_pipeline_and_pause_their_profiler_only_during_a_run(corpus, reference, cluster,
                                                                                tmp_path):
    """The profiler, which samples the running task every 10 ms, is paused while a run
    analyses and resumed after; the pipeline a run loaded stays for the next one, which
    uses it without loading it again and still writes the same files."""
    from policy_nlp.analysis import AnalysisOptions
    from policy_nlp.run import run_analysis

    local, client = cluster
    during = []
    run_analysis(corpus, tmp_path / "first", AnalysisOptions(), scheduler=local.scheduler_address,
                 on_result=lambda result: during.append(client.run(_worker_state())) if not during else None)
    assert during and all(not profiling for _, profiling in during[0].values())
    after = client.run(_worker_state())
    assert len(after) == 2
    assert all(analyzer is not None and profiling for analyzer, profiling in after.values())
    run_analysis(corpus, tmp_path / "second", AnalysisOptions(), scheduler=local.scheduler_address, force=True)
    assert client.run(_worker_state()) == after
    assert tables(tmp_path / "second") == tables(tmp_path / "first") == tables(reference)


def test_a_long_file_is_parsed_in_chunks_by_both_workers(cluster, tmp_path):
    """The chunks of a long file go to the workers as tasks of their own; joined again they
    give the rows of a one-process run."""
    from policy_nlp.analysis import AnalysisOptions
    from policy_nlp.run import run_analysis

    from .test_long_files import CHUNK, long_corpus

    local, _ = cluster
    folder = long_corpus(tmp_path / "in")
    options = AnalysisOptions(chunk_chars=CHUNK)
    run_analysis(folder, tmp_path / "one", options, jobs=1)
    manifest = run_analysis(folder, tmp_path / "cluster", options, scheduler=local.scheduler_address)
    assert manifest["cluster"]["workers"] == 2
    assert tables(tmp_path / "cluster") == tables(tmp_path / "one")


def test_a_worker_killed_mid_run_loses_no_document(corpus, reference, cluster, tmp_path):
    """SIGKILL to a worker process while it analyses: its files run again (on the other
    worker, or on the one its nanny starts in its place) and the outputs are complete and
    the same as ever."""
    local, client = cluster
    pids = client.run(os.getpid)
    out = tmp_path / "out"
    run = start("analyze", corpus, "-o", out, "--scheduler", local.scheduler_address, "-q")
    victim = wait_for(lambda: next((w for w, tasks in client.processing().items()
                                    if any(str(t).startswith("policy-nlp-") for t in tasks)), None),
                      "a worker to take files", every=0.05)
    # a moment into the task (workers that have already loaded the pipeline analyse the 16
    # files in about a second, so a longer wait can find the run finished)
    time.sleep(0.25)
    assert run.poll() is None, "the run finished before a worker could be killed"
    os.kill(pids[victim], signal.SIGKILL)
    _, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr
    assert_plain(stderr, lines=0)
    assert_complete(out, 16)
    assert tables(out) == tables(reference)
    client.wait_for_workers(2, timeout=60)  # the nanny's new worker, for the next test


def test_ctrl_c_cancels_the_cluster_tasks_and_replaces_nothing(corpus, cluster, tmp_path):
    """SIGINT to the client mid-run: exit 130, one line, no output file, and the tasks it
    sent are gone from the scheduler."""
    local, client = cluster
    out = tmp_path / "out"
    run = start("analyze", corpus, "-o", out, "--scheduler", local.scheduler_address, "-q")
    wait_for(lambda: any(str(t).startswith("policy-nlp-") for tasks in client.processing().values() for t in tasks),
             "a worker to take files", every=0.05)
    os.kill(run.pid, signal.SIGINT)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert_plain(stderr, lines=1)
    assert "no output file was replaced" in stderr
    assert not (out / "documents.csv").exists() and not partials(out)
    wait_for(lambda: not client.run_on_scheduler(_policy_tasks), "the scheduler to drop the run's tasks", timeout=30)


def _policy_tasks(dask_scheduler) -> list:
    return [key for key in dask_scheduler.tasks if str(key).startswith("policy-nlp-")]


def test_an_unreachable_scheduler_is_a_usage_error(corpus, tmp_path):
    """Nothing listens at the address: exit 2 in seconds, one plain line, no output."""
    out = tmp_path / "out"
    started = time.monotonic()
    done = cli("analyze", corpus, "-o", out, "--scheduler", f"tcp://127.0.0.1:{free_port()}")
    assert done.returncode == 2, done.stderr
    assert time.monotonic() - started < 30
    assert_plain(done.stderr, lines=1)
    assert "cannot reach the Dask scheduler" in done.stderr
    assert not (out / "documents.csv").exists()


def hiding(folder: Path) -> list[str]:
    """A command prefix that runs a command in a mount namespace of its own where ``folder``
    is an empty tmpfs: a worker on a machine that does not share the folder. Empty when
    this machine cannot (no ``unshare``, or not allowed)."""
    unshare = shutil.which("unshare")
    if unshare is None or not folder.is_dir():
        return []
    prefix = [unshare, "-m"] if os.geteuid() == 0 else [unshare, "-r", "-m"]
    prefix += ["sh", "-c", 'mount -t tmpfs none "$0" && exec "$@"', str(folder)]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else []


@pytest.fixture()
def dask_commands(corpus, tmp_path):
    """``dask scheduler`` and two ``dask worker`` processes (one started with ``--preload
    policy_nlp.cluster``) on free loopback ports, stopped after; the workers cannot see the
    corpus's folder where this machine can hide it."""
    address = f"tcp://127.0.0.1:{free_port()}"
    hide = hiding(corpus.parent)
    processes = []

    def launch(*args: str, env: dict | None = None, prefix: tuple = ()) -> subprocess.Popen:
        process = subprocess.Popen([*prefix, sys.executable, "-m", "dask", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=env or os.environ.copy(), cwd=tmp_path)
        processes.append(process)
        return process

    launch("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard")
    # One worker loads the pipeline as it starts, as the README suggests; the other when the
    # run registers its plugin.
    for preload in (["--preload", "policy_nlp.cluster"], []):
        launch("worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard", *preload,
               prefix=tuple(hide))
    try:
        yield address, launch, bool(hide)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_dask_commands_and_a_worker_of_another_version(corpus, reference, dask_commands, tmp_path):
    """A scheduler and workers started by hand give the same files, also when the workers
    cannot see the input folder (then the client sends the bytes, and says so), and the
    worker started with the preload has its pipeline before any run; a worker
    that joins with another policy-nlp (a real worker process importing a copy of the
    package whose version differs) is refused before any file is sent: exit 3, naming the
    versions."""
    address, launch, hidden = dask_commands
    out = tmp_path / "out"
    with distributed.Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=60)
        loaded = [analyzer is not None for analyzer, _ in client.run(_worker_state()).values()]
        assert sorted(loaded) == [False, True]
        done = cli("analyze", corpus, "-o", out, "--scheduler", address)
        assert done.returncode == 0, done.stderr
        assert tables(out) == tables(reference)
        manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
        assert manifest["cluster"]["input"] == ("sent by the client" if hidden else "read by the workers")
        assert ("files sent by this machine" in done.stderr) == hidden

        other = tmp_path / "other"
        shutil.copytree(ROOT / "src" / "policy_nlp", other / "policy_nlp",
                        ignore=shutil.ignore_patterns("__pycache__"))
        init = other / "policy_nlp" / "__init__.py"
        init.write_text(init.read_text(encoding="utf-8").replace(f'__version__ = "{__version__}"', '__version__ = "0.0.9"'),
                        encoding="utf-8")
        launch("worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
               env={**os.environ, "PYTHONPATH": str(other)})
        client.wait_for_workers(3, timeout=60)
    refused = cli("analyze", corpus, "-o", tmp_path / "refused", "--scheduler", address, "--force")
    assert refused.returncode == 3, refused.stderr
    assert_plain(refused.stderr, lines=1)
    assert f"policy_nlp is 0.0.9 there, {__version__} here" in refused.stderr
    assert not (tmp_path / "refused" / "documents.csv").exists()
