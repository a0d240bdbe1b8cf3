"""A production and its schedule as a new USS document, in the form of the USS documentation.

Scenes become strips (``scene`` breakdowns) whose elements carry the slug line (set, INT/EXT,
day/night, script day), the location, cast (board id and character), background head count,
special crew (``Additional Labor``), equipment (``Special Equipment``) and tags (a ``Tags``
category).  Availability becomes ``dayOff`` events of the elements.  The schedule is one
stripboard whose board lists each day's strips followed by a ``day`` strip, the day break;
scenes left out go to the boneyard.  ``mapping`` reads all of it back.

What USS cannot hold is not written: money, the pace and day lengths, scene windows and pins,
constraints, zones, minors.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from ...data import EIGHTHS_PER_PAGE, Availability, Production, Scene
from ...solution import Solution
from .categories import WRITTEN_CATEGORIES, Role
from .document import BOARD_IDS, MS_PER_MINUTE
from .objects import (
    USS_VERSION,
    WRITER,
    ObjectIds,
    calendar_object,
    day_strip,
    event,
    now_iso,
    schedule_days,
)
from .source import USS_ROOT_KEY

logger = logging.getLogger("scheduler")


class _Elements:
    """The elements of the document, one per (role, name), grouped by category."""

    def __init__(self, ids: ObjectIds, created: str) -> None:
        self.ids = ids
        self.created = created
        self.by_key: dict[tuple[Role, str], dict[str, Any]] = {}

    def of(self, role: Role, name: str, board_id: str = "", drop: tuple[bool, int] | None = None,
           days_off: list[date] | None = None) -> str:
        """The id of the element ``name`` of a category (of board id ``board_id`` when given),
        created on first use."""
        key = (role, board_id or name)
        if key not in self.by_key:
            allow_drop, drop_days = drop or (False, 0)
            self.by_key[key] = {
                "id": self.ids.next(), "created": self.created,
                "doodDropAllow": allow_drop, "doodDropDays": drop_days,
                "doodHoldAllow": role is Role.CAST, "doodInclude": role is Role.CAST,
                "elementId": board_id, "elementIdLock": bool(board_id),
                "events": [event(self.ids, "dayOff", "dayOff", when) for when in days_off or ()],
                "linkedElements": [], "name": name,
            }
        return str(self.by_key[key]["id"])

    def categories(self) -> list[dict[str, Any]]:
        found = []
        for role, (name, ucid) in WRITTEN_CATEGORIES.items():
            members = [e["id"] for (r, _), e in self.by_key.items() if r is role]
            found.append({"id": self.ids.next(), "created": self.created, "elements": members,
                          "name": name, "ucid": ucid})
        return found

    def all(self) -> list[dict[str, Any]]:
        return list(self.by_key.values())


def new_document(production: Production, solution: Solution,
                 board_name: str = WRITER) -> dict[str, Any]:
    """The USS document of ``production`` with ``solution`` as its one stripboard."""
    s = production.settings
    ids = ObjectIds(f"{s.title}/{s.start_date.isoformat()}/{len(production.scenes)}")
    created = now_iso()
    elements = _Elements(ids, created)
    _entity_elements(production, elements)
    breakdowns = [_strip(scene, elements, ids, created) for scene in production.scenes]
    strip_of_scene = {b["scene"]: b["id"] for b in breakdowns}
    board: list[str] = []
    for day in schedule_days(production, solution):
        board += [strip_of_scene[scene_id] for scene_id in day]
        day_break = day_strip(ids, created)
        breakdowns.append(day_break)
        board.append(str(day_break["id"]))
    on_board = set(board)
    boneyard = [b["id"] for b in breakdowns if b["id"] not in on_board]
    calendar = calendar_object(production, ids, f"{s.title} calendar")
    skipped = _not_written(production)
    if skipped:
        logger.info("USS cannot hold %s; not written", ", ".join(skipped))
    return {USS_ROOT_KEY: {
        "id": ids.next(), "author": None, "company": None, "created": created,
        "description": f"Shooting schedule planned by {WRITER}", "episode": None,
        "episodeName": None, "name": f"{s.title}: {board_name}", "project": s.title,
        "schedColor": None, "schedDate": created, "scriptColor": None, "scriptDate": None,
        "season": None, "source": WRITER, "version": USS_VERSION,
        "breakdowns": breakdowns,
        "calendars": [calendar],
        "categories": elements.categories(),
        "elements": elements.all(),
        "stripboards": [{
            "id": ids.next(), "calendar": calendar["id"], "name": board_name,
            "boards": [{"id": ids.next(), "name": "stripboard", BOARD_IDS: board},
                       {"id": ids.next(), "name": "boneyard", BOARD_IDS: boneyard}],
        }],
    }}


def _entity_elements(production: Production, elements: _Elements) -> None:
    """Elements of cast, locations, crew and equipment, with their unavailable dates."""
    dates = production.calendar.all_dates()
    drop_days = production.settings.drop_pickup_min_days
    for member in production.cast:
        elements.of(Role.CAST, member.character or member.name or member.id, member.id,
                    (member.drop_pickup, drop_days), _days_off(member.availability, dates))
    for location in production.locations:
        elements.of(Role.LOCATION, location.id,
                    days_off=_days_off(location.availability, dates))
    for role, resources in ((Role.CREW, production.crew), (Role.EQUIPMENT, production.equipment)):
        for resource in resources:
            elements.of(role, resource.id, days_off=_days_off(resource.availability, dates))


def _days_off(availability: Availability, dates: list[date]) -> list[date]:
    """Unavailable dates, and the calendar's dates outside the availability window (USS has
    no windows)."""
    outside = {when for when in dates if not availability.allows(when)}
    return sorted(outside | set(availability.unavailable))


def _strip(scene: Scene, elements: _Elements, ids: ObjectIds, created: str) -> dict[str, Any]:
    used = [elements.of(Role.INT_EXT, scene.int_ext.value),
            elements.of(Role.DAY_NIGHT, scene.day_night.value)]
    if scene.set_name:
        used.append(elements.of(Role.SET, scene.set_name))
    if scene.story_day:
        used.append(elements.of(Role.SCRIPT_DAY, scene.story_day))
    if scene.location:
        used.append(elements.of(Role.LOCATION, scene.location))
    # the cast's elements exist (``_entity_elements``): only their board ids are needed
    used += [elements.of(Role.CAST, cast_id, cast_id) for cast_id in scene.cast]
    if scene.extras:
        used.append(elements.of(Role.BACKGROUND, f"{scene.extras} background"))
    used += [elements.of(Role.CREW, c) for c in scene.crew]
    used += [elements.of(Role.EQUIPMENT, e) for e in scene.equipment]
    used += [elements.of(Role.TAG, t) for t in scene.tags]
    return {"id": ids.next(), "comments": None, "created": created,
            "description": scene.synopsis or None, "elements": used,
            "pages": scene.eighths / EIGHTHS_PER_PAGE, "scene": scene.id, "scriptPage": None,
            "time": scene.est_minutes * MS_PER_MINUTE if scene.est_minutes is not None else None,
            "type": "scene"}


def _not_written(production: Production) -> list[str]:
    """What the production holds that USS cannot (for the log)."""
    skipped = []
    if any(s.earliest or s.latest or s.shoot_on for s in production.scenes):
        skipped.append("scene windows and pinned dates")
    if production.constraints:
        skipped.append("scene constraints")
    if any(location.zone for location in production.locations):
        skipped.append("location zones")
    if any(member.minor or member.max_minutes for member in production.cast):
        skipped.append("minors and their hour limits")
    return skipped
