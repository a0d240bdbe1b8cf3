"""Read a production from whatever the producer brings: a breakdown workbook or a USS file."""

from __future__ import annotations

from pathlib import Path

from .data import Production
from .excel.reader import read_workbook

# Suffixes of the Universal Schedule Standard (JSON) files.
USS_SUFFIXES = (".uss",)


def is_uss(path: str | Path) -> bool:
    """True when ``path`` names a Universal Schedule Standard file."""
    return Path(path).suffix.lower() in USS_SUFFIXES


def read_production(path: str | Path, *, uss_defaults: str | Path | None = None,
                    uss_board: str | None = None, uss_title: str | None = None) -> Production:
    """Read and check a production from a breakdown workbook or a USS file.

    Parameters
    ----------
    path
        An ``.xlsx`` breakdown workbook or a ``.uss`` file.
    uss_defaults
        For a USS file: a workbook with the facts USS lacks (rates, fees, pace); without it,
        marked defaults are used.
    uss_board
        For a USS file: the stripboard whose calendar and number of days to take (default: the
        first with day breaks).
    uss_title
        For a USS file that names no project: its title (default: the file's name).

    Raises
    ------
    InputError
        Every problem found, located (``Sheet!CELL`` or a path in the USS file); anything that
        is not a workbook or USS file is refused by the workbook reader with a plain reason.
    """
    if is_uss(path):
        from .interop.uss import read_uss

        return read_uss(path, defaults=uss_defaults, board=uss_board, title=uss_title)
    return read_workbook(path)
