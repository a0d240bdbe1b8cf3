"""The large-neighbourhood search: it keeps schedules valid, only ever lowers the cost, repeats
itself in deterministic mode, stops when asked, and prices risk when given a price."""

from __future__ import annotations

import random
import threading

from benchmarks.generator import generate
from scheduler.config import SolverConfig
from scheduler.result import Progress
from scheduler.risk_price import RiskPrice
from scheduler.search import NeighbourhoodSearch, pack_calendar
from scheduler.search.neighbourhoods import KINDS, NeighbourhoodMaker
from scheduler.solution import Schedule, Solution
from scheduler.validate import validate
from tests.helpers.productions import synthetic_production

DETERMINISTIC = SolverConfig(deterministic=True, seed=3)


def _start(size: int = 60, seed: int = 2) -> tuple[object, Solution]:
    prod = generate(size, seed, "feature", planted=True).production
    packing = pack_calendar(prod)
    assert packing is not None and packing.is_valid
    return prod, packing.solution


def test_the_search_keeps_the_schedule_valid_and_never_dearer() -> None:
    """Tests that the schedule the search returns breaks no rule and costs no more than the
    one it started from, and that progress reports only ever go down."""
    prod, start = _start()
    reports: list[Progress] = []
    search = NeighbourhoodSearch(prod, DETERMINISTIC, on_progress=reports.append)
    best = search.improve(start, 3.0)
    assert validate(prod, best) == []
    assert Schedule(prod, best).total_cost <= Schedule(prod, start).total_cost
    costs = [report.objective for report in reports]
    assert costs == sorted(costs, reverse=True)
    assert sum(search.report.steps.values()) > 0


def test_the_deterministic_search_repeats_itself() -> None:
    """Tests that one worker, a fixed seed and deterministic time give the same schedule."""
    prod, start = _start(40, 3)
    first = NeighbourhoodSearch(prod, DETERMINISTIC).improve(start, 1.5)
    second = NeighbourhoodSearch(prod, DETERMINISTIC).improve(start, 1.5)
    assert first == second


def test_a_stop_ends_the_search_with_the_best_so_far() -> None:
    """Tests that a stop set before the search returns the valid start at once."""
    prod, start = _start(40, 5)
    stop = threading.Event()
    stop.set()
    best = NeighbourhoodSearch(prod, DETERMINISTIC, stop=stop).improve(start, 30.0)
    assert best == start


def test_priced_risk_is_weighed_with_the_cost() -> None:
    """Tests that with risk priced the search lowers cost plus priced risk, and that the price
    of a schedule is what the CP model charges for it."""
    prod, start = _start(40, 6)
    weights = {scene.id: 50 for scene in prod.scenes}
    price = RiskPrice(weights=weights, knee=100, price=5_000, move_price=1_000)
    search = NeighbourhoodSearch(prod, DETERMINISTIC, risk=price)
    before = search.value_of(Schedule(prod, start))
    best = search.improve(start, 2.0)
    assert validate(prod, best) == []
    assert search.value_of(Schedule(prod, best)) <= before


def test_neighbourhoods_offer_allowed_days_only() -> None:
    """Tests every kind of neighbourhood: each free scene's candidates are among its allowed
    start days and include its current day; same_day and consecutive partners move together."""
    prod = synthetic_production(40, seed=7)
    packing = pack_calendar(prod)
    assert packing is not None and packing.is_valid
    schedule = Schedule(prod, packing.solution)
    maker = NeighbourhoodMaker(prod, random.Random(1))
    allowed = {scene.id: set(prod.allowed_start_days(scene)) for scene in prod.scenes}
    for kind in KINDS:
        for size in (4, 12, 30):
            neighbourhood = maker.make(kind, schedule, size)
            if neighbourhood is None:
                continue
            for scene_id, days in neighbourhood.starts.items():
                current = packing.solution.start_day[scene_id]
                assert current in days or kind == "compress", (kind, scene_id)
                assert days - {current} <= allowed[scene_id], (kind, scene_id)
            for partners in maker.partners.values():
                free = {sid for sid in partners if len(neighbourhood.starts.get(sid, ())) > 1}
                assert not free or free == partners & set(neighbourhood.starts) or kind in (
                    "compress",)
