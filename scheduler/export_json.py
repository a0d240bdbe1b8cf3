"""The schedule as JSON, and the report facts the workbook shares with it.

``schedule_to_json`` writes what ``plan-shoot --json OUT.json`` saves: the summary, one row per
scene part in shooting order, the day features, the Day Out of Days and every cost line.  The
helpers here (``summary_fields``, ``schedule_rows``, ``parts_in_shooting_order``, ``pages_text``)
are pure and also feed the Excel writer, so both outputs say the same thing.

Money is in currency units (``to_money`` of the cost units), dates are ISO text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .data import DayNight, Production
from .day_facts import day_features
from .dood import DROP_CONVENTION, day_out_of_days
from .result import Result
from .solution import COST_CATEGORIES, ScenePart, Schedule, to_money

# What a bottleneck predictor says about a shoot day: probability, flagged, main drivers.
DayRisk = tuple[float, bool, Sequence[str]]
RiskByDay = Mapping[int, DayRisk]

SummaryValue = str | int | float | Decimal | date | None

# Light order within one location block: the sun does not wait.
_LIGHT_ORDER = {DayNight.DAWN: 0, DayNight.DAY: 1, DayNight.DUSK: 2, DayNight.NIGHT: 3}


def pages_text(eighths: int) -> str:
    """Page count as a board writes it: ``2 3/8``, ``3/8``, ``2``, ``0``."""
    whole, rest = divmod(eighths, 8)
    if not rest:
        return str(whole)
    return f"{whole} {rest}/8" if whole else f"{rest}/8"


def hours_text(minutes: int) -> str:
    """Minutes as ``H:MM``, e.g. ``10:30``."""
    return f"{minutes // 60}:{minutes % 60:02d}"


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
                   risk: RiskByDay | None = None) -> list[tuple[str, SummaryValue]]:
    """The ``Summary`` sheet as (field, value) pairs; money in currency units, ``gap`` a share.

    The fields of ``spec/outputs.md`` are always present (empty when there is no schedule);
    the producer's extras follow.
    """
    settings = production.settings
    budget = Decimal(settings.budget) if settings.budget is not None else None
    lower_bound = to_money(result.lower_bound) if result.lower_bound is not None else None
    fields: list[tuple[str, SummaryValue]] = [
        ("title", settings.title),
        ("status", result.status.value),
    ]
    if result.solution is None:
        fields += [("total_cost", None), ("lower_bound", lower_bound), ("gap", None),
                   ("budget", budget), ("shoot_days", None), ("wrap_date", None),
                   ("solve_seconds", round(result.runtime, 2))]
        fields += [(f"cost_{category}", None) for category in COST_CATEGORIES]
        fields += [("bottleneck_days", ""), ("currency", settings.currency),
                   ("scenes", len(production.scenes)), ("conflicts", len(result.conflicts))]
        return fields
    schedule = Schedule(production, result.solution)
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


def schedule_to_json(production: Production, result: Result, *,
                     risk: RiskByDay | None = None) -> str:
    """The schedule, its day features, Day Out of Days and costs as JSON text.

    Parameters
    ----------
    production
        The production that was scheduled.
    result
        The solve result; without a solution only the summary, notes and conflicts are filled.
    risk
        Optional bottleneck risk per shoot day: (probability, flagged, drivers).

    Returns
    -------
    str
        Indented JSON with keys ``summary``, ``schedule``, ``days``, ``day_out_of_days``,
        ``costs``, ``conflicts`` and ``notes``.
    """
    document: dict[str, Any] = {
        "summary": dict(summary_fields(production, result, risk)),
        "schedule": [],
        "days": [],
        "day_out_of_days": None,
        "costs": None,
        "conflicts": [
            {"rule": c.rule.value, "message": c.message, "scenes": list(c.scenes),
             "subjects": list(c.subjects)}
            for c in result.conflicts
        ],
        "notes": [*production.notices, *result.notes],
    }
    if result.solution is not None:
        schedule = Schedule(production, result.solution)
        document["schedule"] = [_schedule_row_json(row) for row in schedule_rows(schedule)]
        document["days"] = [_day_json(schedule, day, risk) for day in schedule.shooting_days]
        document["day_out_of_days"] = _dood_json(schedule)
        document["costs"] = _costs_json(schedule)
    return json.dumps(document, indent=2, ensure_ascii=False, default=_json_value)


def _schedule_row_json(row: ScheduleRow) -> dict[str, Any]:
    return {
        "shoot_day": row.shoot_day, "date": row.date, "scene": row.scene, "part": row.part,
        "set": row.set_name, "location": row.location, "int_ext": row.int_ext,
        "day_night": row.day_night, "pages": row.pages, "hours": row.hours,
        "cast": list(row.cast),
    }


def _day_json(schedule: Schedule, day: int, risk: RiskByDay | None) -> dict[str, Any]:
    probability, flagged, drivers = (risk or {}).get(day, (None, None, ()))
    return {
        "shoot_day": day, "date": schedule.calendar.date_of(day),
        "features": day_features(schedule, day),
        "bottleneck_probability": probability, "flag": flagged, "drivers": list(drivers),
    }


def _dood_json(schedule: Schedule) -> dict[str, Any]:
    dood = day_out_of_days(schedule)
    return {
        "convention": DROP_CONVENTION,
        "days": [{"shoot_day": d, "date": when} for d, when in zip(dood.days, dood.dates,
                                                                  strict=True)],
        "cast": [
            {
                "id": row.cast_id, "name": row.name, "character": row.character,
                "codes": {str(day): code.value for day, code in row.codes.items()},
                "work": row.work_days, "hold": row.hold_days, "drop": row.drop_days,
                "start": row.start, "finish": row.finish, "paid_days": row.paid_days,
                "daily_rate": row.daily_rate, "cost": row.cost_money,
            }
            for row in dood.rows
        ],
    }


def _costs_json(schedule: Schedule) -> dict[str, Any]:
    return {
        "lines": [
            {"category": line.category, "item": line.item, "days": line.days,
             "rate": line.rate, "amount": to_money(line.amount)}
            for line in schedule.cost_lines
        ],
        "by_category": {category: to_money(amount)
                        for category, amount in schedule.cost_by_category.items()},
        "total": to_money(schedule.total_cost),
    }


def _json_value(value: object) -> object:
    """JSON form of the values ``json`` does not know: dates as ISO text, money as numbers."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
