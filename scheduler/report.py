"""The report facts every front end shows (workbook, web page, JSON), and their wording.

One place for what a producer reads about a schedule: the Summary fields
(``summary_fields``), one row per scene part in shooting order (``schedule_rows``,
``parts_in_shooting_order``), and the text of pages, hours, dates and work weeks
(``pages_text``, ``hours_text``, ``hours_value``, ``dates_text``, ``work_week_text``), and what
a re-plan changed (``change_rows``, ``days_changes_in_order``, ``change_costs``,
``date_runs_text``).  Pure functions: the
writers (``excel/``, ``web/``, ``export_json``) format, this module decides.

Money is in currency units (``to_money`` of the cost units).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias

from .calendar import WEEKDAY_NAMES, consecutive_date_runs, long_date
from .data import EIGHTHS_PER_PAGE, MINUTES_PER_HOUR, DayNight, Production
from .result import Result
from .revision import ChangeReport, DaysChange, Revision
from .solution import COST_CATEGORIES, CostLine, CostUnit, ScenePart, Schedule, to_money

if TYPE_CHECKING:
    # The forecast type only: importing the predictor would load LightGBM to write a schedule.
    from .predict.risk import DayRisk

# Shoot day -> what the bottleneck predictor says about it: (probability, flag, drivers).
RiskByDay: TypeAlias = "Mapping[int, DayRisk]"

SummaryValue = str | int | float | Decimal | date | None

# Light order within one location block: the sun does not wait.
_LIGHT_ORDER = {DayNight.DAWN: 0, DayNight.DAY: 1, DayNight.DUSK: 2, DayNight.NIGHT: 3}


# ----- wording ------------------------------------------------------------------------------------

def pages_text(eighths: int) -> str:
    """Pages as a board writes them: 19 -> ``2 3/8``, 3 -> ``3/8``, 16 -> ``2``, 0 -> ``0``."""
    whole, rest = divmod(eighths, EIGHTHS_PER_PAGE)
    if rest == 0:
        return str(whole)
    return f"{rest}/8" if whole == 0 else f"{whole} {rest}/8"


def hours_text(minutes: int) -> str:
    """Minutes as ``H:MM``, e.g. ``10:30``."""
    return f"{minutes // MINUTES_PER_HOUR}:{minutes % MINUTES_PER_HOUR:02d}"


def hours_value(minutes: int) -> float | int | str:
    """Minutes as a cell holds them: whole hours as a number, 2-decimal hours as a number,
    anything else as ``H:MM`` text (so reading it back gives the same minutes)."""
    if minutes % MINUTES_PER_HOUR == 0:
        return minutes // MINUTES_PER_HOUR
    if (minutes * 100) % MINUTES_PER_HOUR == 0:
        return minutes / MINUTES_PER_HOUR
    return hours_text(minutes)


def dates_text(dates: tuple[date, ...] | list[date]) -> str:
    """Dates as text, runs of consecutive dates as ranges: ``2026-03-02..2026-03-04, ...``."""
    return ", ".join(
        run[0].isoformat() if len(run) == 1 else f"{run[0].isoformat()}..{run[-1].isoformat()}"
        for run in consecutive_date_runs(dates))


def work_week_text(days: tuple[int, ...]) -> str:
    """``Mon-Fri`` for a run of weekdays, else a list ``Mon,Tue,Thu``."""
    ordered = sorted(set(days))
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{WEEKDAY_NAMES[ordered[0]]}-{WEEKDAY_NAMES[ordered[-1]]}"
    return ",".join(WEEKDAY_NAMES[d] for d in ordered)


def cost_line_days(line: CostLine) -> int | Fraction:
    """The Days column of a cost line: its quantity, except an overtime line, which is one
    day's overtime (its hours are the quantity)."""
    return 1 if line.unit is CostUnit.HOUR else line.quantity


# ----- the schedule, row by row --------------------------------------------------------------------

def parts_in_shooting_order(schedule: Schedule, day: int) -> list[ScenePart]:
    """A day's scene parts as they are shot: grouped by location in the order the locations
    are visited (as ``Schedule.locations_on`` counts the moves), DAWN, DAY, DUSK, NIGHT within a
    location, then breakdown order."""
    visit_order = {loc: i for i, loc in enumerate(schedule.locations_on(day))}
    position = {scene.id: i for i, scene in enumerate(schedule.production.scenes)}
    return sorted(
        schedule.parts_by_day[day],
        key=lambda part: (
            visit_order.get(part.scene.location or "", len(visit_order)),
            _LIGHT_ORDER[part.scene.day_night],
            position[part.scene.id],
        ),
    )


@dataclass(frozen=True)
class ScheduleRow:
    """One scene on one shoot day it occupies (the ``Schedule`` sheet's row)."""

    shoot_day: int
    date: date
    scene: str
    part: str
    set_name: str
    location: str
    int_ext: str
    day_night: str
    eighths: int  # pages shot: the whole scene on its first part, 0 on the others
    minutes: int
    cast: tuple[str, ...]

    @property
    def pages(self) -> float:
        return self.eighths / 8

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 4)


def schedule_rows(schedule: Schedule) -> list[ScheduleRow]:
    """Every scene part in shooting order; a multi-day scene's pages count on its first part,
    as in ``Schedule.eighths_on``, so that the rows of a day add up to the day's pages."""
    rows = []
    for day in schedule.shooting_days:
        when = schedule.calendar.date_of(day)
        for part in parts_in_shooting_order(schedule, day):
            scene = part.scene
            rows.append(ScheduleRow(
                shoot_day=day, date=when, scene=scene.id, part=part.label,
                set_name=scene.set_name, location=scene.location or "",
                int_ext=scene.int_ext.value, day_night=scene.day_night.value,
                eighths=scene.eighths if part.index == 0 else 0, minutes=part.minutes,
                cast=scene.cast,
            ))
    return rows


def bottleneck_days(risk: RiskByDay | None) -> list[int]:
    """Shoot days a predictor flags as likely bottlenecks, in order."""
    return sorted(day for day, (_, flagged, _) in (risk or {}).items() if flagged)


def summary_fields(production: Production, result: Result,
                   risk: RiskByDay | None = None, *, revision: Revision | None = None,
                   changes: ChangeReport | None = None) -> list[tuple[str, SummaryValue]]:
    """The ``Summary`` sheet as (field, value) pairs; money in currency units, ``gap`` a share.

    The fields of ``spec/outputs.md`` are always present (empty when there is no schedule);
    the producer's extras follow.  A revised schedule names its revision after ``status``
    (``revision``, ``revision_date``; the revision of ``changes`` when ``revision`` is not
    given) and, with ``changes``, ends with the date re-planned from and the scenes changed.
    """
    fields = _summary_fields(production, result, risk)
    issued = issued_revision(revision, changes)
    if issued is not None:
        fields[2:2] = [("revision", issued.name), ("revision_date", issued.issued)]
    if changes is not None:
        fields += [("replanned_from", changes.replanned_from),
                   ("scenes_changed", len(changes.scenes)),
                   ("scenes_moved", len(changes.moved_scene_ids))]
    return fields


def issued_revision(revision: Revision | None, changes: ChangeReport | None) -> Revision | None:
    """The revision a schedule is issued as: the one given, else the re-plan's."""
    if revision is not None:
        return revision
    return changes.revision if changes is not None else None


def _summary_fields(production: Production, result: Result,
                    risk: RiskByDay | None) -> list[tuple[str, SummaryValue]]:
    settings = production.settings
    budget = Decimal(settings.budget) if settings.budget is not None else None
    lower_bound = to_money(result.lower_bound) if result.lower_bound is not None else None
    fields: list[tuple[str, SummaryValue]] = [
        ("title", settings.title),
        ("status", result.status.value),
    ]
    if result.schedule is None:
        fields += [("total_cost", None), ("lower_bound", lower_bound), ("gap", None),
                   ("budget", budget), ("shoot_days", None), ("wrap_date", None),
                   ("solve_seconds", round(result.runtime, 2))]
        fields += [(f"cost_{category}", None) for category in COST_CATEGORIES]
        fields += [("bottleneck_days", ""), ("currency", settings.currency),
                   ("scenes", len(production.scenes)), ("conflicts", len(result.conflicts))]
        return fields
    schedule = result.schedule
    total = to_money(schedule.total_cost)
    wrap = schedule.wrap_day
    fields += [
        ("total_cost", total),
        ("lower_bound", lower_bound),
        ("gap", result.gap),
        ("budget", budget),
        ("shoot_days", wrap),
        ("wrap_date", schedule.calendar.date_of(wrap) if wrap else None),
        ("solve_seconds", round(result.runtime, 2)),
    ]
    fields += [(f"cost_{category}", to_money(schedule.cost_by_category[category]))
               for category in COST_CATEGORIES]
    fields += [(f"lower_bound_{category}", to_money(result.bound_by_category[category]))
               for category in COST_CATEGORIES if category in result.bound_by_category]
    if result.least_shoot_days is not None:
        fields.append(("least_shoot_days", result.least_shoot_days))
    fields += [
        ("bottleneck_days", ", ".join(str(day) for day in bottleneck_days(risk))),
        ("currency", settings.currency),
        ("scenes", len(production.scenes)),
        ("pages", pages_text(sum(scene.eighths for scene in production.scenes))),
        ("shooting_days_with_scenes", len(schedule.shooting_days)),
        ("cast_hold_days", schedule.total_hold_days),
        ("company_moves", schedule.total_moves),
    ]
    if risk:
        expected = sum(probability for probability, _, _ in risk.values())
        fields += [("expected_bottleneck_days", round(expected, 2)),
                   ("risk_premium", to_money(result.risk_premium))]
    if result.baseline_cost is not None:
        baseline = to_money(result.baseline_cost)
        fields += [("baseline_cost", baseline), ("saving_vs_baseline", baseline - total)]
    if budget is not None:
        fields.append(("budget_headroom", budget - total))
    return fields


# ----- what a re-plan changed ----------------------------------------------------------------------

@dataclass(frozen=True)
class ChangeRow:
    """One changed scene as the ``Changes`` sheet lists it."""

    scene: str
    set_name: str  # empty for a scene the edited breakdown no longer has
    kind: str
    before: date | None
    after: date | None
    reason: str


def change_rows(production: Production, changes: ChangeReport) -> list[ChangeRow]:
    """Every changed scene, by its old date (the order of the current board), new scenes last
    by their new date; the set comes from the edited breakdown."""
    position = {scene.id: i for i, scene in enumerate(production.scenes)}
    ordered = sorted(changes.scenes, key=lambda change: (
        change.before is None, change.before or date.max, change.after or date.max,
        position.get(change.scene_id, len(position)), change.scene_id))
    return [
        ChangeRow(scene=change.scene_id, set_name=_set_name(production, change.scene_id),
                  kind=change.kind.value, before=change.before, after=change.after,
                  reason=change.reason)
        for change in ordered
    ]


def days_changes_in_order(entries: tuple[DaysChange, ...]) -> list[DaysChange]:
    """People's or places' changed days, the first day a change touches first: the calls to
    send and the bookings to change soonest come first."""
    return sorted(entries, key=lambda entry: (
        min((*entry.added, *entry.released), default=date.max), entry.entity_id))


def _set_name(production: Production, scene_id: str) -> str:
    scene = production.scene_by_id.get(scene_id)
    return scene.set_name if scene is not None else ""


@dataclass(frozen=True)
class ChangeCosts:
    """The costs of a re-plan in currency units; ``None`` where there is no such plan."""

    current: Decimal | None
    revised: Decimal
    from_scratch: Decimal | None

    @property
    def price_of_changes(self) -> Decimal | None:
        """What the revised plan costs over the current one (when that one is still valid)."""
        return self.revised - self.current if self.current is not None else None

    @property
    def price_of_stability(self) -> Decimal | None:
        """What keeping to the current plan costs over planning the rest from scratch."""
        return self.revised - self.from_scratch if self.from_scratch is not None else None


def change_costs(changes: ChangeReport) -> ChangeCosts:
    """The re-plan's costs in money (``to_money`` of its cost units)."""
    def money(cost: int | None) -> Decimal | None:
        return to_money(cost) if cost is not None else None

    return ChangeCosts(current=money(changes.cost_current), revised=to_money(changes.cost_revised),
                       from_scratch=money(changes.cost_from_scratch))


def date_runs_text(dates: tuple[date, ...] | list[date]) -> str:
    """Dates as a call list reads them, runs of consecutive dates as ranges:
    ``Tue 10 Mar 2026 – Thu 12 Mar 2026, Mon 16 Mar 2026``; empty for none."""
    return ", ".join(long_date(run[0]) if len(run) == 1
                     else f"{long_date(run[0])} – {long_date(run[-1])}"
                     for run in consecutive_date_runs(dates))
