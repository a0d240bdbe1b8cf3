"""A parsed screenplay as a production: the rows of the breakdown workbook.

* ``Scenes``: the scene id is the script's scene number, else the scene's position; INT/EXT, the
  set and D/N from the heading (``heading``), the pages in eighths (stated by the file, else
  counted from the printed script, ``pagination``), the speaking characters as cast, a synopsis
  (the writer's, else the first action line), tags and extras guessed from the action
  (``guesses``) or tagged by the writer (FDX ``TagData``).
* ``Cast``: one row per character, numbered by the board convention (the character in most
  scenes is 1; a tie goes to the one who speaks first); the performer's name blank to fill.
* ``Locations``: one per distinct main part of a set (``DINER - KITCHEN`` is at ``DINER``).
* ``Production``: the title page's title; what a script lacks (rates, pace, the start date) from
  a defaults workbook, else placeholders.

Every default and every guess is a notice of the production (the ``Notes`` sheet), most of them
located at the script's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..data import DayNight, IntExt, Location, Production, Scene, Settings
from ..errors import InputError, Problem
from ..interop.uss.categories import head_count
from ..interop.uss.defaults import BUILT_IN, UssDefaults
from ..interop.uss.mapping import clean_id, unique_id
from ..report import pages_text
from ..subjects import EntityKind, Places
from . import guesses
from .cast import CAST_CATEGORIES, CastList
from .heading import Heading, main_location, parse_heading
from .pagination import LINES_PER_PAGE, SceneLength, measure
from .screenplay import Kind, Screenplay, ScriptScene

SYNOPSIS_CHARACTERS = 120
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# Final Draft tag categories (folded) and what they become here.
TAG_CATEGORY_TAGS = {"vehicles": "vehicle", "vehicle": "vehicle", "animals": "animal",
                     "animal": "animal", "stunts": "stunt", "stunt": "stunt",
                     "specialeffects": "sfx", "sfx": "sfx", "visualeffects": "vfx", "vfx": "vfx",
                     "mechanicaleffects": "sfx", "weather": "weather"}
EXTRAS_CATEGORIES = frozenset({"extras", "background", "backgroundactors", "extrasatmosphere",
                               "extrassilentbits", "atmosphere"})


@dataclass(frozen=True)
class ScriptImport:
    """A production read from a screenplay.

    ``start_date_given`` is false when no defaults workbook gave a start date: the production
    then starts on a placeholder date, which the breakdown workbook leaves blank for the
    producer to fill.
    """

    production: Production
    screenplay: Screenplay
    start_date_given: bool


@dataclass
class _Notes:
    guesses: list[str] = field(default_factory=list)
    defaults: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def guess(self, text: str) -> None:
        if text not in self.guesses:
            self.guesses.append(text)

    def all(self) -> tuple[str, ...]:
        return (*(f"default: {line}" for line in self.defaults),
                *(f"guess: {line}" for line in self.guesses), *self.lines)


def build_production(screenplay: Screenplay, defaults: UssDefaults | None = None,
                     today: date | None = None) -> ScriptImport:
    """The checked production of a screenplay.

    Parameters
    ----------
    screenplay
        The parsed script.
    defaults
        What a script lacks (rates, fees, pace, start date), from a defaults workbook.
    today
        The day a placeholder start date is counted from (the next Monday).

    Raises
    ------
    InputError
        The script has no scene heading; a default is refused; or the production's checks fail
        (each problem at its scene's line).
    """
    if not screenplay.scenes:
        raise InputError([Problem("", f"{screenplay.source}: no scene headings found (lines "
                                      "starting INT., EXT., INT./EXT. or I/E); it is not a "
                                      "screenplay, or not in Fountain or Final Draft format")])
    defaults = defaults or UssDefaults()
    notes = _Notes(lines=list(screenplay.notes))
    lengths = measure(screenplay)
    ids = _scene_ids(screenplay, notes)
    cast = CastList()
    drafts = [_draft(screenplay, scene, scene_id, length, cast, notes)
              for scene, scene_id, length in zip(screenplay.scenes, ids, lengths, strict=True)]
    _carry_light(drafts, notes)
    locations = _locations(drafts, defaults, notes)
    members = cast.members(defaults, notes.defaults, notes.lines, drafts)
    _note_lengths(screenplay, lengths, notes)
    settings, given = _settings(screenplay, defaults, notes, today or date.today())
    scenes = tuple(Scene(**draft.values) for draft in drafts)
    production = Production(settings=settings, scenes=scenes, cast=members,
                            locations=tuple(locations.values()))
    notes.lines.append(f"{len(scenes)} scenes, {pages_text(sum(s.eighths for s in scenes))} "
                       f"pages, {len(members)} speaking characters, {len(locations)} locations")
    places = Places(entities={**{(EntityKind.SCENE, position): screenplay.at(scene.line)
                                 for position, scene in enumerate(screenplay.scenes)},
                              (EntityKind.SETTING, 0): "Production"})
    production = production.model_copy(update={"notices": notes.all(), "places": places})
    production.check()
    return ScriptImport(production, screenplay, given)


# ----- scenes ------------------------------------------------------------------------------------


@dataclass
class SceneDraft:
    """A scene's values while they are gathered (``Scene`` fields), and where it is."""

    where: str
    heading: Heading
    values: dict[str, Any]


def _scene_ids(screenplay: Screenplay, notes: _Notes) -> list[str]:
    """The script's scene numbers, else the position; a number used twice gets ``(2)``."""
    taken: set[str] = set()
    ids = []
    numbered = sum(1 for scene in screenplay.scenes if scene.number)
    if numbered == 0:
        notes.guess("the script has no scene numbers: scenes are numbered 1, 2, 3... in order")
    for position, scene in enumerate(screenplay.scenes, start=1):
        wanted = clean_id(scene.number or "") or str(position)
        scene_id = unique_id(wanted, taken)
        if scene.number and scene_id != scene.number:
            notes.lines.append(f'{screenplay.at(scene.line)}: scene number "{scene.number}" is '
                               f'used before; this scene is "{scene_id}"')
        elif not scene.number and numbered:
            notes.guess(f"{screenplay.at(scene.line)}: the heading has no scene number; the "
                        f'scene is "{scene_id}", its position')
        ids.append(scene_id)
    return ids


def _draft(screenplay: Screenplay, scene: ScriptScene, scene_id: str, length: SceneLength,
           cast: CastList, notes: _Notes) -> SceneDraft:
    where = screenplay.at(scene.line)
    heading = parse_heading(scene.heading)
    action = "\n".join(e.text for e in scene.elements if e.kind is Kind.ACTION)
    set_name = heading.set_name or f"SET AT LINE {scene.line}"
    if not heading.set_name:
        notes.guess(f'{where}: the heading "{scene.heading}" names no set; it is "{set_name}"')
    values: dict[str, Any] = {
        "id": scene_id, "int_ext": _int_ext(heading, where, scene, notes),
        "day_night": heading.day_night or DayNight.DAY, "set_name": set_name,
        "location": None,
        "eighths": scene.eighths if scene.eighths is not None else length.eighths,
        "cast": cast.speakers(scene, scene_id, where, notes.lines),
        "synopsis": _synopsis(scene, where, notes), "story_day": "",
    }
    tags = _tags(scene, action, where, notes)
    extras = _extras(scene, action, where, notes)
    if extras:
        values["extras"] = extras
    minors = {name: age for name, age in guesses.ages(action).items() if guesses.is_minor(age)}
    for name, age in minors.items():
        notes.guess(f'{where}: "{name}" is introduced aged {age}: a minor; scene tagged minor')
        cast.note_age(name, age)
    if minors:
        tags.append("minor")
    values["tags"] = tuple(dict.fromkeys(tags))
    return SceneDraft(where, heading, values)


def _int_ext(heading: Heading, where: str, scene: ScriptScene, notes: _Notes) -> IntExt:
    if heading.int_ext is None:
        notes.guess(f'{where}: the heading "{scene.heading}" has no INT. or EXT.; read as INT')
        return IntExt.INT
    return heading.int_ext


def _carry_light(drafts: list[SceneDraft], notes: _Notes) -> None:
    """CONTINUOUS, LATER, SAME take the previous scene's light; no time of day is DAY."""
    previous: DayNight | None = None
    for draft in drafts:
        heading = draft.heading
        if heading.carried:
            light = previous or DayNight.DAY
            draft.values["day_night"] = light
            notes.guess(f"{draft.where}: {heading.time} takes the previous scene's light: "
                        f"{light.value}" if previous else
                        f"{draft.where}: {heading.time} with no scene before; read as DAY")
        elif heading.day_night is None:
            told = f'"{heading.time}" is not a time of day' if heading.time else \
                "the heading has no time of day"
            notes.guess(f"{draft.where}: {told}; read as DAY")
        elif heading.time.upper() != heading.day_night.value:
            notes.lines.append(f"{draft.where}: {heading.time} is read as "
                               f"{heading.day_night.value}")
        previous = draft.values["day_night"]


def _synopsis(scene: ScriptScene, where: str, notes: _Notes) -> str:
    if scene.synopsis:
        return scene.synopsis[:SYNOPSIS_CHARACTERS]
    first = next((e for e in scene.elements if e.kind is Kind.ACTION and e.text.strip()), None)
    if first is None:
        return ""
    sentence = _first_sentence(" ".join(first.text.split()))
    notes.guess("synopses are the first action line of each scene (the writer gave none)")
    if len(sentence) <= SYNOPSIS_CHARACTERS:
        return sentence
    return sentence[: SYNOPSIS_CHARACTERS - 3].rsplit(" ", 1)[0] + "..."


def _tags(scene: ScriptScene, action: str, where: str, notes: _Notes) -> list[str]:
    tags = []
    for category, names in scene.tagged.items():
        tag = TAG_CATEGORY_TAGS.get(_key(category))
        if tag and names:
            tags.append(tag)
            notes.lines.append(f"{where}: tagged {category}: {', '.join(names)}; scene tagged "
                               f"{tag}")
        elif _key(category) not in EXTRAS_CATEGORIES | CAST_CATEGORIES:
            notes.lines.append(f"{where}: tagged {category}: {', '.join(names)}; not used by "
                               "the planner (kept here for the departments)")
    for guess in guesses.tag_guesses(action):
        if guess.value not in tags:
            tags.append(guess.value)
            notes.guess(f'{where}: "{guess.because}" in the action: tagged {guess.value}')
    return tags


def _extras(scene: ScriptScene, action: str, where: str, notes: _Notes) -> int:
    tagged = [name for category, names in scene.tagged.items()
              if _key(category) in EXTRAS_CATEGORIES for name in names]
    if tagged:
        count = sum(head_count(name) for name in tagged)
        notes.lines.append(f"{where}: tagged extras {', '.join(tagged)}: {count} extras")
        return count
    guess = guesses.extras_guess(action)
    if guess is None:
        return 0
    notes.guess(f'{where}: "{guess.because}" in the action: {guess.value} extras')
    return int(guess.value)


# ----- locations, lengths, settings --------------------------------------------------------------


def _locations(drafts: list[SceneDraft], defaults: UssDefaults,
               notes: _Notes) -> dict[str, Location]:
    """One location per main part of the sets, by folded name; each scene gets its id."""
    by_name: dict[str, Location] = {}
    taken: set[str] = set()
    used_rows: set[str] = set()
    for draft in drafts:
        main = main_location(draft.values["set_name"])
        key = " ".join(main.split()).casefold()
        if key not in by_name:
            location_id = unique_id(clean_id(main) or "location", taken)
            values, used = defaults.locations.for_entity(location_id, main)
            used_rows.update(used)
            by_name[key] = _entity(Location, {"id": location_id, "name": main, **values},
                                   defaults, "Locations")
        draft.values["location"] = by_name[key].id
    notes.lines.append("sets are grouped into locations by the part before the first \" - \" "
                       "(DINER - KITCHEN and DINER - COUNTER are at DINER)")
    for key in defaults.locations.rows.keys() - used_rows:
        notes.lines.append(f"{defaults.source} {defaults.locations.where.get(key, 'Locations')}: "
                           f'no location of the script is "{key}"; the row is not used')
    return by_name


def _entity(model: Any, values: dict[str, Any], defaults: UssDefaults, sheet: str) -> Any:
    """An entity with the defaults' values; a value the model refuses is located there."""
    from ..data import Availability

    availability = Availability(**{name: values.pop(name) for name in
                                   ("available_from", "available_to", "unavailable")
                                   if name in values})
    try:
        return model(availability=availability, **values)
    except ValidationError as error:
        raise InputError([Problem(f"{defaults.source} {sheet}",
                                  f'{values.get("id")}: {item["loc"][0] if item["loc"] else ""}'
                                  f' {item["msg"]}') for item in error.errors()]) from None


def _note_lengths(screenplay: Screenplay, lengths: list[SceneLength], notes: _Notes) -> None:
    counted = [scene for scene in screenplay.scenes if scene.eighths is None]
    if counted:
        notes.lines.append(
            f"pages of {len(counted)} scene(s) counted from the script as printed (US Letter, "
            f"12-point Courier, {LINES_PER_PAGE} lines a page): eighths rounded up, at least 1/8")
    stated = len(screenplay.scenes) - len(counted)
    if stated:
        notes.lines.append(f"pages of {stated} scene(s) as the file states them")
    pages = max((length.first_page for length in lengths), default=1)
    notes.lines.append(f"the script prints on about {pages} page(s)")


def _settings(screenplay: Screenplay, defaults: UssDefaults, notes: _Notes,
              today: date) -> tuple[Settings, bool]:
    title = screenplay.title or Path(screenplay.source).stem
    values: dict[str, Any] = {"title": title, "crew_day_cost": BUILT_IN["crew_day_cost"]}
    if not screenplay.title:
        notes.defaults.append(f'title "{title}", the file\'s name (the script has no title '
                              "page)")
    values.update(defaults.settings)
    given = "start_date" in values
    if not given:
        values["start_date"] = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
        notes.defaults.append("no start date: start_date is blank; fill it in (Production "
                              "sheet) before planning")
    _note_settings_defaults(defaults, notes)
    try:
        return Settings(**values), given
    except ValidationError as error:
        raise InputError([Problem(f"{defaults.source} Production",
                                  f"{item['loc'][0] if item['loc'] else ''} {item['msg']}")
                          for item in error.errors()]) from None


def _note_settings_defaults(defaults: UssDefaults, notes: _Notes) -> None:
    given = set(defaults.settings)
    fields = Settings.model_fields
    if "crew_day_cost" not in given:
        notes.defaults.append(f"crew_day_cost {BUILT_IN['crew_day_cost']:,} a shoot day (a "
                              "placeholder: a script has no costs)")
    if "pages_per_day_eighths" not in given:
        notes.defaults.append(f"pages_per_day "
                              f"{pages_text(fields['pages_per_day_eighths'].default)}")
    if "standard_day_minutes" not in given:
        notes.defaults.append(f"standard_day_hours "
                              f"{fields['standard_day_minutes'].default / 60:g}, max_day_hours "
                              f"{fields['max_day_minutes'].default / 60:g}")
    for kind, rows in (("crew", defaults.crew.rows), ("equipment", defaults.equipment.rows)):
        if rows:
            notes.lines.append(f"{defaults.source}: the {kind} rows are not used (a script "
                               f"names no {kind})")


def _first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.end()].strip() if match else text


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold())

