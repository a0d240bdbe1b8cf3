"""Read a sheet as records: find the header row, match columns to the schema, parse each cell.

Every problem is collected (``Findings``), located at its cell, so that the reader can report all
of them at once.  Unknown columns and fields are kept out of the records with a notice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple

from ..errors import Problem
from .parse import (
    Bad,
    CellValue,
    DateOrder,
    ExcelError,
    Parsed,
    is_blank,
    parse_billing,
    parse_calendar_type,
    parse_constraint_kind,
    parse_date,
    parse_date_format,
    parse_dates,
    parse_day_night,
    parse_eighths,
    parse_id,
    parse_int,
    parse_int_ext,
    parse_list,
    parse_minutes,
    parse_money,
    parse_number,
    parse_text,
    parse_week,
    parse_yes_no,
    shown,
)
from .places import Origin
from .schema import (
    PRODUCTION_FIELD_KEYS,
    PRODUCTION_VALUE_KEYS,
    Column,
    Kind,
    SheetSpec,
    normalize_name,
)
from .source import SheetData

HEADER_SEARCH_ROWS = 10  # a title or a note may sit above the header row


@dataclass
class Findings:
    """Problems (the workbook cannot be planned as is) and notices (worth knowing) so far."""

    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # Cells whose value is already reported (or unknown): cross-checks say nothing more there.
    suppressed: set[str] = field(default_factory=set)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))
        self.suppressed.add(where)

    def suppress(self, where: str) -> None:
        self.suppressed.add(where)

    def notice(self, where: str, message: str) -> None:
        self.notices.append(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class ParseContext:
    """What parsing depends on besides the cell: how text dates are written."""

    date_order: DateOrder | None = None


PARSERS: dict[Kind, Callable[[CellValue, ParseContext], Parsed[Any]]] = {
    Kind.TEXT: lambda value, _: parse_text(value),
    Kind.ID: lambda value, _: parse_id(value),
    Kind.INT: lambda value, _: parse_int(value),
    Kind.NUMBER: lambda value, _: parse_number(value),
    Kind.EIGHTHS: lambda value, _: parse_eighths(value),
    Kind.HOURS: lambda value, _: parse_minutes(value),
    Kind.MONEY: lambda value, _: parse_money(value),
    Kind.DATE: lambda value, context: parse_date(value, context.date_order),
    Kind.DATES: lambda value, context: parse_dates(value, context.date_order),
    Kind.LIST: lambda value, _: parse_list(value),
    Kind.YES_NO: lambda value, _: parse_yes_no(value),
    Kind.INT_EXT: lambda value, _: parse_int_ext(value),
    Kind.DAY_NIGHT: lambda value, _: parse_day_night(value),
    Kind.BILLING: lambda value, _: parse_billing(value),
    Kind.CONSTRAINT_KIND: lambda value, _: parse_constraint_kind(value),
    Kind.CALENDAR_TYPE: lambda value, _: parse_calendar_type(value),
    Kind.WORK_WEEK: lambda value, _: parse_week(value),
    Kind.DATE_FORMAT: lambda value, _: parse_date_format(value),
}


@dataclass
class Record:
    """One row of a sheet (or the whole ``Production`` sheet): parsed values by field name.

    ``columns`` maps each field present in the sheet to its column letter (or, on a
    ``Field``/``Value`` sheet, to its whole cell); ``failed`` names the fields whose cell has a
    problem, so that their default is not mistaken for the user's value.
    """

    sheet: str
    row: int
    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)

    def cell(self, name: str | None = None) -> str:
        return self.origin().cell(name)

    def origin(self, **aliases: str) -> Origin:
        """The record's ``Origin``; ``alias=field`` also names ``field``'s column ``alias``."""
        columns = dict(self.columns)
        for alias, name in aliases.items():
            if name in columns:
                columns[alias] = columns[name]
        return Origin(sheet=self.sheet, row=self.row, columns=columns)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


_UNSET = object()


def parse_cell(value: CellValue, column: Column, where: str, context: ParseContext,
               findings: Findings) -> Any:
    """The parsed value of a cell, or ``_UNSET`` when it is blank or has a problem."""
    if isinstance(value, ExcelError):
        findings.problem(where, f"{column.name}: the cell shows the Excel error {value.code}; "
                                "fix its formula or type the value")
        return _UNSET
    if is_blank(value):
        return _UNSET
    parsed = PARSERS[column.kind](value, context)
    if isinstance(parsed, Bad):
        findings.problem(where, f"{column.name} {parsed.message}")
        return _UNSET
    if parsed.notice:
        findings.notice(where, f"{column.name} {parsed.notice}")
    return parsed.value


def uncached_formula(where: str, name: str, findings: Findings) -> None:
    """Report a formula cell without a saved value: its value is unknown (never evaluated)."""
    findings.problem(where, f"{name}: the formula has no saved value (the file was written by a "
                            "program, not saved by Excel); open and save it in Excel, or type "
                            "the value")


# ----- tables: a header row, then one record per row --------------------------------------------


def read_table(sheet: SheetData, spec: SheetSpec, context: ParseContext,
               findings: Findings) -> list[Record]:
    """Records of a sheet laid out as a table with one header row (``Scenes``, ``Cast``, ...).

    A sheet cut at the row cap gives no records: its one problem is its size, and parsing the
    20,000 rows read would only bury it under the problems of a partial sheet.
    """
    if sheet.too_many_rows:
        check_row_cap(sheet, findings)
        return []
    header = find_header_row(sheet, spec)
    if header is None:
        if sheet.rows:
            findings.problem(f"{sheet.title}!{sheet.rows[0][0]}",
                             "no header row naming the columns; write headers such as "
                             + ", ".join(c.name for c in spec.columns[:4]))
        return []
    header_row, header_cells = header
    columns = _match_columns(sheet.title, header_row, header_cells, spec, findings)
    missing = [c.name for c in spec.columns if c.required and c not in columns.values()]
    if missing:
        findings.problem(f"{sheet.title}!{header_row}",
                         f"no {' or '.join(missing)} column; add a column headed "
                         + " and ".join(missing))
        return []
    records = []
    stray_columns: set[int] = set()
    for row, cells in sheet.rows:
        if row <= header_row:
            continue
        record = _read_row(sheet, row, cells, columns, context, findings)
        if record.values or record.failed:  # else only ignored columns hold values
            records.append(record)
        stray_columns.update(i for i, v in enumerate(cells) if i not in columns
                             and not is_blank(v) and is_blank(_at(header_cells, i)))
    for index in sorted(stray_columns):
        _headerless_column(sheet, header_row, header_cells, index, findings)
    return records


def _headerless_column(sheet: SheetData, header_row: int, header_cells: tuple[CellValue, ...],
                       index: int, findings: Findings) -> None:
    """Report a column that holds values under a blank header cell.

    Under a merged header cell, or between two headers, it is a problem: a merged header
    (``A1:E1``) blanks the headers of the columns it covers, and their values (int/ext, set,
    location) would be silently dropped, giving a cheaper but wrong plan.  Beside the headers
    and unmerged it is a notice: a note column.
    """
    where = f"{sheet.title}!{get_column_letter(index + 1)}{header_row}"
    merge = _merge_over(sheet.header_merges, header_row, index + 1)
    headed = [i for i, value in enumerate(header_cells) if not is_blank(value)]
    if merge is not None:
        findings.problem(where, f"this column holds values but its header is merged into "
                                f"{merge}; unmerge the header cells and give each column its "
                                "own header")
    elif headed and headed[0] < index < headed[-1]:
        findings.problem(where, "this column holds values but has no header (a merged header "
                                "cell?); give each column its own header, or delete the "
                                "column")
    else:
        findings.notice(where, "a column without a header holds values; they are ignored")


def _merge_over(merges: tuple[str, ...], row: int, column: int) -> str | None:
    """The merged range (``A1:E1``) that covers the cell, if any."""
    for merge in merges:
        first, last = (coordinate_to_tuple(corner) for corner in merge.split(":"))
        if first[0] <= row <= last[0] and first[1] <= column <= last[1]:
            return merge
    return None


def check_row_cap(sheet: SheetData, findings: Findings) -> None:
    """Report a sheet cut short at the row cap (``source.MAX_ROWS_PER_SHEET``)."""
    if sheet.too_many_rows:
        findings.problem(sheet.title, f"more than {sheet.max_rows} rows; a breakdown sheet "
                                      "may have at most that many (blank rows count: delete "
                                      "the empty rows below the last one)")


def find_header_row(sheet: SheetData, spec: SheetSpec) -> tuple[int, tuple[CellValue, ...]] | None:
    """Of the first ``HEADER_SEARCH_ROWS`` rows, the one whose cells name the most columns of
    ``spec``, with its cells."""
    best: tuple[int, tuple[CellValue, ...]] | None = None
    best_matches = 0
    for row, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        matches = sum(1 for v in cells if isinstance(v, str) and spec.column(v) is not None)
        if matches > best_matches:
            best, best_matches = (row, cells), matches
    return best


def _match_columns(title: str, header_row: int, cells: tuple[CellValue, ...], spec: SheetSpec,
                   findings: Findings) -> dict[int, Column]:
    columns: dict[int, Column] = {}
    seen: dict[str, str] = {}
    for index, header in enumerate(cells):
        if is_blank(header):
            continue
        letter = get_column_letter(index + 1)
        column = _claim(
            spec.column(header) if isinstance(header, str) else None, seen,
            f"{title}!{letter}{header_row}", findings,
            unknown=f"column {shown(header)} is not one the planner uses; it is kept and ignored",
            twice=f"column {shown(header)} means {{name}}, like column {{previous}}; keep one of "
                  "them")
        if column is not None:
            columns[index] = column
            seen[column.name] = letter
    return columns


def _claim(column: Column | None, taken: Mapping[str, object], where: str, findings: Findings,
           *, unknown: str, twice: str) -> Column | None:
    """``column`` (what a header or field name means), unless the name is not the sheet's (the
    notice ``unknown``) or names a column already ``taken`` (the problem ``twice``, formatted
    with the column's ``name`` and where it was ``previous``ly): then ``None``."""
    if column is None:
        findings.notice(where, unknown)
        return None
    if column.name in taken:
        findings.problem(where, twice.format(name=column.name, previous=taken[column.name]))
        return None
    return column


def _read_row(sheet: SheetData, row: int, cells: tuple[CellValue, ...],
              columns: dict[int, Column], context: ParseContext, findings: Findings) -> Record:
    record = Record(sheet=sheet.title, row=row)
    for index, column in columns.items():
        letter = get_column_letter(index + 1)
        _take(record, column, _at(cells, index), reference=letter, where=f"{letter}{row}",
              uncached=(row, index + 1) in sheet.uncached_formulas, context=context,
              findings=findings)
    return record


def _take(record: Record, column: Column, value: CellValue, *, reference: str, where: str,
          uncached: bool, context: ParseContext, findings: Findings) -> bool:
    """Parse the cell ``where`` (``F14``) into ``record``'s field of ``column``, which the record
    locates by ``reference``; whether a value was taken (not for a blank cell, nor for one with
    a problem, which marks the field failed)."""
    record.columns[column.name] = reference
    located = f"{record.sheet}!{where}"
    if uncached:
        uncached_formula(located, column.name, findings)
        record.failed.add(column.name)
        return False
    parsed = parse_cell(value, column, located, context, findings)
    if parsed is _UNSET:
        if not is_blank(value):
            record.failed.add(column.name)
        return False
    record.values[column.name] = parsed
    return True


def _at(cells: tuple[CellValue, ...], index: int) -> CellValue:
    return cells[index] if index < len(cells) else None


# ----- Field/Value sheets: one record for the whole sheet ---------------------------------------


def read_fields(sheet: SheetData, spec: SheetSpec, findings: Findings) -> Record:
    """The ``Production`` sheet: a ``Field`` column of names and a ``Value`` column.

    ``date_format`` is read first, because it decides how the other dates are read.  Without a
    ``Field``/``Value`` header the first two columns are taken.
    """
    name_index, value_index, first_row = _field_columns(sheet)
    value_letter = get_column_letter(value_index + 1)
    record = Record(sheet=sheet.title, row=first_row)
    raw: dict[str, tuple[Column, CellValue, str]] = {}
    rows: dict[str, int] = {}  # the row of each field, for messages and formula checks
    for row, cells in sheet.rows:
        if row < first_row or is_blank(_at(cells, name_index)):
            continue
        name = _at(cells, name_index)
        column = _claim(
            spec.column(name), rows, f"{sheet.title}!{get_column_letter(name_index + 1)}{row}",
            findings, unknown=f"field {shown(name)} is not one the planner uses; ignored",
            twice="field {name} is given twice (also in row {previous}); keep one")
        if column is not None:
            raw[column.name] = (column, _at(cells, value_index), f"{value_letter}{row}")
            rows[column.name] = row
    context = ParseContext()
    ordered = sorted(raw.values(), key=lambda item: item[0].kind is not Kind.DATE_FORMAT)
    for column, value, cell in ordered:
        taken = _take(record, column, value, reference=cell, where=cell,
                      uncached=(rows[column.name], value_index + 1) in sheet.uncached_formulas,
                      context=context, findings=findings)
        if taken and column.kind is Kind.DATE_FORMAT:
            context = ParseContext(date_order=record.values[column.name])
    return record


def _field_columns(sheet: SheetData) -> tuple[int, int, int]:
    """Indexes of the name and value columns, and the first data row."""
    for row, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        keys = [normalize_name(v) if isinstance(v, str) else "" for v in cells]
        names = [i for i, k in enumerate(keys) if k in PRODUCTION_FIELD_KEYS]
        values = [i for i, k in enumerate(keys) if k in PRODUCTION_VALUE_KEYS]
        if names and values:
            return names[0], values[0], row + 1
    return 0, 1, 1
