"""Tighter first schedules: packed into fewer shoot days, repaired within the horizon."""

from __future__ import annotations

from scheduler.bounds import lower_bound
from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.search import NeighbourhoodSearch, pack_calendar, tighter_schedules
from scheduler.solution import Schedule
from scheduler.validate import validate


def test_the_indie_example_packs_into_fewer_days(indie_feature: Production) -> None:
    """Tests that tightening the indie example's packing gives valid schedules, each wrapping
    earlier than the one before, none before the bound's least wrap day, and at least one
    cheaper than the first packing (its crew days are most of its cost)."""
    prod = indie_feature
    packing = pack_calendar(prod)
    assert packing is not None and packing.is_valid
    first = Schedule(prod, packing.solution)
    least = lower_bound(prod).min_wrap_day
    search = NeighbourhoodSearch(prod, SolverConfig(deterministic=True, time_limit=1))
    tighter = list(tighter_schedules(prod, search, first.wrap_day, least, time_limit=30))
    assert tighter, "no tighter schedule"
    wraps = [Schedule(prod, solution).wrap_day for solution in tighter]
    assert wraps == sorted(wraps, reverse=True) and wraps[0] < first.wrap_day
    assert min(wraps) >= least
    for solution in tighter:
        assert validate(prod, solution) == []
    assert min(Schedule(prod, s).total_cost for s in tighter) < first.total_cost


def test_nothing_is_tried_below_the_least_wrap_day(indie_feature: Production) -> None:
    """Tests that a first schedule already at the least wrap day is not tightened."""
    prod = indie_feature
    search = NeighbourhoodSearch(prod, SolverConfig(deterministic=True, time_limit=1))
    assert list(tighter_schedules(prod, search, 18, 18, time_limit=30)) == []
