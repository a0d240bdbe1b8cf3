"""The schedule as JSON: what ``plan-shoot --json OUT.json`` saves.

The summary, one row per scene part in shooting order, the day features, the Day Out of Days and
every cost line; for a revised schedule, its ``revision`` and what the re-plan ``changes``
(the ``Changes`` sheet's facts).  The facts come from ``report`` (as the workbook's and the web
page's do), so every output says the same thing.

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
from .report import (
    RiskByDay,
    ScheduleRow,
    change_costs,
    change_rows,
    cost_line_days,
    days_changes_in_order,
    issued_revision,
    schedule_rows,
    summary_fields,
)
from .result import Result
from .revision import ChangeReport, DaysChange, Revision
from .solution import Schedule, to_money


def schedule_to_json(production: Production, result: Result, *,
                     risk: RiskByDay | None = None, revision: Revision | None = None,
                     changes: ChangeReport | None = None) -> str:
    """The schedule, its day features, Day Out of Days and costs as JSON text.

    Parameters
    ----------
    production
        The production that was scheduled.
    result
        The solve result; without a solution only the summary, notes and conflicts are filled.
    risk
        Optional bottleneck risk per shoot day: (probability, flagged, drivers).
    revision
        The revision the schedule is issued as; by default that of ``changes``.
    changes
        What a re-plan changed and what it costs.

    Returns
    -------
    str
        Indented JSON with keys ``summary``, ``schedule``, ``days``, ``day_out_of_days``,
        ``costs``, ``conflicts`` and ``notes``; then ``revision`` (``number``, ``name``,
        ``date``, ``label``) for a revised schedule, and ``changes`` (``revision``,
        ``replanned_from``, ``scenes``, ``moved_scenes``, ``cast``, ``locations``, ``costs``)
        for a re-plan.  Neither key is there for a first schedule.
    """
    document: dict[str, Any] = {
        "summary": dict(summary_fields(production, result, risk, revision=revision,
                                       changes=changes)),
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
    issued = issued_revision(revision, changes)
    if issued is not None:
        document["revision"] = _revision_json(issued)
    if changes is not None:
        document["changes"] = _changes_json(production, changes)
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


def _revision_json(revision: Revision) -> dict[str, Any]:
    return {"number": revision.number, "name": revision.name, "date": revision.issued,
            "label": revision.label}


def _changes_json(production: Production, changes: ChangeReport) -> dict[str, Any]:
    """The ``Changes`` sheet's facts: scenes by old date, days by person and place, costs in
    currency units (``null`` for a plan that is not valid or was not made)."""
    costs = change_costs(changes)
    return {
        "revision": _revision_json(changes.revision),
        "replanned_from": changes.replanned_from,
        "scenes": [
            {"scene": row.scene, "set": row.set_name, "kind": row.kind, "before": row.before,
             "after": row.after, "reason": row.reason}
            for row in change_rows(production, changes)
        ],
        "moved_scenes": list(changes.moved_scene_ids),
        "cast": [_days_change_json(entry) for entry in days_changes_in_order(changes.cast)],
        "locations": [_days_change_json(entry)
                      for entry in days_changes_in_order(changes.locations)],
        "costs": {
            "currency": production.settings.currency, "current": costs.current,
            "revised": costs.revised, "from_scratch": costs.from_scratch,
            "price_of_changes": costs.price_of_changes,
            "price_of_stability": costs.price_of_stability,
        },
    }


def _days_change_json(entry: DaysChange) -> dict[str, Any]:
    return {"id": entry.entity_id, "name": entry.name, "added": sorted(set(entry.added)),
            "released": sorted(set(entry.released))}


def _json_value(value: object) -> object:
    """JSON form of the values ``json`` does not know: dates as ISO text, money as numbers."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
