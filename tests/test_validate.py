"""The validator: each rule caught when broken, silent when kept."""

from datetime import date
from typing import Any

import pytest

from scheduler.data import Availability, ConstraintKind, Production, SceneConstraint
from scheduler.rules import Rule
from scheduler.solution import Solution
from scheduler.validate import evaluate, validate
from tests.helpers.productions import actor, place, production, resource, scene


def broken(prod: Production, **start: int) -> set[Rule]:
    solution = Solution(start_day={k.lstrip("s"): v for k, v in start.items()})
    return {violation.rule for violation in validate(prod, solution)}


def rule_of(kind: ConstraintKind, *scenes: str, **extra: Any) -> SceneConstraint:
    return SceneConstraint(kind=kind, scenes=scenes, **extra)


CASES: list[tuple[Rule, Production, dict[str, int], dict[str, int]]] = [
    (Rule.SCENE_SCHEDULED, production([scene("1"), scene("2")], max_shoot_days=2),
     {"s1": 1, "s2": 2}, {"s1": 1}),
    (Rule.CALENDAR_END, production([scene("1")], max_shoot_days=2), {"s1": 2}, {"s1": 3}),
    (Rule.MULTI_DAY_ALONE, production([scene("1", hours=13), scene("2")], max_shoot_days=3),
     {"s1": 1, "s2": 3}, {"s1": 1, "s2": 2}),
    (Rule.DAY_HOURS, production([scene("1", hours=7), scene("2", hours=6)], max_shoot_days=2),
     {"s1": 1, "s2": 2}, {"s1": 1, "s2": 1}),
    (Rule.CAST_AVAILABILITY,
     production([scene("1", cast=("A",))], max_shoot_days=3,
                cast=[actor("A", availability=Availability(unavailable=(date(2026, 3, 3),)))]),
     {"s1": 1}, {"s1": 2}),
    (Rule.LOCATION_AVAILABILITY,
     production([scene("1", location="L")], max_shoot_days=3,
                locations=[place("L", availability=Availability(available_from=date(2026, 3, 4)))]),
     {"s1": 3}, {"s1": 2}),
    (Rule.CREW_AVAILABILITY,
     production([scene("1", crew=("STUNT",))], max_shoot_days=3,
                crew=[resource("STUNT", availability=Availability(available_to=date(2026, 3, 2)))]),
     {"s1": 1}, {"s1": 2}),
    (Rule.EQUIPMENT_AVAILABILITY,
     production([scene("1", equipment=("CRANE",))], max_shoot_days=3,
                equipment=[resource("CRANE",
                                    availability=Availability(unavailable=(date(2026, 3, 2),)))]),
     {"s1": 2}, {"s1": 1}),
    (Rule.EVERY_DAY_CREW,
     production([scene("1")], max_shoot_days=3,
                crew=[resource("DP", every_day=True,
                               availability=Availability(unavailable=(date(2026, 3, 2),)))]),
     {"s1": 2}, {"s1": 1}),
    (Rule.SCENE_WINDOW,
     production([scene("1", earliest=date(2026, 3, 3), latest=date(2026, 3, 4))],
                max_shoot_days=5), {"s1": 3}, {"s1": 4}),
    (Rule.PINNED_DATE, production([scene("1", shoot_on=date(2026, 3, 3))], max_shoot_days=3),
     {"s1": 2}, {"s1": 3}),
    (Rule.BEFORE,
     production([scene("1"), scene("2"), scene("3")], max_shoot_days=3,
                constraints=[rule_of(ConstraintKind.BEFORE, "1", "2", "3")]),
     {"s1": 1, "s2": 2, "s3": 2}, {"s1": 2, "s2": 2, "s3": 3}),
    (Rule.SAME_DAY,
     production([scene("1"), scene("2")], max_shoot_days=3,
                constraints=[rule_of(ConstraintKind.SAME_DAY, "1", "2")]),
     {"s1": 2, "s2": 2}, {"s1": 1, "s2": 2}),
    (Rule.DIFFERENT_DAY,
     production([scene("1"), scene("2")], max_shoot_days=3,
                constraints=[rule_of(ConstraintKind.DIFFERENT_DAY, "1", "2")]),
     {"s1": 1, "s2": 2}, {"s1": 1, "s2": 1}),
    (Rule.CONSECUTIVE,
     production([scene("1", hours=20), scene("2")], max_shoot_days=5,
                constraints=[rule_of(ConstraintKind.CONSECUTIVE, "1", "2")]),
     {"s1": 1, "s2": 3}, {"s1": 1, "s2": 4}),
    (Rule.NOT_ON,
     production([scene("1")], max_shoot_days=3,
                constraints=[rule_of(ConstraintKind.NOT_ON, "1", dates=(date(2026, 3, 2),))]),
     {"s1": 2}, {"s1": 1}),
    (Rule.MAX_LOCATIONS,
     production([scene("1", location="A"), scene("2", location="B"), scene("3", location="C")],
                max_shoot_days=2, company_move_minutes=0,
                locations=[place("A"), place("B"), place("C")]),
     {"s1": 1, "s2": 1, "s3": 2}, {"s1": 1, "s2": 1, "s3": 1}),
    (Rule.ZONES,
     production([scene("1", location="A"), scene("2", location="B")], max_shoot_days=2,
                locations=[place("A", zone="north"), place("B", zone="south")]),
     {"s1": 1, "s2": 2}, {"s1": 1, "s2": 1}),
    (Rule.SPLIT_DAY,
     production([scene("1"), scene("2", day_night="NIGHT")], max_shoot_days=3),
     {"s1": 1, "s2": 3}, {"s1": 1, "s2": 1}),
    (Rule.NIGHT_TURNAROUND,
     production([scene("1", day_night="NIGHT"), scene("2")], max_shoot_days=5),
     {"s1": 1, "s2": 3}, {"s1": 1, "s2": 2}),
    (Rule.DAWN_DUSK,
     production([scene("1", day_night="DAWN"), scene("2", day_night="DAWN"),
                 scene("3", day_night="DUSK")], max_shoot_days=2),
     {"s1": 1, "s2": 2, "s3": 1}, {"s1": 1, "s2": 1, "s3": 1}),
    (Rule.MINOR_HOURS,
     production([scene("1", cast=("K",)), scene("2", cast=("K",))], max_shoot_days=2,
                cast=[actor("K", minor=True, max_minutes=180)]),
     {"s1": 1, "s2": 2}, {"s1": 1, "s2": 1}),
    (Rule.BUDGET,
     production([scene("1"), scene("2")], max_shoot_days=2, crew_day_cost=100, budget=150),
     {"s1": 1, "s2": 1}, {"s1": 1, "s2": 2}),
]


@pytest.mark.parametrize(("rule", "prod", "kept", "broke"), CASES, ids=[c[0].value for c in CASES])
def test_rule_kept_and_broken(rule: Rule, prod: Production, kept: dict[str, int],
                              broke: dict[str, int]) -> None:
    assert broken(prod, **kept) == set()
    assert rule in broken(prod, **broke)


def test_every_rule_has_a_case() -> None:
    # MINOR_NIGHT is refused as input by Production.check(); it has its own test below.
    assert {case[0] for case in CASES} | {Rule.MINOR_NIGHT} == set(Rule)


def test_minor_at_night_is_caught_even_past_the_data_check() -> None:
    prod = production([scene("1", day_night="NIGHT", cast=("K",))], max_shoot_days=1,
                      cast=[actor("K", minor=True)])
    assert broken(prod, s1=1) == {Rule.MINOR_NIGHT}


def test_split_days_allowed_and_turnaround_off() -> None:
    prod = production([scene("1", day_night="NIGHT"), scene("2")], max_shoot_days=3,
                      allow_split_days=True, night_turnaround=False)
    assert broken(prod, s1=1, s2=1) == set()
    assert broken(prod, s1=1, s2=2) == set()


def test_turnaround_only_on_the_next_calendar_date() -> None:
    prod = production([scene("1", day_night="NIGHT"), scene("2")], max_shoot_days=6)
    # day 5 is Friday, day 6 Monday: the weekend is the turnaround
    assert broken(prod, s1=5, s2=6) == set()


def test_violation_messages_name_scenes_and_dates() -> None:
    prod = production([scene("12", cast=("A",))], max_shoot_days=3,
                      cast=[actor("A", availability=Availability(unavailable=(date(2026, 3, 3),)))])
    (violation,) = validate(prod, Solution(start_day={"12": 2}))
    assert violation.scenes == ("12",)
    assert "Actor A" in violation.message and "Tue 3 Mar 2026" in violation.message


def test_evaluation_gives_costs_with_violations() -> None:
    prod = production([scene("1")], max_shoot_days=2, crew_day_cost=100)
    evaluation = evaluate(prod, Solution(start_day={"1": 2}))
    assert evaluation.is_valid and evaluation.total_cost == 2 * 100 * 60
