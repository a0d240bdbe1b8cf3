"""From the bottleneck model to a risk price the CP model can use (predict, then optimise).

A day's risk is the sum of its scenes' risk weights (``risk.scene_risk_weights``).  How the
model's probability grows with that sum is learnt here from sample days of the production
itself: the days of given boards and of random boards that keep each location's scenes together
(random day lengths, so light and heavy days are both seen).  A hinge ``p ~ a + b L + c max(0,
L - knee)`` is fitted by least squares over candidate knees.  Only the bend ``c`` is worth
pricing: the straight part adds up to the same total however the scenes are spread, while every
thousandth moved from a day past the knee to a day below it saves ``c`` of a bottleneck day.
The price per thousandth is therefore ``c`` times what a bottleneck day is worth.  A company move
and an hour past the standard day add risk of their own, which the model tells on a typical day;
they are priced per move and per overtime minute.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from ..data import MINUTES_PER_HOUR, Production
from ..day_facts import day_features
from ..risk_price import RiskPrice
from ..solution import COST_SCALE, Schedule, Solution
from .model import TrainedModel

logger = logging.getLogger("scheduler")

# Random boards drawn to see how risk grows with a day's load.
SAMPLE_BOARDS = 12
# Their days are filled to a random share of the standard day in this range.
SAMPLE_FILL = (0.5, 1.25)
# Candidate knees: these percentiles of the sampled loads.
KNEE_PERCENTILES = tuple(range(30, 95, 5))
# A tightened knee drops by at least this many thousandths (and at least a tenth of the load).
MIN_TIGHTENING = 10


def day_loads(schedule: Schedule, weights: Mapping[str, int]) -> dict[int, int]:
    """Summed risk weight of each shoot day of ``schedule``, in day order (every part of a
    scene counts)."""
    return {day: sum(weights.get(part.scene.id, 0) for part in schedule.parts_by_day[day])
            for day in schedule.shooting_days}


def fit_risk_price(production: Production, bottleneck_model: TrainedModel,
                   weights: Mapping[str, int], day_value: int,
                   boards: Iterable[Solution | None] = (), seed: int = 0) -> RiskPrice | None:
    """The price of a day's risk for this production, or None when nothing is worth pricing.

    Parameters
    ----------
    production
        The production to plan.
    bottleneck_model
        The trained bottleneck predictor (not the CP model the price is for).
    weights
        Scene id -> risk weight in thousandths (``scene_risk_weights``).
    day_value
        Money one expected bottleneck day is worth avoiding (``Settings.bottleneck_cost``).
    boards
        Schedules whose days join the sample (the conventional board, a first plan).
    seed
        Seed of the random boards.
    """
    if day_value <= 0:
        return None
    loads, probabilities = _sample(production, bottleneck_model, weights,
                                   [b for b in boards if b is not None], seed)
    knee, bend = _fit_hinge(loads, probabilities) if np.ptp(loads) > 0 else (0, 0.0)
    per_move, per_overtime_hour = day_risk_rates(production, bottleneck_model)
    price = RiskPrice(
        weights=dict(weights), knee=knee, price=round(day_value * COST_SCALE * bend),
        move_price=round(day_value * COST_SCALE * per_move),
        overtime_price=round(day_value * COST_SCALE * per_overtime_hour / MINUTES_PER_HOUR))
    logger.info("risk price: knee %d thousandths, %d cost units per thousandth past it, %d per "
                "company move, %d per overtime minute (%d sample days)", price.knee, price.price,
                price.move_price, price.overtime_price, len(loads))
    if not (price.price or price.move_price or price.overtime_price):
        return None
    return price


def day_risk_rates(production: Production,
                   bottleneck_model: TrainedModel) -> tuple[float, float]:
    """Bottleneck probability a company move adds to a typical day, and an hour planned past
    the standard day (from a standard day to one hour more)."""
    typical = bottleneck_model.typical_day
    standard_hours = production.settings.standard_day_minutes / MINUTES_PER_HOUR
    moved = {**typical, "Moves": typical["Moves"] + 1, "Locations": typical["Locations"] + 1}
    full = {**typical, "Planned Hours": standard_hours}
    longer = {**full, "Planned Hours": standard_hours + 1}
    base, with_move, at_standard, past_standard = bottleneck_model.predict_proba(
        [typical, moved, full, longer])
    return max(0.0, with_move - base), max(0.0, past_standard - at_standard)


def tighten(price: RiskPrice, loads: Mapping[int, int], flagged: Iterable[int]) -> RiskPrice:
    """The same price with a lower knee on each flagged day: below that day's present load, so
    the next search takes risk off it (or pays for keeping it)."""
    knees = dict(price.day_knees)
    for day in flagged:
        load = min(loads.get(day, 0), price.knee_of(day))
        knees[day] = max(0, load - max(MIN_TIGHTENING, load // 10))
    return replace(price, day_knees=knees)


def _sample(production: Production, bottleneck_model: TrainedModel,
            weights: Mapping[str, int], boards: Sequence[Solution],
            seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    boards = [*boards, *(_random_board(production, rng) for _ in range(SAMPLE_BOARDS))]
    loads: list[int] = []
    rows: list[dict[str, float | int]] = []
    for board in boards:
        schedule = Schedule(production, board)
        loads.extend(day_loads(schedule, weights).values())
        rows.extend(day_features(schedule, day) for day in schedule.shooting_days)
    probabilities = bottleneck_model.predict_proba(rows)
    return np.array(loads, dtype=float), np.array(probabilities, dtype=float)


def _random_board(production: Production, rng: np.random.Generator) -> Solution:
    """Scenes grouped by location in random order, dealt into days filled to a random share of
    the standard day; no rule is looked at (only the days' make-up matters here)."""
    order = sorted(production.scenes, key=lambda s: (s.location or "", rng.random()))
    standard = production.settings.standard_day_minutes
    start_day: dict[str, int] = {}
    day, used, target = 1, 0, standard * rng.uniform(*SAMPLE_FILL)
    for scene in order:
        minutes, length = production.scene_minutes(scene), production.scene_days(scene)
        if used and (length > 1 or used + minutes > target):
            day, used, target = day + 1, 0, standard * rng.uniform(*SAMPLE_FILL)
        start_day[scene.id] = day
        used += minutes
        if length > 1:  # a long scene is alone on each of its days
            day, used = day + length, 0
    return Solution(start_day=start_day)


def _fit_hinge(loads: np.ndarray, probabilities: np.ndarray) -> tuple[int, float]:
    """Knee and bend of the best least-squares hinge with a bend that is not negative."""
    best: tuple[float, int, float] | None = None
    for knee in sorted({int(np.percentile(loads, q)) for q in KNEE_PERCENTILES}):
        design = np.column_stack([np.ones_like(loads), loads, np.maximum(0.0, loads - knee)])
        coefficients, *_ = np.linalg.lstsq(design, probabilities, rcond=None)
        bend = float(coefficients[2])
        error = float(np.sum((design @ coefficients - probabilities) ** 2))
        if bend > 0 and (best is None or error < best[0]):
            best = (error, knee, bend)
    if best is None:
        # Risk does not bend upwards with the load (the scenes' effects saturate): spreading
        # scenes would buy nothing, so the load is not priced.
        return 0, 0.0
    return best[1], best[2]
