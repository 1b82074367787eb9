"""Interrupts as a shell expects them: Ctrl-C exits 130, SIGTERM 143, wherever they land.

:func:`install` makes SIGTERM raise :class:`Terminated` (a :class:`KeyboardInterrupt`, so every
``finally`` and ``except KeyboardInterrupt`` that cleans up after Ctrl-C also runs for it) and
remembers which signal came, so code that runs other processes (the notebook kernels) can tell an
interrupt from a failure of its own: see :func:`received`.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

_received: list[int] = []


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM)."""


def exit_status(exc: BaseException) -> int:
    """Exit status for an interrupt: 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM)."""
    return 128 + (signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT)


def received() -> KeyboardInterrupt | None:
    """The interrupt this process received since :func:`install`, as an exception to raise, or None."""
    if not _received:
        return None
    return _as_exception(_received[-1])


def count() -> int:
    """How many interrupts this process has received since :func:`install` (to tell a new one)."""
    return len(_received)


def install() -> None:
    """Handle SIGINT and SIGTERM in the main thread (nothing happens in other threads)."""
    if threading.current_thread() is not threading.main_thread():
        return
    _received.clear()
    signal.signal(signal.SIGINT, _on_sigint)
    signal.signal(signal.SIGTERM, _on_sigterm)


def uninstall() -> None:
    """Give SIGINT and SIGTERM back their default behaviour (at the end of a command)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _on_sigint(signum, frame):
    _received.append(signal.SIGINT)
    raise KeyboardInterrupt


def _on_sigterm(signum, frame):
    _received.append(signal.SIGTERM)
    raise Terminated


@contextlib.contextmanager
def _handled_by(handler) -> Iterator[bool]:
    """Give SIGINT and SIGTERM to ``handler`` for the block (main thread only; yields whether it did)."""
    if threading.current_thread() is not threading.main_thread():
        yield False
        return
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for s in previous:
        signal.signal(s, handler)
    try:
        yield True
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def _as_exception(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM for a few steps that must not be cut in half; raise them afterwards.

    Python runs signal handlers in the main thread only, so a handler that just records the signal
    holds it however the operating system delivers it.  Outside the main thread this does nothing.
    """
    held: list[int] = []
    with _handled_by(lambda signum, frame: held.append(signum)):
        yield
    if held:
        _received.append(held[0])
        raise _as_exception(held[0])


@contextlib.contextmanager
def calling(stop: Callable[[], None], *, then_raise: bool = False) -> Iterator[None]:
    """While the block runs, Ctrl-C and SIGTERM call ``stop`` (and raise only with ``then_raise``).

    For code that waits on another process inside an event loop (a notebook kernel): an exception
    raised there can be swallowed by the loop, so the signal is recorded (see :func:`received`) and
    ``stop`` ends the other process; the caller then raises :func:`received` once the wait returns.
    With ``then_raise`` the interrupt is also raised in the main thread, for a block doing work of
    its own while the other processes run.  Outside the main thread this does nothing.
    """

    def handler(signum, frame):
        _received.append(signum)
        stop()
        if then_raise:
            raise _as_exception(signum)

    with _handled_by(handler):
        yield
