"""What a scene heading says: interior or exterior, the set, and the time of day.

``INT. DINER - KITCHEN - NIGHT`` is INT, set ``DINER - KITCHEN``, NIGHT.  The time of day is
the last part after a separator (`` - ``, ``--``, an en or em dash) when it is a time word;
``EXT. PARK--DAY`` is read like ``EXT. PARK - DAY``.  The light a time needs: DAY, NIGHT, DAWN,
DUSK; MORNING and AFTERNOON are DAY, EVENING is NIGHT (the USS reader's table); CONTINUOUS,
LATER, MOMENTS LATER, SAME take the previous scene's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data import DayNight, IntExt
from ..interop.uss.categories import day_night_of, int_ext_of

_PREFIX = re.compile(r"^(INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT|EXT|EST|I\s*/\s*E|E\s*/\s*I)"
                     r"\.?(?:\s+|$)", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:--+|[–—])\s*|\s+-\s+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")
# Times that say "as the scene before": they carry its light on.
CARRIED_TIMES = frozenset({"continuous", "later", "momentslater", "same", "sametime",
                           "momentslatercontinuous", "contd", "continued", "alittlelater",
                           "shortlyafter", "secondslater", "minuteslater"})


@dataclass(frozen=True)
class Heading:
    """The parts of a scene heading.

    ``int_ext`` is ``None`` for a forced heading without INT/EXT; ``time`` is the time of day as
    written (``""`` when there is none); ``day_night`` its light, ``None`` when it carries the
    previous scene's or is not known.
    """

    int_ext: IntExt | None
    set_name: str
    time: str
    day_night: DayNight | None
    carried: bool  # the time says "as before" (CONTINUOUS, LATER, SAME...)


def parse_heading(heading: str) -> Heading:
    """The parts of ``heading`` (scene number already removed)."""
    text = " ".join(heading.split())
    int_ext = None
    prefix = _PREFIX.match(text)
    if prefix:
        int_ext = IntExt.EXT if prefix[1].upper() == "EST" else int_ext_of(prefix[1])
        text = text[prefix.end():]
    no_set = text.lstrip().startswith(("-", "–", "—"))  # "INT. - DAY": a time, no set
    parts = [part for part in _SEPARATOR.split(text.strip(" .-–—")) if part]
    time = ""
    if (len(parts) > 1 or no_set) and parts and _is_time(parts[-1]):
        time = parts.pop()
    elif len(parts) == 1 and prefix is None:
        parts = [text.strip()]
    set_name = " - ".join(part.strip(" .") for part in parts).strip()
    key = _key(_PARENTHESES.sub("", time))
    carried = key in CARRIED_TIMES or key.endswith("later")
    return Heading(int_ext, set_name, time, None if carried else _light(time), carried)


def main_location(set_name: str) -> str:
    """The location of a set: the part before the first `` - `` (``DINER - KITCHEN`` is at
    ``DINER``)."""
    return set_name.split(" - ", 1)[0].strip() or set_name


def _is_time(part: str) -> bool:
    key = _key(_PARENTHESES.sub("", part))
    return bool(key) and (key in CARRIED_TIMES or key.endswith("later")
                          or day_night_of(key) is not None)


def _light(time: str) -> DayNight | None:
    return day_night_of(_PARENTHESES.sub("", time)) if time else None


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())
