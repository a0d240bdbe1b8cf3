"""The cost of a schedule as linear expressions, one per cost category of ``Schedule``.

Every term is in cost units (``solution.COST_SCALE`` per currency unit) and equals, for every
solution, the category's amount in ``Schedule.cost_by_category``: crew days to the wrap day,
overtime by the minute, cast paid days (span less one legal drop), location fees and move-ins,
company moves, special crew and equipment by their billing.
"""

from __future__ import annotations

from functools import cached_property

from ortools.sat.python import cp_model

from ..calendar import consecutive_runs
from ..data import MINUTES_PER_HOUR, Billing, Production, Resource
from ..solution import COST_CATEGORIES, COST_SCALE
from .variables import ShootVariables

# Overtime is paid by the minute: cost units per minute = rate per hour * COST_SCALE / 60.
assert COST_SCALE % MINUTES_PER_HOUR == 0


class ShootObjective:
    """The cost terms of a production's model.

    Parameters
    ----------
    production
        The production.
    variables
        Its variables (cost auxiliaries are created on first use).
    """

    def __init__(self, production: Production, variables: ShootVariables) -> None:
        self.production = production
        self.settings = production.settings
        self.variables = variables

    @cached_property
    def terms(self) -> dict[str, cp_model.LinearExpr | int]:
        """One linear expression per category of ``solution.COST_CATEGORIES``."""
        terms: dict[str, cp_model.LinearExpr | int] = {
            "crew": self._crew(),
            "overtime": self._overtime(),
            "cast": self._cast(),
            "locations": self._locations(),
            "moves": self._moves(),
            "crew_special": self._resources("crew", self.production.crew),
            "equipment": self._resources("equipment", self.production.equipment),
            "changes": self._changes(),
        }
        assert tuple(terms) == COST_CATEGORIES
        return terms

    @cached_property
    def total(self) -> cp_model.LinearExpr | int:
        """The total cost."""
        return sum(self.terms.values())

    @cached_property
    def static_lower_bound(self) -> int:
        """A lower bound of the total cost from counting alone (valid when every rule holds):
        crew days to the least possible wrap day, and each cast member, location, crew member
        and piece of equipment paid for at least the days its scenes need (plus one move-in
        per location used)."""
        production, days_needed = self.production, self.variables.days_needed
        daily = self.settings.crew_day_cost + sum(m.daily_rate
                                                  for m in production.every_day_crew)
        bound = daily * self.variables.minimum_wrap_day()
        for member in production.cast:
            bound += member.daily_rate * days_needed("cast", member.id)
        for location in production.locations:
            needed = days_needed("location", location.id)
            bound += location.daily_fee * needed + location.move_in_cost * min(needed, 1)
        for kind, resources in (("crew", production.crew), ("equipment", production.equipment)):
            for resource in resources:
                if not resource.every_day:
                    bound += resource.daily_rate * days_needed(kind, resource.id)
        return bound * COST_SCALE

    def _crew(self) -> cp_model.LinearExpr | int:
        """Crew day cost and every-day crew, paid for every shoot day up to the wrap day."""
        daily = self.settings.crew_day_cost + sum(m.daily_rate
                                                  for m in self.production.every_day_crew)
        if daily == 0:
            return 0
        return daily * COST_SCALE * self.variables.wrap_day()

    def _overtime(self) -> cp_model.LinearExpr | int:
        """Minutes past the standard day, paid by the minute."""
        rate = self.settings.overtime_cost_per_hour
        if rate == 0:
            return 0
        minutes = [ot for day in self.variables.days
                   if (ot := self.variables.overtime(day)) is not None]
        return rate * (COST_SCALE // MINUTES_PER_HOUR) * sum(minutes)

    def _cast(self) -> cp_model.LinearExpr | int:
        """Each cast member's daily rate for every shoot day from first to last work day, less
        the days of one legal drop."""
        total: cp_model.LinearExpr | int = 0
        for member in self.production.cast:
            if member.daily_rate == 0 or not self.variables.scenes_of("cast", member.id):
                continue
            paid = self.variables.span_days("cast", member.id)
            if member.drop_pickup:
                paid = paid - self.variables.drop_days(member.id)
            total += member.daily_rate * COST_SCALE * paid
        return total

    def _locations(self) -> cp_model.LinearExpr | int:
        """Each location's fee per day used and move-in cost per visit."""
        literals, coefficients, fixed = [], [], 0
        for location in self.production.locations:
            settled = self.variables.settled_days("location", location.id)
            if settled is not None:  # every scene of it fixed: a constant
                visits = len(consecutive_runs(settled))
                fixed += (location.daily_fee * len(settled) + location.move_in_cost * visits)
                continue
            if location.daily_fee:
                for day in self.variables.days:
                    if (on := self.variables.present("location", location.id, day)) is not None:
                        literals.append(on)
                        coefficients.append(location.daily_fee * COST_SCALE)
            if location.move_in_cost:
                for arrives in self.variables.visit_starts(location.id):
                    literals.append(arrives)
                    coefficients.append(location.move_in_cost * COST_SCALE)
        fixed *= COST_SCALE
        return cp_model.LinearExpr.weighted_sum(literals, coefficients) + fixed if literals else fixed

    def _moves(self) -> cp_model.LinearExpr | int:
        """Company moves: locations used in a day minus one."""
        cost = self.settings.company_move_cost
        if cost == 0:
            return 0
        return cost * COST_SCALE * sum(self.variables.moves(day) for day in self.variables.days)

    def _changes(self) -> cp_model.LinearExpr | int:
        """A re-plan's price of each scene moved off its current day: ``1 - start[s, d]``
        with ``d`` the scene's current day (a constant 1 when that day is not a start it may
        have: it must move)."""
        rate = self.settings.scene_move_cost
        current = self.production.current_dates
        if rate == 0 or not current:
            return 0
        moved: cp_model.LinearExpr | int = 0
        for scene_id, when in current.items():
            day = self.variables.calendar.day_of(when)
            stays = self.variables.starts[scene_id].get(day) if day is not None else None
            moved += 1 if stays is None else 1 - stays
        return rate * COST_SCALE * moved

    def _resources(self, kind: str, resources: tuple[Resource, ...]) -> cp_model.LinearExpr | int:
        """Crew (not every-day) and equipment: per day used, or per shoot day of the span."""
        total: cp_model.LinearExpr | int = 0
        for resource in resources:
            if resource.every_day or resource.daily_rate == 0:
                continue  # every-day crew are paid with the crew days
            if resource.billing is Billing.SPAN:
                days = self.variables.span_days(kind, resource.id)
            elif (settled := self.variables.settled_days(kind, resource.id)) is not None:
                days = len(settled)
            else:
                days = sum(on for day in self.variables.days
                           if (on := self.variables.present(kind, resource.id, day)) is not None)
            total += resource.daily_rate * COST_SCALE * days
        return total
