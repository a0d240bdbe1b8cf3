"""The problems of a refused workbook, each linked to its sheet and row, shown against the rows.

``problem_report`` groups the reader's problems by sheet and reads back the rows they point at
(with the sheet's header row above them), so that the page shows "Scenes!F3" next to the very
row of the producer's workbook with the bad cell marked.  Anchors are made of counters, never of
sheet titles, so no text from the file ends up in an ``id`` or a link.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import column_index_from_string, get_column_letter

from ..errors import Problem
from ..excel.parse import CellValue, is_blank, shown
from ..excel.schema import sheet_spec
from ..excel.source import SheetData, load_sheets
from ..excel.table import find_header_row

logger = logging.getLogger("scheduler")

MAX_ROWS_PER_EXCERPT = 60
MAX_COLUMNS = 30
MAX_CELL_TEXT = 40
_CELL = re.compile(r"(?P<column>[A-Z]{1,3})?(?P<row>[1-9][0-9]{0,6})?")


@dataclass(frozen=True)
class Place:
    """Where a problem is: sheet, column letter (or ""), row (or None)."""

    sheet: str
    column: str = ""
    row: int | None = None


def place_of(where: str) -> Place | None:
    """``Scenes!F14`` -> (Scenes, F, 14); ``Scenes!14`` and ``Scenes`` too; None when unplaced.

    A location without ``!`` (a sheet, or a path inside a USS file) is a place without a cell.
    """
    if not where:
        return None
    sheet, bang, cell = where.rpartition("!")
    if not bang:
        return Place(where)
    match = _CELL.fullmatch(cell)
    if match is None:
        return Place(sheet)
    row = match.group("row")
    return Place(sheet, match.group("column") or "", int(row) if row else None)


@dataclass(frozen=True)
class ProblemLine:
    where: str
    message: str
    anchor: str | None  # the excerpt row (or sheet) it links to


@dataclass
class ExcerptCell:
    text: str
    column: str
    messages: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.messages)


@dataclass
class ExcerptRow:
    number: int
    anchor: str
    cells: list[ExcerptCell]
    is_header: bool = False
    messages: list[str] = field(default_factory=list)  # about the whole row
    after_gap: bool = False  # rows above it, down to the previous row shown, are left out

    @property
    def notes(self) -> list[str]:
        """Every message about this row, a cell's with its reference (``F3``) first."""
        return [*self.messages, *(f"{cell.column}{self.number}: {message}" for cell in self.cells
                                  for message in cell.messages)]


@dataclass
class SheetExcerpt:
    """Some rows of one sheet of the uploaded workbook."""

    title: str
    anchor: str
    columns: list[str]
    rows: list[ExcerptRow]
    omitted_rows: int = 0


@dataclass
class SheetProblems:
    title: str
    anchor: str
    lines: list[ProblemLine]
    excerpt: SheetExcerpt | None = None


@dataclass
class ProblemReport:
    """What the "problems" page shows: general problems, then per sheet."""

    general: list[ProblemLine]
    sheets: list[SheetProblems]

    @property
    def count(self) -> int:
        return len(self.general) + sum(len(sheet.lines) for sheet in self.sheets)


def problem_report(problems: Sequence[Problem], workbook: Path | None, *,
                   in_sheets: bool = True) -> ProblemReport:
    """Group ``problems`` by sheet and, when ``workbook`` is an ``.xlsx``, read the rows they name.

    Parameters
    ----------
    problems
        The reader's problems, in its order (sheet, row, column).
    workbook
        The uploaded workbook, or None (no excerpts: a USS file, an unreadable file).
    in_sheets
        False when the locations are not ``Sheet!CELL`` (a USS file's paths): one flat list.
    """
    general: list[ProblemLine] = []
    by_sheet: dict[str, list[tuple[Problem, Place]]] = defaultdict(list)
    for problem in problems:
        place = place_of(problem.where) if in_sheets else None
        if place is None:
            general.append(ProblemLine(problem.where, problem.message, None))
        else:
            by_sheet[place.sheet].append((problem, place))
    loaded = _load(workbook, by_sheet) if workbook is not None else {}
    sheets = []
    for number, (title, placed) in enumerate(by_sheet.items(), start=1):
        anchor = f"sheet-{number}"
        data = loaded.get(title)
        excerpt = _excerpt(data, anchor, placed) if data is not None else None
        shown_rows = {row.number for row in excerpt.rows} if excerpt else set()
        lines = [ProblemLine(problem.where, problem.message,
                             f"{anchor}-row-{place.row}" if place.row in shown_rows else anchor)
                 for problem, place in placed]
        sheets.append(SheetProblems(title, anchor, lines, excerpt))
    return ProblemReport(general, sheets)


def _load(workbook: Path, by_sheet: dict[str, list[tuple[Problem, Place]]]
          ) -> dict[str, SheetData]:
    titles = set(by_sheet)
    try:
        sheets, _ = load_sheets(workbook, wanted=lambda title: title in titles)
    except Exception:  # the excerpt is a help; the problems are shown without it
        logger.info("no excerpt of %s", workbook.name, exc_info=True)
        return {}
    return {sheet.title: sheet for sheet in sheets}


def _excerpt(data: SheetData, anchor: str, placed: list[tuple[Problem, Place]]) -> SheetExcerpt:
    values = dict(data.rows)
    wanted = sorted({place.row for _, place in placed if place.row is not None})
    shown_rows = wanted[:MAX_ROWS_PER_EXCERPT]
    header = _header_row(data)
    if header is not None and shown_rows and header < shown_rows[0]:
        shown_rows.insert(0, header)
    width = max((len(values.get(row, ())) for row in shown_rows), default=0)
    flagged_columns = [column_index_from_string(place.column)
                       for _, place in placed if place.column and place.row in shown_rows]
    width = min(max([width, *flagged_columns]), MAX_COLUMNS)
    rows = [_excerpt_row(row, values.get(row, ()), width, anchor, row == header)
            for row in shown_rows]
    for previous, later in zip(shown_rows, rows[1:], strict=False):
        later.after_gap = later.number > previous + 1
    by_number = {row.number: row for row in rows}
    for problem, place in placed:
        row_view = by_number.get(place.row) if place.row is not None else None
        if row_view is None:
            continue
        index = column_index_from_string(place.column) - 1 if place.column else None
        if index is not None and index < len(row_view.cells):
            row_view.cells[index].messages.append(problem.message)
        else:
            row_view.messages.append(problem.message)
    return SheetExcerpt(data.title, anchor, [get_column_letter(i + 1) for i in range(width)],
                        rows, omitted_rows=max(0, len(wanted) - MAX_ROWS_PER_EXCERPT))


def _excerpt_row(number: int, cells: Iterable[CellValue], width: int, anchor: str,
                 is_header: bool) -> ExcerptRow:
    texts = [_cell_text(value) for value in cells][:width]
    texts += [""] * (width - len(texts))
    return ExcerptRow(number, f"{anchor}-row-{number}",
                      [ExcerptCell(text, get_column_letter(index + 1))
                       for index, text in enumerate(texts)], is_header)


def _cell_text(value: CellValue) -> str:
    if is_blank(value):
        return ""
    text = value if isinstance(value, str) else shown(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL_TEXT else text[:MAX_CELL_TEXT - 3] + "..."


def _header_row(data: SheetData) -> int | None:
    """The row the reader takes as the header (a title or a note may sit above it)."""
    spec = sheet_spec(data.title)
    header = find_header_row(data, spec) if spec is not None else None
    return header[0] if header is not None else None
