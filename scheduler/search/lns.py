"""Large-neighbourhood search: free a few scenes, let CP-SAT re-place them, keep what is cheaper.

Each step draws a neighbourhood (``neighbourhoods.py``) of the best schedule so far, builds the
CP-SAT model with every other scene fixed (``ShootingModel(..., starts=...)``: the same rules and
costs as the full model, with the fixed part folded into constants), warm-starts it from the
best schedule and solves it for a short time.  A schedule that is cheaper (cost plus the priced
risk, when risk is priced) and passes ``validate`` becomes the best.

The kinds of neighbourhood are chosen by what has paid off (adaptive weights, as in adaptive
large-neighbourhood search: a kind that improves the schedule is drawn more often, and the weights
decay towards the recent past), and the size of each kind adapts to the solver: a sub-model
solved to optimality in its time grows the next one of its kind, one that runs out of time
shrinks it.  With two or more cores, two searches run side by side on the same best schedule;
what one finds is carried over onto what the other found in the meantime and checked again.

Deterministic mode (one worker): one search, sub-models limited by CP-SAT's deterministic
time, the budget counted in it, the neighbourhoods drawn from a seeded random source: the same
input gives the same schedule.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from ..config import SolverConfig
from ..data import Production
from ..model import ModelOutcome, ShootingModel
from ..result import Progress, SolveStatus
from ..risk_price import RiskPrice
from ..solution import Schedule, Solution
from ..validate import validate
from .neighbourhoods import KINDS, Neighbourhood, NeighbourhoodMaker

logger = logging.getLogger("scheduler")

# Seconds one sub-model may take (wall clock, or deterministic time in deterministic mode).
SUB_TIME_LIMIT = 1.0
# Free scenes of a kind's first neighbourhood, and the range its size adapts within.
FIRST_SIZE = 16
SIZE_RANGE = (4, 200)
# A kind's size grows by this factor after a sub-model solved to optimality in less than
# GROW_BELOW of its time, else shrinks: most steps then finish, which pays best.
SIZE_STEP = 1.15
GROW_BELOW = 0.25
# Adaptive weights: reward of a new best, of a step that changed nothing; decay per step.
REWARD_BEST = 5.0
REWARD_NONE = 0.2
WEIGHT_DECAY = 0.9
MIN_WEIGHT = 0.05
# Deterministic time charged per step for building the sub-model (so the budget bounds steps).
STEP_OVERHEAD = 0.02
# Shoot days either side of a stuck scene's allowed days that its repair opens, try by try.
REPAIR_WIDENING = (1, 3, 6)
# Compressions in a row that may fail to take the wrap day in before ``pull_in_wrap`` stops.
WRAP_MISSES = 4
# Parallel searches when two or more cores are available.
MAX_SEARCHES = 2


@dataclass
class SearchReport:
    """What the search did: steps and new bests by kind, for logs and benchmarks."""

    steps: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    improvements: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    saved: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def __str__(self) -> str:
        return ", ".join(f"{kind} {self.improvements[kind]}/{self.steps[kind]}"
                         for kind in KINDS if self.steps[kind])


@dataclass
class _Best:
    """The best schedule so far and its value (cost plus priced risk), shared by the searches."""

    solution: Solution
    schedule: Schedule
    value: int
    version: int = 0


class NeighbourhoodSearch:
    """Improves a valid schedule of ``production`` by large-neighbourhood search.

    Parameters
    ----------
    production
        A checked production.
    config
        Workers, seed and determinism (the time budget is given to ``improve``).
    risk
        The priced risk of each day, when the search should weigh it with the cost.
    on_progress
        Called with each new best (elapsed seconds, its cost, ``bound``).
    stop
        Set it to stop the search; the best schedule so far is kept.
    bound
        The proven lower bound, passed on in the progress reports.
    """

    def __init__(self, production: Production, config: SolverConfig,
                 risk: RiskPrice | None = None,
                 on_progress: Callable[[Progress], None] | None = None,
                 stop: threading.Event | None = None, bound: int = 0) -> None:
        self.production = production
        self.config = config
        self.risk = risk
        self.on_progress = on_progress
        self.stop = stop
        self.bound = bound
        self.report = SearchReport()
        self._lock = threading.Lock()
        self._weights = dict.fromkeys(KINDS, 1.0)
        self._sizes = dict.fromkeys(KINDS, float(FIRST_SIZE))
        self._began = time.monotonic()

    def value_of(self, schedule: Schedule) -> int:
        """What the search minimises: the cost, plus the priced risk when risk is priced."""
        return schedule.total_cost + (self.risk.cost_of(schedule) if self.risk else 0)

    def improve(self, start: Solution, time_limit: float) -> Solution:
        """The best schedule found from the valid schedule ``start`` within ``time_limit``
        seconds (deterministic seconds in deterministic mode)."""
        self._began = time.monotonic()
        schedule = Schedule(self.production, start)
        self._best = _Best(start, schedule, self.value_of(schedule))
        searches = 1 if self.config.deterministic else min(MAX_SEARCHES, self._cores())
        workers = [threading.Thread(target=self._search, args=(index, time_limit),
                                    name=f"plan-shoot-lns-{index}", daemon=True)
                   for index in range(1, searches)]
        for worker in workers:
            worker.start()
        self._search(0, time_limit)
        for worker in workers:
            worker.join()
        logger.info("neighbourhood search: %s (improved/steps by kind)", self.report)
        return self._best.solution

    def pull_in_wrap(self, start: Solution, time_limit: float, least_wrap: int = 1) -> Solution:
        """The best schedule found from the valid schedule ``start`` by compressions alone,
        each from the best so far, until the wrap day is ``least_wrap`` (the bound's: none
        earlier can be valid) or ``WRAP_MISSES`` in a row fail to take it in
        (a compression proven infeasible, too small to empty the last day, is no miss while the
        next one can be twice as large) or ``time_limit`` seconds (deterministic seconds in
        deterministic mode) are spent.

        A crew day is the dearest thing in a schedule and the hardest to take out; taken out
        first, the rest of the search polishes the shorter calendar instead of a longer one.
        """
        self._began = time.monotonic()
        schedule = Schedule(self.production, start)
        self._best = _Best(start, schedule, self.value_of(schedule))
        maker = NeighbourhoodMaker(self.production, random.Random(self.config.seed * 7919 - 1))
        spent, misses = 0.0, 0
        largest = min(SIZE_RANGE[1], len(self.production.scenes))
        while (misses < WRAP_MISSES and self._best.schedule.wrap_day > least_wrap
               and not self._stopped()):
            left = self._time_left(time_limit, spent)
            if left is None:
                break
            best = self._best
            neighbourhood = maker.make("compress", best.schedule, round(self._sizes["compress"]))
            if neighbourhood is None:
                break
            outcome = self._step(neighbourhood, best, min(SUB_TIME_LIMIT, left))
            spent += STEP_OVERHEAD + outcome.deterministic_time
            size = self._sizes["compress"]
            if self._best.schedule.wrap_day < best.schedule.wrap_day:
                misses = 0
            elif outcome.status is SolveStatus.INFEASIBLE and size < largest:
                self._sizes["compress"] = min(largest, 2 * size)  # too few days opened
            else:
                misses += 1
        logger.info("wrap pulled in to shoot day %d (from %d)", self._best.schedule.wrap_day,
                    schedule.wrap_day)
        return self._best.solution

    def repair(self, draft: Solution, stuck: Collection[str], time_limit: float,
               horizon: int | None = None) -> Solution | None:
        """A valid schedule near ``draft``, whose ``stuck`` scenes break rules: the days around
        them are solved as one sub-model (wider each try), the rest kept, no scene moved past
        ``horizon`` (a shoot day) when one is given; ``None`` when no try gives a schedule that
        ``validate`` accepts."""
        maker = NeighbourhoodMaker(self.production, random.Random(self.config.seed))
        schedule = Schedule(self.production, draft)
        for widen in REPAIR_WIDENING:
            neighbourhood = maker.around(schedule, stuck, widen)
            if neighbourhood is None:
                return None
            starts = {sid: frozenset({day}) for sid, day in draft.start_day.items()}
            starts.update(neighbourhood.starts if horizon is None
                          else maker.within(neighbourhood, schedule, horizon).starts)
            model = ShootingModel(self.production, risk=self.risk, starts=starts)
            model.hint(draft)
            config = self.config.model_copy(update={"time_limit": time_limit, "workers": 1,
                                                    "first_solution": True})
            outcome = model.solve(config, stop=self.stop)
            if outcome.solution is not None and not validate(self.production, outcome.solution):
                logger.info("repair: %d scenes re-placed around %s", neighbourhood.size,
                            ", ".join(stuck))
                return outcome.solution
            if self._stopped():
                return None
        return None

    def _cores(self) -> int:
        return self.config.workers or os.cpu_count() or 1

    def _stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    # ----- one search ---------------------------------------------------------------------------

    def _search(self, index: int, time_limit: float) -> None:
        rng = random.Random(self.config.seed * 7919 + index)
        maker = NeighbourhoodMaker(self.production, rng)
        spent = 0.0  # deterministic seconds, in deterministic mode
        while not self._stopped():
            left = self._time_left(time_limit, spent)
            if left is None:
                return
            kind = self._draw_kind(rng)
            with self._lock:
                best = self._best
            neighbourhood = maker.make(kind, best.schedule, round(self._sizes[kind]))
            if neighbourhood is None or neighbourhood.size == 0:
                self._reward(kind, REWARD_NONE * 0.5)
                spent += STEP_OVERHEAD
                continue
            outcome = self._step(neighbourhood, best, min(SUB_TIME_LIMIT, left))
            spent += STEP_OVERHEAD + outcome.deterministic_time

    def _time_left(self, time_limit: float, spent: float) -> float | None:
        """Seconds left of ``time_limit`` since the search began, ``None`` when it is spent: on
        the wall clock, or in deterministic mode the deterministic seconds ``spent``, with the
        wall clock capped at four times the limit."""
        now = time.monotonic()
        if self.config.deterministic:
            if spent >= time_limit or now >= self._began + 4 * time_limit:
                return None
            return time_limit - spent
        left = self._began + time_limit - now
        return left if left > 0.05 else None

    def _draw_kind(self, rng: random.Random) -> str:
        with self._lock:
            kinds, weights = zip(*self._weights.items(), strict=True)
        kind: str = rng.choices(kinds, weights=weights)[0]
        return kind

    def _step(self, neighbourhood: Neighbourhood, base: _Best, time_limit: float) -> ModelOutcome:
        """Solve one sub-model; returns its outcome (status, deterministic time)."""
        kind = neighbourhood.kind
        starts = {scene_id: frozenset({day}) for scene_id, day in base.solution.start_day.items()}
        starts.update(neighbourhood.starts)
        model = ShootingModel(self.production, risk=self.risk, starts=starts)
        model.hint(base.solution)
        config = self.config.model_copy(update={"time_limit": max(0.05, time_limit),
                                                "workers": 1, "log_search": False,
                                                "relative_gap": 0.0})
        outcome = model.solve(config, stop=self.stop)
        # Proven quickly (optimal, or infeasible: a compression too small to empty the last
        # day): the next of its kind may be larger.
        self._adapt_size(kind, outcome.status in (SolveStatus.OPTIMAL, SolveStatus.INFEASIBLE)
                         and outcome.runtime < GROW_BELOW * time_limit)
        logger.debug("step %s: %d free, %s in %.2f s (%.2f deterministic)", kind,
                     neighbourhood.size, outcome.status.value, outcome.runtime,
                     outcome.deterministic_time)
        improved = False
        if outcome.solution is not None:
            improved = self._offer(kind, outcome.solution, base, neighbourhood)
        self._reward(kind, REWARD_BEST if improved else REWARD_NONE)
        with self._lock:
            self.report.steps[kind] += 1
        return outcome

    def _offer(self, kind: str, found: Solution, base: _Best,
               neighbourhood: Neighbourhood) -> bool:
        """Make ``found`` the best if it is cheaper and valid; when the other search moved the
        best meanwhile, the neighbourhood's new days are carried over onto the new best."""
        with self._lock:
            current = self._best
        if current.version != base.version:
            start_day = dict(current.solution.start_day)
            start_day.update({scene_id: found.start_day[scene_id]
                              for scene_id in neighbourhood.starts})
            found = Solution(start_day=start_day)
        schedule = Schedule(self.production, found)
        value = self.value_of(schedule)
        if value >= current.value or validate(self.production, found):
            return False
        with self._lock:
            if self._best.version != current.version or value >= self._best.value:
                return False
            self._best = _Best(found, schedule, value, current.version + 1)
            self.report.improvements[kind] += 1
            self.report.saved[kind] += current.value - value
        logger.info("neighbourhood search: %s of %d scenes: cost %s (-%s)", kind,
                    neighbourhood.size, schedule.total_cost, current.value - value)
        if self.on_progress is not None:
            self.on_progress(Progress(elapsed=time.monotonic() - self._began,
                                      objective=schedule.total_cost,
                                      bound=min(self.bound, schedule.total_cost)))
        return True

    def _adapt_size(self, kind: str, solved: bool) -> None:
        with self._lock:
            size = self._sizes[kind] * (SIZE_STEP if solved else 1 / SIZE_STEP)
            self._sizes[kind] = min(max(size, SIZE_RANGE[0]), SIZE_RANGE[1])

    def _reward(self, kind: str, reward: float) -> None:
        with self._lock:
            weight = WEIGHT_DECAY * self._weights[kind] + (1 - WEIGHT_DECAY) * reward
            self._weights[kind] = max(MIN_WEIGHT, weight)


def search_budget(config: SolverConfig, began: float) -> float:
    """Seconds left of ``config.time_limit`` since ``began`` (all of it in deterministic mode,
    where the budget is deterministic time)."""
    if config.deterministic:
        return config.time_limit
    return max(0.0, config.time_limit - (time.monotonic() - began))
