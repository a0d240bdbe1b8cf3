"""Problems of a refused upload: where each one is, and the rows of the workbook it points at."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.errors import Problem
from scheduler.web.problems import MAX_ROWS_PER_EXCERPT, Place, place_of, problem_report


@pytest.mark.parametrize(("where", "place"), [
    ("Scenes!F14", Place("Scenes", "F", 14)),
    ("Scenes!14", Place("Scenes", "", 14)),
    ("Scenes", Place("Scenes")),
    ("Cast List!AB7", Place("Cast List", "AB", 7)),
    ("Odd!Name!C3", Place("Odd!Name", "C", 3)),  # "!" is allowed in a sheet name
    ("Scenes!not a cell", Place("Scenes")),
    ("", None),
])
def test_place_of_a_location(where: str, place: Place | None) -> None:
    assert place_of(where) == place


def _workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Scenes"
    sheet.append(["Breakdown of <Harbour>"])  # a title above the header row
    sheet.append(["scene", "int_ext", "day_night", "set", "location", "pages"])
    for number in range(1, 12):
        sheet.append([number, "INT", "DAY", f"SET {number}", "HSE", "1"])
    sheet["F5"] = "2 3/9"
    workbook.save(path)
    return path


def test_rows_with_problems_are_shown_under_the_header_with_the_cell_marked(
        tmp_path: Path) -> None:
    workbook = _workbook(tmp_path / "w.xlsx")
    report = problem_report([
        Problem("Scenes!F5", 'pages "2 3/9" is not a page count'),
        Problem("Scenes!9", "scene 7: no location"),
        Problem("", "the workbook has no Cast sheet"),
    ], workbook)

    assert [line.message for line in report.general] == ["the workbook has no Cast sheet"]
    (sheet,) = report.sheets
    excerpt = sheet.excerpt
    assert excerpt is not None
    assert [row.number for row in excerpt.rows] == [2, 5, 9]
    assert [row.is_header for row in excerpt.rows] == [True, False, False]
    assert [row.after_gap for row in excerpt.rows] == [False, True, True]
    assert excerpt.columns == ["A", "B", "C", "D", "E", "F"]
    bad_row = excerpt.rows[1]
    assert [cell.text for cell in bad_row.cells if cell.flagged] == ["2 3/9"]
    assert bad_row.notes == ['F5: pages "2 3/9" is not a page count']
    assert excerpt.rows[2].notes == ["scene 7: no location"]
    # Each problem links to its row's anchor; anchors never hold text from the file.
    assert [line.anchor for line in sheet.lines] == [excerpt.rows[1].anchor,
                                                     excerpt.rows[2].anchor]
    assert all(row.anchor.startswith(sheet.anchor + "-row-") for row in excerpt.rows)
    assert report.count == 3


def test_a_sheet_with_many_bad_rows_shows_the_first_ones(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Scenes"
    for number in range(1, 101):
        sheet.append([number])
    workbook.save(tmp_path / "many.xlsx")
    problems = [Problem(f"Scenes!A{row}", "bad") for row in range(1, 101)]
    (sheet_problems,) = problem_report(problems, tmp_path / "many.xlsx").sheets
    assert sheet_problems.excerpt is not None
    assert len(sheet_problems.excerpt.rows) == MAX_ROWS_PER_EXCERPT
    assert sheet_problems.excerpt.omitted_rows == 100 - MAX_ROWS_PER_EXCERPT
    assert len(sheet_problems.lines) == 100  # every problem is still listed


def test_without_a_readable_workbook_the_problems_are_listed_alone(tmp_path: Path) -> None:
    not_a_workbook = tmp_path / "text.xlsx"
    not_a_workbook.write_text("hello")
    report = problem_report([Problem("Scenes!F5", "bad")], not_a_workbook)
    assert report.sheets[0].excerpt is None
    assert report.sheets[0].lines[0].anchor == report.sheets[0].anchor

    uss = problem_report([Problem("breakdowns[2].elements[0]", "no element has id 7")], None,
                         in_sheets=False)
    assert uss.sheets == []
    assert [(line.where, line.message) for line in uss.general] == [
        ("breakdowns[2].elements[0]", "no element has id 7")]
