"""A USS document as a production: scenes, entities, tags, calendar, availability, notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scheduler.data import CalendarDayType, DayNight, IntExt
from scheduler.errors import InputError
from scheduler.interop.uss import import_uss, read_uss, read_uss_document
from tests.helpers.uss import tiny_document, write_uss_file


@pytest.fixture(params=[True, False], ids=["documentation form", "sample form"])
def tiny(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    return write_uss_file(tmp_path / "tiny.uss", tiny_document(spec_form=request.param))


def test_strips_become_scenes_with_their_slug_line(tiny: Path) -> None:
    production = read_uss(tiny)
    scenes = production.scene_by_id
    assert [s.id for s in production.scenes] == ["1", "2", "2 (2)", "strip-4", "5"]
    assert scenes["1"].eighths == 12 and scenes["2"].eighths == 3
    assert scenes["1"].set_name == "HOUSE - KITCHEN"
    assert (scenes["2"].int_ext, scenes["2"].day_night) == (IntExt.EXT, DayNight.NIGHT)
    # E/I is INT/EXT, EVENING needs the dark, MAGIC HOUR is a short light window
    assert (scenes["strip-4"].int_ext, scenes["strip-4"].day_night) == (IntExt.INT_EXT,
                                                                        DayNight.NIGHT)
    assert scenes["5"].day_night is DayNight.DUSK
    assert scenes["5"].est_minutes == 90 and scenes["1"].est_minutes is None
    assert scenes["2"].extras == 26  # "25 Pedestrians" and a "Nurse"
    assert scenes["1"].synopsis == "scene 1"


def test_locations_come_from_the_location_element_or_the_main_part_of_the_set(
        tiny: Path) -> None:
    production = read_uss(tiny)
    scenes = production.scene_by_id
    assert scenes["1"].location == scenes["2"].location == "HOUSE"  # kitchen and porch
    assert scenes["2 (2)"].location == "Stage 5"  # its Location element wins over BANK
    assert scenes["5"].location == "BRIDGE"
    assert {loc.id for loc in production.locations} == {"HOUSE", "Stage 5", "BRIDGE"}


def test_elements_become_cast_crew_and_tags(tiny: Path) -> None:
    production = read_uss(tiny)
    george = production.cast_by_id["1"]
    assert (george.character, george.drop_pickup, george.daily_rate) == ("GEORGE", True, 1000)
    assert [member.id for member in production.cast] == ["1", "2", "3"]
    stunt = production.scene_by_id["strip-4"]
    assert stunt.cast == ("1",) and stunt.crew == ("Stunt Double",)
    assert stunt.tags == ("stunt", "second unit")
    assert production.crew_by_id["Stunt Double"].role == "Stunts"
    assert production.equipment == ()  # props are not used
    assert production.scene_by_id["1"].cast == ("1", "2")


def test_calendar_holidays_travel_and_weekly_days_off(tiny: Path) -> None:
    production = read_uss(tiny)
    entries = {entry.date: entry.type for entry in production.calendar_entries}
    assert entries == {date(2026, 3, 4): CalendarDayType.HOLIDAY,
                       date(2026, 3, 5): CalendarDayType.OFF}
    assert production.settings.work_week == (0, 1, 2, 3, 4)
    assert production.calendar.dates[:3] == (date(2026, 3, 2), date(2026, 3, 3),
                                             date(2026, 3, 6))
    board_days = len(read_uss_document(tiny).stripboards[0].boards[0].days())
    assert production.settings.max_shoot_days == board_days  # the longest stripboard
    assert read_uss(tiny, board="Human").settings.max_shoot_days == board_days


def test_element_days_off_and_events_make_it_unavailable(tiny: Path) -> None:
    production = read_uss(tiny)
    mary = production.cast_by_id["2"].availability
    assert not mary.allows(date(2026, 3, 6)) and mary.allows(date(2026, 3, 2))  # off Fridays
    assert not production.cast_by_id["3"].availability.allows(date(2026, 3, 4))


def test_notes_list_defaults_choices_and_unused_fields(tiny: Path) -> None:
    notices = read_uss(tiny).notices
    assert "default: every cast member 1,000 a day (a placeholder: USS has no rates)" in notices
    assert any(n.startswith("default: crew_day_cost 10,000") for n in notices)
    assert 'day/night "MAGIC HOUR" is read as DUSK' in notices
    assert 'category "Props" (1 elements): not used' in notices
    assert 'scene number "2" is on several strips (or holds a list separator); this strip is ' \
           'scene "2 (2)"' in notices
    assert any(n.startswith("USS field not used: breakdowns[].comments") for n in notices)


def test_a_category_is_known_by_its_number_when_its_name_is_not(tmp_path: Path) -> None:
    document = tiny_document()
    categories = document["universalScheduleStandard"]["categories"]
    cast = next(c for c in categories if c["ucid"] == 100)
    cast["name"] = "Darsteller"
    stunts = next(c for c in categories if c["ucid"] == 102)
    stunts["ucid"] = 104  # the name wins over a number that says Props
    production = read_uss(write_uss_file(tmp_path / "t.uss", document))
    assert len(production.cast) == 3
    assert production.crew_by_id["Stunt Double"].role == "Stunts"


def test_a_strip_without_length_is_located(tmp_path: Path) -> None:
    document = tiny_document()
    document["universalScheduleStandard"]["breakdowns"][1]["pages"] = None
    with pytest.raises(InputError) as caught:
        read_uss(write_uss_file(tmp_path / "t.uss", document))
    assert [(p.where, p.message) for p in caught.value.problems] == [
        ("breakdowns[1].pages", "scene 2 has no pages and no time; give its length in pages "
                                "(0.125 for 1/8) or its time in ms")]


def test_a_scene_without_a_possible_day_is_located_at_its_strip(tmp_path: Path) -> None:
    document = tiny_document()
    george = document["universalScheduleStandard"]["elements"][12]
    george["events"] = [{"id": f"x{day}", "type": "dayOff", "name": "dayOff",
                         "date": f"2026-03-0{day}T00:00:00Z"} for day in (2, 3, 6)]
    with pytest.raises(InputError) as caught:
        read_uss(write_uss_file(tmp_path / "t.uss", document), board="Human")  # 3 days
    where = {p.where for p in caught.value.problems}
    assert where == {"breakdowns[0]", "breakdowns[1]", "breakdowns[3]"}  # GEORGE's strips


def test_the_stripboard_chosen_sets_the_calendar(tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    later = {"id": "cal2", "name": "Push", "daysOff": [0], "events": [
        {"id": "p", "type": "start", "name": None, "date": "2026-04-06T00:00:00Z"}]}
    root["calendars"].append(later)
    root["stripboards"][1]["calendar"] = "cal2"
    path = write_uss_file(tmp_path / "t.uss", document)
    assert read_uss(path).settings.start_date == date(2026, 3, 2)  # the scheduled "Human"
    pushed = read_uss(path, board="order")
    assert pushed.settings.start_date == date(2026, 4, 6)
    assert pushed.settings.work_week == (0, 1, 2, 3, 4, 5)
    assert pushed.settings.max_shoot_days is None  # "Order" has no days
    with pytest.raises(InputError, match='no stripboard is named "Final"'):
        read_uss(path, board="Final")


def test_a_file_without_calendar_needs_a_start_date(tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["calendars"] = []
    root["stripboards"] = []
    with pytest.raises(InputError) as caught:
        read_uss(write_uss_file(tmp_path / "t.uss", document))
    assert caught.value.problems[0].where == "calendars"
    assert "start_date" in caught.value.problems[0].message


def test_the_import_keeps_how_strips_map_to_scenes(tiny: Path) -> None:
    imported = import_uss(tiny)
    assert imported.scene_of_strip == {"s1": "1", "s2": "2", "s3": "2 (2)", "s4": "strip-4",
                                       "s5": "5"}
    assert imported.stripboard is not None and imported.stripboard.name == "Human"


def test_odd_numbers_in_names_and_board_ids_are_read_without_crashing(tmp_path: Path) -> None:
    document = tiny_document()
    elements = document["universalScheduleStandard"]["elements"]
    crowd = next(e for e in elements if e["name"] == "25 Pedestrians")
    crowd["name"] = "9" * 5000 + " Pedestrians"  # too many digits for a head count
    potter = next(e for e in elements if e["name"] == "POTTER")
    potter["elementId"] = "²"  # a digit to isdigit(), not to int()
    production = read_uss(write_uss_file(tmp_path / "t.uss", document))
    assert production.scene_by_id["2"].extras == 2  # one each: the crowd and the nurse
    assert [member.id for member in production.cast] == ["1", "2", "²"]
