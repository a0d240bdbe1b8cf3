"""From the bottleneck model to the risk price of the CP model."""

from __future__ import annotations

import pytest

from scheduler.conventional_board import conventional_board
from scheduler.predict.model import TrainedModel, load_default
from scheduler.predict.pricing import day_loads, day_risk_rates, fit_risk_price, tighten
from scheduler.predict.risk import scene_risk_weights
from scheduler.risk_price import RiskPrice
from scheduler.solution import Schedule
from tests.helpers.reports import report_production, sample_solution


@pytest.fixture(scope="module")
def model() -> TrainedModel:
    return load_default()


def test_a_move_and_an_overtime_hour_add_risk_to_a_typical_day(model):
    per_move, per_overtime_hour = day_risk_rates(report_production(), model)
    assert 0 < per_move < 1
    assert 0 < per_overtime_hour < 1


def test_the_price_values_risk_at_what_a_bottleneck_day_is_worth(model):
    production = report_production()
    weights = scene_risk_weights(production, model)
    cheap = fit_risk_price(production, model, weights, 100, [conventional_board(production)])
    dear = fit_risk_price(production, model, weights, 10_000, [conventional_board(production)])
    assert cheap is not None and dear is not None
    assert dear.move_price > cheap.move_price > 0
    assert dear.overtime_price > cheap.overtime_price
    assert dear.weights == weights


def test_nothing_is_priced_when_a_bottleneck_day_is_worth_nothing(model):
    production = report_production()
    weights = scene_risk_weights(production, model)
    assert fit_risk_price(production, model, weights, 0) is None


def test_the_price_repeats_with_the_same_seed(model):
    production = report_production()
    weights = scene_risk_weights(production, model)
    assert (fit_risk_price(production, model, weights, 500, seed=3)
            == fit_risk_price(production, model, weights, 500, seed=3))


def test_day_loads_sum_the_weights_of_each_days_scenes():
    production, solution = report_production(), sample_solution()
    weights = {scene.id: 10 for scene in production.scenes}
    loads = day_loads(Schedule(production, solution), weights)
    assert sum(loads.values()) == 10 * sum(production.scene_days(s) for s in production.scenes)


def test_tightening_lowers_the_knee_of_flagged_days_only():
    price = RiskPrice(weights={}, knee=500, price=3)
    tighter = tighten(price, {1: 800, 2: 300, 3: 900}, flagged=[1, 2])
    assert tighter.knee_of(1) < 500
    assert tighter.knee_of(2) < 300  # below its present load, so the day must shed some
    assert tighter.knee_of(3) == 500
    assert tighten(tighter, {1: 100}, flagged=[1]).knee_of(1) < tighter.knee_of(1)
