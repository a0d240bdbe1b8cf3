"""Build the production's entities from the records of each sheet.

One function per sheet.  Each turns parsed values (see ``table.py``) into the frozen models of
``scheduler.data``, records where each one was read (``places.PlaceRecorder``) so that
cross-checks can name the cell, and reports what only the reader can see (an empty id, a window
that ends before it starts).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..calendar import MAX_CALENDAR_SPAN_DAYS
from ..data import (
    Availability,
    CalendarDayType,
    CalendarEntry,
    CastMember,
    ConstraintKind,
    Location,
    Resource,
    Scene,
    SceneConstraint,
    Settings,
)
from ..subjects import EntityKind
from .places import PlaceRecorder
from .references import Lookup
from .table import Findings, Record

ModelT = TypeVar("ModelT", bound=BaseModel)
_Available = TypeVar("_Available", CastMember, Location, Resource)

MAX_DAY_MINUTES = 24 * 60
LIST_SEPARATORS = (",", ";", "\n", "\r")

# Sheet field -> model attribute, where reading is a plain copy (ids, lists and availability are
# read on their own, see below).  breakdown.py writes a production back through the same maps.
SETTINGS_FIELDS = {
    "title": "title", "start_date": "start_date", "end_date": "end_date",
    "max_shoot_days": "max_shoot_days", "work_week": "work_week", "holidays": "holidays",
    "standard_day_hours": "standard_day_minutes", "max_day_hours": "max_day_minutes",
    "overtime_cost_per_hour": "overtime_cost_per_hour",
    "pages_per_day": "pages_per_day_eighths", "crew_day_cost": "crew_day_cost",
    "company_move_cost": "company_move_cost", "company_move_hours": "company_move_minutes",
    "max_locations_per_day": "max_locations_per_day", "allow_split_days": "allow_split_days",
    "night_turnaround": "night_turnaround", "drop_pickup_min_days": "drop_pickup_min_days",
    "budget": "budget", "currency": "currency", "time_limit_s": "time_limit_s",
    "bottleneck_day_cost": "bottleneck_day_cost", "change_cost": "change_cost",
    "revision_colours": "revision_colours",
}
SCENE_FIELDS = {
    "int_ext": "int_ext", "day_night": "day_night", "set": "set_name", "location": "location",
    "pages": "eighths", "est_hours": "est_minutes", "extras": "extras", "earliest": "earliest",
    "latest": "latest", "shoot_on": "shoot_on", "synopsis": "synopsis", "story_day": "story_day",
}
CAST_FIELDS = {"name": "name", "character": "character", "daily_rate": "daily_rate",
               "drop_pickup": "drop_pickup", "minor": "minor", "max_hours": "max_minutes"}
LOCATION_FIELDS = {"name": "name", "address": "address", "daily_fee": "daily_fee",
                   "move_in_cost": "move_in_cost", "zone": "zone"}
RESOURCE_FIELDS = {"name": "name", "role": "role", "daily_rate": "daily_rate",
                   "billing": "billing", "every_day": "every_day"}
CONSTRAINT_FIELDS = {"kind": "kind", "scenes": "scenes", "dates": "dates", "note": "note"}
CALENDAR_FIELDS = {"date": "date", "type": "type"}
# The Scenes sheet calls a scene's id column "scene"; the other sheets call it "id".
SCENE_ID_FIELD = "scene"
ID_FIELD = "id"
# Scene columns of the same name in the model: lists of ids (or names) of other sheets, and tags.
SCENE_LIST_FIELDS = ("cast", "crew", "equipment", "tags")
# The columns of an entity's ``Availability`` (same names in the model).
AVAILABILITY_FIELDS = ("available_from", "available_to", "unavailable")
# A Scenes row's ``status``: cut from the script, or to shoot.
OMITTED_STATUSES = frozenset({"omitted", "omit", "cut"})
ACTIVE_STATUSES = frozenset({"active", "to shoot", "scheduled", "revised", "new", "added"})
_SCENE_PLACE_FIELDS = {**SCENE_FIELDS, SCENE_ID_FIELD: ID_FIELD}


def build_settings(record: Record, default_title: str, findings: Findings,
                   places: PlaceRecorder) -> Settings | None:
    """``Settings`` of the ``Production`` sheet, or ``None`` without a usable start date."""
    if "start_date" not in record.values:
        if "start_date" not in record.failed:
            where = record.cell("start_date") if "start_date" in record.columns else record.sheet
            findings.problem(where, "start_date is missing; give the first shoot date as "
                                    "YYYY-MM-DD")
        return None
    _check_day_length(record, "standard_day_hours", findings)
    _check_day_length(record, "max_day_hours", findings)
    start, end = record.values["start_date"], record.get("end_date")
    if end is not None and (end - start).days > MAX_CALENDAR_SPAN_DAYS:
        findings.problem(record.cell("end_date"), f"end_date is more than "
                                                  f"{MAX_CALENDAR_SPAN_DAYS} days after "
                                                  "start_date; a shoot calendar spans at most "
                                                  "three years")
        record.values.pop("end_date")
    kwargs = model_values(record, SETTINGS_FIELDS)
    kwargs.setdefault("title", default_title)
    settings = _construct(Settings, record, SETTINGS_FIELDS, findings, **kwargs)
    if settings is not None:
        places.add(EntityKind.SETTING, record.origin(), SETTINGS_FIELDS)
    return settings


def _check_day_length(record: Record, name: str, findings: Findings) -> None:
    if record.get(name, 0) > MAX_DAY_MINUTES:
        findings.problem(record.cell(name), f"{name} is longer than a day; write at most 24")
        record.values.pop(name)


def build_scenes(records: list[Record], cast: Lookup, locations: Lookup, crew: Lookup,
                 equipment: Lookup, findings: Findings, places: PlaceRecorder,
                 omitted: set[str] | None = None) -> list[Scene]:
    """Scenes, with cast, location, crew and equipment written as ids or names mapped to ids;
    the ids of scenes whose ``status`` is ``omitted`` go into ``omitted`` instead."""
    scenes = []
    for record in records:
        scene_id = _entity_id(record, SCENE_ID_FIELD, EntityKind.SCENE, findings)
        if scene_id is None:
            continue
        if _is_omitted(record, findings):
            if omitted is not None:
                omitted.add(scene_id)
            continue
        kwargs = model_values(record, SCENE_FIELDS)
        if "location" in kwargs:
            kwargs["location"] = locations.resolve(kwargs["location"], record.cell("location"),
                                                   findings)
        for name, lookup in (("cast", cast), ("crew", crew), ("equipment", equipment)):
            kwargs[name] = lookup.resolve_all(record.get(name, ()), record.cell(name), findings)
        kwargs["tags"] = tuple(dict.fromkeys(tag.lower() for tag in record.get("tags", ())))
        if "est_hours" in record.failed and "pages" not in record.values:
            # the scene's length is unknown, not zero: no "has no pages" message on top
            record.failed.add("pages")
            findings.suppress(record.cell("pages"))
        scene = _construct(Scene, record, SCENE_FIELDS, findings, id=scene_id, **kwargs)
        if scene is not None:
            scenes.append(scene)
            places.add(EntityKind.SCENE, record.origin(), _SCENE_PLACE_FIELDS)
    return scenes


def _is_omitted(record: Record, findings: Findings) -> bool:
    """A scene cut from the script: ``status`` says ``omitted`` (or ``omit``, ``cut``), the
    script convention that keeps its id; any other status is a problem."""
    status = " ".join(str(record.get("status", "")).split()).casefold()
    if status in OMITTED_STATUSES:
        return True
    if status and status not in ACTIVE_STATUSES:
        findings.problem(record.cell("status"), f'status "{record.get("status")}" is not '
                                                "understood; write omitted for a cut scene, "
                                                "or leave it empty")
    return False


def build_cast(records: list[Record], findings: Findings,
               places: PlaceRecorder) -> list[CastMember]:
    return _build_available(CastMember, CAST_FIELDS, EntityKind.CAST, "cast member", records,
                            findings, places)


def build_locations(records: list[Record], findings: Findings,
                    places: PlaceRecorder) -> list[Location]:
    return _build_available(Location, LOCATION_FIELDS, EntityKind.LOCATION, "location", records,
                            findings, places)


def build_resources(records: list[Record], kind: EntityKind, findings: Findings,
                    places: PlaceRecorder) -> list[Resource]:
    """Crew members or pieces of equipment (``kind`` names them in messages)."""
    return _build_available(Resource, RESOURCE_FIELDS, kind, kind, records, findings, places)


def _build_available(model: type[_Available], fields: Mapping[str, str], kind: EntityKind,
                     label: str, records: list[Record], findings: Findings,
                     places: PlaceRecorder) -> list[_Available]:
    """Entities with an id and an availability window: cast, locations, crew, equipment."""
    built = []
    for record in records:
        entity_id = _entity_id(record, ID_FIELD, label, findings)
        if entity_id is None:
            continue
        entity = _construct(model, record, fields, findings, id=entity_id,
                            availability=_availability(record, findings),
                            **model_values(record, fields))
        if entity is not None:
            built.append(entity)
            places.add(kind, record.origin(), fields)
    return built


def build_constraints(records: list[Record], scenes: Lookup, findings: Findings,
                      places: PlaceRecorder,
                      omitted: set[str] | None = None) -> list[SceneConstraint]:
    """Rules between scenes; a scene cut from the script (``omitted``) leaves its rules, with
    a notice."""
    rules = []
    for record in records:
        kind = record.get("kind")
        if kind is None:
            if "kind" not in record.failed:
                findings.problem(record.cell("kind"), "kind is empty; write before, same_day, "
                                                      "different_day, consecutive or not_on")
            continue
        dates = record.get("dates", ())
        if dates and kind is not ConstraintKind.NOT_ON:
            findings.notice(record.cell("dates"), f"dates are used only by not_on; {kind.value} "
                                                  "ignores them")
        # Repeats are kept: the cross-check reports a scene listed twice.
        listed = tuple(scenes.resolve(scene_id, record.cell("scenes"), findings)
                       for scene_id in record.get("scenes", ())
                       if not _names_omitted(scene_id, omitted, record, findings))
        if len(listed) < len(record.get("scenes", ())) and len(listed) < _least_scenes(kind):
            findings.notice(record.cell("scenes"), f"{kind.value} no longer applies: too few "
                                                   "of its scenes are left")
            continue  # its scenes are cut: the rule goes with them
        rule = _construct(SceneConstraint, record, CONSTRAINT_FIELDS, findings, kind=kind,
                          scenes=listed, dates=dates, note=record.get("note", ""))
        if rule is not None:
            rules.append(rule)
            places.add(EntityKind.CONSTRAINT, record.origin(), CONSTRAINT_FIELDS)
    return rules


def _least_scenes(kind: ConstraintKind) -> int:
    return 1 if kind is ConstraintKind.NOT_ON else 2


def _names_omitted(scene_id: str, omitted: set[str] | None, record: Record,
                   findings: Findings) -> bool:
    if not omitted or scene_id not in omitted:
        return False
    findings.notice(record.cell("scenes"), f"scene {scene_id} is omitted; this rule no longer "
                                           "applies to it")
    return True


def build_calendar(records: list[Record], findings: Findings,
                   places: PlaceRecorder) -> list[CalendarEntry]:
    entries = []
    seen: dict[date, int] = {}
    for record in records:
        when = record.get("date")
        if when is None:
            if "date" not in record.failed:
                findings.problem(record.cell("date"), "date is empty; write YYYY-MM-DD")
            continue
        if when in seen:
            findings.problem(record.cell("date"), f"{when.isoformat()} is listed twice (also "
                                                  f"row {seen[when]}); keep one")
            continue
        seen[when] = record.row
        entry = _construct(CalendarEntry, record, CALENDAR_FIELDS, findings, date=when,
                           type=record.get("type", CalendarDayType.OFF))
        if entry is not None:
            entries.append(entry)
            places.add(EntityKind.CALENDAR, record.origin(), CALENDAR_FIELDS)
    return entries


# ----- helpers -----------------------------------------------------------------------------------


def _entity_id(record: Record, name: str, kind: str, findings: Findings) -> str | None:
    """The row's id, or ``None`` (reported) when it is empty."""
    entity_id: str | None = record.get(name) or None
    if entity_id is None:
        if name not in record.failed:
            findings.problem(record.cell(name), f"the {kind} id is empty; every {kind} row "
                                                "needs one")
        return None
    if any(separator in entity_id for separator in LIST_SEPARATORS):
        findings.problem(record.cell(name), f'{kind} id "{entity_id}" contains , or ; which '
                                            "separate lists; choose an id without them")
    return entity_id


def _availability(record: Record, findings: Findings) -> Availability:
    first, last = record.get("available_from"), record.get("available_to")
    if first is not None and last is not None and last < first:
        findings.problem(record.cell("available_to"), "available_to is before available_from")
    return Availability(available_from=first, available_to=last,
                        unavailable=record.get("unavailable", ()))


def model_values(record: Record, fields: Mapping[str, str]) -> dict[str, Any]:
    """Model keyword arguments of the fields the row gives (the others keep their defaults)."""
    return {attr: record.values[name] for name, attr in fields.items() if name in record.values}


def _construct(model: type[ModelT], record: Record, fields: Mapping[str, str],
               findings: Findings, **kwargs: Any) -> ModelT | None:
    """``model(**kwargs)``, with a located problem per value the model refuses."""
    try:
        return model(**kwargs)
    except ValidationError as error:
        field_of = {attr: name for name, attr in fields.items()}
        for item in error.errors():
            attr = str(item["loc"][0]) if item["loc"] else ""
            name = field_of.get(attr, attr)
            where = record.cell(name) if name in record.columns else record.cell()
            findings.problem(where, f"{name} {_requirement(item)}")
        return None


def _requirement(item: Any) -> str:
    context = item.get("ctx") or {}
    if item["type"] == "greater_than":
        return f"must be more than {context['gt']}"
    if item["type"] == "greater_than_equal":
        return f"must be at least {context['ge']}"
    return str(item["msg"]).lower()
