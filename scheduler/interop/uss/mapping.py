"""A USS document as a production: strips become scenes, elements become cast, locations, crew,
equipment and tags, a calendar becomes the shoot calendar.

* Scene ids are the strips' scene numbers; a number used by several strips gets ``(2)``,
  ``(3)``...; a strip without one is ``strip-N`` (its position in the file).
* A strip's location is its ``Location`` element, else the main part of its set (``GEORGE'S
  HOUSE`` for ``GEORGE'S HOUSE - KITCHEN``), so that the rooms of one place share a location.
* Day/night values beyond DAY, NIGHT, DAWN, DUSK are read as the light they need (``MORNING``
  DAY, ``EVENING`` NIGHT, ``MAGIC HOUR`` DUSK, ...); INT/EXT spellings like ``E/I`` are INT/EXT.
* The settings and the shoot calendar come from ``settings``, what USS lacks from the
  defaults (``defaults``).
* An element's ``dayOff`` and other events (travel, fitting, rehearsal) and its weekly days off
  (``daysOff``, 0 = Sunday) make it unavailable on those dates.

Every choice that is not a plain copy is written to the production's notices (the ``Notes``
sheet of the imported workbook).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from pydantic import ValidationError

from ...calendar import ShootCalendar
from ...data import (
    EIGHTHS_PER_PAGE,
    Availability,
    CastMember,
    DayNight,
    IntExt,
    Location,
    Production,
    Resource,
    Scene,
)
from ...errors import InputError, Problem
from ...report import pages_text
from ...solution import Solution
from ...subjects import EntityKind, Places
from .boards import board_solution, scheduled_stripboard
from .categories import CategoryUse, Role, category_use, day_night_of, head_count, int_ext_of
from .defaults import BUILT_IN, UssDefaults, fold
from .document import (
    MS_PER_MINUTE,
    StripKind,
    UssBreakdown,
    UssCategory,
    UssDocument,
    UssElement,
    UssStripboard,
)
from .settings import (
    ImportNotes,
    build_settings,
    calendar_entries,
    chosen_calendar,
    chosen_stripboard,
    weekday_names,
)

# The kinds of value a strip heading holds beside its set: INT/EXT and day/night.
HeadingValue = TypeVar("HeadingValue", IntExt, DayNight)

# the workbook's list separators, and control characters a workbook cannot hold
_ID_FORBIDDEN = re.compile(r"[,;\x00-\x1f\x7f]+")
_SET_PARTS = re.compile(r"\s+[-–—]\s+")


@dataclass(frozen=True)
class UssImport:
    """A production read from a USS document, and how its strips map to scenes."""

    production: Production
    scene_of_strip: dict[str, str]  # strip (breakdown) id -> scene id
    document: UssDocument
    stripboard: UssStripboard | None  # the stripboard whose calendar and length were used

    def board(self, name: str) -> Solution:
        """The stripboard ``name`` of the file as a schedule of this production, without
        reading the file again (``InputError`` as ``boards.scheduled_stripboard``)."""
        return board_solution(scheduled_stripboard(self.document, name), self.scene_of_strip)


def strip_scene_ids(document: UssDocument) -> dict[str, str]:
    """The scene id of every strip to shoot (see the module's description)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for position, breakdown in enumerate(document.breakdowns, start=1):
        if breakdown.kind is not StripKind.SCENE:
            continue
        wanted = clean_id(breakdown.scene) or f"strip-{position}"
        ids[breakdown.id] = unique_id(wanted, taken)
    return ids


def clean_id(text: str) -> str:
    """An id a workbook list can hold: no ``,`` ``;``, line breaks or other control
    characters, single spaces."""
    return " ".join(_ID_FORBIDDEN.sub(" ", text).split())


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)``... when already taken; marks it taken."""
    candidate, count = wanted, 1
    while candidate.casefold() in taken:
        count += 1
        candidate = f"{wanted} ({count})"
    taken.add(candidate.casefold())
    return candidate


def build_production(document: UssDocument, defaults: UssDefaults, *, board: str | None = None,
                     fallback_title: str = "USS import") -> UssImport:
    """The checked production of a USS document.

    Parameters
    ----------
    document
        The parsed USS file.
    defaults
        What the file lacks: rates, fees, pace, rules.
    board
        The stripboard whose calendar and number of days to use (default: the first with
        day breaks).
    fallback_title
        The title when the file names no project.

    Raises
    ------
    InputError
        Every problem found: an unknown stripboard, no start date, a default the model refuses,
        and what ``Production.check()`` finds.
    """
    notes = ImportNotes()
    stripboard = chosen_stripboard(document, board)
    calendar = chosen_calendar(document, stripboard, notes)
    builder = _Builder(document, defaults, notes)
    settings = build_settings(document, defaults, stripboard if board is not None else None,
                              calendar, notes, fallback_title)
    scene_of_strip = strip_scene_ids(document)
    scenes = builder.scenes(scene_of_strip)  # first: the sets of the scenes make locations
    if builder.problems:
        raise InputError(builder.problems)
    production = Production(
        settings=settings, scenes=tuple(scenes), cast=builder.cast(), locations=builder.locations(),
        crew=builder.resources(Role.CREW), equipment=builder.resources(Role.EQUIPMENT),
        calendar_entries=calendar_entries(calendar, notes),
    )
    production = builder.with_weekly_days_off(production)
    builder.report_unused_defaults()
    _scene_notes(document, scenes, notes)
    notes.lines += [f"USS field not used: {name}" for name in document.unused_fields]
    production = production.model_copy(update={
        "notices": (*(f"default: {line}" for line in notes.defaults), *notes.lines,
                    *defaults.notices),
        "places": _places(document, scene_of_strip),
    })
    production.check()  # each problem at its strip (see _places)
    return UssImport(production, scene_of_strip, document, stripboard)


def _places(document: UssDocument, scene_of_strip: dict[str, str]) -> Places:
    """Where the cross-checks' problems are shown: a scene's at its strip's path in the file
    (scenes are built in strip order), the settings' at ``Production``."""
    strips = [breakdown for breakdown in document.breakdowns if breakdown.id in scene_of_strip]
    entities = {(EntityKind.SCENE, position): strip.path for position, strip in enumerate(strips)}
    entities[(EntityKind.SETTING, 0)] = "Production"
    return Places(entities=entities)


# ----- entities and scenes -----------------------------------------------------------------------


class _Builder:
    """Builds the scenes and the entities their elements stand for, and applies the defaults."""

    def __init__(self, document: UssDocument, defaults: UssDefaults, notes: ImportNotes) -> None:
        self.document = document
        self.defaults = defaults
        self.notes = notes
        self.element_by_id = {element.id: element for element in document.elements}
        self.category_of = self._categories_of_elements()
        self.use_of = self._uses()
        self.entity_id: dict[str, str] = {}  # element id -> cast/crew/equipment/location id
        self.used_rows: dict[str, set[str]] = defaultdict(set)
        self._location_names: dict[str, str] = {}  # folded name -> location id
        self._location_ids: set[str] = set()  # folded, as unique_id keeps them
        self._location_elements: dict[str, UssElement] = {}  # location id -> its element
        self.problems: list[Problem] = []
        self._assign_ids()

    # --- categories and ids ---

    def _categories_of_elements(self) -> dict[str, UssCategory]:
        """The category of every element that has one (a category's own list first)."""
        categories = {category.id: category for category in self.document.categories}
        category_of: dict[str, UssCategory] = {}
        for category in self.document.categories:
            for element_id in category.element_ids:
                category_of.setdefault(element_id, category)
        for element in self.document.elements:
            if element.category_id is not None:
                category_of.setdefault(element.id, categories[element.category_id])
        return category_of

    def _uses(self) -> dict[str, CategoryUse]:
        """The use of every element, from its category."""
        counts = Counter(category.id for category in self.category_of.values())
        for category in self.document.categories:
            use = category_use(category)
            self.notes.add(f'category "{category.name}" ({counts[category.id]} elements): '
                           f"{use.describe()}")
        uncategorised = [e.name or e.id for e in self.document.elements
                         if e.id not in self.category_of]
        if uncategorised:
            self.notes.add(f"elements in no category, not used: {', '.join(uncategorised[:10])}"
                           + (" ..." if len(uncategorised) > 10 else ""))
        return {element_id: category_use(category)
                for element_id, category in self.category_of.items()}

    def _assign_ids(self) -> None:
        taken: dict[Role, set[str]] = defaultdict(set)
        for element in self.document.elements:
            role = self.role(element)
            if role in (Role.CAST, Role.CREW, Role.EQUIPMENT):
                wanted = clean_id(element.board_id) if role is Role.CAST else ""
                wanted = wanted or clean_id(element.name) or element.id
                self.entity_id[element.id] = unique_id(wanted, taken[role])
            elif role is Role.LOCATION:
                location_id = self._location_id(element.name or element.id)
                self.entity_id[element.id] = location_id
                self._location_elements.setdefault(location_id, element)

    def role(self, element: UssElement) -> Role:
        use = self.use_of.get(element.id)
        return use.role if use else Role.UNUSED

    def _location_id(self, name: str) -> str:
        key = fold(name)
        if key not in self._location_names:
            self._location_names[key] = unique_id(clean_id(name) or "location",
                                                  self._location_ids)
        return self._location_names[key]

    # --- scenes ---

    def scenes(self, scene_of_strip: dict[str, str]) -> list[Scene]:
        return [self._scene(breakdown, scene_of_strip[breakdown.id])
                for breakdown in self.document.breakdowns if breakdown.id in scene_of_strip]

    def _scene(self, strip: UssBreakdown, scene_id: str) -> Scene:
        by_role: dict[Role, list[UssElement]] = defaultdict(list)
        tags: list[str] = []
        for element_id in strip.element_ids:
            element = self.element_by_id[element_id]
            use = self.use_of.get(element_id)
            if use is None:
                continue
            by_role[use.role].append(element)
            if use.tag:
                tags.append(use.tag)
            elif use.role is Role.TAG:
                tags.append(element.name)
            elif use.role is Role.UNIT:
                tags.append(f"{element.name} unit")
        set_name = _first_name(by_role[Role.SET])
        if not strip.pages and not strip.duration_ms:
            self.problems.append(Problem(f"{strip.path}.pages",
                                         f"scene {scene_id} has no pages and no time; give its "
                                         "length in pages (0.125 for 1/8) or its time in ms"))
        return Scene(
            id=scene_id,
            int_ext=self._int_ext(strip, by_role[Role.INT_EXT]),
            day_night=self._day_night(strip, by_role[Role.DAY_NIGHT]),
            set_name=set_name,
            location=self._scene_location(strip, by_role[Role.LOCATION], set_name),
            eighths=self._eighths(strip),
            est_minutes=_minutes(strip),
            cast=self._ids(by_role[Role.CAST]),
            extras=sum(head_count(e.name) for e in by_role[Role.BACKGROUND]),
            crew=self._ids(by_role[Role.CREW]),
            equipment=self._ids(by_role[Role.EQUIPMENT]),
            tags=tuple(dict.fromkeys(t.casefold() for t in (clean_id(t) for t in tags) if t)),
            synopsis=strip.description,
            story_day=_first_name(by_role[Role.SCRIPT_DAY]),
        )

    def _ids(self, elements: list[UssElement]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.entity_id[e.id] for e in elements))

    def _int_ext(self, strip: UssBreakdown, elements: list[UssElement]) -> IntExt:
        return self._heading_value(strip, elements, "INT/EXT", int_ext_of, IntExt.INT)

    def _day_night(self, strip: UssBreakdown, elements: list[UssElement]) -> DayNight:
        return self._heading_value(strip, elements, "day/night", day_night_of, DayNight.DAY)

    def _heading_value(self, strip: UssBreakdown, elements: list[UssElement], what: str,
                       read: Callable[[str], HeadingValue | None],
                       default: HeadingValue) -> HeadingValue:
        """The strip's INT/EXT or day/night from its first element of that kind; a missing or
        unknown value is read as ``default``, and every reading that is not the written word is
        noted."""
        if not elements:
            self.notes.add(f"{strip.path} (scene {strip.scene or '-'}) has no {what}; read as "
                           f"{default.value}")
            return default
        written = elements[0].name
        value = read(written)
        if value is None:
            self.notes.add(f'{what} "{written}" is not known; read as {default.value}')
            return default
        if written.upper() != value.value:
            self.notes.add(f'{what} "{written}" is read as {value.value}')
        return value

    def _scene_location(self, strip: UssBreakdown, elements: list[UssElement],
                        set_name: str) -> str | None:
        if elements:
            return self.entity_id[elements[0].id]
        if not set_name:
            return None
        main = _SET_PARTS.split(set_name, maxsplit=1)[0]
        self.notes.add("strips without a Location element are at the main part of their set "
                       "(the text before \" - \")")
        return self._location_id(main)

    def _eighths(self, strip: UssBreakdown) -> int:
        if strip.pages is None:
            return 0
        eighths = round(strip.pages * EIGHTHS_PER_PAGE)
        if abs(eighths - strip.pages * EIGHTHS_PER_PAGE) > 1e-6:
            self.notes.add(f"{strip.path}.pages {strip.pages:g} is rounded to "
                           f"{pages_text(eighths)} pages")
        return eighths

    # --- entities ---

    def cast(self) -> tuple[CastMember, ...]:
        members = []
        for element in self._elements(Role.CAST):
            values, used = self.defaults.cast.for_entity(self.entity_id[element.id],
                                                         element.name)
            self.used_rows["cast"].update(used)
            base: dict[str, Any] = {"character": element.name,
                                    "daily_rate": BUILT_IN["cast_daily_rate"],
                                    "drop_pickup": bool(element.drop_allowed)}
            members.append(self._entity(CastMember, element, base, values, "Cast"))
        if not any("daily_rate" in row for row in self.defaults.cast.rows.values()):
            self.notes.defaults.append(f"every cast member {BUILT_IN['cast_daily_rate']:,} a "
                                       "day (a placeholder: USS has no rates)")
        return tuple(sorted(members, key=lambda m: _natural(m.id)))

    def locations(self) -> tuple[Location, ...]:
        built = []
        for name_key, location_id in self._location_names.items():
            element = self._location_elements.get(location_id)
            values, used = self.defaults.locations.for_entity(location_id, name_key)
            self.used_rows["locations"].update(used)
            base = {"name": element.name if element else location_id}
            built.append(self._entity(Location, element, base, values, "Locations",
                                      entity_id=location_id))
        return tuple(built)

    def resources(self, role: Role) -> tuple[Resource, ...]:
        kind, overrides = (("crew", self.defaults.crew) if role is Role.CREW
                           else ("equipment", self.defaults.equipment))
        built = []
        for element in self._elements(role):
            values, used = overrides.for_entity(self.entity_id[element.id], element.name)
            self.used_rows[kind].update(used)
            base = {"name": element.name, "role": self.category_of[element.id].name}
            built.append(self._entity(Resource, element, base, values, kind.capitalize()))
        return tuple(built)

    def _elements(self, role: Role) -> list[UssElement]:
        return [e for e in self.document.elements if self.role(e) is role]

    def _entity(self, model: Any, element: UssElement | None, base: dict[str, Any],
                values: dict[str, Any], sheet: str, entity_id: str | None = None) -> Any:
        """An entity from the USS element, then the defaults' values over it."""
        entity_id = entity_id or self.entity_id[element.id if element else ""]
        unavailable = set(_event_dates(element, self.notes)) if element else set()
        unavailable |= set(values.get("unavailable", ()))
        availability = Availability(available_from=values.get("available_from"),
                                    available_to=values.get("available_to"),
                                    unavailable=tuple(sorted(unavailable)))
        fields = {k: v for k, v in values.items() if k not in ("available_from", "available_to",
                                                               "unavailable")}
        try:
            return model(id=entity_id, availability=availability, **{**base, **fields})
        except ValidationError as error:
            raise InputError([Problem(f"{self.defaults.source} {sheet}",
                                      f'{entity_id}: {item["loc"][0] if item["loc"] else ""} '
                                      f'{item["msg"]}') for item in error.errors()]) from None

    def with_weekly_days_off(self, production: Production) -> Production:
        """The elements' weekly days off as unavailable dates of the shoot calendar."""
        calendar = production.calendar
        kinds = {Role.CAST: "cast", Role.LOCATION: "locations", Role.CREW: "crew",
                 Role.EQUIPMENT: "equipment"}
        weekly = {(kinds[self.role(e)], self.entity_id[e.id]): e for e in self.document.elements
                  if e.weekdays_off and e.id in self.entity_id}
        if not weekly or calendar.num_days == 0:
            return production
        update: dict[str, Any] = {}
        for kind in kinds.values():
            update[kind] = tuple(_without_weekdays(entity, weekly.get((kind, entity.id)),
                                                   calendar, self.notes)
                                 for entity in getattr(production, kind))
        return production.model_copy(update=update)

    def report_unused_defaults(self) -> None:
        for kind, overrides in (("cast", self.defaults.cast),
                                ("locations", self.defaults.locations),
                                ("crew", self.defaults.crew),
                                ("equipment", self.defaults.equipment)):
            for key in overrides.rows.keys() - self.used_rows[kind]:
                self.notes.add(f"{self.defaults.source} {overrides.where.get(key, kind)}: "
                               f'no {kind} of the USS file is "{key}"; the row is not used')


def _without_weekdays(entity: Any, element: UssElement | None, calendar: ShootCalendar,
                      notes: ImportNotes) -> Any:
    if element is None:
        return entity
    off = {when for when in calendar.all_dates() if (when.weekday() + 1) % 7
           in element.weekdays_off}
    names = weekday_names(element.weekdays_off)
    notes.add(f"{element.name or element.id} ({element.path}.daysOff) is not available on "
              f"{names}")
    availability = entity.availability.model_copy(update={
        "unavailable": tuple(sorted(set(entity.availability.unavailable) | off))})
    return entity.model_copy(update={"availability": availability})


def _event_dates(element: UssElement, notes: ImportNotes) -> list[date]:
    """Dates an element cannot shoot: its days off and its other events (travel, fittings)."""
    for event in element.events:
        notes.add(f"{element.name or element.id}: {event.label} on {event.date.isoformat()} "
                  f"({event.path}), not available to shoot")
    return [event.date for event in element.events if event.kind.casefold() != "start"]


def _scene_notes(document: UssDocument, scenes: list[Scene], notes: ImportNotes) -> None:
    renamed = [(b.scene, s.id) for b, s in zip(
        (b for b in document.breakdowns if b.kind is StripKind.SCENE), scenes, strict=True)
        if b.scene and b.scene != s.id]
    for written, scene_id in renamed:
        notes.add(f'scene number "{written}" is on several strips (or holds a list separator); '
                  f'this strip is scene "{scene_id}"')
    notes.add(f"{len(scenes)} strips, {pages_text(sum(s.eighths for s in scenes))} pages")


# ----- small helpers -----------------------------------------------------------------------------


def _first_name(elements: list[UssElement]) -> str:
    return " ".join(elements[0].name.split()) if elements else ""


def _minutes(strip: UssBreakdown) -> int | None:
    if not strip.duration_ms:
        return None
    return max(1, round(strip.duration_ms / MS_PER_MINUTE))


def _natural(text: str) -> tuple[int, int, str]:
    """Board ids in board order: numbers by value, then codes."""
    is_number = text.isdecimal() and len(text) <= 18  # isdigit() also takes "²", int() not
    return (0, int(text), "") if is_number else (1, 0, text.casefold())
