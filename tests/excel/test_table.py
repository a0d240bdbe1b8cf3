"""Reading sheets as records, from cell values in memory: names claimed once, cells taken once."""

from __future__ import annotations

from datetime import date

from scheduler.excel.schema import CAST, PRODUCTION
from scheduler.excel.source import SheetData
from scheduler.excel.table import Findings, ParseContext, read_fields, read_table


def test_a_field_given_twice_is_located_at_the_second() -> None:
    """Tests that the first of two rows naming one field is kept and the second reported."""
    sheet = SheetData("Production", ((1, ("Field", "Value")), (2, ("start_date", "2026-03-02")),
                                     (3, ("Start", "2026-04-01")), (4, ("colour", "blue"))),
                      frozenset())
    findings = Findings()
    record = read_fields(sheet, PRODUCTION, findings)
    assert record.values == {"start_date": date(2026, 3, 2)}
    assert record.columns == {"start_date": "B2"}
    assert [str(p) for p in findings.problems] == [
        "Production!A3: field start_date is given twice (also in row 2); keep one"]
    assert findings.notices == ['Production!A4: field "colour" is not one the planner uses; '
                                "ignored"]


def test_the_date_format_field_is_read_first_and_decides_the_dates() -> None:
    sheet = SheetData("Production", ((1, ("Field", "Value")), (2, ("start_date", "02/03/2026")),
                                     (3, ("date_format", "DD/MM/YYYY"))), frozenset())
    findings = Findings()
    record = read_fields(sheet, PRODUCTION, findings)
    assert record.values["start_date"] == date(2026, 3, 2)
    assert not findings.problems


def test_a_field_formula_without_a_value_fails_the_field() -> None:
    sheet = SheetData("Production", ((1, ("Field", "Value")), (2, ("start_date", None))),
                      frozenset({(2, 2)}))
    findings = Findings()
    record = read_fields(sheet, PRODUCTION, findings)
    assert record.failed == {"start_date"} and "start_date" not in record.values
    (problem,) = findings.problems
    assert problem.where == "Production!B2"
    assert problem.message.startswith("start_date: the formula has no saved value")


def test_a_column_named_twice_and_a_bad_cell_are_located() -> None:
    """Tests a second header meaning the same column, and a cell that fails to parse (the field
    is marked failed, so that its default is not taken for the user's value)."""
    sheet = SheetData("Cast", ((1, ("id", "name", "No", "minor")), (2, ("1", "Ana", "9", "maybe")),
                               (3, ("2", "Ben", None, None))), frozenset({(3, 2)}))
    findings = Findings()
    first, second = read_table(sheet, CAST, ParseContext(), findings)
    assert first.values == {"id": "1", "name": "Ana"} and first.failed == {"minor"}
    assert first.columns == {"id": "A", "name": "B", "minor": "D"}
    assert second.values == {"id": "2"} and second.failed == {"name"}
    assert [p.where for p in findings.problems] == ["Cast!C1", "Cast!D2", "Cast!B3"]
    assert "like column A" in findings.problems[0].message


def test_a_headerless_column_between_headers_is_a_problem_at_its_header_cell() -> None:
    """Tests D9: a merged header (``A1:C1``) blanks B1 and C1; their values must not be dropped
    in silence (the plan would cost less than it should), while a note column beside the
    headers stays a notice."""
    sheet = SheetData("Cast", ((1, ("id", None, None, "minor", None)),
                               (2, ("1", "Ana", "Eva", "no", "a note"))), frozenset())
    findings = Findings()
    read_table(sheet, CAST, ParseContext(), findings)
    assert [problem.where for problem in findings.problems] == ["Cast!B1", "Cast!C1"]
    assert all("merged header" in problem.message for problem in findings.problems)
    assert findings.notices == ["Cast!E1: a column without a header holds values; they are "
                                "ignored"]


def test_a_sheet_cut_at_the_row_cap_gives_only_that_problem() -> None:
    """Tests that the rows read up to the cap are not parsed into a partial sheet's problems."""
    sheet = SheetData("Cast", ((1, ("id", "minor")), (2, ("1", "maybe"))), frozenset(),
                      too_many_rows=True, max_rows=1)
    findings = Findings()
    assert read_table(sheet, CAST, ParseContext(), findings) == []
    assert [str(problem) for problem in findings.problems] == [
        "Cast: more than 1 rows; a breakdown sheet may have at most that many (blank "
        "rows count: delete the empty rows below the last one)"]


def test_a_column_under_a_merged_header_is_a_problem_even_at_the_edge() -> None:
    """Tests that a merge read from the workbook (``D1:E1``, past the last header) makes the
    headerless column a problem naming the merge, where position alone would say a note."""
    sheet = SheetData("Cast", ((1, ("id", "name", "minor", "max_hours", None)),
                               (2, ("1", "Ana", "no", "10", "12"))), frozenset(),
                      header_merges=("D1:E1",))
    findings = Findings()
    read_table(sheet, CAST, ParseContext(), findings)
    assert [str(problem) for problem in findings.problems] == [
        "Cast!E1: this column holds values but its header is merged into D1:E1; unmerge the "
        "header cells and give each column its own header"]
