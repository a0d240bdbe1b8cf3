"""The live line of a search at the terminal: elapsed time, best cost, bound and gap, while the
search runs on ``CtrlC``'s worker thread (so that Ctrl-C is answered at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.live import Live
from rich.text import Text

from ..result import Progress
from ..solution import to_money
from .interrupt import CtrlC

T = TypeVar("T")


def search_live(ctrl_c: CtrlC, currency: str, waiting: str,
                work: Callable[[Callable[[Progress], None]], T]) -> T:
    """Run ``work(on_progress)`` on ``ctrl_c``'s worker thread with a live status line.

    Parameters
    ----------
    ctrl_c
        The command's Ctrl-C handling; its console shows the line.
    currency
        The production's currency, after the best cost.
    waiting
        The line until the first schedule (``searching for a first schedule...``).
    work
        The search, given the progress callback to report each better schedule to.
    """
    latest: list[Progress] = []

    def status_line() -> Text:
        if not latest:
            return Text(waiting)
        now = latest[-1]
        gap = max(0.0, (now.objective - now.bound) / now.objective) if now.objective else 0.0
        stage = f"{now.stage}: " if now.stage else ""
        return Text(f"{stage}{now.elapsed:6.1f} s  best {to_money(now.objective):,} {currency}  "
                    f"bound {to_money(now.bound):,}  gap {gap:.1%}   (Ctrl-C keeps the best)")

    with Live(status_line(), console=ctrl_c.console, refresh_per_second=4,
              transient=True) as live:
        def on_progress(progress: Progress) -> None:
            latest.append(progress)
            live.update(status_line())

        return ctrl_c.run(lambda: work(on_progress))
