"""What the result page shows, checked against the facts the workbook is written from."""

from __future__ import annotations

from scheduler.data import DayNight, IntExt
from scheduler.dood import day_out_of_days
from scheduler.excel.styles import DEFAULT_PALETTE
from scheduler.planning import Plan
from scheduler.predict.risk import DayRisk
from scheduler.result import Result, SolveStatus
from scheduler.solution import Schedule, Solution, to_money
from scheduler.web.board import build_board, flagged_days, strip_class
from scheduler.web.pages import palette_css
from scheduler.web.report import (
    category_costs,
    dood_table,
    headline,
    money_text,
    summary_lines,
)
from tests.helpers.productions import actor, production, scene


def _schedule() -> Schedule:
    """Mon 2 Mar to Mon 9 Mar 2026: a 14-hour scene over days 1-2, day 3 empty, a week break."""
    prod = production(
        [scene("1", hours=14, int_ext=IntExt.EXT, day_night=DayNight.NIGHT, cast=("A",),
               eighths=20),
         scene("2", hours=3, cast=("A",), eighths=6),
         scene("3", hours=2, int_ext=IntExt.EXT, day_night=DayNight.DAY, cast=("B",))],
        max_shoot_days=8, crew_day_cost=100, cast=[actor("A", rate=300), actor("B", rate=50)],
    )
    return Schedule(prod, Solution(start_day={"1": 1, "2": 4, "3": 6}))


def _result(schedule: Schedule) -> Result:
    cost = schedule.total_cost
    return Result(SolveStatus.FEASIBLE, schedule, lower_bound=cost // 2, runtime=1.5)


def test_the_board_has_every_shoot_day_and_strips_in_the_workbook_colours() -> None:
    schedule = _schedule()
    risk = {4: DayRisk(0.8, True, ("night shoot", "1 company move")), 6: DayRisk(0.1, False, ())}
    board = build_board(schedule, risk)

    assert [day.day for day in board.days] == list(range(1, schedule.wrap_day + 1))
    assert [len(day.strips) for day in board.days] == [1, 1, 0, 1, 0, 1]
    night, second_part = board.days[0].strips[0], board.days[1].strips[0]
    assert night.css_class == strip_class(DEFAULT_PALETTE.ext_night)
    assert (night.part, second_part.part) == ("1/2", "2/2")
    assert (night.pages, second_part.pages) == ("2 4/8", "0")  # pages count on the first part
    assert board.days[3].strips[0].css_class == strip_class(DEFAULT_PALETTE.int_day)
    assert board.days[5].strips[0].css_class == strip_class(DEFAULT_PALETTE.ext_day)
    assert [day.day for day in flagged_days(board)] == [4]
    assert board.days[3].drivers == ("night shoot", "1 company move")
    # Mon 2 .. Fri 6 Mar, then Mon 9 Mar starts a new week.
    assert [day.starts_week for day in board.days] == [False] * 5 + [True]


def test_the_palette_css_has_a_class_for_every_strip_colour() -> None:
    css = palette_css()
    for _, colour in DEFAULT_PALETTE.legend():
        assert f".{strip_class(colour)} {{ background: #{colour.upper()}; }}" in css


def test_summary_and_costs_say_what_the_workbook_says() -> None:
    schedule = _schedule()
    result = _result(schedule)
    plan = Plan(result, {4: DayRisk(0.8, True, ("night shoot",)), 6: DayRisk(0.1, False, ())})
    shown = summary_lines(schedule.production, plan)
    assert [(line.label, line.value) for line in shown[:len(plan.summary())]] == [
        (label.strip(), text) for label, text in plan.summary()]
    lines = {line.label: line.value for line in shown}
    assert lines["total cost"] == money_text(to_money(schedule.total_cost), "USD")
    assert lines["gap"] == f"{result.gap:.1%}"
    assert lines["shoot days"].startswith(f"{schedule.wrap_day} (wrap ")
    assert lines["likely bottleneck days"] == "4"
    assert lines["Scenes"] == "3" and lines["Budget"] == "-"
    costs = {line.label: line for line in category_costs(schedule)}
    cast_cost = to_money(schedule.cost_by_category["cast"])
    assert costs["Cast"].amount == money_text(cast_cost, "USD")
    assert abs(sum(line.share for line in costs.values()) - 1.0) < 1e-9


def test_the_dood_table_has_the_dood_codes() -> None:
    schedule = _schedule()
    table = dood_table(schedule)
    dood = day_out_of_days(schedule)
    assert [day for day, _ in table.days] == list(dood.days)
    for line, row in zip(table.lines, dood.rows, strict=True):
        assert [cell.code for cell in line.cells] == [
            row.codes[day].value if day in row.codes else "" for day in dood.days]
    actor_a = table.lines[0]
    assert [cell.code for cell in actor_a.cells[:4]] == ["SW", "W", "H", "WF"]
    assert [cell.css_class for cell in actor_a.cells[:4]] == ["dood-work", "dood-work",
                                                              "dood-hold", "dood-work"]


def test_every_status_has_a_headline_in_the_producers_words() -> None:
    schedule = _schedule()
    cost = schedule.total_cost
    assert headline(Result(SolveStatus.OPTIMAL, schedule, lower_bound=cost)).tone == "good"
    feasible = headline(Result(SolveStatus.FEASIBLE, schedule, lower_bound=cost - cost // 10,
                               interrupted=True))
    assert "at most 10.0% more" in feasible.text and "You stopped the search" in feasible.text
    assert headline(Result(SolveStatus.INFEASIBLE)).tone == "bad"
    timeout = headline(Result(SolveStatus.NO_SOLUTION, runtime=30))
    assert "No schedule was found in 30 s" in timeout.text and timeout.tone == "warn"
    assert "bug" in headline(Result(SolveStatus.MODEL_INVALID)).text
