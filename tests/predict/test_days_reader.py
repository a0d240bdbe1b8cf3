"""The Days sheet read like a breakdown: the same file limits and words, weekday names, dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl.utils import get_column_letter

from scheduler.day_facts import FEATURE_NAMES
from scheduler.days_sheet import WRITTEN_COLUMNS
from scheduler.errors import InputError
from scheduler.excel import source
from scheduler.excel.days import read_days, read_history
from scheduler.excel.reader import read_workbook
from scheduler.excel.sheets.days import HEADERS
from scheduler.excel.writer import OutputPathError, write_schedule
from scheduler.predict.commands import predict_command, train_command
from tests.helpers.history import HISTORY_HEADER, history_row, two_productions, write_workbook
from tests.helpers.reports import report_production, sample_result

DAYS_HEADER = ("Shoot Day", *FEATURE_NAMES)
WEEKDAY = DAYS_HEADER.index("Weekday")


def problems(read: Any, path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        read(path)
    return [str(problem) for problem in caught.value.problems]


def days_row(shoot_day: int, **changes: Any) -> list[Any]:
    return [shoot_day, *history_row(**changes)[1:-1]]


def without_date_features(header: tuple[str, ...], row: list[Any]) -> list[Any]:
    return [value for name, value in zip(header, row, strict=True)
            if name not in ("Weekday", "Day Index")]


# ----- the file: refused as the breakdown reader refuses it -------------------------------------


@pytest.mark.parametrize(("limit", "wording"), [("MAX_FILE_BYTES", "the limit is"),
                                                ("MAX_UNCOMPRESSED_BYTES", "too big to read")])
def test_too_big_and_zip_bomb_are_refused_with_the_breakdown_readers_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, wording: str) -> None:
    """Tests that train and predict refuse an over-large workbook, and one that expands too far
    (a zip bomb), exactly as the breakdown reader does."""
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, two_productions())
    monkeypatch.setattr(source, limit, 1000)
    breakdown = problems(read_workbook, path)
    assert len(breakdown) == 1 and wording in breakdown[0]
    assert problems(read_history, path) == breakdown
    assert problems(read_days, path) == breakdown
    assert problems(lambda p: train_command(p, tmp_path / "model"), path) == breakdown
    assert problems(lambda p: predict_command(p, None, tmp_path / "out.xlsx"), path) == breakdown
    assert not (tmp_path / "model").exists() and not (tmp_path / "out.xlsx").exists()


def test_too_many_rows_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests the breakdown reader's cap on rows per sheet."""
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, two_productions())
    monkeypatch.setattr(source, "MAX_ROWS_PER_SHEET", 2)
    assert problems(read_history, path) == [
        "Days: more than 2 rows; a breakdown sheet may have at most that many (blank "
        "rows count: delete the empty rows below the last one)"]


def test_a_formula_without_a_saved_value_is_located_not_evaluated(tmp_path: Path) -> None:
    """Tests that a formula is never evaluated: without a value saved by Excel it is reported at
    its cell, like in a breakdown."""
    rows = two_productions()
    rows[1][HISTORY_HEADER.index("Cast")] = "=2+3"
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, rows)
    column = get_column_letter(HISTORY_HEADER.index("Cast") + 1)
    (problem,) = problems(read_history, path)
    assert problem.startswith(f"Days!{column}3: Cast: the formula has no saved value")


def test_yes_no_words_are_the_breakdowns(tmp_path: Path) -> None:
    """Tests the yes/no words shared with the breakdown reader (a tick mark is yes)."""
    rows = [[*row, flag] for row, flag in zip(two_productions(), ["✓", "no", "n", "TRUE"],
                                               strict=True)]
    rows[0][HISTORY_HEADER.index("Night")] = "yes"
    path = write_workbook(tmp_path / "h.xlsx", [*HISTORY_HEADER, "Bottleneck"], rows)
    history = read_history(path)
    assert history.labels.tolist() == [1, 0, 0, 1]
    assert history.features["Night"].tolist() == [1.0, 0.0, 0.0, 1.0]


def test_days_to_score_ignore_the_outcome_cells(tmp_path: Path) -> None:
    """Tests that scoring a history does not check what only learning needs."""
    rows = [[*row, "n/a"] for row in two_productions()]
    rows[0][HISTORY_HEADER.index("Actual Hours")] = "later"
    path = write_workbook(tmp_path / "h.xlsx", [*HISTORY_HEADER, "True Probability"], rows)
    assert read_days(path).rows == (2, 3, 4, 5)
    assert len(problems(read_history, path)) == 5


# ----- weekdays and dates -----------------------------------------------------------------------


def test_weekday_as_a_number_or_a_name(tmp_path: Path) -> None:
    """Tests Mon = 0 as today, and weekday names in any case, short or long."""
    rows = [days_row(day) for day in range(1, 6)]
    for row, weekday in zip(rows, [3, "Mon", "tuesday", "SUN", "Fri"], strict=True):
        row[WEEKDAY] = weekday
    sheet = read_days(write_workbook(tmp_path / "d.xlsx", DAYS_HEADER, rows))
    assert sheet.features["Weekday"].tolist() == [3.0, 0.0, 1.0, 6.0, 4.0]


def test_a_weekday_that_is_no_weekday_is_located(tmp_path: Path) -> None:
    rows = [days_row(1), days_row(2)]
    rows[1][WEEKDAY] = "Funday"
    path = write_workbook(tmp_path / "d.xlsx", DAYS_HEADER, rows)
    assert problems(read_days, path) == [
        f'Days!{get_column_letter(WEEKDAY + 1)}3: Weekday "Funday" is not a weekday; write the '
        "weekday as a name (Mon) or a number, Mon = 0 to Sun = 6"]


def test_weekday_and_day_index_follow_from_a_date_column(tmp_path: Path) -> None:
    """Tests that without Weekday and Day Index a Date gives them: the weekday of the date, and
    the day's rank by date within its production (rows need not be in date order)."""
    header = (*without_date_features(HISTORY_HEADER, list(HISTORY_HEADER)), "Date")
    dates = [date(2026, 3, 4), date(2026, 3, 2), "2026-03-09", date(2026, 3, 3)]
    rows = [[*without_date_features(HISTORY_HEADER, row), when]
            for row, when in zip(two_productions(), dates, strict=True)]
    history = read_history(write_workbook(tmp_path / "h.xlsx", header, rows))
    # Production A shoots on Wed 4 and Mon 2 March, B on Mon 9 and Tue 3 March.
    assert history.features["Weekday"].tolist() == [2.0, 0.0, 0.0, 1.0]
    assert history.features["Day Index"].tolist() == [2.0, 1.0, 2.0, 1.0]
    assert history.labels.tolist() == [0, 1, 0, 1]


def test_days_to_score_with_dates_only(tmp_path: Path) -> None:
    """Tests a Days sheet without Production: all its days are one production's."""
    header = (*without_date_features(DAYS_HEADER, list(DAYS_HEADER)), "Date")
    dates = [date(2026, 3, 6), date(2026, 3, 2)]
    rows = [[*without_date_features(DAYS_HEADER, days_row(day)), when]
            for day, when in enumerate(dates, start=1)]
    sheet = read_days(write_workbook(tmp_path / "d.xlsx", header, rows))
    assert sheet.features["Weekday"].tolist() == [4.0, 0.0]
    assert sheet.features["Day Index"].tolist() == [2.0, 1.0]


def test_dates_that_are_no_dates_are_located(tmp_path: Path) -> None:
    header = (*without_date_features(DAYS_HEADER, list(DAYS_HEADER)), "Date")
    rows = [[*without_date_features(DAYS_HEADER, days_row(day)), when]
            for day, when in ((1, "someday"), (2, None), (3, date(2026, 3, 2)))]
    rows[1][-1] = None
    rows[1][1] = 10.0  # the row is not empty
    column = get_column_letter(len(header))
    found = problems(read_days, write_workbook(tmp_path / "d.xlsx", header, rows))
    assert found[0].startswith(f'Days!{column}2: Date "someday" is not a date')
    assert found[1] == (f"Days!{column}3: Date empty; write the shoot date (the Weekday and "
                        "Day Index follow from it)")
    assert len(found) == 2


def test_a_date_column_is_not_read_when_weekday_and_day_index_are_there(tmp_path: Path) -> None:
    """Tests that a schedule workbook's Date column (any text) does not matter then."""
    header = (*DAYS_HEADER, "Date")
    rows = [[*days_row(1), "the first day"], [*days_row(2), None]]
    sheet = read_days(write_workbook(tmp_path / "d.xlsx", header, rows))
    assert sheet.features["Weekday"].tolist() == [2.0, 2.0]


def test_without_weekday_nor_date_the_date_is_suggested(tmp_path: Path) -> None:
    header = without_date_features(DAYS_HEADER, list(DAYS_HEADER))
    rows = [without_date_features(DAYS_HEADER, days_row(1))]
    (problem,) = problems(read_days, write_workbook(tmp_path / "d.xlsx", header, rows))
    assert "missing column(s): Weekday, Day Index;" in problem
    assert problem.endswith("(or a Date column, from which Weekday and Day Index follow)")


# ----- the sheet contract and the output --------------------------------------------------------


def test_the_writer_and_the_reader_share_the_days_columns(tmp_path: Path) -> None:
    """Tests that the schedule writer's Days header is the contract's, and reads back."""
    assert HEADERS == WRITTEN_COLUMNS
    production = report_production()
    path = write_schedule(production, sample_result(production), tmp_path / "schedule.xlsx")
    sheet = read_days(path)
    assert set(sheet.columns) == {*FEATURE_NAMES, "Date", "Actual Hours"}
    assert not sheet.notices


def test_a_failed_write_is_an_output_error_not_an_input_error(tmp_path: Path) -> None:
    """Tests that a scored workbook that cannot be written is not blamed on the input."""
    production = report_production()
    schedule = write_schedule(production, sample_result(production), tmp_path / "schedule.xlsx")
    with pytest.raises(OutputPathError, match="cannot write"):
        predict_command(schedule, None, tmp_path / "no such folder" / "scored.xlsx")
