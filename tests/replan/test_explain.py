"""When a re-plan has no schedule, the explanation names the change that broke it, located on
the breakdown, first; and, when the end date is what binds, the fewest extra shoot days that
give a schedule.

Tiny productions as in ``test_replan``: Mon 2 Mar 2026 on, Mon-Fri, one 7 h scene a day, and
here no slack: five scenes in five shoot days (end date Fri 6 Mar).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.config import SolverConfig
from scheduler.conventional_board import conventional_board
from scheduler.data import Availability, Production
from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.reader import read_workbook
from scheduler.excel.writer import write_schedule
from scheduler.replan import CurrentSchedule, SceneProgress, ShotStatus, replan
from scheduler.replan.changes import revised_dates
from scheduler.replan.explain import with_extra_days
from scheduler.result import Result, SolveStatus
from scheduler.rules import Rule
from scheduler.solution import Schedule
from tests.helpers.paths import EXAMPLES
from tests.helpers.productions import actor, production, scene
from tests.replan.test_replan import CURRENT, DATES, QUICK

WED, THU, FRI = DATES[2], DATES[3], DATES[4]


def no_slack(**cast_b: object) -> Production:
    """Scenes 1-5 with A, one a day through the end date Fri 6 Mar; scene 4 also needs B."""
    scenes = [scene(str(i), hours=7, cast=("A", "B") if i == 4 else ("A",))
              for i in range(1, 6)]
    return production(scenes, cast=[actor("A"), actor("B", **cast_b)], end_date=FRI,
                      crew_day_cost=1000).check()


def as_read(edited: Production, tmp_path: Path) -> Production:
    """The production as the reader gives it: with the places of its cells."""
    return read_workbook(write_breakdown(edited, tmp_path / "edited.xlsx"))


def test_a_cast_member_unavailable_to_the_end_is_named_with_the_cell(tmp_path: Path) -> None:
    """Tests B unavailable from Thursday to the end (``available_to`` Wednesday), from Wed
    with one frozen day: scene 4 has no day left; the first line names scene 4, B, the dates
    and the cell, and no extra shoot day is offered (B is what binds, not the end date)."""
    edited = as_read(no_slack(availability=Availability(available_to=WED)), tmp_path)
    outcome = replan(edited, CURRENT, WED, config=QUICK, compare=False)
    assert outcome.result.status is SolveStatus.INFEASIBLE
    first = outcome.result.conflicts[0]
    assert first.rule is Rule.CAST_AVAILABILITY and first.scenes == ("4",)
    assert first.message == ("Cast!F3: scene 4 needs Actor B, unavailable from 5 Mar 2026 to "
                             "the end date; scene 4 now has no other possible day")
    assert not any("gives a schedule" in c.message for c in outcome.result.conflicts)


def test_a_lost_day_without_slack_offers_one_more_shoot_day(tmp_path: Path) -> None:
    """Tests Thursday lost (an ``off`` Calendar row): scene 4 was planned on it; one more
    shoot day (Mon 9 Mar) gives a schedule, and says which setting to change."""
    base = no_slack()
    workbook = write_breakdown(base, tmp_path / "lost.xlsx")
    book = openpyxl.load_workbook(workbook)
    calendar = book["Calendar"]  # the writer's, with its header row
    calendar.append([THU, "off"])
    book.save(workbook)
    edited = read_workbook(workbook)
    outcome = replan(edited, CURRENT, WED, config=QUICK, compare=False)
    assert outcome.result.status is SolveStatus.INFEASIBLE
    lost, remedy = outcome.result.conflicts[:2]
    row = calendar.max_row
    assert lost.message == (f"Calendar!A{row}: scene 4 was planned on 5 Mar 2026, no longer "
                            "a shoot day")
    assert remedy.message == ("adding 1 shoot day (through 9 Mar 2026) gives a schedule: set "
                              "end_date 2026-03-09 (Production!B4)")
    longer = with_extra_days(edited, 1)
    assert replan(longer, CURRENT, WED, config=QUICK, compare=False).result.schedule is not None


def test_added_hours_that_no_longer_fit_the_day_are_named() -> None:
    """Tests Friday's scenes 5 (5 h) and 6 (now 8 h) past the 12 h cap, and no other day with
    room (Thursday's 8 h scene leaves 4 h): named with both scenes, then one more day."""
    scenes = [scene(str(i), hours=8 if i != 5 else 5, cast=("A",)) for i in range(1, 7)]
    edited = production(scenes, cast=[actor("A")], end_date=FRI).check()
    current = CurrentSchedule({**CURRENT.dates, "5": FRI, "6": FRI})
    outcome = replan(edited, current, WED, config=QUICK, compare=False)
    assert outcome.result.status is SolveStatus.INFEASIBLE
    hours, remedy = outcome.result.conflicts[:2]
    assert hours.rule is Rule.DAY_HOURS and hours.message == (
        "scenes 5, 6 were planned on 6 Mar 2026, whose scenes now take 13 h, more than "
        "max_day_hours (12 h)")
    assert remedy.message.startswith("adding 1 shoot day (through 9 Mar 2026)")


def test_the_short_film_losing_a_day_names_it_first_and_the_day_that_helps(
        tmp_path: Path) -> None:
    """Tests the short film (no slack) on its conventional board, Wed 27 May lost on its
    Calendar sheet, re-planned from Tue 26 May: ``replan`` exits 2 and prints first the
    scenes planned on the lost day, located, then the one extra shoot day that helps."""
    source = EXAMPLES / "short_film.xlsx"
    film = read_workbook(source)
    board = conventional_board(film)
    current = write_schedule(film, Result(SolveStatus.FEASIBLE, schedule=Schedule(film, board)),
                             tmp_path / "current.xlsx")
    lost = date(2026, 5, 27)
    book = openpyxl.load_workbook(source)
    book["Calendar"].append([lost, "off"])
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    on_lost = sorted((s for s, when in revised_dates(film, board).items() if when == lost),
                     key=[s.id for s in film.scenes].index)
    result = CliRunner().invoke(app, ["replan", str(edited), "--schedule", str(current),
                                      "--from", "2026-05-26", "-o",
                                      str(tmp_path / "revised.xlsx"), "--time-limit", "2",
                                      "--deterministic"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("- ")]
    assert lines[0] == (f"- {Rule.CALENDAR_END.wording}: Calendar!A2: scenes "
                        f"{', '.join(on_lost)} were planned on 27 May 2026, no longer a "
                        "shoot day")
    assert lines[1].endswith("adding 1 shoot day (through 1 Jun 2026) gives a schedule: set "
                             "end_date 2026-06-01 (Production!B4)")
    assert not (tmp_path / "revised.xlsx").exists()


def test_a_stopped_replan_is_not_explained() -> None:
    """Tests that the explanation is not searched for when the producer stopped the re-plan
    (the extra-day solves would keep them waiting)."""
    import threading

    stop = threading.Event()
    stop.set()
    edited = no_slack(availability=Availability(available_to=WED))
    outcome = replan(edited, CURRENT, WED, config=SolverConfig(deterministic=True,
                                                                 time_limit=1),
                     compare=False, stop=stop)
    assert not any(c.message.startswith("scene 4 needs") for c in outcome.result.conflicts)


def test_work_added_to_a_full_plan_is_named() -> None:
    """Tests scene 2 not shot on Tuesday (its day is kept by nobody else, so no day broke):
    the explanation says it is to be planned anew and how much, then the extra day."""
    progress = [SceneProgress("2", ShotStatus.NOT_SHOT)]
    outcome = replan(no_slack(), CURRENT, WED, progress=progress, config=QUICK, compare=False)
    assert outcome.result.status is SolveStatus.INFEASIBLE
    added, remedy = outcome.result.conflicts[:2]
    assert added.message == ("scene 2 (not shot on 3 Mar 2026) is to be planned anew: 7 h "
                             "more to fit from 5 Mar 2026")
    assert remedy.message.startswith("adding 1 shoot day (through 9 Mar 2026)")


def test_a_new_scene_with_no_day_left_comes_first() -> None:
    """Tests a new scene 6 whose cast member C works only on Monday (shot): it has no day
    from the first open date, and says why, before anything else."""
    base = no_slack()
    edited = base.model_copy(update={
        "scenes": (*base.scenes, scene("6", hours=2, cast=("C",))),
        "cast": (*base.cast, actor("C", availability=Availability(available_to=DATES[0])))},
    ).check()
    outcome = replan(edited, CURRENT, WED, config=QUICK, compare=False)
    assert outcome.result.status is SolveStatus.INFEASIBLE
    first = outcome.result.conflicts[0]
    assert first.scenes == ("6",)
    assert first.message.startswith("scene 6 (new on the breakdown) has no possible day from "
                                    "5 Mar 2026: ")
    assert "cast Actor C (available start to 2 Mar 2026)" in first.message
    assert not any("to be planned anew" in c.message for c in outcome.result.conflicts)


def test_a_shorter_work_week_and_an_earlier_end_date_are_named() -> None:
    """Tests the calendar edited in the settings: Thursdays off the work week (scene 4's day)
    and the end date brought forward to Thursday (scene 5's Friday)."""
    edited = production([scene(str(i), hours=7, cast=("A",)) for i in range(1, 6)],
                        cast=[actor("A")], end_date=THU, work_week=(0, 1, 2, 4)).check()
    outcome = replan(edited, CURRENT, WED, config=QUICK, compare=False)
    messages = [c.message for c in outcome.result.conflicts]
    assert messages[:2] == [
        "scene 4 was planned on Thu 5 Mar 2026, no longer in the work week; scene 4 now has no "
        "other possible day",
        "scene 5 was planned on 6 Mar 2026, after the end date (5 Mar 2026); scene 5 now has no "
        "other possible day"]
