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
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from ..board import Block, PartialBoard, SortKey, StaticRules, block_deadlines, build_blocks
from ..board import before_graph as _before_graph
from ..data import Production
from ..solution import Solution

logger = logging.getLogger("scheduler")

# A block is urgent when its last possible start is at most this many shoot days away: it is then
# put down by deadline, before what merely fits well.
URGENT_SLACK = 3

# Times the packing starts over with a stuck block put down first.
MAX_RESTARTS = 8


def pack_calendar(production: Production) -> Solution | None:
    """A compact valid schedule of ``production``, packed day by day, or ``None``.

    Parameters
    ----------
    production
        A checked production.

    Returns
    -------
    Solution | None
        A schedule that breaks no hard rule (the budget aside: the caller checks it), or
        ``None`` when the packer finds no place for some block (which proves nothing).
    """
    rules = StaticRules(production)
    position: dict[str, SortKey] = {scene.id: (index,)
                                    for index, scene in enumerate(production.scenes)}
    blocks = build_blocks(production, position, rules.allowed_starts)
    if blocks is None or any(not block.starts for block in blocks):
        return None
    first: list[Block] = []
    for attempt in range(MAX_RESTARTS + 1):
        packer = _Packer(rules, blocks, first)
        stuck = packer.pack()
        if stuck is None:
            logger.info("packer: %d scenes on %d shoot days (%d placements tried, %d restarts)",
                        len(production.scenes), max(packer.start_day.values(), default=0),
                        packer.checks, attempt)
            return Solution(start_day=dict(packer.start_day))
        logger.debug("packer: no day for scene(s) %s; packing again with them first",
                     ", ".join(stuck.scene_ids))
        first = [stuck, *(block for block in first if block.name != stuck.name)]
    logger.info("packer: no valid day for scene(s) %s", ", ".join(first[0].scene_ids))
    return None


class _Packer(PartialBoard):
    """One packing of the calendar, day by day."""

    def __init__(self, rules: StaticRules, blocks: list[Block], first: list[Block]) -> None:
        super().__init__(rules)
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

    def pack(self) -> Block | None:
        """Pack every block; the first block that finds no day, or ``None`` when all are down."""
        for block in [b for b in self.blocks if b.is_fixed] + self.first:
            if block.name in self.unplaced and not self._put_anywhere(block):
                return block
        for day in self.calendar.days:
            if not self.unplaced:
                break
            if day not in self.rules.dark_days:
                self._fill(day)
            for block in self._missed(day):
                if not self._put_anywhere(block):
                    return block
        return next(iter(self.unplaced.values()), None)

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

    def _put(self, block: Block, start: int) -> None:
        self.place(block, start)
        del self.unplaced[block.name]
        for later in self.successors.get(block.name, []):
            self.waiting_on[later.name] -= 1
            if self.waiting_on[later.name] == 0:
                self.released.add(later.name)
        for scene, _ in block.members:
            for cast_id in scene.cast:
                self.scenes_left[cast_id] -= 1
                self.started_cast.add(cast_id)

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
        urgent = slack <= URGENT_SLACK
        yesterday = self.loads.get(day - 1)
        continues = yesterday is not None and block.lead.location in yesterday.locations
        return (not urgent, slack if urgent else 0, self._night_costs_a_day(block, day),
                not continues, -self._active_cast_rate(block), -block.minutes, block.sort_key)

    def _may_join(self, block: Block, day: int) -> bool:
        """A cheap first look: the block's zone and light may share the day."""
        load = self.loads[day]
        zones = {part.zone for _, part in block.parts if part.zone}
        if load.zones and zones - load.zones:
            return False
        split = block.lead.is_night != load.has_night
        return self.settings.allow_split_days or not split

    def _fill_key(self, block: Block, day: int) -> SortKey:
        """What joins a day: the same location first (no move); then what is due, then what
        keeps the cast on the show working, the longest first."""
        same_place = block.lead.location in self.loads[day].locations
        slack = self._slack(block, day)
        return (not same_place, min(slack, URGENT_SLACK + 1), -self._active_cast_rate(block),
                -block.minutes, block.sort_key)

    def _active_cast_rate(self, block: Block) -> int:
        """Daily rates of the block's cast already on the show, less those it would bring on."""
        cast = {cast_id for scene, _ in block.members for cast_id in scene.cast}
        return sum(self.rate.get(c, 0) if c in self.started_cast else -self.rate.get(c, 0)
                   for c in cast)

    def _night_costs_a_day(self, block: Block, day: int) -> bool:
        """A night on ``day`` that starts a run with not enough night work released to carry
        it to the next break in the calendar: the day after would be lost to the turnaround."""
        if not block.lead.is_night or not self.day_rules.closes_next_day(day):
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
                    if not block.lead.is_night), default=self.num_days)

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
                if (block.lead.is_night and block.name in self.unplaced
                        and block.name in self.released and block.name not in seen):
                    seen.add(block.name)
                    yield block
