"""Every font, fill, border and number format of the schedule workbook, made once.

The strip palette follows the incumbents (``research/industry.md`` section 1.3): INT DAY white,
EXT DAY yellow, INT NIGHT blue, EXT NIGHT green, DAWN pink, DUSK orange; INT/EXT counts as EXT.
It is a parameter of the writer because sources disagree on the night pair and shops have their
own habits.  Strip colours are pale enough for black text to stay readable when printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..data import DayNight, IntExt

# ----- colours (RGB hex) ------------------------------------------------------------------------

BLACK = "000000"
WHITE = "FFFFFF"
HEADER_GREY = "D9D9D9"
TITLE_BLUE = "1F3864"
WEEK_ORANGE = "F4B183"
MOVE_PURPLE = "E4DFEC"
FREE_GREY = "BFBFBF"
HOLIDAY_RED = "F4CCCC"
WEEKEND_GREY = "E7E6E6"
DARK_GREY = "C9C9C9"
WORK_GREEN = "548235"
HOLD_GREEN = "C6E0B4"
DROP_RED = "FF9999"
LOCATION_BLUE = "2F75B5"
FLAG_RED = "C00000"


@dataclass(frozen=True)
class StripPalette:
    """Fill colour of a strip by INT/EXT and time of day (RGB hex, no ``#``)."""

    int_day: str = "FFFFFF"
    ext_day: str = "FFF2A8"
    int_night: str = "BDD7EE"
    ext_night: str = "C6E0B4"
    dawn: str = "F8CBDA"
    dusk: str = "FBD5B5"

    def colour(self, int_ext: IntExt, day_night: DayNight) -> str:
        """The strip colour; DAWN and DUSK have their own, INT/EXT is coloured as EXT."""
        if day_night is DayNight.DAWN:
            return self.dawn
        if day_night is DayNight.DUSK:
            return self.dusk
        exterior = int_ext is not IntExt.INT
        if day_night is DayNight.NIGHT:
            return self.ext_night if exterior else self.int_night
        return self.ext_day if exterior else self.int_day

    def fill(self, int_ext: IntExt, day_night: DayNight) -> PatternFill:
        return solid(self.colour(int_ext, day_night))

    def legend(self) -> list[tuple[str, str]]:
        """(label, colour) of every strip kind, for legends."""
        return [
            ("INT DAY", self.int_day), ("EXT or INT/EXT DAY", self.ext_day),
            ("INT NIGHT", self.int_night), ("EXT or INT/EXT NIGHT", self.ext_night),
            ("DAWN", self.dawn), ("DUSK", self.dusk),
        ]


DEFAULT_PALETTE = StripPalette()


@cache
def solid(colour: str) -> PatternFill:
    """One shared solid fill per colour."""
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


# ----- revision colours -------------------------------------------------------------------------

# A pale tint of each WGA revision colour (``revision.WGA_COLOURS``), for the header rows of a
# revised schedule: pale enough that black header text stays readable on screen and in print,
# distinct enough that Blue pages are not mistaken for Green ones.  Keys are case-folded.
REVISION_TINTS: dict[str, str] = {
    "white": "FFFFFF",
    "blue": "DDEBF7",
    "pink": "FCE4EC",
    "yellow": "FFF9C4",
    "green": "E2F0D9",
    "goldenrod": "F8E5A6",
    "buff": "F3E5C8",
    "salmon": "FCD9CC",
    "cherry": "F6C6D0",
}

# "Double Blue", "Triple Blue", "5x Blue" (``revision.revision_name``'s rounds) share Blue's tint.
_ROUND_PREFIX = re.compile(r"^(?:double|triple|quadruple|\d+x)\s+", re.IGNORECASE)


def revision_tint(name: str, tints: dict[str, str] = REVISION_TINTS) -> str | None:
    """The tint of a revision colour (any case; ``Double Blue`` as ``Blue``), ``None`` for a
    colour the table does not know (a shop's own order): its header rows then stay grey."""
    colour = _ROUND_PREFIX.sub("", " ".join(name.split())).casefold()
    return tints.get(colour)


def revision_fill(name: str | None) -> PatternFill:
    """The header fill of a schedule of revision ``name``; the usual grey without one."""
    tint = revision_tint(name) if name else None
    return solid(tint) if tint else HEADER_FILL


# ----- fills ------------------------------------------------------------------------------------

HEADER_FILL = solid(HEADER_GREY)
TITLE_FILL = solid(TITLE_BLUE)
DAY_BREAK_FILL = solid(BLACK)
WEEK_BREAK_FILL = solid(WEEK_ORANGE)
MOVE_FILL = solid(MOVE_PURPLE)
FREE_DAY_FILL = solid(FREE_GREY)
HOLIDAY_FILL = solid(HOLIDAY_RED)
WEEKEND_FILL = solid(WEEKEND_GREY)
DARK_FILL = solid(DARK_GREY)
WORK_FILL = solid(WORK_GREEN)
HOLD_FILL = solid(HOLD_GREEN)
DROP_FILL = solid(DROP_RED)
LOCATION_FILL = solid(LOCATION_BLUE)
SECTION_FILL = solid(HEADER_GREY)

# ----- fonts ------------------------------------------------------------------------------------

BASE_FONT = Font(name="Calibri", size=10)
BOLD_FONT = Font(name="Calibri", size=10, bold=True)
HEADER_FONT = Font(name="Calibri", size=10, bold=True)
TITLE_FONT = Font(name="Calibri", size=14, bold=True, color=WHITE)
SUBTITLE_FONT = Font(name="Calibri", size=11, bold=True)
DAY_BREAK_FONT = Font(name="Calibri", size=10, bold=True, color=WHITE)
WORK_FONT = Font(name="Calibri", size=8, bold=True, color=WHITE)
SMALL_FONT = Font(name="Calibri", size=8)
SMALL_BOLD_FONT = Font(name="Calibri", size=8, bold=True)
NOTE_FONT = Font(name="Calibri", size=9, italic=True, color="595959")
FLAG_FONT = Font(name="Calibri", size=10, bold=True, color=FLAG_RED)

# ----- borders and alignment --------------------------------------------------------------------

_THIN = Side(style="thin", color="A6A6A6")
THIN_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center")
CENTER_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
LEFT_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
LEFT_WRAP_MIDDLE = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
ROTATED = Alignment(horizontal="center", vertical="bottom", text_rotation=90)

# ----- number formats ---------------------------------------------------------------------------

DATE_FORMAT = "ddd d mmm yyyy"
SHORT_DATE_FORMAT = "d mmm"
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"
DECIMAL_FORMAT = "0.00"
PAGES_FORMAT = "0.000"
