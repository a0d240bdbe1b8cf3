"""The risk price in the CP model: a hinge on each day's summed scene weights, company moves and
overtime minutes, all in the objective and never a hard rule."""

from __future__ import annotations

from scheduler.config import SolverConfig
from scheduler.model import ShootingModel
from scheduler.risk_price import RiskPrice
from scheduler.solution import Schedule, Solution
from scheduler.validate import validate
from tests.helpers.productions import place, production, scene

QUICK = SolverConfig(time_limit=10, deterministic=True)


def two_risky_scenes(crew_day_cost: int = 100):
    """Two 2-hour scenes at one place: one day is the cheaper plan (wrap day 1)."""
    return production([scene("A", 2, location="L"), scene("B", 2, location="L")],
                      locations=[place("L")], crew_day_cost=crew_day_cost, max_shoot_days=2)


def solved_days(prod, risk: RiskPrice | None) -> dict[str, int]:
    model = ShootingModel(prod, risk=risk)
    outcome = model.solve(QUICK)
    assert outcome.solution is not None
    assert validate(prod, outcome.solution) == []
    return dict(outcome.solution.start_day)


def test_without_a_risk_price_the_cheapest_plan_stacks_both_scenes():
    assert solved_days(two_risky_scenes(), None) == {"A": 1, "B": 1}


def test_a_priced_hinge_spreads_load_past_the_knee_when_risk_costs_more_than_a_day():
    # Together the day carries 600 thousandths, 200 past the knee: 200 * 2 cost units beat a
    # crew day of 100 * 60.
    expensive = RiskPrice(weights={"A": 300, "B": 300}, knee=400, price=40)
    assert sorted(solved_days(two_risky_scenes(), expensive).values()) == [1, 2]


def test_a_cheap_hinge_does_not_buy_a_dearer_plan():
    cheap = RiskPrice(weights={"A": 300, "B": 300}, knee=400, price=1)
    assert solved_days(two_risky_scenes(), cheap) == {"A": 1, "B": 1}


def test_the_model_reports_the_risk_price_apart_from_the_cost():
    prod = two_risky_scenes(crew_day_cost=0)
    price = RiskPrice(weights={"A": 300, "B": 300}, knee=400, price=5)
    outcome = ShootingModel(prod, risk=price).solve(QUICK)
    assert outcome.solution is not None
    assert outcome.risk_cost == 0  # two days cost nothing more here, so risk is spread
    assert outcome.objective == Schedule(prod, outcome.solution).total_cost


def test_a_move_price_keeps_two_places_on_separate_days():
    prod = production([scene("A", 2, location="L"), scene("B", 2, location="M")],
                      locations=[place("L"), place("M")], crew_day_cost=100,
                      company_move_cost=10, max_shoot_days=2)
    assert solved_days(prod, None) == {"A": 1, "B": 1}  # one move (10) beats a day (100)
    priced = RiskPrice(weights={}, knee=0, price=0, move_price=200 * 60)
    assert sorted(solved_days(prod, priced).values()) == [1, 2]


def test_an_overtime_price_shortens_long_days():
    prod = production([scene("A", 6, location="L"), scene("B", 6, location="L")],
                      locations=[place("L")], crew_day_cost=100, overtime_cost_per_hour=1,
                      max_day_minutes=12 * 60, standard_day_minutes=11 * 60, max_shoot_days=2)
    assert solved_days(prod, None) == {"A": 1, "B": 1}  # one overtime hour (1) beats a day
    priced = RiskPrice(weights={}, knee=0, price=0, overtime_price=200)
    assert sorted(solved_days(prod, priced).values()) == [1, 2]


def test_a_tighter_knee_on_one_day_moves_load_off_that_day():
    prod = production([scene(s, 2, location="L") for s in "ABCD"], locations=[place("L")],
                      max_shoot_days=2)
    price = RiskPrice(weights=dict.fromkeys("ABCD", 100), knee=1000, price=50,
                      day_knees={1: 100})
    days = solved_days(prod, price)
    assert sum(day == 1 for day in days.values()) <= 1


def test_the_hint_of_a_priced_model_is_complete_and_feasible():
    prod = two_risky_scenes()
    price = RiskPrice(weights={"A": 300, "B": 300}, knee=400, price=40, move_price=7)
    model = ShootingModel(prod, risk=price)
    costs = model.evaluate(Solution(start_day={"A": 1, "B": 1}))
    assert costs is not None
    assert sum(costs.values()) == Schedule(prod, Solution(start_day={"A": 1, "B": 1})).total_cost
