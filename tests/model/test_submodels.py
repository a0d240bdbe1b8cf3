"""Sub-models of the neighbourhood search: fixed scenes fold into constants, and the costs and
rules stay exactly those of the full model."""

from __future__ import annotations

import random

from benchmarks.generator import generate
from scheduler.config import SolverConfig
from scheduler.conventional_board import conventional_board
from scheduler.model import ShootingModel
from scheduler.result import SolveStatus
from scheduler.search.neighbourhoods import KINDS, NeighbourhoodMaker
from scheduler.solution import Schedule
from scheduler.validate import validate
from tests.helpers.productions import synthetic_production

QUICK = SolverConfig(deterministic=True, time_limit=10)


def test_a_model_with_every_scene_fixed_costs_the_schedule() -> None:
    """Tests that fixing every scene to a valid board gives one solution, whose cost by
    category is ``Schedule``'s, with far fewer variables than the full model."""
    prod = synthetic_production(20, seed=5)
    board = conventional_board(prod)
    assert board is not None
    fixed = {scene_id: {day} for scene_id, day in board.start_day.items()}
    model = ShootingModel(prod, starts=fixed)
    assert model.evaluate(board) == Schedule(prod, board).cost_by_category
    outcome = model.solve(QUICK)
    assert outcome.status is SolveStatus.OPTIMAL
    assert outcome.solution == board
    assert outcome.objective == Schedule(prod, board).total_cost
    assert model.size.variables < ShootingModel(prod).size.variables / 2


def test_a_sub_model_solution_is_valid_and_exactly_costed() -> None:
    """Tests a neighbourhood: the scenes of the first four board days free over those days, the
    rest fixed; the solution is valid, no dearer than the board, and its model cost is the
    schedule's."""
    prod = synthetic_production(20, seed=6)
    board = conventional_board(prod)
    assert board is not None
    open_days = {1, 2, 3, 4}
    starts = {scene_id: (open_days if day in open_days else {day})
              for scene_id, day in board.start_day.items()}
    outcome = ShootingModel(prod, starts=starts).solve(QUICK)
    assert outcome.solution is not None and validate(prod, outcome.solution) == []
    schedule = Schedule(prod, outcome.solution)
    assert outcome.objective == schedule.total_cost <= Schedule(prod, board).total_cost
    moved = {sid for sid, day in outcome.solution.start_day.items() if day != board.start_day[sid]}
    assert all(board.start_day[sid] in open_days for sid in moved)


def test_every_kind_of_neighbourhood_costs_the_schedule_exactly() -> None:
    """Tests that a sub-model of each kind of neighbourhood, whose settled cast, locations and
    resources fold into constants (spans, drops, fees, visits), costs the schedule it was
    drawn from exactly as ``Schedule`` does, category by category."""
    generated = generate(90, 1, "feature")
    prod, board = generated.production, generated.reference
    assert any(member.drop_pickup for member in prod.cast)
    schedule = Schedule(prod, board)
    maker = NeighbourhoodMaker(prod, random.Random(7))
    for kind in KINDS:
        neighbourhood = maker.make(kind, schedule, 12)
        if neighbourhood is None:
            continue
        starts = {scene_id: {day} for scene_id, day in board.start_day.items()}
        starts.update(neighbourhood.starts)
        starts = {sid: days | {board.start_day[sid]} for sid, days in starts.items()}
        model = ShootingModel(prod, starts=starts)
        assert model.evaluate(board) == schedule.cost_by_category, kind
