"""The shoot calendar: which dates are working dates, and shoot day numbers <-> dates.

Shoot days are the working dates from ``start_date`` on, numbered 1, 2, ...  A working date is a
date whose weekday is in the work week, that is not a holiday or an ``off`` date, or that the
``Calendar`` sheet marks as ``work``.  The calendar ends at ``end_date`` or after
``max_shoot_days`` working dates, whichever the production gives (``end_date`` wins when both).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

# Guards against a calendar that would never end (e.g. an empty work week and no end date).
MAX_CALENDAR_SPAN_DAYS = 3 * 366
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class ShootCalendar:
    """Working dates of a production, with day numbers from 1.

    Parameters
    ----------
    start_date
        First date shooting may happen.
    work_week
        Working weekdays as ``date.weekday()`` numbers (Mon = 0).
    end_date
        Last date shooting may happen, or ``None``.
    max_shoot_days
        Number of shoot days when there is no ``end_date``.
    days_off
        Dates with no shooting (holidays and ``off`` dates).
    extra_work_dates
        Dates that are working dates whatever the work week says.
    """

    def __init__(
        self,
        start_date: date,
        work_week: Iterable[int],
        end_date: date | None = None,
        max_shoot_days: int | None = None,
        days_off: Iterable[date] = (),
        extra_work_dates: Iterable[date] = (),
    ) -> None:
        self.start_date = start_date
        self.work_week = frozenset(work_week)
        self.days_off = frozenset(days_off)
        self.extra_work_dates = frozenset(extra_work_dates) - self.days_off
        self.dates: tuple[date, ...] = self._working_dates(end_date, max_shoot_days)
        self._day_of_date = {d: i + 1 for i, d in enumerate(self.dates)}

    def _working_dates(self, end_date: date | None, max_shoot_days: int | None) -> tuple[date, ...]:
        last = end_date or self.start_date + timedelta(days=MAX_CALENDAR_SPAN_DAYS)
        limit = max_shoot_days if end_date is None and max_shoot_days is not None else None
        found: list[date] = []
        current = self.start_date
        while current <= last and (limit is None or len(found) < limit):
            if self.is_working_date(current):
                found.append(current)
            current += timedelta(days=1)
        return tuple(found)

    def is_working_date(self, when: date) -> bool:
        """True when ``when`` is a working date by week, holidays and overrides."""
        if when < self.start_date or when in self.days_off:
            return False
        return when in self.extra_work_dates or when.weekday() in self.work_week

    @property
    def num_days(self) -> int:
        """Number of shoot days in the calendar."""
        return len(self.dates)

    @property
    def days(self) -> range:
        """Shoot day numbers, 1 to ``num_days``."""
        return range(1, self.num_days + 1)

    def date_of(self, day: int) -> date:
        """Date of shoot day ``day`` (1-based)."""
        if not 1 <= day <= self.num_days:
            raise ValueError(f"shoot day {day} is outside the calendar (1..{self.num_days})")
        return self.dates[day - 1]

    def day_of(self, when: date) -> int | None:
        """Shoot day number of ``when``, or ``None`` when it is not a shoot day."""
        return self._day_of_date.get(when)

    def days_between(self, first: date | None, last: date | None) -> range:
        """Shoot day numbers whose dates fall in ``[first, last]`` (open ends allowed)."""
        lo = 1 if first is None else self._first_day_on_or_after(first)
        hi = self.num_days if last is None else self._last_day_on_or_before(last)
        return range(lo, hi + 1)

    def _first_day_on_or_after(self, when: date) -> int:
        for index, d in enumerate(self.dates):
            if d >= when:
                return index + 1
        return self.num_days + 1

    def _last_day_on_or_before(self, when: date) -> int:
        for index in range(self.num_days - 1, -1, -1):
            if self.dates[index] <= when:
                return index + 1
        return 0

    def is_next_calendar_date(self, day: int, next_day: int) -> bool:
        """True when shoot day ``next_day`` falls on the calendar date right after ``day``."""
        return (self.date_of(next_day) - self.date_of(day)).days == 1

    def calendar_gap(self, day: int, later_day: int) -> int:
        """Calendar days from shoot day ``day`` to shoot day ``later_day``."""
        return (self.date_of(later_day) - self.date_of(day)).days

    def all_dates(self) -> list[date]:
        """Every calendar date from the first to the last shoot date (dark dates included)."""
        if not self.dates:
            return []
        span = (self.dates[-1] - self.dates[0]).days
        return [self.dates[0] + timedelta(days=k) for k in range(span + 1)]


def parse_work_week(text: str) -> tuple[int, ...] | None:
    """Weekday numbers of ``Mon-Fri``, ``Mon-Sat``, ``Mon-Sun`` or a list ``Mon,Tue,Thu``.

    Returns ``None`` when the text is not a work week.
    """
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    names = {name.lower(): index for index, name in enumerate(WEEKDAY_NAMES)}
    names.update({full: i for i, full in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))})
    if "-" in cleaned and "," not in cleaned:
        first, _, last = cleaned.lower().partition("-")
        if first not in names or last not in names or names[first] > names[last]:
            return None
        return tuple(range(names[first], names[last] + 1))
    days: list[int] = []
    for part in cleaned.replace(";", ",").split(","):
        if part.lower() not in names:
            return None
        days.append(names[part.lower()])
    return tuple(sorted(set(days)))


def long_date(when: date) -> str:
    """A date as reports spell it: ``Wed 4 Mar 2026``."""
    return f"{when:%a} {when.day} {when:%b %Y}"


def consecutive_runs(days: Iterable[int]) -> list[list[int]]:
    """Sorted shoot day numbers cut into runs of consecutive numbers: ``[1, 2, 4]`` gives
    ``[[1, 2], [4]]``."""
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def short_date(when: date) -> str:
    """A date as explanations spell it, without the weekday: ``4 Mar 2026``."""
    return f"{when.day} {when:%b %Y}"


def consecutive_date_runs(dates: Iterable[date]) -> list[list[date]]:
    """Dates (any order, repeats ignored) cut into runs of consecutive calendar dates."""
    ordered = sorted(set(dates))
    if not ordered:
        return []
    first = ordered[0]
    return [[first + timedelta(days=offset) for offset in run]
            for run in consecutive_runs((when - first).days for when in ordered)]
