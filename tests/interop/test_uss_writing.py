"""Writing a schedule as USS: a new document, or a stripboard added to the source file; our own
reader gets the same start days back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from scheduler.data import CalendarDayType, CalendarEntry, Production
from scheduler.interop.uss import (
    new_board_name,
    read_uss,
    read_uss_board,
    read_uss_boards,
    read_uss_document,
    schedule_to_uss,
    write_uss,
)
from scheduler.solution import Solution
from tests.helpers.productions import actor, place, production, scene
from tests.helpers.uss import tiny_document, write_uss_file


def small_production() -> Production:
    """Six scenes over a week, a scene of three days, a Saturday shoot date and a holiday."""
    return production(
        [scene("1", 4, cast=("1", "2"), location="A", set_name="A - HALL"),
         scene("2", 5, cast=("2",), location="B", tags=("stunt",), extras=12),
         scene("3", 30, cast=("1",), location="A", story_day="D2"),
         scene("4", 3, cast=("3",), location="B", synopsis="=SUM(A1)"),
         scene("5", 2, cast=("1", "3"), location="A"),
         scene("6", 1, cast=("2",), location="B")],
        cast=[actor("1", character="GEORGE"), actor("2", drop_pickup=True),
              actor("3", availability={"unavailable": (date(2026, 3, 3),)})],
        locations=[place("A"), place("B")],
        calendar_entries=[CalendarEntry(date=date(2026, 3, 7), type=CalendarDayType.WORK),
                          CalendarEntry(date=date(2026, 3, 5), type=CalendarDayType.HOLIDAY)],
        max_shoot_days=10,
    )


# scene 3 takes days 4-6 alone; day 3 is empty; scene 6 is not scheduled (boneyard)
SCHEDULE = Solution(start_day={"1": 1, "2": 1, "4": 2, "3": 4, "5": 7})


def test_a_new_document_reads_back_to_the_same_schedule(tmp_path: Path) -> None:
    original = small_production()
    path = write_uss(original, SCHEDULE, tmp_path / "ours.uss")
    assert read_uss_board(path, "plan-shoot") == SCHEDULE
    back = read_uss(path, board="plan-shoot")
    assert back.calendar.dates == original.calendar.dates[:7]  # as long as the board
    assert [s.model_dump() for s in back.scenes] == [s.model_dump() for s in original.scenes]
    assert [(m.id, m.character) for m in back.cast] == [("1", "GEORGE"), ("2", "Actor 2"),
                                                         ("3", "Actor 3")]
    assert back.cast_by_id["2"].drop_pickup and not back.cast_by_id["1"].drop_pickup
    assert not back.cast_by_id["3"].availability.allows(date(2026, 3, 3))
    entries = {entry.date: entry.type for entry in back.calendar_entries}
    assert entries[date(2026, 3, 7)] is CalendarDayType.WORK
    assert entries[date(2026, 3, 5)] is CalendarDayType.HOLIDAY


def test_the_new_document_follows_the_documentation(tmp_path: Path) -> None:
    text = schedule_to_uss(small_production(), SCHEDULE)
    root = json.loads(text)["universalScheduleStandard"]
    kinds = [b["type"] for b in root["breakdowns"]]
    assert kinds.count("scene") == 6 and kinds.count("day") == 7
    board, boneyard = root["stripboards"][0]["boards"]
    assert len(board["breakdownIds"]) + len(boneyard["breakdownIds"]) == len(kinds)
    scene_of = {b["id"]: b["scene"] for b in root["breakdowns"]}
    assert [scene_of[i] for i in boneyard["breakdownIds"]] == ["6"]
    assert root["calendars"][0]["daysOff"] == [6, 0]
    assert root["calendars"][0]["_workDates"] == ["2026-03-07T00:00:00.000Z"]
    assert all(len(e["id"]) == 24 for e in root["elements"])
    assert schedule_to_uss(small_production(), SCHEDULE).count('"id"') == text.count('"id"')


@pytest.mark.parametrize("spec_form", [True, False])
def test_a_stripboard_added_to_the_source_keeps_everything(tmp_path: Path,
                                                           spec_form: bool) -> None:
    source = write_uss_file(tmp_path / "tiny.uss", tiny_document(spec_form))
    imported = read_uss(source)
    ours = Solution(start_day={"1": 1, "2 (2)": 2, "5": 2, "2": 3, "strip-4": 3})
    target = write_uss(imported, ours, tmp_path / "out.uss", source=source)
    boards = read_uss_boards(target)
    assert list(boards) == ["Human", "plan-shoot"]
    assert boards["plan-shoot"] == ours
    assert boards["Human"] == read_uss_boards(source)["Human"]
    root = json.loads(target.read_text(encoding="utf-8"))["universalScheduleStandard"]
    added = root["stripboards"][-1]["boards"][0]
    assert ("breakdownArrays" in added) is not spec_form
    if spec_form:  # every stripboard still lists every strip
        for stripboard in root["stripboards"]:
            listed = [i for b in stripboard["boards"] for i in b["breakdownIds"]]
            assert len(listed) == len(root["breakdowns"]) or stripboard["name"] == "Order"
    assert len(root["elements"]) == 20  # props kept
    assert new_board_name(target) == "plan-shoot 2"
    again = write_uss(imported, ours, tmp_path / "again.uss", source=target,
                      board_name=new_board_name(target))
    assert list(read_uss_boards(again)) == ["Human", "plan-shoot", "plan-shoot 2"]


def test_strip_ids_written_with_spaces_or_as_numbers_stay_off_the_boneyard(
        tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["breakdowns"][0]["id"] = " s1 "
    root["breakdowns"][1]["id"] = 2
    for stripboard in root["stripboards"]:
        ids = stripboard["boards"][0]["breakdownIds"]
        ids[ids.index("s2")] = 2
    source = write_uss_file(tmp_path / "odd.uss", document)
    ours = Solution(start_day={"1": 1, "2": 1})
    target = write_uss(read_uss(source), ours, tmp_path / "out.uss", source=source)
    assert read_uss_boards(target)["plan-shoot"] == ours  # each strip once on the stripboard


def test_a_schedule_of_other_scenes_cannot_be_added_to_the_source(tmp_path: Path) -> None:
    source = write_uss_file(tmp_path / "tiny.uss", tiny_document())
    from scheduler.errors import PlanShootError

    with pytest.raises(PlanShootError, match="not strips of the USS file"):
        schedule_to_uss(small_production(), SCHEDULE, source=source)
    assert read_uss_document(source).stripboard("plan-shoot") is None
