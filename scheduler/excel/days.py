"""Read the ``Days`` sheet of any workbook: a history to learn from, or planned days to score.

The workbook is opened like a breakdown (``source.load_sheets``): the same refusals of what is
not an ``.xlsx`` workbook or is too big (file size, expanded size, rows), with the same messages;
formulas are never evaluated, and one without a saved value is reported at its cell.  Sheet and
column names match like the breakdown's (``schema.normalize_name``: case, spaces, ``_``, ``#``
and ``.`` ignored), and yes/no words, ``H:MM`` hours and eighths of pages read as ``parse``
reads them.

The columns are those of ``scheduler.days_sheet``: every feature, under its fixed header.
``Weekday`` is a number (Mon = 0) or a weekday name (``Mon``, ``Monday``).  Without a
``Weekday`` or ``Day Index`` column, a ``Date`` column gives them: the weekday of each date, and
the day's rank by date within its production.  A history also needs ``Production`` and an
outcome (``Actual Hours`` or ``Bottleneck``).  The other columns plan-shoot writes are skipped
silently; others are ignored with a notice, or, when they look like a misspelt column, reported.
Every problem is reported at once, located as ``Days!C14``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from difflib import get_close_matches
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

from ..calendar import parse_work_week
from ..day_facts import FEATURE_NAMES
from ..days_sheet import (
    ACTUAL_HOURS,
    BOTTLENECK,
    DATE,
    DECIMAL_KINDS,
    FEATURE_KINDS,
    OUTCOME_COLUMNS,
    PRODUCTION,
    SCHEDULE_COLUMNS,
    SHEET,
    TRUE_PROBABILITY,
    FeatureKind,
    feature_of_kind,
)
from ..errors import InputError, Problem
from ..predict.history import DEFAULT_TOLERANCE_HOURS, DaysSheet, HistoryFrame, label_history
from .parse import (
    CellValue,
    Ok,
    is_blank,
    parse_date,
    parse_eighths,
    parse_minutes,
    parse_text,
    parse_yes_no,
)
from .schema import normalize_name
from .source import SheetData, load_sheets
from .table import Findings, check_row_cap, uncached_formula

WEEKDAY = feature_of_kind(FeatureKind.WEEKDAY)
DAY_INDEX = feature_of_kind(FeatureKind.DAY_INDEX)
DATED_FEATURES = (WEEKDAY, DAY_INDEX)  # what a Date column gives when they are not columns
# Columns read besides the features, each in its own way.
OTHER_COLUMNS = (PRODUCTION, *OUTCOME_COLUMNS, TRUE_PROBABILITY)

_WEEKDAY_NAME = re.compile(r"[A-Za-z]+")


def read_history(path: str | Path,
                 tolerance_hours: float = DEFAULT_TOLERANCE_HOURS) -> HistoryFrame:
    """Read a history workbook: the stacked ``Days`` sheets of past productions.

    Parameters
    ----------
    path
        The ``.xlsx`` file.
    tolerance_hours
        The overrun past plan that makes a bottleneck (``predict.history.label_history``).

    Raises
    ------
    InputError
        Every problem at once: the file refused, a missing sheet or column, a cell that is not
        a valid value, and what ``label_history`` finds.
    """
    findings = Findings()
    sheet = read_days_sheet(Path(path), findings, history=True)
    return label_history(sheet, tolerance_hours, source=str(path), problems=findings.problems)


def read_days(path: str | Path) -> DaysSheet:
    """Read the day features of any workbook with a ``Days`` sheet (for prediction).

    Raises
    ------
    InputError
        A file refused, a missing sheet or feature column, a cell that is not a valid value,
        no day at all.
    """
    findings = Findings()
    sheet = read_days_sheet(Path(path), findings)
    if findings.problems:
        raise InputError(findings.problems)
    return sheet


def days_sheet_title(titles: Iterable[str]) -> str | None:
    """The workbook's name for the ``Days`` sheet (matched like the columns), or ``None``."""
    return next((title for title in titles if normalize_name(title) == normalize_name(SHEET)),
                None)


def read_days_sheet(path: Path, findings: Findings, *, history: bool = False) -> DaysSheet:
    """The days of the ``Days`` sheet; the problems of its cells go to ``findings``.

    Parameters
    ----------
    path
        The workbook.
    findings
        Collects the problems of cells (the sheet is usable only without any) and notices.
    history
        The sheet must have a ``Production`` column and an outcome column.

    Raises
    ------
    InputError
        When the file is refused, or the sheet or its header row cannot be read at all.
    """
    sheet = _load(path)
    check_row_cap(sheet, findings)
    header_row, header = sheet.rows[0]
    columns, dated = _match_header(header, header_row, findings, history=history)
    if findings.problems:
        raise InputError(findings.problems)
    # Days to score need no outcome: a history's outcome cells are not even looked at then.
    read = OTHER_COLUMNS if history else (PRODUCTION,)
    reader = _RowReader(sheet, columns, dated, findings,
                        extra={name: [] for name in read if name in columns})
    for row, cells in sheet.rows[1:]:
        reader.read(row, cells)
    if not reader.rows:
        findings.problem(f"{SHEET}!{header_row + 1}", "the sheet has a header but no days")
    reader.date_features()
    features = pd.DataFrame(reader.features, columns=list(FEATURE_NAMES), dtype=float)
    return DaysSheet(features, tuple(reader.rows), columns, reader.extra,
                     tuple(findings.notices), frozenset(reader.failed), header_row)


# ----- the sheet and its header -----------------------------------------------------------------


def _load(path: Path) -> SheetData:
    """The ``Days`` sheet's cells, through the breakdown reader's checks of the file."""
    loaded, titles = load_sheets(path, wanted=lambda title: days_sheet_title([title]) is not None)
    _refuse_duplicate_days_sheets(titles)
    title = days_sheet_title(titles)
    sheet = next((sheet for sheet in loaded if sheet.title == title), None)
    if sheet is None:
        found = ", ".join(titles) or "none"
        raise InputError([Problem(SHEET, f"the workbook has no sheet {SHEET} (sheets: {found}); "
                                         "the history is the Days sheets of past schedules, "
                                         "stacked, with a Production column first")])
    if not sheet.rows:
        raise InputError([Problem(f"{SHEET}!1", "the sheet is empty; the first row must hold "
                                                "the column headers")])
    return sheet


def _refuse_duplicate_days_sheets(titles: list[str]) -> None:
    """Two sheets that both read as ``Days`` (``Days`` and ``DAYS``, ``Days `` with a space):
    which one holds the days is not for the reader to guess, as the breakdown reader does not."""
    duplicates = [title for title in titles if days_sheet_title([title]) is not None]
    if len(duplicates) > 1:
        raise InputError([Problem(title, f"this sheet and sheet {duplicates[0]} both hold the "
                                         f"{SHEET} sheet; keep one")
                          for title in duplicates[1:]])


def _match_header(header: tuple[CellValue, ...], header_row: int, findings: Findings, *,
                  history: bool) -> tuple[dict[str, int], tuple[str, ...]]:
    """Canonical name -> 1-based column of every column read, and the features that follow
    from the ``Date`` column."""
    wanted = [PRODUCTION, *FEATURE_NAMES] if history else list(FEATURE_NAMES)
    optional = [name for name in (*OTHER_COLUMNS, DATE) if name not in wanted]
    known = {normalize_name(name): name for name in (*wanted, *optional)}
    skipped = {normalize_name(name) for name in SCHEDULE_COLUMNS} - set(known)
    columns: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for index, title in enumerate(header, start=1):
        if is_blank(title):
            continue
        key = normalize_name(title)
        if key in known:
            name = known[key]
            if name in columns:
                findings.problem(_header_cell(index, header_row), f'column "{name}" appears twice')
            columns.setdefault(name, index)
        elif key not in skipped:
            unknown[str(title).strip()] = index
    dated = tuple(name for name in DATED_FEATURES if DATE in columns and name not in columns)
    missing = [name for name in wanted if name not in columns and name not in dated]
    no_label = history and not any(name in columns for name in OUTCOME_COLUMNS)
    candidates = [*missing, *(OUTCOME_COLUMNS if no_label else ())]
    for title, index in unknown.items():
        where = _header_cell(index, header_row)
        guess = get_close_matches(normalize_name(title), [normalize_name(c) for c in candidates],
                                  n=1, cutoff=0.6)
        if not guess:
            findings.notice(where, f'column "{title}" is not used')
            continue
        meant = known[guess[0]]
        findings.problem(where, f'column "{title}" is not a Days column; did you mean "{meant}"?')
        candidates.remove(meant)
        if meant in missing:
            missing.remove(meant)
        else:
            no_label = False  # reported here, at the misspelt header
    if missing:
        last = max([*columns.values(), *unknown.values(), 0])
        date_hint = (f" (or a {DATE} column, from which {WEEKDAY} and {DAY_INDEX} follow)"
                     if set(missing) & set(DATED_FEATURES) else "")
        findings.problem(_header_cell(last + 1, header_row),
                         f"missing column(s): {', '.join(missing)}; the header row needs "
                         f"{', '.join(wanted)}{date_hint}")
    if no_label:
        findings.problem(f"{SHEET}!{header_row}",
                         f"no label column: add {ACTUAL_HOURS} (the hours each day really took) "
                         f"or {BOTTLENECK} (yes/no)")
    return columns, dated


def _header_cell(column: int, header_row: int) -> str:
    return f"{SHEET}!{get_column_letter(column)}{header_row}"


# ----- the days ---------------------------------------------------------------------------------


@dataclass
class _RowReader:
    """Reads the sheet's rows one by one into feature values and parsed outcome cells."""

    sheet: SheetData
    columns: dict[str, int]
    dated: tuple[str, ...]
    findings: Findings
    rows: list[int] = field(default_factory=list)
    features: dict[str, list[float]] = field(
        default_factory=lambda: {name: [] for name in FEATURE_NAMES})
    extra: dict[str, list[object]] = field(default_factory=dict)  # the other columns to read
    dates: list[date | None] = field(default_factory=list)
    failed: set[tuple[str, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.other_readers: dict[str, Callable[[CellValue, str], object]] = {
            PRODUCTION: self._production, ACTUAL_HOURS: self._actual_hours,
            BOTTLENECK: self._bottleneck, TRUE_PROBABILITY: self._true_probability}

    def read(self, row: int, cells: tuple[CellValue, ...]) -> None:
        """Read one sheet row (an empty one is skipped)."""
        if all(is_blank(cell) for cell in cells) and not any(
                uncached_row == row for uncached_row, _ in self.sheet.uncached_formulas):
            return
        self.rows.append(row)
        for name in FEATURE_NAMES:
            readable, value = self._cell(name, row, cells)
            # Not readable: a feature that follows from the Date, or a problem already reported.
            self.features[name].append(
                self._feature(name, value, self._where(name, row)) if readable else math.nan)
        for name, values in self.extra.items():
            readable, value = self._cell(name, row, cells)
            values.append(self.other_readers[name](value, self._where(name, row))
                          if readable else None)
        if self.dated:
            readable, value = self._cell(DATE, row, cells)
            self.dates.append(self._date(value, row) if readable else None)

    def date_features(self) -> None:
        """Fill ``Weekday`` and ``Day Index`` in from the dates, when they are not columns."""
        if not self.dated:
            return
        productions = self.extra.get(PRODUCTION, [None] * len(self.rows))
        days_of: dict[object, set[date]] = {}
        for production, day in zip(productions, self.dates, strict=True):
            if day is not None:
                days_of.setdefault(production, set()).add(day)
        rank = {production: {day: index for index, day in enumerate(sorted(days), start=1)}
                for production, days in days_of.items()}
        for index, (production, day) in enumerate(zip(productions, self.dates, strict=True)):
            if day is None:
                continue  # its problem is reported at the Date cell
            if WEEKDAY in self.dated:
                self.features[WEEKDAY][index] = day.weekday()
            if DAY_INDEX in self.dated:
                self.features[DAY_INDEX][index] = rank[production][day]

    # ----- cells

    def _cell(self, name: str, row: int,
              cells: tuple[CellValue, ...]) -> tuple[bool, CellValue]:
        """Whether column ``name`` can be read on ``row`` (the sheet has it, and it is not a
        formula without a saved value, which is reported), and its value."""
        column = self.columns.get(name)
        if column is None:
            return False, None
        if (row, column) in self.sheet.uncached_formulas:
            uncached_formula(self._where(name, row), name, self.findings)
            self.failed.add((name, len(self.rows) - 1))
            return False, None
        return True, cells[column - 1] if column <= len(cells) else None

    def _where(self, name: str, row: int) -> str:
        return f"{SHEET}!{get_column_letter(self.columns[name])}{row}"

    def _problem(self, name: str, where: str, message: str) -> None:
        self.findings.problem(where, message)
        self.failed.add((name, len(self.rows) - 1))

    def _feature(self, name: str, value: CellValue, where: str) -> float:
        """The number in a feature cell, or NaN after reporting its problem."""
        kind = FEATURE_KINDS[name]
        number = _number(value, kind)
        if number is None:
            what = "a weekday" if kind is FeatureKind.WEEKDAY else "a number"
            shown = "empty" if is_blank(value) else f'"{value}" is not {what}'
            hint = "write 0 when there is none" if is_blank(value) else _EXPECTED[kind]
            self._problem(name, where, f"{name} {shown}; {hint}")
            return math.nan
        if not _allowed(kind, number):
            self._problem(name, where, f"{name} {number:g} is out of range; {_EXPECTED[kind]}")
            return math.nan
        return number

    def _production(self, value: CellValue, where: str) -> str | None:
        text = parse_text(value)
        return (text.value or None) if isinstance(text, Ok) else None  # blank: no name

    def _actual_hours(self, value: CellValue, where: str) -> float | None:
        if is_blank(value):
            return None
        hours = _number(value, FeatureKind.HOURS)
        if hours is None or hours < 0:
            self._problem(ACTUAL_HOURS, where,
                          f'{ACTUAL_HOURS} "{value}" is not a number of hours; write hours as '
                          "a decimal (10.5) or H:MM (10:30)")
            return None
        return hours

    def _bottleneck(self, value: CellValue, where: str) -> bool | None:
        if is_blank(value):
            return None
        said = parse_yes_no(value)
        if not isinstance(said, Ok):
            self._problem(BOTTLENECK, where, f'{BOTTLENECK} "{value}" is not yes or no')
            return None
        return said.value

    def _true_probability(self, value: CellValue, where: str) -> float | None:
        number = _number(value)
        if number is None or not 0 <= number <= 1:
            self._problem(TRUE_PROBABILITY, where,
                          f'{TRUE_PROBABILITY} "{value}" is not a probability between 0 and 1')
            return None
        return number

    def _date(self, value: CellValue, row: int) -> date | None:
        where = self._where(DATE, row)
        if is_blank(value):
            self._problem(DATE, where, f"{DATE} empty; write the shoot date (the {WEEKDAY} and "
                                       f"{DAY_INDEX} follow from it)")
            return None
        parsed = parse_date(value)
        if not isinstance(parsed, Ok):
            self._problem(DATE, where, f"{DATE} {parsed.message}")
            return None
        return parsed.value


def _number(value: CellValue, kind: FeatureKind | None = None) -> float | None:
    """The number a cell holds for a column of ``kind``: a number as written (no rounding), or
    the producer's notation of hours, pages, weekdays or yes/no; ``None`` when it holds none."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if kind is FeatureKind.HOURS and isinstance(value, time):
        return value.hour + value.minute / 60 + value.second / 3600
    if kind is FeatureKind.HOURS and isinstance(value, timedelta):
        return value.total_seconds() / 3600
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return _notation(text, kind)
    return number if math.isfinite(number) else None


def _notation(text: str, kind: FeatureKind | None) -> float | None:
    """``10:30`` hours, ``3 3/8`` pages, ``Monday``, ``yes``: the number each stands for."""
    if kind is FeatureKind.HOURS and isinstance(minutes := parse_minutes(text), Ok):
        return minutes.value / 60
    if kind is FeatureKind.PAGES and isinstance(eighths := parse_eighths(text), Ok):
        return eighths.value / 8
    if kind is FeatureKind.WEEKDAY and _WEEKDAY_NAME.fullmatch(text):
        weekdays = parse_work_week(text)
        if weekdays is not None and len(weekdays) == 1:
            return float(weekdays[0])
    said = parse_yes_no(text)
    return float(said.value) if isinstance(said, Ok) else None


def _allowed(kind: FeatureKind, number: float) -> bool:
    if number < 0:
        return False
    if kind is FeatureKind.FLAG:
        return number in (0, 1)
    if kind is FeatureKind.SHARE:
        return number <= 1
    if kind is FeatureKind.HOURS:
        return number <= 24
    if kind is FeatureKind.WEEKDAY:
        return number <= 6 and number.is_integer()
    if kind is FeatureKind.DAY_INDEX:
        return number >= 1 and number.is_integer()
    return kind in DECIMAL_KINDS or number.is_integer()


_EXPECTED = {
    FeatureKind.FLAG: "write 1 (yes) or 0 (no)",
    FeatureKind.SHARE: "write a share between 0 and 1",
    FeatureKind.HOURS: "write hours as a decimal (10.5) or H:MM (10:30), at most 24",
    FeatureKind.PAGES: "write pages as a decimal (3.375) or in eighths (3 3/8)",
    FeatureKind.WEEKDAY: "write the weekday as a name (Mon) or a number, Mon = 0 to Sun = 6",
    FeatureKind.DAY_INDEX: "write the shoot day number, 1 or more",
    FeatureKind.COUNT: "write a whole number, 0 or more",
}
