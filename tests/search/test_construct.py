"""The constructive packer: valid full calendars, packed tighter than the conventional board, and
a located draft when it gets stuck."""

from __future__ import annotations

import pytest

from benchmarks.generator import generate
from scheduler.config import SolverConfig
from scheduler.conventional_board import conventional_board
from scheduler.data import Production
from scheduler.search import NeighbourhoodSearch, pack_calendar
from scheduler.solution import Schedule
from scheduler.validate import validate
from tests.helpers.productions import ConstraintKind, actor, place, production, row, scene


@pytest.mark.parametrize(("kind", "size", "seed", "planted"), [
    ("feature", 30, 1, False), ("series", 90, 2, False), ("feature", 90, 1, True),
    ("series", 90, 1, True), ("feature", 220, 1, True),
])
def test_packed_calendars_are_valid(kind: str, size: int, seed: int, planted: bool) -> None:
    """Tests that the packer's schedule of generated productions (tight planted windows among
    them) breaks no rule."""
    prod = generate(size, seed, kind, planted=planted).production
    packing = pack_calendar(prod)
    assert packing is not None and packing.is_valid
    assert validate(prod, packing.solution) == []


def test_the_indie_example_packs_cheaper_than_the_board(indie_feature: Production) -> None:
    """Tests the packer on the indie example: valid, and cheaper than the sorted board."""
    prod = indie_feature
    packing = pack_calendar(prod)
    board = conventional_board(prod)
    assert packing is not None and packing.is_valid and board is not None
    assert validate(prod, packing.solution) == []
    assert Schedule(prod, packing.solution).total_cost < Schedule(prod, board).total_cost


def test_a_draft_is_repaired_around_its_stuck_scenes(short_film: Production) -> None:
    """Tests the short film, a calendar filled to the last hour: when the packer's draft names
    stuck scenes, the repair sub-model re-places the days around them into a valid schedule."""
    prod = short_film
    packing = pack_calendar(prod)
    assert packing is not None
    if packing.is_valid:
        assert validate(prod, packing.solution) == []
        return
    search = NeighbourhoodSearch(prod, SolverConfig(deterministic=True))
    repaired = search.repair(packing.solution, packing.stuck, 2.0)
    assert repaired is not None and validate(prod, repaired) == []


def test_every_rule_of_a_day_is_kept() -> None:
    """Tests a small production where each day rule binds: night turnaround, D/N, zones,
    the location limit, DAWN/DUSK, a minor's hours and a scene longer than a day."""
    scenes = [
        scene("1", hours=4, location="A", day_night="NIGHT"),
        scene("2", hours=4, location="A"),
        scene("3", hours=2, location="B", day_night="DAWN"),
        scene("4", hours=2, location="B", day_night="DAWN"),
        scene("5", hours=3, location="Z"),
        scene("6", hours=4, location="A", cast=("K",)),
        scene("7", hours=4, location="A", cast=("K",)),
        scene("8", hours=16, location="B"),
        scene("9", hours=2, location="C"),
    ]
    prod = production(scenes, cast=[actor("K", minor=True, max_minutes=300)],
                      locations=[place("A", zone="north"), place("B", zone="north"),
                                 place("C", zone="north"), place("Z", zone="south")],
                      max_shoot_days=12, max_locations_per_day=2).check()
    packing = pack_calendar(prod)
    assert packing is not None and packing.is_valid
    assert validate(prod, packing.solution) == []


def test_constraints_are_kept() -> None:
    """Tests before, same_day, different_day and consecutive on a packed calendar."""
    scenes = [scene(str(i), hours=3, location="A") for i in range(1, 9)]
    constraints = [row(ConstraintKind.BEFORE, "8", "1"), row(ConstraintKind.SAME_DAY, "2", "7"),
                   row(ConstraintKind.DIFFERENT_DAY, "3", "4"),
                   row(ConstraintKind.CONSECUTIVE, "5", "6")]
    prod = production(scenes, locations=[place("A")], max_shoot_days=8,
                      constraints=constraints).check()
    packing = pack_calendar(prod)
    assert packing is not None and validate(prod, packing.solution) == []


def test_a_horizon_packs_harder() -> None:
    """Tests that a horizon keeps every scene on or before it."""
    prod = generate(30, 1, "feature").production
    full = pack_calendar(prod)
    assert full is not None and full.is_valid
    wrap = Schedule(prod, full.solution).wrap_day
    tighter = pack_calendar(prod, horizon=wrap)
    assert tighter is not None
    assert max(tighter.solution.start_day.values()) <= wrap


def test_a_stuck_scene_is_named_in_a_draft() -> None:
    """Tests that a scene with no valid day is placed anyway, named as stuck: two 8-hour scenes
    that must share a 12-hour day's only date."""
    prod = production([scene("1", hours=8, shoot_on=None), scene("2", hours=8)],
                      max_shoot_days=1).check()
    packing = pack_calendar(prod)
    assert packing is not None and not packing.is_valid
    assert len(packing.stuck) == 1
    assert set(packing.solution.start_day) == {"1", "2"}
    assert validate(prod, packing.solution) != []


def test_packing_repeats_itself() -> None:
    """Tests that the same production always packs the same way (no clock, no randomness)."""
    prod = generate(90, 3, "series", planted=True).production
    first, second = pack_calendar(prod), pack_calendar(prod)
    assert first is not None and second is not None
    assert first.solution == second.solution


def test_a_packing_stops_at_its_effort_ceiling(short_film: Production,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that the placements a packing tries are capped (per scene), across its styles and
    restarts, and that a packing stopped there is still a whole draft naming its stuck scenes."""
    from scheduler.board import PartialBoard
    from scheduler.search import construct

    prod = short_film
    tried = 0
    plain_fits = PartialBoard.fits

    def counted_fits(self: PartialBoard, *args: object) -> bool:
        nonlocal tried
        tried += 1
        return plain_fits(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(PartialBoard, "fits", counted_fits)
    monkeypatch.setattr(construct, "PLACEMENTS_PER_SCENE", 1)
    packing = pack_calendar(prod)
    assert packing is not None
    assert set(packing.solution.start_day) == {scene.id for scene in prod.scenes}
    capped, tried = tried, 0
    monkeypatch.setattr(construct, "PLACEMENTS_PER_SCENE", 10**9)
    pack_calendar(prod)
    assert capped < tried  # after the ceiling only the fill of the packing under way goes on
