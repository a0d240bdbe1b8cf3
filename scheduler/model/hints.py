"""Complete hints: how each derived variable of the model follows from a schedule.

Every variable that ``ShootVariables`` derives from the start decisions records a ``Definition``
(``ShootVariables.define``): a function of a ``Valuation``, the values already known for one
schedule.  ``ShootVariables.hint_values`` evaluates them in creation order, which gives a value
to every variable of the model, so a warm start is complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model_helper

from ..solution import Schedule


@dataclass
class Valuation:
    """Values of the model's variables for one schedule (to compute complete hints)."""

    values: dict[int, int]
    schedule: Schedule

    def value(self, literal: cp_model_helper.Literal) -> int:
        if literal.index >= 0:
            return self.values.get(literal.index, 0)
        return 1 - self.values.get(-literal.index - 1, 0)


Definition = Callable[[Valuation], int]


def wrap_reaches(day: int) -> Definition:
    """The wrap flag of ``day``: the schedule wraps on ``day`` or later."""
    return lambda v: int(v.schedule.wrap_day >= day)


def night_shot_on(day: int) -> Definition:
    """The night flag of ``day``: a NIGHT scene is shot on it."""
    return lambda v: int(any(part.scene.is_night for part in v.schedule.parts_by_day[day]))


def overtime_on(day: int) -> Definition:
    """The overtime of ``day``, in minutes."""
    return lambda v: v.schedule.overtime_minutes_on(day)


def arrives(on: cp_model_helper.Literal, before: cp_model_helper.Literal) -> Definition:
    """An arrival: on this day (``on``) and not on the day before (``before``)."""
    return lambda v: v.value(on) * (1 - v.value(before))


def drop_begins(cast_id: str, day: int) -> Definition:
    """A cast member's drop begins on ``day`` (the day after their last work day before it)."""
    def definition(v: Valuation) -> int:
        drop = v.schedule.cast_days[cast_id].drop
        return int(drop is not None and drop.last_work_day + 1 == day)

    return definition


def is_dropped(cast_id: str, day: int) -> Definition:
    """A cast member is dropped (off pay) on ``day``."""
    return lambda v: int(day in v.schedule.cast_days[cast_id].dropped)
