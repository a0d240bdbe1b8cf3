"""Days to learn from and days to score: what the predictor takes from a ``Days`` sheet.

``excel/days.py`` reads the sheet (``scheduler.days_sheet`` spells its columns) into a
``DaysSheet``: the day features as floats and the parsed outcome columns, each row located.
``label_history`` turns a history's sheet into a ``HistoryFrame``: every day labelled from its
``Actual Hours`` (a bottleneck when they exceed ``Planned Hours`` by more than the tolerance) or
an explicit ``Bottleneck`` yes/no (which wins when both are filled), grouped by ``Production``.

Every problem is collected and raised at once as ``InputError``, located as ``Days!C14``.  No
file is opened here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from openpyxl.utils import get_column_letter

from ..day_facts import FEATURE_NAMES
from ..days_sheet import (
    ACTUAL_HOURS,
    BOTTLENECK,
    OUTCOME_COLUMNS,
    PRODUCTION,
    SHEET,
    TRUE_PROBABILITY,
    FeatureKind,
    feature_of_kind,
)
from ..errors import InputError, Problem

logger = logging.getLogger("scheduler")

DEFAULT_TOLERANCE_HOURS = 0.5
MIN_PRODUCTIONS = 2  # grouped cross-validation holds out whole productions
PLANNED_HOURS = feature_of_kind(FeatureKind.HOURS)  # what Actual Hours are held against


@dataclass(frozen=True)
class DaysSheet:
    """The days of a ``Days`` sheet, one per non-empty sheet row, as ``excel/days.py`` read them.

    Attributes
    ----------
    features
        One column per feature of ``FEATURE_NAMES``, as floats (NaN in a cell with a problem).
    rows
        The sheet row number (1-based) of each day.
    columns
        Canonical column name -> 1-based column index, for every column read.
    extra
        The parsed cells of the other columns read (``Production`` text; for a history also
        ``Actual Hours`` in hours, ``Bottleneck`` as a bool, ``True Probability``), one list
        per column, aligned with ``rows``; ``None`` for a blank cell or one with a problem.
    notices
        Columns ignored, in the user's words.
    failed
        ``(column, day)`` of the cells whose problem is already reported.
    header_row
        The sheet row of the column headers.
    """

    features: pd.DataFrame
    rows: tuple[int, ...]
    columns: dict[str, int]
    extra: dict[str, list[Any]] = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    failed: frozenset[tuple[str, int]] = frozenset()
    header_row: int = 1

    def cell(self, column: str, index: int) -> str:
        """``Days!C14``: the cell of ``column`` on day ``index``."""
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
    def groups(self) -> npt.NDArray[np.intp]:
        """Each day's production as a number, in the sorted order of the names (so folds by
        production are the same as by name): a fixed-width text array would take the longest
        name's width for every day (gigabytes for one 32,767-character name, D7)."""
        codes, _ = pd.factorize(self.frame[PRODUCTION], sort=True)
        return np.asarray(codes, dtype=np.intp)

    @property
    def productions(self) -> int:
        return int(self.frame[PRODUCTION].nunique())

    @property
    def true_probability(self) -> npt.NDArray[np.float64] | None:
        """The known bottleneck probability of each day (synthetic histories only)."""
        if TRUE_PROBABILITY not in self.frame:
            return None
        return self.frame[TRUE_PROBABILITY].to_numpy(dtype=float)


def label_history(sheet: DaysSheet, tolerance_hours: float = DEFAULT_TOLERANCE_HOURS, *,
                  source: str = "", problems: Sequence[Problem] = ()) -> HistoryFrame:
    """The labelled days of a history's ``Days`` sheet (the stacked sheets of past productions).

    Parameters
    ----------
    sheet
        The sheet, read with its ``Production`` column and an outcome column.
    tolerance_hours
        A day is a bottleneck when its ``Actual Hours`` exceed ``Planned Hours`` by more than
        this (unless a ``Bottleneck`` column says otherwise).
    source
        Where the sheet was read from.
    problems
        The problems already found in the sheet's cells, reported with those found here.

    Returns
    -------
    HistoryFrame
        The labelled days.

    Raises
    ------
    InputError
        Every problem at once: a day without a production or a label, a probability out of
        range, fewer than two productions, labels all alike.
    """
    if tolerance_hours < 0:
        raise ValueError("tolerance_hours must not be negative")
    found = list(problems)
    productions = _production_names(sheet, found)
    labels = _labels(sheet, tolerance_hours, found)
    truth = sheet.extra.get(TRUE_PROBABILITY)
    if found:
        raise InputError(found)
    _check_learnable(sheet, productions, labels)
    frame = sheet.features.copy()
    frame.insert(0, PRODUCTION, productions)
    frame[BOTTLENECK] = labels
    if truth is not None:
        frame[TRUE_PROBABILITY] = truth
    logger.info("history %s: %d days of %d productions, %d bottleneck days", source, len(frame),
                frame[PRODUCTION].nunique(), sum(labels))
    return HistoryFrame(frame, source, tolerance_hours, sheet.notices)


# ----- labels and groups ------------------------------------------------------------------------


def _production_names(sheet: DaysSheet, problems: list[Problem]) -> list[str]:
    names = []
    for index, name in enumerate(sheet.extra[PRODUCTION]):
        if not name and (PRODUCTION, index) not in sheet.failed:
            problems.append(Problem(sheet.cell(PRODUCTION, index),
                                    "Production is empty; name the production each day belongs "
                                    "to"))
        names.append(name or "")
    return names


def _labels(sheet: DaysSheet, tolerance_hours: float, problems: list[Problem]) -> list[int]:
    labels = []
    planned = sheet.features[PLANNED_HOURS].to_numpy()
    actual_hours = sheet.extra.get(ACTUAL_HOURS)
    explicit = sheet.extra.get(BOTTLENECK)
    for index in range(len(sheet.rows)):
        said = explicit[index] if explicit is not None else None
        took = actual_hours[index] if actual_hours is not None else None
        if said is not None:
            labels.append(int(said))
        elif took is not None:
            labels.append(int(took - planned[index] > tolerance_hours))
        else:
            labels.append(0)
            if any((column, index) in sheet.failed for column in OUTCOME_COLUMNS):
                continue  # the outcome cell's own problem is reported
            column = ACTUAL_HOURS if actual_hours is not None else BOTTLENECK
            problems.append(Problem(sheet.cell(column, index),
                                    f"no {ACTUAL_HOURS} and no {BOTTLENECK} value: the day has "
                                    "no outcome to learn from; fill one in, or delete the row "
                                    "of a day not shot yet"))
    return labels


def _check_learnable(sheet: DaysSheet, productions: list[str], labels: list[int]) -> None:
    distinct = sorted(set(productions))
    header = f"{SHEET}!{get_column_letter(sheet.columns[PRODUCTION])}{sheet.header_row}"
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
