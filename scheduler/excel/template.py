"""A blank, annotated breakdown workbook for a line producer to fill in.

Every sheet of the schema with its headers; a comment on each header says what the column means
and how to write it; drop-downs offer the values of I/E, D/N, yes/no, billing and the other
choice columns; the ``Production`` sheet lists every field with its default.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .breakdown import write_settings_sheet, write_table_sheet
from .safe import save_atomically, set_cell
from .schema import CHOICES, FORMAT_HINTS, PRODUCTION, SHEETS, Column, Kind, SheetSpec

TEMPLATE_ROWS = 500  # rows that get the drop-downs
COMMENT_AUTHOR = "plan-shoot"
# Choices a user may also type past: a work week can be any list of weekdays, and yes/no
# columns accept x, y, 1 and the like.
OPEN_CHOICES: dict[Kind, tuple[str, ...]] = {Kind.WORK_WEEK: ("Mon-Fri", "Mon-Sat", "Mon-Sun")}
OPEN_KINDS = frozenset({Kind.YES_NO, Kind.WORK_WEEK, Kind.DATE_FORMAT})


def write_template(path: str | Path) -> Path:
    """Write a blank breakdown workbook with annotated headers and drop-downs.

    Parameters
    ----------
    path
        The ``.xlsx`` file to create or replace.

    Returns
    -------
    Path
        The path written.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    _production_sheet(workbook.create_sheet(PRODUCTION.name))
    for spec in SHEETS:
        if spec is not PRODUCTION:
            _table_sheet(workbook.create_sheet(spec.name), spec)
    return save_atomically(workbook, path)


def column_comment(column: Column) -> str:
    """What a column means, how to write it, and the other headers accepted for it."""
    lines = [f"{column.name}: {column.help}.", f"Format: {FORMAT_HINTS[column.kind]}."]
    if column.required:
        lines.append("Required.")
    if column.synonyms:
        lines.append("Also accepted as header: " + ", ".join(column.synonyms[:4]) + ".")
    return "\n".join(lines)


def _production_sheet(worksheet: Worksheet) -> None:
    write_settings_sheet(worksheet, {}, every_field=True)
    worksheet["A1"].comment = _comment("the setting's name")
    worksheet["B1"].comment = _comment("its value (blank: the default)")
    for row, column in enumerate(PRODUCTION.columns, start=2):
        worksheet.cell(row=row, column=1).comment = _comment(column_comment(column))
        set_cell(worksheet, row, 2, column.default)
        _drop_down(worksheet, column.kind, f"B{row}")


def _table_sheet(worksheet: Worksheet, spec: SheetSpec) -> None:
    write_table_sheet(worksheet, spec, [])
    for index, column in enumerate(spec.columns, start=1):
        worksheet.cell(row=1, column=index).comment = _comment(column_comment(column))
        letter = get_column_letter(index)
        _drop_down(worksheet, column.kind, f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")


def _drop_down(worksheet: Worksheet, kind: Kind, cells: str) -> None:
    strict = kind not in OPEN_KINDS
    choices = CHOICES.get(kind) or OPEN_CHOICES.get(kind)
    if not choices:
        return
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=True, showErrorMessage=strict,
                                errorTitle="Not a choice",
                                error="Pick one of: " + ", ".join(choices))
    worksheet.add_data_validation(validation)
    validation.add(cells)


def _comment(text: str) -> Comment:
    comment = Comment(text, COMMENT_AUTHOR)
    comment.width = 320
    comment.height = 40 + 18 * (text.count("\n") + len(text) // 50)
    return comment
