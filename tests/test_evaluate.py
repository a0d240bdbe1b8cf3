"""Evaluating a board someone built: facts and costs as ``Schedule`` computes them, rule breaks
listed, scenes left out reported; and reading back a schedule workbook we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.config import SolverConfig
from scheduler.data import DayNight, Production
from scheduler.errors import InputError
from scheduler.evaluate import evaluate_board
from scheduler.excel import source
from scheduler.excel.writer import write_schedule
from scheduler.interop.schedule_workbook import read_schedule_workbook
from scheduler.rules import Rule
from scheduler.solution import COST_SCALE, Schedule, Solution
from scheduler.solve import solve
from tests.helpers.productions import actor, place, production, scene


def four_scenes() -> Production:
    return production(
        [scene("1", 3, cast=("1", "2"), location="A"),
         scene("2", 3, cast=("1",), location="B", day_night=DayNight.NIGHT),
         scene("3", 14, cast=("2",), location="A"),  # two days alone
         scene("4", 2, cast=("1",), location="C")],
        cast=[actor("1", rate=100), actor("2", rate=50)],
        locations=[place("A", fee=10), place("B", fee=20), place("C")],
        crew_day_cost=1000, max_shoot_days=8,
    )


def test_a_board_that_breaks_rules_is_still_costed() -> None:
    prod = four_scenes()
    # day 1 mixes day and night scenes at two locations; scene 4 is left out
    board = Solution(start_day={"1": 1, "2": 1, "3": 3})
    report = evaluate_board(prod, board, "hand-made")
    schedule = Schedule(prod, board)
    assert report.total_cost == schedule.total_cost
    assert report.cost_by_category["crew"] == 4 * 1000 * COST_SCALE  # wrap day 4
    # actor 1 works day 1; actor 2 works days 1, 3 and 4 and is held on day 2
    assert report.cost_by_category["cast"] == (1 * 100 + 4 * 50) * COST_SCALE
    assert (report.shoot_days, report.wrap_day) == (3, 4)
    assert (report.cast_work_days, report.cast_hold_days) == (4, 1)
    assert report.company_moves == 1
    assert report.unscheduled == ("4",)
    assert report.breaks_by_rule == {Rule.SCENE_SCHEDULED: 1, Rule.SPLIT_DAY: 1}
    assert not report.is_valid


def test_the_json_form_lists_every_break_in_money() -> None:
    prod = four_scenes()
    report = evaluate_board(prod, Solution(start_day={"1": 1, "2": 1, "3": 3, "4": 2}), "b")
    data = report.to_json("EUR")
    assert data["currency"] == "EUR" and data["valid"] is False
    assert data["total_cost"] == float(report.total_cost) / COST_SCALE
    # the night of day 1 is followed by day scene 4 on the next morning
    assert data["rule_breaks"] == {"split_day": 1, "night_turnaround": 1}
    assert data["violations"][0]["day"] == 1


def test_a_valid_board_has_no_breaks() -> None:
    prod = four_scenes()
    report = evaluate_board(prod, Solution(start_day={"1": 1, "4": 1, "2": 5, "3": 2}), "ok")
    assert report.is_valid and report.breaks_by_rule == {}
    assert report.cast_work_days == 2 + 3


def test_a_schedule_workbook_reads_back_to_its_schedule(tmp_path: Path) -> None:
    prod = four_scenes()
    result = solve(prod, SolverConfig(time_limit=5, deterministic=True))
    assert result.solution is not None
    path = tmp_path / "schedule.xlsx"
    write_schedule(prod, result, path)
    assert read_schedule_workbook(path) == result.solution


def test_a_schedule_sheet_too_long_to_read_whole_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not evaluated as a board that leaves the unread scenes out."""
    prod = four_scenes()
    path = tmp_path / "schedule.xlsx"
    write_schedule(prod, solve(prod, SolverConfig(time_limit=5, deterministic=True)), path)
    monkeypatch.setattr(source, "MAX_ROWS_PER_SHEET", 2)
    with pytest.raises(InputError) as caught:
        read_schedule_workbook(path)
    assert [p.where for p in caught.value.problems] == ["Schedule"]
