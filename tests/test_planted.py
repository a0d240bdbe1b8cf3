"""Planted productions: a compact schedule first, tight windows derived from it.

The planted schedule must break no rule by ``validate`` (its cost is then an upper bound on the
optimum), the calendar must leave 25-35 % more shoot days than it needs, and the windows must be
tight around it: a few shoot days, not the default mode's generous margins.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

import pytest

from benchmarks.generator import (
    GeneratedProduction,
    generate,
    generate_planted,
    reference_board,
)
from scheduler.data import Availability, CastMember, ConstraintKind, Production
from scheduler.solution import Solution
from scheduler.validate import validate
from tests.helpers.paths import REPOSITORY as REPO

SIZES = (30, 90, 220, 480)
KINDS = ("feature", "series")
SEEDS = (1, 2, 3)
MAX_MARGIN = 2  # shoot days on each side of the planted days (TIGHT)

Planted = dict[tuple[str, int, int], GeneratedProduction]


@pytest.fixture(scope="module")
def planted() -> Planted:
    """Every kind, size and seed, generated once for the module (about two seconds)."""
    return {
        (kind, n, seed): generate_planted(n, seed, kind)
        for kind in KINDS
        for n in SIZES
        for seed in SEEDS
    }


CASES = [(kind, n, seed) for kind in KINDS for n in SIZES for seed in SEEDS]


def planted_days(production: Production, schedule: Solution, scene_ids: set[str]) -> list[int]:
    return sorted(
        {
            day
            for scene in production.scenes
            if scene.id in scene_ids
            for day in range(
                schedule.start_day[scene.id],
                schedule.start_day[scene.id] + production.scene_days(scene),
            )
        }
    )


def wrap_day(result: GeneratedProduction) -> int:
    production = result.production
    return max(result.reference.start_day[s.id] + production.scene_days(s) - 1
               for s in production.scenes)


def window_days(production: Production, availability: Availability) -> tuple[int, int]:
    """First and last shoot day inside ``available_from``..``available_to``."""
    calendar = production.calendar
    inside = [
        day
        for day in calendar.days
        if (availability.available_from is None
            or calendar.date_of(day) >= availability.available_from)
        and (availability.available_to is None
             or calendar.date_of(day) <= availability.available_to)
    ]
    return inside[0], inside[-1]


def widening(production: Production, availability: Availability, days: list[int]) -> int:
    """Shoot days the window adds to the span of ``days`` (both sides together)."""
    first, last = window_days(production, availability)
    return (last - first) - (days[-1] - days[0])


def has_window(availability: Availability) -> bool:
    return availability.available_from is not None or availability.available_to is not None


@pytest.mark.parametrize(("kind", "num_scenes", "seed"), CASES)
def test_the_planted_schedule_breaks_no_rule(
    planted: Planted, kind: str, num_scenes: int, seed: int
) -> None:
    result = planted[(kind, num_scenes, seed)]

    assert result.planted
    assert len(result.production.scenes) == num_scenes
    assert result.production.check() is result.production
    assert validate(result.production, result.reference) == []


@pytest.mark.parametrize(("kind", "num_scenes", "seed"), CASES)
def test_the_calendar_runs_a_quarter_to_a_third_past_the_planted_wrap(
    planted: Planted, kind: str, num_scenes: int, seed: int
) -> None:
    result = planted[(kind, num_scenes, seed)]
    wrap = wrap_day(result)
    shoot_days = result.production.calendar.num_days

    assert 1.25 * wrap <= shoot_days < 1.35 * wrap + 1


def test_the_planted_schedule_is_the_compact_reference_board(planted: Planted) -> None:
    """No spare days inside the board: only night turnarounds leave a day free."""
    for result in planted.values():
        wrap = wrap_day(result)
        used = set(planted_days(result.production, result.reference,
                                {s.id for s in result.production.scenes}))
        assert result.reference.start_day == reference_board(result.production).start_day
        assert len(used) >= 0.95 * wrap


@pytest.mark.parametrize("kind", KINDS)
def test_supporting_cast_and_day_players_come_for_their_days(planted: Planted,
                                                             kind: str) -> None:
    widened = []
    released_on_last_day = 0
    for num_scenes in SIZES:
        for seed in SEEDS:
            result = planted[(kind, num_scenes, seed)]
            production = result.production
            for member in production.cast:
                days = planted_days(production, result.reference,
                                    {s.id for s in production.cast_scenes(member.id)})
                if not has_window(member.availability) or member.minor or not days:
                    continue
                widened.append(widening(production, member.availability, days))
                released_on_last_day += window_days(production, member.availability)[1] == days[-1]

    assert len(widened) >= 100
    assert max(widened) <= 2 * MAX_MARGIN
    assert statistics.median(widened) <= MAX_MARGIN
    assert released_on_last_day >= len(widened) // 5  # stop dates right after the last day


def test_the_default_mode_is_generous_beside_the_planted_one() -> None:
    """The same script, the two modes: the default windows are several days wider."""
    def median_widening(result: GeneratedProduction) -> float:
        production = result.production
        found = []
        for member in production.cast:
            days = planted_days(production, result.reference,
                                {s.id for s in production.cast_scenes(member.id)})
            if has_window(member.availability) and not member.minor and days:
                found.append(widening(production, member.availability, days))
        return statistics.median(found)

    generous = median_widening(generate(220, 1, "feature"))
    tight = median_widening(generate(220, 1, "feature", planted=True))

    assert tight + 4 <= generous


def leads(production: Production) -> list[CastMember]:
    """The generator lists the leads first, before the minor."""
    minor = next(index for index, member in enumerate(production.cast) if member.minor)
    return list(production.cast[:minor])


def test_leads_are_blocked_on_planted_days_they_do_not_work(planted: Planted) -> None:
    blocked_counts = []
    for result in planted.values():
        production = result.production
        shot = set(planted_days(production, result.reference,
                                {s.id for s in production.scenes}))
        for lead in leads(production):
            worked = set(planted_days(production, result.reference,
                                      {s.id for s in production.cast_scenes(lead.id)}))
            blocked = [production.calendar.day_of(d) for d in lead.availability.unavailable]
            assert not has_window(lead.availability)
            assert all(day in shot and day not in worked for day in blocked)
            blocked_counts.append(len(blocked))

    assert max(blocked_counts) <= 8
    assert statistics.median(blocked_counts) >= 3


def test_practicals_crew_and_equipment_are_had_for_a_few_days_around_their_visits(
    planted: Planted,
) -> None:
    widened = []
    with_dates_between = 0
    for result in planted.values():
        production = result.production
        for location in production.locations:
            scenes = {s.id for s in production.scenes if s.location == location.id}
            availability = location.availability
            if not has_window(availability):
                continue
            days = planted_days(production, result.reference, scenes)
            widened.append(widening(production, availability, days))
            with_dates_between += bool(availability.unavailable)
        for resource in (*production.crew, *production.equipment):
            if resource.every_day or not has_window(resource.availability):
                continue
            scenes = {s.id for s in production.scenes
                      if resource.id in s.crew or resource.id in s.equipment}
            days = planted_days(production, result.reference, scenes)
            widened.append(widening(production, resource.availability, days))

    assert max(widened) <= 2 * MAX_MARGIN
    assert with_dates_between >= 10


def test_stages_stay_open(planted: Planted) -> None:
    for result in planted.values():
        stages = [loc for loc in result.production.locations if loc.name.startswith("Stage ")]
        assert stages
        assert all(loc.availability == Availability() for loc in stages)


def test_scene_windows_and_pins_sit_on_the_planted_day(planted: Planted) -> None:
    for (_, num_scenes, _), result in planted.items():
        production = result.production
        calendar = production.calendar
        windows = pins = 0
        for scene in production.scenes:
            day = result.reference.start_day[scene.id]
            if scene.earliest is not None:
                windows += 1
                assert 0 <= day - calendar.day_of(scene.earliest) <= 3
            if scene.latest is not None:
                windows += 1
                assert 0 <= calendar.day_of(scene.latest) - day <= 3
            if scene.shoot_on is not None:
                pins += 1
                assert calendar.day_of(scene.shoot_on) == day
        assert windows >= 1 + num_scenes // 20  # the default mode has 1 + n // 150
        assert pins >= 1 + num_scenes // 100


def test_larger_productions_carry_every_kind_of_rule(planted: Planted) -> None:
    for (_, num_scenes, _), result in planted.items():
        if num_scenes < 90:
            continue
        kinds = [rule.kind for rule in result.production.constraints]
        assert set(kinds) == set(ConstraintKind)
        assert len(kinds) >= num_scenes // 12  # about twice the default mode's


def test_not_on_dates_are_close_to_the_planted_day(planted: Planted) -> None:
    for result in planted.values():
        calendar = result.production.calendar
        for rule in result.production.constraints:
            if rule.kind is ConstraintKind.NOT_ON:
                day = result.reference.start_day[rule.scenes[0]]
                assert all(0 < abs(calendar.day_of(d) - day) <= 5 for d in rule.dates)


def test_the_director_of_photography_is_off_only_on_a_day_the_plan_does_not_shoot(
    planted: Planted,
) -> None:
    for result in planted.values():
        production = result.production
        shot = set(planted_days(production, result.reference,
                                {s.id for s in production.scenes}))
        for member in production.every_day_crew:
            assert all(production.calendar.day_of(d) not in shot
                       for d in member.availability.unavailable
                       if d in production.calendar.dates)


def test_a_planted_production_says_it_is_synthetic(planted: Planted) -> None:
    title = planted[("series", 90, 1)].production.settings.title

    assert "(synthetic planted series, 90 scenes, seed 1)" in title


def test_the_same_seed_gives_the_same_planted_production() -> None:
    first = generate_planted(220, 5, "series")

    assert generate_planted(220, 5, "series").production.to_json() == first.production.to_json()
    assert generate_planted(220, 6, "series").production.to_json() != first.production.to_json()
    assert generate(220, 5, "series").production.to_json() != first.production.to_json()


def test_the_same_seed_gives_the_same_planted_production_in_another_process() -> None:
    script = (
        "from benchmarks.generator import generate_planted; g = generate_planted(90, 5, "
        "'feature'); print(g.production.to_json(), sorted(g.reference.start_day.items()))"
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
