"""Readers of the talent and movie shoot scheduling formats, and the objective identities:
our total cost differs from each published objective by a constant per instance."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.formats import (
    MovieShootInstance,
    TalentInstance,
    parse_dzn,
    read_hexaly_mss,
    read_mss_dzn,
    read_stuckey,
    read_talent_dzn,
)
from scheduler.rules import Rule
from scheduler.sequencing import is_sequencing_problem
from scheduler.solution import COST_SCALE, Schedule, Solution
from scheduler.validate import validate
from tests.helpers.paths import SHARED

TALENT = SHARED / "benchmarks" / "talent"
needs_shared = pytest.mark.skipif(
    not TALENT.is_dir(), reason=f"benchmark data not found at {TALENT} (the shared folder "
                                "beside the checkout)")
MSS_DZN = TALENT / "movie_shoot_scheduling" / "opthub_mss_dzn"
MSS_TXT = TALENT / "movie_shoot_scheduling" / "hexaly_format_txt"

# The 1-based order of film105 with total cost 849 (SOURCES.md, from a third-party README).
FILM105_ORDER = [2, 1, 11, 17, 14, 7, 12, 18, 10, 4, 13, 16, 3, 9, 15, 6, 5, 8]


def solution_of(instance: TalentInstance, order: list[int]) -> Solution:
    """The schedule of a 0-based scene order: back to back from day 1."""
    start, day = {}, 1
    for scene in order:
        start[str(scene + 1)] = day
        day += instance.durations[scene]
    return Solution(start_day=start)


def schedule_cost(instance: TalentInstance, order: list[int]) -> int:
    """Our total cost (currency) of a valid 0-based scene order of a converted instance."""
    production = instance.to_production()
    solution = solution_of(instance, order)
    assert validate(production, solution) == []
    total = Schedule(production, solution).total_cost
    assert total % COST_SCALE == 0
    return total // COST_SCALE


def valid_random_order(instance: MovieShootInstance, rng: random.Random) -> list[int]:
    """A random order that keeps every precedence."""
    order: list[int] = []
    while len(order) < instance.num_scenes:
        ready = [s for s in range(instance.num_scenes) if s not in order
                 and all(a in order for a, b in instance.precedences if b == s)]
        order.append(rng.choice(ready))
    return order


# ----- parsing --------------------------------------------------------------------------------

def test_parse_dzn_reads_every_form_these_files_use() -> None:
    text = """
    % a comment
    n = 2; /* block
    comment */
    d = [1, 2];
    m = [| 1, 0
         | 0, 1 |];
    r = array2d(1..n, 1..2, [1, 1, 0, 1]);
    sets = [{1, 2}, {}, {3}];
    """
    values = parse_dzn(text)
    assert values["n"] == 2
    assert values["d"] == [1, 2]
    assert values["m"] == [[1, 0], [0, 1]]
    assert values["r"] == [[1, 1], [0, 1]]
    assert values["sets"] == [{1, 2}, set(), {3}]


def test_stuckey_reader_accepts_counts_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two"
    path.write_text("two opti 3\n2 2\n1 1  3\n0 1  1\n\n1 2\n", encoding="utf-8")
    instance = read_stuckey(path)
    assert (instance.num_scenes, instance.num_actors) == (2, 2)
    assert instance.costs == (3, 1)
    assert instance.durations == (1, 2)
    assert instance.cast_of(1) == (0, 1)


def test_stuckey_reader_rejects_a_short_file(tmp_path: Path) -> None:
    path = tmp_path / "short"
    path.write_text("short\n2\n2\n1 1 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected"):
        read_stuckey(path)


@needs_shared
@pytest.mark.parametrize(("name", "scenes", "actors", "days"), [
    ("tiny", 4, 3, 7), ("small", 6, 4, 21), ("concert", 9, 5, 34), ("film105.dat", 18, 8, 20),
    ("MobStory", 28, 8, 28), ("Shaw2020", 20, 20, 45),
])
def test_stuckey_files_have_the_published_sizes(name: str, scenes: int, actors: int,
                                               days: int) -> None:
    instance = read_stuckey(TALENT / "stuckey_format" / name)
    assert (instance.num_scenes, instance.num_actors, sum(instance.durations)) == (
        scenes, actors, days)


@needs_shared
def test_minizinc_copies_hold_the_same_instances_as_the_stuckey_files() -> None:
    for path in sorted((TALENT / "minizinc_benchmarks").rglob("*.dzn")):
        suffix = ".dat" if path.stem.startswith("film1") else ""
        stuckey = read_stuckey(TALENT / "stuckey_format" / (path.stem + suffix))
        minizinc = read_talent_dzn(path)
        assert (minizinc.durations, minizinc.presence, minizinc.costs) == (
            stuckey.durations, stuckey.presence, stuckey.costs), path.name


@needs_shared
def test_scene_sets_numbered_from_one_and_from_zero_are_told_apart() -> None:
    csplib = read_talent_dzn(TALENT / "csplib_prob039" / "rehearsal_smith.dzn")
    one_based = read_talent_dzn(TALENT / "jasonzhangjc" / "rehearsal_Smith.dzn")
    assert one_based.presence == csplib.presence
    assert one_based.durations == csplib.durations
    zero_based = read_talent_dzn(TALENT / "jasonzhangjc" / "input_10_8_5_4.dzn")
    assert (zero_based.num_scenes, zero_based.num_actors) == (8, 10)
    assert zero_based.presence[0] == (True,) * 8  # actor 0 plays scenes {0..7}


@needs_shared
def test_mss5_has_the_published_shape() -> None:
    instance = read_mss_dzn(MSS_DZN / "mss5.dzn")
    assert (instance.num_scenes, instance.num_actors) == (5, 3)
    assert len(instance.location_costs) == 3
    assert instance.precedences == ((1, 0), (3, 0), (1, 3))
    assert sum(instance.durations) == 20


@needs_shared
@pytest.mark.parametrize("size", [5, 10, 12, 15, 20, 30, 50, 100, 200, 300])
def test_hexaly_text_and_dzn_hold_the_same_mss_instance(size: int) -> None:
    dzn = read_mss_dzn(MSS_DZN / f"mss{size}.dzn", "x")
    text = read_hexaly_mss(MSS_TXT / f"movie{size}.txt", "x")
    assert dzn == text


# ----- translation ----------------------------------------------------------------------------

@needs_shared
def test_translation_makes_every_scene_fill_its_days_alone() -> None:
    instance = read_stuckey(TALENT / "stuckey_format" / "concert")
    production = instance.to_production()
    assert [production.scene_days(s) for s in production.scenes] == list(instance.durations)
    assert production.calendar.num_days == sum(instance.durations)
    assert [c.daily_rate for c in production.cast] == list(instance.costs)
    assert is_sequencing_problem(production)


@needs_shared
def test_mss_translation_has_locations_and_before_constraints() -> None:
    production = read_mss_dzn(MSS_DZN / "mss10.dzn").to_production()
    assert [loc.move_in_cost for loc in production.locations] == [0, 38, 16, 8, 16]
    assert all(loc.daily_fee == 0 for loc in production.locations)
    assert [c.scenes for c in production.constraints] == [("9", "10"), ("1", "7"), ("6", "4")]
    assert is_sequencing_problem(production)


# ----- objective identities -------------------------------------------------------------------

@needs_shared
def test_the_published_film105_order_costs_849_in_our_schedule() -> None:
    instance = read_stuckey(TALENT / "stuckey_format" / "film105.dat")
    order = [k - 1 for k in FILM105_ORDER]
    assert instance.total_cost(order) == 849
    assert schedule_cost(instance, order) == 849


@needs_shared
def test_csplib_example_order_waits_49_units() -> None:
    """CSPLib prob039: playing the rehearsal pieces in order 1..9 gives 49 units of waiting."""
    instance = read_talent_dzn(TALENT / "csplib_prob039" / "rehearsal_smith.dzn")
    order = list(range(9))
    assert schedule_cost(instance, order) - instance.idle_offset == 49


@needs_shared
@pytest.mark.parametrize("name", ["tiny", "small", "concert", "film-10", "Warwick1201"])
def test_our_cost_is_the_talent_total_cost_for_any_order(name: str) -> None:
    instance = read_stuckey(TALENT / "stuckey_format" / name)
    rng = random.Random(7)
    for _ in range(5):
        order = list(range(instance.num_scenes))
        rng.shuffle(order)
        assert schedule_cost(instance, order) == instance.total_cost(order)


@needs_shared
def test_mss5_hand_computed_order_costs_the_optimum_9() -> None:
    """Order 2,4,1,3,5: location 1 is visited twice but costs 0; actor 2 (rate 1) waits 9 days
    between scenes 4 and 5; the other actors never wait."""
    instance = read_mss_dzn(MSS_DZN / "mss5.dzn")
    order = [1, 3, 0, 2, 4]
    assert instance.mss_cost(order) == 9
    assert schedule_cost(instance, order) - instance.mss_offset == 9


@needs_shared
@pytest.mark.parametrize("name", ["mss5", "mss10", "mss20"])
def test_our_cost_minus_the_constant_is_the_mss_objective(name: str) -> None:
    instance = read_mss_dzn(MSS_DZN / f"{name}.dzn")
    rng = random.Random(3)
    for _ in range(5):
        order = valid_random_order(instance, rng)
        assert schedule_cost(instance, order) - instance.mss_offset == instance.mss_cost(order)


@needs_shared
def test_an_order_against_a_precedence_breaks_the_before_rule() -> None:
    instance = read_mss_dzn(MSS_DZN / "mss5.dzn")
    production = instance.to_production()
    order = [0, 1, 2, 3, 4]  # scene 1 must come after scenes 2 and 4 (1-based)
    rules = {v.rule for v in validate(production, solution_of(instance, order))}
    assert rules == {Rule.BEFORE}
