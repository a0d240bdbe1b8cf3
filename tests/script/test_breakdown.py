"""From a parsed screenplay to the breakdown's rows: ids, light, cast numbering, locations,
guesses and defaults; the shared public-domain scripts."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.data import DayNight, IntExt
from scheduler.errors import InputError
from scheduler.interop.uss.defaults import Overrides, UssDefaults
from scheduler.script import import_script
from scheduler.script.breakdown import build_production
from scheduler.script.fountain import parse_fountain
from tests.helpers.scripts import CYBER_BOB, DINER_FOUNTAIN, needs_shared_scripts

TODAY = date(2030, 1, 1)  # a Tuesday: the placeholder start is Monday 7 January


def production_of(text: str, defaults: UssDefaults | None = None):  # type: ignore[no-untyped-def]
    return build_production(parse_fountain(text, "t.fountain"), defaults, today=TODAY).production


def test_the_diner_breakdown() -> None:
    production = import_script(DINER_FOUNTAIN, today=TODAY).production
    rows = [(s.id, s.int_ext, s.day_night, s.set_name, s.location, s.cast)
            for s in production.scenes]
    assert rows == [
        ("1", IntExt.INT, DayNight.NIGHT, "DINER - COUNTER", "DINER", ("1", "2")),
        ("2", IntExt.INT, DayNight.NIGHT, "DINER - KITCHEN", "DINER", ("2", "1", "3", "4")),
        ("3", IntExt.EXT, DayNight.DAWN, "PARKING LOT", "PARKING LOT", ("5",)),
        ("4", IntExt.INT, DayNight.DAY, "SNIPER SCOPE POV", "SNIPER SCOPE POV", ()),
        ("5", IntExt.EXT, DayNight.DAY, "rooftop", "rooftop", ("6",)),
        ("6", IntExt.INT_EXT, DayNight.DAY, "BEN'S CAR - MOVING", "BEN'S CAR", ("7", "2")),
        ("7", IntExt.INT_EXT, DayNight.NIGHT, "DINER", "DINER", ("1",)),
    ]
    assert [(m.id, m.character, m.name) for m in production.cast] == [
        ("1", "ANNA", ""), ("2", "BEN", ""), ("3", "TOMMY", ""), ("4", "McCLANE", ""),
        ("5", "JOSÉ", ""), ("6", "MARIA", ""), ("7", "RADIO ANNOUNCER", "")]
    assert production.settings.title == "The Night Diner"
    assert production.settings.start_date == date(2030, 1, 7)


def test_guesses_are_listed_as_guesses() -> None:
    production = import_script(DINER_FOUNTAIN, today=TODAY).production
    kitchen, lot = production.scene_by_id["2"], production.scene_by_id["3"]
    assert set(kitchen.tags) == {"animal", "minor"}
    assert (lot.extras, set(lot.tags)) == (20, {"vehicle", "crowd"})
    notes = production.notices
    assert 'guess: diner.fountain:46: "twenty people" in the action: 20 extras' in notes
    assert "guess: diner.fountain:30: CONTINUOUS takes the previous scene's light: NIGHT" in notes
    assert "guess: diner.fountain:55: the heading has no time of day; read as DAY" in notes
    assert any(note.startswith("diner.fountain:69: RADIO ANNOUNCER is heard only in "
                               "voice-over") for note in notes)
    # TOMMY (10) plays at night: a minor flag would forbid it, so it is a note to check
    assert not production.cast_by_id["3"].minor
    assert any("TOMMY may be a minor" in note for note in notes)


def test_a_child_in_day_scenes_is_a_minor() -> None:
    production = production_of("INT. SCHOOL - DAY\n\nLILY (9) waves.\n\nLILY\nHi!\n")
    assert production.cast[0].minor
    assert production.scenes[0].tags == ("minor",)


def test_numbering_follows_the_board_convention() -> None:
    text = ("INT. A - DAY\n\nZOE\nOne.\n\nINT. B - DAY\n\nAL\nTwo.\n\nZOE\nThree.\n\n"
            "INT. C - NIGHT\n\nAL\nFour.\n\nBO\nFive.\n\nINT. D - DAY\n\nAL\nSix.\n")
    production = production_of(text)
    assert [(m.id, m.character) for m in production.cast] == [("1", "AL"), ("2", "ZOE"),
                                                              ("3", "BO")]


def test_scenes_without_numbers_are_numbered_and_duplicates_renamed() -> None:
    production = production_of("INT. A - DAY #5#\n\nX.\n\nINT. B - DAY #5#\n\nY.\n\n"
                               "INT. C - DAY\n\nZ.\n")
    assert [s.id for s in production.scenes] == ["5", "5 (2)", "3"]
    assert any('scene number "5" is used before' in note for note in production.notices)


def test_a_heading_without_a_set_gets_one_named_by_its_line() -> None:
    production = production_of("INT. - DAY\n\nNothing.\n")
    assert production.scenes[0].set_name == "SET AT LINE 1"


def test_defaults_give_the_start_date_rates_and_fees() -> None:
    defaults = UssDefaults(
        settings={"start_date": date(2031, 3, 3), "crew_day_cost": 7000},
        cast=Overrides(rows={"*": {"daily_rate": 500}, "anna": {"name": "Ann Actor"}}),
        locations=Overrides(rows={"diner": {"daily_fee": 300}}), source="d.xlsx")
    imported = import_script(DINER_FOUNTAIN, defaults)
    production = imported.production
    assert imported.start_date_given and production.settings.start_date == date(2031, 3, 3)
    assert production.settings.crew_day_cost == 7000
    assert production.cast_by_id["1"].name == "Ann Actor"
    assert {m.daily_rate for m in production.cast} == {500}
    assert production.location_by_id["DINER"].daily_fee == 300


def test_a_default_the_model_refuses_is_located() -> None:
    defaults = UssDefaults(cast=Overrides(rows={"*": {"daily_rate": -5}}), source="d.xlsx")
    with pytest.raises(InputError) as caught:
        import_script(DINER_FOUNTAIN, defaults)
    assert str(caught.value.problems[0]).startswith("d.xlsx Cast: ANNA: daily_rate")


def test_text_without_headings_is_not_a_screenplay() -> None:
    with pytest.raises(InputError) as caught:
        production_of('{"scenes": [1, 2, 3]}\n')
    assert "no scene headings found" in str(caught.value)


@needs_shared_scripts
def test_the_shared_script_imports_as_a_person_counts_it() -> None:
    production = import_script(CYBER_BOB, today=TODAY).production
    assert [(s.int_ext, s.day_night, s.set_name) for s in production.scenes] == [
        (IntExt.EXT, DayNight.DAY, "PARK"),
        (IntExt.EXT, DayNight.DAY, "SUBURBAN TRAFFIC INTERSECTION"),
        (IntExt.INT, DayNight.NIGHT, "TRAFFIC LIGHT HORIZONTAL BEAM")]
    names = {m.id: m.character for m in production.cast}
    speaking = [sorted(names[c] for c in scene.cast) for scene in production.scenes]
    assert speaking == [["BOB", "CYBER BOB", "CYBER BOSS", "DOG", "MARGARET"], ["BOSS"],
                        ["BOB", "DOG"]]
    assert production.settings.title.startswith("BOB THE CYBER PAWN")
    notes = production.notices
    assert "BOB and CYBER BOB may be one character; kept apart (merge them in Cast and " \
           "Scenes if so)" in notes
    assert any(note.startswith("BOSS and CYBER BOSS may be one character") for note in notes)
    # printed, the script runs to about five and a half pages
    assert 5 * 8 <= sum(s.eighths for s in production.scenes) <= 7 * 8
