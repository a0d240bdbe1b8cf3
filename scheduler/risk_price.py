"""The price put on bottleneck risk: a hinge on the risk a shoot day carries.

Each scene has a risk weight (thousandths of a bottleneck probability, from the predictor), and a
day carries the sum of the weights of the scenes shot on it.  Up to the *knee* a day's risk is
not priced (shifting it between days would change nothing: the sum over all days is fixed); past
the knee every thousandth costs ``price`` cost units, so the search spreads risk instead of
stacking it.  A day number may have a tighter knee of its own (the re-solve rounds set them on the
days the predictor still flags).  Company moves and minutes past the standard day carry risk of
their own, priced per move and per minute.  The predictions stay soft: risk is priced, never
forbidden.

``RiskPrice`` is plain data, below both ``predict`` (which sets the price) and ``model`` (which
puts it in the objective, ``model.risk.risk_cost``), so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .solution import Schedule


@dataclass(frozen=True)
class RiskPrice:
    """How the objective prices the risk of each shoot day.

    Attributes
    ----------
    weights
        Scene id -> risk weight in thousandths of a bottleneck probability (each part of a
        multi-day scene carries it).
    knee
        Summed weight a day may carry before its risk is priced.
    price
        Cost units per thousandth of summed weight past the knee.
    day_knees
        Shoot day -> a tighter knee for that day.
    move_price
        Cost units of the risk a company move adds to its day.
    overtime_price
        Cost units of the risk each minute past the standard day adds.
    """

    weights: Mapping[str, int]
    knee: int
    price: int
    day_knees: Mapping[int, int] = field(default_factory=dict)
    move_price: int = 0
    overtime_price: int = 0

    def knee_of(self, day: int) -> int:
        """The knee of one shoot day."""
        return min(self.knee, self.day_knees.get(day, self.knee))

    def cost_of(self, schedule: Schedule) -> int:
        """The priced risk of a schedule, in cost units, as ``risk_cost`` prices it."""
        total = 0
        for day in schedule.shooting_days:
            load = sum(self.weights.get(part.scene.id, 0)
                       for part in schedule.parts_by_day[day])
            if self.price > 0:
                total += self.price * max(0, load - self.knee_of(day))
            total += self.move_price * schedule.moves_on(day)
            total += self.overtime_price * schedule.overtime_minutes_on(day)
        return total
