"""The synthetic production generator: seeded, checked, feasible by its reference board.

Every generated production must pass ``Production.check()`` and its reference board must break
no rule by ``validate``: that board is the proof that the production can be shot.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from benchmarks.generator import (
    KINDS,
    GeneratedProduction,
    generate,
    generate_production,
    main,
    reference_board,
    summarize,
    us_holidays,
)
from scheduler.data import Billing, ConstraintKind, DayNight, Production
from scheduler.excel.reader import read_workbook
from scheduler.validate import validate
from tests.helpers.paths import REPOSITORY as REPO
from tests.helpers.productions import actor, place, scene
from tests.helpers.productions import production as factory_production

SIZES = (30, 90, 220, 480)
# The capacity target is 75-85 % of the calendar's standard hours; the reference board may need
# a few more days than that on small productions (a handful of locations fragments the days).
CAPACITY_USE = {30: (0.6, 0.86), 90: (0.72, 0.86), 220: (0.72, 0.86), 480: (0.72, 0.86)}


Generated = dict[tuple[str, int], GeneratedProduction]


@pytest.fixture(scope="module")
def generated() -> Generated:
    """One production per kind and size (seed 11), generated once for the module."""
    return {(kind, n): generate(n, 11, kind) for kind in KINDS for n in SIZES}


def test_the_same_seed_gives_the_same_production() -> None:
    first = generate_production(90, 5, "feature").to_json()
    assert generate_production(90, 5, "feature").to_json() == first
    assert generate_production(90, 6, "feature").to_json() != first


def test_the_same_seed_gives_the_same_production_in_another_process() -> None:
    """No draw depends on the order of a set of strings (which changes with the hash seed)."""
    script = (
        "from benchmarks.generator import generate; g = generate(90, 5, 'series'); "
        "print(g.production.to_json(), sorted(g.reference.start_day.items()))"
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        ).stdout
        for hash_seed in ("1", "2")
    ]

    assert outputs[0] == outputs[1]
    assert outputs[0].startswith("{")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("num_scenes", SIZES)
def test_every_size_generates_and_passes_the_checks(kind: str, num_scenes: int) -> None:
    """Tests each size and kind: the scenes asked for, and a production that passes its checks."""
    production = generate_production(num_scenes, 3, kind)
    assert len(production.scenes) == num_scenes
    assert production.check() is production


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("num_scenes", SIZES)
def test_the_reference_board_breaks_no_rule(
    generated: Generated, kind: str, num_scenes: int
) -> None:
    result = generated[(kind, num_scenes)]

    assert validate(result.production, result.reference) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("num_scenes", SIZES)
def test_the_calendar_leaves_slack_for_a_good_schedule(
    generated: Generated, kind: str, num_scenes: int
) -> None:
    result = generated[(kind, num_scenes)]
    summary = summarize(result.production)
    low, high = CAPACITY_USE[num_scenes]
    wrap = max(
        result.reference.start_day[s.id] + result.production.scene_days(s) - 1
        for s in result.production.scenes
    )

    assert low <= summary.capacity_use <= high
    assert wrap <= summary.shoot_days


def test_page_counts_read_like_a_script(generated: Generated) -> None:
    production = generated[("feature", 480)].production
    lengths = [s.eighths for s in production.scenes]

    assert min(lengths) >= 1
    assert max(lengths) <= 5 * 8
    assert 6 <= statistics.median(lengths) <= 16  # a page or so: mostly under two pages


def test_a_feature_has_what_a_line_producer_expects(generated: Generated) -> None:
    production: Production = generated[("feature", 220)].production
    scenes = production.scenes
    minors = [m for m in production.cast if m.minor]
    rates = sorted(m.daily_rate for m in production.cast)
    stunts = [s for s in scenes if s.has_tag("stunt")]

    assert len(minors) == 1 and minors[0].max_minutes == 5 * 60
    assert all(not s.is_night for s in production.cast_scenes(minors[0].id))
    assert any(s.is_night and s.int_ext.value != "INT" for s in scenes)
    assert stunts and all("STUNT" in s.crew for s in stunts)
    assert production.crew_by_id["STUNT"].billing is Billing.DAY
    assert {m.id for m in production.every_day_crew} == {"DIR", "DP"}
    assert production.equipment_by_id["CRANE"].billing is Billing.SPAN
    assert production.equipment_by_id["DRONE"].billing is Billing.DAY
    assert any(s.has_tag("vehicle") for s in scenes) and any(s.has_tag("animal") for s in scenes)
    assert any(production.is_multi_day(s) for s in scenes)
    assert any(s.est_minutes is not None and not production.is_multi_day(s) for s in scenes)
    assert {c.kind for c in production.constraints} == set(ConstraintKind)
    assert any(s.shoot_on for s in scenes) and any(s.earliest or s.latest for s in scenes)
    assert len({loc.zone for loc in production.locations}) >= 2
    assert any(
        m.availability.available_from or m.availability.available_to for m in production.cast
    )
    assert rates[-1] >= 1_500 and rates[0] >= 300
    assert production.settings.crew_day_cost >= 10_000
    calendar = production.calendar
    assert any(calendar.dates[0] < h < calendar.dates[-1] for h in production.settings.holidays)


def test_a_series_cross_boards_several_episodes(generated: Generated) -> None:
    production = generated[("series", 480)].production
    episodes = {s.id.split("-")[0] for s in production.scenes}

    assert len(episodes) >= 10
    assert all(
        s.synopsis.startswith("Ep ") and s.story_day.startswith("Ep ") for s in production.scenes
    )
    assert production.settings.work_week == (0, 1, 2, 3, 4)


def test_windows_leave_room_to_move(generated: Generated) -> None:
    """Cast windows contain their reference days with a margin, not exactly them."""
    result = generated[("feature", 220)]
    production = result.production
    widened = 0
    for member in production.cast:
        window = member.availability
        if window.available_from is None or window.available_to is None:
            continue
        allowed = [
            d for d in production.calendar.days if window.allows(production.calendar.date_of(d))
        ]
        worked = {result.reference.start_day[s.id] for s in production.cast_scenes(member.id)}
        widened += len(allowed) > len(worked)

    assert widened >= 3


def test_us_holidays_are_observed_on_weekdays() -> None:
    holidays = us_holidays(2026)

    assert date(2026, 7, 3) in holidays  # 4 July 2026 is a Saturday
    assert date(2026, 5, 25) in holidays  # Memorial Day: last Monday of May
    assert date(2026, 11, 26) in holidays  # Thanksgiving: fourth Thursday of November
    assert all(h.weekday() < 5 for h in holidays)


def test_reference_board_refuses_a_calendar_too_short() -> None:
    production = factory_production(
        [scene("1", 8, location="A"), scene("2", 8, location="B")],
        locations=[place("A"), place("B")],
        cast=[actor("1")],
        max_shoot_days=1,
    )

    with pytest.raises(ValueError, match="calendar"):
        reference_board(production)


def test_reference_board_keeps_the_night_for_the_end_of_the_week() -> None:
    """Dealt in location order the night at A would fall on Tuesday, before a day shoot at B on
    Wednesday; the board keeps it for Friday, before the weekend."""
    production = factory_production(
        [
            scene("1", 8, location="A"),
            scene("2", 8, location="A", day_night=DayNight.NIGHT),
            *(scene(str(k), 8, location="B") for k in (3, 4, 5)),
        ],
        locations=[place("A"), place("B")],
        max_shoot_days=5,
    )
    board = reference_board(production)

    assert board.start_day["2"] == 5
    assert validate(production, board) == []


def test_the_command_line_writes_a_workbook_that_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "generated.xlsx"

    main(["--scenes", "40", "--seed", "2", "--kind", "short", "-o", str(path)])

    assert read_workbook(path).to_json() == generate_production(40, 2, "short").to_json()
