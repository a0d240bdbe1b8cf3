"""Evaluate a board someone else built, under our rules and our cost model.

A producer puts a stripboard built by hand (a USS stripboard, or a schedule workbook) beside
ours: its shoot days, cast hold days, company moves, the rules it breaks and what it costs, by
category.  A board that breaks rules is still costed; its breaks are listed (``validate.py``),
and scenes it leaves out (the boneyard) are reported, not costed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .data import Production
from .rules import Rule
from .solution import COST_CATEGORIES, Solution, to_money
from .validate import Violation, evaluate


@dataclass(frozen=True)
class BoardReport:
    """The facts and costs of one board; money in cost units (``solution.COST_SCALE``).

    Attributes
    ----------
    name
        What the board is called (a stripboard's name, a file name, ``ours``).
    shoot_days
        Days with at least one scene.
    wrap_day
        The last shoot day with a scene.
    cast_work_days, cast_hold_days
        Summed over the cast.
    company_moves
        Moves between locations within a day, summed over the days.
    cost_by_category
        Cost of each category of ``solution.COST_CATEGORIES``.
    total_cost
        Their sum.
    violations
        Every broken rule instance.
    unscheduled
        Scenes of the production that are not on the board.
    """

    name: str
    shoot_days: int
    wrap_day: int
    cast_work_days: int
    cast_hold_days: int
    company_moves: int
    cost_by_category: dict[str, int]
    total_cost: int
    violations: tuple[Violation, ...]
    unscheduled: tuple[str, ...]

    @property
    def breaks_by_rule(self) -> dict[Rule, int]:
        """How many times each rule is broken, most broken first."""
        return dict(Counter(v.rule for v in self.violations).most_common())

    @property
    def is_valid(self) -> bool:
        return not self.violations

    def to_json(self, currency: str = "USD") -> dict[str, Any]:
        """The report as plain JSON values (money in currency, rounded to cents)."""
        return {
            "name": self.name, "shoot_days": self.shoot_days, "wrap_day": self.wrap_day,
            "cast_work_days": self.cast_work_days, "cast_hold_days": self.cast_hold_days,
            "company_moves": self.company_moves, "currency": currency,
            "cost_by_category": {k: float(to_money(v)) for k, v in self.cost_by_category.items()},
            "total_cost": float(to_money(self.total_cost)),
            "valid": self.is_valid,
            "rule_breaks": {rule.value: count for rule, count in self.breaks_by_rule.items()},
            "violations": [{"rule": v.rule.value, "message": v.message, "day": v.day,
                            "scenes": list(v.scenes)} for v in self.violations],
            "unscheduled": list(self.unscheduled),
        }


def evaluate_board(production: Production, solution: Solution, name: str) -> BoardReport:
    """Days, holds, moves, rule breaks and costs of ``solution`` for ``production``.

    Parameters
    ----------
    production
        The production the board schedules.
    solution
        The board: scene id -> first shoot day (scenes may be missing or break rules).
    name
        What to call the board in reports.
    """
    evaluation = evaluate(production, solution)
    schedule = evaluation.schedule
    cast_days = schedule.cast_days.values()
    return BoardReport(
        name=name,
        shoot_days=len(schedule.shooting_days),
        wrap_day=schedule.wrap_day,
        cast_work_days=sum(len(days.work) for days in cast_days),
        cast_hold_days=schedule.total_hold_days,
        company_moves=schedule.total_moves,
        cost_by_category={category: schedule.cost_by_category.get(category, 0)
                          for category in COST_CATEGORIES},
        total_cost=schedule.total_cost,
        violations=tuple(evaluation.violations),
        unscheduled=tuple(scene.id for scene in production.scenes
                          if scene.id not in solution.start_day),
    )
