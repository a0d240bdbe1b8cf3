"""Warm starts: complete hints that CP-SAT accepts, replaced on each call, in symmetry order."""

from __future__ import annotations

import logging

import pytest

from scheduler.config import SolverConfig
from scheduler.conventional_board import conventional_board
from scheduler.model import ShootingModel
from scheduler.model.constraints import identical_scene_groups
from scheduler.model.cp_model import canonical_order
from scheduler.solution import Schedule, Solution
from scheduler.solve import solve
from tests.helpers.productions import (
    ConstraintKind,
    actor,
    production,
    row,
    scene,
    synthetic_production,
)


def test_warm_start_is_complete_and_feasible(caplog: pytest.LogCaptureFixture) -> None:
    """Tests that CP-SAT reads the conventional board as a complete, feasible hint."""
    prod = synthetic_production(15, seed=2)
    assert conventional_board(prod) is not None
    with caplog.at_level(logging.INFO, logger="scheduler"):
        solve(prod, SolverConfig(deterministic=True, time_limit=5, log_search=True))
    assert "The solution hint is complete and is feasible." in caplog.text


def test_a_new_hint_replaces_the_old_one() -> None:
    """Tests that hinting twice leaves one hint per variable, with the second schedule's
    values."""
    prod = production([scene("1", cast=("A",)), scene("2", cast=("A",))],
                      cast=[actor("A")], max_shoot_days=3).check()
    model = ShootingModel(prod)
    model.hint(Solution(start_day={"1": 1, "2": 3}))
    model.hint(Solution(start_day={"1": 2, "2": 2}))
    hint = model.model.proto.solution_hint
    assert len(hint.vars) == len(model.model.proto.variables)
    values = dict(zip(hint.vars, hint.values, strict=True))
    assert values[model.variables.starts["1"][2].index] == 1
    assert values[model.variables.starts["2"][3].index] == 0


def test_hinted_costs_equal_the_schedule() -> None:
    """Tests that the model's cost of the hinted board equals ``Schedule``'s (the model puts
    identical scenes in its own order)."""
    prod = synthetic_production(15, seed=3)
    board = conventional_board(prod)
    assert board is not None
    costs = ShootingModel(prod).evaluate(board)
    assert costs == Schedule(prod, board).cost_by_category


def test_identical_scenes_are_grouped_and_ordered() -> None:
    """Tests symmetry groups: same cast, place and length group; a scene in a Constraints row or
    with other minutes does not; hints put a group in breakdown order."""
    prod = production([scene("1", cast=("A",)), scene("2", cast=("A",)), scene("3", cast=("A",)),
                       scene("4", cast=("A",), hours=3), scene("5", cast=("A",))],
                      cast=[actor("A")], max_shoot_days=5,
                      constraints=[row(ConstraintKind.DIFFERENT_DAY, "5", "4")]).check()
    groups = [[s.id for s in group] for group in identical_scene_groups(prod)]
    assert groups == [["1", "2", "3"]]
    ordered = canonical_order(prod, Solution(start_day={"1": 3, "2": 1, "3": 2, "4": 5, "5": 4}))
    assert ordered.start_day == {"1": 1, "2": 2, "3": 3, "4": 5, "5": 4}


def test_the_model_orders_identical_scenes_in_its_own_hint() -> None:
    """Tests that a hint with identical scenes out of breakdown order is put in order by the
    model itself: the hinted start of the first scene is the earlier day."""
    prod = production([scene("1", cast=("A",)), scene("2", cast=("A",))],
                      cast=[actor("A")], max_shoot_days=3).check()
    assert [[s.id for s in group] for group in identical_scene_groups(prod)] == [["1", "2"]]
    model = ShootingModel(prod)
    model.hint(Solution(start_day={"1": 3, "2": 1}))
    hint = dict(zip(model.model.proto.solution_hint.vars, model.model.proto.solution_hint.values,
                    strict=True))
    assert hint[model.variables.starts["1"][1].index] == 1
    assert hint[model.variables.starts["2"][3].index] == 1
    assert ShootingModel(prod).evaluate(Solution(start_day={"1": 3, "2": 1})) is not None
