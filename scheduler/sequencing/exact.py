"""Exact search: bounded dynamic programming over the set of scenes already shot.

Garcia de la Banda, Stuckey & Chu (2011), "Solving talent scheduling with dynamic programming",
INFORMS J. Computing 23(1).  Scenes are shot from the front; once a set ``done`` is shot, what
the rest costs depends only on ``done`` (who is on location) and, with location visits, on the
location of the last scene.  So

    cost(done, last) = min over the next scene s of  step(done, last, s) + cost(done + s, loc(s))

where ``step`` is the days of ``s`` times the rates of the on-location members not in ``s`` (held)
plus a visit of ``loc(s)`` when it differs from ``last``.  The recursion is memoised and bounded:
``search(state, budget)`` returns the exact cost when it is below ``budget`` and otherwise a
lower bound of at least ``budget``; both are remembered, children are tried cheapest bound first
and cut as soon as their bound reaches the budget (``bounds.Bounds``).

One dominance rule of the paper is used: when a schedulable scene's members are exactly the
members on location (and, with location visits, it is at the current location), shooting it next
is optimal: moving it to the front delays no start, ends no span later and adds no visit.
Precedences restrict the next scene to those whose predecessors are done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .bounds import Bounds
from .problem import SequencingProblem

# How many states the search expands between two looks at the clock and the stop signal.
_CLOCK_EVERY = 512

NO_LOCATION = -1  # "last location" before the first scene
# Levels below the root whose bounds an unfinished search combines into its lower bound.
_SETTLED_DEPTH = 2


class _OutOfTime(Exception):
    pass


@dataclass(frozen=True)
class ExactOutcome:
    """What the exact search proved.

    ``order`` is an optimal order when ``optimal`` and the search found one cheaper than the
    incumbent; ``None`` when the incumbent is proven optimal or the time ran out.  ``bound`` is a
    lower bound on the order-dependent cost beyond the constant ``problem.fixed_cost``.
    """

    optimal: bool
    order: list[int] | None
    value: int | None
    bound: int
    states: int


class ExactSearch:
    """Bounded, memoised dynamic program over (done scenes, last location)."""

    def __init__(self, problem: SequencingProblem, deadline: float,
                 stop: threading.Event | None = None) -> None:
        self.problem = problem
        self.bounds = Bounds(problem)
        self.full = self.bounds.full
        self.deadline = deadline
        self.stop = stop
        self.with_visits = problem.has_visit_costs
        # Without visit costs the last location does not matter: one location for all.
        self.locations = list(problem.locations) if self.with_visits else [0] * problem.size
        self.location_span = max(self.locations, default=0) + 2
        self.exact: dict[int, int] = {}
        self.lower: dict[int, int] = {}
        self.choice: dict[int, int] = {}
        self.expanded = 0
        self.dominators = _dominators(problem)

    def run(self, incumbent: int) -> ExactOutcome:
        """Prove ``incumbent`` (the cost beyond the constant of a known order) optimal or find a
        cheaper order; on timeout, report the root bound."""
        if self.bounds.bound(0, NO_LOCATION) >= incumbent:
            return ExactOutcome(True, None, None, incumbent, 0)
        try:
            value = self._search(0, 0, NO_LOCATION, incumbent)
        except _OutOfTime:
            proven = self._settled_bound(0, 0, NO_LOCATION, _SETTLED_DEPTH)
            return ExactOutcome(False, None, None, min(proven, incumbent), self.expanded)
        if value < incumbent:
            return ExactOutcome(True, self._order(), value, value, self.expanded)
        return ExactOutcome(True, None, None, incumbent, self.expanded)

    def _key(self, done: int, last: int) -> int:
        return done * self.location_span + last + 1

    def _tick(self) -> None:
        self.expanded += 1
        if self.expanded % _CLOCK_EVERY:
            return
        if time.monotonic() > self.deadline or (self.stop is not None and self.stop.is_set()):
            raise _OutOfTime

    def _search(self, done: int, members_done: int, last: int, budget: int) -> int:
        if done == self.full:
            return 0
        key = self._key(done, last)
        known = self.exact.get(key)
        if known is not None:
            return known
        bound = self.lower.get(key)
        if bound is None:
            bound = self.bounds.bound(done, last)
        if bound >= budget:
            return bound
        self._tick()

        problem, bounds, locations = self.problem, self.bounds, self.locations
        remaining = self.full ^ done
        waiting = members_done & bounds.members_of(remaining)
        children = []
        for scene in self._candidates(done, members_done, remaining, waiting, last):
            location = locations[scene]
            step = self._step(scene, waiting, last)
            child = done | 1 << scene
            child_key = self._key(child, location)
            child_bound = self.exact.get(child_key)
            if child_bound is None:
                child_bound = max(self.lower.get(child_key, 0), bounds.bound(child, location))
            children.append((step + child_bound, step, scene))
        children.sort()

        best, best_scene, failed = budget, -1, None
        for child_bound, step, scene in children:
            if child_bound >= best:
                failed = child_bound if failed is None else min(failed, child_bound)
                break
            value = step + self._search(done | 1 << scene,
                                        members_done | problem.members[scene],
                                        locations[scene], best - step)
            if value < best:
                best, best_scene = value, scene
            else:
                failed = value if failed is None else min(failed, value)
        if best_scene >= 0:
            self.exact[key] = best
            self.choice[key] = best_scene
            return best
        proven = max(bound, failed if failed is not None else budget)
        self.lower[key] = proven
        return proven

    def _settled_bound(self, done: int, members_done: int, last: int, depth: int) -> int:
        """A lower bound from what an unfinished search has learnt: the best of the state's
        own bound and, ``depth`` levels down, the cheapest child's step plus its bound."""
        if done == self.full:
            return 0
        key = self._key(done, last)
        known = self.exact.get(key)
        if known is not None:
            return known
        bound = max(self.lower.get(key, 0), self.bounds.bound(done, last))
        if depth == 0:
            return bound
        problem = self.problem
        remaining = self.full ^ done
        waiting = members_done & self.bounds.members_of(remaining)
        cheapest = None
        for scene in self._candidates(done, members_done, remaining, waiting, last):
            location = self.locations[scene]
            step = self._step(scene, waiting, last)
            value = step + self._settled_bound(done | 1 << scene,
                                               members_done | problem.members[scene],
                                               location, depth - 1)
            cheapest = value if cheapest is None else min(cheapest, value)
        return bound if cheapest is None else max(bound, cheapest)

    def _step(self, scene: int, waiting: int, last: int) -> int:
        """What shooting ``scene`` next costs: the days it holds the ``waiting`` members who are
        not in it, and a visit when it moves away from location ``last``."""
        problem, location = self.problem, self.locations[scene]
        step = problem.durations[scene] * self.bounds.weight(waiting & ~problem.members[scene])
        if location != last:
            step += problem.visit_costs[location]
        return step

    def _candidates(self, done: int, members_done: int, remaining: int, waiting: int,
                    last: int) -> list[int]:
        """Schedulable scenes not dominated by another; just one when shooting it next is
        optimal."""
        problem = self.problem
        ready = []
        rest = remaining
        while rest:
            low = rest & -rest
            rest ^= low
            scene = low.bit_length() - 1
            if problem.predecessors[scene] & ~done:
                continue
            members = problem.members[scene]
            if members == waiting and (not self.with_visits or self.locations[scene] == last):
                return [scene]
            present = members_done | members
            if any(remaining >> other & 1 and not problem.members[other] & ~present
                   for other in self.dominators[scene]):
                continue
            ready.append(scene)
        return ready

    def _order(self) -> list[int]:
        order: list[int] = []
        done, last = 0, NO_LOCATION
        while done != self.full:
            scene = self.choice[self._key(done, last)]
            order.append(scene)
            done |= 1 << scene
            last = self.locations[scene]
        return order


def _dominators(problem: SequencingProblem) -> list[list[int]]:
    """For each scene s, the scenes t that must come first once t brings no member beyond those
    already shot and those of s (``members[t] <= done | members[s]``), given
    ``members[s] <= members[t]``.

    Exchange argument: take an optimal order with s before t and move either t to just before s
    or s to just after t.  Members of t lose nothing either way.  Of the others, those held
    during s but not during t (on location and finished between s and t) gain t's days in the
    first move and lose s's days in the second; those held during t but not s (arriving between
    s and t, staying after t) do the opposite; so one of the two moves costs nothing extra
    (Garcia de la Banda, Stuckey & Chu 2011 prune with this subsumption, and so does Kuroiwa &
    Beck's DIDP model).  The moves may add location visits and break ``before`` constraints, so
    the rule is used only without visit costs and between scenes free of ``before``; equal
    member sets are ordered by scene number so that two scenes never exclude each other.
    """
    if problem.has_visit_costs:
        return [[] for _ in range(problem.size)]
    bound = 0
    for scene, before in enumerate(problem.predecessors):
        if before:
            bound |= before | 1 << scene
    dominators: list[list[int]] = []
    for scene, members in enumerate(problem.members):
        found = []
        for other, wider in enumerate(problem.members):
            if other == scene or (bound >> scene | bound >> other) & 1:
                continue
            if members & ~wider == 0 and (members != wider or other < scene):
                found.append(other)
        dominators.append(found)
    return dominators


def exact_search(problem: SequencingProblem, incumbent: int, deadline: float,
                 stop: threading.Event | None = None,
                 log: Callable[[str], None] | None = None) -> ExactOutcome:
    """Run the exact search on ``problem`` against an incumbent cost (see ``ExactSearch.run``)."""
    outcome = ExactSearch(problem, deadline, stop).run(incumbent)
    if log is not None:
        log(f"exact search: {outcome.states} states expanded, optimal={outcome.optimal}")
    return outcome
