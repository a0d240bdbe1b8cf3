"""``solve_sequencing``: the dedicated search for productions that are pure scene orders.

Pre-processing (``reduce``), a greedy start, a short local search for a good incumbent, then the
exact bounded dynamic program (``exact``).  When the exact search does not finish within its
share of the time, the local search gets the rest.  Problems with too many scenes after
pre-processing to be proven go to the local search for the whole time limit; their lower bound
is then only the bound of the empty schedule (weak).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..data import Production
from ..result import Progress
from ..solution import COST_SCALE, Schedule, Solution
from .bounds import Bounds
from .exact import NO_LOCATION, exact_search
from .heuristic import LocalSearch, greedy_order
from .problem import SequencingProblem, sequencing_obstacles, sequencing_problem
from .reduce import Reduction, reduce_problem

logger = logging.getLogger("scheduler")

# Above this many scenes (after merging) the exact search cannot finish in minutes: local search
# only.  The state space is up to 2^n times the number of locations.
EXACT_MAX_SCENES = 40
# The local search before the exact search stops after this many perturbations in a row without
# a better order, or after its share of the time limit.
INCUMBENT_PATIENCE = 100
INCUMBENT_SHARE = 0.25
# Share of the time limit after which an unfinished exact search gives way to the local search.
EXACT_SHARE = 0.6


@dataclass(frozen=True)
class SequencingResult:
    """The best scene order found, its cost and a proven lower bound (cost units).

    ``optimal`` means ``cost_units == lower_bound``: no valid schedule is cheaper.
    """

    order: tuple[str, ...]
    cost_units: int
    lower_bound: int
    optimal: bool
    runtime: float
    solution: Solution


def solve_sequencing(
    production: Production,
    time_limit: float,
    stop: threading.Event | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    seed: int = 0,
) -> SequencingResult:
    """The cheapest scene order of a production that ``is_sequencing_problem``.

    Parameters
    ----------
    production
        A checked production for which ``is_sequencing_problem`` holds.
    time_limit
        Wall-clock seconds.
    stop
        Set it to stop the search and get the best order found so far.
    on_progress
        Called with elapsed seconds, cost and proven bound (cost units) at each better order.
    seed
        Seed of the local search's random moves.

    Returns
    -------
    SequencingResult
        The order (scene ids), its cost as ``Schedule`` computes it, a lower bound, whether the
        order is proven optimal, and the schedule.  The budget is not looked at: when the optimal
        cost is above it, no schedule is within the budget.
    """
    began = time.monotonic()
    deadline = began + time_limit
    obstacles = sequencing_obstacles(production)
    if obstacles:
        raise ValueError(f"not a sequencing problem: {obstacles[0]}")
    problem = sequencing_problem(production)
    reduction = reduce_problem(problem)
    reduced = reduction.problem
    logger.info("sequencing: %d scenes, %d after merging, %d paid members", problem.size,
                reduced.size, len(problem.rates))
    tracker = _Tracker(production, problem, reduction, began, on_progress)

    order = greedy_order(reduced)
    tracker.offer(order, reduced.cost(order))
    search = LocalSearch(reduced, seed)
    exact_possible = reduced.size <= EXACT_MAX_SCENES
    if exact_possible:
        search.run(order, began + INCUMBENT_SHARE * time_limit, stop, tracker.offer,
                   INCUMBENT_PATIENCE)
        best_order, best_cost = tracker.best_order, tracker.best_cost
        outcome = exact_search(reduced, best_cost - reduced.fixed_cost,
                               min(deadline, began + EXACT_SHARE * time_limit), stop,
                               logger.info)
        if outcome.order is not None:
            tracker.offer(outcome.order, reduced.fixed_cost + (outcome.value or 0))
        tracker.raise_bound(reduced.fixed_cost + outcome.bound)
        if outcome.optimal:
            tracker.raise_bound(tracker.best_cost)
        elif time.monotonic() < deadline:
            search.run(best_order, deadline, stop, tracker.offer)
    else:
        tracker.raise_bound(reduced.fixed_cost + _root_bound(reduced))
        search.run(order, deadline, stop, tracker.offer)
    return tracker.result(time.monotonic() - began)


def _root_bound(problem: SequencingProblem) -> int:
    return Bounds(problem).bound(0, NO_LOCATION)


class _Tracker:
    """Best order and best bound so far (reduced costs), reported in cost units."""

    def __init__(self, production: Production, problem: SequencingProblem,
                 reduction: Reduction, began: float,
                 on_progress: Callable[[Progress], None] | None) -> None:
        self.production = production
        self.problem = problem
        self.reduction = reduction
        self.began = began
        self.on_progress = on_progress
        self.best_order: list[int] = []
        self.best_cost = 0
        self.bound = 0
        any_order = reduction.expand(list(range(reduction.problem.size)))
        # Schedule's total cost minus the order-dependent part is the same for every order.
        self.constant_units = (
            Schedule(production, problem.solution(any_order)).total_cost
            - problem.cost(any_order) * COST_SCALE
        )

    def units(self, reduced_cost: int) -> int:
        return self.constant_units + (reduced_cost + self.reduction.offset) * COST_SCALE

    def offer(self, order: list[int], cost: int) -> None:
        if self.best_order and cost >= self.best_cost:
            return
        self.best_order, self.best_cost = list(order), cost
        if self.on_progress is not None:
            self.on_progress(Progress(elapsed=time.monotonic() - self.began,
                                      objective=self.units(cost), bound=self.units(self.bound)))

    def raise_bound(self, bound: int) -> None:
        self.bound = max(self.bound, min(bound, self.best_cost))

    def result(self, runtime: float) -> SequencingResult:
        order = self.reduction.expand(self.best_order)
        solution = self.problem.solution(order)
        cost_units = Schedule(self.production, solution).total_cost
        if cost_units != self.units(self.best_cost):
            logger.error("sequencing cost %s differs from the schedule's %s",
                         self.units(self.best_cost), cost_units)
        lower_bound = min(self.units(self.bound), cost_units)
        return SequencingResult(
            order=tuple(self.problem.scene_ids[s] for s in order),
            cost_units=cost_units,
            lower_bound=lower_bound,
            optimal=lower_bound == cost_units,
            runtime=runtime,
            solution=solution,
        )
