"""Read what the producer brings: a production from a breakdown workbook or a USS file, and a
board someone built from a schedule workbook or a USS stripboard; and give a USS file back with
our board added.
"""

from __future__ import annotations

from pathlib import Path

from .data import Production
from .errors import PlanShootError
from .excel.reader import read_workbook
from .solution import Solution

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
        An ``.xlsx`` breakdown workbook, a ``.uss`` file or a screenplay (``.fountain``,
        ``.fdx``).
    uss_defaults
        For a USS file or a screenplay: a workbook with the facts the file lacks (rates,
        fees, pace; a screenplay's start date); without it, marked defaults are used.
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
    from .script import is_script, read_script

    if is_script(path):  # a screenplay, its start date and rates from the defaults workbook
        return read_script(path, defaults=uss_defaults)
    return read_workbook(path)


def read_board(path: str | Path, board: str | None = None) -> tuple[Solution, str]:
    """A board someone built, and its name, from a schedule workbook or a USS file.

    Parameters
    ----------
    path
        A schedule workbook plan-shoot wrote (the board is named after the file), or a ``.uss``
        file.
    board
        For a USS file: the name of the stripboard; without it, the file's only stripboard with
        shoot days.

    Raises
    ------
    InputError
        The file's problems, located.
    PlanShootError
        The file is not a schedule, or a USS file has several stripboards with shoot days and
        ``board`` names none.
    """
    from .interop.schedule_workbook import read_schedule_workbook
    from .interop.uss import read_uss_board, read_uss_boards

    path = Path(path)
    if not is_uss(path):
        return read_schedule_workbook(path), path.name
    if board is not None:
        return read_uss_board(path, board), board
    boards = read_uss_boards(path)
    if len(boards) != 1:
        names = ", ".join(f'"{name}"' for name in boards) or "none"
        raise PlanShootError(f"{path} has {len(boards)} stripboards with shoot days ({names}); "
                             "choose one with --board NAME")
    name, solution = next(iter(boards.items()))
    return solution, name


def write_uss_stripboard(production: Production, solution: Solution, target: str | Path,
                         input_path: str | Path) -> str:
    """Write a schedule as a USS stripboard, added to the input when the input is a USS file,
    so that the producer gets their own file back with one more board.

    Parameters
    ----------
    production
        The production planned.
    solution
        Its schedule.
    target
        The ``.uss`` file to write (atomically).
    input_path
        The file the production was read from.

    Returns
    -------
    str
        The name of the new stripboard (numbered when the input already has one of that name).
    """
    from .interop.uss import new_board_name, write_uss

    source = input_path if is_uss(input_path) else None
    board = new_board_name(source)
    write_uss(production, solution, target, source=source, board_name=board)
    return board
