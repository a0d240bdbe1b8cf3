"""The conventional board: sorted strips, auto day breaks, and every hard rule kept.

Whenever ``conventional_board`` returns a board, ``validate`` must find nothing on it; each rule
has a micro-test in which the plain sorted deal would break it.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import subprocess
import sys
from datetime import timedelta
from types import ModuleType
from typing import Any

import pytest

from scheduler import conventional_board as conventional
from scheduler.conventional_board import conventional_board, natural_key, strip_sort_keys
from scheduler.data import Availability, ConstraintKind, Production, SceneConstraint
from scheduler.solution import Schedule, Solution
from scheduler.validate import validate
from tests.helpers.paths import REPOSITORY as REPO
from tests.helpers.productions import MONDAY, actor, place, resource, scene
from tests.helpers.productions import production as factory_production

TUESDAY, WEDNESDAY, FRIDAY = (MONDAY + timedelta(days=k) for k in (1, 2, 4))


def production(scenes: list[Any], **parts: Any) -> Production:
    """A factory production with room to spare: 20 shoot days unless told otherwise."""
    parts.setdefault("max_shoot_days", 20)
    return factory_production(scenes, **parts)


def rule_of(kind: ConstraintKind, *scenes: str, **extra: Any) -> SceneConstraint:
    return SceneConstraint(kind=kind, scenes=scenes, **extra)


def board_of(prod: Production) -> dict[str, int]:
    """The board's start days, after checking that the board exists and breaks no rule."""
    board = conventional_board(prod.check())
    assert board is not None
    assert validate(prod, board) == []
    return board.start_day


def busy_days(prod: Production, start_day: dict[str, int]) -> dict[int, list[str]]:
    """Scene ids on each day that has any (multi-day scenes on each of their days)."""
    days: dict[int, list[str]] = {}
    for scene_id, first in start_day.items():
        for day in range(first, first + prod.scene_days(prod.scene_by_id[scene_id])):
            days.setdefault(day, []).append(scene_id)
    return days


# ----- the conventional sort and day breaks ------------------------------------------------------


def test_natural_key_orders_board_ids_as_numbers() -> None:
    assert sorted(["10", "2", "12A", "12", "1"], key=natural_key) == ["1", "2", "10", "12", "12A"]


def test_strips_sort_by_zone_location_time_of_day_then_cast() -> None:
    prod = production(
        [scene("1", location="B", cast=("2",)),
         scene("2", location="A", day_night="NIGHT"),
         scene("3", location="A", cast=("10",)),
         scene("4", location="A", cast=("2",)),
         scene("5", location="C"),
         scene("6"),
         scene("7", location="A", day_night="DAWN", cast=("10",))],
        locations=[place("A", zone="south"), place("B", zone="north"), place("C")],
        cast=[actor("2"), actor("10")],
    )
    assert sorted_strips(prod) == ["1", "7", "4", "3", "2", "5", "6"]


def sorted_strips(prod: Production) -> list[str]:
    allowed = {s.id: frozenset(prod.allowed_start_days(s)) for s in prod.scenes}
    keys = strip_sort_keys(prod, allowed)
    return sorted(keys, key=keys.__getitem__)


def test_zones_and_locations_are_taken_in_the_order_they_open() -> None:
    # "A" sorts first by name but opens in week 2, as does its whole zone
    later = Availability(available_from=MONDAY + timedelta(days=7))
    prod = production(
        [scene("1", location="A"), scene("2", location="B"), scene("3", location="C"),
         scene("4", location="D")],
        locations=[place("A", zone="north", availability=later), place("B", zone="north"),
                   place("C", zone="south"), place("D", zone="north", availability=later)],
    )
    assert sorted_strips(prod) == ["2", "1", "4", "3"]


def test_a_new_day_starts_when_the_next_strip_would_pass_the_standard_day() -> None:
    prod = production([scene(str(k), hours=4, location="A") for k in range(1, 5)],
                      locations=[place("A")])
    assert board_of(prod) == {"1": 1, "2": 1, "3": 2, "4": 2}


@pytest.mark.parametrize(("move_minutes", "same_day"), [(60, True), (90, False)])
def test_day_breaks_count_company_moves(move_minutes: int, same_day: bool) -> None:
    # 5 h + 5 h + one move: exactly the 11 h standard day with a 1 h move, past it with 1.5 h
    prod = production([scene("1", hours=5, location="A"), scene("2", hours=5, location="B")],
                      locations=[place("A"), place("B")], company_move_minutes=move_minutes)
    start = board_of(prod)
    assert (start["1"] == start["2"]) is same_day


def test_a_closed_day_is_not_backfilled() -> None:
    # the 3 h strip closes day 1 at 9 h; the 1 h strip after it goes on day 2 like on a paper
    # board, although it would have fitted on day 1
    prod = production([scene("1", hours=9), scene("2", hours=3), scene("3", hours=1)])
    assert board_of(prod) == {"1": 1, "2": 2, "3": 2}


def test_location_blocks_stay_together_whatever_the_breakdown_order() -> None:
    prod = production([scene(str(k), hours=5, location="AB"[k % 2]) for k in range(1, 7)],
                      locations=[place("A"), place("B")], max_locations_per_day=1)
    start = board_of(prod)
    assert {start[k] for k in ("2", "4", "6")} == {1, 2}
    assert {start[k] for k in ("1", "3", "5")} == {3, 4}


def test_a_long_strip_gets_an_empty_day_up_to_the_hard_cap() -> None:
    prod = production([scene("1", hours=2), scene("2", hours=11.5), scene("3", hours=2)])
    start = board_of(prod)
    assert busy_days(prod, start)[start["2"]] == ["2"]


def test_overtime_only_when_the_calendar_leaves_no_standard_day() -> None:
    prod = production([scene(str(k), hours=6) for k in range(1, 5)], end_date=TUESDAY)
    start = board_of(prod)
    schedule = Schedule(prod, conventional_board(prod) or pytest.fail("no board"))
    assert sorted(start.values()) == [1, 1, 2, 2]
    assert [schedule.minutes_on(day) for day in (1, 2)] == [720, 720]


def test_no_board_when_the_calendar_is_too_short() -> None:
    prod = production([scene(str(k), hours=6) for k in range(1, 6)], end_date=TUESDAY)
    assert conventional_board(prod.check()) is None


# ----- hard rules a 1st AD fixes by hand ---------------------------------------------------------

OFF_MONDAY = Availability(unavailable=(MONDAY,))


@pytest.mark.parametrize("needs", ["cast", "location", "crew", "equipment"])
def test_a_strip_skips_days_its_elements_are_unavailable(needs: str) -> None:
    parts: dict[str, Any] = {
        "cast": [actor("A", availability=OFF_MONDAY if needs == "cast" else Availability())],
        "locations": [place("L", availability=OFF_MONDAY if needs == "location"
                            else Availability())],
        "crew": [resource("STUNT", availability=OFF_MONDAY if needs == "crew"
                          else Availability())],
        "equipment": [resource("CRANE", availability=OFF_MONDAY if needs == "equipment"
                               else Availability())],
    }
    prod = production([scene("1"),
                       scene("2", location="L", cast=("A",), crew=("STUNT",),
                             equipment=("CRANE",))], **parts)
    assert board_of(prod) == {"1": 1, "2": 2}


def test_no_shooting_when_every_day_crew_is_away() -> None:
    prod = production([scene(str(k), hours=6) for k in range(1, 5)],
                      crew=[resource("DP", every_day=True,
                                     availability=Availability(unavailable=(TUESDAY,)))])
    start = board_of(prod)
    assert 2 not in start.values()


def test_scene_windows_are_kept_even_behind_the_open_day() -> None:
    # the deadline strip sorts last (highest cast id); day 1 is closed by then, but it goes back
    prod = production([scene("1", hours=6), scene("2", hours=6), scene("3", hours=6),
                       scene("4", cast=("9",), latest=MONDAY),
                       scene("5", earliest=WEDNESDAY)],
                      cast=[actor("9")])
    start = board_of(prod)
    assert start["4"] == 1
    assert start["5"] >= 3


def test_pinned_strips_go_down_first() -> None:
    # the pin sorts last; dealt in order, day 2 would already be full when it came up
    prod = production([scene("1", hours=6), scene("2", hours=6), scene("3", hours=6),
                       scene("pin", hours=6, cast=("9",), shoot_on=TUESDAY)],
                      cast=[actor("9")])
    assert board_of(prod) == {"pin": 2, "1": 1, "2": 3, "3": 4}


def test_a_multi_day_scene_is_alone_on_consecutive_days() -> None:
    prod = production([scene("1"), scene("long", hours=20), scene("2")])
    start = board_of(prod)
    days = busy_days(prod, start)
    assert days[start["long"]] == ["long"] and days[start["long"] + 1] == ["long"]
    assert start == {"1": 1, "long": 2, "2": 4}  # the board goes on after the long scene


def test_one_location_a_day_when_the_production_says_so() -> None:
    prod = production([scene("1", location="A"), scene("2", location="B")],
                      locations=[place("A"), place("B")], max_locations_per_day=1)
    start = board_of(prod)
    assert start["1"] != start["2"]


def test_zones_do_not_share_a_day() -> None:
    prod = production([scene("1", location="A"), scene("2", location="B"),
                       scene("3", location="C")],
                      locations=[place("A", zone="north"), place("B", zone="south"), place("C")])
    start = board_of(prod)
    assert start["1"] != start["2"]
    assert start["3"] in (start["1"], start["2"])  # a zone-less location goes anywhere


def test_night_strips_get_their_own_day_and_the_turnaround() -> None:
    # day 1 is full of day work; the night goes on Tuesday, so Wednesday holds no day scene
    prod = production([scene("d", hours=10, location="A"), scene("n", day_night="NIGHT",
                                                                  location="A"),
                       scene("b", location="B")],
                      locations=[place("A"), place("B")])
    assert board_of(prod) == {"d": 1, "n": 2, "b": 4}


def test_split_days_and_no_turnaround_when_allowed() -> None:
    prod = production([scene("d", location="A"), scene("n", day_night="NIGHT", location="A")],
                      locations=[place("A")], allow_split_days=True, night_turnaround=False)
    assert board_of(prod) == {"d": 1, "n": 1}


def test_one_dawn_and_one_dusk_a_day() -> None:
    prod = production([scene("1", hours=1, day_night="DAWN"),
                       scene("2", hours=1, day_night="DAWN"),
                       scene("3", hours=1, day_night="DUSK")])
    start = board_of(prod)
    assert start["1"] != start["2"]
    assert start["3"] == start["2"]


def test_minors_work_at_most_their_hours() -> None:
    prod = production([scene("1", hours=3, cast=("K",)), scene("2", hours=3, cast=("K",)),
                       scene("3", hours=3)],
                      cast=[actor("K", minor=True, max_minutes=4 * 60)])
    start = board_of(prod)
    assert start["1"] != start["2"]


def test_minor_at_night_gives_no_board() -> None:
    prod = production([scene("1", day_night="NIGHT", cast=("K",))], cast=[actor("K", minor=True)])
    assert conventional_board(prod) is None  # not checked: check() refuses this production


# ----- the Constraints sheet -------------------------------------------------------------------


def test_a_before_scene_is_dealt_first_even_when_it_sorts_last() -> None:
    prod = production([scene("1"), scene("2"), scene("3", cast=("9",))], cast=[actor("9")],
                      constraints=[rule_of(ConstraintKind.BEFORE, "3", "1")])
    start = board_of(prod)
    assert start["3"] < start["1"]


def test_before_a_pinned_scene() -> None:
    prod = production([scene("1", hours=6), scene("2", hours=6), scene("3", hours=6),
                       scene("pin", shoot_on=TUESDAY)],
                      constraints=[rule_of(ConstraintKind.BEFORE, "3", "pin")])
    assert board_of(prod)["3"] == 1


def test_same_day_scenes_travel_as_one_block() -> None:
    prod = production([scene(f"a{k}", hours=3, location="A") for k in range(1, 5)]
                      + [scene("b", hours=3, location="B")],
                      locations=[place("A"), place("B")],
                      constraints=[rule_of(ConstraintKind.SAME_DAY, "a4", "b")])
    start = board_of(prod)
    assert start["a4"] == start["b"]


def test_consecutive_chain_over_a_weekend_and_a_multi_day_scene() -> None:
    prod = production([scene("1", shoot_on=FRIDAY), scene("2", hours=20), scene("3")],
                      constraints=[rule_of(ConstraintKind.CONSECUTIVE, "1", "2", "3")])
    assert board_of(prod) == {"1": 5, "2": 6, "3": 8}


def test_different_day_scenes_are_split() -> None:
    prod = production([scene("1"), scene("2")],
                      constraints=[rule_of(ConstraintKind.DIFFERENT_DAY, "1", "2")])
    assert board_of(prod) == {"1": 1, "2": 2}


def test_not_on_dates_are_skipped() -> None:
    prod = production([scene("1")],
                      constraints=[rule_of(ConstraintKind.NOT_ON, "1", dates=(MONDAY,))])
    assert board_of(prod) == {"1": 2}


@pytest.mark.parametrize("rules", [
    [rule_of(ConstraintKind.CONSECUTIVE, "1", "2"), rule_of(ConstraintKind.CONSECUTIVE, "2", "1")],
    [rule_of(ConstraintKind.BEFORE, "1", "2"), rule_of(ConstraintKind.BEFORE, "2", "1")],
    [rule_of(ConstraintKind.SAME_DAY, "1", "2"), rule_of(ConstraintKind.DIFFERENT_DAY, "1", "2")],
    [rule_of(ConstraintKind.SAME_DAY, "1", "2"), rule_of(ConstraintKind.BEFORE, "1", "2")],
], ids=["consecutive-loop", "before-cycle", "same-and-different", "same-and-before"])
def test_contradicting_constraints_give_no_board(rules: list[SceneConstraint]) -> None:
    prod = production([scene("1"), scene("2")], constraints=rules)
    assert conventional_board(prod.check()) is None


@pytest.mark.parametrize(("budget", "found"), [(250, True), (150, False)])
def test_the_budget_is_a_hard_rule_too(budget: int, found: bool) -> None:
    prod = production([scene("1", hours=6), scene("2", hours=6)], crew_day_cost=100,
                      budget=budget)
    assert (conventional_board(prod.check()) is not None) is found


# ----- random productions: valid whenever found, and found most of the time ----------------------


def random_production(seed: int, num_scenes: int = 30) -> Production:
    """A small production exercising every rule, feasible by construction in most seeds."""
    rnd = random.Random(seed)
    cast = [actor(str(k), rate=rnd.randint(100, 900),
                  availability=Availability(unavailable=tuple(
                      MONDAY + timedelta(days=rnd.randint(0, 40)) for _ in range(2))),
                  minor=k == 1, max_minutes=300 if k == 1 else None)
            for k in range(1, 7)]
    locations = [place(f"L{k}", fee=rnd.randint(0, 500), zone=rnd.choice(["N", "S", None]),
                       availability=Availability(unavailable=(
                           MONDAY + timedelta(days=rnd.randint(0, 20)),)))
                 for k in range(5)]
    scenes = []
    for k in range(1, num_scenes + 1):
        light = rnd.choice(["DAY"] * 5 + ["NIGHT", "NIGHT", "DAWN", "DUSK"])
        members = {str(rnd.randint(1, 6)) for _ in range(rnd.randint(1, 3))}
        hours = rnd.choice([0.5, 1, 2, 3, 4, 14]) if k % 9 else 1
        if light == "NIGHT" or hours > 5:
            members.discard("1")  # the minor: no nights, at most 5 h a day
        window: dict[str, Any] = {}
        if k == 7:  # one pin: two random pins may contradict each other
            window["shoot_on"] = MONDAY + timedelta(days=7 * rnd.randint(0, 3) + rnd.randint(0, 4))
        elif rnd.random() < 0.1:
            window["earliest"] = MONDAY + timedelta(days=rnd.randint(0, 20))
        scenes.append(scene(str(k), hours=hours,
                            day_night=light, cast=tuple(sorted(members)),
                            location=rnd.choice(locations).id, **window))
    short = [s for s in scenes if s.est_minutes and s.est_minutes <= 120 and not s.shoot_on]
    pair = rnd.sample(short, 2)
    constraints = [
        rule_of(ConstraintKind.BEFORE, scenes[-1].id, scenes[0].id, scenes[5].id),
        rule_of(ConstraintKind.DIFFERENT_DAY, pair[0].id, pair[1].id),
        rule_of(ConstraintKind.NOT_ON, scenes[2].id, dates=(MONDAY, TUESDAY)),
        rule_of(ConstraintKind.CONSECUTIVE, scenes[10].id, scenes[11].id),
    ]
    # same_day scenes share location and light (two DAWN scenes could never share a day)
    short = [s for s in short if s not in pair]
    same = [s for s in short if s.location == short[0].location
            and s.day_night == short[0].day_night and s.day_night in ("DAY", "NIGHT")][:2]
    if len(same) == 2:
        constraints.append(rule_of(ConstraintKind.SAME_DAY, same[0].id, same[1].id))
    prod = production(scenes, cast=cast, locations=locations, constraints=constraints,
                      crew=[resource("DP", every_day=True,
                                     availability=Availability(unavailable=(WEDNESDAY,)))],
                      max_shoot_days=60, crew_day_cost=3000, company_move_cost=400,
                      overtime_cost_per_hour=200)
    # a pin on a date its cast or location cannot make is bad data, not a test of the board
    unpinned = tuple(s.model_copy(update={"shoot_on": None})
                     if s.shoot_on and not prod.allowed_start_days(s) else s
                     for s in prod.scenes)
    return prod.model_copy(update={"scenes": unpinned})


def checked_random_productions(count: int) -> list[Production]:
    found = []
    for seed in range(count):
        prod = random_production(seed)
        try:
            found.append(prod.check())
        except Exception:  # a seed whose random data the input checks refuse
            continue
    return found


def test_random_boards_are_valid_and_usually_found() -> None:
    productions = checked_random_productions(40)
    boards = [conventional_board(prod) for prod in productions]
    for prod, board in zip(productions, boards, strict=True):
        if board is not None:
            assert validate(prod, board) == []
    assert len(productions) >= 30
    assert sum(board is not None for board in boards) >= 0.9 * len(productions)


def test_squeezed_boards_are_valid_too() -> None:
    # the squeezed deal is the fallback when the sorted board runs long; check it on its own
    found = 0
    for prod in checked_random_productions(20):
        rules = conventional.StaticRules(prod)
        blocks = conventional.build_blocks(prod, strip_sort_keys(prod, rules.allowed_starts),
                                         rules.allowed_starts)
        assert blocks is not None
        order = conventional.placement_order(prod, blocks,
                                           conventional._deadline_priority(prod, blocks))
        assert order is not None
        start_day = conventional._deal_with_redeals(rules, order, packed=True)
        if start_day is not None:
            assert validate(prod, Solution(start_day=start_day)) == []
            found += 1
    assert found >= 15


def test_the_board_is_deterministic_across_hash_seeds() -> None:
    script = (
        "import json;"
        "from tests.test_conventional_board import checked_random_productions;"
        "from scheduler.conventional_board import conventional_board;"
        "boards = [conventional_board(p) for p in checked_random_productions(8)];"
        "print(json.dumps([b and b.start_day for b in boards], sort_keys=True))"
    )
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", script], env=env,
                              capture_output=True, text=True, check=True, cwd=REPO)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert any(board is not None for board in outputs[0])


# ----- generated benchmark productions -----------------------------------------------------------

KINDS = ("feature", "series", "short")


def generator() -> ModuleType:
    if not (REPO / "benchmarks" / "generator.py").exists():
        pytest.skip("benchmarks/generator.py is not in this checkout")
    return importlib.import_module("benchmarks.generator")


def boards_found(kind: str, num_scenes: int, seeds: range) -> int:
    """How many seeds get a board; every board found must be valid."""
    found = 0
    for seed in seeds:
        prod = generator().generate_production(num_scenes, seed, kind)
        board = conventional_board(prod)
        if board is not None:
            assert validate(prod, board) == [], (kind, num_scenes, seed)
            found += 1
    return found


# The generator sizes calendars to the 75-85 % fill of its own packed reference board, so a few
# seeds are tighter than a greedy board can manage; measured: 119 of 120 (10 seeds x 3 kinds x
# 4 sizes), the miss a 30-scene short.
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("num_scenes", [30, 90])
def test_small_generated_productions_get_a_valid_board(kind: str, num_scenes: int) -> None:
    assert boards_found(kind, num_scenes, range(5)) >= 4


@pytest.mark.parametrize("kind", KINDS)
def test_220_scene_productions_get_a_valid_board(kind: str) -> None:
    assert boards_found(kind, 220, range(2)) == 2


def test_a_480_scene_production_gets_a_valid_board() -> None:
    """Tests the board of a 480-scene feature (its speed is the benchmarks' business, not a
    unit test's: about a second on one core)."""
    prod = generator().generate_production(480, 0, "feature")
    board = conventional_board(prod)
    assert board is not None and validate(prod, board) == []


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("num_scenes", [220, 480])
def test_generated_productions_sweep(kind: str, num_scenes: int) -> None:
    assert boards_found(kind, num_scenes, range(10)) >= 9
