"""The current schedule a re-plan revises: dates from the Schedule sheet, the revision from
the Summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from scheduler.data import CalendarDayType, CalendarEntry
from scheduler.errors import InputError
from scheduler.excel.writer import write_schedule
from scheduler.interop.current_schedule import read_current_schedule
from scheduler.result import Result, SolveStatus
from scheduler.solution import Schedule, Solution
from tests.helpers.productions import production, scene


def test_dates_come_from_the_sheet_and_the_revision_from_the_summary(tmp_path: Path) -> None:
    """Tests that a day lost in the edited breakdown does not shift the current dates (they
    are the sheet's), that a schedule without a revision is White (0), and that a Summary
    ``revision`` of ``PINK revision of 4 Mar 2026`` is 2; a word that is no colour is
    located."""
    prod = production([scene("1"), scene("2", hours=7)], max_shoot_days=4).check()
    schedule = Schedule(prod, Solution(start_day={"1": 1, "2": 2}))
    path = write_schedule(prod, Result(SolveStatus.FEASIBLE, schedule=schedule),
                          tmp_path / "s.xlsx")
    edited = prod.model_copy(update={"calendar_entries": (
        CalendarEntry(date=date(2026, 3, 2), type=CalendarDayType.OFF),)})
    current = read_current_schedule(path, edited)
    assert current.dates == {"1": date(2026, 3, 2), "2": date(2026, 3, 3)}
    assert current.revision == 0
    workbook = openpyxl.load_workbook(path)
    summary = workbook["Summary"]
    summary.append(["revision", "PINK revision of 4 Mar 2026"])
    workbook.save(path)
    assert read_current_schedule(path, edited).revision == 2
    summary.cell(summary.max_row, 2).value = "Mauve"
    workbook.save(path)
    with pytest.raises(InputError) as raised:
        read_current_schedule(path, edited)
    assert raised.value.problems[0].where == f"Summary!B{summary.max_row}"
