"""Open a breakdown workbook safely and get the cell values of the sheets the planner reads.

Refuses what is not an ``.xlsx`` workbook (``.xls``, ``.csv``, ``.ods``, password-protected or
corrupt files) and what is too big, with a message that says what to do.  The file is opened read
only and never modified.  Formulas give their cached values; a formula without one (a workbook
written by a program and never opened in Excel) is reported at its cell, because its value is
unknown.  openpyxl parses the XML with ``defusedxml`` (a dependency), so hostile XML is refused.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from ..errors import InputError, Problem
from .parse import CellValue, ExcelError, is_blank

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024  # a zip bomb expands far beyond this
MAX_ROWS_PER_SHEET = 20_000
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, or an .xlsx encrypted with a password
SAVE_AS_XLSX = "save it as an Excel Workbook (.xlsx) and try again"
REFUSED_SUFFIXES = {
    ".xls": f"is an old-format Excel file (.xls); {SAVE_AS_XLSX}",
    ".csv": "is a CSV file, which holds only one sheet; the planner needs a workbook with "
            f"sheets Production and Scenes; {SAVE_AS_XLSX}",
    ".ods": f"is an OpenDocument spreadsheet (.ods); {SAVE_AS_XLSX}",
    ".numbers": f"is an Apple Numbers file; export it to Excel and {SAVE_AS_XLSX}",
    ".xlsb": f"is a binary Excel workbook (.xlsb); {SAVE_AS_XLSX}",
}


@dataclass(frozen=True)
class SheetData:
    """The cell values of one worksheet.

    Parameters
    ----------
    title
        The sheet's name in the workbook (used in every message about it).
    rows
        Row number (1-based) and values of every row that is not blank.
    uncached_formulas
        ``(row, column)`` (1-based) of formula cells that have no saved value.
    too_many_rows
        More than ``max_rows`` non-blank rows; only the first ones are in ``rows``.
    max_rows
        The cap on non-blank rows it was read with.
    """

    title: str
    rows: tuple[tuple[int, tuple[CellValue, ...]], ...]
    uncached_formulas: frozenset[tuple[int, int]]
    too_many_rows: bool = False
    max_rows: int = MAX_ROWS_PER_SHEET


def load_sheets(path: Path, wanted: Callable[[str], bool],
                max_rows: int | None = None) -> tuple[list[SheetData], list[str]]:
    """Values of the sheets whose title ``wanted`` accepts, and the titles of all sheets.

    At most ``max_rows`` (default ``MAX_ROWS_PER_SHEET``) non-blank rows are read per sheet
    after the header.

    Raises
    ------
    InputError
        When the file is missing, not an ``.xlsx`` workbook, too big or unreadable.
    """
    _check_file(path)
    max_rows = max_rows or MAX_ROWS_PER_SHEET
    try:
        with path.open("rb") as handle:
            titles, values = _read_values(handle, wanted, max_rows)
            handle.seek(0)
            formulas = (_read_formula_cells(handle, set(values))
                        if _holds_formulas(path) else {})
    except InputError:
        raise
    except Exception as error:  # any failure of the file format is the file's problem
        raise _refused(path, f"could not be read as an Excel workbook ({_reason(error)}); "
                             f"{SAVE_AS_XLSX}") from error
    sheets = []
    for title, (rows, too_many) in values.items():
        by_row = dict(rows)
        uncached = frozenset(
            (row, column) for row, column in formulas.get(title, ())
            if _value_at(by_row, row, column) is None)
        # A row whose only content is formulas without values is blank in the values read.
        for row in {r for r, _ in uncached} - set(by_row):
            by_row[row] = ()
        kept = tuple(sorted(by_row.items()))
        sheets.append(SheetData(title, kept, uncached, too_many, max_rows))
    return sheets, titles


def _check_file(path: Path) -> None:
    if not path.exists():
        raise _refused(path, "does not exist; check the path")
    if path.is_dir():
        raise _refused(path, "is a folder, not a workbook; give the path of an .xlsx file")
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        raise _refused(path, REFUSED_SUFFIXES[suffix])
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise _refused(path, f"cannot be opened ({_reason(error)})") from error
    if size > MAX_FILE_BYTES:
        raise _refused(path, f"is {size / 1024 / 1024:.1f} MB; the limit is "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB for a breakdown workbook")
    if magic == OLE_MAGIC:
        raise _refused(path, "is an old-format .xls file or a password-protected workbook; "
                             f"remove the password and {SAVE_AS_XLSX}")
    if magic != ZIP_MAGIC:
        raise _refused(path, f"is not an Excel workbook (.xlsx); {SAVE_AS_XLSX}")
    _check_archive(path)


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            expanded = sum(info.file_size for info in archive.infolist())
            is_opendocument = "mimetype" in names and b"opendocument" in archive.read("mimetype")
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as error:
        raise _refused(path, f"is a damaged file ({_reason(error)}); {SAVE_AS_XLSX}") from error
    if is_opendocument:
        raise _refused(path, REFUSED_SUFFIXES[".ods"])
    if "[Content_Types].xml" not in names:
        raise _refused(path, f"is a zip file but not an Excel workbook; {SAVE_AS_XLSX}")
    if expanded > MAX_UNCOMPRESSED_BYTES:
        raise _refused(path, "expands to more than "
                             f"{MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB; it is too big to read")


RowList = list[tuple[int, tuple[CellValue, ...]]]


def _read_values(handle: IO[bytes], wanted: Callable[[str], bool],
                 max_rows: int) -> tuple[list[str], dict[str, tuple[RowList, bool]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
        workbook = load_workbook(handle, read_only=True, data_only=True)
        try:
            titles = list(workbook.sheetnames)
            values: dict[str, tuple[RowList, bool]] = {}
            for worksheet in workbook.worksheets:
                if wanted(worksheet.title) and hasattr(worksheet, "iter_rows"):
                    values[worksheet.title] = _rows(worksheet, max_rows)
            return titles, values
        finally:
            workbook.close()


def _rows(worksheet: Any, max_rows: int) -> tuple[RowList, bool]:
    worksheet.reset_dimensions()  # some programs write wrong dimensions; read every row
    rows: RowList = []
    for number, cells in enumerate(worksheet.iter_rows(), start=1):
        values = tuple(_value(cell) for cell in cells)
        if all(is_blank(value) for value in values):
            continue
        if len(rows) > max_rows:  # the header row and max_rows rows are kept
            return rows, True
        rows.append((number, values))
    return rows, False


def _value(cell: Any) -> CellValue:
    """A cell's value; an error cell (``#REF!``) is told apart from text reading the same."""
    if getattr(cell, "data_type", None) == "e":
        return ExcelError(str(cell.value))
    value: CellValue = cell.value
    return value


def _read_formula_cells(handle: IO[bytes], titles: set[str]) -> dict[str, list[tuple[int, int]]]:
    """``(row, column)`` of every formula cell, from a second, formula-preserving read."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = load_workbook(handle, read_only=True, data_only=False)
        try:
            return {worksheet.title: list(_formula_cells(worksheet))
                    for worksheet in workbook.worksheets if worksheet.title in titles}
        finally:
            workbook.close()


_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _holds_formulas(path: Path) -> bool:
    """Whether any worksheet holds a formula; most breakdowns have none, and the second,
    formula-preserving read is then skipped."""
    with zipfile.ZipFile(path) as archive:
        return any(_FORMULA_ELEMENT.search(archive.read(name))
                   for name in archive.namelist() if name.startswith("xl/worksheets/"))


def _formula_cells(worksheet: Any) -> Iterator[tuple[int, int]]:
    worksheet.reset_dimensions()
    for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
        for column, value in enumerate(cells, start=1):
            if _is_formula(value):
                yield number, column


def _is_formula(value: object) -> bool:
    if isinstance(value, ArrayFormula | DataTableFormula):
        return True
    return isinstance(value, str) and value.startswith("=") and len(value) > 1


def _value_at(by_row: dict[int, tuple[CellValue, ...]], row: int, column: int) -> CellValue:
    cells = by_row.get(row, ())
    return cells[column - 1] if column <= len(cells) else None


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:120]}" if text else type(error).__name__


def _refused(path: Path, message: str) -> InputError:
    return InputError([Problem("", f"{path} {message}")])
