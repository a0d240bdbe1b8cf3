"""Good orders fast: a greedy start and an iterated local search over block moves.

Used for the incumbent of the exact search and, on problems too large to prove, as the search
itself.  A move takes a block out (one scene, two neighbours, or the whole run of scenes at one
location) and puts it back in the cheapest gap that keeps its ``before`` constraints; the cost
of every gap is computed exactly in one pass (prefix and suffix unions of members, prefix days),
so trying all gaps of a block is linear.  The descent works through a queue of scenes; a move
queues the scenes around its old and new place.  At a local optimum a few random moves perturb
the order and the descent starts again from the scenes they touched; every new local optimum is
accepted (a random walk over local optima, which explores better than accepting only
non-worsening ones on the large movie shoot instances), and the walk goes back to the best
order after a run of perturbations without a new best.
"""

from __future__ import annotations

import functools
import random
import threading
import time
from collections.abc import Callable

from .problem import SequencingProblem, set_bits

# Random moves of one perturbation, at most.
_KICK_MOVES = 4
# Perturbations without a new best before the walk goes back to the best order.
_RESTART_AFTER = 30

Improvement = Callable[[list[int], int], None]


def greedy_order(problem: SequencingProblem) -> list[int]:
    """Shoot next the schedulable scene that adds the least hold and visit cost now, preferring
    scenes that bring in few new members and release many."""
    n = problem.size
    member_scenes = [
        sum(1 << s for s, mask in enumerate(problem.members) if mask >> m & 1)
        for m in range(len(problem.rates))
    ]
    order: list[int] = []
    done, members_done, last = 0, 0, -1
    full = (1 << n) - 1
    while done != full:
        remaining = full ^ done
        waiting = 0
        released: dict[int, int] = {}  # scene -> rates of the members whose last scene it is
        for member, where in enumerate(member_scenes):
            left = where & remaining
            if where & done and left:
                waiting |= 1 << member
            if left and left & (left - 1) == 0:
                scene = left.bit_length() - 1
                released[scene] = released.get(scene, 0) + problem.rates[member]
        best: tuple[int, int, int] | None = None
        for scene in range(n):
            if done >> scene & 1 or problem.predecessors[scene] & ~done:
                continue
            mask = problem.members[scene]
            location = problem.locations[scene]
            held = problem.durations[scene] * problem.weight(waiting & ~mask)
            visit = problem.visit_costs[location] if location != last else 0
            newcomers = problem.weight(mask & ~members_done)
            key = (held + visit, newcomers - released.get(scene, 0), scene)
            if best is None or key < best:
                best = key
        if best is None:
            raise ValueError("the before constraints form a cycle")
        scene = best[2]
        order.append(scene)
        done |= 1 << scene
        members_done |= problem.members[scene]
        last = problem.locations[scene]
    return order


class LocalSearch:
    """Iterated local search over block moves, keeping ``before`` constraints."""

    def __init__(self, problem: SequencingProblem, seed: int = 0) -> None:
        self.problem = problem
        self.random = random.Random(seed)
        n = problem.size
        self.member_bits = [set_bits(mask) for mask in problem.members]
        self.successors = [
            sum(1 << t for t in range(n) if problem.predecessors[t] >> s & 1) for s in range(n)
        ]
        # The moves ask for the same sets of members over and over.
        self.weight: Callable[[int], int] = functools.cache(problem.weight)

    # ----- one move ---------------------------------------------------------------------------

    def gap_costs(self, order: list[int], index: int, length: int = 1
                  ) -> tuple[int, int, list[int]]:
        """Cost of putting the block ``order[index:index + length]`` back into each allowed gap
        of the order without it (the block keeps its inner order).

        Returns ``(first_gap, current_gap, costs)``: ``costs[k]`` is the cost with the block in
        gap ``first_gap + k`` (gap ``g`` is before the ``g``-th remaining scene); the block's own
        gap is ``current_gap``.  Costs are exact up to a constant, so only differences count.
        """
        problem = self.problem
        members, durations, locations = problem.members, problem.durations, problem.locations
        block = order[index:index + length]
        rest = order[:index] + order[index + length:]
        size = len(rest)
        position = {s: k for k, s in enumerate(rest)}
        block_set = set(block)
        first_gap, last_gap = 0, size
        for scene in block:
            for before in set_bits(problem.predecessors[scene]):
                if before not in block_set:
                    first_gap = max(first_gap, position[before] + 1)
            for after in set_bits(self.successors[scene]):
                if after not in block_set:
                    last_gap = min(last_gap, position[after])

        before_union = [0] * (size + 1)
        days = [0] * (size + 1)
        union, elapsed = 0, 0
        for k, other in enumerate(rest):
            before_union[k] = union
            days[k] = elapsed
            union |= members[other]
            elapsed += durations[other]
        before_union[size], days[size] = union, elapsed
        after_union = [0] * (size + 1)
        tail = 0
        for k in range(size - 1, -1, -1):
            tail |= members[rest[k]]
            after_union[k] = tail

        # Each block member: rate, first and last day inside the block, and the first start
        # and last end of their other scenes (or -1 when they have none).
        block_days = 0
        inside: dict[int, list[int]] = {}
        for scene in block:
            for member in self.member_bits[scene]:
                span = inside.setdefault(member, [block_days, 0])
                span[1] = block_days + durations[scene]
            block_days += durations[scene]
        block_members = 0
        spans = []
        for member, (first_in, last_in) in inside.items():
            bit = 1 << member
            block_members |= bit
            outside_first = outside_last = -1
            if union & bit:
                first = next(k for k in range(size) if members[rest[k]] & bit)
                last = next(k for k in range(size - 1, -1, -1) if members[rest[k]] & bit)
                outside_first, outside_last = days[first], days[last + 1]
            spans.append((problem.rates[member], first_in, last_in, outside_first,
                          outside_last))

        first_location, last_location = locations[block[0]], locations[block[-1]]
        visit = problem.visit_costs
        others = ~block_members
        weight = self.weight
        costs = []
        for gap in range(first_gap, last_gap + 1):
            here = days[gap]
            value = block_days * weight(before_union[gap] & after_union[gap] & others)
            for rate, first_in, last_in, outside_first, outside_last in spans:
                if outside_first < 0:
                    value += rate * (last_in - first_in)
                elif outside_last <= here:
                    value += rate * (here + last_in - outside_first)
                elif outside_first >= here:
                    value += rate * (outside_last + block_days - here - first_in)
                else:
                    value += rate * (outside_last + block_days - outside_first)
            left = locations[rest[gap - 1]] if gap > 0 else None
            if first_location != left:
                value += visit[first_location]
            if gap < size:
                right = locations[rest[gap]]
                value += visit[right] * ((right != last_location) - (right != left))
            costs.append(value)
        return first_gap, index, costs

    def blocks_of(self, order: list[int], index: int) -> list[tuple[int, int]]:
        """Blocks worth moving around ``order[index]``: the scene, the scene and the next, and
        the whole run of consecutive scenes at its location."""
        locations = self.problem.locations
        blocks = [(index, 1)]
        if index + 1 < len(order):
            blocks.append((index, 2))
        start = end = index
        while start > 0 and locations[order[start - 1]] == locations[order[index]]:
            start -= 1
        while end + 1 < len(order) and locations[order[end + 1]] == locations[order[index]]:
            end += 1
        if end - start + 1 > 2 and end - start + 1 < len(order):
            blocks.append((start, end - start + 1))
        return blocks

    def descend(self, order: list[int], deadline: float,
                focus: set[int] | None = None) -> tuple[list[int], int]:
        """Best-gap block moves until no block around a scene in the queue can move for less
        (or the deadline).  The queue starts with ``focus`` (every scene when ``None``); a move
        puts the moved scenes and their old and new neighbours back in it.  Returns the order
        and its cost change."""
        change = 0
        queue = list(range(self.problem.size)) if focus is None else sorted(focus)
        self.random.shuffle(queue)
        queued = set(queue)
        while queue:
            if time.monotonic() > deadline:
                break
            scene = queue.pop()
            queued.discard(scene)
            for index, length in self.blocks_of(order, order.index(scene)):
                first_gap, current, costs = self.gap_costs(order, index, length)
                best = min(range(len(costs)), key=costs.__getitem__)
                if costs[best] < costs[current - first_gap]:
                    change += costs[best] - costs[current - first_gap]
                    touched = _around(order, index, length)
                    order = _move(order, index, length, first_gap + best)
                    touched |= _around(order, first_gap + best, length)
                    for other in touched - queued:
                        queue.append(other)
                        queued.add(other)
                    break
        return order, change

    def kick(self, order: list[int]) -> tuple[list[int], int, set[int]]:
        """A few random moves that keep ``before`` constraints; the order, its cost change and
        the scenes around the moves."""
        touched: set[int] = set()
        change = 0
        for _ in range(self.random.randint(2, _KICK_MOVES)):
            index = self.random.randrange(len(order))
            first_gap, current, costs = self.gap_costs(order, index)
            gap = first_gap + self.random.randrange(len(costs))
            change += costs[gap - first_gap] - costs[current - first_gap]
            touched |= _around(order, index, 1)
            order = _move(order, index, 1, gap)
            touched |= _around(order, gap, 1)
        return order, change, touched

    def run(self, order: list[int], deadline: float, stop: threading.Event | None = None,
            on_improvement: Improvement | None = None,
            patience: int | None = None) -> tuple[list[int], int]:
        """Improve ``order`` until the deadline, the stop signal or ``patience`` perturbations
        in a row without a new best; the best order and its cost."""
        problem = self.problem
        best = list(order)
        best_cost = problem.cost(best)
        anchor, anchor_cost = best, best_cost
        start, start_cost = best, best_cost
        focus: set[int] | None = None
        idle = stale = 0
        while time.monotonic() < deadline and not (stop is not None and stop.is_set()):
            candidate, change = self.descend(start, deadline, focus)
            cost = start_cost + change
            if cost < best_cost:
                best, best_cost, idle, stale = list(candidate), cost, 0, 0
                if on_improvement is not None:
                    on_improvement(best, best_cost)
            else:
                idle += 1
                stale += 1
                if patience is not None and stale >= patience:
                    break
            anchor, anchor_cost = candidate, cost
            if idle >= _RESTART_AFTER:
                anchor, anchor_cost, idle = list(best), best_cost, 0
            if problem.size < 3:
                break
            start, change, focus = self.kick(anchor)
            start_cost = anchor_cost + change
        return best, problem.cost(best)


def _around(order: list[int], index: int, length: int) -> set[int]:
    """The scenes of a block and its two neighbours on each side."""
    return set(order[max(0, index - 2):index + length + 2])


def _move(order: list[int], index: int, length: int, gap: int) -> list[int]:
    """The order with the block ``order[index:index + length]`` moved into ``gap`` of the rest."""
    rest = order[:index] + order[index + length:]
    return rest[:gap] + order[index:index + length] + rest[gap:]
