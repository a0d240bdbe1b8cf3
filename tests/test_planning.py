"""Risk-aware planning: the cheapest plan, then rounds that take bottleneck risk off it."""

from __future__ import annotations

import pytest

from examples.make_examples import short_film
from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.planning import Plan, plan_production
from scheduler.predict.risk import true_expected_bottleneck_days
from scheduler.result import SolveStatus
from scheduler.solution import Schedule
from scheduler.validate import validate
from tests.helpers.productions import place, production, scene

QUICK = SolverConfig(time_limit=4, deterministic=True)


@pytest.fixture(scope="module")
def film() -> Production:
    return short_film()


@pytest.fixture(scope="module")
def blind(film: Production) -> Plan:
    return plan_production(film, QUICK, risk_aware=False)


@pytest.fixture(scope="module")
def aware(film: Production) -> Plan:
    return plan_production(film, QUICK)


def test_a_risk_blind_plan_is_the_cheapest_and_every_day_is_scored(film, blind):
    assert blind.result.status is SolveStatus.OPTIMAL
    assert blind.rounds == ()
    assert blind.risk is not None
    assert set(blind.risk) == set(Schedule(film, blind.result.solution).shooting_days)


def test_the_risk_aware_plan_is_valid_and_costed_by_the_schedule(film, aware):
    result = aware.result
    assert result.solution is not None
    assert validate(film, result.solution) == []
    assert result.objective == Schedule(film, result.solution).total_cost
    assert result.lower_bound is not None and result.lower_bound <= result.objective


def test_the_rounds_buy_fewer_expected_bottleneck_days_for_a_stated_premium(film, blind, aware):
    rounds = aware.rounds
    assert rounds[0].number == 0 and len(rounds) >= 2
    assert sum(r.kept for r in rounds) == 1
    kept = next(r for r in rounds if r.kept)
    assert kept.expected_bottleneck_days < rounds[0].expected_bottleneck_days
    assert aware.result.risk_premium == aware.result.objective - blind.result.objective > 0
    assert any("risk-aware plan" in note for note in aware.result.notes)
    # Under the synthetic truth that the model learnt from, the plan is safer too.
    truth_blind = true_expected_bottleneck_days(Schedule(film, blind.result.solution))
    truth_aware = true_expected_bottleneck_days(Schedule(film, aware.result.solution))
    assert truth_aware < truth_blind


def test_the_kept_plan_is_the_cheapest_once_risk_is_priced(film, aware):
    day_value = film.settings.bottleneck_cost
    kept = next(r for r in aware.rounds if r.kept)
    for other in aware.rounds:
        assert (kept.cost + 60 * day_value * kept.expected_bottleneck_days
                <= other.cost + 60 * day_value * other.expected_bottleneck_days)


def test_risk_is_not_priced_when_a_bottleneck_day_is_worth_nothing(film):
    free = film.model_copy(update={"settings": film.settings.model_copy(
        update={"bottleneck_day_cost": 0})})
    plan = plan_production(free, QUICK)
    assert plan.rounds == ()
    assert plan.result.risk_premium == 0


def test_planning_repeats_in_deterministic_mode(film, aware):
    again = plan_production(film, QUICK)
    assert again.result.solution == aware.result.solution
    assert again.rounds == aware.rounds


def test_an_infeasible_production_gets_its_conflicts_and_no_risk():
    prod = production([scene("A", 13, location="L")], locations=[place("L")],
                      max_day_minutes=12 * 60, max_shoot_days=1)
    plan = plan_production(prod, QUICK)
    assert plan.result.status is SolveStatus.INFEASIBLE
    assert plan.result.conflicts
    assert plan.risk is None


def test_the_default_cost_of_a_bottleneck_day_is_three_overtime_hours_and_a_tenth_of_a_day():
    prod = production([scene("A")], overtime_cost_per_hour=100, crew_day_cost=5000)
    assert prod.settings.bottleneck_cost == 300 + 500
