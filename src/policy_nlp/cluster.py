"""Run an analysis on a Dask cluster: the engine behind ``policy-nlp analyze --scheduler``.

The client (the machine the user types on) finds the files, looks them up in the cache and
writes every output, exactly as with ``--jobs``; the cluster's workers only analyse. Each
worker loads the pipeline once, when the run registers :class:`AnalyzerPlugin` on it, then
takes runs of files (the same runs ``--jobs`` hands its processes) and sends back plain
:class:`~policy_nlp.analysis.DocumentResult` rows, which the client writes in input order.

Before any work is sent every worker is asked for the versions that shape the output
(policy-nlp and its code and data, spaCy and its pipeline, the stance model): one that
differs from the client is refused (:class:`WorkerMismatch`). Workers are assumed to see the
input folder at the same path (a shared filesystem); when one cannot, the client reads the
files and sends their bytes. A task whose worker dies runs again on another (Dask's
``retries`` and its rescheduling of a lost worker's tasks), so no document is lost.

``dask.distributed`` is imported only here, and only when a run names a scheduler: a plain
install without the ``dask`` extra starts as fast as before.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import CancelledError
from pathlib import Path

from .analysis import (
    WINDOW,
    AnalysisOptions,
    Analyzer,
    Chunk,
    DocumentResult,
    WorkerDied,
    plan,
)
from .ingest import read_source

try:
    import distributed
except ImportError:  # the dask extra is not installed: ClusterRun.analyze says so
    distributed = None

#: Seconds to wait for the scheduler before giving up: long enough for a busy scheduler
#: across a network, short enough that a wrong address is answered at once.
CONNECT_TIMEOUT = 10
#: Times a task that failed (its worker raised, or died) is run again before the run fails.
RETRIES = 3
#: Name under which the analyser is registered on the workers; a later run replaces it.
PLUGIN_NAME = "policy-nlp-analyzer"

#: Version keys that may differ between client and workers without changing any row.
_IGNORED = {"python"}


class ClusterError(RuntimeError):
    """The cluster cannot be used: the dask extra is missing, the scheduler cannot be
    reached (or is lost mid-run), or it has no workers."""


class WorkerMismatch(RuntimeError):
    """A worker has no policy-nlp, or another version of it or of its models."""


class ClusterRun:
    """One run's use of a Dask cluster: connect, check the workers, analyse, disconnect.

    ``scheduler`` is an address (``tcp://host:8786``) or ``"local"``, which starts a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes on this machine.
    :meth:`summary` tells, after the run, where it ran and how the files got there.
    """

    def __init__(self, scheduler: str, jobs: int = 2) -> None:
        self.scheduler = scheduler
        self.jobs = max(1, jobs)
        self.workers = 0
        self.sent_files = False

    def summary(self) -> dict:
        return {"scheduler": self.scheduler, "workers": self.workers,
                "input": "sent by the client" if self.sent_files else "read by the workers"}

    def analyze(self, files: list[Path], root: Path, options: AnalysisOptions,
                fingerprint: str) -> Iterator[DocumentResult]:
        """Yield one result per file, in the order of ``files``, analysed on the cluster.

        ``fingerprint`` is the client's (see :func:`policy_nlp.run.fingerprint`): a worker
        whose own differs is refused before any file is sent.
        """
        if distributed is None:
            raise ClusterError("--scheduler needs Dask, which is not installed: pip install 'policy-nlp[dask]'")
        root = Path(os.path.abspath(root))
        paths = [str(Path(os.path.abspath(p))) for p in files]
        with _connect(self.scheduler, self.jobs) as client:
            workers = check_workers(client, options, fingerprint)
            self.workers = len(workers)
            self.sent_files = not _workers_read(client, root, paths)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "sending large graph": the bytes of sent files
                client.register_plugin(AnalyzerPlugin(options, fingerprint), name=PLUGIN_NAME)
            futures: list = []  # every future of the run, for cancelling
            try:
                nthreads = sum(client.nthreads().values()) or 1
                units = plan(paths, str(root), options, nthreads)
                pending: collections.deque = collections.deque()
                while True:
                    # A window of tasks ahead of the one awaited, so that the workers never
                    # wait and the client never holds (or sends) the whole corpus at once.
                    while sum(len(entry) for entry in pending) < WINDOW * nthreads:
                        unit = next(units, None)
                        if unit is None:
                            break
                        pending.append(self._submit(client, unit, root, fingerprint, len(futures)))
                        futures += pending[-1]
                    if not pending:
                        break
                    *pieces, last = pending.popleft()
                    for piece in pieces:
                        piece.release()  # the scheduler keeps it while its document's rows need it
                    try:
                        results = last.result()
                    except distributed.KilledWorker as exc:
                        raise WorkerDied("Dask workers died again and again running the same files (out of "
                                         "memory?); run again with --jobs 1 to find the file") from exc
                    except (CancelledError, OSError) as exc:  # the scheduler went away, or cancelled the run
                        raise ClusterError(f"lost the Dask scheduler at {self.scheduler} mid-run "
                                           f"({_reason(exc)})") from None
                    last.release()  # so that the workers do not hold every row until the run ends
                    yield from results if isinstance(results, list) else [results]
            finally:
                if futures:
                    with contextlib.suppress(Exception):
                        client.cancel(futures, force=True)
                with contextlib.suppress(Exception):
                    client.unregister_worker_plugin(PLUGIN_NAME)


    def _submit(self, client, unit: tuple, root: Path, fingerprint: str, number: int) -> list:
        """Send one unit of :func:`~policy_nlp.analysis.plan` to the cluster: its futures, the
        one with its rows last."""
        key = f"policy-nlp-{fingerprint[:12]}-{os.getpid()}-{number}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "sending large graph": the bytes of sent files
            if unit[0] == "files":
                task = [read_source(Path(p), root) for p in unit[1]] if self.sent_files else unit[1]
                return [client.submit(_analyze_run, task, str(root), fingerprint, key=key, retries=RETRIES,
                                      pure=False)]
            _, source, chunks = unit
            pieces = [client.submit(_parse_chunk, chunk, fingerprint, key=f"{key}-chunk-{k}", retries=RETRIES,
                                    pure=False) for k, chunk in enumerate(chunks)]
            return [*pieces, client.submit(_finish_chunks, source, pieces, fingerprint, key=key, retries=RETRIES,
                                           pure=False)]


@contextlib.contextmanager
def _connect(scheduler: str, jobs: int):
    """A client of the cluster at ``scheduler`` (or of a new local one), closed afterwards."""
    # Dask logs a lost connection or a restarted worker as errors with tracebacks; the run
    # reports what matters itself, in one line.
    # Dask sets levels on its modules' loggers ("distributed.client": warning), so each is
    # quietened, not only their parent.
    names = ["distributed", "tornado", "asyncio",
             *(name for name in list(logging.root.manager.loggerDict) if name.startswith("distributed."))]
    quiet = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in quiet]
    for logger in quiet:
        logger.setLevel(logging.CRITICAL)
    cluster = None
    try:
        if scheduler == "local":
            # No dashboard, and its HTTP server on a free port rather than 8787 (which
            # another cluster may hold).
            cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address=None,
                                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                                               silence_logs=logging.CRITICAL)
            address = cluster.scheduler_address
        else:
            address = scheduler
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except OSError:  # also the TimeoutError of an address where nothing answers
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: nothing answered within "
                               f"{CONNECT_TIMEOUT} s; check the address and that the scheduler is running") from None
        except (ValueError, TypeError) as exc:
            raise ClusterError(f"--scheduler {scheduler} is not a scheduler address ({_reason(exc)})") from None
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.close(timeout=5)
    finally:
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close(timeout=10)
        for logger, level in zip(quiet, levels):
            logger.setLevel(level)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


# -- checking the workers ----------------------------------------------------------------------
def check_workers(client, options: AnalysisOptions, fingerprint: str) -> list[str]:
    """The addresses of the cluster's workers, each checked to give the client's rows.

    Raises :class:`ClusterError` when there is none, :class:`WorkerMismatch` naming the
    first that lacks policy-nlp or whose versions, code or models differ.
    """
    from .run import versions

    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (TimeoutError, OSError):
        raise ClusterError(f"the Dask scheduler has no worker (waited {CONNECT_TIMEOUT} s); start some with "
                           "'dask worker ADDRESS'") from None
    answers = client.run(worker_identity, options, on_error="return")
    mine = versions(options.model, options.models)
    for address, answer in sorted(answers.items()):
        if isinstance(answer, BaseException):
            if isinstance(answer, ModuleNotFoundError) and "policy_nlp" in str(answer):
                raise WorkerMismatch(f"Dask worker {address} has no policy-nlp installed; install the same "
                                     "version there as here") from None
            raise WorkerMismatch(f"Dask worker {address} cannot load policy-nlp ({_reason(answer)})") from None
        theirs, their_fingerprint = answer
        if their_fingerprint != fingerprint:
            raise WorkerMismatch(f"Dask worker {address} would give other rows than this machine: "
                                 f"{_difference(mine, theirs)}; install the same policy-nlp and models on every "
                                 "worker") from None
    return sorted(answers)


def worker_identity(options: AnalysisOptions) -> tuple[dict, str]:
    """What a worker would analyse with: its versions and fingerprint (run on the worker)."""
    from .run import fingerprint, versions

    found = versions(options.model, options.models)
    return found, fingerprint(found, options)


def _difference(mine: dict, theirs: dict) -> str:
    """The first version that differs, in words, or that the code or data do."""
    def flat(d: dict, prefix: str = "") -> dict:
        out = {}
        for key, value in d.items():
            out.update(flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}": value})
        return out

    mine, theirs = flat(mine), flat(theirs)
    for key in [*mine, *(k for k in theirs if k not in mine)]:
        if key.split(".")[0] not in _IGNORED and mine.get(key) != theirs.get(key):
            return f"{key} is {theirs.get(key) or 'missing'!s} there, {mine.get(key) or 'missing'!s} here"
    return f"its policy-nlp {theirs.get('policy_nlp')} has other code or data files than this one"


def _workers_read(client, root: Path, paths: list[str]) -> bool:
    """Whether every worker sees the input as the client does (the folder, and the first
    file with the same size), so that paths can be sent instead of bytes."""
    if not paths:
        return True
    try:
        size = os.path.getsize(paths[0])
    except OSError:
        return True  # the client cannot read it either; its row will say so
    answers = client.run(_sees, str(root), paths[0], size, on_error="return")
    return all(answer is True for answer in answers.values())


def _sees(root: str, path: str, size: int) -> bool:
    try:
        return os.path.isdir(root) and os.path.getsize(path) == size and os.access(path, os.R_OK)
    except OSError:
        return False


# -- on the workers ----------------------------------------------------------------------------
class AnalyzerPlugin(distributed.WorkerPlugin if distributed is not None else object):
    """Loads the pipeline once on each worker (also on workers that join later or restart),
    unless the worker's fingerprint differs from the client's (its tasks then refuse).

    While it is registered it also pauses the worker's statistical profiler: every 10 ms
    it stops the running task to read its stack, which costs a spaCy parse a fifth of its
    speed (64.6 s against 54.0 s of task time for 120 articles on two workers). The
    profiler feeds only the dashboard's profile page; it resumes when the run ends.
    """

    name = PLUGIN_NAME
    PROFILER = ("profile", "profile-cycle")

    def __init__(self, options: AnalysisOptions, fingerprint: str) -> None:
        self.options = options
        self.fingerprint = fingerprint
        self.paused: list = []

    def setup(self, worker) -> None:
        for name in self.PROFILER:
            callback = getattr(worker, "periodic_callbacks", {}).get(name)
            if callback is not None and callback.is_running():
                callback.stop()
                self.paused.append(callback)
        _state.load(self.options, self.fingerprint)

    def teardown(self, worker) -> None:
        # The pipeline stays loaded for the next run (see _WorkerState.load).
        for callback in self.paused:
            callback.start()
        self.paused = []


class _WorkerState:
    """The analyser of this worker process; a lock keeps a worker started with several
    threads from running two analyses in one pipeline at once.

    The analyser outlives the run that loaded it: a worker started for policy-nlp runs one
    analysis after another, and loading the pipeline (two to three seconds) would otherwise
    be paid by each. The next run with the same options and fingerprint uses it at once; one
    with others replaces it. ``dask worker --preload policy_nlp.cluster`` loads it with the
    default options when the worker starts (see :func:`dask_setup`).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.analyzer: Analyzer | None = None
        self.options: AnalysisOptions | None = None
        self.fingerprint = ""

    def load(self, options: AnalysisOptions, fingerprint: str | None = None) -> None:
        """Load the analyser for ``options`` if this worker gives the client's rows (its own
        fingerprint is ``fingerprint``; ``None`` takes the worker's own)."""
        from .run import fingerprint as own_fingerprint
        from .run import versions

        with self.lock:
            found = own_fingerprint(versions(options.model, options.models), options)
            if self.analyzer is not None and self.options == options and self.fingerprint == found:
                return  # loaded by an earlier run, or by the preload, and nothing has changed
            self.analyzer, self.options, self.fingerprint = None, options, found
            if fingerprint is None or found == fingerprint:
                self.analyzer = Analyzer(options)

    def checked(self, fingerprint: str) -> Analyzer:
        """The analyser, if this worker gives the client's rows (call with the lock held)."""
        if self.analyzer is None or self.fingerprint != fingerprint:
            raise WorkerMismatch("this Dask worker's policy-nlp, code or models differ from the client's")
        return self.analyzer

    def clear(self) -> None:
        with self.lock:
            self.analyzer, self.options, self.fingerprint = None, None, ""


_state = _WorkerState()


def dask_setup(worker) -> None:
    """Dask's preload hook: ``dask worker ADDRESS --preload policy_nlp.cluster`` loads the
    pipeline with the default options as the worker starts, so that the first run does not
    wait for it."""
    _state.load(AnalysisOptions())


def _analyze_run(task: list, root: str, fingerprint: str) -> list[DocumentResult]:
    """Analyse one run of files on a worker: paths, or (document, bytes) pairs read by the
    client."""
    with _state.lock:
        analyzer = _state.checked(fingerprint)
        if task and isinstance(task[0], str):
            return list(analyzer.analyze_paths([Path(p) for p in task], Path(root)))
        return list(analyzer.analyze_read(task))


def _parse_chunk(chunk: Chunk, fingerprint: str) -> list:
    """Parse one chunk of a long document on a worker (see :meth:`Analyzer.parse_chunks`)."""
    with _state.lock:
        return _state.checked(fingerprint).parse_chunks([chunk])


def _finish_chunks(source, pieces: list[list], fingerprint: str) -> DocumentResult:
    """The rows of a long document from its parsed chunks, on a worker."""
    with _state.lock:
        return _state.checked(fingerprint).finish_chunks(source, [p for piece in pieces for p in piece])
