"""Sheet ``Costs``: every cost line of ``Schedule.cost_lines``, the total, budget and headroom."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.workbook.workbook import Workbook

from ...report import cost_line_days
from ...solution import to_money
from .. import styles
from ._cells import header, print_setup, put, put_row, widths
from ._report import ScheduleReport

SHEET = "Costs"
HEADERS = ("Category", "Item", "Days", "Rate", "Per", "Amount")
_MONEY = {3: styles.MONEY_FORMAT, 5: styles.MONEY_FORMAT}


def write_costs(workbook: Workbook, report: ScheduleReport) -> None:
    """Amounts are ``to_money`` of each line; the total row is ``to_money(total_cost)``."""
    sheet = workbook.create_sheet(SHEET)
    header(sheet, 1, HEADERS)
    schedule = report.schedule
    row = 2
    for line in schedule.cost_lines:
        put_row(sheet, row, (line.category, line.item, cost_line_days(line), Decimal(line.rate),
                             line.unit.value, to_money(line.amount)), number_formats=_MONEY)
        row += 1
    total = to_money(schedule.total_cost)
    currency = report.production.settings.currency
    put_row(sheet, row, ("TOTAL", currency, None, None, None, total), font=styles.BOLD_FONT,
            fill=styles.HEADER_FILL, number_formats=_MONEY)
    budget = report.production.settings.budget
    if budget is not None:
        row += 2
        put(sheet, row, 1, "Budget", font=styles.BOLD_FONT)
        put(sheet, row, 6, Decimal(budget), number_format=styles.MONEY_FORMAT)
        row += 1
        put(sheet, row, 1, "Headroom", font=styles.BOLD_FONT)
        put(sheet, row, 6, Decimal(budget) - total, number_format=styles.MONEY_FORMAT,
            font=styles.BOLD_FONT)
    widths(sheet, (14, 36, 7, 12, 10, 14))
    sheet.freeze_panes = "A2"
    print_setup(sheet, landscape=False, title_rows="1:1")

