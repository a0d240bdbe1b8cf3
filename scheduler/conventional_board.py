"""The conventional board: how a 1st AD builds a stripboard by hand, as a greedy dealer.

Incumbent tools (Movie Magic Scheduling, StudioBinder, ...) sort the strips by several keys and
insert day breaks automatically by page count or shooting time.  ``conventional_board`` does the
same, honestly: strips sorted by zone, location, time of day (day before night) and cast board
ids, zones and locations taken in the order their availability opens, and dealt into shoot days
in that order, with a new day started whenever the next strip would run the open day past
``standard_day_minutes`` (company moves included, as ``Schedule`` counts them) or break a rule
about what one day may hold (locations, zones, split days, dawn/dusk light, minors' hours, night
turnaround).

A board that breaks a hard rule is no use as the solver's warm start or fallback, so the dealer
also fixes by hand what a 1st AD would fix:

- pinned strips, and strips that windows and availability leave one possible day, go down first;
- ``same_day`` groups and ``consecutive`` chains travel as one block; ``before`` predecessors are
  dealt first, and every ``before`` and ``different_day`` is checked against what is on the board;
- a strip the flow cannot take (its own windows, cast or location availability, ...) goes on the
  first day that takes it, from the open day on, then before it, with overtime up to
  ``max_day_minutes`` only as a last resort;
- when no day takes a strip, the strips of one location and light are moved off a day to make
  room; when that fails too, the dealer starts over with the stuck strip moved up the board.

When the sorted board still does not fit the calendar, the board is *squeezed*: blocks are dealt
by deadline (the last day each may start) onto the first day that takes them, days already at
their location first, as a 1st AD packs a board that runs long.  The result is either valid
(budget included) or ``None``; the effort is bounded by a count of placements tried, never by a
clock, so that the same production always gives the same board.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable

from .board import (
    Block,
    PartialBoard,
    SortKey,
    StaticRules,
    block_deadlines,
    build_blocks,
    placement_order,
)
from .data import DayNight, Production, Scene
from .solution import COST_SCALE, Schedule, Solution

logger = logging.getLogger("scheduler")

# Chronological order of the light within a location block: day strips before night strips.
TIME_OF_DAY_ORDER = {DayNight.DAWN: 0, DayNight.DAY: 1, DayNight.DUSK: 2, DayNight.NIGHT: 3}

# When the sorted deal gets stuck, the dealer starts over with the stuck strip put down first, as
# a 1st AD moves a problem strip up the board; this many times at most.
MAX_REDEALS = 10

# A strip that finds no day gets room made for it on at most this many of its candidate days.
ROOM_MAKING_DAYS = 20

# Redeals stop once the dealer has tried this many placements per block in all, or the floor
# for small boards (a count, not a clock, so that the board does not depend on the machine):
# 480 scenes stay around a second.
CHECKS_PER_BLOCK = 100
MIN_CHECKS = 20_000


def conventional_board(production: Production) -> Solution | None:
    """The sorted, auto-day-broken board of ``production``, repaired to break no hard rule.

    Parameters
    ----------
    production
        A checked production.

    Returns
    -------
    Solution | None
        A valid schedule, or ``None`` when the greedy dealer cannot place every scene without
        breaking a rule (which does not prove that no valid schedule exists).
    """
    if _minors_at_night(production):
        logger.info("conventional board: a minor is cast in a NIGHT scene")
        return None
    rules = StaticRules(production)
    blocks = build_blocks(production, strip_sort_keys(production, rules.allowed_starts),
                          rules.allowed_starts)
    if blocks is None:
        logger.info("conventional board: same_day/consecutive constraints contradict each other")
        return None
    sorted_order = placement_order(production, blocks, _sort_priority)
    if sorted_order is None:
        logger.info("conventional board: the before constraints form a cycle")
        return None
    start_day = _deal_with_redeals(rules, sorted_order, packed=False)
    if start_day is not None:
        logger.info("conventional board: the sorted board fits the calendar")
    else:
        logger.info("conventional board: the sorted board does not fit the calendar; squeezing")
        squeezed_order = placement_order(production, blocks,
                                         _deadline_priority(production, blocks))
        if squeezed_order is not None:  # always: the same before graph has no cycle
            start_day = _deal_with_redeals(rules, squeezed_order, packed=True)
    if start_day is None:
        return None
    solution = Solution(start_day=start_day)
    if not _within_budget(production, solution):
        logger.info("conventional board: valid, but above the budget")
        return None
    return solution


def _deal_with_redeals(rules: StaticRules, order: list[Block],
                      packed: bool) -> dict[str, int] | None:
    """Deal ``order``; when a block gets stuck, deal again with it put down first.

    ``packed`` deals each block on the first day that takes it instead of following the sorted
    board's day breaks: what a 1st AD does when the board runs past the calendar.

    Returns the start day of every scene, or ``None`` after ``MAX_REDEALS`` failed redeals or
    once the placements tried pass ``CHECKS_PER_BLOCK`` per block (``MIN_CHECKS`` at least).
    """
    moved_up: list[Block] = []
    checks = 0
    for _ in range(MAX_REDEALS + 1):
        board = _Dealer(rules, packed)
        stuck = board.deal_all(_with_moved_up(order, moved_up))
        checks += board.checks
        if stuck is None:
            return board.start_day
        logger.debug("conventional board: scene(s) %s found no day; dealt again with them first",
                     ", ".join(stuck.scene_ids))
        moved_up = [stuck, *(block for block in moved_up if block.name != stuck.name)]
        if checks > max(CHECKS_PER_BLOCK * len(order), MIN_CHECKS):
            break
    logger.info("conventional board: no valid day for scene(s) %s",
                ", ".join(moved_up[0].scene_ids))
    return None


def _sort_priority(block: Block) -> SortKey:
    """The board's own order: the sort key of the block's first-sorting strip."""
    return block.sort_key


def _with_moved_up(order: list[Block], moved_up: list[Block]) -> list[Block]:
    """The dealing order with the strips that got stuck before put down right after the fixed
    ones, the latest to get stuck first."""
    if not moved_up:
        return order
    names = {block.name for block in moved_up}
    fixed = [block for block in order if block.is_fixed and block.name not in names]
    rest = [block for block in order if not block.is_fixed and block.name not in names]
    return fixed + moved_up + rest


def _minors_at_night(production: Production) -> bool:
    """A minor in a NIGHT scene: no board can keep that rule (``check()`` refuses it too)."""
    return any(
        scene.is_night and member.minor
        for scene in production.scenes
        for cast_id in scene.cast
        if (member := production.cast_by_id.get(cast_id)) is not None
    )


def _within_budget(production: Production, solution: Solution) -> bool:
    budget = production.settings.budget
    return budget is None or Schedule(production, solution).total_cost <= budget * COST_SCALE


# ----- sorting ---------------------------------------------------------------------------------


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that orders ``2`` before ``10`` and ``12`` before ``12A``, as boards do."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.lower())
        for part in re.findall(r"\d+|\D+", text)
    )


def strip_sort_keys(production: Production,
                    allowed_starts: dict[str, frozenset[int]]) -> dict[str, SortKey]:
    """The incumbents' multi-key sort: zone, location, day before night, cast board ids.

    Zones and locations are taken in the order they open, as a 1st AD lays out the location
    blocks around the availability windows: a location's opening day is the median first
    possible day of its scenes, a zone's is the earliest opening of its locations.  Names break
    ties (so with no windows the board sorts by name), and breakdown order breaks the rest so
    that the board is deterministic.
    """
    opening = _opening_days(production, allowed_starts)
    zone_opening: dict[str, int] = {}
    for scene in production.scenes:
        zone = _zone_of(production, scene)
        zone_opening[zone] = min(zone_opening.get(zone, opening[scene.location or ""]),
                                 opening[scene.location or ""])
    keys: dict[str, SortKey] = {}
    for position, scene in enumerate(production.scenes):
        zone, location = _zone_of(production, scene), scene.location or ""
        keys[scene.id] = (
            zone_opening[zone], zone == "", natural_key(zone),
            opening[location], location == "", natural_key(location),
            TIME_OF_DAY_ORDER[scene.day_night],
            tuple(sorted(natural_key(cast_id) for cast_id in scene.cast)),
            position,
        )
    return keys


def _zone_of(production: Production, scene: Scene) -> str:
    """The zone of a scene's location; ``""`` for no zone or no location."""
    location = production.location_by_id.get(scene.location or "")
    return (location.zone or "") if location is not None else ""


def _opening_days(production: Production,
                  allowed_starts: dict[str, frozenset[int]]) -> dict[str, int]:
    """Median first possible shoot day of the scenes at each location (``""``: no location)."""
    first_days: dict[str, list[int]] = defaultdict(list)
    for scene in production.scenes:
        allowed = allowed_starts[scene.id]
        first_days[scene.location or ""].append(min(allowed, default=production.calendar.num_days))
    return {location: sorted(days)[len(days) // 2] for location, days in first_days.items()}


def _deadline_priority(production: Production,
                      blocks: list[Block]) -> Callable[[Block], SortKey]:
    """Squeezing order: the block that must start soonest first, then the board's sort."""
    deadline = block_deadlines(production, blocks)
    return lambda block: (deadline[block.name], *block.sort_key)


# ----- the dealer ------------------------------------------------------------------------------


class _Dealer(PartialBoard):
    """The conventional dealer: strips go down in board order; ``cursor`` is the open day."""

    def __init__(self, rules: StaticRules, packed: bool = False) -> None:
        super().__init__(rules)
        self.packed = packed  # no day breaks: every block on the best day that takes it
        self.cursor = 1

    # ----- dealing -----------------------------------------------------------------------------

    def deal_all(self, order: list[Block]) -> Block | None:
        """Deal the blocks in order; the first block that finds no day, or ``None``."""
        for block in order:
            if not self.deal(block):
                return block
        return None

    def deal(self, block: Block) -> bool:
        """Put ``block`` on the board; False when no day takes it without breaking a rule.

        In the flow of the sorted board the block goes on the open day, or after an automatic
        day break on the first later day its day rules allow; that day becomes the open day.  A
        block the flow cannot take (its own windows, ``before`` or ``different_day``) is moved
        by hand to the first day that takes it, from the open day on, then before it, with
        overtime only as a last resort; the open day stays where it was.  A squeezed board has
        no flow: every block is moved by hand.  When no day takes it, strips in its way are
        moved elsewhere to make room.
        """
        flow_day = None if self.packed else self._flow_day(block)
        if flow_day is not None and self.fits(block, flow_day,
                                              self.settings.standard_day_minutes):
            self.cursor = flow_day
            self.place(block, flow_day)
            return True
        return self._deal_by_hand(block) or self._deal_by_making_room(block)

    def _flow_day(self, block: Block) -> int | None:
        """The open day, or the first later shoot day whose load takes the block in a standard
        day (a day break by time, location, zone or light, or a night turnaround)."""
        standard = self.settings.standard_day_minutes
        for day in range(self.cursor, self.num_days + 1):
            if day not in self.rules.dark_days and self.day_rules_fit(block, day, standard):
                return day
        return None

    def _deal_by_hand(self, block: Block) -> bool:
        """The first candidate day that takes the block in a standard day, else with overtime."""
        for hours_limit in (self.settings.standard_day_minutes, self.settings.max_day_minutes):
            for start in self._candidate_starts(block):
                if self.fits(block, start, hours_limit):
                    self.place(block, start)
                    return True
        return False

    def _deal_by_making_room(self, block: Block) -> bool:
        """Take the strips of one location and light off a day the block may use, put the block
        there and deal the strips taken off again; undone when they find no other day."""
        for start in self._candidate_starts(block)[:ROOM_MAKING_DAYS]:
            for group in self._groups_in_the_way(block, start):
                saved = self.state.copy()
                for other in group:
                    self.remove(other)
                if self.fits(block, start, self.settings.max_day_minutes):
                    self.place(block, start)
                    if all(self._deal_by_hand(other) for other in group):
                        return True
                self.state = saved
        return False

    def _groups_in_the_way(self, block: Block, start: int) -> list[list[Block]]:
        """Movable blocks on the days ``block`` would use and the days either side (a night
        turnaround), grouped by location and light, smallest group first."""
        days = set(block.parts_by_day(start))
        days |= {day + side for day in days for side in (-1, 1)}
        names = sorted({name for day in days for name in self.state.on_day.get(day, ())})
        groups: dict[tuple[str, bool], list[Block]] = defaultdict(list)
        for name in names:
            other, _ = self.state.placed[name]
            if other.is_fixed:
                continue
            groups[(other.lead.location or "", other.lead.is_night)].append(other)
        return sorted(groups.values(),
                      key=lambda group: (sum(b.minutes for b in group),
                                         group[0].name))

    def _candidate_starts(self, block: Block) -> list[int]:
        """Days the block may start on: the open day and the days after it, then (as a last
        resort) the closed days; when squeezing, days already at the block's location first,
        then in calendar order."""
        allowed = block.starts
        if self.packed:
            location, night = block.lead.location, block.lead.is_night
            return sorted(allowed,
                          key=lambda day: (location not in self.loads[day].locations,
                                           night and self._closes_next_day(day), day))
        return sorted(allowed, key=lambda day: (day < self.cursor, day))

    def _closes_next_day(self, day: int) -> bool:
        """A night on ``day`` would keep day scenes off the next shoot day: it is the next
        calendar date and not already a night."""
        return self.day_rules.closes_next_day(day) and not self.loads[day + 1].has_night
