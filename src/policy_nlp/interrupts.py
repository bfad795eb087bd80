"""Stopping a run cleanly when it is interrupted by Ctrl-C, ``kill``, a closed terminal.

Python turns only SIGINT into an exception; SIGTERM (what ``kill``, systemd, Docker and
batch schedulers send) and SIGHUP end the process on the spot, leaving its worker
processes and temporary files behind. :func:`handled` makes the three alike: each raises
:class:`Interrupted` in the main process, so that the run's ``finally`` blocks stop the
workers and remove the temporary files. The command line installs it; the library only
raises and cleans up.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(BaseException):
    """The run was stopped by a signal.

    A :class:`BaseException`, like :class:`KeyboardInterrupt`, so that code which catches
    the errors of one document does not catch it. ``completed`` is true when the signal
    came while the finished outputs were being put in place, which is then let finish.
    """

    def __init__(self, signum: int, completed: bool = False) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.completed = completed

    @property
    def exit_status(self) -> int:
        """128 plus the signal number, as a shell reports a process killed by it."""
        return 128 + self.signum


class _State:
    owner: int | None = None  # the process whose handlers raise
    deferring = False
    pending: int | None = None
    stopping = False


_state = _State()


@contextlib.contextmanager
def handled(signals: tuple[int, ...] = SIGNALS) -> Iterator[None]:
    """Within this block, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` once.

    Later signals are ignored while the run cleans up. Outside the main thread (where
    Python cannot set handlers) the block changes nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in signals}
    _state.owner, _state.deferring, _state.pending, _state.stopping = os.getpid(), False, None, False
    for signum in signals:
        signal.signal(signum, _handler)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _state.owner = None


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Let a short step that must not be cut in two (renaming the outputs into place) finish
    before a signal that arrives meanwhile is acted on, as :class:`Interrupted` with
    ``completed`` set."""
    _state.deferring = True
    try:
        yield
    finally:
        _state.deferring = False
    if _state.pending is not None:
        signum, _state.pending = _state.pending, None
        _state.stopping = True
        raise Interrupted(signum, completed=True)


def in_worker() -> None:
    """Signal handling for a worker process: Ctrl-C reaches the whole process group, and the
    main process decides; SIGTERM and SIGHUP, which the main process sends to stop a
    worker, end it at once and quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in SIGNALS:
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)


def _handler(signum: int, frame) -> None:
    if os.getpid() != _state.owner:
        # A worker forked before it set its own handlers (see in_worker).
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        return
    if _state.stopping:
        return
    if _state.deferring:
        _state.pending = _state.pending or signum
        return
    _state.stopping = True
    raise Interrupted(signum)
