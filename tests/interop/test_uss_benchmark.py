"""The machinery of ``benchmarks/uss.py`` on a tiny board written as USS (fast, deterministic);
the full sample's boards are compared by the slow test at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.uss import (
    ComparisonSettings,
    at_board_pace,
    board_production,
    claim_holds,
    compare,
    markdown,
)
from scheduler.config import SolverConfig
from scheduler.data import DayNight, Production
from scheduler.interop.uss import write_uss
from scheduler.solution import Solution
from tests.helpers.productions import actor, place, production, scene
from tests.helpers.uss import FULL_SAMPLE


def six_scenes(night: bool) -> Production:
    """Six one-page scenes, three actors who each work two scenes, one location; with
    ``night``, scenes 5 and 6 are night scenes."""
    cast_of = {"1": "1", "2": "2", "3": "2", "4": "3", "5": "3", "6": "1"}
    return production(
        [scene(sid, 1, cast=(cast_of[sid],), location="A", set_name="HALL",
               eighths=8, day_night=DayNight.NIGHT if night and sid in "56" else DayNight.DAY)
         for sid in "123456"],
        cast=[actor(a) for a in "123"], locations=[place("A")])


# Actor 1 works days 1 and 3 and is held on day 2.
PEOPLE = Solution(start_day={"1": 1, "4": 1, "2": 2, "5": 2, "3": 3, "6": 3})


def written(tmp_path: Path, night: bool) -> Path:
    return write_uss(six_scenes(night), PEOPLE, tmp_path / "six.uss", board_name="people")


def test_the_board_pace_fills_a_standard_day_with_the_average_day(tmp_path: Path) -> None:
    settings = ComparisonSettings()
    paced, board = board_production(written(tmp_path, night=False), "people", settings)
    assert board == PEOPLE and paced.calendar.num_days == 3
    assert {paced.scene_minutes(s) for s in paced.scenes} == {300}  # 2 pages a 10-hour day
    fewer = at_board_pace(paced, Solution(start_day={"1": 1}))
    assert [s.id for s in fewer.scenes] == ["1"] and fewer.scene_minutes(fewer.scenes[0]) == 1800


def test_a_valid_board_is_the_hint_and_ours_holds_nobody(tmp_path: Path) -> None:
    comparison = compare(written(tmp_path, night=False), "people", ComparisonSettings(),
                         SolverConfig(time_limit=5, deterministic=True))
    assert comparison.board.is_valid and comparison.first_search == ""
    assert comparison.board.cast_hold_days == 1
    assert comparison.ours is not None and comparison.ours.is_valid
    assert comparison.ours.cast_hold_days == 0
    assert comparison.ours.cost_by_category["cast"] == 3 * 1000 * 60  # a day each
    assert claim_holds(comparison)
    text = markdown([comparison], "cmd", ComparisonSettings(), 5, 1)
    assert "| people (people) |" in text and "claim holds" in text


def test_a_board_that_breaks_a_rule_gets_a_first_search(tmp_path: Path) -> None:
    """Night scenes 5 and 6 beside day scenes: the board splits days 2 and 3; the first search
    finds a three-day schedule on a longer calendar, which is the hint."""
    comparison = compare(written(tmp_path, night=True), "people",
                         ComparisonSettings(max_day_hours=12),
                         SolverConfig(time_limit=10, deterministic=True))
    assert not comparison.board.is_valid
    assert comparison.first_search.startswith("3 days in")
    assert comparison.ours is not None and comparison.ours.is_valid
    assert comparison.ours.wrap_day <= 3 and claim_holds(comparison)


@pytest.mark.slow
@pytest.mark.skipif(not FULL_SAMPLE.is_file(), reason=f"no USS sample at {FULL_SAMPLE}")
def test_rev_white_ours_beats_the_board() -> None:
    """The shortest board of the sample, as the benchmark runs it (several minutes)."""
    comparison = compare(FULL_SAMPLE, "Rev. WHITE", ComparisonSettings(),
                         SolverConfig(time_limit=300, workers=2))
    assert claim_holds(comparison), markdown([comparison], "test", ComparisonSettings(), 300, 2)
