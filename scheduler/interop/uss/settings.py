"""The settings and shoot calendar of a USS import, and the notes of what it decided.

* The calendar is that of the stripboard chosen (``board``), else of the file's first stripboard
  with day breaks, else the file's first calendar: its ``start`` event, its weekly days off, and
  every other dated event (holidays, days off, travel) as a date without shooting.
* A chosen stripboard also sets the number of shoot days (its board's), so that a board is
  planned and evaluated on its own calendar; without one the calendar holds as many days as the
  longest stripboard with day breaks (the people who scheduled it needed no more), else a day
  per strip at most, as a workbook without an end date.
* ``drop_pickup_min_days`` is the elements' drop/pick-up days; money, pace and day lengths come
  from the defaults (``defaults``), each default used is noted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from ...calendar import WEEKDAY_NAMES
from ...data import CalendarDayType, CalendarEntry, Settings
from ...errors import InputError, Problem
from ...report import pages_text
from .defaults import BUILT_IN, CALENDAR_SETTINGS, UssDefaults
from .document import UssCalendar, UssDocument, UssStripboard

HOLIDAY_NAMES = frozenset({"holiday", "holidays", "publicholiday"})


@dataclass
class ImportNotes:
    """What the import decided, in the user's words, and the defaults it applied."""

    lines: list[str] = field(default_factory=list)
    defaults: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        if line not in self.lines:
            self.lines.append(line)


def chosen_stripboard(document: UssDocument, board: str | None) -> UssStripboard | None:
    """The stripboard named ``board``, else the first with day breaks (``None`` if none)."""
    if board is not None:
        found = document.stripboard(board)
        if found is None:
            names = ", ".join(f'"{s.name}"' for s in document.stripboards) or "none"
            raise InputError([Problem("stripboards", f'no stripboard is named "{board}"; the '
                                                     f"file has {names}")])
        return found
    return next((s for s in document.stripboards if s.is_scheduled), None)


def chosen_calendar(document: UssDocument, stripboard: UssStripboard | None,
                    notes: ImportNotes) -> UssCalendar | None:
    """The stripboard's calendar, else the file's first (``None`` for a bare breakdown)."""
    calendar = document.calendar(stripboard.calendar_id) if stripboard else None
    calendar = calendar or (document.calendars[0] if document.calendars else None)
    if stripboard is not None:
        notes.add(f'stripboard "{stripboard.name}" gives the calendar')
    if calendar is not None:
        notes.add(f'calendar "{calendar.name}" ({calendar.path}) is the shoot calendar')
    return calendar


# ----- settings and calendar ---------------------------------------------------------------------


def build_settings(document: UssDocument, defaults: UssDefaults, chosen: UssStripboard | None,
                   calendar: UssCalendar | None, notes: ImportNotes,
                   fallback_title: str) -> Settings:
    """The settings: the calendar's dates, the chosen stripboard's number of days (so that a
    board is planned and evaluated on its own calendar), the defaults for the rest."""
    values: dict[str, Any] = {"title": document.title or fallback_title,
                              "crew_day_cost": BUILT_IN["crew_day_cost"]}
    if calendar is not None:
        if calendar.start is not None:
            values["start_date"] = calendar.start
        # USS numbers weekdays from Sunday (0), we from Monday (0).
        values["work_week"] = tuple(day for day in range(7)
                                    if (day + 1) % 7 not in calendar.weekdays_off)
    values["drop_pickup_min_days"] = _drop_days(document, notes)
    board_days = (_board_days(chosen) if chosen is not None
                  else max((_board_days(s) or 0 for s in document.stripboards), default=0))
    if board_days:
        values["max_shoot_days"] = board_days
    for name, value in defaults.settings.items():
        if name in CALENDAR_SETTINGS and name in values and calendar is not None:
            notes.add(f"{defaults.source}: {name} is ignored; the USS calendar decides it")
        elif name == "holidays":
            values["holidays"] = tuple(sorted(set(values.get("holidays", ())) | set(value)))
        else:
            values[name] = value
    if "start_date" not in values:
        raise InputError([Problem("calendars", "the file has no calendar with a start date; "
                                               "give start_date in the defaults workbook")])
    days_from = ("the days of the stripboard" if chosen is not None
                 else "the days of the longest stripboard")
    _note_settings_defaults(values, defaults,
                            f"{board_days}, {days_from}" if board_days else None, notes)
    try:
        return Settings(**values)
    except ValidationError as error:
        raise InputError([Problem(f"{defaults.source} Production",
                                  f"{item['loc'][0] if item['loc'] else ''} {item['msg']}")
                          for item in error.errors()]) from None


def _board_days(stripboard: UssStripboard | None) -> int | None:
    board = stripboard.schedule_board if stripboard else None
    if board is None or not board.has_day_breaks:
        return None
    return len(board.days())


def _drop_days(document: UssDocument, notes: ImportNotes) -> int:
    """``drop_pickup_min_days``: the elements' drop/pick-up days (the most common value)."""
    counts = Counter(element.drop_days for element in document.elements
                     if element.drop_allowed and element.drop_days is not None)
    if not counts:
        return int(Settings.model_fields["drop_pickup_min_days"].default)
    value, _ = counts.most_common(1)[0]
    if len(counts) > 1:
        notes.add(f"elements give different drop/pick-up days ({', '.join(map(str, counts))}); "
                  f"drop_pickup_min_days is {value}, the most common")
    return value


def _note_settings_defaults(values: dict[str, Any], defaults: UssDefaults,
                            board_days: str | None, notes: ImportNotes) -> None:
    given = set(defaults.settings)
    s = Settings.model_fields
    if "crew_day_cost" not in given:
        notes.defaults.append(f"crew_day_cost {BUILT_IN['crew_day_cost']:,} a shoot day "
                              "(a placeholder: USS has no costs)")
    if "pages_per_day_eighths" not in given:
        pace = pages_text(s["pages_per_day_eighths"].default)
        notes.defaults.append(f"pages_per_day {pace} for strips without a shooting time "
                              f"(USS has no pace)")
    if "standard_day_minutes" not in given:
        notes.defaults.append(f"standard_day_hours {s['standard_day_minutes'].default / 60:g}, "
                              f"max_day_hours {s['max_day_minutes'].default / 60:g}")
    if "max_shoot_days" not in given and "end_date" not in given:
        notes.defaults.append(f"max_shoot_days {board_days}" if board_days else
                              "no end date: the calendar holds a shoot day per strip at most")
    left = [name for name in ("overtime_cost_per_hour", "company_move_cost")
            if name not in given]
    if left:
        notes.defaults.append(f"{' and '.join(left)} 0; other rules as in a new workbook")


def calendar_entries(calendar: UssCalendar | None,
                     notes: ImportNotes) -> tuple[CalendarEntry, ...]:
    """The calendar's dated events as dates without shooting: holidays, days off, travel..."""
    if calendar is None:
        return ()
    entries: dict[date, CalendarEntry] = {}
    for event in calendar.events:
        if event.kind.casefold() == "start" or event.date in entries:
            continue
        holiday = _letters(event.name) in HOLIDAY_NAMES
        entries[event.date] = CalendarEntry(
            date=event.date, type=CalendarDayType.HOLIDAY if holiday else CalendarDayType.OFF)
        notes.add(f"{event.date.isoformat()} ({event.label}, {event.path}): no shooting")
    for when in calendar.work_dates:
        entries[when] = CalendarEntry(date=when, type=CalendarDayType.WORK)
        notes.add(f"{when.isoformat()}: a shoot date although the week has it off")
    if calendar.weekdays_off:
        notes.add(f"weekly days off: {weekday_names(calendar.weekdays_off)}")
    return tuple(sorted(entries.values(), key=lambda entry: entry.date))


def weekday_names(uss_weekdays: tuple[int, ...]) -> str:
    """``Sun, Sat`` for USS weekday numbers (0 = Sunday)."""
    return ", ".join(WEEKDAY_NAMES[(day - 1) % 7] for day in uss_weekdays)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
