"""The schedule workbook people use: stripboard, DOOD, call sheets, Gantt, costs and more.

``write_schedule`` writes one sheet per reader (``spec/outputs.md``); the ``Schedule`` and ``Days``
sheets have fixed headers for programs.  Every fact comes from the result's ``solution.Schedule``
and from ``report`` (money via ``to_money``), so the workbook, the JSON export, the web page and
the validator agree.  Without a schedule
(infeasible, or none found in time) only ``Summary`` and ``Notes`` are written.

A revised schedule (``revision``) names its revision in ``Summary``, in the stripboard's and
schedule's page headers and on every call sheet, and fills the header rows with the revision's
colour; a re-plan's ``changes`` add the ``Changes`` sheet after ``Summary``
(``sheets/changes.py``).  With neither, the workbook is a first schedule's.

The file is saved to a temporary file beside the target and moved into place, and the writer
refuses to write over the workbook it read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from ..data import Production
from ..errors import PlanShootError
from ..files import same_file
from ..report import RiskByDay
from ..result import Result
from ..revision import ChangeReport, Revision
from .safe import save_atomically
from .sheets._report import ScheduleReport
from .sheets.call_sheets import write_call_sheets
from .sheets.changes import write_changes
from .sheets.costs import write_costs
from .sheets.day_out_of_days import write_day_out_of_days
from .sheets.days import write_days
from .sheets.gantt import write_gantt
from .sheets.notes import write_notes
from .sheets.schedule import write_schedule_sheet
from .sheets.stripboard import write_stripboard
from .sheets.summary import write_summary
from .styles import DEFAULT_PALETTE, StripPalette

logger = logging.getLogger("scheduler")


class OutputPathError(PlanShootError):
    """The output path would overwrite the input workbook."""


def write_schedule(
    production: Production,
    result: Result,
    path: str | Path,
    *,
    risk: RiskByDay | None = None,
    input_path: str | Path | None = None,
    palette: StripPalette = DEFAULT_PALETTE,
    revision: Revision | None = None,
    changes: ChangeReport | None = None,
) -> Path:
    """Write the schedule workbook.

    Parameters
    ----------
    production
        The production that was scheduled.
    result
        The solve result.  Without a solution only ``Summary`` (with the status) and ``Notes``
        (with the conflicts) are written.
    path
        Where to write the ``.xlsx``; an existing file there is replaced atomically.
    risk
        Optional bottleneck forecast: shoot day -> (probability, flagged, main drivers).
    input_path
        The workbook the production was read from; the writer refuses to overwrite it.
    palette
        Strip colours by INT/EXT and time of day.
    revision
        The revision this schedule is issued as (``BLUE revision of 14 Sep 2026``); by default
        the revision of ``changes``, and none for a first schedule.
    changes
        What a re-plan changed and what it costs: the ``Changes`` sheet.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    OutputPathError
        When ``path`` is the input workbook.
    """
    target = Path(path)
    if input_path is not None and same_file(target, input_path):
        raise OutputPathError(f"refusing to write the schedule over the input workbook {target}; "
                              "choose another output file")
    workbook = build_workbook(production, result, risk=risk, palette=palette,
                              revision=revision, changes=changes)
    save_atomically(workbook, target)
    logger.info("schedule workbook written to %s", target)
    return target


def build_workbook(production: Production, result: Result, *, risk: RiskByDay | None = None,
                   palette: StripPalette = DEFAULT_PALETTE, revision: Revision | None = None,
                   changes: ChangeReport | None = None) -> Workbook:
    """The workbook in memory, sheet by sheet (see ``write_schedule``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    report = ScheduleReport(production, result, risk, palette, revision, changes)
    write_summary(workbook, report)
    if changes is not None:
        write_changes(workbook, report, changes)
    if result.schedule is not None:
        write_stripboard(workbook, report)
        write_schedule_sheet(workbook, report)
        write_gantt(workbook, report)
        write_day_out_of_days(workbook, report)
        write_call_sheets(workbook, report)
        write_days(workbook, report)
        write_costs(workbook, report)
    write_notes(workbook, production, result)
    workbook.properties.title = production.settings.title
    workbook.properties.creator = "plan-shoot"
    return workbook
