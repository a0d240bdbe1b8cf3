from datetime import date

import pytest

from scheduler.checks import check_production
from scheduler.data import ConstraintKind, Scene, SceneConstraint
from scheduler.errors import InputError
from scheduler.subjects import EntityKind, Places, Subject
from tests.helpers.productions import actor, place, production, scene


def test_scene_minutes_from_pages_pace_and_estimate() -> None:
    prod = production([Scene(id="1", eighths=16), scene("2", hours=1.5)])
    # 2 pages at 4 pages a 11-hour day
    assert prod.scene_minutes(prod.scenes[0]) == 330
    assert prod.scene_minutes(prod.scenes[1]) == 90


def test_long_scene_takes_whole_days_and_parts_add_up() -> None:
    prod = production([scene("1", hours=25)])
    long_scene = prod.scenes[0]
    assert prod.scene_days(long_scene) == 3  # ceil(25 / 11)
    assert sum(prod.part_minutes(long_scene, i) for i in range(3)) == 25 * 60


def test_allowed_start_days_respect_windows_and_availability() -> None:
    prod = production(
        [scene("1", cast=("A",), location="L", earliest=date(2026, 3, 3))],
        cast=[actor("A")],
        locations=[place("L")],
        max_shoot_days=5,
    )
    assert prod.allowed_start_days(prod.scenes[0]) == [2, 3, 4, 5]


def test_cross_checks_report_every_problem_with_its_cell() -> None:
    """Tests that the cross-checks name their subjects and ``check`` places them by ``places``."""
    places = Places(
        entities={(EntityKind.SCENE, 0): "Scenes!4", (EntityKind.SCENE, 1): "Scenes!5"},
        fields={(EntityKind.SCENE, 0, "cast"): "Scenes!H4",
                (EntityKind.SCENE, 0, "location"): "Scenes!E4",
                (EntityKind.SCENE, 1, "cast"): "Scenes!H5"},
    )
    prod = production(
        [scene("1", cast=("Z",), location="NOWHERE"),
         scene("2", day_night="NIGHT", cast=("KID",))],
        cast=[actor("KID", minor=True)],
        constraints=[SceneConstraint(kind=ConstraintKind.BEFORE, scenes=("1", "9"))],
        max_shoot_days=3,
    ).model_copy(update={"places": places})
    with pytest.raises(InputError) as raised:
        prod.check()
    messages = [str(p) for p in raised.value.problems]
    assert any(m.startswith("Scenes!H4:") and '"Z"' in m for m in messages)
    assert any(m.startswith("Scenes!E4:") and "NOWHERE" in m for m in messages)
    assert any(m.startswith("Scenes!H5:") and "minor" in m for m in messages)
    assert any('"9" is not on sheet Scenes' in m for m in messages)
    subjects = {p.subject for p in check_production(prod)}
    assert Subject(EntityKind.SCENE, "1", "location", 0) in subjects
    assert Subject(EntityKind.CONSTRAINT, field="scenes", position=0) in subjects


def test_scene_without_a_possible_day_is_explained() -> None:
    from scheduler.data import Availability

    prod = production(
        [scene("42", cast=("M",), location="MILL")],
        cast=[actor("M", availability=Availability(available_from=date(2026, 3, 2),
                                                   available_to=date(2026, 3, 4)))],
        locations=[place("MILL", availability=Availability(available_from=date(2026, 3, 9)))],
        max_shoot_days=10,
    )
    with pytest.raises(InputError) as raised:
        prod.check()
    (problem,) = raised.value.problems
    assert "scene 42 has no possible shoot day" in problem.message
    assert "Actor M" in problem.message and "Location MILL" in problem.message


def test_pinned_date_off_calendar_is_an_error() -> None:
    prod = production([scene("1", shoot_on=date(2026, 3, 7))], max_shoot_days=5)  # a Saturday
    with pytest.raises(InputError, match="not a shoot day"):
        prod.check()


def test_json_is_stable_and_ignores_places() -> None:
    a = production([scene("1")]).model_copy(
        update={"places": Places(entities={(EntityKind.SCENE, 0): "Scenes!2"})})
    b = production([scene("1")]).model_copy(
        update={"places": Places(entities={(EntityKind.SCENE, 0): "Breakdown!9"})})
    assert a.to_json() == b.to_json()
    assert '"places"' not in a.to_json()


def test_model_copy_recomputes_derived_facts() -> None:
    prod = production([scene("1")], max_shoot_days=2)
    assert set(prod.scene_by_id) == {"1"}
    changed = prod.model_copy(update={"scenes": (scene("2"),)})
    assert set(changed.scene_by_id) == {"2"}
