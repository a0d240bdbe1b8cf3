"""The known process behind the SYNTHETIC example history: which planned days overran, and why.

No real production history is public, so the example history (``examples/history/``) is made up:
its days are real-looking boards of synthetic productions (``benchmarks.generator``), and whether
each day overran is drawn from the process written down here.  Because the true bottleneck
probability of every day is known, the best AUC any model could reach on the history (the
*ceiling*) can be computed and the trained model measured against it, and a schedule can be
scored by its expected number of bottleneck days under the truth (the benchmark).

The process:

- P(bottleneck) = sigmoid(``true_score``), a linear score of the day features of
  ``spec/outputs.md`` that rises with the hours planned (steeply past the standard day), company
  moves, a night shoot, stunts, animals, water work, minors on set, a new location, extras,
  vehicles, effects, exterior work and crew fatigue late in the shoot.  It reads the day's
  features only, never the production's length or settings, so a model that sees the features
  can in principle learn all of it.
- A bottleneck day overruns: ``Actual Hours`` = ``Planned Hours`` + 0.6 h + Gamma(2, 0.4 h).
  Any other day ends between 1 h early and 0.45 h late.  The label "Actual Hours exceed Planned
  Hours by more than 0.5 h" is therefore exactly the drawn bottleneck.

It lives in the package (not in ``examples/``) so that the benchmark can import
``true_probability`` from an installed ``plan-shoot``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

SYNTHETIC_NOTE = "SYNTHETIC data, not from real productions"

# Crew fatigue grows over the first eight five-day weeks of a shoot, then stays: "late" is counted
# in shoot days, because a day's features do not include the production's length.
FATIGUE_DAYS = 40

# The standard day the truth counts overtime from (the workbook's default standard day).
STANDARD_HOURS = 11.0

# A bottleneck day runs at least this long past plan and an on-time day at most the latter, so
# the default 0.5 h label tolerance separates them exactly.
MIN_OVERRUN_HOURS = 0.6
LATEST_ON_TIME_HOURS = 0.45
EARLIEST_FINISH_HOURS = -1.0


def true_score(features: Mapping[str, float]) -> float:
    """The log-odds of a bottleneck under the synthetic ground truth.

    Parameters
    ----------
    features
        One day's features, keyed by the names of ``spec/outputs.md`` (extra keys are ignored).

    Returns
    -------
    float
        The log-odds that the day overruns its plan by more than half an hour.
    """
    hours = float(features["Planned Hours"])
    fatigue = min(float(features["Day Index"]), FATIGUE_DAYS) / FATIGUE_DAYS
    return (
        -3.4
        + 0.25 * (hours - 10.0)  # long days slip more ...
        + 0.9 * max(0.0, hours - STANDARD_HOURS)  # ... and days planned into overtime much more
        + 0.8 * float(features["Moves"])
        + 0.7 * float(features["Night"])
        + 0.6 * min(float(features["Stunt"]), 2.0)
        + 0.9 * min(float(features["Animal"]), 1.0)
        + 0.7 * min(float(features["Water"]), 1.0)
        + 0.5 * min(float(features["Minors"]), 2.0)
        + 0.6 * float(features["New Location"])
        + 0.4 * math.log1p(float(features["Extras"])) / math.log1p(100.0)  # 100 extras: +0.4
        + 0.3 * min(float(features["Vehicle"]), 1.0)
        + 0.2 * min(float(features["SFX"]), 1.0)
        + 0.1 * min(float(features["VFX"]), 1.0)
        + 0.3 * float(features["Ext Share"])  # weather and light
        + 0.8 * fatigue
    )


def true_probability(features: Mapping[str, float]) -> float:
    """P(bottleneck) of one day under the synthetic ground truth: ``sigmoid(true_score)``."""
    return 1.0 / (1.0 + math.exp(-true_score(features)))


def draw_actual_hours(planned_hours: float, probability: float,
                      rng: np.random.Generator) -> float:
    """Draw whether a day overran (with ``probability``) and return its actual hours.

    Parameters
    ----------
    planned_hours
        The day's planned hours.
    probability
        Its true bottleneck probability.
    rng
        The source of randomness (seeded by the caller).

    Returns
    -------
    float
        Actual hours, rounded to hundredths of an hour: more than 0.5 h past plan exactly
        when the day was drawn a bottleneck.
    """
    if rng.random() < probability:
        overrun = MIN_OVERRUN_HOURS + float(rng.gamma(2.0, 0.4))
    else:
        # A short day cannot finish more than a quarter of its hours early.
        earliest = max(EARLIEST_FINISH_HOURS, -planned_hours / 4)
        overrun = float(rng.uniform(earliest, LATEST_ON_TIME_HOURS))
    return round(planned_hours + overrun, 2)
