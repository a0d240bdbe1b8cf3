"""Open a breakdown workbook safely and get the cell values of the sheets the planner reads.

Refuses what is not an ``.xlsx`` workbook (``.xls``, ``.csv``, ``.ods``, password-protected or
corrupt files) and what is too big, with a message that says what to do: the file's size, its
inflated size, then its XML measured before any parser sees it (``inflation``: zip bombs of
empty rows, cells or strings under the inflation cap), then at most ``MAX_ROWS_PER_SHEET`` rows
of a sheet, blank ones counted, and no text over Excel's ``MAX_CELL_CHARACTERS``.  The file is
opened read only and never modified.  Formulas give their cached values; a formula without one
(a workbook written by a program and never opened in Excel) is reported at its cell, because its
value is unknown.  openpyxl parses the XML with ``defusedxml`` (a dependency), so hostile XML
is refused.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from ..errors import InputError, Problem
from .bad_numbers import bad_number_cells
from .inflation import ArchiveScan, scan_archive
from .parse import CellValue, ExcelError, is_blank

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024  # a zip bomb expands far beyond this
MAX_ROWS_PER_SHEET = 20_000  # rows after the header, blank rows included
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit; a longer text cannot be written back
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
        More than ``max_rows`` rows after the first, blank rows counted; only the rows up to
        the cap are in ``rows``.
    max_rows
        The cap on rows it was read with.
    header_merges
        The merged ranges (``A1:E1``) that start in the first rows, where the header is.
    """

    title: str
    rows: tuple[tuple[int, tuple[CellValue, ...]], ...]
    uncached_formulas: frozenset[tuple[int, int]]
    too_many_rows: bool = False
    max_rows: int = MAX_ROWS_PER_SHEET
    header_merges: tuple[str, ...] = ()


def load_sheets(path: Path, wanted: Callable[[str], bool],
                max_rows: int | None = None) -> tuple[list[SheetData], list[str]]:
    """Values of the sheets whose title ``wanted`` accepts, and the titles of all sheets.

    At most ``max_rows`` (default ``MAX_ROWS_PER_SHEET``) rows are read per sheet after the
    first, blank rows counted: a sheet of millions of empty rows is cut there, not parsed whole.

    Raises
    ------
    InputError
        When the file is missing, not an ``.xlsx`` workbook, too big or unreadable.
    """
    scan = _check_file(path)
    max_rows = max_rows or MAX_ROWS_PER_SHEET
    try:
        with path.open("rb") as handle:
            titles, values, parts = _read_values(handle, wanted, max_rows)
            handle.seek(0)
            formulas = (_read_formula_cells(handle, set(values), max_rows)
                        if scan.holds_formulas else {})
    except InputError:
        raise
    except _UnreadableNumber as unreadable:
        raise _bad_numbers(path, unreadable) from unreadable
    except Exception as error:  # any failure of the file format is the file's problem
        if _is_xml_attack(error):
            raise _refused(path, "holds XML entity or DTD declarations, which Excel never "
                                 "writes and the planner refuses to read (an XML attack, or a "
                                 f"file from another program); {SAVE_AS_XLSX}") from error
        raise _refused(path, f"could not be read as an Excel workbook ({_reason(error)}); "
                             f"{SAVE_AS_XLSX}") from error
    overlong = [problem for title, (rows, _) in values.items()
                for problem in _overlong_cells(title, rows)]
    if overlong:
        raise InputError(overlong)
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
        merges = scan.header_merges.get(parts.get(title, ""), ())
        sheets.append(SheetData(title, kept, uncached, too_many, max_rows, merges))
    return sheets, titles


def _check_file(path: Path) -> ArchiveScan:
    """Refuse what is not a readable, reasonably sized workbook; what the scan of its XML
    found (formulas, merged headers)."""
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
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB for a workbook the planner reads")
    if magic == OLE_MAGIC:
        raise _refused(path, "is an old-format .xls file or a password-protected workbook; "
                             f"remove the password and {SAVE_AS_XLSX}")
    if magic != ZIP_MAGIC:
        raise _refused(path, f"is not an Excel workbook (.xlsx); {SAVE_AS_XLSX}")
    return _check_archive(path)


def _check_archive(path: Path) -> ArchiveScan:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            expanded = sum(info.file_size for info in archive.infolist())
            is_opendocument = "mimetype" in names and b"opendocument" in archive.read("mimetype")
            _check_contents(path, names, expanded, is_opendocument)
            scan = scan_archive(archive)
    except InputError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError,
            zlib.error) as error:
        raise _refused(path, f"is a damaged file ({_reason(error)}); {SAVE_AS_XLSX}") from error
    if scan.oversized is not None:
        raise _refused(path, f"is too big to read: its part {scan.oversized} (a planner's "
                             "workbook needs far less); save the workbook again in Excel, "
                             "without the empty rows and columns")
    return scan


def _check_contents(path: Path, names: set[str], expanded: int, is_opendocument: bool) -> None:
    """Refuse an archive that is not a workbook, or that inflates past the cap, before any of
    its parts is inflated."""
    if is_opendocument:
        raise _refused(path, REFUSED_SUFFIXES[".ods"])
    if "[Content_Types].xml" not in names:
        raise _refused(path, f"is a zip file but not an Excel workbook; {SAVE_AS_XLSX}")
    if expanded > MAX_UNCOMPRESSED_BYTES:
        raise _refused(path, "expands to more than "
                             f"{MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB; it is too big to read")


RowList = list[tuple[int, tuple[CellValue, ...]]]


def _read_values(handle: IO[bytes], wanted: Callable[[str], bool], max_rows: int
                 ) -> tuple[list[str], dict[str, tuple[RowList, bool]], dict[str, str]]:
    """The titles of all sheets, the rows of the wanted ones, and the archive part of each."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
        workbook = load_workbook(handle, read_only=True, data_only=True)
        try:
            titles = list(workbook.sheetnames)
            values: dict[str, tuple[RowList, bool]] = {}
            parts: dict[str, str] = {}
            for worksheet in workbook.worksheets:
                if wanted(worksheet.title) and hasattr(worksheet, "iter_rows"):
                    # where openpyxl found the sheet, to match it with the scan of the archive
                    parts[worksheet.title] = str(getattr(worksheet, "_worksheet_path", "")
                                                 ).lstrip("/")
                    try:
                        values[worksheet.title] = _rows(worksheet, max_rows)
                    except ValueError as error:
                        raise _UnreadableNumber(worksheet, error) from error
            return titles, values, parts
        finally:
            workbook.close()


def _rows(worksheet: Any, max_rows: int) -> tuple[RowList, bool]:
    worksheet.reset_dimensions()  # some programs write wrong dimensions; read every row
    rows: RowList = []
    for number, cells in enumerate(worksheet.iter_rows(), start=1):
        # Blank rows count too: millions of them cost as much to parse as rows of values.
        if number > max_rows + 1:  # the first row (the header) and max_rows rows after it
            return rows, True
        values = tuple(_value(cell) for cell in cells)
        if not all(is_blank(value) for value in values):
            rows.append((number, values))
    return rows, False


def _overlong_cells(title: str, rows: RowList) -> Iterator[Problem]:
    """A problem at each text longer than Excel allows in a cell: the schedule workbook could
    only cut it, and the JSON would then disagree with it."""
    for number, values in rows:
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
                yield Problem(f"{title}!{get_column_letter(column)}{number}",
                              f"the text is {len(value):,} characters long; a cell holds at "
                              f"most {MAX_CELL_CHARACTERS:,}; shorten it")


class _UnreadableNumber(Exception):
    """openpyxl stopped on a number cell whose stored value is not a number."""

    def __init__(self, worksheet: Any, error: ValueError) -> None:
        super().__init__(str(error))
        self.title: str = worksheet.title
        # where openpyxl found the sheet in the archive; absent, the sheet is named without a cell
        self.part: str | None = getattr(worksheet, "_worksheet_path", None)
        self.error = error


def _bad_numbers(path: Path, unreadable: _UnreadableNumber) -> InputError:
    """The problem at each cell that stopped the read, or at the sheet when none is found."""
    try:
        cells = bad_number_cells(path, unreadable.part.lstrip("/")) if unreadable.part else []
    except (KeyError, OSError, zipfile.BadZipFile):  # the sheet is then named without a cell
        cells = []
    if not cells:
        return InputError([Problem(unreadable.title, f"a cell could not be read "
                                                     f"({_reason(unreadable.error)}); "
                                                     f"{SAVE_AS_XLSX}")])
    return InputError([Problem(f"{unreadable.title}!{reference}",
                               f'the number cell holds "{stored}", which is not a number '
                               "(the file was not saved by Excel); type the value")
                       for reference, stored in cells])


def _value(cell: Any) -> CellValue:
    """A cell's value; an error cell (``#REF!``) is told apart from text reading the same."""
    if getattr(cell, "data_type", None) == "e":
        return ExcelError(str(cell.value))
    value: CellValue = cell.value
    return value


def _read_formula_cells(handle: IO[bytes], titles: set[str],
                        max_rows: int) -> dict[str, list[tuple[int, int]]]:
    """``(row, column)`` of every formula cell, from a second, formula-preserving read (made
    only when the scan of the archive saw a formula)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = load_workbook(handle, read_only=True, data_only=False)
        try:
            return {worksheet.title: list(_formula_cells(worksheet, max_rows))
                    for worksheet in workbook.worksheets if worksheet.title in titles}
        finally:
            workbook.close()


def _formula_cells(worksheet: Any, max_rows: int) -> Iterator[tuple[int, int]]:
    worksheet.reset_dimensions()
    for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if number > max_rows + 1:  # the values read stopped here too
            return
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


def _is_xml_attack(error: BaseException) -> bool:
    """Whether defusedxml refused the XML (an entity, a DTD, an external reference) anywhere in
    the chain of causes: openpyxl rewraps it as a ``ValueError`` naming no reason."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, DefusedXmlException):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:120]}" if text else type(error).__name__


def _refused(path: Path, message: str) -> InputError:
    return InputError([Problem("", f"{path} {message}")])
