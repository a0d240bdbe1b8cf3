"""The dedicated sequencing search: exactness against brute force, admissible bounds, exact move
costs, and the published optima of the talent and movie shoot scheduling instances."""

from __future__ import annotations

import itertools
import random
import threading

import pytest

from benchmarks.formats import MovieShootInstance, TalentInstance, read_mss_dzn, read_stuckey
from scheduler.data import Production
from scheduler.sequencing import sequencing_problem, solve_sequencing
from scheduler.sequencing.bounds import Bounds
from scheduler.sequencing.exact import NO_LOCATION
from scheduler.sequencing.heuristic import LocalSearch, greedy_order
from scheduler.sequencing.problem import SequencingProblem
from scheduler.sequencing.reduce import reduce_problem
from scheduler.solution import COST_SCALE, Schedule
from scheduler.validate import validate
from tests.helpers.paths import SHARED

TALENT = SHARED / "benchmarks" / "talent"
needs_shared = pytest.mark.skipif(
    not TALENT.is_dir(), reason=f"benchmark data not found at {TALENT} (the shared folder "
                                "beside the checkout)")
MSS_DZN = TALENT / "movie_shoot_scheduling" / "opthub_mss_dzn"


def random_instance(seed: int, locations: bool) -> MovieShootInstance:
    """A small random instance, with duplicate scenes now and then (to exercise merging)."""
    rng = random.Random(seed)
    scenes, actors = rng.randint(3, 7), rng.randint(1, 5)
    density = rng.choice([0.3, 0.5, 0.7])
    presence = [[rng.random() < density for _ in range(scenes)] for _ in range(actors)]
    if scenes > 3 and rng.random() < 0.5:
        for row in presence:
            row[1] = row[0]
    num_locations = rng.randint(1, 3) if locations else 1
    precedences: list[tuple[int, int]] = []
    if locations:
        for _ in range(rng.randint(0, 2)):
            a, b = rng.sample(range(scenes), 2)
            if (b, a) not in precedences and a < b:
                precedences.append((a, b))
    return MovieShootInstance(
        name=f"random{seed}",
        durations=tuple(rng.choice([1, 1, 2, 3]) for _ in range(scenes)),
        presence=tuple(tuple(row) for row in presence),
        costs=tuple(rng.choice([1, 2, 5, 10, 40]) for _ in range(actors)),
        location_costs=tuple(rng.choice([0, 3, 20]) for _ in range(num_locations)),
        scene_locations=tuple(rng.randrange(num_locations) for _ in range(scenes)),
        precedences=tuple(precedences),
    )


def brute_force(instance: MovieShootInstance) -> int:
    """Cheapest MSS objective over every order that keeps the precedences."""
    best = None
    for order in itertools.permutations(range(instance.num_scenes)):
        position = {s: k for k, s in enumerate(order)}
        if any(position[a] > position[b] for a, b in instance.precedences):
            continue
        cost = instance.mss_cost(list(order))
        best = cost if best is None else min(best, cost)
    assert best is not None
    return best


def random_problem(seed: int) -> SequencingProblem:
    rng = random.Random(seed)
    n, members, places = rng.randint(2, 8), rng.randint(1, 5), rng.randint(1, 4)
    return SequencingProblem(
        scene_ids=tuple(str(k) for k in range(n)),
        durations=tuple(rng.randint(1, 3) for _ in range(n)),
        members=tuple(rng.randrange(1 << members) for _ in range(n)),
        rates=tuple(rng.randint(1, 9) for _ in range(members)),
        locations=tuple(rng.randrange(places) for _ in range(n)),
        visit_costs=tuple(rng.randint(0, 9) for _ in range(places)),
        predecessors=(0,) * n,
    )


# ----- exactness ------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(40))
def test_search_finds_the_brute_force_optimum(seed: int) -> None:
    instance = random_instance(seed, locations=seed % 2 == 1)
    production = instance.to_production()
    result = solve_sequencing(production, time_limit=10)
    assert result.optimal
    assert result.cost_units == result.lower_bound
    assert result.cost_units // COST_SCALE - instance.mss_offset == brute_force(instance)
    assert validate(production, result.solution) == []
    assert Schedule(production, result.solution).total_cost == result.cost_units


@pytest.mark.parametrize("seed", range(30))
def test_bounds_never_exceed_what_the_rest_costs(seed: int) -> None:
    problem = random_problem(seed)
    bounds = Bounds(problem)
    n = problem.size
    rng = random.Random(seed)
    for _ in range(5):
        done = rng.randrange(1 << n)
        head = [s for s in range(n) if done >> s & 1]
        tail = [s for s in range(n) if not done >> s & 1]
        rng.shuffle(head)
        last = problem.locations[head[-1]] if head else NO_LOCATION
        # What the best completion of this head adds beyond the constant part.
        best = min(problem.cost(head + list(rest)) for rest in itertools.permutations(tail))
        rest_cost = best - problem.fixed_cost - _head_part(problem, head, tail)
        assert bounds.bound(done, last) <= rest_cost


def _head_part(problem: SequencingProblem, head: list[int], tail: list[int]) -> int:
    """Hold and visit cost of the head scenes themselves (fixed once the head is shot)."""
    total, members_done, last = 0, 0, NO_LOCATION
    remaining = set(head) | set(tail)
    for scene in head:
        needed = 0
        for other in remaining:
            needed |= problem.members[other]
        held = members_done & needed & ~problem.members[scene]
        total += problem.durations[scene] * problem.weight(held)
        if problem.locations[scene] != last:
            total += problem.visit_costs[problem.locations[scene]]
        members_done |= problem.members[scene]
        last = problem.locations[scene]
        remaining.discard(scene)
    return total


@pytest.mark.parametrize("seed", range(20))
def test_block_move_costs_are_exact(seed: int) -> None:
    problem = random_problem(seed)
    search = LocalSearch(problem, seed)
    order = list(range(problem.size))
    random.Random(seed).shuffle(order)
    for index in range(problem.size):
        for length in range(1, problem.size - index + 1):
            first_gap, current, costs = search.gap_costs(order, index, length)
            constant = problem.cost(order) - costs[current - first_gap]
            for offset, cost in enumerate(costs):
                gap = first_gap + offset
                rest = order[:index] + order[index + length:]
                moved = rest[:gap] + order[index:index + length] + rest[gap:]
                assert problem.cost(moved) == constant + cost


def test_merging_keeps_every_scene_and_shrinks_duplicates() -> None:
    problem = SequencingProblem(
        scene_ids=("a", "b", "c", "d"), durations=(1, 2, 1, 1),
        members=(0b011, 0b011, 0b110, 0b100), rates=(1, 2, 3), locations=(0, 0, 0, 0),
        visit_costs=(0,), predecessors=(0, 0, 0, 0))
    reduction = reduce_problem(problem)
    assert reduction.problem.size == 3  # a and b merge; d's member 2 is shared with c
    assert sorted(reduction.expand(list(range(reduction.problem.size)))) == [0, 1, 2, 3]
    order = greedy_order(reduction.problem)
    assert problem.cost(reduction.expand(order)) == reduction.problem.cost(order) + \
        reduction.offset


def test_a_set_stop_signal_still_returns_a_valid_schedule() -> None:
    instance = random_instance(5, locations=True)
    production = instance.to_production()
    stop = threading.Event()
    stop.set()
    result = solve_sequencing(production, time_limit=30, stop=stop)
    assert validate(production, result.solution) == []
    assert result.lower_bound <= result.cost_units


def test_not_a_sequencing_problem_is_refused() -> None:
    instance = TalentInstance("two", (1, 1), ((True, True),), (1,))
    production = instance.to_production()
    loose = Production(
        settings=production.settings.model_copy(update={"max_shoot_days": 5}),
        scenes=production.scenes, cast=production.cast)
    with pytest.raises(ValueError, match="calendar"):
        solve_sequencing(loose, time_limit=1)


# ----- published instances --------------------------------------------------------------------

def _talent_value(name: str, time_limit: float) -> tuple[int, bool]:
    instance = read_stuckey(TALENT / "stuckey_format" / name)
    production = instance.to_production()
    result = solve_sequencing(production, time_limit)
    assert validate(production, result.solution) == []
    return result.cost_units // COST_SCALE, result.optimal


@needs_shared
@pytest.mark.parametrize(("name", "optimum"), [
    ("tiny", 29), ("tiny2", 9), ("small", 54), ("small2", 56), ("concert", 111),
    ("film-10", 352), ("film-12", 401),
])
def test_small_talent_instances_are_proven_at_the_published_optimum(name: str,
                                                                    optimum: int) -> None:
    assert _talent_value(name, 20) == (optimum, True)


@needs_shared
@pytest.mark.parametrize(("name", "optimum"), [("mss5", 9), ("mss10", 128), ("mss12", 43)])
def test_small_mss_instances_are_proven_at_their_exact_optimum(name: str, optimum: int) -> None:
    instance = read_mss_dzn(MSS_DZN / f"{name}.dzn")
    result = solve_sequencing(instance.to_production(), 20)
    assert result.optimal
    assert result.cost_units // COST_SCALE - instance.mss_offset == optimum


@pytest.mark.slow
@needs_shared
@pytest.mark.parametrize(("name", "optimum"), [
    ("film103.dat", 1031), ("film105.dat", 849), ("film114.dat", 867), ("film116.dat", 541),
    ("film117.dat", 913), ("film118.dat", 853), ("film119.dat", 790), ("MobStory", 871),
    ("Warwick1201", 222), ("Shaw2020", 877),
])
def test_every_classic_talent_instance_is_proven_within_a_minute(name: str,
                                                                 optimum: int) -> None:
    """film117 has no published optimum; 913 is the value of the data collection's DP."""
    assert _talent_value(name, 60) == (optimum, True)


@pytest.mark.slow
@needs_shared
@pytest.mark.parametrize(("name", "optimum"), [("mss15", 910), ("mss20", 774)])
def test_medium_mss_instances_are_proven(name: str, optimum: int) -> None:
    instance = read_mss_dzn(MSS_DZN / f"{name}.dzn")
    result = solve_sequencing(instance.to_production(), 60)
    assert result.optimal
    assert result.cost_units // COST_SCALE - instance.mss_offset == optimum


@pytest.mark.slow
@needs_shared
def test_a_large_mss_instance_gets_a_valid_schedule_and_a_bound() -> None:
    instance = read_mss_dzn(MSS_DZN / "mss100.dzn")
    production = instance.to_production()
    problem = sequencing_problem(production)
    result = solve_sequencing(production, 20)
    assert validate(production, result.solution) == []
    assert result.lower_bound <= result.cost_units
    order = [problem.scene_ids.index(scene_id) for scene_id in result.order]
    assert problem.cost(order) < problem.cost(greedy_order(problem))
