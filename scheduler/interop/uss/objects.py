"""Pieces of a USS file written by plan-shoot: ids, dates, the calendar and the days of a board.

Ids are 24 hexadecimal digits like the BSON ObjectIDs the standard recommends, derived from a
seed, so that the same schedule is always written the same way.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time
from typing import Any

from ...data import CalendarDayType, Production
from ...solution import Schedule, Solution
from .document import WORK_DATES

WRITER = "plan-shoot"
USS_VERSION = "1.0.0"


class ObjectIds:
    """Fresh ids of 24 hex digits, the same sequence for the same seed."""

    def __init__(self, seed: str) -> None:
        self._seed = seed
        self._count = 0

    def next(self) -> str:
        self._count += 1
        digest = hashlib.blake2b(f"{self._seed}/{self._count}".encode(), digest_size=12)
        return digest.hexdigest()


def iso(when: date | datetime) -> str:
    """A date as the standard writes it: ``2022-06-24T00:00:00.000Z``."""
    moment = when if isinstance(when, datetime) else datetime.combine(when, time(), UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def now_iso() -> str:
    return iso(datetime.now(UTC))


def event(ids: ObjectIds, kind: str, name: str | None, when: date) -> dict[str, Any]:
    return {"id": ids.next(), "date": iso(when), "type": kind, "name": name}


def day_strip(ids: ObjectIds, created: str) -> dict[str, Any]:
    """A ``day`` strip: the day break of the documentation's form."""
    return {"id": ids.next(), "comments": None, "created": created, "description": None,
            "elements": [], "pages": None, "scene": None, "scriptPage": None, "time": None,
            "type": "day"}


def calendar_object(production: Production, ids: ObjectIds, name: str) -> dict[str, Any]:
    """The production's shoot calendar as a USS calendar: start, weekly days off, and every
    date without shooting as a ``dayOff`` event (``holiday`` or ``dayOff``).  Shoot dates on a
    weekly day off, which USS cannot say, go to the extension key ``_workDates``."""
    s = production.settings
    events = [event(ids, "start", None, s.start_date)]
    off: dict[date, str] = dict.fromkeys(s.holidays, "holiday")
    work: list[date] = []
    for entry in production.calendar_entries:
        if entry.type is CalendarDayType.WORK:
            work.append(entry.date)
        else:
            off.setdefault(entry.date, "holiday" if entry.type is CalendarDayType.HOLIDAY
                           else "dayOff")
    events += [event(ids, "dayOff", kind, when) for when, kind in sorted(off.items())]
    calendar: dict[str, Any] = {
        "id": ids.next(),
        # USS numbers weekdays from Sunday (0), we from Monday (0).
        "daysOff": [(day + 1) % 7 for day in range(7) if day not in s.work_week],
        "events": events,
        "name": name,
    }
    if work:
        calendar[WORK_DATES] = [iso(when) for when in sorted(work)]
    return calendar


def schedule_days(production: Production, solution: Solution) -> list[list[str]]:
    """Scene ids starting on each shoot day from day 1 to the wrap day, in breakdown order; the
    later days of a multi-day scene are days without a strip."""
    schedule = Schedule(production, solution)
    return [[part.scene.id for part in schedule.parts_by_day[day] if part.index == 0]
            for day in range(1, schedule.wrap_day + 1)]
