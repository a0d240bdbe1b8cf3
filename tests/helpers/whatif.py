"""A tiny production that every kind of what-if change moves, and scenarios built in code."""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduler.data import Availability, ConstraintKind, Production
from scheduler.whatif import Change, ChangeKind, Scenario, change_effect
from tests.helpers.productions import actor, place, production, resource, row, scene

MONDAY = date(2026, 3, 2)


def whatif_production() -> Production:
    """Six scenes over two weeks: a cast member who arrives on Wednesday, one who is away on
    Thursday, a location with a window, a pinned scene and a ``before`` rule, so that each
    kind of change has something to move."""
    cast = [actor("1", rate=500, availability=Availability(available_from=date(2026, 3, 4))),
            actor("2", rate=300, availability=Availability(unavailable=(date(2026, 3, 5),)))]
    locations = [place("L1", fee=200, move_in_cost=100),
                 place("L2", fee=100, availability=Availability(
                     available_to=date(2026, 3, 10)))]
    crew = [resource("SFX", rate=150)]
    equipment = [resource("CRANE", rate=90)]
    scenes = [
        scene("1", hours=5, location="L1", cast=("1",)),
        scene("2", hours=4, location="L1", cast=("1", "2"), crew=("SFX",)),
        scene("3", hours=6, location="L2", cast=("2",), equipment=("CRANE",)),
        scene("4", hours=3, location="L2", cast=("1",)),
        scene("5", hours=5, location="L1", cast=("2",), shoot_on=date(2026, 3, 6)),
        scene("6", hours=4, location="L2", cast=("1", "2")),
    ]
    return production(scenes, cast=cast, locations=locations, crew=crew, equipment=equipment,
                      constraints=[row(ConstraintKind.BEFORE, "3", "6")],
                      crew_day_cost=1000, overtime_cost_per_hour=100, company_move_cost=50,
                      max_shoot_days=8).check()


def change(base: Production, kind: ChangeKind, **fields: Any) -> Change:
    """A change with its effect on ``base`` (as the sheet reader gives it)."""
    made = Change(kind=kind, text=f"{kind.value} {fields}", **fields)
    return made.model_copy(update={"effect": change_effect(base, made)})


def scenario(name: str, *changes: Change) -> Scenario:
    return Scenario(name=name, changes=changes)
