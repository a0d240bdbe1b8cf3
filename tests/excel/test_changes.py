"""The revised schedule workbook: the revision everywhere it is named, the ``Changes`` sheet."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.data import Production
from scheduler.excel.styles import HEADER_GREY, MONEY_FORMAT
from scheduler.excel.writer import write_schedule
from scheduler.revision import ChangeReport
from tests.helpers.reports import (
    BLUE,
    FORMULA_REASON,
    SAMPLE_RISK,
    report_production,
    sample_changes,
    sample_result,
)

BLUE_TINT = "DDEBF7"
LABEL = "BLUE revision of 6 Mar 2026"


@pytest.fixture(scope="module")
def prod() -> Production:
    return report_production().check()


def write(prod: Production, folder: Path, **keywords: Any) -> Any:
    path = write_schedule(prod, sample_result(prod), folder / "revised.xlsx", risk=SAMPLE_RISK,
                          **keywords)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def revised(prod: Production, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return write(prod, tmp_path_factory.mktemp("revised"), changes=sample_changes())


@pytest.fixture(scope="module")
def plain(prod: Production, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return write(prod, tmp_path_factory.mktemp("plain"))


def fill_of(sheet: Worksheet, cell: str) -> str:
    return str(sheet[cell].fill.fgColor.rgb)[-6:]


def values(sheet: Worksheet) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_changes_sheet_follows_summary(revised: Any) -> None:
    """Tests that a re-plan's workbook has the Changes sheet right after Summary."""
    assert revised.sheetnames == ["Summary", "Changes", "Stripboard", "Schedule", "Gantt",
                                  "Day Out of Days", "Call Sheets", "Days", "Costs", "Notes"]


def test_summary_names_the_revision_and_its_date(revised: Any) -> None:
    """Tests the Summary fields of a revised schedule: revision after status, then the
    re-plan's date and counts at the end."""
    rows = values(revised["Summary"])
    assert rows[1:5] == [("title", "The Long Night"), ("status", "feasible"),
                         ("revision", "Blue"), ("revision_date", datetime(2026, 3, 6))]
    assert rows[-3:] == [("replanned_from", datetime(2026, 3, 9)), ("scenes_changed", 6),
                         ("scenes_moved", 3)]
    assert fill_of(revised["Summary"], "A1") == BLUE_TINT


def test_stripboard_and_schedule_headers_name_the_revision(revised: Any) -> None:
    """Tests the board's revision row, the header rows in the revision's tint and the page
    headers naming it; the Schedule sheet's fixed headers stay as they are."""
    stripboard, schedule = revised["Stripboard"], revised["Schedule"]
    assert stripboard["A1"].value == (f"The Long Night — STRIPBOARD — {LABEL} — * on a new "
                                      "day since the last issue (see Changes)")
    assert [c.value for c in stripboard[2]][:3] == ["Day", "Scene", "I/E"]
    assert stripboard.freeze_panes == "A3"
    assert stripboard.print_title_rows == "$1:$2"
    assert stripboard.oddHeader.center.text == f"The Long Night — stripboard — {LABEL}"
    assert schedule.oddHeader.center.text == f"The Long Night — schedule — {LABEL}"
    assert revised["Call Sheets"].oddHeader.center.text == (
        f"The Long Night — call sheets — {LABEL}")
    assert [c.value for c in schedule[1]][:3] == ["Shoot Day", "Date", "Scene"]
    for sheet, row in ((stripboard, 1), (stripboard, 2), (schedule, 1)):
        assert {fill_of(sheet, f"{column}{row}") for column in "ABCDEFGHIJ"} == {BLUE_TINT}


def test_strips_on_a_new_day_carry_the_revision_mark(revised: Any, plain: Any) -> None:
    """Tests the ``*`` after the scene of each strip the re-plan put on a new day (moved, new
    part, unfrozen; the added scene 16 and the cut 15 have no strip on this board), and no mark
    on the others."""
    marked = [cell.value for cell in revised["Stripboard"]["B"]
              if isinstance(cell.value, str) and cell.value.endswith(" *")]
    assert marked == ["6 (1/2) *", "6 (2/2) *", "9 *", "8 *", "13 *"]
    strips = [cell.value for cell in revised["Stripboard"]["B"]][2:]
    assert [str(v).removesuffix(" *") if v else v for v in strips] == [
        cell.value for cell in plain["Stripboard"]["B"]][1:]


def test_every_call_sheet_says_which_schedule_it_is(revised: Any) -> None:
    """Tests the line under each call sheet's title, on every shoot day's block."""
    sheet = revised["Call Sheets"]
    column = [(cell.row, cell.value) for cell in sheet["A"]]
    titles = [row for row, value in column if value == "The Long Night — CALL SHEET"]
    lines = [row for row, value in column if value == f"Schedule: {LABEL}"]
    assert len(titles) == 11  # the shoot days with scenes (day 6 is an empty paid day)
    assert lines == [row + 1 for row in titles]
    assert {fill_of(sheet, f"A{row}") for row in lines} == {BLUE_TINT}
    assert [sheet.cell(row=row + 1, column=1).value for row in lines] == ["Day"] * 11


def test_changes_sheet_rows(revised: Any) -> None:
    """Tests every cell of the Changes sheet: heading, scenes by old date, cast and location
    days, costs."""
    money = "EUR"
    none6 = (None,) * 6
    assert values(revised["Changes"]) == [
        ("The Long Night — CHANGES — BLUE revision of 6 Mar 2026 — re-planned from "
         "Mon 9 Mar 2026", None, None, None, None, None),
        ("2 scenes moved, 1 scene cut, 1 scene added, 1 new part, 1 scene unfrozen; days "
         "changed for 2 cast members and 1 location", None, None, None, None, None),
        none6,
        ("SCENES — moved, cut, new", None, None, None, None, None),
        ("Scene", "Set", "Change", "Old date", "New date", "Reason"),
        ("9", "DINER", "unfrozen", datetime(2026, 3, 10), datetime(2026, 3, 12),
         FORMULA_REASON),
        ("8", "DINER PARKING", "moved", datetime(2026, 3, 10), datetime(2026, 3, 16), None),
        ("15", None, "cut", datetime(2026, 3, 11), None, None),
        ("13", "DINER", "moved", datetime(2026, 3, 16), datetime(2026, 3, 10), None),
        ("6", "DINER", "new part", None, datetime(2026, 3, 17), "part shot: 3 pages left"),
        ("16", None, "added", None, datetime(2026, 3, 18), None),
        none6,
        ("CAST — who to call, who to release", None, None, None, None, None),
        ("ID", "Name", "Days added", "Days released", "Call on", "Release from"),
        ("1", "Actor 1", 3, 1, "Thu 12 Mar 2026, Mon 16 Mar 2026 – Tue 17 Mar 2026",
         "Tue 10 Mar 2026"),
        ("3", "Actor 3", 0, 2, None, "Tue 17 Mar 2026 – Wed 18 Mar 2026"),
        none6,
        ("LOCATIONS — bookings gained and lost", None, None, None, None, None),
        ("ID", "Name", "Days gained", "Days lost", "Book on", "Cancel"),
        ("DINER", "Location DINER", 1, 0, "Tue 17 Mar 2026", None),
        none6,
        ("COSTS — the whole production, shot and planned", None, None, None, None, None),
        ("Plan", "Amount", "Currency", "Note", None, None),
        ("Current plan", 52000, money, "the current schedule on the edited breakdown", None,
         None),
        ("Revised plan", 52450.5, money, "what was shot plus what is planned", None, None),
        ("From scratch", 51900, money,
         "the same remaining work planned with no regard to the current schedule", None, None),
        ("Price of the changes", 450.5, money, "revised plan minus current plan", None, None),
        ("Price of stability", 550.5, money,
         "revised plan minus from scratch: what keeping to the current days costs", None, None),
    ]


def test_changes_sheet_formats(revised: Any) -> None:
    """Tests dates as Excel dates, money in the Costs sheet's format, formula-like text kept as
    text, and the header rows in the revision's tint."""
    sheet = revised["Changes"]
    assert sheet["D6"].is_date and sheet["E6"].is_date
    reason = sheet["F6"]
    assert reason.data_type == "s" and reason.quotePrefix
    assert {sheet[f"B{row}"].number_format for row in range(24, 29)} == {MONEY_FORMAT}
    assert {fill_of(sheet, cell) for cell in ("A1", "A5", "F5", "A14", "A19", "D23")} == {
        BLUE_TINT}
    assert str(sheet.sheet_properties.tabColor.rgb).endswith(BLUE_TINT)


def test_costs_when_the_current_plan_broke_and_none_was_made_from_scratch(
        prod: Production, tmp_path: Path) -> None:
    """Tests the cost block when the current plan breaks a rule of the edited breakdown and no
    plan was made from scratch: the missing amounts and differences said in words."""
    changes = sample_changes(current_valid=False, from_scratch=False)
    rows = values(write(prod, tmp_path, changes=changes)["Changes"])
    assert [row[:3] for row in rows[-5:]] == [
        ("Current plan", "no longer valid", None),
        ("Revised plan", 52450.5, "EUR"),
        ("From scratch", "not made", None),
        ("Price of the changes", "n/a", None),
        ("Price of stability", "n/a", None),
    ]


def test_a_replan_that_changed_nothing(prod: Production, tmp_path: Path) -> None:
    """Tests the Changes sheet of a re-plan that kept the current schedule: each block says
    that nothing changed, and the price of the changes is zero."""
    changes = ChangeReport(revision=BLUE, replanned_from=date(2026, 3, 9), scenes=(), cast=(),
                           locations=(), cost_current=60_000, cost_revised=60_000,
                           cost_from_scratch=60_000)
    rows = values(write(prod, tmp_path, changes=changes)["Changes"])
    first_cells = [row[0] for row in rows]
    assert rows[1][0] == "no scene changed; days changed for 0 cast members and 0 locations"
    for text in ("no scene changed", "no cast member's work days changed",
                 "no location booking changed"):
        assert text in first_cells[2:]
    assert rows[-2][:3] == ("Price of the changes", 0, "EUR")


def test_revision_without_changes(prod: Production, tmp_path: Path, plain: Any) -> None:
    """Tests that a revision alone names itself but adds no Changes sheet, and leaves the
    board's strips and the other sheets' cells as they are."""
    revised = write(prod, tmp_path, revision=BLUE)
    assert "Changes" not in revised.sheetnames
    summary = dict(values(revised["Summary"])[1:])
    assert summary["revision"] == "Blue" and "replanned_from" not in summary
    assert values(revised["Stripboard"])[1:] == values(plain["Stripboard"])
    for name in ("Schedule", "Gantt", "Day Out of Days", "Days", "Costs", "Notes"):
        assert values(revised[name]) == values(plain[name]), name


def test_without_a_revision_nothing_changes(plain: Any) -> None:
    """Tests a first schedule: no revision field, no Changes sheet, grey headers, no revision
    line on the call sheets, page headers as before."""
    assert "Changes" not in plain.sheetnames
    fields = [row[0] for row in values(plain["Summary"])]
    assert not {"revision", "revision_date", "replanned_from"} & set(fields)
    for name in ("Summary", "Stripboard", "Schedule"):
        assert fill_of(plain[name], "A1") == HEADER_GREY
    assert plain["Stripboard"].oddHeader.center.text == "The Long Night — stripboard"
    assert plain["Stripboard"]["A1"].value == "Day" and plain["Stripboard"].freeze_panes == "A2"
    assert not plain["Schedule"].oddHeader.center.text
    texts = [cell.value for cell in plain["Call Sheets"]["A"] if isinstance(cell.value, str)]
    assert not [text for text in texts if text.startswith("Schedule:")]
