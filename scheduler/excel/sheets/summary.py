"""Sheet ``Summary``: two columns ``Field`` and ``Value`` for the producer and for programs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl.workbook.workbook import Workbook

from ...report import summary_fields
from .. import styles
from ._cells import header, print_setup, put, widths
from ._report import ScheduleReport

SHEET = "Summary"
HEADERS = ("Field", "Value")


def write_summary(workbook: Workbook, report: ScheduleReport) -> None:
    """Status, costs, bound and gap, calendar and counts (see ``report.summary_fields``); the
    header row in the revision's colour on a revised schedule."""
    sheet = workbook.create_sheet(SHEET)
    header(sheet, 1, HEADERS, fill=report.header_fill)
    fields = summary_fields(report.production, report.result, report.risk,
                            revision=report.revision, changes=report.changes)
    for row, (field, value) in enumerate(fields, start=2):
        put(sheet, row, 1, field, font=styles.BOLD_FONT, border=True)
        put(sheet, row, 2, value, number_format=_format_of(field, value), border=True,
            alignment=styles.LEFT)
    widths(sheet, (28, 44))
    sheet.freeze_panes = "A2"
    print_setup(sheet, landscape=False, title_rows="1:1")


def _format_of(field: str, value: object) -> str | None:
    if field == "gap":
        return styles.PERCENT_FORMAT
    if isinstance(value, Decimal):
        return styles.MONEY_FORMAT
    if isinstance(value, date):
        return styles.DATE_FORMAT
    return None
