"""The comparison: relaxing scenarios never dearer than the base, restricting ones never
cheaper, every schedule valid under its own production; the adoptions both ways."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.config import SolverConfig
from scheduler.conventional_board import conventional_board
from scheduler.data import Production
from scheduler.planning import Plan
from scheduler.predict.model import load_default
from scheduler.result import Result, SolveStatus
from scheduler.solution import Schedule, Solution
from scheduler.subjects import EntityKind
from scheduler.validate import validate
from scheduler.whatif import (
    BASE,
    ChangeKind,
    Comparison,
    Effect,
    Outcome,
    Scenario,
    apply_scenario,
    compare_scenarios,
)
from scheduler.whatif.compare import assert_consistent, carried_over, make_consistent
from tests.helpers.whatif import change, scenario, whatif_production

PRODUCTION = whatif_production()
QUICK = SolverConfig(deterministic=True, time_limit=1)
CAST, LOCATION = EntityKind.CAST, EntityKind.LOCATION

# One scenario per kind of change and direction: (name, kind, fields, expected effect).
KINDS = [
    ("longer calendar", ChangeKind.SETTING, {"target": "max_shoot_days", "value": 10},
     Effect.RELAXING),
    ("shorter days", ChangeKind.SETTING, {"target": "max_day_minutes", "value": 660},
     Effect.RESTRICTING),
    ("dearer crew", ChangeKind.SETTING, {"target": "crew_day_cost", "value": 1500},
     Effect.RESTRICTING),
    ("1 from Monday", ChangeKind.AVAILABLE, {"target": "1", "entity": CAST,
                                             "window": (date(2026, 3, 2), None)},
     Effect.RELAXING),
    ("1 from Thursday", ChangeKind.AVAILABLE, {"target": "1", "entity": CAST,
                                               "window": (date(2026, 3, 5), None)},
     Effect.RESTRICTING),
    ("2 away Monday", ChangeKind.UNAVAILABLE, {"target": "2", "entity": CAST,
                                               "dates": (date(2026, 3, 9),)},
     Effect.RESTRICTING),
    ("2 back Thursday", ChangeKind.AVAILABLE_ON, {"target": "2", "entity": CAST,
                                                  "dates": (date(2026, 3, 5),)},
     Effect.RELAXING),
    ("L2 free", ChangeKind.FREE, {"target": "L2", "entity": LOCATION}, Effect.RELAXING),
    ("1 cheaper", ChangeKind.RATE, {"target": "1", "entity": CAST, "amount": 300},
     Effect.RELAXING),
    ("L1 dearer", ChangeKind.RATE, {"target": "L1", "entity": LOCATION, "amount": 600},
     Effect.RESTRICTING),
    ("cut 6", ChangeKind.CUT, {"scenes": ("6",)}, Effect.RELAXING),
    ("pin 4", ChangeKind.PIN, {"target": "4", "dates": (date(2026, 3, 10),)},
     Effect.RESTRICTING),
    ("unpin 5", ChangeKind.UNPIN, {"scenes": ("5",)}, Effect.RELAXING),
    ("drop before", ChangeKind.DROP, {"target": "before", "scenes": ("3", "6")},
     Effect.RELAXING),
]


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    scenarios = [scenario(name, change(PRODUCTION, kind, **fields))
                 for name, kind, fields, _ in KINDS]
    return compare_scenarios(PRODUCTION, scenarios, QUICK, parallel=1, risk_aware=False)


def test_the_base_comes_first_and_every_schedule_is_valid(comparison: Comparison) -> None:
    assert [outcome.name for outcome in comparison.outcomes] == ["base", *(k[0] for k in KINDS)]
    assert comparison.base.status in ("optimal", "feasible")
    assert assert_consistent(comparison) == []
    for outcome in comparison.outcomes:
        assert outcome.schedule is not None, outcome
        assert validate(outcome.production, outcome.schedule.solution) == []


@pytest.mark.parametrize(("name", "kind", "fields", "effect"), KINDS,
                         ids=[k[0] for k in KINDS])
def test_relaxing_never_dearer_restricting_never_cheaper(
        comparison: Comparison, name: str, kind: ChangeKind, fields: dict[str, object],
        effect: Effect) -> None:
    outcome = next(item for item in comparison.outcomes if item.name == name)
    base_cost = comparison.base.cost
    assert outcome.scenario.effect is effect
    assert outcome.cost is not None and base_cost is not None
    if effect is Effect.RELAXING:
        assert outcome.cost <= base_cost
    else:
        assert outcome.cost >= base_cost
    row = next(item for item in comparison.rows() if item.scenario == name)
    assert row.effect == effect.value
    assert row.change_vs_base == row.total_cost - comparison.rows()[0].total_cost


def test_a_scenario_its_changes_break_is_reported_not_planned() -> None:
    broken = scenario("pin on a day off", change(PRODUCTION, ChangeKind.PIN, target="1",
                                                 dates=(date(2026, 3, 2),)))
    result = compare_scenarios(PRODUCTION, [broken], QUICK, parallel=1, risk_aware=False)
    outcome = result.scenarios[0]
    assert outcome.status == "invalid" and outcome.plan is None
    assert any("scene 1" in note.lower() for note in outcome.notes)


def _plan(production, solution) -> Plan:  # type: ignore[no-untyped-def]
    schedule = Schedule(production, solution)
    return Plan(Result(SolveStatus.FEASIBLE, schedule=schedule), None)


def _dearer_than(solution: Solution) -> Solution:
    """A valid schedule of the base dearer than ``solution``: one scene moved later."""
    cost = Schedule(PRODUCTION, solution).total_cost
    for scene_id in solution.start_day:
        for day in PRODUCTION.calendar.days:
            moved = Solution(start_day={**solution.start_day, scene_id: day})
            if not validate(PRODUCTION, moved) and Schedule(PRODUCTION,
                                                            moved).total_cost > cost:
                return moved
    raise AssertionError("no dearer schedule")


def test_the_base_adopts_a_cheaper_schedule_valid_for_it_and_a_relaxing_one_the_base() -> None:
    """The rule itself, on plans made by hand: a base planned badly (the conventional board)
    adopts a restricting scenario's cheaper schedule; then a relaxing scenario planned badly
    adopts the base's."""
    pin = scenario("pin 4", change(PRODUCTION, ChangeKind.PIN, target="4",
                                   dates=(date(2026, 3, 10),)))
    free = scenario("L2 free", change(PRODUCTION, ChangeKind.FREE, target="L2",
                                      entity=LOCATION))
    pinned, freed = apply_scenario(PRODUCTION, pin), apply_scenario(PRODUCTION, free)
    from scheduler.solve import solve

    good = solve(pinned, SolverConfig(deterministic=True, time_limit=2)).solution
    assert good is not None
    board = _dearer_than(good)
    bad_free = carried_over(board, PRODUCTION, freed)
    assert bad_free is not None
    outcomes = [Outcome(BASE, PRODUCTION, _plan(PRODUCTION, board), "feasible"),
                Outcome(pin, pinned, _plan(pinned, good), "feasible"),
                Outcome(free, freed, _plan(freed, bad_free), "feasible")]
    assert Schedule(PRODUCTION, good).total_cost < outcomes[0].cost  # the base was bad
    consistent = make_consistent(outcomes, load_default())
    base, pinned_out, freed_out = consistent
    assert base.cost == Schedule(PRODUCTION, good).total_cost
    assert any("adopted the schedule of scenario pin 4" in note for note in base.notes)
    assert freed_out.cost is not None and base.cost is not None
    assert freed_out.cost <= base.cost
    assert any("kept the base's schedule" in note for note in freed_out.notes)
    assert pinned_out.cost is not None and pinned_out.cost >= base.cost


def test_carried_over_moves_a_schedule_by_date() -> None:
    six_days = PRODUCTION.model_copy(update={"settings": PRODUCTION.settings.model_copy(
        update={"work_week": (0, 1, 2, 3, 4, 5)})})
    board = conventional_board(PRODUCTION)
    assert board is not None
    carried = carried_over(board, PRODUCTION, six_days)
    assert carried is not None
    for scene_id, day in board.start_day.items():
        assert six_days.calendar.date_of(carried.start_day[scene_id]) == \
            PRODUCTION.calendar.date_of(day)
    saturday = six_days.calendar.day_of(date(2026, 3, 7))
    assert saturday is not None
    on_saturday = Solution(start_day={**carried.start_day, "1": saturday})
    assert carried_over(on_saturday, six_days, PRODUCTION) is None  # no Saturday there


def test_scenario_names_are_kept_in_order() -> None:
    assert Scenario(name="x").changes_text == "the breakdown as it is"


@pytest.mark.slow  # five solves of a 30-scene production
def test_a_generated_feature_keeps_the_rule() -> None:
    from benchmarks.generator import generate

    feature = generate(30, 7, "feature").production
    member = next(item for item in feature.cast
                  if item.availability.available_from is not None
                  or item.availability.available_to is not None)
    worked = next(item for item in feature.scenes if member.id in item.cast)
    scenarios = [
        scenario("free", change(feature, ChangeKind.FREE, target=member.id, entity=CAST)),
        scenario("cut", change(feature, ChangeKind.CUT, scenes=(worked.id,))),
        scenario("dearer", change(feature, ChangeKind.RATE, target=member.id, entity=CAST,
                                  amount=member.daily_rate * 2 + 100)),
        scenario("away", change(feature, ChangeKind.UNAVAILABLE, target=member.id,
                                entity=CAST, dates=(feature.calendar.date_of(2),))),
    ]
    comparison = compare_scenarios(feature, scenarios, SolverConfig(deterministic=True,
                                                                     time_limit=3),
                                   parallel=1, risk_aware=False)
    assert assert_consistent(comparison) == []
    effects = [outcome.scenario.effect for outcome in comparison.scenarios]
    assert effects == [Effect.RELAXING, Effect.RELAXING, Effect.RESTRICTING,
                       Effect.RESTRICTING]
    assert all(outcome.schedule is not None for outcome in comparison.outcomes)


@pytest.mark.slow  # a dozen solves of the 30-scene short film
def test_the_short_film_keeps_the_rule_for_every_kind(short_film: Production) -> None:
    from datetime import timedelta

    windowed = next(item for item in short_film.cast
                    if item.availability.available_from or item.availability.available_to)
    lead = short_film.cast[0]
    calendar_end = short_film.calendar.date_of(short_film.calendar.num_days)
    first_scene = short_film.scenes[0]
    rule = next((item for item in short_film.constraints), None)
    made = [
        ("free", ChangeKind.FREE, {"target": windowed.id, "entity": CAST}),
        ("lead cheaper", ChangeKind.RATE, {"target": lead.id, "entity": CAST,
                                           "amount": lead.daily_rate // 2}),
        ("lead dearer", ChangeKind.RATE, {"target": lead.id, "entity": CAST,
                                          "amount": lead.daily_rate * 2}),
        ("crew dearer", ChangeKind.SETTING, {"target": "crew_day_cost",
                                             "value": short_film.settings.crew_day_cost + 500}),
        ("later end", ChangeKind.SETTING, {"target": "end_date",
                                           "value": calendar_end + timedelta(days=7)}),
        ("cut", ChangeKind.CUT, {"scenes": (first_scene.id,)}),
        ("lead away", ChangeKind.UNAVAILABLE, {"target": lead.id, "entity": CAST,
                                               "dates": (short_film.calendar.date_of(1),)}),
        ("pin", ChangeKind.PIN, {"target": first_scene.id,
                                 "dates": (short_film.calendar.date_of(2),)}),
    ]
    if rule is not None:
        made.append(("drop", ChangeKind.DROP, {"target": rule.kind.value,
                                               "scenes": rule.scenes}))
    scenarios = [scenario(name, change(short_film, kind, **fields))
                 for name, kind, fields in made]
    comparison = compare_scenarios(short_film, scenarios, SolverConfig(deterministic=True,
                                                                       time_limit=2),
                                   parallel=1, risk_aware=False)
    assert assert_consistent(comparison) == []
    assert comparison.base.schedule is not None
    for outcome in comparison.scenarios:
        assert outcome.status != "failed", outcome.notes
        if outcome.schedule is not None:
            assert validate(outcome.production, outcome.schedule.solution) == []
