"""Day risk with drivers, scene risk weights and expected bottleneck days."""

from __future__ import annotations

import pytest

from scheduler.data import DayNight
from scheduler.day_facts import day_features
from scheduler.predict.model import TrainedModel, load_default
from scheduler.predict.risk import (
    RISK_WEIGHT_SCALE,
    DayRisk,
    describe_driver,
    scene_risk_weights,
    score_days,
    true_expected_bottleneck_days,
)
from scheduler.predict.synthetic import true_probability
from scheduler.solution import Schedule, Solution
from tests.helpers.productions import actor, place, production, scene
from tests.helpers.reports import report_production, sample_solution


@pytest.fixture(scope="module")
def model() -> TrainedModel:
    return load_default()


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return Schedule(report_production(), sample_solution())


def test_every_shoot_day_is_scored_with_its_drivers(model: TrainedModel,
                                                    schedule: Schedule) -> None:
    risk = score_days(schedule, model)
    assert list(risk) == schedule.shooting_days
    for day, forecast in risk.items():
        assert isinstance(forecast, DayRisk)
        assert 0 < forecast.probability < 1
        assert forecast.flag == (forecast.probability >= model.threshold)
        assert len(forecast.drivers) <= 3
        probability, flag, drivers = forecast  # the form the schedule writer takes
        assert (probability, flag, drivers) == (forecast.probability, forecast.flag,
                                                forecast.drivers)
        if forecast.flag:
            assert forecast.drivers
        if "night shoot" in forecast.drivers:
            assert day_features(schedule, day)["Night"] == 1
    # The longest day (scene 13, 11.5 h, past the standard day) owes its risk to its hours.
    longest = max(schedule.shooting_days, key=schedule.minutes_on)
    assert risk[longest].drivers[0] == "11.5 planned hours"


def test_a_long_night_with_a_move_and_a_stunt_is_flagged(model: TrainedModel) -> None:
    night = DayNight.NIGHT
    scenes = [
        scene("1", 6, location="A", cast=("1",), day_night=night, tags=("stunt",)),
        scene("2", 5.5, location="B", cast=("1",), day_night=night, tags=("animal",)),
        scene("3", 6, location="A", cast=("1",)),
    ]
    prod = production(scenes, cast=[actor("1")], locations=[place("A"), place("B")],
                      max_day_minutes=13 * 60)
    schedule = Schedule(prod, Solution(start_day={"1": 1, "2": 1, "3": 3}))
    risk = score_days(schedule, model)
    assert risk[1].flag and not risk[3].flag
    assert risk[1].probability > 2 * risk[3].probability
    assert risk[1].drivers[0] == "12.5 planned hours"
    assert {"1 company move", "night shoot", "animal", "stunt"} & set(risk[1].drivers[1:])


def test_drivers_are_in_producer_words() -> None:
    assert describe_driver("Planned Hours", 11.5) == "11.5 planned hours"
    assert describe_driver("Moves", 2) == "2 company moves"
    assert describe_driver("Moves", 1) == "1 company move"
    assert describe_driver("Night", 1) == "night shoot"
    assert describe_driver("Stunt", 1) == "stunt"
    assert describe_driver("Stunt", 3) == "3 stunt scenes"
    assert describe_driver("Pages", 3.375) == "3 3/8 pages"
    assert describe_driver("Minors", 1) == "1 minor on set"
    assert describe_driver("Extras", 60) == "60 extras"
    assert describe_driver("Day Index", 34) == "day 34 of the shoot"
    assert describe_driver("New Location", 1) == "new location"
    assert describe_driver("Weekday", 4) == "Friday"


def test_scene_weights_rise_with_hours_and_hazards(model: TrainedModel) -> None:
    scenes = [
        scene("plain", 2, location="L", cast=("1",)),
        scene("long", 5, location="L", cast=("1",)),
        scene("hazard", 2, location="L", cast=("1",), day_night=DayNight.NIGHT,
              tags=("stunt", "animal", "water")),
    ]
    prod = production(scenes, cast=[actor("1")], locations=[place("L")])
    weights = scene_risk_weights(prod, model)
    assert set(weights) == {"plain", "long", "hazard"}
    assert all(isinstance(w, int) and 0 <= w <= RISK_WEIGHT_SCALE for w in weights.values())
    assert weights["long"] > weights["plain"]
    assert weights["hazard"] > weights["plain"]


def test_scene_weights_of_a_full_production(model: TrainedModel) -> None:
    prod = report_production()
    weights = scene_risk_weights(prod, model)
    assert set(weights) == {s.id for s in prod.scenes}
    # Scene 13 runs 11.5 h alone: no scene adds more risk to a day.
    assert weights["13"] == max(weights.values()) > 0


def test_expected_bottleneck_days_sums_the_true_process(schedule: Schedule) -> None:
    expected = true_expected_bottleneck_days(schedule)
    truth = sum(true_probability(day_features(schedule, d)) for d in schedule.shooting_days)
    assert expected == pytest.approx(truth)
    assert 0 < expected < len(schedule.shooting_days)
    assert true_expected_bottleneck_days(schedule, lambda features: 0.5) == pytest.approx(
        0.5 * len(schedule.shooting_days))
