"""The Result of a solve: built once, guarded, derived from its schedule, summarised in order."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest

from scheduler.planning import Plan
from scheduler.predict.risk import DayRisk
from scheduler.result import Conflict, Result, SolveStatus, relative_gap
from scheduler.rules import Rule
from scheduler.solution import Schedule, to_money
from tests.helpers.reports import report_production, sample_result, sample_solution


def test_a_result_is_frozen() -> None:
    """Tests that a later stage adds facts with ``dataclasses.replace``, not by assignment."""
    result = sample_result()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.interrupted = True  # type: ignore[misc]
    assert replace(result, interrupted=True).interrupted


def test_cost_and_solution_derive_from_the_schedule() -> None:
    """Tests that the objective is the schedule's total cost and the gap follows the bound."""
    prod = report_production()
    result = sample_result(prod)
    schedule = Schedule(prod, sample_solution())
    assert result.objective == schedule.total_cost
    assert result.solution == sample_solution()
    assert result.gap == relative_gap(schedule.total_cost, schedule.total_cost * 9 // 10)
    assert Result(SolveStatus.INFEASIBLE).objective is None
    assert Result(SolveStatus.INFEASIBLE).gap is None


def test_guards_refuse_a_result_that_contradicts_itself() -> None:
    """Tests the guards: negative runtime, a bound above the cost, a bound without a schedule,
    a status that disagrees with the schedule held."""
    prod = report_production()
    schedule = Schedule(prod, sample_solution())
    with pytest.raises(ValueError, match="Negative runtime"):
        Result(SolveStatus.NO_SOLUTION, runtime=-1.0)
    with pytest.raises(ValueError, match="above the cost"):
        Result(SolveStatus.FEASIBLE, schedule, lower_bound=schedule.total_cost + 1)
    with pytest.raises(ValueError, match="bounds nothing"):
        Result(SolveStatus.NO_SOLUTION, lower_bound=10)
    with pytest.raises(ValueError, match="has no schedule"):
        Result(SolveStatus.OPTIMAL)
    with pytest.raises(ValueError, match="has schedule"):
        Result(SolveStatus.INFEASIBLE, schedule)


def test_summary_rows_are_in_the_order_a_person_reads_them() -> None:
    """Tests the rows and their wording: status, cost, bound, gap, days, each category that
    costs something (indented, with its bound), holds, moves, the board, the saving, runtime."""
    prod = report_production()
    result = replace(sample_result(prod), bound_by_category={"cast": 60}, least_shoot_days=9)
    schedule = Schedule(prod, sample_solution())
    rows = result.summary()
    labels = [label for label, _ in rows]
    categories = [f"  {c}" for c, amount in schedule.cost_by_category.items() if amount]
    assert labels == ["status", "total cost", "lower bound", "gap", "shoot days", *categories,
                      "cast hold days", "company moves", "conventional board", "saving",
                      "runtime"]
    text = dict(rows)
    assert text["status"] == "feasible"
    assert text["total cost"] == f"{to_money(schedule.total_cost):,} EUR"
    assert text["shoot days"] == "12 (wrap Wed 18 Mar 2026)  (at least 9)"
    assert text["  cast"] == f"{to_money(schedule.cost_by_category['cast']):,}  (at least 1.00)"
    assert text["cast hold days"] == str(schedule.total_hold_days)
    saving = result.baseline_cost - schedule.total_cost  # type: ignore[operator]
    assert text["saving"] == f"{to_money(saving):,} EUR (16.7%)"
    assert text["runtime"] == "1.2 s"


def test_summary_without_a_schedule_says_the_status_and_the_time() -> None:
    """Tests an infeasible result's summary, and a search the user stopped."""
    conflict = Conflict(Rule.CAST_AVAILABILITY, "scene 2 needs Actor 1, away all March")
    result = Result(SolveStatus.INFEASIBLE, conflicts=(conflict,), runtime=0.5)
    assert result.summary() == [("status", "infeasible"), ("runtime", "0.5 s")]
    stopped = Result(SolveStatus.NO_SOLUTION, interrupted=True)
    assert stopped.summary()[0] == ("status", "no solution (stopped by you)")


def test_the_plan_summary_puts_the_forecast_after_the_schedule_facts() -> None:
    """Tests that the plan adds the flagged days and the expected bottleneck days after the
    company moves, before the risk premium and the conventional board."""
    result = replace(sample_result(), risk_premium=120)
    risk = {1: DayRisk(0.35, False, ()), 10: DayRisk(0.82, True, ("12 extras",))}
    plan = Plan(result, risk)
    labels = [label for label, _ in plan.summary()]
    moves = labels.index("company moves")
    assert labels[moves + 1:moves + 5] == ["likely bottleneck days", "expected bottleneck days",
                                           "risk premium", "conventional board"]
    text = dict(plan.summary())
    assert text["likely bottleneck days"] == "10"
    assert text["expected bottleneck days"] == "1.17"
    assert text["risk premium"] == "2.00 EUR"
    assert plan.predicted_bottleneck_days == pytest.approx(1.17)
    assert Plan(result, None).summary() == result.summary()
