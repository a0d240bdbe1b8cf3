"""The example workbooks: present, equal to what ``make_examples`` builds, and shootable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.generator import reference_board, summarize
from examples.make_examples import (
    INDIE_FEATURE_PATH,
    SHORT_FILM_PATH,
    eighths,
    indie_feature,
    short_film,
)
from scheduler.config import SolverConfig
from scheduler.data import IntExt, Production
from scheduler.excel.reader import read_workbook
from scheduler.solve import solve
from scheduler.validate import evaluate, validate

EXAMPLES: dict[str, tuple[Callable[[], Production], Path]] = {
    "short_film": (short_film, SHORT_FILM_PATH),
    "indie_feature": (indie_feature, INDIE_FEATURE_PATH),
}


@pytest.fixture(scope="module")
def built() -> dict[str, Production]:
    return {name: build() for name, (build, _) in EXAMPLES.items()}


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_workbook_reads_back_to_what_make_examples_builds(
    built: dict[str, Production], name: str
) -> None:
    _, path = EXAMPLES[name]

    assert path.exists(), f"run `uv run python examples/make_examples.py` to write {path.name}"
    assert read_workbook(path).to_json() == built[name].to_json()


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_reference_board_breaks_no_rule(built: dict[str, Production], name: str) -> None:
    production = built[name]

    assert validate(production, reference_board(production)) == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_calendar_leaves_room_for_a_better_schedule(
    built: dict[str, Production], name: str
) -> None:
    assert 0.72 <= summarize(built[name]).capacity_use <= 0.85


def test_the_short_film_is_a_two_week_shoot_with_a_minor_and_a_stunt_night(
    built: dict[str, Production],
) -> None:
    production = built["short_film"]
    calendar = production.calendar
    minors = [m for m in production.cast if m.minor]

    assert len(production.scenes) == 30
    assert (calendar.dates[-1] - calendar.dates[0]).days < 14
    assert calendar.num_days == 9  # two Mon-Fri weeks less Memorial Day
    assert len(minors) == 1 and minors[0].max_minutes is not None
    assert 5 <= len(production.locations) <= 6
    assert any(s.is_night and s.int_ext is IntExt.EXT for s in production.scenes)
    assert any(s.has_tag("stunt") and s.is_night for s in production.scenes)
    assert len(production.constraints) >= 3


def test_the_indie_feature_has_limited_cast_and_continuity_rules(
    built: dict[str, Production],
) -> None:
    production = built["indie_feature"]
    windowed = [
        m for m in production.cast if m.availability.available_from or m.availability.available_to
    ]

    assert len(production.scenes) == 90
    assert 20 <= production.calendar.num_days <= 25
    assert any(m.minor for m in production.cast)
    assert len(windowed) >= 5
    assert any(s.is_night and s.int_ext is IntExt.EXT for s in production.scenes)
    assert sum(s.has_tag("stunt") for s in production.scenes) >= 2
    assert len({c.kind for c in production.constraints}) == 5
    assert len({loc.zone for loc in production.locations}) == 2


def test_the_solver_finds_a_valid_short_film_schedule_no_dearer_than_the_reference(
    built: dict[str, Production],
) -> None:
    production = built["short_film"]
    reference_cost = evaluate(production, reference_board(production)).total_cost

    result = solve(production, SolverConfig(time_limit=10, deterministic=True))

    assert result.solution is not None
    evaluation = evaluate(production, result.solution)
    assert evaluation.is_valid
    assert evaluation.total_cost <= reference_cost


@pytest.mark.parametrize(("pages", "expected"), [("1 3/8", 11), ("5/8", 5), ("2", 16)])
def test_page_counts_are_read_in_eighths(pages: str, expected: int) -> None:
    assert eighths(pages) == expected


def test_a_page_count_in_other_fractions_is_refused() -> None:
    with pytest.raises(ValueError, match="eighths"):
        eighths("1 1/3")
