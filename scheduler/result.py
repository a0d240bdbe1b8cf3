"""What a solve returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .rules import Rule
from .solution import Schedule, Solution, to_money


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

    A conflict is a fact about the production: together with the other conflicts it leaves no
    valid schedule, so no schedule is involved (compare ``validate.Violation``, a rule a given
    schedule breaks on a given day).  ``subjects`` names the scenes, people and places involved
    (ids), for reports and tests.
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


def relative_gap(objective: int, bound: int) -> float:
    """How much the cost may lie above the cheapest possible, as a share of the cost (0 when
    the cost is 0 or proven)."""
    if objective == 0:
        return 0.0
    return max(0.0, (objective - bound) / objective)


# One row of a summary a person reads: (label, text).
SummaryRow = tuple[str, str]


@dataclass(frozen=True)
class Result:
    """The outcome of ``solve``, built once; costs are in cost units (see ``solution.COST_SCALE``).

    Attributes
    ----------
    status
        What the search proved or found.
    schedule
        The derived facts (``solution.Schedule``) of the schedule found, built once and handed on
        to every writer; None without a schedule.
    lower_bound
        Proven: no valid schedule costs less.
    runtime
        Seconds the search took.
    conflicts
        When proven infeasible: the rules that collide, in producer language.
    baseline_cost, baseline_solution
        The cost of the conventional sorted board, and that board, when the board is valid.
    interrupted
        The user stopped the search.
    notes
        What the search says about its result, for the Notes sheet.
    risk_premium
        What the plan costs more than the cheapest plan found, paid on purpose to carry less
        bottleneck risk.
    bound_by_category
        The counting bound of each cost category (``bounds.CostBound``; crew and overtime hold
        together).
    least_shoot_days
        The least wrap day any valid schedule can have; beside the schedule's own figures these
        bounds show where the gap lies.
    """

    status: SolveStatus
    schedule: Schedule | None = None
    lower_bound: int | None = None
    runtime: float = 0.0
    conflicts: tuple[Conflict, ...] = ()
    baseline_cost: int | None = None
    baseline_solution: Solution | None = None
    interrupted: bool = False
    notes: tuple[str, ...] = ()
    risk_premium: int = 0
    bound_by_category: Mapping[str, int] = field(default_factory=dict)
    least_shoot_days: int | None = None

    def __post_init__(self) -> None:
        if self.runtime < 0:
            raise ValueError("Negative runtime not understood.")
        if self.status.has_solution != (self.schedule is not None):
            state = "has" if self.schedule is not None else "has no"
            raise ValueError(f"a {self.status.value} result {state} schedule")
        if self.lower_bound is not None:
            if self.objective is None:
                raise ValueError("a lower bound without a schedule bounds nothing")
            if self.lower_bound > self.objective:
                raise ValueError(f"lower bound {self.lower_bound} above the cost "
                                 f"{self.objective} of the schedule")
        if self.risk_premium < 0:
            raise ValueError("a negative risk premium is a saving, not a premium")

    @property
    def solution(self) -> Solution | None:
        """The schedule found (scene -> first shoot day); None without one."""
        return self.schedule.solution if self.schedule is not None else None

    @property
    def objective(self) -> int | None:
        """The total cost of the schedule, as ``validate`` recomputes it; None without one."""
        return self.schedule.total_cost if self.schedule is not None else None

    @property
    def gap(self) -> float | None:
        """Relative gap between the cost and the proven lower bound (0 when proven optimal)."""
        if self.objective is None or self.lower_bound is None:
            return None
        return relative_gap(self.objective, self.lower_bound)

    def summary(self, forecast: Sequence[SummaryRow] = ()) -> list[SummaryRow]:
        """The result as a person reads it, in order: status, cost, bound and gap, the
        schedule's days and costs (each category beside its bound), the risk premium, the
        conventional board and the saving, the runtime.

        Parameters
        ----------
        forecast
            Rows about the schedule's bottleneck risk (``planning.Plan.summary``); they follow
            the schedule's facts.

        Returns
        -------
        list of (label, text)
            The rows; money in whole currency units with the currency.
        """
        rows = [("status", self.status.value + (" (stopped by you)" if self.interrupted
                                                 else ""))]
        schedule = self.schedule
        if schedule is None:
            return [*rows, *forecast, ("runtime", f"{self.runtime:.1f} s")]
        currency = schedule.production.settings.currency
        total = schedule.total_cost
        rows.append(("total cost", f"{to_money(total):,} {currency}"))
        if self.lower_bound is not None:
            rows.append(("lower bound", f"{to_money(self.lower_bound):,} {currency}"))
        if self.gap is not None:
            rows.append(("gap", f"{self.gap:.1%}"))
        rows += _schedule_rows(schedule, self.least_shoot_days, self.bound_by_category)
        rows += forecast
        if self.risk_premium:
            rows.append(("risk premium", f"{to_money(self.risk_premium):,} {currency}"))
        if self.baseline_cost is not None:
            saving = self.baseline_cost - total
            share = saving / self.baseline_cost if self.baseline_cost else 0.0
            rows.append(("conventional board", f"{to_money(self.baseline_cost):,} {currency}"))
            rows.append(("saving", f"{to_money(saving):,} {currency} ({share:.1%})"))
        rows.append(("runtime", f"{self.runtime:.1f} s"))
        return rows


def _schedule_rows(schedule: Schedule, least_shoot_days: int | None,
                   bound_by_category: Mapping[str, int]) -> list[SummaryRow]:
    """Shoot days, each cost category that costs something, hold days and moves."""
    wrap = schedule.wrap_day
    rows = [("shoot days", f"{wrap} (wrap {schedule.calendar.date_of(wrap):%a %d %b %Y})"
             + _at_least(least_shoot_days) if wrap else "0")]
    for category, amount in schedule.cost_by_category.items():
        if amount:
            bound = bound_by_category.get(category)
            rows.append((f"  {category}", f"{to_money(amount):,}" + _at_least(
                None if bound is None else f"{to_money(bound):,}")))
    rows.append(("cast hold days", str(schedule.total_hold_days)))
    rows.append(("company moves", str(schedule.total_moves)))
    return rows


def _at_least(bound: object) -> str:
    """The counting bound beside a figure of the schedule: where the gap lies."""
    return "" if bound is None else f"  (at least {bound})"
