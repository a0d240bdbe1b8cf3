"""The issue's acceptance floor: each common disruption, on the examples and on generated 90-
and 220-scene productions, re-planned from a third of the way through the shoot with one frozen
day.

Each: every shot scene stays on its date, the frozen day keeps its scenes, ``validate`` passes
against the edited production (the re-plan's own for a half-shot scene, whose rest is a new
scene), the change report lists exactly the scenes that moved, and the re-plan moves at most
half as many scenes as a from-scratch plan of the same remaining work.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest

from benchmarks.disruptions import DISRUPTIONS
from benchmarks.generator import generate
from scheduler.config import SolverConfig
from scheduler.conventional_board import conventional_board
from scheduler.data import Production
from scheduler.replan import CurrentSchedule, replan
from scheduler.replan.changes import revised_dates
from scheduler.replan.deadline import Deadline
from scheduler.solution import Schedule
from scheduler.validate import validate

CONFIG = SolverConfig(deterministic=True, time_limit=2)
# The wall-clock deadline of each re-plan is four times its deterministic limit (as CP-SAT's
# own wall-clock cap in deterministic mode), so that on a busy machine the search, not the
# load, mostly decides the outcome (benchmarks.replan holds the re-plan to its own time limit).


def third_of_the_way(current: Mapping[str, date]) -> date:
    dates = sorted(set(current.values()))
    return dates[len(dates) // 3]


def check_replan(production: Production, current: Mapping[str, date], name: str,
                 config: SolverConfig = CONFIG) -> None:
    """Re-plan after disruption ``name`` and check the acceptance floor."""
    replan_from = third_of_the_way(current)
    edited, progress = DISRUPTIONS[name](production, current, replan_from)
    outcome = replan(edited, CurrentSchedule(current), replan_from, progress=progress,
                     config=config, deadline=Deadline(4 * config.time_limit))
    solution = outcome.result.solution
    assert solution is not None and outcome.report is not None, outcome.result.conflicts
    dates = revised_dates(outcome.production, solution)
    assert outcome.prepared.shot and all(dates[s] == current[s] for s in outcome.prepared.shot)
    assert outcome.prepared.frozen
    assert all(dates[s] == current[s] for s in outcome.prepared.frozen)
    assert validate(edited if not progress else outcome.production, solution) == []
    moved = {s for s, when in dates.items() if s in current and when != current[s]}
    assert set(outcome.report.moved_scene_ids) == moved
    assert len(outcome.report.moved_scene_ids) == len(moved)  # each listed once
    scratch = outcome.from_scratch
    if scratch is not None:  # none made when the current plan still stands (nothing moves)
        assert scratch.solution is not None
        scratch_moved = len(Schedule(outcome.production, scratch.solution).moved_scenes)
        assert 2 * len(moved) <= scratch_moved, (len(moved), scratch_moved)
    else:
        assert not moved


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DISRUPTIONS))
def test_disruptions_on_a_generated_90_scene_feature(name: str) -> None:
    """Tests each disruption on ``generate(90, 1)``, its reference board the current plan."""
    generated = generate(90, 1, "feature")
    current = revised_dates(generated.production, generated.reference)
    check_replan(generated.production, current, name)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DISRUPTIONS))
def test_disruptions_on_a_generated_220_scene_feature(name: str) -> None:
    """Tests each disruption on ``generate(220, 1)``, its reference board the current plan
    (the warm start inserts what the disruption displaced, so 2 s suffice here too)."""
    generated = generate(220, 1, "feature")
    current = revised_dates(generated.production, generated.reference)
    check_replan(generated.production, current, name)


# The indie feature's conventional board fills its calendar: with two scenes added, one may
# start on three days only (full, or after a night) and the other needs the minor, whose hours
# are used up on most days, so no day takes either without a chain of moves.  A 2 s limit is
# too short for that search (47 moves against 55 from scratch, measured 2026-12-06); at 10 s
# (the production's own default is 60 s) it moved 19-23 against 55-56.  So these re-plans get
# 10 s, every disruption alike.
INDIE_CONFIG = SolverConfig(deterministic=True, time_limit=10)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DISRUPTIONS))
def test_disruptions_on_the_indie_feature(indie_feature: Production, name: str) -> None:
    """Tests each disruption on the indie feature example, its conventional board the
    current plan."""
    board = conventional_board(indie_feature)
    assert validate(indie_feature, board) == []
    check_replan(indie_feature, revised_dates(indie_feature, board), name, INDIE_CONFIG)
