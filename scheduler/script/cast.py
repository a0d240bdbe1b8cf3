"""The cast of a screenplay: its speaking characters, numbered by the board convention.

A character is whoever has a dialogue cue, the extension stripped (``BOB (V.O.)`` and
``BOB (CONT'D)`` are BOB), names compared without case; characters the writer tagged as cast
(FDX) are cast too, speaking or not.  The character in most scenes is 1, the next 2, and so on
(a tie goes to the one who appears first).  A character heard only in voice-over in a scene is
kept in it and noted (the voice may be recorded apart); names of which one holds the other
(``BOB`` and ``CYBER BOB``) are kept apart and noted, for the 1st AD to merge if they are one
person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..data import Availability, CastMember, DayNight
from ..errors import InputError, Problem
from ..interop.uss.defaults import BUILT_IN, UssDefaults
from .fountain import character_name, extensions_of
from .screenplay import Kind, ScriptScene

# Final Draft tag categories (letters only, lower case) whose elements are cast members.
CAST_CATEGORIES = frozenset({"cast", "castmembers"})

if TYPE_CHECKING:
    from .breakdown import SceneDraft

VOICE_ONLY = frozenset({"VO", "VOICEOVER", "PRELAP", "FILTERED", "ONPHONE", "ONRADIO", "ONTV",
                        "RADIO", "PHONE"})


def fold(name: str) -> str:
    """The key of a character's name: case and repeated spaces ignored."""
    return " ".join(name.split()).casefold()


class CastList:
    """The characters met scene after scene, then numbered into cast members."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # key -> the name as first written
        self.scene_counts: Counter[str] = Counter()
        self.ages: dict[str, int] = {}

    def speakers(self, scene: ScriptScene, scene_id: str, where: str,
                 lines: list[str]) -> tuple[str, ...]:
        """The keys of the characters of a scene (speaking or tagged as cast), in order of
        appearance; voice-only characters noted in ``lines``."""
        spoken: dict[str, list[list[str]]] = {}
        for element in scene.elements:
            if element.kind is Kind.CHARACTER:
                name = character_name(element.text)
                if name:
                    key = self._meet(name)
                    spoken.setdefault(key, []).append(extensions_of(element.text))
        for category, labels in scene.tagged.items():
            if "".join(ch for ch in category.casefold() if ch.isalpha()) in CAST_CATEGORIES:
                for label in labels:
                    spoken.setdefault(self._meet(character_name(label) or label), [])
        for key, cues in spoken.items():
            if cues and all(VOICE_ONLY & set(extensions) for extensions in cues):
                lines.append(f"{where}: {self.names[key]} is heard only in voice-over in "
                             f"scene {scene_id}; kept in its cast (remove if the voice is "
                             "recorded apart)")
        self.scene_counts.update(spoken.keys())
        return tuple(spoken)

    def note_age(self, name: str, age: int) -> None:
        """A character introduced with an age in the action."""
        self.ages.setdefault(fold(name), age)

    def _meet(self, name: str) -> str:
        key = fold(name)
        self.names.setdefault(key, " ".join(name.split()))
        return key

    def members(self, defaults: UssDefaults, default_notes: list[str], lines: list[str],
                drafts: Sequence[SceneDraft]) -> tuple[CastMember, ...]:
        """The cast members, numbered; the drafts' cast keys become their ids."""
        order = {key: index for index, key in enumerate(self.names)}
        ranked = sorted(self.names, key=lambda key: (-self.scene_counts[key], order[key]))
        ids = {key: str(number) for number, key in enumerate(ranked, start=1)}
        night = {key for draft in drafts if draft.values["day_night"] is DayNight.NIGHT
                 for key in draft.values["cast"]}
        members = [self._member(key, ids[key], key in night, defaults, lines) for key in ranked]
        for draft in drafts:
            draft.values["cast"] = tuple(ids[key] for key in draft.values["cast"])
        if ranked and not any("daily_rate" in row for row in defaults.cast.rows.values()):
            default_notes.append(f"every cast member {BUILT_IN['cast_daily_rate']:,} a day (a "
                                 "placeholder: a script has no rates)")
        lines.extend(_similar_names([self.names[key] for key in ranked]))
        lines.append("cast numbered by the board convention: the character in most scenes is 1")
        return tuple(members)

    def _member(self, key: str, cast_id: str, at_night: bool, defaults: UssDefaults,
                lines: list[str]) -> CastMember:
        name = self.names[key]
        values: dict[str, Any] = {"id": cast_id, "character": name, "name": "",
                                  "daily_rate": BUILT_IN["cast_daily_rate"]}
        age = self.ages.get(key)
        if age is not None and age < 18:
            if at_night:
                lines.append(f"guess: {name} may be a minor (aged {age}) but plays at NIGHT; minor is "
                             "left blank (a minor may not work NIGHT scenes): check")
            else:
                values["minor"] = True
                lines.append(f"guess: {name} is a minor (introduced aged {age})")
        overrides, _ = defaults.cast.for_entity(cast_id, name)
        values.update(overrides)
        availability = Availability(**{field: values.pop(field) for field in
                                       ("available_from", "available_to", "unavailable")
                                       if field in values})
        try:
            return CastMember(availability=availability, **values)
        except ValidationError as error:
            raise InputError([Problem(f"{defaults.source} Cast",
                                      f"{name}: {item['loc'][0] if item['loc'] else ''} "
                                      f"{item['msg']}") for item in error.errors()]) from None


def _similar_names(names: list[str]) -> list[str]:
    """Notes for names of which one holds the other's words at its start or end."""
    found = []
    for short in names:
        for long in names:
            words, longer = short.casefold().split(), long.casefold().split()
            if len(words) < len(longer) and (longer[-len(words):] == words
                                             or longer[:len(words)] == words):
                found.append(f"{short} and {long} may be one character; kept apart (merge them "
                             "in Cast and Scenes if so)")
    return found
