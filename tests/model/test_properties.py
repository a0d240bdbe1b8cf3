"""Properties on random tiny productions, with brute force and the validator as the oracle."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from scheduler.data import Production
from scheduler.model import ShootingModel
from scheduler.result import SolveStatus
from scheduler.solution import Schedule
from scheduler.solve import solve
from scheduler.validate import validate
from tests.helpers.productions import QUICK, brute_force_cost, tiny_productions


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(tiny_productions(max_scenes=5, max_days=4))
def test_solve_agrees_with_brute_force(prod: Production) -> None:
    """Tests that on random tiny productions (3-5 scenes, 1-3 cast, 1-3 locations, 2-4 days,
    every rule and cost in play): a returned schedule is valid and costs the objective, which
    is at least the lower bound; OPTIMAL matches the cheapest valid schedule found by trying
    every start day, and the counting bound stays below it; INFEASIBLE means no schedule is
    valid, and the result names conflicts."""
    result = solve(prod, QUICK)
    best = brute_force_cost(prod)
    if result.solution is not None:
        assert validate(prod, result.solution) == []
        assert result.objective == Schedule(prod, result.solution).total_cost
        assert result.lower_bound is not None and result.objective >= result.lower_bound
    if best is not None:
        assert ShootingModel(prod).objective.static_lower_bound <= best
    if result.status is SolveStatus.OPTIMAL:
        assert result.objective == best
    else:
        assert result.status is SolveStatus.INFEASIBLE
        assert best is None
        assert result.conflicts
