"""When a production is a pure scene-ordering problem, and its bitmask form's costs."""

from __future__ import annotations

import random
from datetime import date

from scheduler.data import (
    Availability,
    Billing,
    ConstraintKind,
    DayNight,
    Production,
    SceneConstraint,
)
from scheduler.sequencing import is_sequencing_problem, sequencing_obstacles, sequencing_problem
from scheduler.sequencing.problem import set_bits
from scheduler.solution import COST_SCALE, Schedule
from tests.helpers.productions import actor, place, production, resource, scene

DAY = 600  # minutes of a full day in these productions


def board(**changes: object) -> Production:
    """Four full-day scenes and a two-day scene, three actors, two locations with move-in
    costs, a span-billed crew member, a seven-day calendar without slack."""
    parts: dict[str, object] = {
        "cast": [actor("A", 100), actor("B", 40), actor("C", 10)],
        "locations": [place("L1", fee=5, move_in_cost=300), place("L2", move_in_cost=50)],
        "crew": [resource("steadicam", 70, billing=Billing.SPAN)],
        "max_shoot_days": 6,
        "work_week": (0, 1, 2, 3, 4, 5, 6),
        "standard_day_minutes": DAY,
        "max_day_minutes": DAY,
        "crew_day_cost": 1000,
    }
    scenes = changes.pop("scenes", None) or [
        scene("1", 10, cast=("A", "B"), location="L1"),
        scene("2", 10, cast=("B",), location="L2", crew=("steadicam",)),
        scene("3", 10, cast=("A", "C"), location="L1"),
        scene("4", 10, cast=("C",), location="L2", crew=("steadicam",)),
        scene("5", 20, cast=("A",), location="L2"),
    ]
    parts.update(changes)
    return production(scenes, **parts).check()


def test_a_board_of_full_day_scenes_is_a_sequencing_problem() -> None:
    assert sequencing_obstacles(board()) == []
    assert is_sequencing_problem(board())


def test_two_scenes_that_fit_one_day_make_it_a_scheduling_problem() -> None:
    short = [scene("1", 4, cast=("A",)), scene("2", 4, cast=("B",)), scene("3", 10)]
    assert not is_sequencing_problem(board(scenes=short, max_shoot_days=3, locations=[]))


def test_a_calendar_with_slack_is_not_a_pure_order() -> None:
    assert "calendar" in sequencing_obstacles(board(max_shoot_days=8))[0]


def test_an_availability_window_is_not_a_pure_order() -> None:
    away = Availability(unavailable=(date(2026, 3, 4),))
    cast = [actor("A", 100, availability=away), actor("B", 40), actor("C", 10)]
    assert "not available" in sequencing_obstacles(board(cast=cast))[0]


def test_only_before_and_different_day_constraints_are_allowed() -> None:
    before = SceneConstraint(kind=ConstraintKind.BEFORE, scenes=("3", "1"))
    apart = SceneConstraint(kind=ConstraintKind.DIFFERENT_DAY, scenes=("1", "2"))
    together = SceneConstraint(kind=ConstraintKind.CONSECUTIVE, scenes=("1", "2"))
    assert is_sequencing_problem(board(constraints=[before, apart]))
    assert not is_sequencing_problem(board(constraints=[together]))


def test_a_cycle_of_before_constraints_goes_to_the_general_search() -> None:
    cycle = [SceneConstraint(kind=ConstraintKind.BEFORE, scenes=("1", "2")),
             SceneConstraint(kind=ConstraintKind.BEFORE, scenes=("2", "1"))]
    assert "cycle" in sequencing_obstacles(board(constraints=cycle))[0]


def test_night_and_day_scenes_depend_on_the_order_through_the_turnaround() -> None:
    scenes = [scene("1", 10, cast=("A",), day_night=DayNight.NIGHT), scene("2", 10, cast=("B",))]
    assert not is_sequencing_problem(board(scenes=scenes, max_shoot_days=2))
    assert is_sequencing_problem(board(scenes=scenes, max_shoot_days=2,
                                       night_turnaround=False))


def test_a_possible_drop_and_pickup_depends_on_the_order() -> None:
    cast = [actor("A", 100, drop_pickup=True), actor("B", 40), actor("C", 10)]
    assert not is_sequencing_problem(board(cast=cast, drop_pickup_min_days=3))
    assert is_sequencing_problem(board(cast=cast, drop_pickup_min_days=10))


def test_the_order_cost_plus_a_constant_is_the_schedule_cost() -> None:
    """Cast and span-billed crew pay their spans, locations their visits; crew days, location
    fees and day-billed items are the same for every order."""
    plan = board()
    problem = sequencing_problem(plan)
    assert problem.rates == (100, 40, 10, 70)
    assert problem.visit_costs == (0, 300, 50)
    assert problem.durations == (1, 1, 1, 1, 2)
    rng = random.Random(1)
    constants = set()
    for _ in range(10):
        order = list(range(problem.size))
        rng.shuffle(order)
        total = Schedule(plan, problem.solution(order)).total_cost
        constants.add(total - problem.cost(order) * COST_SCALE)
    assert len(constants) == 1


def test_set_bits_lists_a_set_lowest_first() -> None:
    """Tests that a bitmask reads back as the numbers of its members, lowest first."""
    assert set_bits(0) == []
    assert set_bits(0b101001) == [0, 3, 5]
    assert all(sum(1 << bit for bit in set_bits(mask)) == mask for mask in range(300))
