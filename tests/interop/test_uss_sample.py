"""The public USS samples (It's a Wonderful Life), read from the shared folder."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.data import CalendarDayType, DayNight
from scheduler.errors import InputError
from scheduler.evaluate import evaluate_board
from scheduler.interop.uss import read_uss, read_uss_board, read_uss_boards
from scheduler.interop.uss.defaults import UssDefaults
from scheduler.rules import Rule
from tests.helpers.uss import FULL_SAMPLE, SMALL_SAMPLE

pytestmark = pytest.mark.skipif(
    not FULL_SAMPLE.is_file(),
    reason=f"the USS samples are not at {FULL_SAMPLE.parent} (the shared folder beside the "
           "checkout)")


def test_every_strip_cast_member_and_page_is_imported() -> None:
    production = read_uss(FULL_SAMPLE)
    assert len(production.scenes) == 173
    assert len(production.cast) == 59
    assert sum(scene.eighths for scene in production.scenes) == 1421  # 177 5/8 pages
    assert [m.id for m in production.cast[:3]] == ["1", "2", "3"]
    assert production.cast_by_id["1"].character == "GEORGE"
    assert {"29", "29 (2)"} <= set(production.scene_by_id)  # scene 29 has two strips


def test_the_calendar_rules_are_imported() -> None:
    production = read_uss(FULL_SAMPLE, board="First Pass")  # "Start Aug 3, 2022", 60 days
    settings, calendar = production.settings, production.calendar
    assert settings.start_date == date(2022, 8, 3) and settings.work_week == (0, 1, 2, 3, 4)
    entries = {entry.date: entry.type for entry in production.calendar_entries}
    assert entries == {date(2022, 9, 5): CalendarDayType.HOLIDAY,  # Labor Day
                       date(2022, 10, 10): CalendarDayType.HOLIDAY,
                       date(2022, 8, 7): CalendarDayType.OFF}  # the company travel day
    assert calendar.num_days == 60
    assert calendar.day_of(date(2022, 9, 5)) is None
    assert calendar.day_of(date(2022, 9, 6)) == calendar.day_of(date(2022, 9, 2)) + 1  # type: ignore[operator]
    mary = production.cast_by_id["4"]
    assert mary.character == "MARY"
    assert not mary.availability.allows(date(2022, 8, 5)) and mary.availability.allows(
        date(2022, 8, 4))  # no Fridays


def test_each_board_has_its_days_and_strips() -> None:
    boards = read_uss_boards(FULL_SAMPLE)
    assert list(boards) == ["First Pass", "Second Pass", "Rev. WHITE"]  # Script Order: no days
    facts = {name: (max(board.start_day.values()), len(board.start_day))
             for name, board in boards.items()}
    assert facts == {"First Pass": (60, 171), "Second Pass": (67, 171), "Rev. WHITE": (56, 169)}


def test_a_board_people_built_breaks_our_rules_and_is_still_costed() -> None:
    production = read_uss(FULL_SAMPLE, board="Second Pass")
    assert production.settings.start_date == date(2022, 8, 10)
    assert production.calendar.num_days == 67
    report = evaluate_board(production, read_uss_board(FULL_SAMPLE, "Second Pass"), "Second")
    assert report.wrap_day == 67 and report.unscheduled == ("45", "46")
    assert report.breaks_by_rule[Rule.SPLIT_DAY] > 0
    assert report.breaks_by_rule[Rule.SCENE_SCHEDULED] == 2
    assert report.cost_by_category["cast"] > 0 and report.cast_hold_days > 0


def test_the_small_sample_imports_with_room_in_the_calendar() -> None:
    """Its one strip needs GEORGE, who is off on Mondays and Fridays: a calendar as long as its
    stripboard (one day, Monday 20 June) has no day for it, and the problem says so at the
    strip."""
    with pytest.raises(InputError) as caught:
        read_uss(SMALL_SAMPLE)
    (problem,) = caught.value.problems
    assert problem.where == "breakdowns[1]" and "cast GEORGE" in problem.message
    production = read_uss(SMALL_SAMPLE, UssDefaults(settings={"max_shoot_days": 5}))
    (scene,) = production.scenes
    assert (scene.id, scene.eighths, scene.est_minutes) == ("89PT1", 2, 95)
    assert scene.day_night is DayNight.NIGHT and scene.set_name == "BEDFORD FALLS BRIDGE"
    assert scene.cast == ("1", "2")
    george = production.cast_by_id["1"]
    assert not george.availability.allows(date(2022, 6, 6))  # travel
    assert production.settings.start_date == date(2022, 6, 20)
    assert read_uss_boards(SMALL_SAMPLE)["First Pass"].start_day == {"89PT1": 1}
