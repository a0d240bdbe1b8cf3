"""A schedule (each scene's first shoot day) and the facts that follow from it.

``Solution`` is the plain assignment.  ``Schedule`` derives everything else once: what is shot on
each day, each day's hours and moves, each cast member's work, hold and drop days, location visits,
crew and equipment days, the wrap day and the cost of every term of ``spec/workbook.md``.

Money is kept in integer *cost units* of ``1 / COST_SCALE`` currency units, so that overtime by the
minute is exact; ``to_money`` turns cost units into currency for reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from functools import cached_property
from itertools import pairwise

from pydantic import BaseModel, ConfigDict

from .calendar import consecutive_runs
from .data import MINUTES_PER_HOUR, Billing, Production, Resource, Scene

COST_SCALE = 60  # cost units per currency unit: overtime is paid by the minute


def to_money(cost_units: int) -> Decimal:
    """Currency amount of ``cost_units``, rounded to cents."""
    return (Decimal(cost_units) / COST_SCALE).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Solution(BaseModel):
    """The first shoot day (1-based) of every scene; a k-day scene also occupies the k-1 after."""

    model_config = ConfigDict(frozen=True)

    start_day: dict[str, int]


@dataclass(frozen=True)
class ScenePart:
    """One shoot day's share of a scene: part ``index`` of ``count`` (0-based index)."""

    scene: Scene
    index: int
    count: int
    minutes: int

    @property
    def label(self) -> str:
        return f"{self.index + 1}/{self.count}"


@dataclass(frozen=True)
class Drop:
    """A legal drop and pick-up: last work day before it, pick-up day, shoot days saved."""

    last_work_day: int
    pickup_day: int
    days_saved: int


def best_drop(production: Production, work: list[int]) -> Drop | None:
    """The legal drop that saves the most shoot days of a cast member working on shoot days
    ``work`` (ascending), or ``None``.

    A drop sits between two consecutive work days whose dates are *more than*
    ``drop_pickup_min_days`` calendar days apart; it saves the shoot days between them.
    Ties go to the earliest drop.
    """
    minimum = production.settings.drop_pickup_min_days
    best: Drop | None = None
    for before, after in pairwise(work):
        saved = after - before - 1
        if saved <= 0 or production.calendar.calendar_gap(before, after) <= minimum:
            continue
        if best is None or saved > best.days_saved:
            best = Drop(before, after, saved)
    return best


@dataclass
class CastDays:
    """Work, hold and drop days of one cast member (shoot day numbers)."""

    work: list[int] = field(default_factory=list)
    hold: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    drop: Drop | None = None

    @property
    def first(self) -> int | None:
        return self.work[0] if self.work else None

    @property
    def last(self) -> int | None:
        return self.work[-1] if self.work else None

    @property
    def paid_days(self) -> int:
        return len(self.work) + len(self.hold)


class CostUnit(StrEnum):
    """What a cost line's rate is paid per."""

    DAY = "day"
    HOUR = "hour"  # overtime
    MOVE = "move"  # company moves
    VISIT = "visit"  # a location's move-in, once per run of consecutive days there
    SCENE = "scene"  # a scene moved off its day in the current schedule (a re-plan)


@dataclass(frozen=True)
class CostLine:
    """One line of the cost report: ``quantity`` units at ``rate`` make ``amount``.

    Attributes
    ----------
    category
        One of ``COST_CATEGORIES``.
    item
        What is paid for, in producer language (``Actor 1``, ``day 4: 45 min``).
    quantity
        How many units: days, moves or visits, or the hours of a day's overtime (exact).
    unit
        What the rate is paid per.
    rate
        Currency units per unit.
    amount
        Cost units (``COST_SCALE`` per currency unit).
    """

    category: str
    item: str
    quantity: int | Fraction
    unit: CostUnit
    rate: int
    amount: int


COST_CATEGORIES = ("crew", "overtime", "cast", "locations", "moves", "crew_special", "equipment",
                   "changes")


class Schedule:
    """Derived facts of a ``Solution`` for a ``Production``; computed lazily, once each.

    Scenes missing from the solution or placed off the calendar are ignored here (the validator
    reports them); the facts describe what is actually on the calendar.
    """

    def __init__(self, production: Production, solution: Solution) -> None:
        self.production = production
        self.solution = solution
        self.calendar = production.calendar

    # ----- what is shot when ------------------------------------------------------------------

    @cached_property
    def parts_by_day(self) -> dict[int, list[ScenePart]]:
        """Scene parts on each shoot day, in breakdown order within the day."""
        by_day: dict[int, list[ScenePart]] = {day: [] for day in self.calendar.days}
        for scene in self.production.scenes:
            start = self.solution.start_day.get(scene.id)
            if start is None:
                continue
            count = self.production.scene_days(scene)
            for index in range(count):
                day = start + index
                if day in by_day:
                    part_minutes = self.production.part_minutes(scene, index)
                    by_day[day].append(ScenePart(scene, index, count, part_minutes))
        return by_day

    def days_of(self, scene: Scene) -> list[int]:
        """Shoot days a scene occupies (empty when unscheduled)."""
        start = self.solution.start_day.get(scene.id)
        if start is None:
            return []
        return list(range(start, start + self.production.scene_days(scene)))

    @cached_property
    def shooting_days(self) -> list[int]:
        """Days with at least one scene."""
        return [day for day, parts in self.parts_by_day.items() if parts]

    @cached_property
    def wrap_day(self) -> int:
        """The last shoot day with a scene (0 when nothing is scheduled)."""
        return max(self.shooting_days, default=0)

    def locations_on(self, day: int) -> list[str]:
        """Location ids used on a day, in the order first used (breakdown order)."""
        seen: dict[str, None] = {}
        for part in self.parts_by_day[day]:
            if part.scene.location:
                seen.setdefault(part.scene.location, None)
        return list(seen)

    def moves_on(self, day: int) -> int:
        """Company moves on a day: locations used minus one."""
        return max(0, len(self.locations_on(day)) - 1)

    def scene_minutes_on(self, day: int) -> int:
        return sum(part.minutes for part in self.parts_by_day[day])

    def minutes_on(self, day: int) -> int:
        """A day's hours in minutes: its scenes plus the time its moves take."""
        move_minutes = self.production.settings.company_move_minutes
        return self.scene_minutes_on(day) + move_minutes * self.moves_on(day)

    def overtime_minutes_on(self, day: int) -> int:
        return max(0, self.minutes_on(day) - self.production.settings.standard_day_minutes)

    def eighths_on(self, day: int) -> int:
        """Pages shot on a day, in eighths; a multi-day scene counts on its first day."""
        return sum(p.scene.eighths for p in self.parts_by_day[day] if p.index == 0)

    # ----- cast -------------------------------------------------------------------------------

    @cached_property
    def cast_days(self) -> dict[str, CastDays]:
        return {member.id: self._days_of_cast(member.id) for member in self.production.cast}

    def work_days_of(self, cast_id: str) -> list[int]:
        return sorted({
            day
            for day, parts in self.parts_by_day.items()
            for part in parts
            if cast_id in part.scene.cast
        })

    def _days_of_cast(self, cast_id: str) -> CastDays:
        work = self.work_days_of(cast_id)
        if not work:
            return CastDays()
        member = self.production.cast_by_id[cast_id]
        drop = self.best_drop(work) if member.drop_pickup else None
        dropped = list(range(drop.last_work_day + 1, drop.pickup_day)) if drop else []
        worked = set(work)
        hold = [d for d in range(work[0], work[-1] + 1) if d not in worked and d not in dropped]
        return CastDays(work=work, hold=hold, dropped=dropped, drop=drop)

    def best_drop(self, work: list[int]) -> Drop | None:
        """The legal drop that saves the most shoot days, or ``None`` (``best_drop``)."""
        return best_drop(self.production, work)

    # ----- locations, crew, equipment ----------------------------------------------------------

    def location_days(self, location_id: str) -> list[int]:
        return [day for day in self.calendar.days if location_id in self.locations_on(day)]

    def location_visits(self, location_id: str) -> list[list[int]]:
        """Runs of consecutive shoot days on which a location is used."""
        return consecutive_runs(self.location_days(location_id))

    def resource_days(self, resource: Resource, kind: str) -> list[int]:
        """Days a crew member (``kind='crew'``) or piece of equipment is used by a scene."""
        return sorted({
            day
            for day, parts in self.parts_by_day.items()
            for part in parts
            if resource.id in (part.scene.crew if kind == "crew" else part.scene.equipment)
        })

    def resource_paid_days(self, resource: Resource, kind: str) -> int:
        if resource.every_day:
            return self.wrap_day
        used = self.resource_days(resource, kind)
        if not used:
            return 0
        if resource.billing is Billing.SPAN:
            return used[-1] - used[0] + 1
        return len(used)

    # ----- costs ------------------------------------------------------------------------------

    @cached_property
    def cost_lines(self) -> list[CostLine]:
        """Every cost line; their amounts add up to ``total_cost``."""
        return (
            self._crew_cost_lines()
            + self._overtime_cost_lines()
            + self._cast_cost_lines()
            + self._location_cost_lines()
            + self._move_cost_lines()
            + self._resource_cost_lines()
            + self._change_cost_lines()
        )

    def _crew_cost_lines(self) -> list[CostLine]:
        wrap = self.wrap_day
        lines = [CostLine("crew", "crew day", wrap, CostUnit.DAY,
                          self.production.settings.crew_day_cost,
                          wrap * self.production.settings.crew_day_cost * COST_SCALE)]
        lines += [
            CostLine("crew", member.label, wrap, CostUnit.DAY, member.daily_rate,
                     wrap * member.daily_rate * COST_SCALE)
            for member in self.production.every_day_crew
        ]
        return lines

    def _overtime_cost_lines(self) -> list[CostLine]:
        rate = self.production.settings.overtime_cost_per_hour
        lines = []
        for day in self.shooting_days:
            minutes = self.overtime_minutes_on(day)
            if minutes:
                lines.append(CostLine("overtime", f"day {day}: {minutes} min",
                                      Fraction(minutes, MINUTES_PER_HOUR), CostUnit.HOUR, rate,
                                      rate * minutes * COST_SCALE // MINUTES_PER_HOUR))
        return lines

    def _cast_cost_lines(self) -> list[CostLine]:
        return [
            CostLine("cast", member.label, days.paid_days, CostUnit.DAY, member.daily_rate,
                     days.paid_days * member.daily_rate * COST_SCALE)
            for member in self.production.cast
            if (days := self.cast_days[member.id]).paid_days
        ]

    def _location_cost_lines(self) -> list[CostLine]:
        lines = []
        for location in self.production.locations:
            used = self.location_days(location.id)
            if not used:
                continue
            visits = len(consecutive_runs(used))
            lines.append(CostLine("locations", f"{location.label} fee", len(used),
                                  CostUnit.DAY, location.daily_fee,
                                  len(used) * location.daily_fee * COST_SCALE))
            if location.move_in_cost:
                lines.append(CostLine("locations", f"{location.label} move-in", visits,
                                      CostUnit.VISIT, location.move_in_cost,
                                      visits * location.move_in_cost * COST_SCALE))
        return lines

    def _move_cost_lines(self) -> list[CostLine]:
        cost = self.production.settings.company_move_cost
        moves = sum(self.moves_on(day) for day in self.shooting_days)
        if not moves:
            return []
        return [CostLine("moves", "company moves", moves, CostUnit.MOVE, cost,
                         moves * cost * COST_SCALE)]

    def _resource_cost_lines(self) -> list[CostLine]:
        lines = []
        for kind, category, resources in (
            ("crew", "crew_special", self.production.crew),
            ("equipment", "equipment", self.production.equipment),
        ):
            for resource in resources:
                if resource.every_day:
                    continue  # paid with the crew days
                days = self.resource_paid_days(resource, kind)
                if days:
                    lines.append(CostLine(category, resource.label, days, CostUnit.DAY,
                                          resource.daily_rate,
                                          days * resource.daily_rate * COST_SCALE))
        return lines

    @cached_property
    def moved_scenes(self) -> list[Scene]:
        """Scenes of the current schedule (``Production.current_plan``) whose first shoot date
        is another here; empty for an ordinary plan."""
        current = self.production.current_dates
        moved = []
        for scene in self.production.scenes:
            start = self.solution.start_day.get(scene.id)
            if scene.id not in current or start is None or start not in self.calendar.days:
                continue
            if self.calendar.date_of(start) != current[scene.id]:
                moved.append(scene)
        return moved

    def _change_cost_lines(self) -> list[CostLine]:
        rate = self.production.settings.scene_move_cost
        moved = len(self.moved_scenes)
        if not moved:
            return []
        return [CostLine("changes", "scenes moved", moved, CostUnit.SCENE, rate,
                         moved * rate * COST_SCALE)]

    @cached_property
    def cost_by_category(self) -> dict[str, int]:
        totals = dict.fromkeys(COST_CATEGORIES, 0)
        for line in self.cost_lines:
            totals[line.category] += line.amount
        return totals

    @cached_property
    def total_cost(self) -> int:
        """Total cost in cost units."""
        return sum(line.amount for line in self.cost_lines)

    # ----- summaries --------------------------------------------------------------------------

    @cached_property
    def total_hold_days(self) -> int:
        return sum(len(days.hold) for days in self.cast_days.values())

    @cached_property
    def total_moves(self) -> int:
        return sum(self.moves_on(day) for day in self.shooting_days)
