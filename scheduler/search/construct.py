"""The constructive first schedule: a full calendar packed day by day.

``pack_calendar(production)`` fills shoot day 1, then day 2, and so on, the way a 1st AD packs a
tight board: on each day it first puts down the block (a scene, a ``same_day`` group or a
``consecutive`` chain) whose last possible start is nearest, then fills the day with what fits
beside it, preferring the same location (no move), then blocks whose deadline is near, then
blocks whose cast is already on the show (their holds stop sooner).  Every placement is checked
by ``board.PartialBoard.fits``: the scenes' own days (windows, pins, availability), the day rules
(hours and moves, D/N, zones, the location limit, DAWN/DUSK, minors' hours, multi-day scenes
alone), the night turnaround, ``before`` and ``different_day``.

A night run starts only where it can end at a break in the calendar (or where night work is due),
so that the day after a night is not lost to the turnaround.  A block whose last possible day
passes without a place goes on the first earlier day that takes it (with overtime up to
``max_day_minutes`` as a last resort); when none does, the packing starts over with that block
put down first, a few times at most.  The result is a valid schedule or ``None``; its effort is
counted in placements tried, never timed, so the same production always gives the same schedule.
That count has a ceiling (``PLACEMENTS_PER_SCENE``): on a calendar too full to pack, making room
for late blocks would otherwise try evictions by the million; past the ceiling the packer stops
making room, starting over and trying other styles, and returns its best draft for the CP-SAT
repair.
"""

from __future__ import annotations

import logging
import random
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..board import Block, PartialBoard, SortKey, StaticRules, block_deadlines, build_blocks
from ..board import before_graph as _before_graph
from ..data import Production
from ..solution import Solution

logger = logging.getLogger("scheduler")

# A block is urgent when its last possible start is at most this many shoot days away: it is then
# put down by deadline, before what merely fits well.
URGENT_SLACK = 3

# Times a packing starts over with a stuck block put down first.
MAX_RESTARTS = 2

# Placements tried per scene before the packer stops making room and trying again.  Measured
# (placements tried by one ``pack_calendar``): planted 220-scene features 5,000-22,000 and
# 480-scene series 15,000-28,000 when they pack (400,000 on one that does not); the USS sample's
# boards 320,000 where they pack, 4-6.4 million (40-90 s on 2 busy cores) where they do not.
# The ceiling lets every packing measured that succeeds finish as before, and stops the hopeless
# ones after a few seconds, leaving the time to the CP-SAT repair.
PLACEMENTS_PER_SCENE = 2000


@dataclass(frozen=True)
class PackingStyle:
    """How a packing weighs its choices; the packer tries a few styles, as a 1st AD tries a few
    ways of laying out a tight board.  ``shuffle`` (a seed, 0 for none) breaks ties at random
    instead of by breakdown order."""

    urgent_slack: int = URGENT_SLACK
    longest_first: bool = True
    shuffle: int = 0
    nights_to_a_break: bool = True


STYLES = (
    PackingStyle(),
    PackingStyle(urgent_slack=6, longest_first=False),
    PackingStyle(urgent_slack=1),
    PackingStyle(nights_to_a_break=False),
    PackingStyle(urgent_slack=1, shuffle=2),
)

@dataclass(frozen=True)
class Packing:
    """A packed calendar: every scene placed; ``stuck`` names the scenes the packer found no
    valid day for (placed anyway on their lightest allowed day, so the packing is a draft)."""

    solution: Solution
    stuck: tuple[str, ...] = ()

    @property
    def is_valid(self) -> bool:
        """No scene was placed against a rule (the budget aside: the caller checks it)."""
        return not self.stuck


def pack_calendar(production: Production, horizon: int | None = None,
                  styles: Sequence[PackingStyle] = STYLES,
                  stop: threading.Event | None = None) -> Packing | None:
    """A compact schedule of ``production``, packed day by day.

    Parameters
    ----------
    production
        A checked production.
    horizon
        The last shoot day to use (default: the calendar's last): a shorter horizon makes every
        block due earlier, so the packing fills the days before it harder.
    styles
        The packing styles to try in turn, until one packs every scene.
    stop
        When set, the packer spends no more effort (as past its ceiling): it stops making room
        and trying styles, places the rest where it fits and returns its draft (a stage that
        must end by a deadline cannot wait for a hopeless packing).

    Returns
    -------
    Packing | None
        A valid schedule, or a draft that names the scenes it could not place without breaking
        a rule (which proves nothing); ``None`` when some scene has no allowed day at all.
    """
    rules = StaticRules(production)
    if horizon is not None:
        rules.allowed_starts = {
            scene_id: frozenset(day for day in days
                                if day + production.scene_days(production.scene_by_id[scene_id])
                                - 1 <= horizon)
            for scene_id, days in rules.allowed_starts.items()}
    position: dict[str, SortKey] = {scene.id: (index,)
                                    for index, scene in enumerate(production.scenes)}
    blocks = build_blocks(production, position, rules.allowed_starts)
    if blocks is None or any(not block.starts for block in blocks):
        return None
    effort = _Effort(PLACEMENTS_PER_SCENE * len(production.scenes), stop)
    best: Packing | None = None
    for style in styles:
        packing = _pack_in_style(rules, blocks, style, effort)
        if packing.is_valid:
            logger.info("packer: %d scenes on %d shoot days", len(production.scenes),
                        max(packing.solution.start_day.values(), default=0))
            return packing
        if best is None or len(packing.stuck) < len(best.stuck):
            best = packing
        if effort.is_spent:
            logger.info("packer: %d placements tried; no more packing styles", effort.spent)
            break
    assert best is not None
    logger.info("packer: no valid day for scene(s) %s", ", ".join(best.stuck))
    return best


class _Effort:
    """Placements tried, against a ceiling shared by every style and restart of one packing."""

    def __init__(self, ceiling: int, stop: threading.Event | None = None) -> None:
        self.ceiling = ceiling
        self.spent = 0
        self.stop = stop

    @property
    def is_spent(self) -> bool:
        return self.spent >= self.ceiling or (self.stop is not None and self.stop.is_set())


def _pack_in_style(rules: StaticRules, blocks: list[Block], style: PackingStyle,
                   effort: _Effort) -> Packing:
    """One style's packing, started over with each stuck block put down first, a few times."""
    if style.shuffle:
        rng = random.Random(style.shuffle)
        blocks = [replace(block, sort_key=(rng.random(),)) for block in blocks]
    first: list[Block] = []
    best: Packing | None = None
    for _ in range(MAX_RESTARTS + 1):
        packer = _Packer(rules, blocks, first, style, effort)
        stuck = packer.pack()
        packing = Packing(Solution(start_day=dict(packer.start_day)),
                          tuple(sid for block in stuck for sid in block.scene_ids))
        if best is None or len(packing.stuck) < len(best.stuck):
            best = packing
        if not stuck or effort.is_spent:
            break
        logger.debug("packer: no day for scene(s) %s; packing again with them first",
                     ", ".join(stuck[0].scene_ids))
        first = [stuck[0], *(block for block in first if block.name != stuck[0].name)]
    assert best is not None
    return best


class _Packer(PartialBoard):
    """One packing of the calendar, day by day."""

    def __init__(self, rules: StaticRules, blocks: list[Block], first: list[Block],
                 style: PackingStyle, effort: _Effort) -> None:
        super().__init__(rules)
        self.style = style
        self.effort = effort
        self.blocks = blocks
        self.first = first
        self.deadline = block_deadlines(self.production, blocks)
        successors, waiting_on = _before_graph(self.production, blocks)
        self.successors = {blocks[i].name: [blocks[j] for j in later]
                           for i, later in successors.items()}
        self.waiting_on = {block.name: waiting_on[i] for i, block in enumerate(blocks)}
        self.released: set[str] = {name for name, count in self.waiting_on.items() if count == 0}
        self.unplaced: dict[str, Block] = {block.name: block for block in blocks}
        self.starting_on: dict[int, list[Block]] = defaultdict(list)
        for block in blocks:
            for day in block.starts:
                self.starting_on[day].append(block)
        self.scenes_left: dict[str, int] = defaultdict(int)  # cast id -> scenes not yet placed
        for scene in self.production.scenes:
            for cast_id in scene.cast:
                self.scenes_left[cast_id] += 1
        self.started_cast: set[str] = set()
        self.rate = {member.id: member.daily_rate for member in self.production.cast}
        self.standard = self.settings.standard_day_minutes
        self.hard_cap = self.settings.max_day_minutes
        self.crew_day = self.settings.crew_day_cost + sum(
            member.daily_rate for member in self.production.every_day_crew)
        self.groups = self._urgency_groups()
        self._slack_day = 0
        self._slack_of: dict[str, int] = {}

    def _urgency_groups(self) -> list[list[Block]]:
        """The whole board, each location's blocks and each cast member's, by deadline."""
        by_group: dict[tuple[str, str], list[Block]] = defaultdict(list)
        for block in self.blocks:
            keys = {("all", "")}
            for scene, _ in block.members:
                if scene.location:
                    keys.add(("location", scene.location))
                keys.update(("cast", cast_id) for cast_id in scene.cast)
            for key in keys:
                by_group[key].append(block)
        return [sorted(members, key=lambda b: (self.deadline[b.name], b.sort_key))
                for members in by_group.values()]

    # ----- the packing ------------------------------------------------------------------------

    def pack(self) -> list[Block]:
        """Pack every block; the blocks that found no valid day (placed anyway, on their
        lightest allowed day), in the order they got stuck."""
        stuck: list[Block] = []
        for block in [b for b in self.blocks if b.is_fixed] + self.first:
            if block.name in self.unplaced and not self._put_anywhere(block):
                stuck.append(block)
                self._force(block)
        for day in self.calendar.days:
            if not self.unplaced:
                break
            if day not in self.rules.dark_days:
                self._fill(day)
            for block in self._missed(day):
                if not self._put_anywhere(block) and not self._make_room(block, day):
                    stuck.append(block)
                    self._force(block)
        for block in list(self.unplaced.values()):
            stuck.append(block)
            self._force(block)
        return stuck

    def _force(self, block: Block) -> None:
        """Put a block that fits nowhere on its allowed day with the fewest minutes shot."""
        start = min(block.starts, key=lambda day: (
            sum(self.loads[d].scene_minutes for d in block.parts_by_day(day)), day))
        self._put(block, start)

    def _fill(self, day: int) -> None:
        """Put blocks on ``day`` while one fits: the seed first, then the best fit."""
        while True:
            load = self.loads[day]
            candidates = [block for block in self.starting_on.get(day, ())
                          if block.name in self.unplaced and block.name in self.released]
            if not candidates:
                return
            if load.is_empty:
                ordered = sorted(candidates, key=lambda b: self._seed_key(b, day))
            else:
                ordered = sorted((b for b in candidates if self._may_join(b, day)),
                                 key=lambda b: self._fill_key(b, day))
            chosen = next((block for block in ordered
                           if self.fits(block, day, self._hours_limit(block, day))), None)
            if chosen is None and not load.is_empty:
                chosen = next((block for block in ordered if self._worth_overtime(block, day)
                               and self.fits(block, day, self.hard_cap)), None)
            if chosen is None:
                return
            self._put(chosen, day)

    def _hours_limit(self, block: Block, day: int) -> int:
        """Standard hours; overtime up to the hard cap only for a block due today."""
        return self.hard_cap if self._slack(block, day) <= 0 else self.standard

    def _worth_overtime(self, block: Block, day: int) -> bool:
        """The overtime a block adds to a day costs less than the share of a crew day its
        minutes would otherwise take (a long day is cheaper than one more day)."""
        if block.length > 1:
            return False
        load = self.loads[day]
        move = self.day_rules.move_minutes
        before = max(0, load.minutes(move) - self.standard)
        after = max(0, load.with_parts(p for _, p in block.parts).minutes(move) - self.standard)
        overtime_cost = (after - before) * self.settings.overtime_cost_per_hour
        return overtime_cost * self.standard <= self.crew_day * block.minutes * 60

    def _missed(self, day: int) -> list[Block]:
        """Blocks whose last possible start was ``day`` and that are still not down."""
        return [block for block in self.unplaced.values() if self.deadline[block.name] <= day
                and max(block.starts) <= day]

    def _put_anywhere(self, block: Block) -> bool:
        """The first allowed day that takes the block in a standard day, else with overtime."""
        for hours_limit in (self.standard, self.hard_cap):
            for start in sorted(block.starts):
                if self.fits(block, start, hours_limit):
                    self._put(block, start)
                    return True
        return False

    def fits(self, block: Block, start: int, hours_limit: int) -> bool:
        """``PartialBoard.fits``, counted against the packing's effort."""
        self.effort.spent += 1
        return super().fits(block, start, hours_limit)

    def _make_room(self, block: Block, today: int) -> bool:
        """Put a late block on one of its days by taking blocks off that day (and the days
        either side, for the night turnaround): one block at a time first, then one after
        another until it fits.  The blocks taken off go on other days, or back to be packed
        later when they may still start after ``today``.  Undone when that fails, and not tried
        once the packing's effort is spent."""
        for start in sorted(block.starts):
            in_the_way = self._in_the_way(block, start)
            for trial in [[other] for other in in_the_way] + [in_the_way]:
                if self.effort.is_spent:
                    return False
                saved = self._snapshot()
                if self._evict_and_put(block, start, trial, today):
                    return True
                self._restore(saved)
        return False

    def _evict_and_put(self, block: Block, start: int, in_the_way: list[Block],
                       today: int) -> bool:
        taken_off: list[Block] = []
        for other in in_the_way:
            self.remove(other)
            self._unput(other)
            taken_off.append(other)
            if self.fits(block, start, self.hard_cap):
                self._put(block, start)
                return all(max(b.starts) > today or self._put_anywhere(b) for b in taken_off)
        return False

    def _in_the_way(self, block: Block, start: int) -> list[Block]:
        """Movable blocks on the days ``block`` would take, or beside them, with nothing placed
        after them by ``before``: those that may still start later first, then the shortest."""
        days = {day + side for day in block.parts_by_day(start) for side in (-1, 0, 1)}
        found = {other.name: other for day in days for other, _ in self.blocks_on(day)
                 if not other.is_fixed
                 and all(later.name in self.unplaced
                         for later in self.successors.get(other.name, []))}
        return sorted(found.values(), key=lambda b: (-max(b.starts), b.minutes, b.sort_key))

    def _snapshot(self) -> tuple[object, ...]:
        return (self.state.copy(), dict(self.unplaced), set(self.released),
                dict(self.waiting_on), dict(self.scenes_left), set(self.started_cast))

    def _restore(self, saved: tuple[object, ...]) -> None:
        state, unplaced, released, waiting_on, scenes_left, started = saved
        self.state = state  # type: ignore[assignment]
        self.unplaced = unplaced  # type: ignore[assignment]
        self.released = released  # type: ignore[assignment]
        self.waiting_on = waiting_on  # type: ignore[assignment]
        self.scenes_left = scenes_left  # type: ignore[assignment]
        self.started_cast = started  # type: ignore[assignment]

    def _put(self, block: Block, start: int) -> None:
        self.place(block, start)
        self._mark_placed(block)

    def _mark_placed(self, block: Block) -> None:
        del self.unplaced[block.name]
        for later in self.successors.get(block.name, []):
            self.waiting_on[later.name] -= 1
            if self.waiting_on[later.name] == 0:
                self.released.add(later.name)
        for scene, _ in block.members:
            for cast_id in scene.cast:
                self.scenes_left[cast_id] -= 1
                self.started_cast.add(cast_id)

    def _unput(self, block: Block) -> None:
        """Bookkeeping of a block taken off the board by ``remove``."""
        self.unplaced[block.name] = block
        for later in self.successors.get(block.name, []):
            if self.waiting_on[later.name] == 0:
                self.released.discard(later.name)
            self.waiting_on[later.name] += 1
        for scene, _ in block.members:
            for cast_id in scene.cast:
                self.scenes_left[cast_id] += 1

    # ----- preferences --------------------------------------------------------------------------

    def _slack(self, block: Block, day: int) -> int:
        """Shoot days to spare before the block is late: the least, over the block's location,
        cast and the whole board, of the days left before a deadline less the days the blocks
        due by then still need (see ``_group_slack``)."""
        if self._slack_day != day:
            self._slack_day, self._slack_of = day, self._group_slack(day)
        return self._slack_of.get(block.name, self.num_days)

    def _group_slack(self, day: int) -> dict[str, int]:
        """Energetic urgency: for each group of blocks that share a location, a cast member or
        nothing (the whole board), and each deadline D, the shoot days from ``day`` to D less
        the standard days their unplaced blocks due by D need; each block gets the least slack
        over its groups and the deadlines from its own on."""
        open_days = [0] * (self.num_days + 2)  # open_days[d]: usable shoot days day..d
        count = 0
        for d in range(1, self.num_days + 1):
            if d >= day and d not in self.rules.dark_days:
                count += 1
            open_days[d] = count
        slack: dict[str, int] = {}
        for members in self.groups:
            due = [block for block in members if block.name in self.unplaced]
            minutes, tightest = 0, self.num_days
            needs: list[tuple[Block, int]] = []
            for block in due:  # by deadline
                minutes += block.minutes
                deadline = max(0, min(self.deadline[block.name], self.num_days))
                needs.append((block, open_days[deadline] - -(-minutes // self.standard)))
            for block, spare in reversed(needs):
                tightest = min(tightest, spare)
                slack[block.name] = min(slack.get(block.name, tightest), tightest)
        return slack

    def _seed_key(self, block: Block, day: int) -> SortKey:
        """The first block of a day: what is due, then what continues yesterday's location,
        then what keeps the cast on the show working; a night run only where it can end."""
        slack = self._slack(block, day)
        urgent = slack <= self.style.urgent_slack
        yesterday = self.loads.get(day - 1)
        continues = yesterday is not None and block.lead.location in yesterday.locations
        due_today = self.deadline[block.name] <= day
        loses_a_day = (self.style.nights_to_a_break and not due_today
                       and self._night_costs_a_day(block, day))
        return (not urgent, loses_a_day, slack if urgent else 0, not continues,
                -self._active_cast_rate(block), -block.minutes, block.sort_key)

    def _may_join(self, block: Block, day: int) -> bool:
        """A cheap first look: the block's zone and light may share the day."""
        load = self.loads[day]
        zones = {part.zone for _, part in block.parts if part.zone}
        if load.zones and zones - load.zones:
            return False
        split = block.is_night != load.has_night
        return self.settings.allow_split_days or not split

    def _fill_key(self, block: Block, day: int) -> SortKey:
        """What joins a day: the same location first (no move); then what is due, then what
        keeps the cast on the show working, the longest first."""
        same_place = block.lead.location in self.loads[day].locations
        slack = self._slack(block, day)
        size = -block.minutes if self.style.longest_first else 0
        return (slack > 0, not same_place, min(slack, self.style.urgent_slack + 1), size,
                -self._active_cast_rate(block), -block.minutes, block.sort_key)

    def _active_cast_rate(self, block: Block) -> int:
        """Daily rates of the block's cast already on the show, less those it would bring on."""
        cast = {cast_id for scene, _ in block.members for cast_id in scene.cast}
        return sum(self.rate.get(c, 0) if c in self.started_cast else -self.rate.get(c, 0)
                   for c in cast)

    def _night_costs_a_day(self, block: Block, day: int) -> bool:
        """A night on ``day`` that starts a run with not enough night work released to carry
        it to the next break in the calendar: the day after would be lost to the turnaround."""
        if not block.is_night or not self.day_rules.closes_next_day(day):
            return False
        yesterday = self.loads.get(day - 1)
        if yesterday is not None and yesterday.has_night:
            return False  # the run goes on
        run = self._days_to_break(day)
        if self._least_daylight_slack(day) < run:
            return True  # day work due in the days the run would close
        night_minutes = sum(b.minutes for b in self._released_nights(day, day + run))
        return night_minutes < run * self.standard

    def _least_daylight_slack(self, day: int) -> int:
        """The least slack of the day-light blocks still to place."""
        return min((self._slack(block, day) for block in self.unplaced.values()
                    if not block.is_night), default=self.num_days)

    def _days_to_break(self, day: int) -> int:
        """Shoot days from ``day`` to the last one before a date without shooting."""
        run = 1
        while self.day_rules.closes_next_day(day + run - 1):
            run += 1
        return run

    def _released_nights(self, first: int, last: int) -> Iterable[Block]:
        seen: set[str] = set()
        for day in range(first, min(last, self.num_days) + 1):
            for block in self.starting_on.get(day, ()):
                if (block.is_night and block.name in self.unplaced
                        and block.name in self.released and block.name not in seen):
                    seen.add(block.name)
                    yield block
