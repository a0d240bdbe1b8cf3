"""``COMPARISON.xlsx`` and each scenario's schedule workbook beside it.

The comparison workbook has the sheet ``Comparison``: one row per scenario, the base first, the
issue's columns exactly (``COMPARISON_COLUMNS``), with a bar chart of ``Change vs Base`` beside
it; and ``Notes``: each scenario's effect (relaxing, restricting, ...), where it was solved and
what happened to it (a schedule adopted, the problems of an invalid scenario).  Each scenario
with a schedule also gets the regular schedule workbook (``excel.write_schedule``) beside it,
``COMPARISON_<scenario>.xlsx`` (the base's is ``COMPARISON_base.xlsx``): one workbook per
scenario rather than sheets, so that each opens as any schedule does (stripboard, call sheets,
DOOD) and can be handed on alone.  Every file is written atomically, text that looks like a
formula stays text, and no file is written over an input.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.workbook import Workbook

from ..errors import PlanShootError
from ..excel.safe import save_atomically, set_cell
from ..excel.writer import write_schedule
from ..files import same_file
from .compare import Comparison, ComparisonRow

logger = logging.getLogger("scheduler")

SHEET = "Comparison"
COMPARISON_COLUMNS = ("Scenario", "Changes", "Status", "Total Cost", "Change vs Base",
                      "Shoot Days", "Wrap Date", "Cast Hold Days", "Company Moves",
                      "Expected Bottleneck Days", "Lower Bound")
NOTES_COLUMNS = ("Scenario", "Effect", "Solve Seconds", "Notes")
COLUMN_WIDTHS = (22, 60, 22, 14, 14, 11, 16, 14, 14, 14, 14)
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "ddd d mmm yyyy"
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FONT = Font(bold=True)
SLUG_LENGTH = 40
_NOT_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9]+")


def comparison_values(row: ComparisonRow) -> tuple[Any, ...]:
    """A row's cells, in ``COMPARISON_COLUMNS`` order."""
    changes = f"{row.changes} ({row.effect})" if row.effect else row.changes
    return (row.scenario, changes, row.status, row.total_cost, row.change_vs_base,
            row.shoot_days, row.wrap_date, row.cast_hold_days, row.company_moves,
            row.expected_bottleneck_days, row.lower_bound)


def schedule_paths(target: Path, names: Iterable[str]) -> dict[str, Path]:
    """Each scenario's schedule workbook beside ``target``: ``TARGET_<slug>.xlsx``, the slug
    the name in letters, digits and ``_`` (made unique)."""
    paths: dict[str, Path] = {}
    taken: set[str] = set()
    for name in names:
        slug = _NOT_IN_FILE_NAMES.sub("_", name).strip("_")[:SLUG_LENGTH] or "scenario"
        unique, count = slug, 1
        while unique.lower() in taken:
            count += 1
            unique = f"{slug}_{count}"
        taken.add(unique.lower())
        paths[name] = target.with_name(f"{target.stem}_{unique}.xlsx")
    return paths


def write_comparison(comparison: Comparison, path: str | Path, *,
                     inputs: Iterable[str | Path] = (), schedules: bool = True) -> list[Path]:
    """Write ``COMPARISON.xlsx`` and, with ``schedules``, each scenario's schedule workbook.

    Parameters
    ----------
    comparison
        What ``compare_scenarios`` gave.
    path
        The comparison workbook.
    inputs
        The files read (breakdown, scenarios): nothing is written over them.
    schedules
        Also write each scenario's schedule workbook beside it.

    Returns
    -------
    list of Path
        Every file written, the comparison first.

    Raises
    ------
    PlanShootError
        When a file would be written over an input.
    """
    target = Path(path)
    outcomes = {outcome.name: outcome for outcome in comparison.outcomes}
    paths = schedule_paths(target, outcomes) if schedules else {}
    for written in [target, *paths.values()]:
        for source in inputs:
            if same_file(written, source):
                raise PlanShootError(f"refusing to write {written} over the input {source}; "
                                     "choose another output file")
    saved = [save_atomically(_workbook(comparison), target)]
    for name, schedule_path in paths.items():
        outcome = outcomes[name]
        if outcome.plan is None or outcome.schedule is None:
            continue
        saved.append(write_schedule(outcome.production, outcome.plan.result, schedule_path,
                                    risk=outcome.plan.risk))
    logger.info("comparison written to %s (%d schedule workbooks)", target, len(saved) - 1)
    return saved


def _workbook(comparison: Comparison) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    rows = comparison.rows()
    _header(sheet, COMPARISON_COLUMNS)
    for index, row in enumerate(rows, start=2):
        for column, value in enumerate(comparison_values(row), start=1):
            cell = set_cell(sheet, index, column, value)
            if isinstance(value, Decimal):
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
    for column, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
    sheet.freeze_panes = "B2"
    _chart(sheet, len(rows), comparison.currency)
    _notes(workbook.create_sheet("Notes"), comparison, rows)
    workbook.properties.creator = "plan-shoot"
    return workbook


def _header(sheet: Any, names: tuple[str, ...]) -> None:
    for column, name in enumerate(names, start=1):
        cell = set_cell(sheet, 1, column, name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL


def _chart(sheet: Any, count: int, currency: str) -> None:
    """A bar per scenario: its change in cost against the base (the base's bar is 0)."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = f"Change vs Base ({currency})"
    chart.y_axis.title = currency
    chart.legend = None
    change = COMPARISON_COLUMNS.index("Change vs Base") + 1
    chart.add_data(Reference(sheet, min_col=change, min_row=1, max_row=count + 1),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=count + 1))
    chart.height, chart.width = max(7.5, 0.8 * count + 3), 18
    sheet.add_chart(chart, f"A{count + 4}")


def _notes(sheet: Any, comparison: Comparison, rows: list[ComparisonRow]) -> None:
    _header(sheet, NOTES_COLUMNS)
    for index, row in enumerate(rows, start=2):
        values = (row.scenario, row.effect or "base", row.runtime, " | ".join(row.notes))
        for column, value in enumerate(values, start=1):
            set_cell(sheet, index, column, value)
    footer = len(rows) + 3
    set_cell(sheet, footer, 1, "solved")
    set_cell(sheet, footer, 2, f"{comparison.where}, {comparison.time_limit:g} s each"
                               + (" (stopped by you)" if comparison.interrupted else ""))
    for column, width in enumerate((22, 14, 14, 100), start=1):
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
