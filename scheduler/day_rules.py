"""The rules of one shoot day, without a solver: what a day may hold, and what may follow it.

One home for the day rules that every board builder keeps: the conventional board
(``conventional_board``), the constructive packer (``search.construct``) and the benchmark
generator's reference board (``benchmarks.drafting.reference_board``).  ``validate`` (the
executable spec) and the CP-SAT model (``model/constraints.py``) state the same rules
independently, on purpose: they are the oracle and the solver.

A day's content is a ``DayLoad``: the parts of scenes on it, counted in the terms the rules speak
of.  ``DayRules`` knows the production's limits:

- hours: scene minutes plus the time of company moves, within a limit (``max_day_minutes`` at
  most);
- a scene longer than a day is alone on each of its days;
- at most ``max_locations_per_day`` locations, and locations of one zone only;
- no day mixes NIGHT with day-light scenes, unless split days are allowed;
- at most one DAWN and one DUSK scene;
- a cast member with ``max_minutes`` (a minor) works at most that long;
- a day with a NIGHT scene is not followed, on the next calendar date, by day-light scenes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .data import DayNight, Production, Scene


@dataclass(frozen=True)
class StripPart:
    """What one scene adds to one shoot day (a k-day scene adds k parts, one a day)."""

    scene: Scene
    minutes: int
    multi_day: bool
    zone: str | None = None
    limited_cast: tuple[str, ...] = ()  # cast with a cap on their hours a day (minors)


@dataclass(frozen=True)
class DayLoad:
    """What is on one shoot day, in the terms the day rules speak of."""

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

    def with_parts(self, parts: Iterable[StripPart]) -> DayLoad:
        load = self
        for part in parts:
            load = load.with_part(part)
        return load

    def minutes(self, move_minutes: int) -> int:
        """Scene minutes plus the time of the company moves, as ``Schedule.minutes_on``."""
        return self.scene_minutes + move_minutes * max(0, len(self.locations) - 1)

    @property
    def is_empty(self) -> bool:
        return self.parts == 0


class DayRules:
    """The day rules of one production.

    Parameters
    ----------
    production
        The production whose limits apply.
    """

    def __init__(self, production: Production) -> None:
        self.production = production
        self.settings = production.settings
        self.calendar = production.calendar
        self.move_minutes = self.settings.company_move_minutes
        self._caps = {member.id: member.max_minutes for member in production.cast
                      if member.max_minutes is not None}

    # ----- parts --------------------------------------------------------------------------------

    def part(self, scene: Scene, index: int) -> StripPart:
        """Part ``index`` (0-based) of ``scene``: what it adds to its day."""
        production = self.production
        location = production.location_by_id.get(scene.location or "")
        limited = tuple(cast_id for cast_id in scene.cast if cast_id in self._caps)
        return StripPart(scene, production.part_minutes(scene, index),
                         production.is_multi_day(scene), location.zone if location else None,
                         limited)

    def parts(self, scene: Scene) -> list[StripPart]:
        """Every part of ``scene``, one per shoot day it takes."""
        return [self.part(scene, index) for index in range(self.production.scene_days(scene))]

    # ----- one day --------------------------------------------------------------------------------

    def may_add(self, load: DayLoad, parts: list[StripPart], hours_limit: int) -> DayLoad | None:
        """The day's load with ``parts`` added when every day rule still holds, else ``None``.

        A day within ``hours_limit`` is fine; a day that holds one strip only may run up to
        ``max_day_minutes`` whatever the limit (a long scene gets a day of its own).
        """
        if not self.alone_rule_holds(load, parts):
            return None
        if load.scene_minutes + sum(p.minutes for p in parts) > max(
                hours_limit, self.settings.max_day_minutes):
            return None  # a cheap early no, moves not counted
        new = load.with_parts(parts)
        return new if self.holds(new, hours_limit, alone_strip=load.is_empty) else None

    def holds(self, load: DayLoad, hours_limit: int, alone_strip: bool = False) -> bool:
        """Every rule of one day holds for ``load``.  ``alone_strip``: the load is one strip on
        an otherwise empty day, which may run to ``max_day_minutes``."""
        return (self.hours_fit(load, hours_limit, alone_strip)
                and self.locations_fit(load)
                and self.zones_fit(load)
                and self.split_day_holds(load)
                and self.dawn_dusk_holds(load)
                and self.minors_fit(load))

    @staticmethod
    def alone_rule_holds(load: DayLoad, parts: list[StripPart]) -> bool:
        """A multi-day scene is shot alone on each of its days."""
        if load.alone:
            return False
        return not any(part.multi_day for part in parts) or (load.is_empty and len(parts) == 1)

    def hours_fit(self, load: DayLoad, hours_limit: int, alone_strip: bool = False) -> bool:
        """Within the limit, moves included; never past ``max_day_minutes``."""
        minutes = load.minutes(self.move_minutes)
        if minutes <= min(hours_limit, self.settings.max_day_minutes):
            return True
        return alone_strip and minutes <= self.settings.max_day_minutes

    def locations_fit(self, load: DayLoad) -> bool:
        return len(load.locations) <= self.settings.max_locations_per_day

    @staticmethod
    def zones_fit(load: DayLoad) -> bool:
        return len(load.zones) <= 1

    def split_day_holds(self, load: DayLoad) -> bool:
        return self.settings.allow_split_days or not (load.has_day and load.has_night)

    @staticmethod
    def dawn_dusk_holds(load: DayLoad) -> bool:
        return load.dawns <= 1 and load.dusks <= 1

    def minors_fit(self, load: DayLoad) -> bool:
        """Cast with ``max_minutes`` (minors) work at most that long a day."""
        return all(minutes <= self._caps.get(cast_id, minutes)
                   for cast_id, minutes in load.limited_minutes)

    # ----- two days ---------------------------------------------------------------------------

    def turnaround_holds(self, day: int, load: DayLoad, next_load: DayLoad) -> bool:
        """A night on shoot day ``day`` is not followed by day-light scenes on ``day + 1`` when
        that is the next calendar date."""
        return not (load.has_night and next_load.has_day and self.closes_next_day(day))

    def closes_next_day(self, day: int) -> bool:
        """A night on ``day`` would keep day-light scenes off shoot day ``day + 1``."""
        return (self.settings.night_turnaround and day < self.calendar.num_days
                and self.calendar.is_next_calendar_date(day, day + 1))
