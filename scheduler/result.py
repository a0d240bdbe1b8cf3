"""What a solve returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .rules import Rule
from .solution import Solution


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"  # the cheapest schedule, proven
    FEASIBLE = "feasible"  # a valid schedule; the gap says how far from optimal it may be
    INFEASIBLE = "infeasible"  # proven: no schedule satisfies every rule
    NO_SOLUTION = "no solution"  # none found within the time limit, none ruled out
    MODEL_INVALID = "model invalid"  # a bug on our side, never the user's

    @property
    def has_solution(self) -> bool:
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


@dataclass(frozen=True)
class Conflict:
    """One rule instance taking part in an infeasibility, in producer language.

    ``subjects`` names the scenes, people and places involved (ids), for reports and tests.
    """

    rule: Rule
    message: str
    scenes: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Progress:
    """A new best schedule during the search: for live displays.

    ``stage`` names the part of the search when planning runs in rounds (``risk round 1 of 2``);
    ``elapsed`` counts from the start of the round's search.
    """

    elapsed: float
    objective: int
    bound: int
    stage: str = ""


@dataclass
class Result:
    """The outcome of ``solve``; costs are in cost units (see ``solution.COST_SCALE``).

    ``objective`` is the total cost of ``solution`` as ``validate`` recomputes it; ``lower_bound``
    is proven: no valid schedule costs less.  ``baseline_cost`` is the cost of the conventional
    sorted board when that board is valid.  ``risk_premium`` is what the plan costs more than the
    cheapest plan found, paid on purpose to carry less bottleneck risk.  ``bound_by_category``
    is the counting bound of each cost category (``bounds.CostBound``; crew and overtime hold
    together) and ``least_shoot_days`` the least wrap day any valid schedule can have: side by
    side with the schedule's own costs they show where the gap lies.
    """

    status: SolveStatus
    objective: int | None = None
    lower_bound: int | None = None
    runtime: float = 0.0
    solution: Solution | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    baseline_cost: int | None = None
    baseline_solution: Solution | None = None
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)
    risk_premium: int = 0
    bound_by_category: dict[str, int] = field(default_factory=dict)
    least_shoot_days: int | None = None

    @property
    def gap(self) -> float | None:
        """Relative gap between the cost and the proven lower bound (0 when proven optimal)."""
        if self.objective is None or self.lower_bound is None:
            return None
        if self.objective == 0:
            return 0.0
        return max(0.0, (self.objective - self.lower_bound) / self.objective)
