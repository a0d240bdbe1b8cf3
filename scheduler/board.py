"""A board being filled strip by strip, without a solver: blocks of scenes, and where they fit.

The board builders (the conventional board of ``conventional_board`` and the constructive packer of
``search.construct``) deal *blocks*: a scene, a ``same_day`` group (all on one day) or a
``consecutive`` chain (each the shoot day after the previous one ends).  ``PartialBoard`` holds
the days' loads and tells whether a block fits at a start day by every hard rule a placement can
break: its scenes' own allowed days (calendar, windows, pins, availability, ``not_on``), the day
rules (``day_rules``), the night turnaround between days, ``before`` and ``different_day``.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .data import ConstraintKind, Production, Scene
from .day_rules import DayLoad, DayRules, StripPart
from .links import offset_links

SortKey = tuple[object, ...]


# ----- blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """Scenes that are dealt together, each at a fixed offset (in shoot days) from the first.

    ``parts`` is what the block adds to each day, by day offset (a k-day scene adds k parts);
    ``starts`` are the days it may start on by its scenes' own rules (windows, availability).
    """

    members: tuple[tuple[Scene, int], ...]
    sort_key: SortKey
    parts: tuple[tuple[int, StripPart], ...]
    minutes: int
    starts: frozenset[int]

    @classmethod
    def of(cls, rules: DayRules, members: list[tuple[Scene, int]], sort_key: SortKey,
           allowed_starts: dict[str, frozenset[int]]) -> Block:
        """The block of ``members`` (scene, day offset), with what it adds to each day."""
        parts = [(offset + index, part) for scene, offset in members
                 for index, part in enumerate(rules.parts(scene))]
        minutes = sum(rules.production.scene_minutes(scene) for scene, _ in members)
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

    @cached_property
    def name(self) -> str:
        """The first scene's id: unique, as a scene is in one block only."""
        return self.members[0][0].id

    @cached_property
    def length(self) -> int:
        """Shoot days from the block's first day to its last."""
        return 1 + max(offset for offset, _ in self.parts)

    @property
    def is_fixed(self) -> bool:
        """Pinned, or left one possible day by windows and availability: it goes down first."""
        return len(self.starts) <= 1

    @cached_property
    def lead(self) -> Scene:
        """The block's first scene, whose location and light it is sorted and grouped by."""
        return self.members[0][0]

    @cached_property
    def is_night(self) -> bool:
        """The lead scene is shot at night."""
        return self.lead.is_night


def build_blocks(production: Production, sort_keys: dict[str, SortKey],
                 allowed_starts: dict[str, frozenset[int]]) -> list[Block] | None:
    """Group scenes linked by ``same_day`` and ``consecutive`` into blocks with day offsets; a
    block sorts where its first-sorting scene does.

    Returns ``None`` when the links give a scene two different offsets (the constraints
    contradict each other, so no schedule can keep them).
    """
    rules = DayRules(production)
    links: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for rule in production.constraints:
        for first, second, delta in offset_links(production, rule.kind, rule.scenes):
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
        blocks.append(Block.of(rules, members, key, allowed_starts))
    return blocks


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


# ----- the order blocks go down in ---------------------------------------------------------------


def placement_order(production: Production, blocks: list[Block],
                    priority: Callable[[Block], SortKey]) -> list[Block] | None:
    """Fixed blocks (pinned, or with one possible day) first, then the rest by ``priority``,
    each after its ``before`` predecessors.

    Returns ``None`` when ``before`` constraints form a cycle between blocks.
    """
    successors, waiting_on = before_graph(production, blocks)
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


def before_graph(production: Production,
                 blocks: list[Block]) -> tuple[dict[int, set[int]], list[int]]:
    """``before`` between blocks: the followers of each block (by index), and how many blocks
    each block waits on."""
    block_of = {sid: index for index, block in enumerate(blocks) for sid in block.scene_ids}
    successors: dict[int, set[int]] = defaultdict(set)
    waiting_on = [0] * len(blocks)
    for first_id, later_id in before_pairs(production):
        first, later = block_of[first_id], block_of[later_id]
        if first != later and later not in successors[first]:
            successors[first].add(later)
            waiting_on[later] += 1
    return successors, waiting_on


def block_deadlines(production: Production, blocks: list[Block]) -> dict[str, int]:
    """The last day each block may start (by block name), moved earlier by the deadlines of
    the blocks that must come after it (``before``)."""
    deadline = {block.name: max(block.starts, default=0) for block in blocks}
    successors, _ = before_graph(production, blocks)
    for _ in range(len(blocks)):  # relax until stable; a cycle is caught by placement_order
        changed = False
        for first, laters in successors.items():
            bound = min(deadline[blocks[later].name] for later in laters) - blocks[first].length
            if bound < deadline[blocks[first].name]:
                deadline[blocks[first].name] = bound
                changed = True
        if not changed:
            break
    return deadline


def before_pairs(production: Production) -> Iterator[tuple[str, str]]:
    """``(first, later)`` for every ``before`` constraint: ``first`` ends before ``later``."""
    for rule in production.constraints:
        if rule.kind is ConstraintKind.BEFORE:
            for later in rule.scenes[1:]:
                yield rule.scenes[0], later


# ----- the board ---------------------------------------------------------------------------------


class StaticRules:
    """What a board checks that does not change as strips go down: computed once."""

    def __init__(self, production: Production) -> None:
        self.production = production
        self.day_rules = DayRules(production)
        self.allowed_starts = {scene.id: frozenset(production.allowed_start_days(scene))
                               for scene in production.scenes}
        self.predecessors: dict[str, list[str]] = defaultdict(list)
        self.successors: dict[str, list[str]] = defaultdict(list)
        for first, later in before_pairs(production):
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
class BoardState:
    """What is on the board; copied whole to undo a failed repair."""

    loads: dict[int, DayLoad]
    start_day: dict[str, int] = field(default_factory=dict)
    placed: dict[str, tuple[Block, int]] = field(default_factory=dict)  # block name -> start
    on_day: dict[int, frozenset[str]] = field(default_factory=dict)  # day -> block names

    def copy(self) -> BoardState:
        return BoardState(dict(self.loads), dict(self.start_day), dict(self.placed),
                          dict(self.on_day))


class PartialBoard:
    """Shoot days being filled block by block, every hard rule of a placement checked."""

    def __init__(self, rules: StaticRules) -> None:
        self.rules = rules
        self.day_rules = rules.day_rules
        self.production = rules.production
        self.settings = self.production.settings
        self.calendar = self.production.calendar
        self.num_days = self.calendar.num_days
        self.state = BoardState(loads={day: DayLoad() for day in self.calendar.days})
        self.checks = 0  # placements tried: the builder's effort, counted to bound it

    @property
    def loads(self) -> dict[int, DayLoad]:
        return self.state.loads

    @property
    def start_day(self) -> dict[str, int]:
        return self.state.start_day

    def blocks_on(self, day: int) -> list[tuple[Block, int]]:
        """The blocks with a part on ``day`` and their starts, in name order."""
        return [self.state.placed[name] for name in sorted(self.state.on_day.get(day, ()))]

    def place(self, block: Block, start: int) -> None:
        for day, parts in block.parts_by_day(start).items():
            self.loads[day] = self.loads[day].with_parts(parts)
            self.state.on_day[day] = self.state.on_day.get(day, frozenset()) | {block.name}
        for scene, offset in block.members:
            self.start_day[scene.id] = start + offset
        self.state.placed[block.name] = (block, start)

    def remove(self, block: Block) -> None:
        """Take a block off the board and recount the loads of its days."""
        _, start = self.state.placed.pop(block.name)
        for scene, _ in block.members:
            del self.start_day[scene.id]
        for day in block.parts_by_day(start):
            self.state.on_day[day] -= {block.name}
            load = DayLoad()
            for other, other_start in self.blocks_on(day):
                load = load.with_parts(other.parts_by_day(other_start)[day])
            self.loads[day] = load

    # ----- does a block fit at a start day -----------------------------------------------------

    def fits(self, block: Block, start: int, hours_limit: int) -> bool:
        """Every rule holds with the block at ``start``: its own days, the days' loads and the
        constraints linking it to scenes already on the board."""
        self.checks += 1
        return (start in block.starts
                and self.day_rules_fit(block, start, hours_limit)
                and self.before_holds(block, start)
                and self.different_day_holds(block, start))

    def day_rules_fit(self, block: Block, start: int, hours_limit: int) -> bool:
        """The rules about what one day holds, and the night turnaround between days."""
        proposed: dict[int, DayLoad] = {}
        for day, parts in block.parts_by_day(start).items():
            load = self.loads.get(day)
            if load is None:
                return False
            new_load = self.day_rules.may_add(load, parts, hours_limit)
            if new_load is None:
                return False
            proposed[day] = new_load
        return self.turnaround_holds(proposed)

    def turnaround_holds(self, proposed: dict[int, DayLoad]) -> bool:
        """No day with a NIGHT scene is followed, on the next calendar date, by a day scene."""
        for day in proposed:
            for earlier in (day - 1, day):
                if earlier < 1 or earlier + 1 > self.num_days:
                    continue
                load = proposed.get(earlier, self.loads[earlier])
                next_load = proposed.get(earlier + 1, self.loads[earlier + 1])
                if not self.day_rules.turnaround_holds(earlier, load, next_load):
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

    def before_holds(self, block: Block, start: int) -> bool:
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

    def different_day_holds(self, block: Block, start: int) -> bool:
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
