"""The neighbourhoods of the large-neighbourhood search: which scenes may move, and where to.

Each neighbourhood frees a set of scenes of the current schedule and gives each a few candidate
start days; the other scenes stay where they are.  The kinds follow the structure of a shoot:

- ``window``: consecutive shoot days, reshuffled among themselves (the day breaks, moves and
  overtime of one stretch of the board);
- ``days``: shoot days drawn anywhere, so scenes can swap across the calendar;
- ``cast``: the days one or two cast members work or are held, so their scenes can come
  together and their paid span shrink;
- ``member``: the scenes of one held cast member, each free to go to any day it is allowed;
- ``location``: the days of a location's visits, so its scenes can come together in fewer visits;
- ``tail``: the last shoot days, with earlier days that have room, so the wrap comes in;
- ``slide``: every scene from a shoot day on may start up to ``SLIDE_DAYS`` days earlier, so a
  whole stretch of the board can close up behind an empty or light day;
- ``compress``: the last shoot day must empty: the scenes of the last few days and of the
  earlier days with room are re-placed among those days (a wrap day in, or an infeasible
  sub-model);
- ``shift``: every scene of a stretch may move a day either way (many small moves at once).

A scene in a ``same_day`` group or a ``consecutive`` chain is freed with its partners.  Every
candidate day is one of the scene's allowed start days (windows, availability, pins): a
neighbourhood never asks the model for a day the scene cannot have.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..data import ConstraintKind, Production, Scene
from ..solution import Schedule

KINDS = ("window", "days", "cast", "member", "location", "tail", "slide", "compress", "shift")

# How many shoot days earlier a scene may start in a slide.
SLIDE_DAYS = 2
# A compression re-places the scenes of the last so many shoot days (drawn from these).
COMPRESS_DEEP_DAYS = (1, 2, 2, 3)


@dataclass(frozen=True)
class Neighbourhood:
    """Free scenes and their candidate start days (each includes the scene's current day)."""

    kind: str
    starts: dict[str, frozenset[int]]

    @property
    def size(self) -> int:
        """Scenes free to move."""
        return sum(1 for days in self.starts.values() if len(days) > 1)


class NeighbourhoodMaker:
    """Draws neighbourhoods of a production's schedules.

    Parameters
    ----------
    production
        The production.
    rng
        The random source (seeded by the caller, for deterministic runs).
    """

    def __init__(self, production: Production, rng: random.Random) -> None:
        self.production = production
        self.rng = rng
        self.allowed = {scene.id: frozenset(production.allowed_start_days(scene))
                        for scene in production.scenes}
        self.partners = _linked_scenes(production)
        self.makers: dict[str, Callable[[Schedule, int], Neighbourhood | None]] = {
            "window": self.window, "days": self.days, "cast": self.cast, "member": self.member,
            "location": self.location, "tail": self.tail, "slide": self.slide,
            "compress": self.compress, "shift": self.shift,
        }

    def make(self, kind: str, schedule: Schedule, size: int) -> Neighbourhood | None:
        """A neighbourhood of ``kind`` freeing about ``size`` scenes of ``schedule`` (``None``
        when the schedule offers none of that kind)."""
        return self.makers[kind](schedule, max(1, size))

    # ----- the kinds ----------------------------------------------------------------------------

    def window(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        days = schedule.shooting_days
        if not days:
            return None
        first = self.rng.choice(days)
        chosen = self._grow(schedule, range(first, schedule.calendar.num_days + 1), size)
        return self._open_days("window", schedule, chosen)

    def days(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        days = list(schedule.shooting_days)
        self.rng.shuffle(days)
        return self._open_days("days", schedule, self._grow(schedule, days, size))

    def cast(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        """The first and last work days of one or two held cast members (the dearest holds
        likelier), then days drawn inside their spans."""
        held = self._held_cast(schedule)
        if not held:
            return None
        picked = self._weighted(held, 2 if len(held) > 1 and self.rng.random() < 0.4 else 1)
        ends: list[int] = []
        inside: list[int] = []
        for cast_id in picked:
            days = schedule.cast_days[cast_id]
            ends += [days.work[0], days.work[-1]]
            inside += list(range(days.work[0] + 1, days.work[-1]))
        self.rng.shuffle(inside)
        return self._open_days("cast", schedule, self._grow(schedule, ends + inside, size))

    def _held_cast(self, schedule: Schedule) -> list[tuple[str, int]]:
        """Each paid cast member with hold days, and what the holds cost."""
        return [(member.id, member.daily_rate * len(days.hold))
                for member in self.production.cast
                if len((days := schedule.cast_days[member.id]).hold) > 0
                and member.daily_rate > 0]

    def member(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        """The scenes of one held cast member (the dearest holds likelier), each free to start
        on any day it is allowed up to the wrap: their work can come together anywhere."""
        held = self._held_cast(schedule)
        if not held:
            return None
        cast_id = self._weighted(held, 1)[0]
        wrap = schedule.wrap_day
        starts = {}
        for scene in self.production.scenes:
            if cast_id in scene.cast:
                latest = wrap - self.production.scene_days(scene) + 1
                starts[scene.id] = frozenset(
                    day for day in self.allowed[scene.id] if day <= latest) | {
                    schedule.solution.start_day[scene.id]}
        return Neighbourhood("member", self._with_partners(schedule, starts))

    def location(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        """The days of a location visited more than once (dearer move-ins likelier), and the
        days around its visits."""
        revisited = []
        for location in self.production.locations:
            visits = schedule.location_visits(location.id)
            if len(visits) > 1:
                revisited.append((location.id, (len(visits) - 1) * (location.move_in_cost + 1)))
        if not revisited:
            return None
        location_id = self._weighted(revisited, 1)[0]
        visit_days = schedule.location_days(location_id)
        around = [day + side for day in visit_days for side in (-1, 1)]
        self.rng.shuffle(around)
        return self._open_days("location", schedule,
                               self._grow(schedule, visit_days + around, size))

    def tail(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        """The last shoot days, and earlier days with room (the lightest likelier)."""
        wrap = schedule.wrap_day
        if wrap <= 1:
            return None
        last_days = self._grow(schedule, range(wrap, 0, -1), max(1, size // 2))
        standard = self.production.settings.standard_day_minutes
        earlier = [day for day in range(1, min(last_days)) if schedule.minutes_on(day) < standard]
        self.rng.shuffle(earlier)
        earlier.sort(key=lambda day: schedule.minutes_on(day) // 60)
        return self._open_days("tail", schedule,
                               last_days | self._grow(schedule, earlier, size - size // 2))

    def slide(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        """Every scene from a day on (an empty or light day likelier) may start earlier."""
        wrap = schedule.wrap_day
        if wrap <= 1:
            return None
        standard = self.production.settings.standard_day_minutes
        light = [day for day in range(1, wrap) if schedule.minutes_on(day) < standard // 2]
        first = self.rng.choice(light) if light and self.rng.random() < 0.7 else (
            self.rng.randint(2, wrap))
        starts = {}
        for scene in self.production.scenes:
            current = schedule.solution.start_day[scene.id]
            if current >= first:
                starts[scene.id] = frozenset(
                    day for day in range(current - SLIDE_DAYS, current + 1)
                    if day in self.allowed[scene.id]) | {current}
        return Neighbourhood("slide", self._with_partners(schedule, starts))

    def compress(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        """The wrap comes in a day: the scenes of the last one to three shoot days and of the
        earlier days with the most room (about ``size`` scenes in all) are re-placed among
        those days, and nothing may be shot on the last day (the sub-model is infeasible when
        that cannot be).  A day is the dearest thing to take out and the objective rewards
        emptying the last one only when it is quite empty: here that is demanded at once."""
        wrap = schedule.wrap_day
        if wrap <= 1:
            return None
        deep_days = set(schedule.shooting_days[-self.rng.choice(COMPRESS_DEEP_DAYS):])
        deep_scenes = sum(len(schedule.parts_by_day[day]) for day in deep_days)
        standard = self.production.settings.standard_day_minutes
        roomy = [day for day in range(1, min(deep_days))
                 if schedule.minutes_on(day) < standard]
        self.rng.shuffle(roomy)
        roomy.sort(key=lambda day: schedule.minutes_on(day) // 60)
        days = deep_days | self._grow(schedule, roomy, max(1, size - deep_scenes))
        opened = self._open_days("compress", schedule, days)
        if opened is None:
            return None
        starts = {}
        for scene_id, candidates in opened.starts.items():
            length = self.production.scene_days(self.production.scene_by_id[scene_id])
            starts[scene_id] = frozenset(day for day in candidates if day + length - 1 < wrap)
        return Neighbourhood("compress", starts)

    def shift(self, schedule: Schedule, size: int) -> Neighbourhood | None:
        """Every scene of a stretch of about ``4 * size`` scenes may move a day either way:
        many small moves at once, which no single re-placement finds."""
        days = schedule.shooting_days
        if not days:
            return None
        first = self.rng.choice(days)
        stretch = self._grow(schedule, range(first, schedule.calendar.num_days + 1), 4 * size)
        starts = {}
        for scene in self.production.scenes:
            current = schedule.solution.start_day[scene.id]
            if current in stretch:
                starts[scene.id] = self.allowed[scene.id] & frozenset(
                    range(current - 1, current + 2)) | {current}
        return Neighbourhood("shift", self._with_partners(schedule, starts))

    def around(self, schedule: Schedule, scene_ids: Iterable[str],
               widen: int = 1) -> Neighbourhood | None:
        """The days ``scene_ids`` may start on, and ``widen`` days either side, opened to every
        scene on them: to repair a draft around the scenes that broke a rule."""
        days: set[int] = set()
        for scene_id in scene_ids:
            length = self.production.scene_days(self.production.scene_by_id[scene_id])
            for start in self.allowed[scene_id]:
                days.update(range(start - widen, start + length + widen))
        days &= set(schedule.parts_by_day)
        return self._open_days("repair", schedule, days)

    def within(self, neighbourhood: Neighbourhood, schedule: Schedule,
               horizon: int) -> Neighbourhood:
        """``neighbourhood`` with each free scene's candidate days cut to those that end by
        shoot day ``horizon`` (its current day stays a candidate)."""
        starts = {}
        for scene_id, days in neighbourhood.starts.items():
            length = self.production.scene_days(self.production.scene_by_id[scene_id])
            starts[scene_id] = frozenset(day for day in days if day + length - 1 <= horizon) | {
                schedule.solution.start_day[scene_id]}
        return Neighbourhood(neighbourhood.kind, starts)

    # ----- helpers -----------------------------------------------------------------------------

    def _grow(self, schedule: Schedule, days: Iterable[int], size: int) -> set[int]:
        """Days taken in order until their scenes number at least ``size``."""
        chosen: set[int] = set()
        count = 0
        for day in days:
            if day in chosen or day not in schedule.parts_by_day:
                continue
            chosen.add(day)
            count += len(schedule.parts_by_day[day])
            if count >= size:
                break
        return chosen

    def _open_days(self, kind: str, schedule: Schedule, days: set[int]) -> Neighbourhood | None:
        """The scenes on ``days``, each free to start on any of them that it is allowed."""
        if not days:
            return None
        scenes = {part.scene.id: part.scene for day in days
                  for part in schedule.parts_by_day[day]}
        starts = {scene.id: self._starts_within(schedule, scene, days)
                  for scene in scenes.values()}
        return Neighbourhood(kind, self._with_partners(schedule, starts, days))

    def _starts_within(self, schedule: Schedule, scene: Scene, days: set[int]) -> frozenset[int]:
        length = self.production.scene_days(scene)
        current = schedule.solution.start_day[scene.id]
        return frozenset(day for day in self.allowed[scene.id]
                         if all(d in days for d in range(day, day + length))) | {current}

    def _with_partners(self, schedule: Schedule, starts: dict[str, frozenset[int]],
                       days: set[int] | None = None) -> dict[str, frozenset[int]]:
        """Free the ``same_day`` and ``consecutive`` partners of free scenes too."""
        pending = [sid for sid, candidates in starts.items() if len(candidates) > 1]
        while pending:
            for partner in self.partners.get(pending.pop(), ()):
                if partner in starts:
                    continue
                scene = self.production.scene_by_id[partner]
                current = schedule.solution.start_day[partner]
                starts[partner] = (self._starts_within(schedule, scene, days) if days is not None
                                   else self.allowed[partner] & frozenset(
                                       range(current - SLIDE_DAYS, current + 1)) | {current})
                pending.append(partner)
        return starts

    def _weighted(self, items: list[tuple[str, int]], count: int) -> list[str]:
        """``count`` distinct ids drawn with probability proportional to their weights."""
        pool = list(items)
        picked: list[str] = []
        while pool and len(picked) < count:
            total = sum(max(1, weight) for _, weight in pool)
            mark = self.rng.uniform(0, total)
            for index, (item, weight) in enumerate(pool):
                mark -= max(1, weight)
                if mark <= 0 or index == len(pool) - 1:
                    picked.append(item)
                    pool.pop(index)
                    break
        return picked


def _linked_scenes(production: Production) -> dict[str, set[str]]:
    """Scenes tied to others by ``same_day`` or ``consecutive`` (they move together)."""
    partners: dict[str, set[str]] = defaultdict(set)
    for rule in production.constraints:
        if rule.kind in (ConstraintKind.SAME_DAY, ConstraintKind.CONSECUTIVE):
            for scene_id in rule.scenes:
                partners[scene_id].update(other for other in rule.scenes if other != scene_id)
    return partners
