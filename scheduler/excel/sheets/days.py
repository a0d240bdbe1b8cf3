"""Sheet ``Days``: one row per shoot day with its features, for programs and the predictor.

Fixed headers (``spec/outputs.md``); ``Actual Hours`` is left empty for the producer to fill in as
the shoot goes, so that the workbook can later be stacked into the history workbook.
"""

from __future__ import annotations

from openpyxl.workbook.workbook import Workbook

from ...day_facts import FEATURE_NAMES, day_features
from ...days_sheet import SHEET, WRITTEN_COLUMNS
from .. import styles
from ._cells import header, print_setup, put_row, widths
from ._report import ScheduleReport

HEADERS = WRITTEN_COLUMNS


def write_days(workbook: Workbook, report: ScheduleReport) -> None:
    sheet = workbook.create_sheet(SHEET)
    header(sheet, 1, HEADERS)
    formats = {1: styles.DATE_FORMAT, 2: styles.DECIMAL_FORMAT, 3: styles.PAGES_FORMAT,
               10: styles.DECIMAL_FORMAT, len(HEADERS) - 3: styles.PERCENT_FORMAT}
    risk = report.risk or {}
    for row, day in enumerate(report.schedule.shooting_days, start=2):
        features = day_features(report.schedule, day)
        probability: float | None = None
        flag: str | None = None
        if day in risk:
            probability, flagged, _ = risk[day]
            flag = "yes" if flagged else "no"
        values = (day, report.date_of(day), *(features[name] for name in FEATURE_NAMES),
                  probability, flag, None)
        put_row(sheet, row, values, number_formats=formats)
    widths(sheet, (9, 16, *([8] * len(FEATURE_NAMES)), 12, 6, 9))
    sheet.row_dimensions[1].height = 30
    sheet.freeze_panes = "C2"
    print_setup(sheet, title_rows="1:1")
