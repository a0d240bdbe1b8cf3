"""Read back the schedule of a schedule workbook ``plan-shoot`` wrote (sheet ``Schedule``).

The ``Schedule`` sheet has fixed headers (``spec/outputs.md``): one row per scene per shoot day it
occupies, with its ``Shoot Day`` and its ``Part`` (``1/1``, or ``2/3`` for the second day of a
three-day scene).  A scene starts on the shoot day of its first part.  A producer may move rows
to other days before asking for an evaluation; problems are located as ``Schedule!CELL``.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter

from ..errors import InputError, Problem
from ..excel.parse import Bad, CellValue, parse_id, parse_int
from ..excel.schema import normalize_name
from ..excel.source import load_sheets
from ..solution import Solution

SHEET = "Schedule"
NEEDED = ("Shoot Day", "Scene")


def read_schedule_workbook(path: str | Path) -> Solution:
    """The schedule of a schedule workbook: scene id -> first shoot day.

    Raises
    ------
    InputError
        When the workbook has no ``Schedule`` sheet with ``Shoot Day`` and ``Scene`` columns,
        or a row whose day or scene cannot be read (each located).
    """
    path = Path(path)
    sheets, _ = load_sheets(path, wanted=lambda title: normalize_name(title) == "schedule")
    if not sheets:
        raise InputError([Problem("", f"{path.name} has no sheet {SHEET}; give a schedule "
                                      "workbook written by plan-shoot")])
    if len(sheets) > 1:  # which one holds the board is not for the reader to guess
        raise InputError([Problem(other.title, f"this sheet and sheet {sheets[0].title} both "
                                               f"hold the {SHEET} sheet; keep one")
                          for other in sheets[1:]])
    sheet = sheets[0]
    if sheet.too_many_rows:  # a partial board would be evaluated as one missing scenes
        raise InputError([Problem(sheet.title, f"more than {sheet.max_rows} rows; a schedule "
                                               "workbook may have at most that many")])
    rows = list(sheet.rows)
    header = rows[0][1] if rows else ()
    columns = {normalize_name(v): i for i, v in enumerate(header) if isinstance(v, str)}
    missing = [name for name in NEEDED if normalize_name(name) not in columns]
    if missing:
        raise InputError([Problem(f"{sheet.title}!1", f"no {' or '.join(missing)} column; the "
                                                      "sheet needs the headers of spec/outputs.md")])
    day_at, scene_at = columns[normalize_name("Shoot Day")], columns[normalize_name("Scene")]
    start_day: dict[str, int] = {}
    problems: list[Problem] = []
    for row, cells in rows[1:]:
        scene = parse_id(_at(cells, scene_at))
        day = parse_int(_at(cells, day_at))
        if isinstance(scene, Bad) or not scene.value:
            problems.append(Problem(_cell(sheet.title, scene_at, row),
                                    "the scene is missing or not an id"))
        elif isinstance(day, Bad) or day.value < 1:
            problems.append(Problem(_cell(sheet.title, day_at, row),
                                    "the shoot day is not a day number 1, 2, ..."))
        else:
            # the first day of a scene's parts is its start
            start_day[scene.value] = min(day.value, start_day.get(scene.value, day.value))
    if problems:
        raise InputError(problems)
    return Solution(start_day=start_day)


def _at(cells: tuple[CellValue, ...], index: int) -> CellValue:
    return cells[index] if index < len(cells) else None


def _cell(sheet: str, index: int, row: int) -> str:
    return f"{sheet}!{get_column_letter(index + 1)}{row}"
