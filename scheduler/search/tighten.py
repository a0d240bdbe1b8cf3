"""Tighter first schedules: the calendar packed into fewer shoot days, repaired where it breaks.

Crew days are most of a shoot's cost, and a day is the hardest thing for the neighbourhood search
to take out (every scene of it must find room elsewhere at once).  So before the search starts,
the calendar is packed again with a horizon a day shorter than the first schedule's wrap, then
shorter again, down to the least wrap day the bound allows (``bounds.CostBound.min_wrap_day``):
each packing that leaves scenes stuck is repaired around them without moving anything past the
horizon (``NeighbourhoodSearch.repair``).  The tightening stops at the first horizon that gives
no valid schedule, after ``MAX_TIGHTENINGS`` horizons, or when its time is up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from ..data import Production
from ..solution import Solution
from .construct import STYLES, pack_calendar
from .lns import NeighbourhoodSearch

logger = logging.getLogger("scheduler")

# Horizons tried at most (each is a packing and, when it leaves scenes stuck, a repair).
MAX_TIGHTENINGS = 4
# Packing styles tried per horizon (a tighter packing is mostly a draft to repair: a few
# styles give as good a draft as all of them, in a fraction of the time).
TIGHTEN_STYLES = STYLES[:2]
# Seconds (deterministic seconds in deterministic mode) one repair may take, at most.
REPAIR_LIMIT = 2.0


def tighter_schedules(production: Production, search: NeighbourhoodSearch, wrap: int,
                      least_wrap: int, time_limit: float) -> Iterator[Solution]:
    """Valid schedules that wrap before shoot day ``wrap``, one per horizon tried, tightest
    last.  In deterministic mode only the horizon count stops it early, so that a run repeats
    itself."""
    deadline = time.monotonic() + time_limit
    for horizon in range(wrap - 1, max(least_wrap, 1) - 1, -1)[:MAX_TIGHTENINGS]:
        left = deadline - time.monotonic()
        if _stopped(search) or (not search.config.deterministic and left <= 0):
            return
        packing = pack_calendar(production, horizon=horizon, styles=TIGHTEN_STYLES,
                                stop=search.stop)
        if packing is None or _stopped(search):  # Ctrl-C while packing: no repair after it
            return
        solution: Solution | None = packing.solution
        if not packing.is_valid:
            # Each of a repair's tries gets this: at most a share of the stage's time, so that
            # in deterministic mode too a short time limit gives a short tightening.
            limit = min(REPAIR_LIMIT, time_limit / MAX_TIGHTENINGS)
            if not search.config.deterministic:
                limit = min(limit, left)
            solution = search.repair(packing.solution, packing.stuck, max(0.05, limit),
                                     horizon=horizon)
        if solution is None:
            logger.info("packer: no valid schedule found within %d shoot days", horizon)
            return
        logger.info("packer: a schedule within %d shoot days", horizon)
        yield solution


def _stopped(search: NeighbourhoodSearch) -> bool:
    return search.stop is not None and search.stop.is_set()
