"""One wall-clock deadline for a whole re-plan, which every stage respects.

A re-plan runs stages one after another (the warm start, the search, the from-scratch plan for
comparison) and a front end adds its own (reading the files before, scoring and writing the
workbook after).  Each stage gets its share of the time limit, but a stage that runs long must
not push the whole call past its limit: the deadline is on the wall clock, fixed when the call
starts, and each stage runs until the end of its share *on that clock*, so a slow stage
shortens the ones after it.

In deterministic mode CP-SAT counts deterministic time, which runs slower than the wall clock
on a loaded machine (four times slower is common with two busy cores), so a stage's
deterministic limit alone could overrun the wall clock several times.  The stage is therefore
also stopped, through the search's own stop event, when its wall-clock share ends: a run
repeats itself exactly when the machine keeps pace, and on a loaded machine it searches less,
but it never answers late.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# How often a stage's stop watcher looks at the clock and at the user's stop (seconds).
WATCH_INTERVAL = 0.05


class Deadline:
    """The wall-clock end of a call, ``seconds`` after ``began`` (``time.monotonic()``).

    Parameters
    ----------
    seconds
        The time the whole call may take.
    began
        When the call started (default: now); a front end that read files first passes its
        own start, so that the reading counts.
    """

    def __init__(self, seconds: float, began: float | None = None) -> None:
        self.began = time.monotonic() if began is None else began
        self.seconds = max(0.0, seconds)
        self.ends = self.began + self.seconds

    def left(self) -> float:
        """Seconds left before the deadline (0 once it has passed)."""
        return max(0.0, self.ends - time.monotonic())

    def elapsed(self) -> float:
        return time.monotonic() - self.began

    def share_ends(self, share: float, reserve: float = 0.0) -> float:
        """The wall-clock end of a stage that starts now and gets ``share`` of what is left,
        less ``reserve`` seconds kept for what comes after every stage."""
        return time.monotonic() + max(0.0, share * (self.left() - reserve))

    @contextmanager
    def stage(self, ends: float, user_stop: threading.Event | None = None
              ) -> Iterator[threading.Event]:
        """A stop event for a stage that must end at ``ends`` (a ``time.monotonic()``): set at
        that time, or as soon as the user's stop is set, whichever comes first."""
        stop = threading.Event()
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                if time.monotonic() >= ends or (user_stop is not None and user_stop.is_set()):
                    stop.set()
                    return
                done.wait(min(WATCH_INTERVAL, max(0.0, ends - time.monotonic())) or 0.001)

        watcher = threading.Thread(target=watch, daemon=True, name="plan-shoot-replan-deadline")
        watcher.start()
        try:
            yield stop
        finally:
            done.set()
            watcher.join()
