"""Lower bounds on what the unscheduled scenes still cost, for the exact search.

The state is the set ``done`` of scenes already shot (from the front) and the location of the
last of them.  What remains to pay beyond every scene's own members (a constant) is

* the hold days of the members *on location*: shot in a done scene and needed in a remaining one;
  they stay until their last remaining scene.  The bound of Garcia de la Banda, Stuckey & Chu
  (2011) relaxes this to one machine: each remaining scene's days are shared among its
  on-location members in proportion to their rates, each member is a job whose weight is their
  rate, and Smith's rule (shortest processing time per weight first) gives the least weighted
  completion time; the paid work days are then taken off.  It is exact when one scene remains.
* a visit of every location, other than the current one, that still has scenes.

Members not yet on location may also be held later; the bound does not count them, so it stays
a bound.  Precedences are ignored (a relaxation).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

from .problem import SequencingProblem, set_bits

# Float slack of the Smith-rule arithmetic before rounding the bound up to a whole amount.
_ROUNDING_SLACK = 1e-7


class Bounds:
    """Lower bounds of a (reduced) sequencing problem, memoised by the set of done scenes."""

    def __init__(self, problem: SequencingProblem) -> None:
        self.problem = problem
        self.full = (1 << problem.size) - 1
        self.member_bits = [set_bits(mask) for mask in problem.members]
        members = len(problem.rates)
        self.member_scenes = [
            sum(1 << s for s, mask in enumerate(problem.members) if mask >> member & 1)
            for member in range(members)
        ]
        self.location_scenes: list[tuple[int, int, int]] = []  # (location, scenes, visit cost)
        for location in sorted(set(problem.locations)):
            cost = problem.visit_costs[location]
            if cost:
                scenes = sum(1 << s for s, loc in enumerate(problem.locations)
                             if loc == location)
                self.location_scenes.append((location, scenes, cost))
        # The searches ask for the same sets of members over and over.
        self.weight: Callable[[int], int] = functools.cache(problem.weight)
        self._shares: dict[int, tuple[int, float, list[int]]] = {}
        self._hold: dict[int, int] = {}
        self._pending: dict[int, dict[int, int]] = {}

    def members_of(self, scenes: int) -> int:
        """Bitmask of the members of any scene in ``scenes``."""
        mask = 0
        for member, where in enumerate(self.member_scenes):
            if where & scenes:
                mask |= 1 << member
        return mask

    def on_location(self, done: int) -> int:
        """Members shot in a done scene and needed in a remaining one."""
        remaining = self.full ^ done
        mask = 0
        for member, where in enumerate(self.member_scenes):
            if where & done and where & remaining:
                mask |= 1 << member
        return mask

    def hold(self, done: int) -> int:
        """Lower bound on the hold cost still to come once ``done`` is shot (cached)."""
        value = self._hold.get(done)
        if value is None:
            value = self._smith_bound(done)
            self._hold[done] = value
        return value

    def _smith_bound(self, done: int) -> int:
        waiting = self.on_location(done)
        if not waiting:
            return 0
        durations, members = self.problem.durations, self.problem.members
        ratio = [0.0] * len(self.member_scenes)
        worked = 0.0
        touched = 0
        for member in set_bits(waiting):
            touched |= self.member_scenes[member]
        touched &= self.full ^ done
        while touched:
            low = touched & -touched
            scene = low.bit_length() - 1
            touched ^= low
            total, spread, shared_bits = self._share(members[scene] & waiting)
            days = durations[scene]
            share = days / total
            for member in shared_bits:
                ratio[member] += share
            worked += days * spread
        rates = self.problem.rates
        elapsed, weighted = 0.0, 0.0
        for member in sorted(set_bits(waiting), key=ratio.__getitem__):
            elapsed += ratio[member] * rates[member]
            weighted += rates[member] * elapsed
        return max(0, math.ceil(weighted - worked - _ROUNDING_SLACK))

    def _share(self, shared: int) -> tuple[int, float, list[int]]:
        """Total rate of ``shared``, the per-day correction ``(total + sum of squares / total)
        / 2`` of the one-machine relaxation, and the members (cached by mask)."""
        info = self._shares.get(shared)
        if info is None:
            total = self.weight(shared)
            squares = sum(self.problem.rates[m] ** 2 for m in set_bits(shared))
            info = (total, (total + squares / total) / 2, set_bits(shared))
            self._shares[shared] = info
        return info

    def visits(self, done: int, last_location: int) -> int:
        """Lower bound on the location visits still to come: one per location other than the
        current one that still has scenes."""
        if not self.location_scenes:
            return 0
        pending = self._pending.get(done)
        if pending is None:
            remaining = self.full ^ done
            pending = {location: cost for location, scenes, cost in self.location_scenes
                       if scenes & remaining}
            self._pending[done] = pending
        return sum(pending.values()) - pending.get(last_location, 0)

    def bound(self, done: int, last_location: int) -> int:
        """Lower bound on the order-dependent cost still to come (hold days and visits)."""
        return self.hold(done) + self.visits(done, last_location)
