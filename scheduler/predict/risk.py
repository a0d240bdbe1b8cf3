"""Predict, then optimise: bottleneck risk of planned days and of single scenes.

``score_days`` scores each shoot day of a schedule and names its main drivers in a producer's
words ("11.5 planned hours", "1 company move", "night shoot"), from the model's SHAP values.
``scene_risk_weights`` turns the model into data the CP model can use: how much each scene adds
to the bottleneck probability of a typical day, as whole thousandths, so that the risk a day
carries can be limited or priced with integer sums.  The predictions stay soft: they are never
hard rules.  ``true_expected_bottleneck_days`` measures a schedule under the known true process
(the benchmark on synthetic productions), not under the model's predicted probabilities.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from ..data import Production, Scene
from ..day_facts import day_features
from ..solution import Schedule, Solution
from .model import TrainedModel
from .synthetic import true_probability

MAX_DRIVERS = 3
# A contribution smaller than this (in log-odds) is noise, not a reason.
MIN_DRIVER_LOG_ODDS = 0.05
# Scene risk weights are in thousandths of a bottleneck probability.
RISK_WEIGHT_SCALE = 1000

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Features that add up over the scenes of a day (the others describe the day as a whole).
ADDITIVE_FEATURES = ("Planned Hours", "Pages", "Scenes", "Cast", "Extras", "Stunt", "VFX", "SFX",
                     "Vehicle", "Animal", "Water", "Minors")


class DayRisk(NamedTuple):
    """The bottleneck forecast of one shoot day; unpacks as ``(probability, flag, drivers)``, the
    form the schedule writer takes.

    Attributes
    ----------
    probability
        Predicted probability that the day overruns its plan.
    flag
        True when the probability reaches the model's threshold.
    drivers
        Up to three main reasons, most important first, in a producer's words.
    """

    probability: float
    flag: bool
    drivers: tuple[str, ...]


def score_days(schedule: Schedule, model: TrainedModel) -> dict[int, DayRisk]:
    """Bottleneck forecast of every shoot day with a scene.

    Parameters
    ----------
    schedule
        The derived facts of a solution.
    model
        A trained bottleneck model.

    Returns
    -------
    dict[int, DayRisk]
        Shoot day number -> forecast, in day order.
    """
    days = schedule.shooting_days
    rows = [day_features(schedule, day) for day in days]
    probabilities = model.predict_proba(rows)
    contributions = model.contributions(rows)
    typical = model.typical_day
    return {
        day: DayRisk(probability, probability >= model.threshold,
                     _drivers(row, contributions[index], model.features, typical))
        for index, (day, row, probability) in enumerate(zip(days, rows, probabilities,
                                                            strict=True))
    }


def _drivers(row: Mapping[str, float], contribution: npt.NDArray[np.float64],
             features: tuple[str, ...], typical: Mapping[str, float]) -> tuple[str, ...]:
    """The features that raise the day's risk most, worded.

    A reason is something the day has more of than a typical day (more hours, a move, a night,
    a stunt): a tree model may also credit "only 2 cast members" with some risk, by interplay
    with other features, but that is no reason a producer can act on.  The weekday, having no
    "more", counts whenever it raises the risk.
    """
    ranked = sorted(((float(contribution[index]), name) for index, name in enumerate(features)),
                    reverse=True)
    reasons: list[str] = []
    for log_odds, name in ranked:
        if log_odds < MIN_DRIVER_LOG_ODDS or len(reasons) == MAX_DRIVERS:
            break
        if name == "Weekday" or row[name] > typical.get(name, 0.0):
            reasons.append(describe_driver(name, float(row[name])))
    return tuple(reasons)


def describe_driver(feature: str, value: float) -> str:
    """A feature's value in a producer's words: ``11.5 planned hours``, ``2 company moves``."""
    count = round(value)
    match feature:
        case "Planned Hours":
            return f"{round(value, 1):g} planned hours"
        case "Pages":
            return f"{_pages(value)} pages"
        case "Ext Share":
            return f"{value:.0%} exterior"
        case "Night":
            return "night shoot"
        case "New Location":
            return "new location"
        case "Weekday":
            return WEEKDAYS[count % 7]
        case "Day Index":
            return f"day {count} of the shoot"
        case "Moves":
            return _counted(count, "company move")
        case "Minors":
            return _counted(count, "minor") + " on set"
        case "Cast":
            return _counted(count, "cast member")
        case "Stunt" | "VFX" | "SFX" | "Vehicle" | "Animal" | "Water":
            word = {"Stunt": "stunt", "Vehicle": "vehicle", "Animal": "animal",
                    "Water": "water"}.get(feature, feature)
            return word if count == 1 else f"{count} {word} scenes"
    return _counted(count, feature.lower().removesuffix("s"))


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _pages(value: float) -> str:
    eighths = round(value * 8)
    whole, rest = divmod(eighths, 8)
    if not rest:
        return str(whole)
    return f"{whole} {rest}/8" if whole else f"{rest}/8"


# ----- scene weights for the CP model -----------------------------------------------------------


def scene_risk_weights(production: Production, model: TrainedModel) -> dict[str, int]:
    """How much each scene adds to the bottleneck probability of a typical day.

    The typical day is the median day of the model's history.  Each scene is added to the *rest*
    of a typical day: the typical day less the production's average scene, so that adding an
    average scene gives back a typical day.  The weight is the probability with the scene minus
    the probability of the rest alone, in thousandths, and never below 0.  Probabilities do not
    add up exactly, so the sum of a day's weights approximates its risk; it ranks days well
    enough to limit or price risk in the CP model, which is all it is for.

    Parameters
    ----------
    production
        The production; its calendar must have at least one shoot day.
    model
        A trained bottleneck model.

    Returns
    -------
    dict[str, int]
        Scene id -> weight in thousandths of a bottleneck probability (0-1000).
    """
    if not production.scenes:
        return {}
    scenes = [_scene_features(production, scene) for scene in production.scenes]
    typical = model.typical_day
    average = {name: sum(s[name] for s in scenes) / len(scenes) for name in ADDITIVE_FEATURES}
    rest = dict(typical)
    for name in ADDITIVE_FEATURES:
        rest[name] = max(0.0, typical[name] - average[name])
    rest.update({"Night": 0.0, "New Location": 0.0, "Moves": 0.0, "Locations": 1.0})
    with_scene = [_add_scene(rest, scene) for scene in scenes]
    base, *probabilities = model.predict_proba([rest, *with_scene])
    return {
        scene.id: max(0, round(RISK_WEIGHT_SCALE * (probability - base)))
        for scene, probability in zip(production.scenes, probabilities, strict=True)
    }


def _scene_features(production: Production, scene: Scene) -> dict[str, float]:
    """The features of a day holding only ``scene`` (its first part, for a multi-day scene)."""
    alone = Schedule(production, Solution(start_day={scene.id: 1}))
    return {name: float(value) for name, value in day_features(alone, 1).items()}


def _add_scene(rest: Mapping[str, float], scene: Mapping[str, float]) -> dict[str, float]:
    day = dict(rest)
    for name in ADDITIVE_FEATURES:
        day[name] = rest[name] + scene[name]
    day["Night"] = max(rest["Night"], scene["Night"])
    hours = rest["Planned Hours"] + scene["Planned Hours"]
    if hours:
        day["Ext Share"] = (rest["Ext Share"] * rest["Planned Hours"]
                            + scene["Ext Share"] * scene["Planned Hours"]) / hours
    return day


# ----- the benchmark under a known process ------------------------------------------------------


def true_expected_bottleneck_days(
    schedule: Schedule,
    true_process: Callable[[Mapping[str, float]], float] = true_probability,
) -> float:
    """Expected number of bottleneck days of a schedule under a known true process.

    Not the planner's ``expected_bottleneck_days`` (``planning``, ``export_json``), which sums the
    model's *predicted* probabilities: this one sums the probabilities of the process that made
    the data, which only a synthetic benchmark knows.

    Parameters
    ----------
    schedule
        The derived facts of a solution.
    true_process
        Day features -> true bottleneck probability; by default the synthetic ground truth
        that made the example history (``scheduler.predict.synthetic``).

    Returns
    -------
    float
        The sum of the true probabilities of the shoot days with a scene.
    """
    return sum(true_process(day_features(schedule, day)) for day in schedule.shooting_days)
