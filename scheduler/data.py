"""The production as the solver sees it: frozen pydantic models, integers only, no I/O.

Units inside the model: time in whole minutes, script length in eighths of a page, money in whole
currency units.  The model knows no file format: the reader that built a production may leave
``places`` (where it found each entity, see ``scheduler.subjects``), which stay out of the JSON
form, so two workbooks that describe the same production (in any column order or spelling) give
the same JSON.

The meaning of every field follows ``spec/workbook.md``.  The cross-checks live in
``scheduler.checks``; ``Production.check()`` runs them and raises ``InputError`` with every
problem at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .calendar import ShootCalendar
from .errors import InputError
from .revision import WGA_COLOURS
from .subjects import EntityKind, Places, Subject

MINUTES_PER_HOUR = 60
EIGHTHS_PER_PAGE = 8
# The pay of a crew call cancelled late (IATSE: notice after 6 pm the day before pays 8 hours).
LATE_CANCELLATION_MINUTES = 8 * MINUTES_PER_HOUR


class IntExt(StrEnum):
    INT = "INT"
    EXT = "EXT"
    INT_EXT = "INT/EXT"


class DayNight(StrEnum):
    DAY = "DAY"
    NIGHT = "NIGHT"
    DAWN = "DAWN"
    DUSK = "DUSK"

    @property
    def is_night(self) -> bool:
        """DAWN and DUSK are day scenes in a short light window; only NIGHT is night."""
        return self is DayNight.NIGHT


class Billing(StrEnum):
    DAY = "day"
    SPAN = "span"


class ConstraintKind(StrEnum):
    BEFORE = "before"
    SAME_DAY = "same_day"
    DIFFERENT_DAY = "different_day"
    CONSECUTIVE = "consecutive"
    NOT_ON = "not_on"


class CalendarDayType(StrEnum):
    OFF = "off"
    HOLIDAY = "holiday"
    WORK = "work"


class _Entity(BaseModel):
    """Frozen, and refuses fields it does not know (a misspelt keyword is an error)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Availability(BaseModel):
    """A window and single unavailable dates, shared by cast, locations, crew and equipment."""

    model_config = ConfigDict(frozen=True)

    available_from: date | None = None
    available_to: date | None = None
    unavailable: tuple[date, ...] = ()

    def allows(self, when: date) -> bool:
        if self.available_from is not None and when < self.available_from:
            return False
        if self.available_to is not None and when > self.available_to:
            return False
        return when not in self.unavailable

    def describe(self) -> str:
        """Producer wording of the window (``wording.describe_availability``; kept for
        ``model.explain`` and ``validate``, which call it)."""
        from .wording import describe_availability  # wording builds on this module

        return describe_availability(self)


class Scene(_Entity):
    id: str
    int_ext: IntExt = IntExt.INT
    day_night: DayNight = DayNight.DAY
    set_name: str = ""
    location: str | None = None
    eighths: int = Field(default=0, ge=0)
    est_minutes: int | None = Field(default=None, ge=0)
    cast: tuple[str, ...] = ()
    extras: int = Field(default=0, ge=0)
    crew: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    earliest: date | None = None
    latest: date | None = None
    shoot_on: date | None = None
    synopsis: str = ""
    story_day: str = ""

    @property
    def is_night(self) -> bool:
        return self.day_night.is_night

    def has_tag(self, tag: str) -> bool:
        return tag in self.tags


class CastMember(_Entity):
    id: str
    name: str = ""
    character: str = ""
    daily_rate: int = Field(default=0, ge=0)
    availability: Availability = Availability()
    drop_pickup: bool = False
    minor: bool = False
    max_minutes: int | None = Field(default=None, gt=0)

    @property
    def label(self) -> str:
        return self.name or self.character or f"cast {self.id}"


class Location(_Entity):
    id: str
    name: str = ""
    address: str = ""
    daily_fee: int = Field(default=0, ge=0)
    move_in_cost: int = Field(default=0, ge=0)
    availability: Availability = Availability()
    zone: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.id


class Resource(_Entity):
    """A crew member or a piece of equipment."""

    id: str
    name: str = ""
    role: str = ""
    daily_rate: int = Field(default=0, ge=0)
    billing: Billing = Billing.DAY
    every_day: bool = False
    availability: Availability = Availability()

    @property
    def label(self) -> str:
        return self.name or self.role or self.id


class SceneConstraint(_Entity):
    kind: ConstraintKind
    scenes: tuple[str, ...]
    dates: tuple[date, ...] = ()
    note: str = ""

    def describe(self) -> str:
        """The row as a sentence (``wording.describe_constraint``; kept for ``model.explain``,
        which calls it)."""
        from .wording import describe_constraint  # wording builds on this module

        return describe_constraint(self)


class CalendarEntry(_Entity):
    date: date
    type: CalendarDayType


class Settings(_Entity):
    """The production's settings, in model units."""

    title: str = "Untitled production"
    start_date: date
    end_date: date | None = None
    max_shoot_days: int | None = Field(default=None, gt=0)
    work_week: tuple[int, ...] = (0, 1, 2, 3, 4)
    holidays: tuple[date, ...] = ()
    standard_day_minutes: int = Field(default=11 * MINUTES_PER_HOUR, gt=0)
    max_day_minutes: int = Field(default=12 * MINUTES_PER_HOUR, gt=0)
    overtime_cost_per_hour: int = Field(default=0, ge=0)
    pages_per_day_eighths: int = Field(default=4 * EIGHTHS_PER_PAGE, gt=0)
    crew_day_cost: int = Field(default=0, ge=0)
    company_move_cost: int = Field(default=0, ge=0)
    company_move_minutes: int = Field(default=MINUTES_PER_HOUR, ge=0)
    max_locations_per_day: int = Field(default=2, ge=1)
    allow_split_days: bool = False
    night_turnaround: bool = True
    drop_pickup_min_days: int = Field(default=10, ge=0)
    budget: int | None = Field(default=None, ge=0)
    currency: str = "USD"
    time_limit_s: float = Field(default=60.0, gt=0)
    bottleneck_day_cost: int | None = Field(default=None, ge=0)
    change_cost: int | None = Field(default=None, ge=0)
    revision_colours: tuple[str, ...] = ()

    @property
    def revision_order(self) -> tuple[str, ...]:
        """The colours of successive revisions (``revision_colours``; default the WGA's order,
        ``revision.WGA_COLOURS``), checked by ``checks``."""
        return self.revision_colours or WGA_COLOURS

    @property
    def scene_move_cost(self) -> int:
        """What moving one scene off its day in the current schedule costs (``change_cost``).

        Default: eight hours of the crew day (``crew_day_cost`` x 8 h / ``standard_day``), the
        price of a late-cancelled call.  A move re-books the scene's cast, location and crew,
        and each re-booking risks what the contracts charge for a late change: an IATSE call
        cancelled after 6 pm the day before pays 8 hours, a SAG day performer cancelled after
        noon the day before is paid the day.  So a move must save about that much to be made:
        the re-plan changes what a rule or a real saving demands, not what a search happens
        to reshuffle.  0 re-plans for cost alone.  Only a re-plan has a current schedule to
        move scenes off; an ordinary plan never pays it.
        """
        if self.change_cost is not None:
            return self.change_cost
        return self.crew_day_cost * LATE_CANCELLATION_MINUTES // self.standard_day_minutes

    @property
    def bottleneck_cost(self) -> int:
        """What one expected bottleneck day is worth avoiding (``bottleneck_day_cost``).

        Default: three hours of overtime plus a tenth of a crew day: the overrun itself (a
        bottleneck day runs 0.6 h to several hours over) and the scenes it pushes to other
        days.  0 plans without regard to risk.
        """
        if self.bottleneck_day_cost is not None:
            return self.bottleneck_day_cost
        return 3 * self.overtime_cost_per_hour + self.crew_day_cost // 10


class Production(BaseModel):
    """A whole production: settings, breakdown, people, places, rules and calendar.

    Derived facts (the calendar, each scene's minutes and length in shoot days, lookups by id)
    are cached properties; they are not part of the JSON form, and neither are ``notices`` (what
    the reader wants the user to know), ``places`` (where the reader found each entity, for
    problems to be shown there) and ``current_plan``.

    ``current_plan`` is the schedule a re-plan starts from: (scene id, first shoot date) pairs.
    Each scene of it planned on another first date costs ``Settings.scene_move_cost``; it is
    empty for an ordinary plan, which then costs what it always did.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    settings: Settings
    scenes: tuple[Scene, ...]
    cast: tuple[CastMember, ...] = ()
    locations: tuple[Location, ...] = ()
    crew: tuple[Resource, ...] = ()
    equipment: tuple[Resource, ...] = ()
    constraints: tuple[SceneConstraint, ...] = ()
    calendar_entries: tuple[CalendarEntry, ...] = ()
    notices: tuple[str, ...] = Field(default=(), exclude=True)
    places: Places | None = Field(default=None, exclude=True, repr=False)
    current_plan: tuple[tuple[str, date], ...] = Field(default=(), exclude=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Production:
        """A copy whose derived facts (cached properties) are computed afresh."""
        copy = super().model_copy(update=update, deep=deep)
        for name, value in vars(type(self)).items():
            if isinstance(value, cached_property):
                copy.__dict__.pop(name, None)
        return copy

    # ----- derived facts ---------------------------------------------------------------------

    @cached_property
    def calendar(self) -> ShootCalendar:
        s = self.settings
        days_off = set(s.holidays)
        extra_work = set()
        for entry in self.calendar_entries:
            if entry.type is CalendarDayType.WORK:
                extra_work.add(entry.date)
            else:
                days_off.add(entry.date)
        max_days = s.max_shoot_days or sum(self.scene_days(sc) for sc in self.scenes) or 1
        return ShootCalendar(
            start_date=s.start_date,
            work_week=s.work_week,
            end_date=s.end_date,
            max_shoot_days=max_days,
            days_off=days_off,
            extra_work_dates=extra_work,
        )

    @cached_property
    def current_dates(self) -> dict[str, date]:
        """Scene id -> first shoot date in the current schedule, for the scenes of this
        production that ``current_plan`` places (a cut scene cannot move)."""
        return {scene_id: when for scene_id, when in self.current_plan
                if scene_id in self.scene_by_id}

    @cached_property
    def scene_by_id(self) -> dict[str, Scene]:
        return {scene.id: scene for scene in self.scenes}

    @cached_property
    def cast_by_id(self) -> dict[str, CastMember]:
        return {member.id: member for member in self.cast}

    @cached_property
    def location_by_id(self) -> dict[str, Location]:
        return {location.id: location for location in self.locations}

    @cached_property
    def crew_by_id(self) -> dict[str, Resource]:
        return {member.id: member for member in self.crew}

    @cached_property
    def equipment_by_id(self) -> dict[str, Resource]:
        return {item.id: item for item in self.equipment}

    @cached_property
    def every_day_crew(self) -> tuple[Resource, ...]:
        return tuple(member for member in self.crew if member.every_day)

    def scene_minutes(self, scene: Scene) -> int:
        """Shooting minutes: ``est_minutes`` or the pages pace of the production."""
        if scene.est_minutes is not None:
            return scene.est_minutes
        s = self.settings
        return round(scene.eighths * s.standard_day_minutes / s.pages_per_day_eighths)

    def scene_days(self, scene: Scene) -> int:
        """Consecutive shoot days a scene occupies: 1, or ceil(minutes / standard day) when the
        scene is longer than ``max_day_minutes``."""
        minutes = self.scene_minutes(scene)
        if minutes <= self.settings.max_day_minutes:
            return 1
        return math.ceil(minutes / self.settings.standard_day_minutes)

    def part_minutes(self, scene: Scene, part: int) -> int:
        """Minutes of part ``part`` (0-based) of a scene; the parts add up to the scene's minutes.

        A scene of k shoot days counts minutes / k on each; the remainder minutes go to the first
        parts, one each, so that every part is a whole number of minutes.
        """
        minutes, days = self.scene_minutes(scene), self.scene_days(scene)
        return minutes // days + (1 if part < minutes % days else 0)

    def is_multi_day(self, scene: Scene) -> bool:
        return self.scene_days(scene) > 1

    def cast_scenes(self, cast_id: str) -> tuple[Scene, ...]:
        return tuple(scene for scene in self.scenes if cast_id in scene.cast)

    def resource_availability(self, scene: Scene) -> list[tuple[EntityKind, str, Availability]]:
        """Every (kind, id, availability) a scene depends on: cast, location, crew, equipment."""
        needs: list[tuple[EntityKind, str, Availability]] = []
        for cast_id in scene.cast:
            if cast_id in self.cast_by_id:
                needs.append((EntityKind.CAST, cast_id, self.cast_by_id[cast_id].availability))
        if scene.location and scene.location in self.location_by_id:
            needs.append((EntityKind.LOCATION, scene.location,
                          self.location_by_id[scene.location].availability))
        for crew_id in scene.crew:
            if crew_id in self.crew_by_id:
                needs.append((EntityKind.CREW, crew_id, self.crew_by_id[crew_id].availability))
        for item_id in scene.equipment:
            if item_id in self.equipment_by_id:
                needs.append((EntityKind.EQUIPMENT, item_id,
                               self.equipment_by_id[item_id].availability))
        return needs

    def allowed_start_days(self, scene: Scene) -> list[int]:
        """Shoot days on which a scene may start, by every static rule: the calendar's end,
        earliest/latest/shoot_on, availability of its cast, location, crew and equipment (on each
        day it occupies), ``every_day`` crew and ``not_on`` constraints."""
        allowed = self.allowed_starts_by_scene.get(scene.id)
        if allowed is None or self.scene_by_id.get(scene.id) is not scene:
            return self._compute_allowed_starts(scene)
        return list(allowed)

    @cached_property
    def allowed_starts_by_scene(self) -> dict[str, tuple[int, ...]]:
        """The allowed start days of every scene, computed once (models are built many times
        over in a neighbourhood search)."""
        return {scene.id: tuple(self._compute_allowed_starts(scene)) for scene in self.scenes}

    def _compute_allowed_starts(self, scene: Scene) -> list[int]:
        calendar = self.calendar
        length = self.scene_days(scene)
        blocked = self._blocked_days(scene)
        starts = []
        for first in calendar.days_between(scene.earliest, scene.latest):
            last = first + length - 1
            if last > calendar.num_days or calendar.date_of(last) > (scene.latest or date.max):
                continue
            if scene.shoot_on is not None and calendar.date_of(first) != scene.shoot_on:
                continue
            if any(day in blocked for day in range(first, last + 1)):
                continue
            starts.append(first)
        return starts

    def _blocked_days(self, scene: Scene) -> set[int]:
        calendar = self.calendar
        blocked: set[int] = set()
        needs = [availability for _, _, availability in self.resource_availability(scene)]
        needs += [member.availability for member in self.every_day_crew]
        not_on_dates = {
            when
            for rule in self.constraints
            if rule.kind is ConstraintKind.NOT_ON and scene.id in rule.scenes
            for when in rule.dates
        }
        for day in calendar.days:
            when = calendar.date_of(day)
            if when in not_on_dates or not all(a.allows(when) for a in needs):
                blocked.add(day)
        return blocked

    def minor_cap_exceeded(self, scene: Scene) -> list[CastMember]:
        """Minors in the scene whose ``max_minutes`` is below one part of the scene."""
        longest_part = self.part_minutes(scene, 0)
        return [
            self.cast_by_id[c]
            for c in scene.cast
            if c in self.cast_by_id
            and self.cast_by_id[c].max_minutes is not None
            and longest_part > (self.cast_by_id[c].max_minutes or 0)
        ]

    # ----- lookups by kind -----------------------------------------------------------------------

    def place_of(self, subject: Subject) -> str:
        """Where the reader found ``subject`` (``""`` when it left no places)."""
        return self.places.of(subject) if self.places is not None else ""

    def label_of(self, kind: str, entity_id: str) -> str:
        """The label of a cast member, location, crew member or piece of equipment."""
        lookup: dict[str, Mapping[str, CastMember | Location | Resource]] = {
            EntityKind.CAST: self.cast_by_id, EntityKind.LOCATION: self.location_by_id,
            EntityKind.CREW: self.crew_by_id, EntityKind.EQUIPMENT: self.equipment_by_id,
        }
        entity = lookup[kind].get(entity_id)
        return entity.label if entity is not None else entity_id

    # ----- JSON ------------------------------------------------------------------------------

    def to_json(self) -> str:
        """The normalised production as JSON with a stable key order (for other programs)."""
        import json

        return json.dumps(self.model_dump(mode="json"), sort_keys=True, indent=2,
                          ensure_ascii=False)

    # ----- thin delegates, for their many callers ---------------------------------------------

    def check(self) -> Production:
        """Raise ``InputError`` with every problem of ``checks.check_production`` at once, each at
        its place in ``places``; return self when clean."""
        from .checks import check_production  # the checks build on this module

        problems = check_production(self)
        if problems:
            raise InputError([problem.located(self.places) for problem in problems])
        return self

    def explain_no_day(self, scene: Scene) -> str:
        """Why a scene has no possible day (``wording.explain_no_day``; kept for
        ``model.explain``, which calls it)."""
        from .wording import explain_no_day  # wording builds on this module

        return explain_no_day(self, scene)
