from datetime import date

import pytest

from scheduler.calendar import (
    ShootCalendar,
    consecutive_runs,
    long_date,
    parse_work_week,
    short_date,
)

MONDAY = date(2026, 3, 2)


def test_work_week_skips_weekends_and_days_off() -> None:
    calendar = ShootCalendar(MONDAY, range(5), max_shoot_days=6, days_off=[date(2026, 3, 4)])
    assert calendar.dates == (
        date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 5), date(2026, 3, 6),
        date(2026, 3, 9), date(2026, 3, 10),
    )
    assert calendar.day_of(date(2026, 3, 5)) == 3
    assert calendar.day_of(date(2026, 3, 7)) is None
    assert calendar.date_of(5) == date(2026, 3, 9)


def test_extra_work_date_and_end_date() -> None:
    calendar = ShootCalendar(MONDAY, range(5), end_date=date(2026, 3, 8),
                             extra_work_dates=[date(2026, 3, 7)])
    assert calendar.num_days == 6
    assert calendar.date_of(6) == date(2026, 3, 7)


def test_days_between_and_gaps() -> None:
    calendar = ShootCalendar(MONDAY, range(5), max_shoot_days=10)
    assert list(calendar.days_between(date(2026, 3, 7), date(2026, 3, 10))) == [6, 7]
    assert list(calendar.days_between(None, date(2026, 3, 1))) == []
    assert calendar.is_next_calendar_date(1, 2)
    assert not calendar.is_next_calendar_date(5, 6)  # Friday -> Monday
    assert calendar.calendar_gap(5, 6) == 3


def test_date_of_outside_calendar_raises() -> None:
    with pytest.raises(ValueError, match="outside the calendar"):
        ShootCalendar(MONDAY, range(5), max_shoot_days=2).date_of(3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Mon-Fri", (0, 1, 2, 3, 4)), ("mon-sat", (0, 1, 2, 3, 4, 5)), ("Mon-Sun", tuple(range(7))),
     ("Mon,Tue,Thu", (0, 1, 3)), ("Tuesday; Friday", (1, 4)), ("Fri-Mon", None), ("Funday", None),
     ("", None)],
)
def test_parse_work_week(text: str, expected: tuple[int, ...] | None) -> None:
    assert parse_work_week(text) == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [([], []), ([4], [[4]]), ([1, 2, 4], [[1, 2], [4]]), ([2, 3, 4, 7, 8], [[2, 3, 4], [7, 8]])],
)
def test_consecutive_runs(days: list[int], expected: list[list[int]]) -> None:
    """Tests that sorted day numbers are cut where a number is skipped."""
    assert consecutive_runs(days) == expected


def test_dates_for_producers() -> None:
    """Tests the two spellings of a date: with the weekday in reports, without in explanations."""
    assert long_date(date(2026, 3, 4)) == "Wed 4 Mar 2026"
    assert short_date(date(2026, 3, 4)) == "4 Mar 2026"


def test_consecutive_date_runs_cut_dates_into_runs() -> None:
    """Tests runs of calendar dates: unordered, repeated, across a month's end."""
    from datetime import date

    from scheduler.calendar import consecutive_date_runs

    dates = [date(2026, 4, 1), date(2026, 3, 31), date(2026, 3, 30), date(2026, 4, 3),
             date(2026, 3, 31)]
    assert consecutive_date_runs(dates) == [
        [date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 1)], [date(2026, 4, 3)]]
    assert consecutive_date_runs([]) == []
