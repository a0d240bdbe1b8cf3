"""Small helpers every sheet uses: safe cells, table headers, widths, print setup."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .. import styles
from ..safe import set_cell

# Per workbook: the style array of each combination of the shared style objects.  openpyxl
# hashes every style object on every assignment, which made large workbooks slow; copying the
# array of a combination already registered is what openpyxl itself does for named styles.
_STYLE_ARRAYS: WeakKeyDictionary[Workbook, dict[tuple[Any, ...], Any]] = WeakKeyDictionary()


def put(worksheet: Worksheet, row: int, column: int, value: Any, *,
        font: Font | None = None, fill: PatternFill | None = None,
        alignment: Alignment | None = None, number_format: str | None = None,
        border: bool = False) -> Cell:
    """Write one value (text stays text, never a formula) and style the cell."""
    cell = set_cell(worksheet, row, column, value)
    if isinstance(value, str) and cell.data_type == "e":
        cell.data_type = "s"  # text such as "#N/A" is a synopsis, not an error value
    key = (id(font), id(fill), id(alignment), number_format, border, bool(cell.quotePrefix))
    known = _STYLE_ARRAYS.setdefault(worksheet.parent, {})
    if key in known:
        # openpyxl's style array, copied whole: styling cell by cell is the writer's hot spot
        cell._style = copy(known[key])  # noqa: SLF001
        return cell
    _style(cell, font, fill, alignment, number_format, border)
    known[key] = copy(cell._style)  # noqa: SLF001
    return cell


def _style(cell: Cell, font: Font | None, fill: PatternFill | None,
           alignment: Alignment | None, number_format: str | None, border: bool) -> None:
    cell.font = font or styles.BASE_FONT
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if number_format is not None:
        cell.number_format = number_format
    if border:
        cell.border = styles.THIN_BORDER


def put_row(worksheet: Worksheet, row: int, values: Sequence[Any], *, first_column: int = 1,
            font: Font | None = None, fill: PatternFill | None = None,
            alignment: Alignment | None = None, border: bool = True,
            number_formats: dict[int, str] | None = None) -> None:
    """Write a row of values; ``number_formats`` maps 0-based positions to formats."""
    formats = number_formats or {}
    for offset, value in enumerate(values):
        put(worksheet, row, first_column + offset, value, font=font, fill=fill,
            alignment=alignment, number_format=formats.get(offset), border=border)


def header(worksheet: Worksheet, row: int, titles: Sequence[str], *,
           first_column: int = 1, fill: PatternFill = styles.HEADER_FILL) -> None:
    """A table header row: bold on grey (or a revision's colour), centred, wrapped."""
    put_row(worksheet, row, titles, first_column=first_column, font=styles.HEADER_FONT,
            fill=fill, alignment=styles.CENTER_WRAP)


def fill_row(worksheet: Worksheet, row: int, columns: Iterable[int], fill: PatternFill) -> None:
    for column in columns:
        put(worksheet, row, column, None, fill=fill)


def banner(worksheet: Worksheet, row: int, text: str, last_column: int, *,
           fill: PatternFill, font: Font) -> None:
    """A full-width row of one text (day breaks, week breaks, moves).

    Not merged: left-aligned text runs on over the empty filled cells to its right, and
    thousands of merged ranges made openpyxl slow.
    """
    put(worksheet, row, 1, text, font=font, fill=fill, alignment=styles.LEFT)
    fill_row(worksheet, row, range(2, last_column + 1), fill)


def widths(worksheet: Worksheet, column_widths: Sequence[float], *,
           first_column: int = 1) -> None:
    for offset, width in enumerate(column_widths):
        worksheet.column_dimensions[get_column_letter(first_column + offset)].width = width


# Column width units a landscape A4 page holds at the smallest scale that still reads well
# (about 70 %: some 150 units fit at 100 %).
READABLE_UNITS_PER_PAGE = 210


def pages_across(total_width: float, repeated_width: float = 0.0) -> int:
    """Pages needed across for a wide sheet to print at a readable scale, when the first
    ``repeated_width`` units of columns are repeated on every page."""
    usable = READABLE_UNITS_PER_PAGE - repeated_width
    return max(1, math.ceil((total_width - repeated_width) / usable))


def print_setup(worksheet: Worksheet, *, landscape: bool = True, title_rows: str | None = None,
                fit_height: bool = False, pages_wide: int = 1) -> None:
    """Fit to ``pages_wide`` pages across (and one page down when asked), repeat the header
    rows on every page."""
    worksheet.page_setup.orientation = "landscape" if landscape else "portrait"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.fitToWidth = pages_wide
    worksheet.page_setup.fitToHeight = 1 if fit_height else 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_margins.left = worksheet.page_margins.right = 0.4
    worksheet.page_margins.top = worksheet.page_margins.bottom = 0.5
    if title_rows:
        worksheet.print_title_rows = title_rows
    worksheet.oddFooter.center.text = "&A — page &P of &N"


LINE_HEIGHT_POINTS = 13.0


def fit_height(worksheet: Worksheet, row: int, cells: Iterable[tuple[str, float]]) -> None:
    """Give a row with wrapped text room for its longest cell (text, column width).

    Neither Excel nor LibreOffice reliably grows a row for wrapped text written by a program,
    so the height is estimated from the text length (about one character per width unit).
    """
    lines = max((_lines(text, width) for text, width in cells), default=1)
    if lines > 1:
        worksheet.row_dimensions[row].height = lines * LINE_HEIGHT_POINTS


def _lines(text: str, width: float) -> int:
    per_line = max(1, int(width * 1.2))
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))
