"""Ctrl-C that keeps the best: the first one stops the search, the second one quits at once.

A Python signal handler runs only on the main thread, between two bytecodes; a CP-SAT solve
holds the thread that called it for the whole solve (seconds, minutes).  So the long work runs
on a worker thread (``CtrlC.run``) while the main thread waits in short, interruptible steps:
the handler then runs within a fraction of a second of Ctrl-C, at any stage, and sets the stop
event that every stage of the planner honours.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any, TypeVar

from rich.console import Console

T = TypeVar("T")

# 128 + SIGINT, as shells report a command stopped by Ctrl-C.
EXIT_STOPPED = 130
# How long the main thread waits for the worker between two looks at pending signals (seconds).
WAIT_STEP_SECONDS = 0.05

# Set by the first Ctrl-C of any command: the process then exits without the interpreter's
# teardown (``scheduler.__main__``).
_user_stopped = threading.Event()


def stopped_by_user() -> bool:
    """Whether Ctrl-C stopped a command of this process (its outputs are written by now)."""
    return _user_stopped.is_set()


class CtrlC:
    """While entered, Ctrl-C sets ``stop`` (keep the best found so far) and a second Ctrl-C
    quits at once, writing nothing.

    Parameters
    ----------
    console
        Where to say what Ctrl-C does (the console of the live status line, so that the notice
        prints above it).

    Examples
    --------
    >>> with CtrlC(console) as ctrl_c:                       # doctest: +SKIP
    ...     plan = ctrl_c.run(lambda: plan_production(..., stop=ctrl_c.stop))
    ...     ctrl_c.writing()
    ...     write_schedule(...)
    """

    def __init__(self, console: Console) -> None:
        self.stop = threading.Event()
        self.console = console
        self._writing = False
        self._previous: Any = None

    def __enter__(self) -> CtrlC:
        self._previous = signal.signal(signal.SIGINT, self._on_signal)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        signal.signal(signal.SIGINT, self._previous)

    def writing(self) -> None:
        """From now on the outputs are being written: a second Ctrl-C raises
        ``KeyboardInterrupt`` so that the atomic writers remove their temporary files."""
        self._writing = True

    def run(self, work: Callable[[], T]) -> T:
        """``work()`` on a worker thread, its result or its exception, with Ctrl-C answered at
        once on this (the main) thread."""
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["value"] = work()
            except BaseException as error:  # re-raised on the main thread below
                outcome["error"] = error

        worker = threading.Thread(target=target, name="plan-shoot-work", daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(WAIT_STEP_SECONDS)
        if "error" in outcome:
            raise outcome["error"]
        value: T = outcome["value"]
        return value

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if not self.stop.is_set():
            self._first()
        elif self._writing:
            raise KeyboardInterrupt
        else:
            self._second()

    def _first(self) -> None:
        self.stop.set()
        _user_stopped.set()
        self.console.print("Ctrl-C: stopping; the best schedule found so far will be written "
                            "(Ctrl-C again quits at once, writing nothing)",
                            markup=False, style="yellow")

    def _second(self) -> None:
        """Quit now: the search runs on a thread deep in CP-SAT, which no exception reaches."""
        # Straight to the file descriptor: the console holds its output back while the live
        # status line shows, and nothing runs after ``os._exit`` to let it out.
        os.write(self.console.file.fileno(), b"\nCtrl-C again: quit without writing a schedule\n")
        os._exit(EXIT_STOPPED)
