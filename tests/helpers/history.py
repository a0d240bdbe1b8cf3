"""Small history workbooks and the synthetic history generator, for the predictor tests."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
from openpyxl import Workbook

from scheduler.day_facts import FEATURE_NAMES
from scheduler.predict.history import HistoryFrame
from tests.helpers.paths import REPOSITORY

EXAMPLE_HISTORY = REPOSITORY / "examples" / "history" / "history.xlsx"
HISTORY_HEADER = ("Production", *FEATURE_NAMES, "Actual Hours")


@cache
def make_history() -> ModuleType:
    """``examples/history/make_history.py`` as a module (examples/ is not a package)."""
    path = REPOSITORY / "examples" / "history" / "make_history.py"
    spec = importlib.util.spec_from_file_location("make_history", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def synthetic_rows(productions: int = 12, seed: int = 7) -> tuple[dict[str, Any], ...]:
    rows = make_history().history_rows(productions, seed)
    return tuple(rows)


def synthetic_history(productions: int = 12, seed: int = 7) -> HistoryFrame:
    """A small labelled history in memory (no workbook), as ``read_history`` would give."""
    frame = pd.DataFrame(list(synthetic_rows(productions, seed)))
    frame["Bottleneck"] = (frame["Actual Hours"] - frame["Planned Hours"] > 0.5).astype(int)
    columns = ["Production", *FEATURE_NAMES, "Bottleneck", "True Probability"]
    frame[list(FEATURE_NAMES)] = frame[list(FEATURE_NAMES)].astype(float)
    return HistoryFrame(frame[columns], "synthetic")


def day(**changes: Any) -> dict[str, float]:
    """An ordinary day's features, with changes."""
    features: dict[str, float] = {
        "Planned Hours": 10.0, "Pages": 4.0, "Scenes": 4, "Cast": 5, "Extras": 10,
        "Locations": 1, "Moves": 0, "Night": 0, "Ext Share": 0.3, "Stunt": 0, "VFX": 0,
        "SFX": 0, "Vehicle": 0, "Animal": 0, "Water": 0, "Minors": 0, "New Location": 0,
        "Weekday": 2, "Day Index": 10,
    }
    features.update(changes)
    return features


def history_row(production: str = "A", actual: Any = 10.2, **changes: Any) -> list[Any]:
    features = day(**changes)
    return [production, *(features[name] for name in FEATURE_NAMES), actual]


def write_workbook(path: Path, header: tuple[Any, ...] | list[Any], rows: list[list[Any]],
                   sheet: str = "Days") -> Path:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append(list(header))
    for row in rows:
        worksheet.append(row)
    workbook.save(path)
    return path


def two_productions() -> list[list[Any]]:
    """Four days of two productions, one bottleneck in each."""
    return [
        history_row("A", 10.2),
        history_row("A", 11.5, **{"Planned Hours": 10.5}),
        history_row("B", 9.0, **{"Planned Hours": 9.0}),
        history_row("B", 12.0, **{"Planned Hours": 11.0, "Night": 1}),
    ]
