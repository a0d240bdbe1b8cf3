"""What ``plan-shoot train`` and ``plan-shoot predict`` do, without the terminal.

``train_command`` reads a history workbook, cross-validates the model by production, trains it on
every day and saves it with its evaluation.  ``predict_command`` reads any workbook with a
``Days`` sheet (a schedule workbook, or a history), adds ``Bottleneck Probability`` and ``Flag``
to that sheet and writes the whole workbook to a new file, never over the input.
"""

from __future__ import annotations

import logging
from copy import copy
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from ..days_sheet import FLAG, PROBABILITY, SHEET
from ..errors import InputError, Problem
from ..excel.days import days_sheet_title, read_days, read_history
from ..excel.safe import save_atomically, set_cell
from ..excel.writer import OutputPathError
from ..files import same_file
from .model import EvaluationReport, evaluate, load, load_default, save, train

logger = logging.getLogger("scheduler")

PERCENT_FORMAT = "0%"


def train_command(history_path: str | Path, out_dir: str | Path, *, seed: int = 0,
                  folds: int = 5, tolerance_hours: float = 0.5) -> EvaluationReport:
    """Evaluate, train and save a bottleneck model.

    Parameters
    ----------
    history_path
        The history workbook (sheet ``Days``, a ``Production`` column, ``Actual Hours`` or
        ``Bottleneck``).
    out_dir
        Folder for ``model.txt`` and ``metadata.json``.
    seed, folds, tolerance_hours
        Model seed, cross-validation folds and the overrun that makes a bottleneck.

    Returns
    -------
    EvaluationReport
        The cross-validated scores; the model is flagged at its F1-optimal threshold.

    Raises
    ------
    InputError
        Every problem of the history, located as ``Days!C14``.
    """
    history = read_history(history_path, tolerance_hours)
    report = evaluate(history, folds=folds, seed=seed)
    model = train(history, seed, threshold=report.threshold,
                  threshold_rule="F1-optimal on out-of-fold predictions of cross-validation "
                                 "by production",
                  evaluation=report)
    save(model, out_dir)
    return report


@dataclass(frozen=True)
class PredictionSummary:
    """What ``predict_command`` wrote."""

    path: Path
    days: int
    flagged: int
    threshold: float


def predict_command(days_path: str | Path, model_dir: str | Path | None,
                    out_path: str | Path) -> PredictionSummary:
    """Score every day of a ``Days`` sheet and write the workbook with the scores to a new file.

    Parameters
    ----------
    days_path
        A workbook with a ``Days`` sheet in the history format (``Production`` and labels are
        not needed).
    model_dir
        A folder written by ``train_command``, or ``None`` for the default model.
    out_path
        Where to write; never the input.  An existing file there is replaced atomically.

    Returns
    -------
    PredictionSummary
        The file written, the days scored and how many were flagged.

    Raises
    ------
    InputError
        A problem of the workbook or the model, or an output path that is the input.
    OutputPathError
        When the scored workbook cannot be written (a full disk, a folder without permission).
    """
    source, target = Path(days_path), Path(out_path)
    if same_file(source, target):
        raise InputError([Problem(str(target), "is the input workbook; write the predictions "
                                               "to another file")])
    sheet = read_days(source)
    model = load(model_dir) if model_dir is not None else load_default()
    rows = [{str(name): float(value) for name, value in record.items()}
            for record in sheet.features.to_dict(orient="records")]
    probabilities = model.predict_proba(rows)
    # Opened a second time, whole and with its formulas, so that it is rewritten whole; the read
    # above has checked the file against the reader's limits.
    workbook = load_workbook(source)
    days = workbook[days_sheet_title(workbook.sheetnames) or SHEET]
    probability_column = _column(days, PROBABILITY, sheet.header_row)
    flag_column = _column(days, FLAG, sheet.header_row)
    flagged = 0
    for row, probability in zip(sheet.rows, probabilities, strict=True):
        is_flagged = probability >= model.threshold
        flagged += is_flagged
        set_cell(days, row, probability_column, round(probability, 4)).number_format = \
            PERCENT_FORMAT
        set_cell(days, row, flag_column, "yes" if is_flagged else "no")
    try:
        save_atomically(workbook, target)
    except OSError as error:
        raise OutputPathError(f"cannot write {target} ({error.strerror or error})") from error
    logger.info("bottleneck predictions for %d days written to %s", len(rows), target)
    return PredictionSummary(target, len(rows), flagged, model.threshold)


def _column(sheet: Worksheet, title: str, header_row: int) -> int:
    """The 1-based column headed ``title`` in the header row, appended after the last header if
    absent (styled like that header)."""
    last: Cell | None = None
    for cell in sheet[header_row]:
        if cell.value is not None and str(cell.value).strip():
            last = cell
            if str(cell.value).strip().lower() == title.lower():
                return int(cell.column)
    column = int(last.column) + 1 if last is not None else 1
    header = set_cell(sheet, header_row, column, title)
    if last is not None and last.has_style:
        for attribute in ("font", "fill", "border", "alignment", "number_format", "protection"):
            setattr(header, attribute, copy(getattr(last, attribute)))
    return column

