"""Reading the ``Days`` sheet: past productions to learn from, or planned days to score.

Both readers take the ``Days`` sheet of ``spec/outputs.md``: the day features under their fixed
headers (matched ignoring case, spaces, ``_``, ``#`` and ``.``).  ``read_history`` also needs a
``Production`` column and a label on every row, from ``Actual Hours`` (a bottleneck when they
exceed ``Planned Hours`` by more than the tolerance) or an explicit ``Bottleneck`` yes/no column
(which wins when both are filled).  ``read_days`` needs the features only.

Every problem is collected and raised at once as ``InputError``, located as ``Days!C14``.
The columns a schedule workbook adds (``Shoot Day``, ``Date``, ``Bottleneck Probability``,
``Flag``) are skipped silently; a ``True Probability`` column (the synthetic example history) is
kept for evaluation only and never becomes a feature; other columns are ignored with a notice.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import time, timedelta
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..day_facts import FEATURE_NAMES
from ..errors import InputError, Problem

logger = logging.getLogger("scheduler")

SHEET = "Days"
DEFAULT_TOLERANCE_HOURS = 0.5
MIN_PRODUCTIONS = 2  # grouped cross-validation holds out whole productions

PRODUCTION = "Production"
ACTUAL_HOURS = "Actual Hours"
BOTTLENECK = "Bottleneck"
TRUE_PROBABILITY = "True Probability"
# Written by plan-shoot into every Days sheet; not features, not labels.
SCHEDULE_COLUMNS = ("Shoot Day", "Date", "Bottleneck Probability", "Flag")

HOURS_FEATURES = ("Planned Hours",)
FLAG_FEATURES = ("Night", "New Location")
SHARE_FEATURES = ("Ext Share",)
DECIMAL_FEATURES = ("Planned Hours", "Pages", "Ext Share")  # the rest are whole counts
YES = frozenset({"yes", "y", "true", "1", "x"})
NO = frozenset({"no", "n", "false", "0", ""})

_IGNORED_IN_NAMES = re.compile(r"[\s_#.]+")
_EIGHTHS = re.compile(r"^\s*(?:(\d+)\s+)?(\d+)/8\s*$")
_HOURS_MINUTES = re.compile(r"^\s*(\d+):([0-5]\d)\s*$")


def _key(name: object) -> str:
    return _IGNORED_IN_NAMES.sub("", str(name)).lower()


@dataclass(frozen=True)
class DaysSheet:
    """The day features of a ``Days`` sheet, one row per non-empty sheet row.

    Attributes
    ----------
    features
        One column per feature of ``FEATURE_NAMES``, as floats.
    rows
        The sheet row number (1-based) of each feature row.
    columns
        Canonical column name -> 1-based column index, for every recognised column.
    extra
        The raw cells of the recognised non-feature columns (``Production``, ``Actual Hours``,
        ``Bottleneck``, ``True Probability``), one list per column, aligned with ``rows``.
    notices
        Columns ignored, in the user's words.
    """

    features: pd.DataFrame
    rows: tuple[int, ...]
    columns: dict[str, int]
    extra: dict[str, list[Any]] = field(default_factory=dict)
    notices: tuple[str, ...] = ()

    def cell(self, column: str, index: int) -> str:
        """``Days!C14``: the cell of ``column`` on feature row ``index``."""
        return f"{SHEET}!{get_column_letter(self.columns[column])}{self.rows[index]}"


@dataclass(frozen=True)
class HistoryFrame:
    """Labelled days of past productions, ready to learn from.

    Attributes
    ----------
    frame
        ``Production``, the ``FEATURE_NAMES`` columns (floats), ``Bottleneck`` (0/1) and, when
        the workbook has one, ``True Probability``.
    source
        Where the history was read from.
    tolerance_hours
        The overrun past plan that counts as a bottleneck.
    notices
        Columns ignored and other remarks.
    """

    frame: pd.DataFrame
    source: str = ""
    tolerance_hours: float = DEFAULT_TOLERANCE_HOURS
    notices: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def features(self) -> pd.DataFrame:
        return self.frame.loc[:, list(FEATURE_NAMES)]

    @property
    def labels(self) -> npt.NDArray[np.int_]:
        return self.frame[BOTTLENECK].to_numpy(dtype=int)

    @property
    def groups(self) -> npt.NDArray[np.str_]:
        return self.frame[PRODUCTION].to_numpy(dtype=str)

    @property
    def productions(self) -> int:
        return int(self.frame[PRODUCTION].nunique())

    @property
    def true_probability(self) -> npt.NDArray[np.float64] | None:
        """The known bottleneck probability of each day (synthetic histories only)."""
        if TRUE_PROBABILITY not in self.frame:
            return None
        return self.frame[TRUE_PROBABILITY].to_numpy(dtype=float)


def read_history(path: str | Path,
                 tolerance_hours: float = DEFAULT_TOLERANCE_HOURS) -> HistoryFrame:
    """Read a history workbook: the stacked ``Days`` sheets of past productions.

    Parameters
    ----------
    path
        The ``.xlsx`` file.
    tolerance_hours
        A day is a bottleneck when its ``Actual Hours`` exceed ``Planned Hours`` by more than
        this (unless a ``Bottleneck`` column says otherwise).

    Returns
    -------
    HistoryFrame
        The labelled days.

    Raises
    ------
    InputError
        Every problem at once: a missing sheet or column, a cell that is not a number, a day
        without a label, fewer than two productions, labels all alike.
    """
    if tolerance_hours < 0:
        raise ValueError("tolerance_hours must not be negative")
    sheet = _read_sheet(Path(path), label_columns=True)
    problems: list[Problem] = []
    productions = _production_names(sheet, problems)
    labels = _labels(sheet, tolerance_hours, problems)
    truth = _true_probabilities(sheet, problems)
    if problems:
        raise InputError(problems)
    _check_learnable(sheet, productions, labels)
    frame = sheet.features.copy()
    frame.insert(0, PRODUCTION, productions)
    frame[BOTTLENECK] = labels
    if truth is not None:
        frame[TRUE_PROBABILITY] = truth
    logger.info("history %s: %d days of %d productions, %d bottleneck days", path, len(frame),
                frame[PRODUCTION].nunique(), sum(labels))
    return HistoryFrame(frame, str(path), tolerance_hours, sheet.notices)


def read_days(path: str | Path) -> DaysSheet:
    """Read the day features of any workbook with a ``Days`` sheet (for prediction).

    Raises
    ------
    InputError
        A missing sheet or feature column, a cell that is not a valid number, no day at all.
    """
    return _read_sheet(Path(path), label_columns=False)


# ----- the sheet --------------------------------------------------------------------------------


def _read_sheet(path: Path, *, label_columns: bool) -> DaysSheet:
    header, body = _sheet_cells(path)
    columns, notices = _match_header(header, label_columns)
    problems: list[Problem] = []
    values: dict[str, list[float]] = {name: [] for name in FEATURE_NAMES}
    extra_names = [n for n in (PRODUCTION, ACTUAL_HOURS, BOTTLENECK, TRUE_PROBABILITY)
                   if n in columns]
    extra: dict[str, list[Any]] = {name: [] for name in extra_names}
    rows: list[int] = []
    for row_number, cells in body:
        if all(_blank(cell) for cell in cells):
            continue  # empty rows are skipped
        rows.append(row_number)
        for name in FEATURE_NAMES:
            cell = _cell_at(cells, columns[name])
            where = f"{SHEET}!{get_column_letter(columns[name])}{row_number}"
            values[name].append(_feature_value(name, cell, where, problems))
        for name in extra_names:
            extra[name].append(_cell_at(cells, columns[name]))
    if not rows:
        problems.append(Problem(f"{SHEET}!2", "the sheet has a header but no days"))
    if problems:
        raise InputError(problems)
    features = pd.DataFrame(values, columns=list(FEATURE_NAMES), dtype=float)
    return DaysSheet(features, tuple(rows), columns, extra, tuple(notices))


def _sheet_cells(path: Path) -> tuple[tuple[Any, ...], Iterator[tuple[int, tuple[Any, ...]]]]:
    """The header row and the numbered body rows of the ``Days`` sheet."""
    where = path.name
    if not path.is_file():
        raise InputError([Problem(where, f"no such file: {path}")])
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise InputError([Problem(where, f"cannot be read as an .xlsx workbook ({error})")]) \
            from error
    name = days_sheet_name(workbook.sheetnames)
    if name is None:
        found = ", ".join(workbook.sheetnames) or "none"
        workbook.close()
        raise InputError([Problem(SHEET, f"the workbook has no sheet {SHEET} (sheets: {found}); "
                                         "the history is the Days sheets of past schedules, "
                                         "stacked, with a Production column first")])
    rows = list(workbook[name].iter_rows(values_only=True))
    workbook.close()
    if not rows:
        raise InputError([Problem(f"{SHEET}!1", "the sheet is empty; the first row must hold "
                                                "the column headers")])
    return tuple(rows[0]), ((number, tuple(cells)) for number, cells in enumerate(rows[1:], 2))


def days_sheet_name(sheet_names: list[str]) -> str | None:
    """The workbook's name for the ``Days`` sheet (matched like the columns), or ``None``."""
    return next((name for name in sheet_names if _key(name) == _key(SHEET)), None)


def _match_header(header: tuple[Any, ...],
                  label_columns: bool) -> tuple[dict[str, int], list[str]]:
    wanted = list(FEATURE_NAMES)
    optional = [ACTUAL_HOURS, BOTTLENECK, TRUE_PROBABILITY]
    if label_columns:
        wanted.insert(0, PRODUCTION)
    else:
        optional.insert(0, PRODUCTION)
    known = {_key(name): name for name in (*wanted, *optional)}
    skipped = {_key(name) for name in SCHEDULE_COLUMNS}
    columns: dict[str, int] = {}
    unknown: dict[str, int] = {}
    problems: list[Problem] = []
    for index, title in enumerate(header, start=1):
        if _blank(title):
            continue
        key = _key(title)
        cell = f"{SHEET}!{get_column_letter(index)}1"
        if key in known:
            name = known[key]
            if name in columns:
                problems.append(Problem(cell, f'column "{name}" appears twice'))
            columns.setdefault(name, index)
        elif key not in skipped:
            unknown[str(title).strip()] = index
    missing = [name for name in wanted if name not in columns]
    no_label = label_columns and ACTUAL_HOURS not in columns and BOTTLENECK not in columns
    candidates = [*missing, *((ACTUAL_HOURS, BOTTLENECK) if no_label else ())]
    notices = []
    for title, index in unknown.items():
        cell = f"{SHEET}!{get_column_letter(index)}1"
        guess = get_close_matches(_key(title), [_key(c) for c in candidates], n=1, cutoff=0.6)
        if guess:
            meant = known[guess[0]]
            problems.append(Problem(cell, f'column "{title}" is not a Days column; did you mean '
                                          f'"{meant}"?'))
            candidates.remove(meant)
            if meant in missing:
                missing.remove(meant)
            else:
                no_label = False  # reported here, at the misspelt header
        else:
            notices.append(f'{cell}: column "{title}" is not used')
    if missing:
        last = max([*columns.values(), *unknown.values(), 0])
        problems.append(Problem(f"{SHEET}!{get_column_letter(last + 1)}1",
                                f"missing column(s): {', '.join(missing)}; the header row needs "
                                f"{', '.join(wanted)}"))
    if no_label:
        problems.append(Problem(f"{SHEET}!1", f"no label column: add {ACTUAL_HOURS} (the hours "
                                              f"each day really took) or {BOTTLENECK} (yes/no)"))
    if problems:
        raise InputError(problems)
    return columns, notices


# ----- cells ------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_at(cells: tuple[Any, ...], column: int) -> Any:
    return cells[column - 1] if column <= len(cells) else None


def _feature_value(name: str, value: Any, where: str, problems: list[Problem]) -> float:
    """The number in a feature cell, or NaN after recording the problem."""
    number = _number(value, hours=name in HOURS_FEATURES, pages=name == "Pages")
    if number is None:
        shown = "empty" if _blank(value) else f'"{value}" is not a number'
        hint = "write 0 when there is none" if _blank(value) else _expected(name)
        problems.append(Problem(where, f"{name} {shown}; {hint}"))
        return float("nan")
    if not _allowed(name, number):
        problems.append(Problem(where, f"{name} {number:g} is out of range; {_expected(name)}"))
        return float("nan")
    return number


def _number(value: Any, *, hours: bool = False, pages: bool = False) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value) if np.isfinite(value) else None
    if hours and isinstance(value, time):
        return value.hour + value.minute / 60 + value.second / 3600
    if hours and isinstance(value, timedelta):
        return value.total_seconds() / 3600
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if hours and (match := _HOURS_MINUTES.match(text)):
        return int(match[1]) + int(match[2]) / 60
    if pages and (match := _EIGHTHS.match(text)):
        return int(match[1] or 0) + int(match[2]) / 8
    if text.lower() in YES - {"1"}:
        return 1.0
    if text.lower() in NO - {"0", ""}:
        return 0.0
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return None
    return number if np.isfinite(number) else None


def _allowed(name: str, number: float) -> bool:
    if number < 0:
        return False
    if name in FLAG_FEATURES:
        return number in (0, 1)
    if name in SHARE_FEATURES:
        return number <= 1
    if name == "Planned Hours":
        return number <= 24
    if name == "Weekday":
        return number <= 6 and number.is_integer()
    if name == "Day Index":
        return number >= 1 and number.is_integer()
    return name in DECIMAL_FEATURES or number.is_integer()


def _expected(name: str) -> str:
    if name in FLAG_FEATURES:
        return "write 1 (yes) or 0 (no)"
    if name in SHARE_FEATURES:
        return "write a share between 0 and 1"
    if name == "Planned Hours":
        return "write hours as a decimal (10.5) or H:MM (10:30), at most 24"
    if name == "Pages":
        return "write pages as a decimal (3.375) or in eighths (3 3/8)"
    if name == "Weekday":
        return "write the weekday as a number, Mon = 0 to Sun = 6"
    if name == "Day Index":
        return "write the shoot day number, 1 or more"
    return "write a whole number, 0 or more"


# ----- labels and groups ------------------------------------------------------------------------


def _production_names(sheet: DaysSheet, problems: list[Problem]) -> list[str]:
    names = []
    for index, value in enumerate(sheet.extra[PRODUCTION]):
        if _blank(value):
            problems.append(Problem(sheet.cell(PRODUCTION, index),
                                    "Production is empty; name the production each day belongs "
                                    "to"))
        names.append("" if value is None else str(value).strip())
    return names


def _labels(sheet: DaysSheet, tolerance_hours: float, problems: list[Problem]) -> list[int]:
    labels = []
    planned = sheet.features["Planned Hours"].to_numpy()
    actual_cells = sheet.extra.get(ACTUAL_HOURS)
    explicit_cells = sheet.extra.get(BOTTLENECK)
    for index in range(len(sheet.rows)):
        explicit = explicit_cells[index] if explicit_cells is not None else None
        actual = actual_cells[index] if actual_cells is not None else None
        if not _blank(explicit):
            labels.append(_yes_no(explicit, sheet.cell(BOTTLENECK, index), problems))
        elif not _blank(actual):
            hours = _number(actual, hours=True)
            if hours is None or hours < 0:
                problems.append(Problem(sheet.cell(ACTUAL_HOURS, index),
                                        f'{ACTUAL_HOURS} "{actual}" is not a number of hours; '
                                        "write hours as a decimal (10.5) or H:MM (10:30)"))
                labels.append(0)
            else:
                labels.append(int(hours - planned[index] > tolerance_hours))
        else:
            column = ACTUAL_HOURS if actual_cells is not None else BOTTLENECK
            problems.append(Problem(sheet.cell(column, index),
                                    f"no {ACTUAL_HOURS} and no {BOTTLENECK} value: the day has "
                                    "no outcome to learn from; fill one in, or delete the row "
                                    "of a day not shot yet"))
            labels.append(0)
    return labels


def _yes_no(value: Any, where: str, problems: list[Problem]) -> int:
    if isinstance(value, bool):
        return int(value)
    text = f"{value:g}" if isinstance(value, int | float) else str(value).strip().lower()
    if text in YES:
        return 1
    if text in NO:
        return 0
    problems.append(Problem(where, f'{BOTTLENECK} "{value}" is not yes or no'))
    return 0


def _true_probabilities(sheet: DaysSheet, problems: list[Problem]) -> list[float] | None:
    cells = sheet.extra.get(TRUE_PROBABILITY)
    if cells is None:
        return None
    values = []
    for index, value in enumerate(cells):
        number = _number(value)
        if number is None or not 0 <= number <= 1:
            problems.append(Problem(sheet.cell(TRUE_PROBABILITY, index),
                                    f'{TRUE_PROBABILITY} "{value}" is not a probability '
                                    "between 0 and 1"))
            number = float("nan")
        values.append(number)
    return values


def _check_learnable(sheet: DaysSheet, productions: list[str], labels: list[int]) -> None:
    distinct = sorted(set(productions))
    header = f"{SHEET}!{get_column_letter(sheet.columns[PRODUCTION])}1"
    if len(distinct) < MIN_PRODUCTIONS:
        raise InputError([Problem(header, f'all {len(productions)} days belong to one production '
                                          f'("{distinct[0]}"); the predictor is checked by '
                                          "cross-validation that holds out whole productions, "
                                          f"so it needs the days of at least {MIN_PRODUCTIONS}")])
    if len(set(labels)) < 2:
        every = "every day" if labels[0] else "no day"
        raise InputError([Problem(SHEET, f"{every} in this history is a bottleneck; the "
                                         "predictor needs both days that overran and days that "
                                         "kept to plan")])
