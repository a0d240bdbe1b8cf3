"""Tiny productions built in code: entities with test defaults, a solve that checks itself,
random tiny productions and brute force for the model tests."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from scheduler.config import SolverConfig
from scheduler.data import (
    Availability,
    Billing,
    CastMember,
    ConstraintKind,
    DayNight,
    Location,
    Production,
    Resource,
    Scene,
    SceneConstraint,
    Settings,
)
from scheduler.errors import InputError
from scheduler.result import Result, SolveStatus
from scheduler.rules import Rule
from scheduler.solution import COST_SCALE, Schedule, Solution
from scheduler.solve import solve
from scheduler.validate import validate

MONDAY = date(2026, 3, 2)


def production(scenes: list[Scene], **parts: Any) -> Production:
    """A production starting Monday 2 Mar 2026 with the given scenes and other parts.

    Settings fields may be passed directly as keywords (``crew_day_cost=100``).
    """
    entity_keys = {"cast", "locations", "crew", "equipment", "constraints", "calendar_entries"}
    entities = {k: tuple(v) for k, v in parts.items() if k in entity_keys}
    settings = {k: v for k, v in parts.items() if k not in entity_keys}
    settings.setdefault("start_date", MONDAY)
    return Production(settings=Settings(**settings), scenes=tuple(scenes), **entities)


def scene(scene_id: str, hours: float = 2, **fields: Any) -> Scene:
    return Scene(id=scene_id, est_minutes=round(hours * 60), **fields)


def actor(cast_id: str, rate: int = 100, **fields: Any) -> CastMember:
    return CastMember(id=cast_id, name=f"Actor {cast_id}", daily_rate=rate, **fields)


def place(location_id: str, fee: int = 0, **fields: Any) -> Location:
    return Location(id=location_id, name=f"Location {location_id}", daily_fee=fee, **fields)


def resource(resource_id: str, rate: int = 0, **fields: Any) -> Resource:
    return Resource(id=resource_id, name=resource_id, daily_rate=rate, **fields)


__all__ = [
    "COST_SCALE",
    "QUICK",
    "ConstraintKind",
    "actor",
    "brute_force_cost",
    "conflict_rules",
    "conflict_scenes",
    "conflict_subjects",
    "place",
    "production",
    "resource",
    "row",
    "scene",
    "solve_infeasible",
    "solve_optimal",
    "synthetic_production",
    "tiny_productions",
]

QUICK = SolverConfig(deterministic=True, time_limit=10)


def row(kind: ConstraintKind, *scenes: str, **extra: Any) -> SceneConstraint:
    """One row of the Constraints sheet."""
    return SceneConstraint(kind=kind, scenes=scenes, **extra)


def solve_optimal(prod: Production) -> Result:
    """Solve, and check what every optimal solve must give: a valid schedule whose cost is the
    objective and the bound."""
    result = solve(prod, QUICK)
    assert result.status is SolveStatus.OPTIMAL, result
    assert result.solution is not None
    assert validate(prod, result.solution) == []
    assert result.objective == Schedule(prod, result.solution).total_cost
    assert result.lower_bound == result.objective
    return result


def solve_infeasible(prod: Production) -> Result:
    """Solve a production with no valid schedule; the result must say why."""
    result = solve(prod, QUICK)
    assert result.status is SolveStatus.INFEASIBLE, result
    assert result.solution is None
    assert result.conflicts, "an infeasible result names its conflicts"
    return result


def conflict_rules(result: Result) -> set[Rule]:
    return {conflict.rule for conflict in result.conflicts}


def conflict_scenes(result: Result) -> set[str]:
    return {sid for conflict in result.conflicts for sid in conflict.scenes}


def conflict_subjects(result: Result) -> set[str]:
    return {sid for conflict in result.conflicts for sid in conflict.subjects}


def brute_force_cost(prod: Production) -> int | None:
    """The cheapest valid schedule's cost by trying every start day of every scene (tiny cases
    only); ``None`` when no schedule is valid."""
    days = list(prod.calendar.days)
    ids = [s.id for s in prod.scenes]
    best: int | None = None
    for starts in itertools.product(days, repeat=len(ids)):
        solution = Solution(start_day=dict(zip(ids, starts, strict=True)))
        if validate(prod, solution):
            continue
        cost = Schedule(prod, solution).total_cost
        if best is None or cost < best:
            best = cost
    return best


# ----- random tiny productions ------------------------------------------------------------------


@st.composite
def tiny_productions(draw: st.DrawFn, max_scenes: int = 5, max_days: int = 4) -> Production:
    """A random production of 3 to ``max_scenes`` scenes, 1-3 cast, 1-3 locations and a short
    calendar, touching every rule and cost; only ones that pass ``Production.check()``."""
    start = date(2026, 3, 2) + timedelta(days=draw(st.integers(0, 4)))  # Mon to Fri
    num_days = draw(st.integers(2, max_days))
    cast_ids = [f"C{i}" for i in range(draw(st.integers(1, 3)))]
    location_ids = [f"L{i}" for i in range(draw(st.integers(1, 3)))]
    dates = [start + timedelta(days=k) for k in range(10)]

    def availability() -> Availability:
        if not draw(st.booleans()):
            return Availability()
        return Availability(unavailable=(draw(st.sampled_from(dates)),))

    cast = [
        actor(cid, rate=draw(st.sampled_from([0, 100, 250])),
              drop_pickup=draw(st.booleans()),
              max_minutes=draw(st.sampled_from([None, None, 300])),
              availability=availability())
        for cid in cast_ids
    ]
    locations = [
        place(lid, fee=draw(st.sampled_from([0, 80])),
              move_in_cost=draw(st.sampled_from([0, 0, 120])),
              zone=draw(st.sampled_from([None, "north", "south"])),
              availability=availability())
        for lid in location_ids
    ]
    crew = [resource("SFX", rate=draw(st.sampled_from([0, 90])),
                     billing=draw(st.sampled_from(list(Billing))))]
    equipment = [resource("CRANE", rate=draw(st.sampled_from([0, 70])),
                          billing=draw(st.sampled_from(list(Billing))))]
    if draw(st.booleans()):
        crew.append(resource("DP", rate=draw(st.sampled_from([0, 200])), every_day=True,
                             availability=availability()))
    scenes = []
    for index in range(draw(st.integers(3, max_scenes))):
        scenes.append(scene(
            str(index + 1),
            hours=draw(st.sampled_from([1, 2, 3.5, 5, 6, 8, 13])),
            day_night=draw(st.sampled_from(list(DayNight))),
            location=draw(st.sampled_from([None, *location_ids])),
            cast=tuple(draw(st.sets(st.sampled_from(cast_ids), max_size=2))),
            crew=("SFX",) if draw(st.integers(0, 3)) == 0 else (),
            equipment=("CRANE",) if draw(st.integers(0, 3)) == 0 else (),
        ))
    constraints = []
    if draw(st.booleans()):
        kind = draw(st.sampled_from([k for k in ConstraintKind if k is not ConstraintKind.NOT_ON]))
        chosen = draw(st.permutations([s.id for s in scenes]))[:2]
        constraints.append(row(kind, *chosen))
    if draw(st.integers(0, 3)) == 0:
        constraints.append(row(ConstraintKind.NOT_ON, scenes[0].id,
                               dates=(draw(st.sampled_from(dates)),)))
    settings: dict[str, Any] = {
        "start_date": start,
        "max_shoot_days": num_days,
        "crew_day_cost": draw(st.sampled_from([0, 500])),
        "overtime_cost_per_hour": draw(st.sampled_from([0, 90])),
        "company_move_cost": draw(st.sampled_from([0, 40])),
        "company_move_minutes": draw(st.sampled_from([0, 60])),
        "max_locations_per_day": draw(st.integers(1, 2)),
        "allow_split_days": draw(st.booleans()),
        "night_turnaround": draw(st.booleans()),
        "drop_pickup_min_days": draw(st.integers(0, 3)),
    }
    if draw(st.integers(0, 4)) == 0:
        settings["budget"] = draw(st.sampled_from([1000, 3000, 6000]))
    prod = production(scenes, cast=cast, locations=locations, crew=crew, equipment=equipment,
                      constraints=constraints, **settings)
    try:
        prod.check()
    except InputError:
        assume(False)
    return prod


def synthetic_production(num_scenes: int, seed: int, **settings: Any) -> Production:
    """A seeded production of ``num_scenes`` short scenes over 8 cast and 5 locations, with
    room in the calendar: feasible, with costs on every term, and not solved instantly."""
    rng = random.Random(seed)
    cast = [actor(f"C{i}", rate=rng.choice([200, 400, 900]), drop_pickup=i % 3 == 0)
            for i in range(8)]
    locations = [place(f"L{i}", fee=rng.choice([100, 300]), move_in_cost=250) for i in range(5)]
    scenes = [
        scene(str(i + 1), hours=rng.choice([1, 1.5, 2, 3, 4]),
              location=rng.choice([loc.id for loc in locations]),
              cast=tuple(rng.sample([c.id for c in cast], rng.randint(1, 3))),
              day_night=rng.choice([DayNight.DAY, DayNight.DAY, DayNight.NIGHT]))
        for i in range(num_scenes)
    ]
    settings.setdefault("max_shoot_days", max(3, num_scenes // 3))
    return production(scenes, cast=cast, locations=locations, crew_day_cost=2000,
                      overtime_cost_per_hour=150, company_move_cost=300, **settings).check()
