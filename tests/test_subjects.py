"""Problems name their subject; a reader's ``Places`` put them where the user wrote it."""

from __future__ import annotations

from datetime import date

from scheduler.checks import check_production
from scheduler.errors import InputError, Problem
from scheduler.subjects import EntityKind, Places, Subject
from tests.helpers.productions import production, scene

PLACES = Places(
    entities={(EntityKind.SCENE, 0): "Scenes!4", (EntityKind.SETTING, 0): "Production!2"},
    fields={(EntityKind.SCENE, 0, "eighths"): "Scenes!F4"},
)


def test_a_field_without_a_place_of_its_own_is_at_its_entity() -> None:
    """Tests the field place first, then the entity's, then none."""
    assert PLACES.of(Subject(EntityKind.SCENE, "1", "eighths", 0)) == "Scenes!F4"
    assert PLACES.of(Subject(EntityKind.SCENE, "1", "cast", 0)) == "Scenes!4"
    assert PLACES.of(Subject(EntityKind.SETTING, field="end_date")) == "Production!2"
    assert PLACES.of(Subject(EntityKind.SCENE, "2", "cast", 1)) == ""


def test_located_keeps_a_place_already_given_and_the_message() -> None:
    """Tests that only an unplaced problem with a subject is placed."""
    about = Problem.about(Subject(EntityKind.SCENE, "1", "eighths", 0), "scene 1 has no pages")
    assert about.located(PLACES) == Problem("Scenes!F4", "scene 1 has no pages")
    assert about.located(None).where == ""
    placed = Problem("Scenes!A9", "elsewhere", Subject(EntityKind.SCENE, position=0))
    assert placed.located(PLACES).where == "Scenes!A9"


def test_one_message_at_one_place_is_reported_once() -> None:
    """Tests that the subject is not part of a problem's identity."""
    first = Problem("Scenes!4", "same", Subject(EntityKind.SCENE, "1", "cast", 0))
    second = Problem("Scenes!4", "same", Subject(EntityKind.SCENE, "1", "crew", 0))
    assert len(InputError([first, second]).problems) == 1


def test_cross_checks_name_subjects_not_places() -> None:
    """Tests that ``check_production`` leaves placing to the reader."""
    prod = production([scene("1", hours=0), scene("2", shoot_on=date(2026, 3, 7))],
                      max_shoot_days=5)
    problems = check_production(prod)
    assert {p.where for p in problems} == {""}
    assert {p.subject for p in problems} == {
        Subject(EntityKind.SCENE, "1", "eighths", 0),
        Subject(EntityKind.SCENE, "2", "shoot_on", 1),
    }
