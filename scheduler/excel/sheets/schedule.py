"""Sheet ``Schedule``: one row per scene per shoot day it occupies, with fixed headers for
programs (``spec/outputs.md``)."""

from __future__ import annotations

from openpyxl.workbook.workbook import Workbook

from ...report import schedule_rows
from .. import styles
from ._cells import header, print_setup, put_row, widths
from ._report import ScheduleReport

SHEET = "Schedule"
HEADERS = ("Shoot Day", "Date", "Scene", "Part", "Set", "Location", "I/E", "D/N", "Pages",
           "Hours", "Cast")
_FORMATS = {1: styles.DATE_FORMAT, 8: styles.PAGES_FORMAT, 9: styles.DECIMAL_FORMAT}


def write_schedule_sheet(workbook: Workbook, report: ScheduleReport) -> None:
    """``Date`` is an Excel date, ``Pages`` decimal pages (a multi-day scene's pages on its first
    part), ``Hours`` the decimal hours of that part, ``Cast`` the ids joined by ``, ``.  On a
    revised schedule the header row takes the revision's colour and the page header names it."""
    sheet = workbook.create_sheet(SHEET)
    header(sheet, 1, HEADERS, fill=report.header_fill)
    for row, item in enumerate(schedule_rows(report.schedule), start=2):
        values = (item.shoot_day, item.date, item.scene, item.part, item.set_name,
                  item.location, item.int_ext, item.day_night, item.pages, item.hours,
                  ", ".join(item.cast))
        put_row(sheet, row, values, number_formats=_FORMATS)
    widths(sheet, (9, 16, 9, 6, 28, 16, 8, 7, 7, 7, 22))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:K{max(2, sheet.max_row)}"
    print_setup(sheet, title_rows="1:1")
    if report.revision is not None:
        # The headers are fixed for programs: the revision is named in the printed page header.
        sheet.oddHeader.center.text = report.page_header("schedule")
