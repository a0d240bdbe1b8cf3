"""Add a schedule to an existing USS file as a new stripboard, keeping everything else.

The file the production was imported from keeps its strips, elements (props and wardrobe
included), boards and calendars; the schedule becomes one more stripboard with its own calendar.
The board is written in the form the file already uses: per-day arrays when its boards are
written so (the samples' form), else the documentation's flat list with a ``day`` strip after
each day.  In that form every stripboard must list every strip, so the new day strips also go to
the boneyard of the other stripboards.
"""

from __future__ import annotations

from typing import Any

from ...data import Production
from ...errors import PlanShootError
from ...solution import Solution
from .document import BOARD_DAY_ARRAYS, BOARD_IDS, UssDocument
from .objects import ObjectIds, calendar_object, day_strip, now_iso, schedule_days
from .source import USS_ROOT_KEY


def unique_board_name(document: UssDocument, wanted: str) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``... when the file already has that stripboard."""
    name, count = wanted, 1
    while document.stripboard(name) is not None:
        count += 1
        name = f"{wanted} {count}"
    return name


def add_stripboard(tree: dict[str, Any], document: UssDocument, scene_of_strip: dict[str, str],
                   production: Production, solution: Solution, board_name: str) -> None:
    """Add ``solution`` to the parsed USS file ``tree`` (changed in place) as the stripboard
    ``board_name``, with a calendar of its own.

    Raises
    ------
    PlanShootError
        When the production has scenes that are not strips of the file.
    """
    root: dict[str, Any] = tree.get(USS_ROOT_KEY, tree)
    strip_of_scene = {scene_id: strip_id for strip_id, scene_id in scene_of_strip.items()}
    foreign = [scene.id for scene in production.scenes if scene.id not in strip_of_scene]
    if foreign:
        raise PlanShootError(f"scenes {', '.join(foreign[:5])} are not strips of the USS file; "
                             "export the schedule as a new USS file instead")
    ids = ObjectIds(f"{root.get('id')}/{board_name}/{len(document.stripboards)}")
    days = [[strip_of_scene[scene_id] for scene_id in day]
            for day in schedule_days(production, solution)]
    calendar = calendar_object(production, ids, f"{board_name} calendar")
    if document.uses_day_arrays:
        board: dict[str, Any] = {"id": ids.next(), "name": "stripboard", BOARD_DAY_ARRAYS: days}
        key = BOARD_DAY_ARRAYS
    else:
        breaks = _day_strips(root, ids, len(days))
        _to_other_boneyards(root, [b["id"] for b in breaks], ids)
        flat = [strip for day, day_break in zip(days, breaks, strict=True)
                for strip in (*day, day_break["id"])]
        board = {"id": ids.next(), "name": "stripboard", BOARD_IDS: flat}
        key = BOARD_IDS
    # ids as read (trimmed, numbers as text): the file may write " s1 " or 12
    on_board = {strip for day in days for strip in day}
    boneyard = [b.id for b in document.breakdowns if b.id not in on_board]
    _list(root, "calendars").append(calendar)
    _list(root, "stripboards").append({
        "id": ids.next(), "calendar": calendar["id"], "name": board_name,
        "boards": [board, {"id": ids.next(), "name": "boneyard", key: boneyard}],
    })


def _day_strips(root: dict[str, Any], ids: ObjectIds, count: int) -> list[dict[str, Any]]:
    """``count`` new ``day`` strips (day breaks), added to the file's strips."""
    created = now_iso()
    strips = [day_strip(ids, created) for _ in range(count)]
    root["breakdowns"].extend(strips)
    return strips


def _to_other_boneyards(root: dict[str, Any], strip_ids: list[str], ids: ObjectIds) -> None:
    """Put new strips in the boneyard of every existing stripboard, so that each still lists
    every strip of the file."""
    for stripboard in _list(root, "stripboards"):
        boards = stripboard.get("boards") if isinstance(stripboard, dict) else None
        if not isinstance(boards, list):
            continue
        boneyard = next((b for b in boards if isinstance(b, dict)
                         and str(b.get("name", "")).strip().casefold() == "boneyard"), None)
        if boneyard is None:
            boneyard = {"id": ids.next(), "name": "boneyard", BOARD_IDS: []}
            boards.append(boneyard)
        key = BOARD_DAY_ARRAYS if BOARD_DAY_ARRAYS in boneyard else BOARD_IDS
        if not isinstance(boneyard.get(key), list):
            boneyard[key] = []
        boneyard[key].extend(strip_ids)


def _list(root: dict[str, Any], key: str) -> list[Any]:
    if not isinstance(root.get(key), list):
        root[key] = []
    found: list[Any] = root[key]
    return found
