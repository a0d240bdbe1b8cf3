"""What each USS element category becomes in a production, and what slug-line values mean.

A category is recognised by its name first (files disagree on the numbers: the public sample
numbers ``Grip`` 111 where the category standard has ``Music``), then by its universal category
id (``ucid``, ``samples/categoryTypes.json`` of the USS repository).  The slug-line categories
give a strip's set, INT/EXT, day/night, script day and location; cast become cast members; the
background's head counts become extras; people hired by the day become crew, things hired by the
day equipment, and the categories that decide how hard a day is (stunts, animals, vehicles,
effects) also tag the strips.  Props, wardrobe, make-up and the other prep departments do not
change the schedule and are not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ...data import DayNight, IntExt
from .document import UssCategory


class Role(StrEnum):
    SET = "set"
    INT_EXT = "INT/EXT"
    DAY_NIGHT = "day/night"
    SCRIPT_DAY = "story day"
    UNIT = "unit (a tag)"
    LOCATION = "location"
    CAST = "cast"
    BACKGROUND = "extras (head counts)"
    CREW = "special crew"
    EQUIPMENT = "equipment"
    TAG = "tags"
    UNUSED = "not used"


@dataclass(frozen=True)
class CategoryUse:
    """What a category's elements become, and the tag they give their strips (``""``: none;
    for ``Role.TAG`` without a tag, each element's name is the tag)."""

    role: Role
    tag: str = ""

    def describe(self) -> str:
        return f"{self.role.value}, tag {self.tag}" if self.tag else self.role.value


_USES: dict[str, CategoryUse] = {
    **dict.fromkeys(("set", "sets"), CategoryUse(Role.SET)),
    **dict.fromkeys(("intext", "ie"), CategoryUse(Role.INT_EXT)),
    **dict.fromkeys(("daynight", "dn", "timeofday"), CategoryUse(Role.DAY_NIGHT)),
    **dict.fromkeys(("scriptday", "storyday"), CategoryUse(Role.SCRIPT_DAY)),
    "unit": CategoryUse(Role.UNIT),
    **dict.fromkeys(("location", "locations"), CategoryUse(Role.LOCATION)),
    **dict.fromkeys(("cast", "castmembers", "castmember"), CategoryUse(Role.CAST)),
    **dict.fromkeys(("background", "backgroundactors", "extras", "atmosphere"),
                    CategoryUse(Role.BACKGROUND)),
    **dict.fromkeys(("stunts", "stunt"), CategoryUse(Role.CREW, "stunt")),
    **dict.fromkeys(("animalwrangler", "animalhandler", "wrangler"), CategoryUse(Role.CREW, "animal")),
    **dict.fromkeys(("security", "additionallabor", "additionallabour", "specialcrew"),
                    CategoryUse(Role.CREW)),
    **dict.fromkeys(("vehicles", "vehicle", "picturevehicles"),
                    CategoryUse(Role.EQUIPMENT, "vehicle")),
    **dict.fromkeys(("animals", "animal"), CategoryUse(Role.EQUIPMENT, "animal")),
    **dict.fromkeys(("camera", "grip", "electric", "sound", "specialequipment", "equipment"),
                    CategoryUse(Role.EQUIPMENT)),
    **dict.fromkeys(("sfx", "specialeffects"), CategoryUse(Role.TAG, "sfx")),
    **dict.fromkeys(("mfx", "mechanicaleffects", "mechanicalfx"), CategoryUse(Role.TAG, "sfx")),
    **dict.fromkeys(("vfx", "visualeffects"), CategoryUse(Role.TAG, "vfx")),
    "tags": CategoryUse(Role.TAG),
    **dict.fromkeys(("sequence", "props", "wardrobe", "costumes", "makeuphair", "makeup", "hair",
                     "music", "artdepartment", "setdressing", "greenery", "notes", "comments",
                     "misc", "miscellaneous", "other"), CategoryUse(Role.UNUSED)),
}
# The category standard's numbers (samples/categoryTypes.json), as names of _USES.
_UCID_NAMES = {
    0: "set", 1: "intext", 2: "daynight", 3: "scriptday", 4: "unit", 5: "sequence",
    6: "location", 100: "cast", 101: "background", 102: "stunts", 103: "vehicles", 104: "props",
    105: "specialeffects", 106: "wardrobe", 107: "makeuphair", 108: "animals",
    109: "animalwrangler", 110: "camera", 111: "music", 112: "sound", 113: "artdepartment",
    114: "setdressing", 115: "greenery", 116: "security", 117: "specialequipment",
    118: "additionallabor", 119: "visualeffects", 120: "mechanicaleffects", 121: "notes",
    122: "comments", 123: "miscellaneous", 124: "other",
}
# Categories our writer creates, with their universal ids (1000: outside the standard's range).
WRITTEN_CATEGORIES = {
    Role.SET: ("Set", 0), Role.INT_EXT: ("INT/EXT", 1), Role.DAY_NIGHT: ("Day/Night", 2),
    Role.SCRIPT_DAY: ("Script Day", 3), Role.LOCATION: ("Location", 6),
    Role.CAST: ("Cast Members", 100), Role.BACKGROUND: ("Background Actors", 101),
    Role.CREW: ("Additional Labor", 118), Role.EQUIPMENT: ("Special Equipment", 117),
    Role.TAG: ("Tags", 1000),
}
_NOT_LETTERS = re.compile(r"[^0-9a-z]+")
_HEAD_COUNT = re.compile(r"\s*(\d{1,6})\b")  # a longer number is no head count (nor an int)
# Slug-line values as written in files (letters only, lower case) and what they mean here:
# the light a scene needs.
INT_EXT_VALUES = {
    "int": IntExt.INT, "i": IntExt.INT, "interior": IntExt.INT,
    "ext": IntExt.EXT, "e": IntExt.EXT, "exterior": IntExt.EXT,
    "intext": IntExt.INT_EXT, "extint": IntExt.INT_EXT, "ie": IntExt.INT_EXT,
    "ei": IntExt.INT_EXT,
}
DAY_NIGHT_VALUES = {
    "day": DayNight.DAY, "morning": DayNight.DAY, "afternoon": DayNight.DAY,
    "noon": DayNight.DAY, "midday": DayNight.DAY, "later": DayNight.DAY,
    "continuous": DayNight.DAY, "same": DayNight.DAY, "space": DayNight.DAY,
    "night": DayNight.NIGHT, "evening": DayNight.NIGHT, "midnight": DayNight.NIGHT,
    "dawn": DayNight.DAWN, "sunrise": DayNight.DAWN, "daybreak": DayNight.DAWN,
    "dusk": DayNight.DUSK, "sunset": DayNight.DUSK, "magichour": DayNight.DUSK,
    "twilight": DayNight.DUSK, "goldenhour": DayNight.DUSK,
}


def category_use(category: UssCategory) -> CategoryUse:
    """What the elements of ``category`` become (``Role.UNUSED`` when it is not recognised)."""
    by_name = _USES.get(_key(category.name))
    if by_name is not None:
        return by_name
    by_number = _UCID_NAMES.get(category.ucid) if category.ucid is not None else None
    return _USES[by_number] if by_number is not None else CategoryUse(Role.UNUSED)


def int_ext_of(written: str) -> IntExt | None:
    """``INT``, ``EXT``, ``INT/EXT`` (``E/I``, ``EXT./INT.``...), or ``None`` when unknown."""
    return INT_EXT_VALUES.get(_key(written))


def day_night_of(written: str) -> DayNight | None:
    """The light a day/night value needs (``EVENING`` NIGHT, ``MAGIC HOUR`` DUSK...), or
    ``None`` when unknown."""
    return DAY_NIGHT_VALUES.get(_key(written))


def head_count(name: str) -> int:
    """``25 Pedestrians`` is 25 people; a background element without a number is one."""
    match = _HEAD_COUNT.match(name)
    return int(match[1]) if match else 1


def _key(name: str) -> str:
    return _NOT_LETTERS.sub("", name.casefold())
