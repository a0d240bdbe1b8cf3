"""The Universal Schedule Standard (USS): read a breakdown and its boards, write our schedule.

USS is the open JSON format of ThinkCrew, Cinapse and G-Casper.  ``read_uss`` turns a ``.uss``
file into a checked ``Production`` (what USS lacks, such as rates and pace, from a defaults
workbook, see ``defaults``); ``read_uss_boards`` gives the stripboards people built as
``Solution`` objects, to evaluate under our rules and costs; ``schedule_to_uss`` and
``write_uss`` write a schedule as a USS stripboard with day breaks, which ``read_uss_boards``
reads back to the same start days.

Every problem of a file (not JSON, wrong types, missing ids, unknown references) is reported at
once, located by its path in the file: ``breakdowns[12].elements[3]: no element has id "..."``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ...data import Production
from ...files import save_text_atomically
from ...solution import Solution
from .append import add_stripboard, unique_board_name
from .boards import board_solution, board_solutions, scheduled_stripboard
from .defaults import UssDefaults, read_defaults
from .document import UssDocument, parse_document
from .mapping import UssImport, build_production, strip_scene_ids
from .objects import WRITER
from .source import load_json
from .writer import new_document

__all__ = [
    "DEFAULT_BOARD_NAME",
    "UssDefaults",
    "UssDocument",
    "UssImport",
    "import_uss",
    "new_board_name",
    "read_defaults",
    "read_uss",
    "read_uss_board",
    "read_uss_boards",
    "read_uss_document",
    "schedule_to_uss",
    "write_uss",
]

logger = logging.getLogger("scheduler")

DEFAULT_BOARD_NAME = WRITER


def read_uss_document(path: str | Path) -> UssDocument:
    """The checked content of a USS file (``InputError`` with every problem otherwise)."""
    return parse_document(load_json(path))


def import_uss(path: str | Path, defaults: str | Path | UssDefaults | None = None, *,
               board: str | None = None, title: str | None = None) -> UssImport:
    """The production of a USS file, with how its strips map to scenes.

    Parameters
    ----------
    path
        The ``.uss`` file.
    defaults
        A defaults workbook (or ``UssDefaults``) with what USS lacks; without it the built-in
        defaults apply, each listed in the production's notices.
    board
        The stripboard whose calendar and number of days the production takes (default: the
        first with day breaks).
    title
        The production's title when the file names no project (default: the file's name).

    Raises
    ------
    InputError
        Every problem of the file and of the defaults workbook, located.
    """
    document = read_uss_document(path)
    if defaults is None:
        chosen = UssDefaults()
    elif isinstance(defaults, UssDefaults):
        chosen = defaults
    else:
        chosen = read_defaults(defaults)
    imported = build_production(document, chosen, board=board,
                                fallback_title=title or Path(path).stem)
    production = imported.production
    logger.info("read %s: %d scenes, %d cast, %d locations", Path(path).name,
                len(production.scenes), len(production.cast), len(production.locations))
    return imported


def read_uss(path: str | Path, defaults: str | Path | UssDefaults | None = None, *,
             board: str | None = None, title: str | None = None) -> Production:
    """The checked production of a USS file (see ``import_uss``)."""
    return import_uss(path, defaults, board=board, title=title).production


def read_uss_boards(path: str | Path) -> dict[str, Solution]:
    """Every stripboard of a USS file that has day breaks, as a schedule: scene id -> the shoot
    day of its strip (strips in the boneyard are left out)."""
    document = read_uss_document(path)
    return board_solutions(document, strip_scene_ids(document))


def read_uss_board(path: str | Path, name: str) -> Solution:
    """The stripboard ``name`` of a USS file as a schedule (``InputError`` when it is not in the
    file or has no day breaks)."""
    document = read_uss_document(path)
    return board_solution(scheduled_stripboard(document, name), strip_scene_ids(document))


def new_board_name(source: str | Path | None, wanted: str = DEFAULT_BOARD_NAME) -> str:
    """The name ``schedule_to_uss`` gives the new stripboard: ``wanted``, numbered when the
    source file already has a stripboard of that name."""
    if source is None:
        return wanted
    return unique_board_name(read_uss_document(source), wanted)


def schedule_to_uss(production: Production, solution: Solution, *,
                    source: str | Path | None = None,
                    board_name: str = DEFAULT_BOARD_NAME) -> str:
    """A schedule as USS text.

    Parameters
    ----------
    production
        The production scheduled.
    solution
        The schedule: becomes a stripboard with a day break after each shoot day.
    source
        The USS file the production was read from: the result is that file with the schedule
        added as one more stripboard (everything else kept).  Without it, a new USS document
        holds the production and the schedule.
    board_name
        The name of the new stripboard (made unique within ``source``).
    """
    if source is None:
        tree = new_document(production, solution, board_name)
    else:
        tree = load_json(source)
        document = parse_document(tree)
        name = unique_board_name(document, board_name)
        add_stripboard(tree, document, strip_scene_ids(document), production, solution, name)
    return json.dumps(tree, indent=2, ensure_ascii=False) + "\n"


def write_uss(production: Production, solution: Solution, path: str | Path, *,
              source: str | Path | None = None, board_name: str = DEFAULT_BOARD_NAME) -> Path:
    """Write ``schedule_to_uss`` to ``path`` atomically; returns the path written."""
    written = save_text_atomically(path, schedule_to_uss(production, solution, source=source,
                                                         board_name=board_name))
    logger.info("wrote USS file %s", written)
    return written
