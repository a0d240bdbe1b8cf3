"""Sheet ``Day Out of Days``: cast down, shoot days across, the standard codes and totals.

Row 1 carries the date of each shoot day, row 2 its shoot day number; the totals per member
(work, hold, drop, start, finish, paid days, daily rate, cost) follow the day columns.  The codes
and the drop convention are explained in a legend under the table.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...dood import DROP_CONVENTION, DoodCode
from ...solution import to_money
from .. import styles
from ._cells import header, pages_across, print_setup, put, put_row, widths
from ._report import ScheduleReport

SHEET = "Day Out of Days"
MEMBER_HEADERS = ("ID", "Name", "Character")
TOTAL_HEADERS = ("Work", "Hold", "Drop", "Start", "Finish", "Paid Days", "Daily Rate", "Cost")
FIRST_DAY_COLUMN = len(MEMBER_HEADERS) + 1
FIRST_ROW = 3
MEMBER_WIDTHS = (5, 18, 18)
DAY_WIDTH = 5.5
TOTAL_WIDTHS = (6, 6, 6, 8, 8, 7, 10, 12)

_CODE_FILLS: dict[DoodCode, PatternFill] = {
    DoodCode.HOLD: styles.HOLD_FILL,
    DoodCode.DROP: styles.DROP_FILL,
}


def write_day_out_of_days(workbook: Workbook, report: ScheduleReport) -> None:
    sheet = workbook.create_sheet(SHEET)
    dood = report.dood
    total_column = FIRST_DAY_COLUMN + len(dood.days)
    header(sheet, 1, MEMBER_HEADERS)
    header(sheet, 1, TOTAL_HEADERS, first_column=total_column)
    for offset, (day, when) in enumerate(zip(dood.days, dood.dates, strict=True)):
        column = FIRST_DAY_COLUMN + offset
        put(sheet, 1, column, when, font=styles.SMALL_BOLD_FONT, fill=styles.HEADER_FILL,
            alignment=styles.ROTATED, number_format="ddd d mmm", border=True)
        put(sheet, 2, column, f"Day {day}", font=styles.SMALL_BOLD_FONT,
            fill=styles.HEADER_FILL, alignment=styles.CENTER, border=True)
    for column in (*range(1, FIRST_DAY_COLUMN), *range(total_column,
                                                         total_column + len(TOTAL_HEADERS))):
        put(sheet, 2, column, None, fill=styles.HEADER_FILL, border=True)

    row = FIRST_ROW
    for member in dood.rows:
        put_row(sheet, row, (member.cast_id, member.name, member.character),
                alignment=styles.LEFT)
        for offset, day in enumerate(dood.days):
            code = member.codes.get(day)
            column = FIRST_DAY_COLUMN + offset
            if code is None:
                put(sheet, row, column, None, border=True)
            elif code.is_work:
                put(sheet, row, column, code.value, font=styles.WORK_FONT,
                    fill=styles.WORK_FILL, alignment=styles.CENTER, border=True)
            else:
                put(sheet, row, column, code.value, font=styles.SMALL_BOLD_FONT,
                    fill=_CODE_FILLS[code], alignment=styles.CENTER, border=True)
        totals = (member.work_days, member.hold_days, member.drop_days, member.start,
                  member.finish, member.paid_days, Decimal(member.daily_rate),
                  member.cost_money)
        put_row(sheet, row, totals, first_column=total_column,
                number_formats={3: styles.SHORT_DATE_FORMAT, 4: styles.SHORT_DATE_FORMAT,
                                6: styles.MONEY_FORMAT, 7: styles.MONEY_FORMAT})
        row += 1

    sums = (sum(m.work_days for m in dood.rows), sum(m.hold_days for m in dood.rows),
            sum(m.drop_days for m in dood.rows), None, None,
            sum(m.paid_days for m in dood.rows), None,
            to_money(sum(m.cost for m in dood.rows)))
    put(sheet, row, 1, "TOTAL", font=styles.BOLD_FONT, fill=styles.HEADER_FILL, border=True)
    put_row(sheet, row, sums, first_column=total_column, font=styles.BOLD_FONT,
            fill=styles.HEADER_FILL, number_formats={7: styles.MONEY_FORMAT})
    _legend(sheet, row + 2)

    widths(sheet, MEMBER_WIDTHS)
    widths(sheet, [DAY_WIDTH] * len(dood.days), first_column=FIRST_DAY_COLUMN)
    widths(sheet, TOTAL_WIDTHS, first_column=total_column)
    sheet.row_dimensions[1].height = 62
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=FIRST_DAY_COLUMN).coordinate
    total_width = sum(MEMBER_WIDTHS) + DAY_WIDTH * len(dood.days) + sum(TOTAL_WIDTHS)
    print_setup(sheet, title_rows="1:2",
                pages_wide=pages_across(total_width, repeated_width=sum(MEMBER_WIDTHS)))
    sheet.print_title_cols = f"A:{get_column_letter(FIRST_DAY_COLUMN - 1)}"
    sheet.oddHeader.center.text = f"{report.title} — Day Out of Days"
    sheet.sheet_view.zoomScale = 90


def _legend(sheet: Worksheet, row: int) -> None:
    put(sheet, row, 1, "Codes", font=styles.BOLD_FONT)
    for offset, code in enumerate(DoodCode, start=1):
        put(sheet, row + offset, 1, code.value, font=styles.BOLD_FONT, alignment=styles.CENTER)
        put(sheet, row + offset, 2, code.meaning)
    note_row = row + len(DoodCode) + 1
    put(sheet, note_row, 1, "Drop", font=styles.BOLD_FONT, alignment=styles.CENTER)
    put(sheet, note_row, 2, DROP_CONVENTION, font=styles.NOTE_FONT)
    put(sheet, note_row + 1, 2, "Paid days = work + hold; cost = paid days × daily rate, as in "
                                "the Costs sheet.", font=styles.NOTE_FONT)
