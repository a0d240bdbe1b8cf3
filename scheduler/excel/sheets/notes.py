"""Sheet ``Notes``: input notices, solver notes, conflicts and the assumptions of the reports."""

from __future__ import annotations

from openpyxl.workbook.workbook import Workbook

from ...data import Production
from ...dood import DROP_CONVENTION
from ...result import Result
from .. import styles
from ._cells import fit_height, header, print_setup, put, widths
from ._report import crew_call_assumption

SHEET = "Notes"
HEADERS = ("Kind", "Note")
KIND_WIDTH, NOTE_WIDTH = 30, 110


def note_lines(production: Production, result: Result) -> list[tuple[str, str]]:
    """(kind, text) of every note, input first, then the solve, then the reports' assumptions."""
    lines = [("input", notice) for notice in production.notices]
    lines += [("solver", note) for note in result.notes]
    lines += [(f"conflict: {conflict.rule.wording}", conflict.message)
              for conflict in result.conflicts]
    if result.solution is not None:
        lines += [
            ("assumption", crew_call_assumption()),
            ("assumption", f"Day Out of Days: {DROP_CONVENTION}"),
            ("assumption", "Pages of a scene that takes several shoot days count on its first "
                           "day (part 1/n); hours are split over its days."),
            ("assumption", "Strips within a day are grouped by location in the order the "
                           "company visits them; each change of location is a company move."),
        ]
    return lines


def write_notes(workbook: Workbook, production: Production, result: Result) -> None:
    sheet = workbook.create_sheet(SHEET)
    header(sheet, 1, HEADERS)
    lines = note_lines(production, result) or [("info", "nothing to report")]
    for row, (kind, text) in enumerate(lines, start=2):
        put(sheet, row, 1, kind, font=styles.BOLD_FONT, alignment=styles.LEFT_WRAP, border=True)
        put(sheet, row, 2, text, alignment=styles.LEFT_WRAP, border=True)
        fit_height(sheet, row, ((kind, KIND_WIDTH), (text, NOTE_WIDTH)))
    widths(sheet, (KIND_WIDTH, NOTE_WIDTH))
    sheet.freeze_panes = "A2"
    print_setup(sheet, title_rows="1:1")
