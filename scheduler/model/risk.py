"""The priced bottleneck risk in the CP-SAT objective: ``risk_price`` says what is priced and
how (a hinge on each day's risk load past its knee, and a price per company move and per minute
past the standard day); this module writes it as variables and linear terms of the model.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..risk_price import RiskPrice
from .hints import Definition, Valuation
from .variables import Literal, ShootVariables


def risk_cost(model: cp_model.CpModel, variables: ShootVariables,
              risk: RiskPrice) -> cp_model.LinearExpr | int:
    """The priced risk of every day, in cost units (new variables in ``model``): its load past
    its knee, its company moves and its minutes past the standard day."""
    total = _load_cost(model, variables, risk)
    for day in variables.days:
        if risk.move_price:
            total += risk.move_price * variables.moves(day)
        if risk.overtime_price and (overtime := variables.overtime(day)) is not None:
            total += risk.overtime_price * overtime
    return total


def _load_cost(model: cp_model.CpModel, variables: ShootVariables,
               risk: RiskPrice) -> cp_model.LinearExpr | int:
    """The hinge: each day's summed scene weights past its knee, priced."""
    if risk.price <= 0:
        return 0
    excesses = []
    for day in variables.days:
        literals, weights = [], []
        for scene in variables.scenes_on.get(day, []):
            weight = risk.weights.get(scene.id, 0)
            if weight > 0 and (literal := variables.occupies(scene, day)) is not None:
                literals.append(literal)
                weights.append(weight)
        knee = risk.knee_of(day)
        if sum(weights) <= knee:
            continue
        excess = model.new_int_var(0, sum(weights) - knee, f"risk_excess[{day}]")
        model.add(excess >= cp_model.LinearExpr.weighted_sum(literals, weights) - knee)
        variables.define(excess, _excess_past(literals, weights, knee))
        excesses.append(excess)
    return risk.price * sum(excesses) if excesses else 0


def _excess_past(literals: list[Literal], weights: list[int], knee: int) -> Definition:
    def definition(v: Valuation) -> int:
        return max(0, sum(w * v.value(lit) for lit, w in zip(literals, weights, strict=True))
                   - knee)
    return definition


