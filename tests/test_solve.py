"""The ``solve`` facade: statuses, baseline and fallback, hints, progress, stop, determinism."""

from __future__ import annotations

import sys
import threading

import pytest

from scheduler.config import SolverConfig
from scheduler.conventional_board import conventional_board
from scheduler.model.cp_model import STATUSES
from scheduler.result import Progress, SolveStatus
from scheduler.rules import Rule
from scheduler.solution import Schedule, Solution
from scheduler.solve import solve
from scheduler.validate import validate
from tests.helpers.productions import production, scene, synthetic_production

solve_module = sys.modules["scheduler.solve"]  # the package face exports the function solve

QUICK = SolverConfig(deterministic=True, time_limit=10)


def test_all_five_cp_sat_statuses_are_mapped() -> None:
    """Tests that every CP-SAT status has its own result status."""
    assert len(STATUSES) == 5
    assert set(STATUSES.values()) == set(SolveStatus)


def test_optimal_result_is_valid_and_costs_its_objective() -> None:
    """Tests an optimal solve: valid schedule, objective = Schedule total = lower bound, gap 0,
    never dearer than the conventional board."""
    prod = synthetic_production(9, seed=1)
    result = solve(prod, QUICK)
    assert result.status is SolveStatus.OPTIMAL
    assert result.solution is not None and validate(prod, result.solution) == []
    assert result.objective == Schedule(prod, result.solution).total_cost == result.lower_bound
    assert result.gap == 0.0
    board = conventional_board(prod)
    assert board is not None
    assert result.baseline_solution == board
    assert result.baseline_cost == Schedule(prod, board).total_cost
    assert result.objective <= result.baseline_cost


def test_infeasible_result_lists_conflicts() -> None:
    """Tests that a proven infeasible production returns no schedule and its conflicts."""
    prod = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=1).check()
    result = solve(prod, QUICK)
    assert result.status is SolveStatus.INFEASIBLE
    assert result.solution is None and result.objective is None
    assert [c.rule for c in result.conflicts] == [Rule.CALENDAR_END]


def test_time_limit_too_short_for_the_search_returns_the_board() -> None:
    """Tests the fallback: when the search finds nothing in time, the valid conventional board
    comes back as a feasible schedule."""
    prod = synthetic_production(150, seed=4)
    result = solve(prod, SolverConfig(deterministic=True, time_limit=0.01))
    assert result.status is SolveStatus.FEASIBLE
    assert result.solution is not None and validate(prod, result.solution) == []
    assert result.baseline_cost is not None
    assert result.objective is not None and result.objective <= result.baseline_cost


def test_no_board_and_no_time_gives_no_solution(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests NO_SOLUTION: without a board or a packed calendar and with no time to search,
    nothing is returned and nothing is claimed infeasible."""
    monkeypatch.setattr(solve_module, "conventional_board", lambda production: None)
    monkeypatch.setattr(solve_module, "pack_calendar", lambda production, **_: None)
    prod = synthetic_production(150, seed=4)
    result = solve(prod, SolverConfig(deterministic=True, time_limit=0.01))
    assert result.status is SolveStatus.NO_SOLUTION
    assert result.solution is None and result.conflicts == ()


def test_progress_reports_better_schedules() -> None:
    """Tests that progress comes with falling costs above the bound, and ends at the result."""
    prod = synthetic_production(24, seed=5)
    seen: list[Progress] = []
    result = solve(prod, SolverConfig(deterministic=True, time_limit=1), on_progress=seen.append)
    assert seen
    costs = [p.objective for p in seen]
    assert costs == sorted(costs, reverse=True)
    assert all(p.bound <= p.objective for p in seen)
    assert result.objective == costs[-1]


def test_stop_returns_the_best_schedule_so_far() -> None:
    """Tests that setting the stop event at the first schedule ends the search early with that
    schedule, marked as interrupted."""
    prod = synthetic_production(60, seed=6)
    stop = threading.Event()
    result = solve(prod, SolverConfig(deterministic=True, time_limit=60),
                   on_progress=lambda progress: stop.set(), stop=stop)
    assert result.interrupted
    assert result.runtime < 30
    assert result.status is SolveStatus.FEASIBLE
    assert result.solution is not None and validate(prod, result.solution) == []


def test_stop_set_before_the_solve() -> None:
    """Tests that a stop requested before the search still gives a valid schedule at once."""
    prod = synthetic_production(30, seed=7)
    stop = threading.Event()
    stop.set()
    result = solve(prod, SolverConfig(deterministic=True, time_limit=60), stop=stop)
    assert result.interrupted and result.runtime < 30
    assert result.solution is not None and validate(prod, result.solution) == []


def test_deterministic_mode_repeats_itself() -> None:
    """Tests that the same input and seed give the same schedule and cost, also when the time
    limit (deterministic time) stops the search before it proves optimality."""
    prod = synthetic_production(18, seed=8)
    config = SolverConfig(deterministic=True, time_limit=0.5)
    first, second = solve(prod, config), solve(prod, config)
    assert first.solution == second.solution
    assert first.objective == second.objective


def test_a_valid_hint_cheaper_than_the_board_is_kept() -> None:
    """Tests that a valid hint sets the cost to beat: the result is never dearer."""
    prod = synthetic_production(30, seed=9)
    good = solve(prod, SolverConfig(deterministic=True, time_limit=1))
    assert good.solution is not None and good.objective is not None
    again = solve(prod, SolverConfig(deterministic=True, time_limit=0.2), hint=good.solution)
    assert again.objective is not None and again.objective <= good.objective


def test_an_invalid_hint_is_only_a_guide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that a hint breaking a rule (with no board to prefer) guides the search, is noted,
    and the result is still the valid optimum."""
    monkeypatch.setattr(solve_module, "conventional_board", lambda production: None)
    prod = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=2).check()
    invalid = Solution(start_day={"1": 1, "2": 1})
    assert validate(prod, invalid)
    result = solve(prod, QUICK, hint=invalid)
    assert result.status is SolveStatus.OPTIMAL
    assert result.solution is not None and validate(prod, result.solution) == []
    assert any("hint breaks a rule" in note for note in result.notes)
