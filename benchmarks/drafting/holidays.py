"""US federal holidays, around which synthetic calendars are laid.
"""

from __future__ import annotations

from datetime import date, timedelta


def us_holidays(year: int) -> list[date]:
    """US federal holidays of ``year``, as observed (Saturday ones on Friday, Sunday on Monday)."""

    def nth_weekday(month: int, weekday: int, n: int) -> date:
        first = date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))

    def last_monday(month: int) -> date:
        day = date(year, month + 1, 1) - timedelta(days=1)
        return day - timedelta(days=day.weekday())

    fixed = [
        date(year, 1, 1),
        date(year, 6, 19),
        date(year, 7, 4),
        date(year, 11, 11),
        date(year, 12, 25),
    ]
    observed = [
        d - timedelta(days=1)
        if d.weekday() == 5
        else d + timedelta(days=1)
        if d.weekday() == 6
        else d
        for d in fixed
    ]
    floating = [
        nth_weekday(1, 0, 3),
        nth_weekday(2, 0, 3),
        last_monday(5),
        nth_weekday(9, 0, 1),
        nth_weekday(10, 0, 2),
        nth_weekday(11, 3, 4),
    ]
    return sorted(observed + floating)
