"""A revised schedule (a re-plan's) as a USS stripboard named after its revision.

A shop that keeps its boards in USS gets its own file back with one more stripboard,
``plan-shoot Blue revision``: the breakdown's file when it is one, else the file that held the
current board.  When the re-plan added scenes that file has no strip for (the rest of a
part-shot scene, ``12 pt2``; a scene new on the breakdown), the board cannot be added to it
without inventing strips, so a new USS document holds the production and the revised board.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...data import Production
from ...solution import Solution
from . import new_board_name, read_uss_document, write_uss
from .mapping import strip_scene_ids
from .objects import WRITER

logger = logging.getLogger("scheduler")

@dataclass(frozen=True)
class WrittenBoard:
    """Where a revised board went: its name, and the USS file it was added to (``None`` when
    it is a new document)."""

    board: str
    added_to: Path | None


def revision_board_name(revision_name: str) -> str:
    """The stripboard's name: ``plan-shoot Blue revision``."""
    return f"{WRITER} {revision_name} revision"


def write_revised_uss(production: Production, solution: Solution, target: str | Path,
                      revision_name: str, sources: Sequence[str | Path]) -> WrittenBoard:
    """Write the revised schedule to ``target`` (atomically) as a USS stripboard.

    Parameters
    ----------
    production
        The production the re-plan solved (every scene of ``solution``).
    solution
        The revised schedule.
    target
        The ``.uss`` file to write; the caller has checked it is no input.
    revision_name
        The revision's colour (``Blue``).
    sources
        The re-plan's USS inputs, in order of preference (the breakdown, the current
        schedule): the first whose strips hold every scene gets the board added.
    """
    wanted = revision_board_name(revision_name)
    source = _source_with_every_scene(production, sources)
    board = new_board_name(source, wanted)
    write_uss(production, solution, target, source=source, board_name=board)
    return WrittenBoard(board, Path(source) if source is not None else None)


def _source_with_every_scene(production: Production,
                             sources: Sequence[str | Path]) -> str | Path | None:
    """The first USS file of ``sources`` that has a strip for every scene of ``production``."""
    for source in sources:
        strips = set(strip_scene_ids(read_uss_document(source)).values())
        missing = [scene.id for scene in production.scenes if scene.id not in strips]
        if not missing:
            return source
        logger.info("%s has no strip for scenes %s: the revised board goes to a new USS "
                    "document", Path(source).name, ", ".join(missing[:5]))
    return None
