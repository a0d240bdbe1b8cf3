"""The re-plan's warm start: the current plan with the scenes it can no longer keep re-placed
cheaply, before the search.

A disruption breaks a few scenes of the current plan (a day lost, a start no longer allowed, a
day now too long, new scenes and parts); the rest of the plan still holds.  So, as a 1st AD
moves strips on the board rather than build a new one:

1. every block of scenes (a scene, a ``same_day`` group, a ``consecutive`` chain) that keeps
   its current days goes back on a board (``board.PartialBoard``) as it is; a day that now
   breaks a day rule, or a block that now breaks a ``before`` or ``different_day``, gives its
   movable blocks back to be placed again;
2. each of those blocks, the most constrained first, goes on the start day that keeps every
   rule with the others fixed (``PartialBoard.fits``: the scenes' own days, ``day_rules``,
   the night turnaround, ``before``, ``different_day``) and costs least by ``Schedule`` (the
   change cost included, so a block goes back on its own day when it still fits there); a
   block that fits nowhere gets room made by moving one or two blocks in its way to their
   nearest other days (or making room in turn, two levels deep), as a 1st AD swaps strips;
3. what fits nowhere even so is repaired: on small productions by the whole model, the
   fewest moves first (``least_change``), else, or when that finds nothing in its time, by
   the neighbourhood search around it (``NeighbourhoodSearch.repair``); on 220 scenes the
   whole model takes seconds before its first schedule, the insertion a fraction of one.

The outcome is checked by ``validate`` (the rules the board does not count, e.g. the budget):
the plan it returns is valid, or it is the guide (the current plan with the stuck scenes on
their first allowed day), which the search then uses only as a hint.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from itertools import combinations

from ..board import Block, BoardState, PartialBoard, SortKey, StaticRules, build_blocks
from ..config import SolverConfig
from ..data import Production
from ..model import ShootingModel
from ..search import NeighbourhoodSearch
from ..solution import Schedule, Solution
from ..validate import validate
from .prepare import PreparedReplan

logger = logging.getLogger("scheduler")

# Start days of a block whose exact cost (a whole ``Schedule``, a few milliseconds at 220
# scenes) is computed; the others are ranked out by a cheap estimate first.
EXACTLY_COSTED_STARTS = 8
# The whole model's warm start prices each move at this many crew days (or change costs,
# when dearer), so that it moves the fewest scenes first (a lexicographic order in one
# objective: no saving of a single move comes near it).
MOVES_FIRST_FACTOR = 50
# A block that fits nowhere gets room made on its ROOM_STARTS nearest start days by chains of
# moves ROOM_DEPTH levels deep (the blocks in its way moved, or making room in turn); the
# cheapest of the first ROOM_OPTIONS chains that work is kept.  The chains' effort is bounded
# by placements tried (ROOM_CHECKS_PER_SCENE a scene of the production, for all the blocks),
# never by a clock, so that the same re-plan always gives the same warm start.
ROOM_STARTS = 24
ROOM_DEPTH = 2
ROOM_OPTIONS = 4
ROOM_CHECKS_PER_SCENE = 300
# Below this many (scene, start day) pairs the whole model repairs what the insertion left,
# before the neighbourhood repair: measured, it finds a schedule with few moves in a fraction
# of a second on the 90-scene examples (1,300-2,400 pairs) and only after seconds on a
# 220-scene feature (10,600 pairs), where the neighbourhood repair is the fast one.
WHOLE_MODEL_START_LITERALS = 3000


class WarmStartKind(Enum):
    """How the warm start was found."""

    KEPT = "the current plan keeps every rule"
    INSERTED = "stuck scenes inserted on the best day that keeps every rule"
    REPAIRED = "stuck scenes inserted, the rest repaired by the neighbourhood search"
    WHOLE_MODEL = "repaired by the whole model, the fewest moves first"
    GUIDE = "no valid warm start: the current plan is a guide only"


@dataclass(frozen=True)
class WarmStart:
    """The re-plan's warm start.

    Attributes
    ----------
    solution
        The plan to start the search from (valid unless ``kind`` is ``GUIDE``).
    kind
        How it was found.
    stuck
        The scenes the current plan could no longer keep where they were.
    """

    solution: Solution
    kind: WarmStartKind
    stuck: tuple[str, ...] = ()

    @property
    def is_valid(self) -> bool:
        return self.kind is not WarmStartKind.GUIDE


def warm_start(prepared: PreparedReplan, current: Mapping[str, date], config: SolverConfig,
               time_limit: float, stop: threading.Event | None = None) -> WarmStart:
    """The current plan with the scenes it can no longer keep re-placed (see the module).

    Parameters
    ----------
    prepared
        The re-plan's production.
    current
        The current schedule: scene id -> first shoot date.
    config
        The search settings (seed, determinism).
    time_limit
        Seconds (deterministic seconds in deterministic mode) the solver-based repairs may take
        in all; the insertion itself is not timed (a few placements per start day).
    stop
        Set it to stop a repair.
    """
    production = prepared.production
    rules = StaticRules(production)
    guide, stuck = _guide(production, current, rules)
    if not stuck and not validate(production, Solution(start_day=guide)):
        return WarmStart(Solution(start_day=guide), WarmStartKind.KEPT)
    board = _Insertion(rules, guide)
    left = board.insert_all(stuck)
    stuck_ids = tuple(sorted(stuck | board.taken_off))
    draft = Solution(start_day={**guide, **board.start_day})
    if not left and not validate(production, draft):
        logger.info("re-plan: warm start: %d scene(s) re-placed by insertion", len(stuck_ids))
        return WarmStart(draft, WarmStartKind.INSERTED, stuck_ids)
    return _repaired(production, draft, stuck_ids, left, config, time_limit, stop)


def _guide(production: Production, current: Mapping[str, date],
           rules: StaticRules) -> tuple[dict[str, int], set[str]]:
    """Each scene on the shoot day of its current date, and the scenes that cannot stay there
    (no current date, a date that is no longer a shoot day, a start no longer allowed), which
    go on their first allowed day in the guide."""
    calendar = production.calendar
    guide: dict[str, int] = {}
    stuck: set[str] = set()
    for scene in production.scenes:
        when = current.get(scene.id)
        day = calendar.day_of(when) if when is not None else None
        allowed = rules.allowed_starts[scene.id]
        if day is None or day not in allowed:
            stuck.add(scene.id)
            day = min(allowed) if allowed else 1
        guide[scene.id] = day
    return guide, stuck


def _repaired(production: Production, draft: Solution, stuck: tuple[str, ...],
              left: list[str], config: SolverConfig, time_limit: float,
              stop: threading.Event | None) -> WarmStart:
    """The draft repaired around what the insertion could not place (or, when the draft
    breaks a rule the board does not count, around the scenes that break it): on a small
    production by the whole model, the fewest moves first (fast there), then by the
    neighbourhood search around them (any valid schedule near the draft:
    the search that follows takes moves back at their price)."""
    focus = left or sorted({scene_id for violation in validate(production, draft)
                            for scene_id in violation.scenes} & set(stuck)) or list(stuck)
    share = time_limit
    if _is_small(production):
        share = time_limit / 2
        whole = least_change(production, draft, config, max(0.05, share), stop)
        if whole is not None:
            logger.info("re-plan: warm start: %d placed by insertion, the whole model "
                        "re-placed %d with the fewest moves", len(stuck) - len(left), len(focus))
            return WarmStart(whole, WarmStartKind.WHOLE_MODEL, stuck)
    search = NeighbourhoodSearch(production, config, stop=stop)
    repaired = (search.repair(draft, focus, max(0.05, share))
                if focus and not _stopped(stop) else None)
    if repaired is not None:
        logger.info("re-plan: warm start: %d placed by insertion, %d repaired around",
                    len(stuck) - len(left), len(focus))
        return WarmStart(repaired, WarmStartKind.REPAIRED, stuck)
    logger.info("re-plan: warm start not repaired around %d scene(s)", len(stuck))
    return WarmStart(draft, WarmStartKind.GUIDE, stuck)


def least_change(production: Production, guide: Solution, config: SolverConfig,
                 time_limit: float, stop: threading.Event | None = None) -> Solution | None:
    """The whole model, each move priced first (``_moves_first``), hinted with ``guide``:
    CP-SAT repairs a hint that breaks a few rules with few moves (where a neighbourhood around
    the broken scenes may hold no schedule at all, or one that moves every scene in it); the
    schedule when it is valid."""
    model = ShootingModel(_moves_first(production))
    model.hint(guide)
    outcome = model.solve(config.model_copy(update={"time_limit": time_limit}), stop=stop)
    if outcome.solution is None or validate(production, outcome.solution):
        return None
    return outcome.solution


def _moves_first(production: Production) -> Production:
    """``production`` with each move priced above what any one move could save
    (``MOVES_FIRST_FACTOR`` crew days), so that the model looks for the fewest moves first:
    the warm start is the least change, and the search after it makes the moves that pay
    their real price (``change_cost``).  Only the objective differs: validity is checked on
    ``production`` itself.  A production with a budget keeps its price (the model's budget
    rule counts the changes too)."""
    settings = production.settings
    if settings.budget is not None:
        return production
    price = MOVES_FIRST_FACTOR * max(settings.scene_move_cost, settings.crew_day_cost, 1)
    return production.model_copy(update={"settings": settings.model_copy(
        update={"change_cost": price})})


def _is_small(production: Production) -> bool:
    starts = sum(len(production.allowed_start_days(scene)) for scene in production.scenes)
    return starts < WHOLE_MODEL_START_LITERALS


def _stopped(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


class _Insertion(PartialBoard):
    """The current plan on a board, and the blocks it can no longer keep inserted one by one."""

    def __init__(self, rules: StaticRules, guide: dict[str, int]) -> None:
        super().__init__(rules)
        production = self.production
        position: dict[str, SortKey] = {scene.id: (index,)
                                        for index, scene in enumerate(production.scenes)}
        self.blocks = build_blocks(production, position, rules.allowed_starts) or []
        self.guide = guide
        self.hard_cap = self.settings.max_day_minutes
        self.taken_off: set[str] = set()  # scenes the disruption did not move, moved anyway
        self.room_checks = ROOM_CHECKS_PER_SCENE * len(production.scenes)

    def insert_all(self, stuck: set[str]) -> list[str]:
        """Put the blocks that keep their days back, then insert the others; the scenes of the
        blocks that found no day (left off the board)."""
        waiting = []
        for block in self.blocks:
            if self._keeps_its_days(block, stuck):
                self.place(block, self._current_start(block))
            else:
                waiting.append(block)
        waiting += self._take_off_what_breaks()
        waiting.sort(key=lambda block: (len(block.starts), block.sort_key))
        left: list[str] = []
        for block in waiting:
            start = self._best_start(block)
            if start is not None:
                self.place(block, start)
            elif not self._make_room(block):
                left += block.scene_ids
        return left

    def _current_start(self, block: Block) -> int:
        scene, offset = block.members[0]
        return self.guide[scene.id] - offset

    def _keeps_its_days(self, block: Block, stuck: set[str]) -> bool:
        """No scene of the block is stuck, and its scenes are still at the block's offsets on
        a start the block's own rules allow (a new ``same_day`` link may break that)."""
        if any(scene.id in stuck for scene, _ in block.members):
            return False
        start = self._current_start(block)
        return start in block.starts and all(self.guide[scene.id] == start + offset
                                              for scene, offset in block.members)

    def _take_off_what_breaks(self) -> list[Block]:
        """The movable blocks of each day that now breaks a day rule, and the movable blocks
        that now break a ``before``, ``different_day`` or the night turnaround, taken off."""
        taken: list[Block] = []
        for day in self.calendar.days:
            if self.day_rules.holds(self.loads[day], self.hard_cap,
                                    alone_strip=len(self.blocks_on(day)) == 1):
                continue
            taken += self._take_off(day)
        for day in self.calendar.days[:-1]:
            if not self.day_rules.turnaround_holds(day, self.loads[day], self.loads[day + 1]):
                taken += self._take_off(day + 1) or self._take_off(day)
        for block, start in sorted(self.state.placed.values(), key=lambda item: item[0].name):
            if block.name not in self.state.placed or block.is_fixed:
                continue
            if not (self.before_holds(block, start) and self.different_day_holds(block, start)):
                self._remove(block)
                taken.append(block)
        return taken

    def _take_off(self, day: int) -> list[Block]:
        movable = [block for block, _ in self.blocks_on(day) if not block.is_fixed]
        for block in movable:
            self._remove(block)
        return movable

    def _remove(self, block: Block) -> None:
        self.remove(block)
        self.taken_off.update(block.scene_ids)

    def _best_start(self, block: Block) -> int | None:
        """The start day that keeps every rule and costs least, change cost included (the
        cheapest by estimate costed exactly)."""
        fitting = [start for start in sorted(block.starts)
                   if self.fits(block, start, self.hard_cap)]
        if not fitting:
            return None
        fitting.sort(key=lambda start: self._estimate(block, start))
        return min(fitting[:EXACTLY_COSTED_STARTS],
                   key=lambda start: (self._cost_with(block, start), start))

    def _make_room(self, block: Block) -> bool:
        """Put ``block`` on one of its nearest start days by moving the blocks in its way
        (one or two) to other days, each to the nearest day that takes it or
        (``ROOM_DEPTH``) making room in turn, as a 1st AD swaps strips: the cheapest (by
        ``Schedule``) of the first ``ROOM_OPTIONS`` chains that work, within ``room_checks``
        placements tried."""
        before = dict(self.start_day)
        saved = self.state.copy()
        options: list[tuple[int, BoardState]] = []
        for start in self._nearest_starts(block):
            for evicted in self._trials(block, start):
                if self.checks >= self.room_checks or len(options) >= ROOM_OPTIONS:
                    break
                self.state = saved.copy()
                if self._evict_and_put(block, start, evicted, ROOM_DEPTH):
                    options.append((self._cost_with(), self.state.copy()))
        self.state = saved
        if not options:
            return False
        self.state = min(options, key=lambda option: option[0])[1]
        self.taken_off.update(scene_id for scene_id, day in self.start_day.items()
                              if scene_id in before and before[scene_id] != day)
        return True

    def _room_for(self, block: Block, depth: int) -> bool:
        """The first chain that puts ``block`` (taken off the board) back on one of its
        nearest start days; the board holds it, or is as it was when there is none."""
        saved = self.state.copy()
        for start in self._nearest_starts(block):
            for evicted in self._trials(block, start):
                if self.checks >= self.room_checks:
                    break
                if self._evict_and_put(block, start, evicted, depth):
                    return True
                self.state = saved.copy()
        self.state = saved
        return False

    def _evict_and_put(self, block: Block, start: int, evicted: list[Block],
                       depth: int) -> bool:
        """Take ``evicted`` off, put ``block`` on ``start`` and each evicted block on the
        nearest day that takes it (or room made for it, ``depth`` allowing); on failure the
        board is left half done (the caller restores it)."""
        for other in evicted:
            self.remove(other)
        if not self.fits(block, start, self.hard_cap):
            return False
        self.place(block, start)
        return all(self._first_fit(other) or (depth > 1 and self._room_for(other, depth - 1))
                   for other in evicted)

    def _nearest_starts(self, block: Block) -> list[int]:
        return sorted(block.starts,
                      key=lambda start: self._estimate(block, start))[:ROOM_STARTS]

    def _trials(self, block: Block, start: int) -> list[list[Block]]:
        """The blocks to move out of the way of ``block`` at ``start``: each block on its days
        or the days either side (the night turnaround) alone, then each pair on its days (a
        chain moves a few blocks, not a day's worth)."""
        days = set(block.parts_by_day(start))
        around = {day + step for day in days for step in (-1, 1)} - days
        own = self._movable_on(days, block)
        near = [other for other in self._movable_on(around, block) if other not in own]
        return [[other] for other in own + near] + [list(pair) for pair in combinations(own, 2)]

    def _movable_on(self, days: set[int], block: Block) -> list[Block]:
        """The movable blocks on ``days`` other than ``block``, fewest scenes first."""
        others = {other.name: other for day in sorted(days) for other, _ in self.blocks_on(day)
                  if not other.is_fixed and other.name != block.name}
        return sorted(others.values(), key=lambda other: (len(other.members), other.name))

    def _first_fit(self, block: Block) -> bool:
        """Put ``block`` on the start day nearest its own that keeps every rule (no cost
        computed: this is a link of a chain), if there is one."""
        for start in sorted(block.starts, key=lambda start: self._estimate(block, start)):
            if self.fits(block, start, self.hard_cap):
                self.place(block, start)
                return True
        return False

    def _estimate(self, block: Block, start: int) -> tuple[int, int]:
        """Scenes moved off their current day, then the distance from it."""
        moved = sum(self.guide[scene.id] != start + offset for scene, offset in block.members)
        return moved, abs(start - self._current_start(block))

    def _cost_with(self, block: Block | None = None, start: int = 0) -> int:
        """The cost of the board, with ``block`` at ``start`` when given (the blocks still to
        insert left out), the change cost included."""
        days = dict(self.start_day)
        if block is not None:
            days.update({scene.id: start + offset for scene, offset in block.members})
        return Schedule(self.production, Solution(start_day=days)).total_cost
