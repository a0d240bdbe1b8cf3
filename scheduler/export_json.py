"""The schedule as JSON: what ``plan-shoot --json OUT.json`` saves.

The summary, one row per scene part in shooting order, the day features, the Day Out of Days and
every cost line.  The facts come from ``report`` (as the workbook's and the web page's do), so
every output says the same thing.

Money is in currency units (``to_money`` of the cost units), dates are ISO text.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from .data import Production
from .day_facts import day_features
from .dood import DROP_CONVENTION, day_out_of_days
from .report import RiskByDay, ScheduleRow, cost_line_days, schedule_rows, summary_fields
from .result import Result
from .solution import Schedule, to_money


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
    schedule = result.schedule
    if schedule is not None:
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
            {"category": line.category, "item": line.item, "days": cost_line_days(line),
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
