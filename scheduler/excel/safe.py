"""Safe writing of workbooks: text that stays text, and files replaced atomically.

A text cell starting with ``=``, ``+``, ``-`` or ``@`` would be taken by Excel as a formula when
a user edits it (and is the classic spreadsheet-injection vector), so such text is stored as a
string with Excel's quote prefix; text reading like an error code (``#REF!``) stays text too.
Workbooks are saved atomically (``scheduler.files``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..files import replace_atomically

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def needs_quote_prefix(text: str) -> bool:
    """True when Excel would read ``text`` as a formula if it were typed into a cell."""
    return text.startswith(FORMULA_TRIGGERS)


def set_cell(worksheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write ``value`` to a cell; text that looks like a formula is kept as text.

    Parameters
    ----------
    worksheet
        The sheet to write to.
    row, column
        1-based cell position.
    value
        Any value openpyxl can store; ``str`` values are never written as formulas, and lose
        the control characters an ``.xlsx`` file cannot hold.

    Returns
    -------
    Cell
        The written cell, for styling.
    """
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XML cannot hold
    cell: Cell = worksheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would store "=..." as a formula, "#REF!" as an error
        if needs_quote_prefix(value):
            cell.quotePrefix = True
    return cell


def save_atomically(workbook: Workbook, path: str | Path) -> Path:
    """Save ``workbook`` to ``path`` atomically (``files.replace_atomically``)."""
    return replace_atomically(path, workbook.save)
