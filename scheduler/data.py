"""The production as the solver sees it: frozen pydantic models, integers only, no I/O.

Units inside the model: time in whole minutes, script length in eighths of a page, money in whole
currency units.  Every entity remembers where it came from (``Origin``) so that cross-checks can
name the exact cell; the origin is left out of the JSON form, so two workbooks that describe the
same production (in any column order or spelling) give the same JSON.

The meaning of every field follows ``spec/workbook.md``.  ``Production.check()`` runs the
cross-checks and raises ``InputError`` with every problem at once.
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
from .errors import InputError, Problem

MINUTES_PER_HOUR = 60
EIGHTHS_PER_PAGE = 8


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


class Origin(BaseModel):
    """Where an entity was read: sheet, 1-based row, and the column letter of each field.

    On a ``Field``/``Value`` sheet (``Production``) every field has its own row, so ``columns``
    may hold a whole cell (``"B7"``) instead of a column letter.
    """

    model_config = ConfigDict(frozen=True)

    sheet: str
    row: int
    columns: dict[str, str] = Field(default_factory=dict)

    def cell(self, field: str | None = None) -> str:
        """``Sheet!F14`` for a known field, else ``Sheet!14`` (the row)."""
        column = self.columns.get(field, "") if field else ""
        if any(ch.isdigit() for ch in column):
            return f"{self.sheet}!{column}"
        return f"{self.sheet}!{column}{self.row}"


class _Entity(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    origin: Origin | None = Field(default=None, exclude=True, repr=False)

    def where(self, field: str | None = None, fallback: str = "") -> str:
        return self.origin.cell(field) if self.origin else fallback


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
        """Producer wording of the window, e.g. ``available 3 Mar 2026-7 Mar 2026``."""
        parts = []
        if self.available_from or self.available_to:
            lo = _short(self.available_from) if self.available_from else "start"
            hi = _short(self.available_to) if self.available_to else "wrap"
            parts.append(f"available {lo} to {hi}")
        if self.unavailable:
            shown = ", ".join(_short(d) for d in self.unavailable[:4])
            more = f" and {len(self.unavailable) - 4} more" if len(self.unavailable) > 4 else ""
            parts.append(f"not on {shown}{more}")
        return "; ".join(parts) or "always available"


def _short(when: date) -> str:
    return f"{when.day} {when:%b %Y}"


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
    """A crew member (sheet ``Crew``) or a piece of equipment (sheet ``Equipment``)."""

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
        joined = ", ".join(self.scenes)
        if self.kind is ConstraintKind.NOT_ON:
            return f"scenes {joined} not on {', '.join(_short(d) for d in self.dates)}"
        wording = {
            ConstraintKind.BEFORE: f"scene {self.scenes[0]} before "
            f"{'scene' if len(self.scenes) == 2 else 'scenes'} {', '.join(self.scenes[1:])}",
            ConstraintKind.SAME_DAY: f"scenes {joined} on the same day",
            ConstraintKind.DIFFERENT_DAY: f"scenes {joined} on different days",
            ConstraintKind.CONSECUTIVE: f"scenes {joined} on consecutive shoot days",
        }
        return wording[self.kind]


class CalendarEntry(_Entity):
    date: date
    type: CalendarDayType


class Settings(_Entity):
    """The ``Production`` sheet, in model units."""

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
    are cached properties; they are not part of the JSON form.
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

    def resource_availability(self, scene: Scene) -> list[tuple[str, str, Availability]]:
        """Every (kind, id, availability) a scene depends on: cast, location, crew, equipment."""
        needs: list[tuple[str, str, Availability]] = []
        for cast_id in scene.cast:
            if cast_id in self.cast_by_id:
                needs.append(("cast", cast_id, self.cast_by_id[cast_id].availability))
        if scene.location and scene.location in self.location_by_id:
            needs.append(("location", scene.location,
                          self.location_by_id[scene.location].availability))
        for crew_id in scene.crew:
            if crew_id in self.crew_by_id:
                needs.append(("crew", crew_id, self.crew_by_id[crew_id].availability))
        for item_id in scene.equipment:
            if item_id in self.equipment_by_id:
                needs.append(("equipment", item_id, self.equipment_by_id[item_id].availability))
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

    # ----- JSON ------------------------------------------------------------------------------

    def to_json(self) -> str:
        """The normalised production as JSON with a stable key order (for other programs)."""
        import json

        return json.dumps(self.model_dump(mode="json"), sort_keys=True, indent=2,
                          ensure_ascii=False)

    # ----- cross-checks ------------------------------------------------------------------------

    def check(self) -> Production:
        """Raise ``InputError`` with every cross-check problem at once; return self when clean."""
        problems = (
            self._unique_ids()
            + self._known_references()
            + self._constraint_scenes()
            + self._minors_at_night()
            + self._settings_consistency()
            + self._pinned_dates()
            + self._minors_over_their_hours()
            + self._scenes_without_a_day()
        )
        if problems:
            raise InputError(problems)
        return self

    def _unique_ids(self) -> list[Problem]:
        problems: list[Problem] = []
        groups: list[tuple[str, tuple[_Entity, ...]]] = [
            ("scene", self.scenes), ("cast", self.cast), ("location", self.locations),
            ("crew", self.crew), ("equipment", self.equipment),
        ]
        for kind, entities in groups:
            seen: set[str] = set()
            for entity in entities:
                entity_id = str(entity.id)  # type: ignore[attr-defined]
                if entity_id in seen:
                    problems.append(Problem(entity.where("id"),
                                            f'{kind} id "{entity_id}" is used twice; ids must be '
                                            "unique"))
                seen.add(entity_id)
        return problems

    def _known_references(self) -> list[Problem]:
        problems: list[Problem] = []
        for scene in self.scenes:
            for cast_id in scene.cast:
                if cast_id not in self.cast_by_id:
                    problems.append(Problem(scene.where("cast"),
                                            f'scene {scene.id}: cast "{cast_id}" is not on sheet '
                                            "Cast; use an id or name from that sheet"))
            if scene.location and scene.location not in self.location_by_id:
                problems.append(Problem(scene.where("location"),
                                        f'scene {scene.id}: location "{scene.location}" is not '
                                        "on sheet Locations"))
            for crew_id in scene.crew:
                if crew_id not in self.crew_by_id:
                    problems.append(Problem(scene.where("crew"),
                                            f'scene {scene.id}: crew "{crew_id}" is not on sheet '
                                            "Crew"))
            for item_id in scene.equipment:
                if item_id not in self.equipment_by_id:
                    problems.append(Problem(scene.where("equipment"),
                                            f'scene {scene.id}: equipment "{item_id}" is not on '
                                            "sheet Equipment"))
        return problems

    def _constraint_scenes(self) -> list[Problem]:
        problems: list[Problem] = []
        for rule in self.constraints:
            for scene_id in rule.scenes:
                if scene_id not in self.scene_by_id:
                    problems.append(Problem(rule.where("scenes"),
                                            f'{rule.kind.value}: scene "{scene_id}" is not on '
                                            "sheet Scenes"))
            minimum = 1 if rule.kind is ConstraintKind.NOT_ON else 2
            if len(rule.scenes) < minimum:
                problems.append(Problem(rule.where("scenes"),
                                        f"{rule.kind.value} needs at least {minimum} scene(s)"))
            if rule.kind is ConstraintKind.NOT_ON and not rule.dates:
                problems.append(Problem(rule.where("dates"), "not_on needs at least one date"))
            if len(set(rule.scenes)) != len(rule.scenes):
                problems.append(Problem(rule.where("scenes"),
                                        f"{rule.kind.value} lists a scene twice"))
            if rule.kind is ConstraintKind.SAME_DAY:
                for scene_id in rule.scenes:
                    scene = self.scene_by_id.get(scene_id)
                    if scene is not None and self.is_multi_day(scene):
                        problems.append(Problem(rule.where("scenes"),
                                                f"same_day: scene {scene_id} takes "
                                                f"{self.scene_days(scene)} days alone and cannot "
                                                "share a day"))
        return problems

    def _minors_at_night(self) -> list[Problem]:
        problems: list[Problem] = []
        for scene in self.scenes:
            if not scene.is_night:
                continue
            for cast_id in scene.cast:
                member = self.cast_by_id.get(cast_id)
                if member is not None and member.minor:
                    problems.append(Problem(scene.where("cast"),
                                            f"scene {scene.id} is a NIGHT scene but {member.label} "
                                            "is a minor; minors may not work nights"))
        return problems

    def _settings_consistency(self) -> list[Problem]:
        s = self.settings
        problems: list[Problem] = []
        if s.max_day_minutes < s.standard_day_minutes:
            problems.append(Problem(s.where("max_day_hours", "Production"),
                                    "max_day_hours is below standard_day_hours"))
        if s.end_date is not None and s.end_date < s.start_date:
            problems.append(Problem(s.where("end_date", "Production"),
                                    "end_date is before start_date"))
        if not s.work_week and not any(e.type is CalendarDayType.WORK
                                       for e in self.calendar_entries):
            problems.append(Problem(s.where("work_week", "Production"),
                                    "the work week has no working day"))
        if self.calendar.num_days == 0:
            problems.append(Problem(s.where("start_date", "Production"),
                                    "the calendar has no shoot day between start_date and "
                                    "end_date"))
        for location in self.locations:
            if location.zone == "":
                problems.append(Problem(location.where("zone"), "zone is empty text"))
        for scene in self.scenes:
            if self.scene_minutes(scene) == 0:
                problems.append(Problem(scene.where("pages"),
                                        f"scene {scene.id} has no pages and no est_hours; give "
                                        "one of them"))
        return problems

    def _pinned_dates(self) -> list[Problem]:
        problems: list[Problem] = []
        calendar = self.calendar
        for scene in self.scenes:
            if scene.shoot_on is not None and calendar.day_of(scene.shoot_on) is None:
                problems.append(Problem(scene.where("shoot_on"),
                                        f"scene {scene.id} is pinned to {_short(scene.shoot_on)}, "
                                        "which is not a shoot day of the calendar"))
            if scene.earliest and scene.latest and scene.earliest > scene.latest:
                problems.append(Problem(scene.where("latest"),
                                        f"scene {scene.id}: latest is before earliest"))
        return problems

    def _minors_over_their_hours(self) -> list[Problem]:
        return [
            Problem(scene.where("cast"),
                    f"scene {scene.id} takes {self.part_minutes(scene, 0) / 60:g} h a day but "
                    f"{member.label} is a minor limited to {(member.max_minutes or 0) / 60:g} h")
            for scene in self.scenes
            for member in self.minor_cap_exceeded(scene)
        ]

    def _scenes_without_a_day(self) -> list[Problem]:
        """A scene whose windows leave it no possible shoot day, explained by what blocks it."""
        problems: list[Problem] = []
        if self.calendar.num_days == 0:
            return problems
        for scene in self.scenes:
            if any(c not in self.cast_by_id for c in scene.cast):
                continue  # already reported as an unknown reference
            if scene.shoot_on is not None and self.calendar.day_of(scene.shoot_on) is None:
                continue  # already reported as a pinned date off the calendar
            if not self.allowed_start_days(scene):
                problems.append(Problem(scene.where("scene"),
                                        f"scene {scene.id} has no possible shoot day: "
                                        f"{self.explain_no_day(scene)}"))
        return problems

    def explain_no_day(self, scene: Scene) -> str:
        """Producer wording of why a scene has no possible day: each window that blocks it."""
        calendar = self.calendar
        reasons = []
        if scene.earliest or scene.latest or scene.shoot_on:
            reasons.append(_scene_window(scene))
        for kind, entity_id, availability in self.resource_availability(scene):
            if not all(availability.allows(d) for d in calendar.dates):
                label = self.label_of(kind, entity_id)
                reasons.append(f"{kind} {label} ({availability.describe()})")
        for member in self.every_day_crew:
            if not all(member.availability.allows(d) for d in calendar.dates):
                reasons.append(f"every-day crew {member.label} "
                               f"({member.availability.describe()})")
        reasons.append(f"the calendar runs {_short(calendar.dates[0])} to "
                       f"{_short(calendar.dates[-1])} ({calendar.num_days} shoot days)")
        if self.is_multi_day(scene):
            reasons.append(f"the scene needs {self.scene_days(scene)} consecutive shoot days")
        return "; ".join(reasons)

    def label_of(self, kind: str, entity_id: str) -> str:
        lookup: dict[str, Any] = {
            "cast": self.cast_by_id, "location": self.location_by_id,
            "crew": self.crew_by_id, "equipment": self.equipment_by_id,
        }
        entity = lookup[kind].get(entity_id)
        return str(entity.label) if entity is not None else entity_id


def _scene_window(scene: Scene) -> str:
    if scene.shoot_on:
        return f"pinned to {_short(scene.shoot_on)}"
    lo = _short(scene.earliest) if scene.earliest else "start"
    hi = _short(scene.latest) if scene.latest else "wrap"
    return f"scene window {lo} to {hi}"
