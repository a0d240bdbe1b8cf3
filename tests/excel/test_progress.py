"""The Progress sheet of a breakdown: statuses in a 2nd AD's spellings, what is left."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.progress import read_progress
from scheduler.replan import SceneProgress, ShotStatus
from tests.helpers.productions import production, scene


def test_progress_rows_are_read_with_what_is_left(tmp_path: Path) -> None:
    """Tests statuses (any case, synonyms), pages left in eighths and hours left in minutes;
    a breakdown without the sheet has no progress."""
    prod = production([scene("1"), scene("2"), scene("3")]).check()
    path = write_breakdown(prod, tmp_path / "b.xlsx")
    assert read_progress(path, prod) == ()
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.create_sheet("Progress")
    for row in (["Sc #", "Status", "Pages Left", "Hours Left"], ["1", "Part Shot", "1 3/8", None],
                ["2", "partial", None, "1:30"], ["3", "NOT SHOT", None, None]):
        sheet.append(row)
    workbook.save(path)
    assert read_progress(path, prod) == (
        SceneProgress("1", ShotStatus.PART_SHOT, 11, None, "Progress!A2"),
        SceneProgress("2", ShotStatus.PART_SHOT, None, 90, "Progress!A3"),
        SceneProgress("3", ShotStatus.NOT_SHOT, None, None, "Progress!A4"),
    )
