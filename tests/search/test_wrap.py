"""The wrap phase: compressions alone pull the wrap day in before the search proper."""

from __future__ import annotations

from scheduler.bounds import lower_bound
from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.search import NeighbourhoodSearch, pack_calendar
from scheduler.solution import Schedule
from scheduler.validate import validate

CONFIG = SolverConfig(deterministic=True, time_limit=1)


def test_the_indie_example_wraps_earlier_and_cheaper(indie_feature: Production) -> None:
    """Tests that compressions take the indie example's packed calendar in by at least a day,
    never below the bound's least wrap day, into a valid and cheaper schedule."""
    packing = pack_calendar(indie_feature)
    assert packing is not None and packing.is_valid
    first = Schedule(indie_feature, packing.solution)
    least = lower_bound(indie_feature).min_wrap_day
    search = NeighbourhoodSearch(indie_feature, CONFIG)
    pulled = Schedule(indie_feature, search.pull_in_wrap(packing.solution, 5, least))
    assert validate(indie_feature, pulled.solution) == []
    assert least <= pulled.wrap_day < first.wrap_day
    assert pulled.total_cost < first.total_cost


def test_nothing_is_tried_at_the_least_wrap_day(indie_feature: Production) -> None:
    """Tests that a schedule already at the least wrap day comes back as it is, no step
    taken."""
    packing = pack_calendar(indie_feature)
    assert packing is not None
    wrap = Schedule(indie_feature, packing.solution).wrap_day
    search = NeighbourhoodSearch(indie_feature, CONFIG)
    assert search.pull_in_wrap(packing.solution, 5, least_wrap=wrap) == packing.solution
    assert sum(search.report.steps.values()) == 0
