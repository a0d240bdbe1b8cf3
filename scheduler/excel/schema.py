"""The sheets and columns of the breakdown workbook (``spec/workbook.md``), in one place.

The reader matches headers against this schema, the breakdown writer and the template write their
headers from it, and the template's header comments are its ``help`` texts.  Sheet, column and
field names match case-insensitively, ignoring whitespace, ``_``, ``#`` and ``.``; each name also
has the synonyms a line producer would write (``Sc #``, ``I/E``, ``Page Count``, ``Est. Time``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

_IGNORED_IN_NAMES = re.compile(r"[\s_#.]+")


def normalize_name(name: object) -> str:
    """The matching key of a sheet, column or field name: ``"Sc #"`` -> ``"sc"``."""
    return _IGNORED_IN_NAMES.sub("", str(name)).lower()


class Kind(StrEnum):
    """How a cell is parsed (see ``scheduler.excel.parse``)."""

    TEXT = "text"
    ID = "id"
    INT = "int"
    NUMBER = "number"
    EIGHTHS = "eighths"
    HOURS = "hours"
    MONEY = "money"
    DATE = "date"
    DATES = "dates"
    LIST = "list"
    YES_NO = "yes/no"
    INT_EXT = "int_ext"
    DAY_NIGHT = "day_night"
    BILLING = "billing"
    CONSTRAINT_KIND = "constraint_kind"
    CALENDAR_TYPE = "calendar_type"
    WORK_WEEK = "work_week"
    DATE_FORMAT = "date_format"


# Drop-down values of the template, per kind (the reader accepts more spellings than these).
CHOICES: dict[Kind, tuple[str, ...]] = {
    Kind.YES_NO: ("yes", "no"),
    Kind.INT_EXT: ("INT", "EXT", "INT/EXT"),
    Kind.DAY_NIGHT: ("DAY", "NIGHT", "DAWN", "DUSK"),
    Kind.BILLING: ("day", "span"),
    Kind.CONSTRAINT_KIND: ("before", "same_day", "different_day", "consecutive", "not_on"),
    Kind.CALENDAR_TYPE: ("off", "holiday", "work"),
    Kind.DATE_FORMAT: ("YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"),
}


# How to write a value of each kind (the template's header comments).
FORMAT_HINTS: dict[Kind, str] = {
    Kind.TEXT: "text",
    Kind.ID: "a short code or a number",
    Kind.INT: "a whole number",
    Kind.NUMBER: "a number",
    Kind.EIGHTHS: 'pages in eighths: 2 3/8, 3/8, 2 or a decimal like 1.5',
    Kind.HOURS: "hours: 1.5 or 1:30",
    Kind.MONEY: "an amount in whole currency units: 1250 or $1,250",
    Kind.DATE: "a date: YYYY-MM-DD or an Excel date",
    Kind.DATES: "dates YYYY-MM-DD separated by commas, or ranges 2026-03-02..2026-03-06",
    Kind.LIST: "a list separated by , or ; or new lines",
    Kind.YES_NO: "yes or no",
    Kind.INT_EXT: "one of INT, EXT, INT/EXT",
    Kind.DAY_NIGHT: "one of DAY, NIGHT, DAWN, DUSK",
    Kind.BILLING: "day or span",
    Kind.CONSTRAINT_KIND: "one of before, same_day, different_day, consecutive, not_on",
    Kind.CALENDAR_TYPE: "one of off, holiday, work",
    Kind.WORK_WEEK: "Mon-Fri, Mon-Sat, Mon-Sun or a list like Mon,Tue,Thu",
    Kind.DATE_FORMAT: "YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY",
}


@dataclass(frozen=True)
class Column:
    """One column of a sheet (or one field of the ``Production`` sheet).

    Parameters
    ----------
    name
        The canonical name, as in ``spec/workbook.md`` and as the writers spell the header.
    kind
        How its cells are parsed.
    help
        What it means and the expected format (the template's header comment).
    synonyms
        Other names accepted for it.
    required
        The sheet is unusable without it (the column for a sheet, the value for a field).
    default
        The value the template pre-fills (``Production`` fields only).
    """

    name: str
    kind: Kind
    help: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    default: str | int | float | None = None

    @cached_property
    def keys(self) -> frozenset[str]:
        """The matching keys of its name and synonyms."""
        return frozenset(normalize_name(n) for n in (self.name, *self.synonyms))


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: its canonical name, synonyms and columns (in the order the writers use)."""

    name: str
    columns: tuple[Column, ...]
    synonyms: tuple[str, ...] = ()
    required: bool = False
    help: str = ""

    def matches(self, title: str) -> bool:
        return normalize_name(title) in self._title_keys

    def column(self, header: object) -> Column | None:
        """The column a header names, or ``None`` when it is not one of this sheet's."""
        return self._column_by_key.get(normalize_name(header))

    @cached_property
    def _title_keys(self) -> frozenset[str]:
        return frozenset(normalize_name(n) for n in (self.name, *self.synonyms))

    @cached_property
    def _column_by_key(self) -> dict[str, Column]:
        # The first column wins a shared key; tests make sure no two columns share one.
        by_key: dict[str, Column] = {}
        for column in self.columns:
            for key in column.keys:
                by_key.setdefault(key, column)
        return by_key

    def by_name(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


_DATES_HELP = "comma-separated dates YYYY-MM-DD or ranges 2026-03-02..2026-03-06"
_AVAILABILITY = (
    Column("available_from", Kind.DATE, "first date available (YYYY-MM-DD or an Excel date)",
           ("from", "available", "avail from", "first available", "start date")),
    Column("available_to", Kind.DATE, "last date available (YYYY-MM-DD or an Excel date)",
           ("to", "until", "avail to", "available until", "last available", "end date")),
    Column("unavailable", Kind.DATES, f"dates not available: {_DATES_HELP}",
           ("not available", "unavailable dates", "blackout", "blackout dates", "conflicts",
            "days off")),
)

PRODUCTION = SheetSpec(
    name="Production",
    synonyms=("Settings", "Project", "Setup"),
    required=True,
    help="two columns Field and Value; one row per setting",
    columns=(
        Column("title", Kind.TEXT, "production title (default: the file name)",
               ("production", "production title", "project", "show")),
        Column("start_date", Kind.DATE,
               "first shoot date; shoot day 1 is the first working date on or after it",
               ("start", "first day", "first shoot day", "first shoot date", "shoot start"),
               required=True),
        Column("end_date", Kind.DATE,
               "last date shooting may happen (optional; else max_shoot_days bounds the calendar)",
               ("end", "last day", "last shoot date", "wrap date", "shoot end")),
        Column("max_shoot_days", Kind.INT,
               "upper bound on shoot days when there is no end_date (default: the scenes' days)",
               ("shoot days", "max days", "maximum shoot days")),
        Column("work_week", Kind.WORK_WEEK,
               "working weekdays: Mon-Fri, Mon-Sat, Mon-Sun or a list like Mon,Tue,Thu",
               ("work days", "working days", "week", "workweek"), default="Mon-Fri"),
        Column("holidays", Kind.DATES, f"dates with no shooting: {_DATES_HELP}",
               ("holiday", "public holidays")),
        Column("standard_day_hours", Kind.HOURS,
               "shooting hours in a standard day (number or H:MM)",
               ("standard day", "standard hours", "day length", "standard day length"),
               default=11),
        Column("max_day_hours", Kind.HOURS,
               "hard cap on a day's hours, moves included; hours past standard are overtime",
               ("max day", "max hours", "maximum day hours", "day cap"), default=12),
        Column("overtime_cost_per_hour", Kind.MONEY,
               "cost of each scheduled hour past standard_day_hours",
               ("overtime", "overtime rate", "ot rate", "overtime cost"), default=0),
        Column("pages_per_day", Kind.EIGHTHS,
               "pace for scenes without est_hours: est = pages x standard hours / pages_per_day",
               ("pace", "pages a day", "page rate"), default=4),
        Column("crew_day_cost", Kind.MONEY,
               "cost of every shoot-calendar day from day 1 to the wrap day",
               ("crew day", "crew cost per day", "daily crew cost", "cost per day"), default=0),
        Column("company_move_cost", Kind.MONEY,
               "cost of each move between locations within one day",
               ("move cost", "company move"), default=0),
        Column("company_move_hours", Kind.HOURS, "hours a move takes out of that day",
               ("move hours", "move time", "company move time"), default=1),
        Column("max_locations_per_day", Kind.INT, "at most this many locations in one day",
               ("locations per day", "max locations"), default=2),
        Column("allow_split_days", Kind.YES_NO, "may a day mix DAY and NIGHT scenes (yes/no)",
               ("split days", "allow split days"), default="no"),
        Column("night_turnaround", Kind.YES_NO,
               "a NIGHT shoot day may not be followed by a DAY shoot day on the next date",
               ("turnaround",), default="yes"),
        Column("drop_pickup_min_days", Kind.INT,
               "a drop/pick-up is legal when the pick-up is more than this many calendar days "
               "after the last work date before the drop",
               ("drop pickup days", "drop days"), default=10),
        Column("budget", Kind.MONEY, "hard cap on the total cost (optional)",
               ("budget cap", "max budget")),
        Column("currency", Kind.TEXT, "currency shown in reports", ("currency code",),
               default="USD"),
        Column("time_limit_s", Kind.NUMBER, "solver time limit in seconds",
               ("time limit", "solver time limit", "time limit seconds"), default=60),
        Column("bottleneck_day_cost", Kind.MONEY,
               "what one expected bottleneck day is worth avoiding: the planner trades this "
               "much cost for one expected overrun day less; 0 ignores risk (default: 3 h of "
               "overtime plus a tenth of crew_day_cost)",
               ("risk cost", "bottleneck cost", "overrun cost", "cost of a bottleneck day")),
        Column("change_cost", Kind.MONEY,
               "a re-plan's price for each scene moved off its day in the current schedule "
               "(default: 8 hours of crew_day_cost, the pay of a late-cancelled call); 0 "
               "re-plans for cost alone",
               ("move cost per scene", "cost of a change", "scene move cost", "change price")),
        Column("revision_colours", Kind.LIST,
               "the colours of successive schedule revisions, in your shop's order, separated "
               "by commas (default: the WGA's White, Blue, Pink, Yellow, Green, Goldenrod, "
               "Buff, Salmon, Cherry; then Double White, ...)",
               ("revision colors", "revision colour order", "revision color order",
                "colour order", "color order", "revision order")),
        Column("date_format", Kind.DATE_FORMAT,
               "how text dates are written: YYYY-MM-DD (default), DD/MM/YYYY or MM/DD/YYYY",
               ("date format",)),
    ),
)

# Header names of the two columns of the Production sheet.
PRODUCTION_FIELD_KEYS = frozenset(
    normalize_name(n) for n in ("field", "setting", "name", "parameter", "key", "item"))
PRODUCTION_VALUE_KEYS = frozenset(normalize_name(n) for n in ("value", "setting value", "val"))

SCENES = SheetSpec(
    name="Scenes",
    synonyms=("Breakdown", "Strips", "Scene", "Breakdown Sheet"),
    required=True,
    help="one row per scene or scene part",
    columns=(
        Column("scene", Kind.ID, "scene id as on the script (12, 12A, 45pt2); unique",
               ("sc", "scene #", "scene no", "scene number", "scene id", "scn", "sc no"),
               required=True),
        Column("int_ext", Kind.INT_EXT, "INT, EXT or INT/EXT",
               ("i/e", "int/ext", "ie", "int-ext", "interior/exterior")),
        Column("day_night", Kind.DAY_NIGHT,
               "DAY, NIGHT, DAWN or DUSK (DAWN and DUSK: at most one of each per day)",
               ("d/n", "time", "dn", "day/night", "time of day", "tod")),
        Column("set", Kind.TEXT, "the set as in the scene heading",
               ("set name", "scene heading", "slugline", "heading")),
        Column("location", Kind.ID, "location id (or name) from sheet Locations",
               ("loc", "location id", "shooting location")),
        Column("pages", Kind.EIGHTHS, 'script length in eighths: "2 3/8", "3/8", "2" or 1.5',
               ("page count", "length", "pgs", "page", "pg", "eighths", "len")),
        Column("est_hours", Kind.HOURS,
               "shooting time (hours or H:MM); overrides the pages pace",
               ("hours", "est time", "estimate", "est hours", "est hrs", "estimated hours",
                "estimated time", "shooting time", "duration", "time est")),
        Column("cast", Kind.LIST, "cast ids or names from sheet Cast, separated by , ; or lines",
               ("cast members", "cast ids", "cast list", "cast id", "talent", "characters")),
        Column("extras", Kind.INT, "number of background performers",
               ("background", "bg", "atmosphere", "atmos", "background actors", "extras count")),
        Column("crew", Kind.LIST, "crew ids from sheet Crew needed for this scene",
               ("special crew", "crew ids")),
        Column("equipment", Kind.LIST, "equipment ids from sheet Equipment",
               ("elements", "special equipment", "equipment ids", "gear")),
        Column("tags", Kind.LIST,
               "any of stunt, vfx, sfx, vehicle, animal, water, crowd, minor, weather; "
               "more are kept", ("tag", "flags")),
        Column("earliest", Kind.DATE, "not shot before this date",
               ("not before", "earliest date", "no earlier than")),
        Column("latest", Kind.DATE, "shot on or before this date",
               ("not after", "deadline", "latest date", "no later than", "due")),
        Column("shoot_on", Kind.DATE, "shot on exactly this date",
               ("fixed date", "pin", "pinned", "pinned date", "shoot date")),
        Column("synopsis", Kind.TEXT, "one line for the strip",
               ("description", "desc", "summary", "one line", "one liner", "oneliner")),
        Column("story_day", Kind.TEXT, "story day, kept for reports",
               ("script day", "day of story", "sd")),
        Column("status", Kind.TEXT,
               "omitted: cut from the script (keep the row: ids are never renumbered); "
               "empty for a scene to shoot", ("scene status",)),
    ),
)

CAST = SheetSpec(
    name="Cast",
    synonyms=("Cast List", "Talent", "Actors", "Performers"),
    help="one row per cast member",
    columns=(
        Column("id", Kind.ID, "the number on the board (1, 2, ...) or a short code; unique",
               ("#", "no", "number", "cast", "cast id", "cast no", "cast number", "board id",
                "code"), required=True),
        Column("name", Kind.TEXT, "performer",
               ("performer", "actor", "actress", "artist", "cast name", "talent")),
        Column("character", Kind.TEXT, "role", ("role", "part", "character name")),
        Column("daily_rate", Kind.MONEY,
               "paid for every shoot day from first to last work day (holds included)",
               ("rate", "day rate", "daily fee", "fee", "cost per day", "daily cost")),
        *_AVAILABILITY,
        Column("drop_pickup", Kind.YES_NO,
               "yes: may be dropped and picked up once (see drop_pickup_min_days)",
               ("drop/pickup", "drop/pick up", "drop and pickup", "drop and pick up",
                "drop pick up", "drop")),
        Column("minor", Kind.YES_NO, "yes: a minor, may not work NIGHT scenes",
               ("child", "is minor", "under 18")),
        Column("max_hours", Kind.HOURS, "most hours of their scenes in one day (child labour)",
               ("hour limit", "max hours per day", "hours limit", "max work hours")),
    ),
)

LOCATIONS = SheetSpec(
    name="Locations",
    synonyms=("Location", "Locs", "Sites", "Location List"),
    help="one row per location",
    columns=(
        Column("id", Kind.ID, "location id; unique",
               ("#", "code", "location id", "loc id", "loc", "no"), required=True),
        Column("name", Kind.TEXT, "location name", ("location", "location name", "site")),
        Column("address", Kind.TEXT, "address", ("addr",)),
        Column("daily_fee", Kind.MONEY, "paid for each day the location is used",
               ("fee", "day rate", "daily rate", "rate", "location fee", "cost per day")),
        Column("move_in_cost", Kind.MONEY,
               "paid each time the company comes to the location (each run of shoot days)",
               ("move in", "move-in", "move-in cost", "setup cost", "load in")),
        *_AVAILABILITY,
        Column("zone", Kind.TEXT, "locations in different zones may not share a day",
               ("area", "region")),
    ),
)


def _resource_columns(every_day: bool) -> tuple[Column, ...]:
    columns = [
        Column("id", Kind.ID, "id; unique", ("#", "code", "no", "crew id", "equipment id"),
               required=True),
        Column("name", Kind.TEXT, "name", ("item", "description")),
        Column("role", Kind.TEXT, "role or type", ("department", "position", "job", "type")),
        Column("daily_rate", Kind.MONEY, "cost per day",
               ("rate", "day rate", "daily fee", "fee", "cost per day", "rental")),
        Column("billing", Kind.BILLING,
               "day: paid per day used; span: paid every shoot day from first to last use",
               ("billed", "billing type", "pay")),
    ]
    if every_day:
        columns.append(Column("every_day", Kind.YES_NO,
                              "yes: needed on every shoot day (director, DP)",
                              ("everyday", "all days", "every shoot day")))
    return (*columns, *_AVAILABILITY)


CREW = SheetSpec(name="Crew", synonyms=("Crew List", "Special Crew"),
                 help="one row per crew member the planner must know about",
                 columns=_resource_columns(every_day=True))
EQUIPMENT = SheetSpec(name="Equipment", synonyms=("Elements", "Gear", "Equipment List"),
                      help="one row per piece of equipment", columns=_resource_columns(False))

CONSTRAINTS = SheetSpec(
    name="Constraints",
    synonyms=("Rules", "Scene Constraints"),
    help="optional rules between scenes",
    columns=(
        Column("kind", Kind.CONSTRAINT_KIND,
               "before, same_day, different_day, consecutive or not_on",
               ("type", "rule", "constraint"), required=True),
        Column("scenes", Kind.LIST, "scene ids, separated by , ; or lines",
               ("scene", "scene ids", "scene list"), required=True),
        Column("dates", Kind.DATES, f"for not_on: {_DATES_HELP}", ("date", "on dates")),
        Column("note", Kind.TEXT, "kept for reports", ("notes", "comment", "reason")),
    ),
)

CALENDAR = SheetSpec(
    name="Calendar",
    synonyms=("Days Off", "Holidays", "Calendar Days"),
    help="optional dates that differ from the work week",
    columns=(
        Column("date", Kind.DATE, "a date (YYYY-MM-DD or an Excel date)", ("day",),
               required=True),
        Column("type", Kind.CALENDAR_TYPE,
               "off or holiday: no shooting; work: a working date even on a weekend "
               "(default off)", ("kind", "status")),
    ),
)

# Every sheet, in the order the writers lay them out.
SHEETS: tuple[SheetSpec, ...] = (
    PRODUCTION, SCENES, CAST, LOCATIONS, CREW, EQUIPMENT, CONSTRAINTS, CALENDAR,
)


def sheet_spec(title: str) -> SheetSpec | None:
    """The sheet a workbook sheet title names, or ``None`` for a sheet the planner ignores."""
    for spec in SHEETS:
        if spec.matches(title):
            return spec
    return None
