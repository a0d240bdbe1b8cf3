"""The stripboards of a USS file as schedules: each strip starts on the day of its board.

A stripboard is a schedule when its board (the first board that is not the boneyard) has day
breaks: the strips of its k-th day start on shoot day k of the calendar.  Strips in the boneyard
are not scheduled.  A board without day breaks only orders the strips (``Script Order``); it is
not a schedule.
"""

from __future__ import annotations

from ...errors import InputError, Problem
from ...solution import Solution
from .document import UssDocument, UssStripboard


def board_solution(stripboard: UssStripboard, scene_of_strip: dict[str, str]) -> Solution:
    """The schedule of a stripboard with day breaks: scene id -> shoot day of its strip.

    Raises
    ------
    InputError
        When the stripboard has no day breaks, so no days.
    """
    board = stripboard.schedule_board
    if board is None or not board.has_day_breaks:
        raise InputError([Problem(stripboard.path, f'stripboard "{stripboard.name}" has no day '
                                                   "breaks: it orders the strips but gives no "
                                                   "shoot days")])
    start_day = {scene_of_strip[strip_id]: day
                 for day, strips in enumerate(board.days(), start=1)
                 for strip_id in strips if strip_id in scene_of_strip}
    return Solution(start_day=start_day)


def board_solutions(document: UssDocument, scene_of_strip: dict[str, str]) -> dict[str, Solution]:
    """Every stripboard with day breaks as a schedule, by stripboard name (the first of a name
    wins)."""
    found: dict[str, Solution] = {}
    for stripboard in document.stripboards:
        if stripboard.is_scheduled and stripboard.name not in found:
            found[stripboard.name] = board_solution(stripboard, scene_of_strip)
    return found


def scheduled_stripboard(document: UssDocument, name: str) -> UssStripboard:
    """The stripboard ``name`` (case ignored), which must have day breaks.

    Raises
    ------
    InputError
        When there is no such stripboard or it has no day breaks; the message lists the
        stripboards that are schedules.
    """
    stripboard = document.stripboard(name)
    if stripboard is not None and stripboard.is_scheduled:
        return stripboard
    names = ", ".join(f'"{s.name}"' for s in document.stripboards if s.is_scheduled) or "none"
    reason = ("has no day breaks: it orders the strips but gives no shoot days"
              if stripboard is not None else "is not in the file")
    raise InputError([Problem("stripboards", f'stripboard "{name}" {reason}; the stripboards '
                                             f"with shoot days: {names}")])
