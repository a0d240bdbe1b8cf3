"""The reference board: a synthetic production's scenes dealt into shoot days by location, the
way a 1st AD would, breaking no rule of a day (``scheduler.day_rules``).  Windows and scene
constraints are ignored: they are drawn around the board afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.calendar import ShootCalendar
from scheduler.data import Production, Scene
from scheduler.day_rules import DayLoad, DayRules
from scheduler.solution import Solution


@dataclass
class BoardDay:
    """One day of a reference board, or the k consecutive days of a multi-day scene.

    ``load`` is what the day rules see (``scheduler.day_rules``); ``locations`` keeps the order
    in which the day's locations came, for laying the days out.
    """

    scenes: list[Scene]
    locations: list[str]
    zone: str | None
    night: bool
    load: DayLoad
    length: int = 1

    @property
    def minutes(self) -> int:
        return self.load.scene_minutes


class BoardDealer:
    """Deals a production's scenes into shoot days by location, breaking no rule of a day.

    The rules kept: day hours (moves included), locations a day, zones, no split days, night
    turnaround, one DAWN and one DUSK scene a day, cast ``max_hours`` (minors), multi-day scenes
    alone on consecutive days.  A day holds scenes of one location and one time of day (DAY or
    NIGHT), filled up to the standard day; the scenes of days left less than half full are dealt
    again into any day of their zone with room, up to ``max_day_hours``.  Days are laid on the
    calendar zone by zone and location by location; night days are kept for the end of a week,
    so that the company turns round over the weekend.  Windows, availability, pins and
    continuity constraints are *not* consulted: the generator draws them around the board.
    """

    def __init__(self, production: Production) -> None:
        self.production = production
        self.rules = DayRules(production)
        self.capacity = production.settings.standard_day_minutes
        self.hard_cap = production.settings.max_day_minutes
        self.first_seen = {s.id: i for i, s in enumerate(production.scenes)}

    def board(self, spare_days: int = 0) -> Solution:
        """The reference board, with ``spare_days`` empty days spread evenly through it."""
        return self.place(self.order(self.pack()), spare_days)

    # ----- packing --------------------------------------------------------------------------

    def zone_of(self, scene: Scene) -> str | None:
        location = self.production.location_by_id.get(scene.location or "")
        return location.zone if location else None

    def new_day(self, scene: Scene) -> BoardDay:
        return BoardDay(
            scenes=[scene],
            locations=[scene.location] if scene.location else [],
            zone=self.zone_of(scene),
            night=scene.is_night,
            load=DayLoad().with_part(self.rules.part(scene, 0)),
            length=self.production.scene_days(scene),
        )

    def fits(self, day: BoardDay, other: BoardDay, cap: int | None = None) -> bool:
        """May the scenes of ``other`` join ``day``: one-day scenes of one light and one zone
        (the board's own way of dealing), keeping every rule of a day (``DayRules``)?"""
        if not (day.length == other.length == 1 and day.night == other.night
                and day.zone == other.zone):
            return False
        parts = [self.rules.part(scene, 0) for scene in other.scenes]
        return self.rules.may_add(day.load, parts, cap or self.capacity) is not None

    def join(self, day: BoardDay, other: BoardDay) -> None:
        day.scenes += other.scenes
        day.locations = list(dict.fromkeys(day.locations + other.locations))
        day.load = day.load.with_parts(self.rules.part(scene, 0) for scene in other.scenes)

    def pack(self) -> list[BoardDay]:
        """Days of one location and time of day, filled longest scene first (first-fit
        decreasing); then the scenes of days left less than half full are dealt again, zone by
        zone, into any day with room, which may make it a two-location day."""
        groups: dict[tuple[str, bool], list[Scene]] = {}
        for scene in self.production.scenes:
            groups.setdefault((scene.location or "", scene.is_night), []).append(scene)
        days: list[BoardDay] = []
        for scenes in groups.values():
            days += self.first_fit(scenes, [], self.capacity)
        loose = [s for d in days if self.is_thin(d) for s in d.scenes]
        days = [d for d in days if not self.is_thin(d)]
        by_zone: dict[tuple[str | None, bool], list[Scene]] = {}
        for scene in loose:
            by_zone.setdefault((self.zone_of(scene), scene.is_night), []).append(scene)
        for (zone, night), scenes in by_zone.items():
            same = [d for d in days if d.zone == zone and d.night == night]
            # The leftovers may run into overtime (up to max_day_hours) rather than take a day.
            days += self.first_fit(scenes, same, self.hard_cap)[len(same) :]
        return days

    def is_thin(self, day: BoardDay) -> bool:
        return day.length == 1 and day.minutes < self.capacity // 2

    def first_fit(self, scenes: list[Scene], days: list[BoardDay], cap: int) -> list[BoardDay]:
        """``days`` filled with ``scenes``, longest first, opening new days at the end."""
        days = list(days)
        longest_first = sorted(
            scenes, key=lambda s: (-self.production.scene_minutes(s), self.first_seen[s.id])
        )
        for scene in longest_first:
            single = self.new_day(scene)
            home = next((d for d in days if self.fits(d, single, cap)), None)
            if home is None:
                days.append(single)
            else:
                self.join(home, single)
        return days

    # ----- laying the days on the calendar ---------------------------------------------------

    def order(self, days: list[BoardDay]) -> list[BoardDay]:
        """Zone by zone, location by location (in order of first appearance), nights last."""
        zone_rank: dict[str | None, int] = {}
        location_rank: dict[str, int] = {}
        for scene in self.production.scenes:
            zone_rank.setdefault(self.zone_of(scene), len(zone_rank))
            location_rank.setdefault(scene.location or "", len(location_rank))

        def key(day: BoardDay) -> tuple[int, int, bool, int]:
            first = day.locations[0] if day.locations else ""
            return (
                zone_rank[day.zone],
                location_rank[first],
                day.night,
                min(self.first_seen[s.id] for s in day.scenes),
            )

        return sorted(days, key=key)

    def place(self, days: list[BoardDay], spare_days: int) -> Solution:
        """Lay the days on the calendar in order.  A run of night days starts only when the
        nights left reach the next date without shooting; where a day shoot would still follow
        a night shoot on the next date, the next night day comes forward instead, or, with no
        night day left, the date stays free."""
        calendar = self.production.calendar
        spares_before = [0] * len(days)
        for k in range(spare_days):
            spares_before[min(len(days) - 1, (k + 1) * len(days) // (spare_days + 1))] += 1
        waiting = list(days)
        start_day: dict[str, int] = {}
        night_days: set[int] = set()
        current, placed = 1, 0
        while waiting:
            current += spares_before[placed]
            spares_before[placed] = 0
            after_night = current - 1 in night_days and self._next_date(
                calendar, current - 1, current
            )
            day = waiting[0]
            if after_night and not day.night:
                day = next((d for d in waiting if d.night), day)
                if not day.night:
                    current += 1
                    continue
            elif day.night and not after_night:
                # Start a night run only when the nights left reach the next free date (the
                # weekend), so that the company flips back to days over the weekend.
                nights_left = sum(d.length for d in waiting if d.night)
                if nights_left < self._days_to_free_date(calendar, current):
                    day = next((d for d in waiting if not d.night), day)
            waiting.remove(day)
            last = current + day.length - 1
            if last > calendar.num_days:
                raise ValueError(
                    f"the reference board needs more than the calendar's "
                    f"{calendar.num_days} shoot days"
                )
            for scene in day.scenes:
                start_day[scene.id] = current
            if day.night:
                night_days.update(range(current, last + 1))
            current = last + 1
            placed += 1
        return Solution(start_day=start_day)

    @classmethod
    def _days_to_free_date(cls, calendar: ShootCalendar, day: int) -> int:
        """Shoot days from ``day`` to the last one before a date without shooting."""
        run = 1
        while cls._next_date(calendar, day + run - 1, day + run):
            run += 1
        return run

    @staticmethod
    def _next_date(calendar: ShootCalendar, day: int, next_day: int) -> bool:
        return next_day <= calendar.num_days and calendar.is_next_calendar_date(day, next_day)


def reference_board(production: Production, spare_days: int = 0) -> Solution:
    """A valid-by-construction board of ``production`` that ignores windows and constraints.

    Parameters
    ----------
    production
        The production; its calendar must be long enough for the board.
    spare_days
        Empty shoot days spread evenly through the board.

    Returns
    -------
    Solution
        Each scene's first shoot day.

    Raises
    ------
    ValueError
        When the calendar is too short for the board.
    """
    return BoardDealer(production).board(spare_days)
