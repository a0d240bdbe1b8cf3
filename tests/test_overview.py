"""A production at a glance: the overview ``plan-shoot check`` prints."""

from __future__ import annotations

from scheduler.data import DayNight
from scheduler.overview import defaults_applied, overview_rows, overview_warnings
from tests.helpers.productions import production, scene


def test_overview_counts_hours_against_the_calendar() -> None:
    """Tests the load line, the night share and an unpadded date span."""
    prod = production([scene("1", hours=6), scene("2", hours=3, day_night=DayNight.NIGHT)],
                      max_shoot_days=2)
    rows = dict(overview_rows(prod))
    assert rows["Scenes"] == "2"
    assert rows["Estimated hours"].startswith("9.0 h against 2 days x ")
    assert rows["Night share"] == "33% of the hours"
    first = prod.calendar.dates[0]
    assert rows["Shoot days"].startswith(f"2: {first:%a} {first.day} {first:%b %Y} to ")


def test_overview_warns_of_more_hours_than_the_calendar_holds() -> None:
    """Tests the overtime warning and that a production without USS notices has no defaults."""
    prod = production([scene("1", hours=8), scene("2", hours=8)], max_shoot_days=1)
    assert any("expect overtime or no schedule" in w for w in overview_warnings(prod))
    assert defaults_applied(prod) == 0
    assert overview_warnings(production([scene("1")], max_shoot_days=2)) == []
