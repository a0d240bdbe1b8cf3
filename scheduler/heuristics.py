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

import heapq
import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .data import ConstraintKind, DayNight, Production, Scene
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

SortKey = tuple[object, ...]


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
    rules = _StaticRules(production)
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


def _deal_with_redeals(rules: _StaticRules, order: list[Block],
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
        board = _Board(rules, packed)
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


# ----- blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StripPart:
    """What one scene adds to one shoot day."""

    scene: Scene
    minutes: int
    multi_day: bool
    zone: str | None = None
    limited_cast: tuple[str, ...] = ()  # cast with a cap on their hours a day (minors)


@dataclass(frozen=True)
class Block:
    """Scenes that are dealt together, each at a fixed offset (in shoot days) from the first.

    A block is one strip, a ``same_day`` group (all at offset 0) or a ``consecutive`` chain.
    ``parts`` is what it adds to each day, by day offset (a k-day scene adds k parts);
    ``starts`` are the days it may start on by its scenes' own rules (windows, availability).
    """

    members: tuple[tuple[Scene, int], ...]
    sort_key: SortKey
    parts: tuple[tuple[int, StripPart], ...]
    minutes: int
    starts: frozenset[int]

    @classmethod
    def of(cls, production: Production, members: list[tuple[Scene, int]], sort_key: SortKey,
           allowed_starts: dict[str, frozenset[int]]) -> Block:
        """The block of ``members`` (scene, day offset), with what it adds to each day."""
        parts = []
        for scene, offset in members:
            length = production.scene_days(scene)
            location = production.location_by_id.get(scene.location or "")
            limited = tuple(cast_id for cast_id in scene.cast
                            if (member := production.cast_by_id.get(cast_id)) is not None
                            and member.max_minutes is not None)
            parts += [(offset + index,
                       StripPart(scene, production.part_minutes(scene, index), length > 1,
                                 location.zone if location else None, limited))
                      for index in range(length)]
        minutes = sum(production.scene_minutes(scene) for scene, _ in members)
        starts = frozenset.intersection(*(frozenset(day - offset for day in allowed_starts[s.id])
                                          for s, offset in members))
        return cls(tuple(members), sort_key, tuple(parts), minutes, starts)

    def parts_by_day(self, start: int) -> dict[int, list[StripPart]]:
        """The block's parts on each day when it starts on ``start``."""
        by_day: dict[int, list[StripPart]] = defaultdict(list)
        for offset, part in self.parts:
            by_day[start + offset].append(part)
        return by_day

    @property
    def scene_ids(self) -> list[str]:
        return [scene.id for scene, _ in self.members]

    @property
    def name(self) -> str:
        """The first scene's id: unique, as a scene is in one block only."""
        return self.members[0][0].id

    @property
    def is_fixed(self) -> bool:
        """Pinned, or left one possible day by windows and availability: it goes down first."""
        return len(self.starts) <= 1


def build_blocks(production: Production, sort_keys: dict[str, SortKey],
                 allowed_starts: dict[str, frozenset[int]]) -> list[Block] | None:
    """Group scenes linked by ``same_day`` and ``consecutive`` into blocks with day offsets; a
    block sorts where its first-sorting scene does.

    Returns ``None`` when the links give a scene two different offsets (the constraints
    contradict each other, so no schedule can keep them).
    """
    links: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for rule in production.constraints:
        for first, second, delta in _offset_links(production, rule.kind, rule.scenes):
            links[first].append((second, delta))
            links[second].append((first, -delta))
    position = {scene.id: index for index, scene in enumerate(production.scenes)}
    offset_of: dict[str, int] = {}
    blocks = []
    for scene in production.scenes:
        if scene.id in offset_of:
            continue
        component = _offsets_from(scene.id, links, offset_of)
        if component is None:
            return None
        lowest = min(component.values())
        members = sorted(
            ((production.scene_by_id[sid], offset - lowest) for sid, offset in component.items()),
            key=lambda member: (member[1], position[member[0].id]),
        )
        key = min(sort_keys[member.id] for member, _ in members)
        blocks.append(Block.of(production, members, key, allowed_starts))
    return blocks


def _offset_links(production: Production, kind: ConstraintKind,
                  scene_ids: tuple[str, ...]) -> Iterator[tuple[str, str, int]]:
    """``(a, b, delta)``: scene ``b`` starts ``delta`` shoot days after scene ``a``."""
    if kind is ConstraintKind.SAME_DAY:
        for other in scene_ids[1:]:
            yield scene_ids[0], other, 0
    elif kind is ConstraintKind.CONSECUTIVE:
        for first, second in itertools.pairwise(scene_ids):
            yield first, second, production.scene_days(production.scene_by_id[first])


def _offsets_from(root: str, links: dict[str, list[tuple[str, int]]],
                  offset_of: dict[str, int]) -> dict[str, int] | None:
    """Offsets of the scenes linked to ``root`` (breadth first); ``None`` on a contradiction."""
    component = {root: 0}
    queue = [root]
    while queue:
        current = queue.pop(0)
        for neighbour, delta in links.get(current, []):
            wanted = component[current] + delta
            if neighbour not in component:
                component[neighbour] = wanted
                queue.append(neighbour)
            elif component[neighbour] != wanted:
                return None
    offset_of.update(component)
    return component


def placement_order(production: Production, blocks: list[Block],
                    priority: Callable[[Block], SortKey]) -> list[Block] | None:
    """Fixed blocks (pinned, or with one possible day) first, then the rest by ``priority``,
    each after its ``before`` predecessors.

    Returns ``None`` when ``before`` constraints form a cycle between blocks.
    """
    successors, waiting_on = _before_graph(production, blocks)
    fixed = sorted((i for i, block in enumerate(blocks) if block.is_fixed),
                   key=lambda i: priority(blocks[i]))
    order = list(fixed)
    placed = set(fixed)
    for index in fixed:
        for later in successors[index]:
            waiting_on[later] -= 1
    ready = [(priority(block), i) for i, block in enumerate(blocks)
             if i not in placed and waiting_on[i] == 0]
    heapq.heapify(ready)
    while ready:
        _, index = heapq.heappop(ready)
        order.append(index)
        placed.add(index)
        for later in sorted(successors[index]):
            waiting_on[later] -= 1
            if waiting_on[later] == 0 and later not in placed:
                heapq.heappush(ready, (priority(blocks[later]), later))
    if len(order) != len(blocks):
        return None
    return [blocks[i] for i in order]


def _before_graph(production: Production,
                  blocks: list[Block]) -> tuple[dict[int, set[int]], list[int]]:
    """``before`` between blocks: the followers of each block, and how many blocks each
    block waits on."""
    block_of = {sid: index for index, block in enumerate(blocks) for sid in block.scene_ids}
    successors: dict[int, set[int]] = defaultdict(set)
    waiting_on = [0] * len(blocks)
    for first_id, later_id in _before_pairs(production):
        first, later = block_of[first_id], block_of[later_id]
        if first != later and later not in successors[first]:
            successors[first].add(later)
            waiting_on[later] += 1
    return successors, waiting_on


def _deadline_priority(production: Production,
                      blocks: list[Block]) -> Callable[[Block], SortKey]:
    """Squeezing order: the block that must start soonest first, then the board's sort.

    A block's deadline is the last day it may start, moved earlier by the deadlines of the
    blocks that must come after it (``before``).
    """
    deadline = {block.name: max(block.starts, default=0) for block in blocks}
    successors, _ = _before_graph(production, blocks)
    for _ in range(len(blocks)):  # relax until stable; a cycle is caught by placement_order
        changed = False
        for first, laters in successors.items():
            bound = min(deadline[blocks[later].name] for later in laters) - 1
            if bound < deadline[blocks[first].name]:
                deadline[blocks[first].name] = bound
                changed = True
        if not changed:
            break
    return lambda block: (deadline[block.name], *block.sort_key)


def _before_pairs(production: Production) -> Iterator[tuple[str, str]]:
    for rule in production.constraints:
        if rule.kind is ConstraintKind.BEFORE:
            for later in rule.scenes[1:]:
                yield rule.scenes[0], later


# ----- one shoot day's load --------------------------------------------------------------------


@dataclass(frozen=True)
class DayLoad:
    """What is on one shoot day, in the terms the hard rules speak of."""

    parts: int = 0
    scene_minutes: int = 0
    locations: frozenset[str] = frozenset()
    zones: frozenset[str] = frozenset()
    has_night: bool = False
    has_day: bool = False
    dawns: int = 0
    dusks: int = 0
    alone: bool = False  # a multi-day scene owns the day
    limited_minutes: tuple[tuple[str, int], ...] = ()  # minutes of cast with a daily cap

    def with_part(self, part: StripPart) -> DayLoad:
        scene = part.scene
        limited = self.limited_minutes
        if part.limited_cast:
            minutes = dict(limited)
            for cast_id in part.limited_cast:
                minutes[cast_id] = minutes.get(cast_id, 0) + part.minutes
            limited = tuple(sorted(minutes.items()))
        return DayLoad(
            parts=self.parts + 1,
            scene_minutes=self.scene_minutes + part.minutes,
            locations=self.locations | {scene.location} if scene.location else self.locations,
            zones=self.zones | {part.zone} if part.zone else self.zones,
            has_night=self.has_night or scene.is_night,
            has_day=self.has_day or not scene.is_night,
            dawns=self.dawns + (scene.day_night is DayNight.DAWN),
            dusks=self.dusks + (scene.day_night is DayNight.DUSK),
            alone=self.alone or part.multi_day,
            limited_minutes=limited,
        )

    def minutes(self, move_minutes: int) -> int:
        """Scene minutes plus the time of the company moves, as ``Schedule.minutes_on``."""
        return self.scene_minutes + move_minutes * max(0, len(self.locations) - 1)


# ----- the board -------------------------------------------------------------------------------


class _StaticRules:
    """What the dealer checks that does not change as strips go down: computed once."""

    def __init__(self, production: Production) -> None:
        self.production = production
        self.allowed_starts = {scene.id: frozenset(production.allowed_start_days(scene))
                               for scene in production.scenes}
        self.predecessors: dict[str, list[str]] = defaultdict(list)
        self.successors: dict[str, list[str]] = defaultdict(list)
        for first, later in _before_pairs(production):
            self.successors[first].append(later)
            self.predecessors[later].append(first)
        self.apart_from: dict[str, list[str]] = defaultdict(list)
        for rule in production.constraints:
            if rule.kind is ConstraintKind.DIFFERENT_DAY:
                for sid in rule.scenes:
                    self.apart_from[sid] += [other for other in rule.scenes if other != sid]
        # nobody shoots while an every-day crew member (director, DP) is away
        calendar = production.calendar
        self.dark_days = frozenset(
            day for day in calendar.days
            if not all(m.availability.allows(calendar.date_of(day))
                       for m in production.every_day_crew)
        )


@dataclass
class _BoardState:
    """What is on the board; copied whole to undo a failed repair."""

    loads: dict[int, DayLoad]
    start_day: dict[str, int] = field(default_factory=dict)
    placed: dict[str, tuple[Block, int]] = field(default_factory=dict)  # block name -> start
    on_day: dict[int, frozenset[str]] = field(default_factory=dict)  # day -> block names
    cursor: int = 1

    def copy(self) -> _BoardState:
        return _BoardState(dict(self.loads), dict(self.start_day), dict(self.placed),
                           dict(self.on_day), self.cursor)


class _Board:
    """Shoot days being filled strip by strip; ``cursor`` is the open day of the dealer."""

    def __init__(self, rules: _StaticRules, packed: bool = False) -> None:
        self.rules = rules
        self.packed = packed  # no day breaks: every block on the best day that takes it
        self.production = rules.production
        self.settings = self.production.settings
        self.calendar = self.production.calendar
        self.num_days = self.calendar.num_days
        self.state = _BoardState(loads={day: DayLoad() for day in self.calendar.days})
        self.checks = 0  # placements tried: the dealer's effort, counted to bound it

    @property
    def loads(self) -> dict[int, DayLoad]:
        return self.state.loads

    @property
    def start_day(self) -> dict[str, int]:
        return self.state.start_day

    @property
    def cursor(self) -> int:
        return self.state.cursor

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
        if flow_day is not None and self._fits(block, flow_day,
                                               self.settings.standard_day_minutes):
            self.state.cursor = flow_day
            self._place(block, flow_day)
            return True
        return self._deal_by_hand(block) or self._deal_by_making_room(block)

    def _flow_day(self, block: Block) -> int | None:
        """The open day, or the first later shoot day whose load takes the block in a standard
        day (a day break by time, location, zone or light, or a night turnaround)."""
        standard = self.settings.standard_day_minutes
        for day in range(self.cursor, self.num_days + 1):
            if day not in self.rules.dark_days and self._day_rules_fit(block, day, standard):
                return day
        return None

    def _deal_by_hand(self, block: Block) -> bool:
        """The first candidate day that takes the block in a standard day, else with overtime."""
        for hours_limit in (self.settings.standard_day_minutes, self.settings.max_day_minutes):
            for start in self._candidate_starts(block):
                if self._fits(block, start, hours_limit):
                    self._place(block, start)
                    return True
        return False

    def _deal_by_making_room(self, block: Block) -> bool:
        """Take the strips of one location and light off a day the block may use, put the block
        there and deal the strips taken off again; undone when they find no other day."""
        for start in self._candidate_starts(block)[:ROOM_MAKING_DAYS]:
            for group in self._groups_in_the_way(block, start):
                saved = self.state.copy()
                for other in group:
                    self._remove(other)
                if self._fits(block, start, self.settings.max_day_minutes):
                    self._place(block, start)
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
            first = other.members[0][0]
            groups[(first.location or "", first.is_night)].append(other)
        return sorted(groups.values(),
                      key=lambda group: (sum(b.minutes for b in group),
                                         group[0].name))

    def _candidate_starts(self, block: Block) -> list[int]:
        """Days the block may start on: the open day and the days after it, then (as a last
        resort) the closed days; when squeezing, days already at the block's location first,
        then in calendar order."""
        allowed = block.starts
        if self.packed:
            location = block.members[0][0].location
            night = block.members[0][0].is_night
            return sorted(allowed,
                          key=lambda day: (location not in self.loads[day].locations,
                                           night and self._closes_next_day(day), day))
        return sorted(allowed, key=lambda day: (day < self.cursor, day))

    def _closes_next_day(self, day: int) -> bool:
        """A night on ``day`` would keep day scenes off the next shoot day: it is the next
        calendar date and not already a night."""
        if not self.settings.night_turnaround or day >= self.num_days:
            return False
        return (self.calendar.is_next_calendar_date(day, day + 1)
                and not self.loads[day + 1].has_night)

    def _place(self, block: Block, start: int) -> None:
        for day, parts in block.parts_by_day(start).items():
            load = self.loads[day]
            for part in parts:
                load = load.with_part(part)
            self.loads[day] = load
            self.state.on_day[day] = self.state.on_day.get(day, frozenset()) | {block.name}
        for scene, offset in block.members:
            self.start_day[scene.id] = start + offset
        self.state.placed[block.name] = (block, start)

    def _remove(self, block: Block) -> None:
        """Take a block off the board and recount the loads of its days."""
        _, start = self.state.placed.pop(block.name)
        for scene, _ in block.members:
            del self.start_day[scene.id]
        for day in block.parts_by_day(start):
            self.state.on_day[day] -= {block.name}
            load = DayLoad()
            for name in sorted(self.state.on_day[day]):
                other, other_start = self.state.placed[name]
                for part in other.parts_by_day(other_start)[day]:
                    load = load.with_part(part)
            self.loads[day] = load

    # ----- does a block fit at a start day -----------------------------------------------------

    def _fits(self, block: Block, start: int, hours_limit: int) -> bool:
        """Every rule holds with the block at ``start``: its own days, the days' loads and the
        constraints linking it to scenes already on the board."""
        self.checks += 1
        return (self._allowed(block, start)
                and self._day_rules_fit(block, start, hours_limit)
                and self._before_holds(block, start)
                and self._different_day_holds(block, start))

    def _allowed(self, block: Block, start: int) -> bool:
        """Calendar, windows, pins, availability, every-day crew and ``not_on``."""
        return start in block.starts

    def _day_rules_fit(self, block: Block, start: int, hours_limit: int) -> bool:
        """The rules about what one day holds, and the night turnaround between days."""
        proposed: dict[int, DayLoad] = {}
        for day, parts in block.parts_by_day(start).items():
            load = self.loads.get(day)
            if (load is None or not self._alone_rule_holds(load, parts)
                    or self._clearly_too_long(load, parts, hours_limit)):
                return False
            new_load = load
            for part in parts:
                new_load = new_load.with_part(part)
            if not self._day_rules_hold(load, new_load, hours_limit):
                return False
            proposed[day] = new_load
        return self._night_turnaround_holds(proposed)

    def _day_rules_hold(self, old: DayLoad, new: DayLoad, hours_limit: int) -> bool:
        return (self._hours_fit(old, new, hours_limit)
                and self._locations_fit(new)
                and self._zones_fit(new)
                and self._split_day_holds(new)
                and self._dawn_dusk_holds(new)
                and self._minors_fit(new))

    @staticmethod
    def _alone_rule_holds(load: DayLoad, parts: list[StripPart]) -> bool:
        """A multi-day scene is shot alone on each of its days."""
        if load.alone:
            return False
        return not any(part.multi_day for part in parts) or (load.parts == 0 and len(parts) == 1)

    def _clearly_too_long(self, load: DayLoad, parts: list[StripPart], hours_limit: int) -> bool:
        """The scenes alone, moves not counted, run past the limit: a cheap early no."""
        limit = hours_limit if load.parts else max(hours_limit, self.settings.max_day_minutes)
        return load.scene_minutes + sum(part.minutes for part in parts) > limit

    def _hours_fit(self, old: DayLoad, new: DayLoad, hours_limit: int) -> bool:
        """Within the limit; a strip that alone outruns it may still fill an empty day up to the
        hard cap (a long scene gets a day of its own)."""
        minutes = new.minutes(self.settings.company_move_minutes)
        if minutes <= hours_limit:
            return True
        return old.parts == 0 and minutes <= self.settings.max_day_minutes

    def _locations_fit(self, load: DayLoad) -> bool:
        return len(load.locations) <= self.settings.max_locations_per_day

    @staticmethod
    def _zones_fit(load: DayLoad) -> bool:
        return len(load.zones) <= 1

    def _split_day_holds(self, load: DayLoad) -> bool:
        return self.settings.allow_split_days or not (load.has_day and load.has_night)

    @staticmethod
    def _dawn_dusk_holds(load: DayLoad) -> bool:
        return load.dawns <= 1 and load.dusks <= 1

    def _minors_fit(self, load: DayLoad) -> bool:
        """Cast with ``max_minutes`` (minors) work at most that long a day."""
        for cast_id, minutes in load.limited_minutes:
            member = self.production.cast_by_id.get(cast_id)
            limit = member.max_minutes if member is not None else None
            if limit is not None and minutes > limit:
                return False
        return True

    def _night_turnaround_holds(self, proposed: dict[int, DayLoad]) -> bool:
        """No day with a NIGHT scene is followed, on the next calendar date, by a day scene."""
        if not self.settings.night_turnaround:
            return True
        for day in proposed:
            for earlier, later in ((day - 1, day), (day, day + 1)):
                if earlier < 1 or later > self.num_days:
                    continue
                if not self.calendar.is_next_calendar_date(earlier, later):
                    continue
                night = proposed.get(earlier, self.loads[earlier]).has_night
                if night and proposed.get(later, self.loads[later]).has_day:
                    return False
        return True

    def _span(self, scene_id: str, block_starts: dict[str, int]) -> tuple[int, int] | None:
        """First and last shoot day of a scene in the block or already on the board."""
        start = block_starts.get(scene_id, self.start_day.get(scene_id))
        if start is None:
            return None
        length = self.production.scene_days(self.production.scene_by_id[scene_id])
        return start, start + length - 1

    @staticmethod
    def _block_starts(block: Block, start: int) -> dict[str, int]:
        return {scene.id: start + offset for scene, offset in block.members}

    def _before_holds(self, block: Block, start: int) -> bool:
        """Each ``before`` scene finishes on an earlier day than its followers start."""
        starts = self._block_starts(block, start)
        for sid in starts:
            own = self._span(sid, starts)
            assert own is not None
            for first in self.rules.predecessors.get(sid, []):
                span = self._span(first, starts)
                if span is not None and span[1] >= own[0]:
                    return False
            for later in self.rules.successors.get(sid, []):
                span = self._span(later, starts)
                if span is not None and own[1] >= span[0]:
                    return False
        return True

    def _different_day_holds(self, block: Block, start: int) -> bool:
        """No two scenes of a ``different_day`` constraint share a shoot day."""
        starts = self._block_starts(block, start)
        for sid in starts:
            own = self._span(sid, starts)
            assert own is not None
            for other in self.rules.apart_from.get(sid, []):
                span = self._span(other, starts)
                if span is not None and own[0] <= span[1] and span[0] <= own[1]:
                    return False
        return True
