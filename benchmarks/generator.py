"""Seeded, synthetic productions of any size, built the way a line producer breaks down a script.

Nothing here comes from a real production: titles, people, places and addresses are invented.
``generate_production(num_scenes, seed, kind)`` drafts a script (sets grouped into studio stages
and practical locations, some of them in a distant zone; leads in most scenes, supporting cast in
clusters, day players in one to three scenes, a minor on a few day scenes; night exteriors,
stunts, vehicles, an animal, cranes and drones), then proves it can be shot:

1. a *reference board* deals the scenes into shoot days by location blocks, the way a 1st AD
   would, breaking no rule (day hours, zones, locations a day, split days, night turnaround,
   dawn/dusk light, minors' hours, multi-day scenes alone);
2. the calendar is sized so that the scenes' estimated hours fill about 75-85 % of its standard
   hours, and is never shorter than the reference board;
3. every window drawn afterwards (cast, locations, crew and equipment availability, unavailable
   dates, scene windows and pins, continuity constraints) contains the reference board with a
   margin, so the reference board stays a valid schedule and a cheaper one is left to find.

*Planted productions* (``generate(num_scenes, seed, kind, planted=True)``, or
``generate_planted``) fix a compact, valid schedule first and draw everything tight around it,
the way real windows are:

1. the *planted schedule* is the reference board without spare days;
2. the calendar is 25-35 % longer than the planted wrap day (drawn), so that a weak search can
   spread out and pay for it;
3. windows follow ``TIGHT`` instead of ``GENEROUS``: supporting cast, day players, practical
   locations, special crew and equipment come for their planted days with margins of 0-2 shoot
   days (many are released the day after their last planted day) and unavailable dates on free
   days inside their span; leads have 3-8 blocked dates on planted days they do not work; more
   scenes get a set-ready date or a deadline 0-3 days from their planted day, a few are pinned to
   it; before, same-day, consecutive, different-day and not-on rules are drawn from the planted
   days, more of them and not-on dates close to the planted day.

Every window contains the planted schedule, so ``validate`` accepts it by construction and its
cost is a known upper bound on the optimum.  A planted production is as synthetic as the rest
(its title says "synthetic planted").

The same seed gives the same production (planted or not).  ``python -m benchmarks.generator
--scenes 90 --seed 1 [--planted] -o out.xlsx`` writes one as a breakdown workbook.
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from scheduler.calendar import ShootCalendar
from scheduler.data import (
    Availability,
    Billing,
    CastMember,
    ConstraintKind,
    DayNight,
    IntExt,
    Location,
    Production,
    Resource,
    Scene,
    SceneConstraint,
    Settings,
)
from scheduler.day_rules import DayLoad, DayRules
from scheduler.solution import Solution

KINDS = ("feature", "series", "short")
MINUTES_PER_HOUR = 60
EIGHTHS_PER_PAGE = 8

# Share of the calendar's standard hours that the scenes' estimated hours fill.
TARGET_CAPACITY_USE = (0.76, 0.84)
# Share of the calendar's spare days spread through the reference board (the rest follow the wrap).
SPARE_DAYS_IN_BOARD = 0.35
# A single-day scene never runs longer than this share of the standard day: room for moves.
LONGEST_SCENE_SHARE = 0.9
# A planted production's calendar is this much longer than the planted wrap day (drawn).
PLANTED_SLACK = (0.25, 0.35)


@dataclass(frozen=True)
class Tightness:
    """How tightly windows and rules are drawn around the reference board.

    Margins are in shoot days, drawn on each side of the days a person, place or item works;
    a chance is the share of them that get a window at all.  ``scenes_per_*`` gives how many
    scenes carry a rule: one plus the number of scenes divided by it
    (``scenes_per_one_date_pin``: the number of scenes divided by it, none when 0).
    """

    supporting_margin: tuple[int, int]
    supporting_chance: float
    day_player_margin: tuple[int, int]
    day_player_chance: float
    minor_margin: tuple[int, int]
    minor_chance: float
    lead_blocked_dates: tuple[int, int]
    location_margin: tuple[int, int]
    location_chance: float
    resource_margin: tuple[int, int]
    resource_chance: float
    # Unavailable dates inside a window, on days its holder does not work on the board.
    unavailable_chance: float
    unavailable_dates: tuple[int, int]
    # Leads' blocked dates and not-on dates fall on the board's shoot days, not anywhere.
    blocks_on_board_days: bool
    # Not-on dates within this many shoot days of the scene's board day (0: anywhere).
    not_on_reach: int
    scene_window_margin: tuple[int, int]
    scenes_per_scene_window: int
    scenes_per_pin: int
    scenes_per_one_date_pin: int
    scenes_per_before: int
    scenes_per_same_day: int
    scenes_per_consecutive: int
    scenes_per_different_day: int
    scenes_per_not_on: int


# Around a reference board with spare days: room to move, a cheaper schedule is left to find.
GENEROUS = Tightness(
    supporting_margin=(2, 8),
    supporting_chance=0.6,
    day_player_margin=(1, 6),
    day_player_chance=0.7,
    minor_margin=(3, 10),
    minor_chance=0.3,
    lead_blocked_dates=(0, 2),
    location_margin=(2, 10),
    location_chance=0.5,
    resource_margin=(3, 10),
    resource_chance=0.5,
    unavailable_chance=0.35,
    unavailable_dates=(1, 3),
    blocks_on_board_days=False,
    not_on_reach=0,
    scene_window_margin=(3, 12),
    scenes_per_scene_window=150,
    scenes_per_pin=250,
    scenes_per_one_date_pin=0,
    scenes_per_before=120,
    scenes_per_same_day=150,
    scenes_per_consecutive=200,
    scenes_per_different_day=200,
    scenes_per_not_on=150,
)
# Around a planted schedule: stop dates, location windows of a few days, leads' blocked dates.
TIGHT = Tightness(
    supporting_margin=(0, 2),
    supporting_chance=0.9,
    day_player_margin=(0, 2),
    day_player_chance=0.9,
    minor_margin=(0, 3),
    minor_chance=0.6,
    lead_blocked_dates=(3, 8),
    location_margin=(0, 2),
    location_chance=0.9,
    resource_margin=(0, 2),
    resource_chance=0.9,
    unavailable_chance=0.5,
    unavailable_dates=(1, 4),
    blocks_on_board_days=True,
    not_on_reach=5,
    scene_window_margin=(0, 3),
    scenes_per_scene_window=20,
    scenes_per_pin=250,
    scenes_per_one_date_pin=80,
    scenes_per_before=40,
    scenes_per_same_day=50,
    scenes_per_consecutive=80,
    scenes_per_different_day=60,
    scenes_per_not_on=40,
)


# ----- economics and pace of each kind of production ------------------------------------------


@dataclass(frozen=True)
class Profile:
    """Pace, calendar and money of one kind of production (ranges are drawn per production)."""

    pages_per_day: tuple[float, ...]
    standard_day_hours: tuple[int, ...]
    work_weeks: tuple[tuple[int, ...], ...]
    crew_day_cost: tuple[int, int]
    lead_rate: tuple[int, int]
    supporting_rate: tuple[int, int]
    day_player_rate: tuple[int, int]
    minor_rate: tuple[int, int]
    director_rate: tuple[int, int]
    dp_rate: tuple[int, int]
    overtime_cost_per_hour: tuple[int, int]
    company_move_cost: tuple[int, int]
    stage_fee: tuple[int, int]
    practical_fee: tuple[int, int]
    move_in_cost: tuple[int, int]
    money_scale: float  # multiplies equipment and specialist rates
    scenes_per_episode: int = 0  # 0: not episodic


MON_FRI = (0, 1, 2, 3, 4)
MON_SAT = (0, 1, 2, 3, 4, 5)

PROFILES = {
    "feature": Profile(
        pages_per_day=(3.5, 4.0, 4.5),
        standard_day_hours=(11, 12),
        work_weeks=(MON_FRI, MON_SAT),
        crew_day_cost=(25_000, 60_000),
        lead_rate=(1_500, 5_000),
        supporting_rate=(900, 1_500),
        day_player_rate=(300, 1_000),
        minor_rate=(700, 1_100),
        director_rate=(3_000, 6_000),
        dp_rate=(1_800, 2_800),
        overtime_cost_per_hour=(3_000, 6_000),
        company_move_cost=(2_500, 8_000),
        stage_fee=(2_500, 6_000),
        practical_fee=(1_500, 7_500),
        move_in_cost=(2_000, 12_000),
        money_scale=1.0,
    ),
    "series": Profile(
        pages_per_day=(6.0, 6.5, 7.0),
        standard_day_hours=(11, 12),
        work_weeks=(MON_FRI,),
        crew_day_cost=(45_000, 90_000),
        lead_rate=(2_500, 5_000),
        supporting_rate=(1_000, 1_800),
        day_player_rate=(400, 1_000),
        minor_rate=(800, 1_200),
        director_rate=(3_500, 6_000),
        dp_rate=(2_000, 3_000),
        overtime_cost_per_hour=(5_000, 9_000),
        company_move_cost=(4_000, 10_000),
        stage_fee=(3_000, 7_000),
        practical_fee=(2_000, 9_000),
        move_in_cost=(3_000, 15_000),
        money_scale=1.1,
        scenes_per_episode=40,
    ),
    "short": Profile(
        pages_per_day=(4.0, 5.0),
        standard_day_hours=(10, 11),
        work_weeks=(MON_FRI, MON_SAT),
        crew_day_cost=(2_500, 6_000),
        lead_rate=(200, 450),
        supporting_rate=(150, 300),
        day_player_rate=(125, 225),
        minor_rate=(150, 250),
        director_rate=(300, 600),
        dp_rate=(350, 700),
        overtime_cost_per_hour=(300, 700),
        company_move_cost=(300, 900),
        stage_fee=(400, 900),
        practical_fee=(150, 900),
        move_in_cost=(100, 600),
        money_scale=0.3,
    ),
}


# ----- invented names ---------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


CHARACTER_FIRST = _words("""
    Nora Elliot Maya Ruben Clara Desmond Iris Theo June Marcus Vera Callum Ada Silas Hazel Owen
    Rosa Felix Greta Isaac Lena Victor Mabel Jonah Tessa Arlo Frances Gideon Pearl Hugo Dolores
    Wes Bea Lionel Opal Rafe Celia Duncan Ines Milo Harriet Abel Noor Quentin Sadie Tobias Wren
    Emmett Lucia Cyrus Agnes Boris Constance Dmitri Eleanor Fletcher Gloria Hector Imogen Jasper
""")
CHILD_FIRST = _words("Lily Sam Poppy Finn Ruby Leo Millie Kit Ivy Ned")
SURNAMES = _words("""
    Hale Okafor Brennan Castillo Whitlock Moreau Kowalski Ashby Delgado Fairweather Lindqvist
    Mbeki Quill Rourke Sato Thorne Varga Winslow Yates Abernathy Calloway Draper Ellery Garrick
    Holloway Ibarra Jessup Kincaid Larkin Marsh Novak Oyelaran Prentiss Redding Stroud Tolliver
    Underwood Vance Wexler Zamora
""")
PERFORMER_FIRST = _words("""
    Ava Ben Chloe Dev Emma Farid Gia Henry Ines Jack Kira Liam Mira Nate Olive Pablo Quinn Rhea
    Sean Tara Uma Vik Willa Xavi Yara Zane Aiden Bianca Cole Dana Eli Fiona Gus Hana Ivo Joelle
""")
PERFORMER_LAST = _words("""
    Ardent Bellamy Corvin Danvers Esterly Fenwick Galloway Harcourt Ivers Jansen Keeler Lockridge
    Merriweather Northcott Osgood Pell Radley Sunderland Tamsin Upton Valko Westbrook Yardley
    Zeller Ashdown Brightwell Coltrane Dunmore Everly Farrow
""")
TITLE_WORDS_A = _words("Low Quiet Salt Harbor Late Cold Paper Silver Last Long Glass Iron")
TITLE_WORDS_B = _words("Tide Season Lights Water Country Hours Crossing Weather Ground Signal")
STREETS = _words("""
    Alder Briar Cedar Dunmore Elm Foxhall Granger Hawthorne Juniper Kestrel Linden Marlow
    Northgate Orchard Pelham Quarry Rowan Sexton Tamarack Verity Wick Yarrow
""")
STREET_KINDS = _words("St Ave Blvd Rd Ln Way")
NEAR_TOWNS = ("Burbank", "Glendale", "Pasadena", "Long Beach", "Van Nuys", "Santa Clarita")
STUDIO_NAMES = ("Meridian Studios", "Larchmont Stages", "Eastgate Studios")
PICTURE_CARS = ("1968 Mustang", "1972 Chevelle", "1979 Volvo wagon", "1985 Ford pickup")

TOPICS = _phrases("""
    the missing ledger
    the insurance money
    the fire at the mill
    the night of the accident
    the letter from Ohio
    the sale of the house
    the stolen car
    the custody hearing
    the old recording
    the debt to the Varga brothers
    the key to the storage unit
    the election
    the photograph
    the lease on the diner
""")
# Story beats for synopses: {a}, {b}, {c} are characters, {topic} one of the story's threads.
ONE_CHARACTER_BEATS = _phrases("""
    {a} searches for {topic}
    {a} finds a clue to {topic}
    {a} rehearses an apology alone
    {a} makes a phone call about {topic}
    {a} hides what {a} knows about {topic}
    {a} cannot sleep and goes over {topic} again
    {a} arrives, late and soaked
    {a} burns the notes about {topic}
    {a} waits; nobody comes
    {a} walks away without looking back
    {a} listens to an old voicemail
""")
TWO_CHARACTER_BEATS = _phrases("""
    {a} confronts {b} about {topic}
    {a} and {b} share a quiet moment
    {a} tells {b} the truth about {topic}
    {a} warns {b} to stay away from {topic}
    {a} asks {b} for help with {topic}
    {a} and {b} argue over {topic}
    {b} catches {a} lying about {topic}
    {a} and {b} make a deal over {topic}
    {b} gives {a} an ultimatum
    {a} and {b} laugh for the first time in weeks
    {b} turns up uninvited; {a} lets {b} in
""")
GROUP_BEATS = _phrases("""
    Everyone gathers; {a} breaks the news about {topic}
    {a}, {b} and {c} plan their next move
    {a} interrupts {b} and {c}
    Tense dinner: {a}, {b} and {c} avoid talking about {topic}
    {b} and {c} take sides against {a}
""")
STUNT_BEATS = _phrases("""
    {a} is thrown against the railing
    {a} escapes across the rooftops
    {a} is knocked down in the fight
    Chase on foot: {a} loses the pursuers
""")
DAY_PLAYER_ROLES = _phrases("""
    Waitress
    Bartender
    Desk Sergeant
    Paramedic
    Night Clerk
    Security Guard
    Reporter
    Nurse
    Mechanic
    Landlord
    Neighbor
    Cab Driver
    Uniform Cop
    Janitor
    Pharmacist
    Bus Driver
    Parole Officer
    Locksmith
    Pawnbroker
    Sheriff's Deputy
""")
# Special crew called for tagged scenes: id, role, tag, daily rate range (feature money).
SPECIALISTS = (
    ("STUNT", "Stunt coordinator", "stunt", (1_000, 1_600)),
    ("TEACHER", "Studio teacher", "minor", (400, 600)),
    ("WRANGLER", "Animal trainer (Biscuit, a collie)", "animal", (700, 1_200)),
    ("SFX", "Special effects supervisor", "sfx", (900, 1_400)),
)
EMPTY_BEATS = _phrases("""
    Establishing: {set}
    Time cut: {set} at rest
    Insert: the sign of {set}
""")


@dataclass(frozen=True)
class Complex:
    """A group of sets under one roof or on one site: a standing-set complex or a practical."""

    name: str
    sets: tuple[tuple[str, str], ...]  # (INT, EXT or INT/EXT; set name without the prefix)
    zone: str = ""  # "" = the home zone
    tags: tuple[str, ...] = ()


def _complexes(table: str) -> tuple[Complex, ...]:
    """Parse ``name | zone | tags | INT SET; EXT SET`` lines (a line starting with ``;`` goes on
    listing the sets of the line above); {home}, {child}, {lead0}... are filled in later with
    the production's characters."""
    rows: list[list[str]] = []
    for line in _phrases(table):
        if line.startswith(";"):
            rows[-1][3] += line
        else:
            rows.append([part.strip() for part in line.split("|")])
    found = []
    for name, zone, tags, sets in rows:
        parsed = tuple(
            (kind, rest.strip())
            for kind, _, rest in (item.strip().partition(" ") for item in sets.split(";"))
        )
        found.append(Complex(name, parsed, zone, _words(tags)))
    return tuple(found)


HOME_ZONE = "Studio zone"
STANDING_SETS = _complexes("""
    {home} HOUSE          | | | INT {home} HOUSE - KITCHEN; INT {home} HOUSE - LIVING ROOM
                                ; INT {home} HOUSE - {child}'S BEDROOM; INT {home} HOUSE - HALLWAY
    PRECINCT 9            | | | INT PRECINCT 9 - BULLPEN; INT PRECINCT 9 - INTERROGATION
                                ; INT PRECINCT 9 - CAPTAIN'S OFFICE; INT PRECINCT 9 - CELLS
    {lead1}'S APARTMENT   | | | INT {lead1}'S APARTMENT - LIVING ROOM
                                ; INT {lead1}'S APARTMENT - BEDROOM
    ST. BRIGID'S HOSPITAL | | | INT ST. BRIGID'S - ER; INT ST. BRIGID'S - CORRIDOR
                                ; INT ST. BRIGID'S - PATIENT ROOM
    THE COURIER           | | | INT THE COURIER - NEWSROOM; INT THE COURIER - EDITOR'S OFFICE
    HARGROVE & LANE       | | | INT HARGROVE & LANE - LOBBY; INT HARGROVE & LANE - {lead2}'S OFFICE
    COUNTY COURTHOUSE     | | | INT COURTHOUSE - COURTROOM 4; INT COURTHOUSE - JUDGE'S CHAMBERS
    CITY HALL             | | | INT CITY HALL - MAYOR'S OFFICE; INT CITY HALL - PRESS ROOM
""")
# The family home when a production has no stage: a short film shoots it as a practical.
FAMILY_HOUSE = _complexes("""
    {home} HOUSE | | | INT {home} HOUSE - KITCHEN; INT {home} HOUSE - {child}'S BEDROOM
                       ; EXT {home} HOUSE - FRONT YARD
""")[0]
PRACTICALS = _complexes("""
    Rosie's Diner           |  |         | INT ROSIE'S DINER; EXT ROSIE'S DINER - PARKING LOT
    Pier 39 Marine Terminal |  | water   | EXT HARBOR DOCKS; INT WAREHOUSE 9
    Sunset Palms Motel      |  |         | EXT SUNSET PALMS MOTEL; INT SUNSET PALMS MOTEL - ROOM 12
    Route 18 turnout        |  | vehicle | EXT COUNTY ROAD; INT/EXT {lead0}'S CAR - MOVING
    The Anchor Bar          |  |         | INT THE ANCHOR BAR; EXT THE ANCHOR BAR - ALLEY
    Alder Street Park       |  |         | EXT ALDER STREET PARK - BANDSHELL
    St. Anselm Church       |  |         | INT ST. ANSELM CHURCH; EXT ST. ANSELM CHURCH - STEPS
    Lincoln High School     |  |         | INT LINCOLN HIGH - HALLWAY; EXT LINCOLN HIGH - STEPS
    Calder Tower            |  |         | EXT CALDER TOWER - ROOFTOP; INT CALDER TOWER - LOBBY
    Union Station           |  |         | INT UNION STATION - CONCOURSE; EXT UNION STATION
    Mercer Auto Body        |  | vehicle | INT MERCER AUTO BODY - GARAGE; EXT MERCER AUTO BODY
    Fifth Street alley      |  |         | EXT FIFTH STREET ALLEY
    Greenway Supermarket    |  |         | INT GREENWAY SUPERMARKET; EXT GREENWAY - LOADING BAY
    Beacon Hill Cemetery    |  |         | EXT BEACON HILL CEMETERY
    Palomar Hotel           |  |         | INT PALOMAR HOTEL - BALLROOM; INT PALOMAR HOTEL - SUITE
    Suds Laundromat         |  |         | INT SUDS LAUNDROMAT
    Riverside rail yard     |  |         | EXT RAIL YARD; INT SIGNAL BOX
    Harbor View Apartments  |  |         | EXT HARBOR VIEW APARTMENTS; INT HARBOR VIEW - STAIRWELL
    Kessler Gallery         |  |         | INT KESSLER GALLERY
    Van Owen airfield       |  |         | EXT AIRFIELD - TARMAC; INT AIRFIELD - HANGAR 3
    Municipal pool          |  | water   | EXT MUNICIPAL POOL
    Golden Lotus restaurant |  |         | INT GOLDEN LOTUS - DINING ROOM
                                         ; INT GOLDEN LOTUS - KITCHEN
""")
DISTANT_PRACTICALS = _complexes("""
    Pine Ridge State Forest | Big Bear | | EXT PINE RIDGE - TRAIL; EXT RANGER STATION
    Silver Lake cabin | Big Bear | water | INT LAKE CABIN; EXT LAKE CABIN - DOCK
    Dry Creek Ranch | Antelope Valley | | EXT DRY CREEK RANCH; INT RANCH HOUSE - KITCHEN
    Joshua Flats highway | Antelope Valley | vehicle | EXT DESERT HIGHWAY; EXT GAS STATION
    Point Calder lighthouse | Central Coast | | EXT LIGHTHOUSE - CLIFFS; INT LIGHTHOUSE
    Morro Sands motel | Central Coast | | INT MORRO SANDS MOTEL; EXT MORRO SANDS - POOL
    Owens Lake salt flats | Owens Valley | | EXT SALT FLATS
    Lone Pine trading post | Owens Valley | | INT TRADING POST; EXT TRADING POST - PORCH
""")
DISTANT_TOWNS = {
    "Big Bear": "Big Bear Lake",
    "Antelope Valley": "Lancaster",
    "Central Coast": "Morro Bay",
    "Owens Valley": "Lone Pine",
}


# ----- the calendar -----------------------------------------------------------------------------


def us_holidays(year: int) -> list[date]:
    """US federal holidays of ``year``, as observed (Saturday ones on Friday, Sunday on Monday)."""

    def nth_weekday(month: int, weekday: int, n: int) -> date:
        first = date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))

    def last_monday(month: int) -> date:
        day = date(year, month + 1, 1) - timedelta(days=1)
        return day - timedelta(days=day.weekday())

    fixed = [
        date(year, 1, 1),
        date(year, 6, 19),
        date(year, 7, 4),
        date(year, 11, 11),
        date(year, 12, 25),
    ]
    observed = [
        d - timedelta(days=1)
        if d.weekday() == 5
        else d + timedelta(days=1)
        if d.weekday() == 6
        else d
        for d in fixed
    ]
    floating = [
        nth_weekday(1, 0, 3),
        nth_weekday(2, 0, 3),
        last_monday(5),
        nth_weekday(9, 0, 1),
        nth_weekday(10, 0, 2),
        nth_weekday(11, 3, 4),
    ]
    return sorted(observed + floating)


# ----- the reference board ----------------------------------------------------------------------


@dataclass
class BoardDay:
    """One day of a reference board, or the k consecutive days of a multi-day scene.

    ``load`` is what the day rules see (``scheduler.day_rules``); ``locations`` keeps the order
    in which the day's locations came, for laying the days out.
    """

    scenes: list[Scene]
    locations: list[str]
    zone: str | None
    night: bool
    load: DayLoad
    length: int = 1

    @property
    def minutes(self) -> int:
        return self.load.scene_minutes


class BoardDealer:
    """Deals a production's scenes into shoot days by location, breaking no rule of a day.

    The rules kept: day hours (moves included), locations a day, zones, no split days, night
    turnaround, one DAWN and one DUSK scene a day, cast ``max_hours`` (minors), multi-day scenes
    alone on consecutive days.  A day holds scenes of one location and one time of day (DAY or
    NIGHT), filled up to the standard day; the scenes of days left less than half full are dealt
    again into any day of their zone with room, up to ``max_day_hours``.  Days are laid on the
    calendar zone by zone and location by location; night days are kept for the end of a week,
    so that the company turns round over the weekend.  Windows, availability, pins and
    continuity constraints are *not* consulted: the generator draws them around the board.
    """

    def __init__(self, production: Production) -> None:
        self.production = production
        self.rules = DayRules(production)
        self.capacity = production.settings.standard_day_minutes
        self.hard_cap = production.settings.max_day_minutes
        self.first_seen = {s.id: i for i, s in enumerate(production.scenes)}

    def board(self, spare_days: int = 0) -> Solution:
        """The reference board, with ``spare_days`` empty days spread evenly through it."""
        return self.place(self.order(self.pack()), spare_days)

    # ----- packing --------------------------------------------------------------------------

    def zone_of(self, scene: Scene) -> str | None:
        location = self.production.location_by_id.get(scene.location or "")
        return location.zone if location else None

    def new_day(self, scene: Scene) -> BoardDay:
        return BoardDay(
            scenes=[scene],
            locations=[scene.location] if scene.location else [],
            zone=self.zone_of(scene),
            night=scene.is_night,
            load=DayLoad().with_part(self.rules.part(scene, 0)),
            length=self.production.scene_days(scene),
        )

    def fits(self, day: BoardDay, other: BoardDay, cap: int | None = None) -> bool:
        """May the scenes of ``other`` join ``day``: one-day scenes of one light and one zone
        (the board's own way of dealing), keeping every rule of a day (``DayRules``)?"""
        if not (day.length == other.length == 1 and day.night == other.night
                and day.zone == other.zone):
            return False
        parts = [self.rules.part(scene, 0) for scene in other.scenes]
        return self.rules.may_add(day.load, parts, cap or self.capacity) is not None

    def join(self, day: BoardDay, other: BoardDay) -> None:
        day.scenes += other.scenes
        day.locations = list(dict.fromkeys(day.locations + other.locations))
        day.load = day.load.with_parts(self.rules.part(scene, 0) for scene in other.scenes)

    def pack(self) -> list[BoardDay]:
        """Days of one location and time of day, filled longest scene first (first-fit
        decreasing); then the scenes of days left less than half full are dealt again, zone by
        zone, into any day with room, which may make it a two-location day."""
        groups: dict[tuple[str, bool], list[Scene]] = {}
        for scene in self.production.scenes:
            groups.setdefault((scene.location or "", scene.is_night), []).append(scene)
        days: list[BoardDay] = []
        for scenes in groups.values():
            days += self.first_fit(scenes, [], self.capacity)
        loose = [s for d in days if self.is_thin(d) for s in d.scenes]
        days = [d for d in days if not self.is_thin(d)]
        by_zone: dict[tuple[str | None, bool], list[Scene]] = {}
        for scene in loose:
            by_zone.setdefault((self.zone_of(scene), scene.is_night), []).append(scene)
        for (zone, night), scenes in by_zone.items():
            same = [d for d in days if d.zone == zone and d.night == night]
            # The leftovers may run into overtime (up to max_day_hours) rather than take a day.
            days += self.first_fit(scenes, same, self.hard_cap)[len(same) :]
        return days

    def is_thin(self, day: BoardDay) -> bool:
        return day.length == 1 and day.minutes < self.capacity // 2

    def first_fit(self, scenes: list[Scene], days: list[BoardDay], cap: int) -> list[BoardDay]:
        """``days`` filled with ``scenes``, longest first, opening new days at the end."""
        days = list(days)
        longest_first = sorted(
            scenes, key=lambda s: (-self.production.scene_minutes(s), self.first_seen[s.id])
        )
        for scene in longest_first:
            single = self.new_day(scene)
            home = next((d for d in days if self.fits(d, single, cap)), None)
            if home is None:
                days.append(single)
            else:
                self.join(home, single)
        return days

    # ----- laying the days on the calendar ---------------------------------------------------

    def order(self, days: list[BoardDay]) -> list[BoardDay]:
        """Zone by zone, location by location (in order of first appearance), nights last."""
        zone_rank: dict[str | None, int] = {}
        location_rank: dict[str, int] = {}
        for scene in self.production.scenes:
            zone_rank.setdefault(self.zone_of(scene), len(zone_rank))
            location_rank.setdefault(scene.location or "", len(location_rank))

        def key(day: BoardDay) -> tuple[int, int, bool, int]:
            first = day.locations[0] if day.locations else ""
            return (
                zone_rank[day.zone],
                location_rank[first],
                day.night,
                min(self.first_seen[s.id] for s in day.scenes),
            )

        return sorted(days, key=key)

    def place(self, days: list[BoardDay], spare_days: int) -> Solution:
        """Lay the days on the calendar in order.  A run of night days starts only when the
        nights left reach the next date without shooting; where a day shoot would still follow
        a night shoot on the next date, the next night day comes forward instead, or, with no
        night day left, the date stays free."""
        calendar = self.production.calendar
        spares_before = [0] * len(days)
        for k in range(spare_days):
            spares_before[min(len(days) - 1, (k + 1) * len(days) // (spare_days + 1))] += 1
        waiting = list(days)
        start_day: dict[str, int] = {}
        night_days: set[int] = set()
        current, placed = 1, 0
        while waiting:
            current += spares_before[placed]
            spares_before[placed] = 0
            after_night = current - 1 in night_days and self._next_date(
                calendar, current - 1, current
            )
            day = waiting[0]
            if after_night and not day.night:
                day = next((d for d in waiting if d.night), day)
                if not day.night:
                    current += 1
                    continue
            elif day.night and not after_night:
                # Start a night run only when the nights left reach the next free date (the
                # weekend), so that the company flips back to days over the weekend.
                nights_left = sum(d.length for d in waiting if d.night)
                if nights_left < self._days_to_free_date(calendar, current):
                    day = next((d for d in waiting if not d.night), day)
            waiting.remove(day)
            last = current + day.length - 1
            if last > calendar.num_days:
                raise ValueError(
                    f"the reference board needs more than the calendar's "
                    f"{calendar.num_days} shoot days"
                )
            for scene in day.scenes:
                start_day[scene.id] = current
            if day.night:
                night_days.update(range(current, last + 1))
            current = last + 1
            placed += 1
        return Solution(start_day=start_day)

    @classmethod
    def _days_to_free_date(cls, calendar: ShootCalendar, day: int) -> int:
        """Shoot days from ``day`` to the last one before a date without shooting."""
        run = 1
        while cls._next_date(calendar, day + run - 1, day + run):
            run += 1
        return run

    @staticmethod
    def _next_date(calendar: ShootCalendar, day: int, next_day: int) -> bool:
        return next_day <= calendar.num_days and calendar.is_next_calendar_date(day, next_day)


def reference_board(production: Production, spare_days: int = 0) -> Solution:
    """A valid-by-construction board of ``production`` that ignores windows and constraints.

    Parameters
    ----------
    production
        The production; its calendar must be long enough for the board.
    spare_days
        Empty shoot days spread evenly through the board.

    Returns
    -------
    Solution
        Each scene's first shoot day.

    Raises
    ------
    ValueError
        When the calendar is too short for the board.
    """
    return BoardDealer(production).board(spare_days)


# ----- drafting a script ------------------------------------------------------------------------


@dataclass
class SetDraft:
    name: str  # "INT. ROSIE'S DINER"
    int_ext: IntExt
    location: str
    weight: float


@dataclass
class LocationDraft:
    id: str
    complexes: list[Complex]
    name: str
    address: str
    zone: str
    is_stage: bool
    daily_fee: int
    move_in_cost: int
    night_share: float
    sets: list[SetDraft] = field(default_factory=list)


@dataclass
class CastDraft:
    id: str
    name: str
    character: str
    tier: str  # lead, supporting, day, minor
    daily_rate: int
    first_name: str
    participation: float = 0.0
    span: tuple[int, int] = (0, 0)  # scene positions where a supporting player may appear
    homes: tuple[str, ...] = ()  # location ids where they are most often
    max_minutes: int | None = None
    drop_pickup: bool = False


@dataclass
class SceneDraft:
    id: str
    position: int
    episode: int
    set: SetDraft
    day_night: DayNight
    eighths: int
    story_day: str
    cast: list[str] = field(default_factory=list)
    extras: int = 0
    crew: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    est_minutes: int | None = None
    synopsis: str = ""
    earliest: date | None = None
    latest: date | None = None
    shoot_on: date | None = None

    @property
    def is_night(self) -> bool:
        return self.day_night is DayNight.NIGHT


@dataclass(frozen=True)
class GeneratedProduction:
    """A generated production and the reference board that proves it can be shot.

    In a planted production (``planted``) the reference board is the planted schedule: compact,
    with every window drawn tight around it, so its cost bounds the optimum from above.
    """

    production: Production
    reference: Solution
    planted: bool = False


class ProductionGenerator:
    """Drafts one synthetic production; every random draw comes from one seeded ``Random``."""

    def __init__(self, num_scenes: int, seed: int, kind: str, planted: bool = False) -> None:
        if kind not in PROFILES:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if num_scenes < 1:
            raise ValueError("num_scenes must be at least 1")
        self.num_scenes = num_scenes
        self.seed = seed
        self.kind = kind
        self.planted = planted
        self.tightness = TIGHT if planted else GENEROUS
        self.profile = PROFILES[kind]
        self.rng = random.Random(seed)
        self.episodes = (
            max(1, round(num_scenes / self.profile.scenes_per_episode))
            if self.profile.scenes_per_episode
            else 1
        )
        self.used_names: set[str] = set()
        self.locations: list[LocationDraft] = []
        self.cast: list[CastDraft] = []
        self.scenes: list[SceneDraft] = []
        self.crew: list[Resource] = []
        self.equipment: list[Resource] = []

    # ----- small helpers ------------------------------------------------------------------------

    def money(self, bounds: tuple[int, int], scale: float = 1.0, step: int = 50) -> int:
        """A rate drawn in ``bounds`` (times ``scale``), rounded as a producer would quote it."""
        low, high = bounds
        value = self.rng.uniform(low, high) * scale
        step = step if value >= 10 * step else max(5, step // 5)
        return max(step, round(value / step) * step)

    def person(self) -> str:
        """A performer's or crew member's name that nobody else in the production has."""
        for _ in range(1000):
            name = f"{self.rng.choice(PERFORMER_FIRST)} {self.rng.choice(PERFORMER_LAST)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise RuntimeError("ran out of invented names")

    def address(self, town: str) -> str:
        return (
            f"{self.rng.randint(100, 9899)} {self.rng.choice(STREETS)} "
            f"{self.rng.choice(STREET_KINDS)}, {town}"
        )

    def minutes_of(self, eighths: int) -> int:
        return round(eighths * self.standard_minutes / self.pages_per_day_eighths)

    # ----- the draft ----------------------------------------------------------------------------

    def generate(self) -> GeneratedProduction:
        """Draft the script, deal the reference board, size the calendar, draw the windows."""
        self.draft_settings()
        self.draft_cast()
        self.draft_locations()
        self.draft_scenes()
        self.draft_departments()
        draft = self.assemble(windows=False)
        reference = (
            self.calendar_with_slack(draft) if self.planted else self.calendar_at_capacity(draft)
        )
        self.reference_days = {
            s.id: list(
                range(reference.start_day[s.id], reference.start_day[s.id] + draft.scene_days(s))
            )
            for s in draft.scenes
        }
        self.calendar = draft.calendar
        self.board_days = sorted({d for days in self.reference_days.values() for d in days})
        self.draw_windows()
        self.draw_constraints()
        production = self.assemble(windows=True)
        return GeneratedProduction(production.check(), reference, self.planted)

    def calendar_at_capacity(self, draft: Production) -> Solution:
        """Shoot days for 75-85 % of capacity (never fewer than the compact board needs), and
        the reference board with some spare days spread through it."""
        total_minutes = sum(draft.scene_minutes(s) for s in draft.scenes)
        use = self.rng.uniform(*TARGET_CAPACITY_USE)
        target_days = math.ceil(total_minutes / (use * self.standard_minutes))
        compact = reference_board(draft)
        needed = self.wrap_day(draft, compact)
        self.num_days = max(target_days, needed)
        return self.spread_board(draft, needed)

    def calendar_with_slack(self, draft: Production) -> Solution:
        """The compact board is the planted schedule; the calendar runs 25-35 % past its wrap."""
        planted = reference_board(draft)
        slack = self.rng.uniform(*PLANTED_SLACK)
        self.num_days = math.ceil(self.wrap_day(draft, planted) * (1 + slack))
        return planted

    @staticmethod
    def wrap_day(draft: Production, board: Solution) -> int:
        return max(board.start_day[s.id] + draft.scene_days(s) - 1 for s in draft.scenes)

    def spread_board(self, draft: Production, needed: int) -> Solution:
        """The reference board with some of the calendar's spare days spread through it."""
        spare = int((self.num_days - needed) * SPARE_DAYS_IN_BOARD)
        while spare > 0:
            board = reference_board(draft, spare)
            if self.wrap_day(draft, board) <= self.num_days:
                return board
            spare //= 2
        return reference_board(draft)

    def draft_settings(self) -> None:
        profile, rng = self.profile, self.rng
        self.pages_per_day_eighths = round(rng.choice(profile.pages_per_day) * EIGHTHS_PER_PAGE)
        self.standard_minutes = rng.choice(profile.standard_day_hours) * MINUTES_PER_HOUR
        self.max_minutes = self.standard_minutes + MINUTES_PER_HOUR
        self.work_week = rng.choice(profile.work_weeks)
        holiday = rng.choice(
            [
                h
                for year in (2026, 2027)
                for h in us_holidays(year)
                if h.weekday() in self.work_week
            ]
        )
        weeks_estimate = max(1, self.num_scenes // (5 * len(self.work_week)))
        monday = holiday - timedelta(days=holiday.weekday())
        self.start_date = monday - timedelta(weeks=rng.randint(0, min(3, weeks_estimate)))
        if self.start_date == holiday:
            self.start_date -= timedelta(weeks=1)
        self.holidays = [
            h
            for year in (self.start_date.year, self.start_date.year + 1, self.start_date.year + 2)
            for h in us_holidays(year)
            if h >= self.start_date
        ]
        synthetic = "synthetic planted" if self.planted else "synthetic"
        self.title = (
            f"{rng.choice(TITLE_WORDS_A)} {rng.choice(TITLE_WORDS_B)} "
            f"({synthetic} {self.kind}, {self.num_scenes} scenes, seed {self.seed})"
        )
        self.crew_day_cost = self.money(profile.crew_day_cost, step=500)
        self.overtime_cost = self.money(profile.overtime_cost_per_hour, step=100)
        self.company_move_cost = self.money(profile.company_move_cost, step=100)
        self.use_end_date = self.kind == "short" or (self.kind == "feature" and rng.random() < 0.5)
        self.topics = rng.sample(TOPICS, 3)

    def draft_cast(self) -> None:
        n, profile, rng = self.num_scenes, self.profile, self.rng
        leads = {"short": 2, "feature": 3 if n < 150 else 4, "series": 5 if n < 300 else 6}
        participation = (0.75, 0.55, 0.45, 0.35, 0.3, 0.25)
        for index in range(leads[self.kind]):
            self.add_cast("lead", profile.lead_rate, participation[index])
        child_first = rng.choice(CHILD_FIRST)
        home = self.cast[0].character.split()[-1]
        self.used_names.add(f"{child_first} {home}")
        self.cast.append(
            CastDraft(
                id=str(len(self.cast) + 1),
                name=self.person(),
                character=f"{child_first} {home}",
                tier="minor",
                daily_rate=self.money(profile.minor_rate, step=25),
                first_name=child_first,
                max_minutes=5 * MINUTES_PER_HOUR,
            )
        )
        supporting = max(2, round(n / 15))
        for _ in range(supporting):
            member = self.add_cast("supporting", profile.supporting_rate, 0.0)
            length = rng.uniform(0.25, 0.7) * n
            first = rng.uniform(0, n - length)
            member.span = (int(first), int(first + length))
            member.drop_pickup = rng.random() < 0.3

    def add_cast(self, tier: str, rate: tuple[int, int], participation: float) -> CastDraft:
        if tier == "day":
            # Day players are mostly parts named by what they do: "Bartender", "Nurse #2".
            role = self.rng.choice(DAY_PLAYER_ROLES)
            repeats = sum(1 for m in self.cast if m.character.split(" #")[0] == role)
            character = f"{role} #{repeats + 1}" if repeats else role
            first = f"the {role.lower()}"
        else:
            # First names stay unique while they last, so that synopses name one person each.
            taken = {m.first_name for m in self.cast}
            unused = [f for f in CHARACTER_FIRST if f not in taken]
            first = self.rng.choice(unused or CHARACTER_FIRST)
            character = f"{first} {self.rng.choice(SURNAMES)}"
            first = first if unused else character
        member = CastDraft(
            id=str(len(self.cast) + 1),
            name=self.person(),
            character=character,
            tier=tier,
            daily_rate=self.money(rate, step=25 if rate[1] < 1_000 else 50),
            first_name=first,
            participation=participation,
        )
        self.cast.append(member)
        return member

    def draft_locations(self) -> None:
        n, rng = self.num_scenes, self.rng
        total = max(5, round(1.1 * math.sqrt(n)) + (self.episodes // 3))
        stages = 0 if self.kind == "short" else 1 + n // (150 if self.kind == "feature" else 120)
        distant = max(1, round(0.2 * (total - stages)))
        names = {
            "home": self.cast[0].character.split()[-1].upper(),
            "child": self.minor.first_name.upper(),
            "lead0": self.cast[0].first_name.upper(),
            "lead1": self.cast[1].first_name.upper(),
            "lead2": self.cast[min(2, len(self.cast) - 1)].first_name.upper(),
        }
        studio = rng.choice(STUDIO_NAMES)
        studio_address = self.address(rng.choice(NEAR_TOWNS))
        # Each stage houses two standing-set complexes; the family house is always on stage 1.
        standing = list(STANDING_SETS)
        for stage in range(min(stages, len(standing) // 2)):
            self.add_location(
                standing[2 * stage : 2 * stage + 2],
                f"Stage {stage + 1}, {studio}",
                studio_address,
                HOME_ZONE,
                True,
                names,
            )
        near = list(PRACTICALS)
        rng.shuffle(near)
        far = list(DISTANT_PRACTICALS)
        rng.shuffle(far)
        if stages == 0:
            near.insert(0, FAMILY_HOUSE)
        practicals = near[: total - stages - distant] + far[:distant]
        for complex_ in practicals:
            town = DISTANT_TOWNS.get(complex_.zone) or rng.choice(NEAR_TOWNS)
            name = complex_.name.format(**{k: v.title() for k, v in names.items()})
            self.add_location(
                [complex_], name, self.address(town), complex_.zone or HOME_ZONE, False, names
            )

    def add_location(
        self,
        complexes: list[Complex],
        name: str,
        address: str,
        zone: str,
        is_stage: bool,
        names: dict[str, str],
    ) -> None:
        profile = self.profile
        location = LocationDraft(
            id=f"L{len(self.locations) + 1:02d}",
            complexes=complexes,
            name=name,
            address=address,
            zone=zone,
            is_stage=is_stage,
            daily_fee=self.money(
                profile.stage_fee if is_stage else profile.practical_fee, step=50
            ),
            move_in_cost=self.money(profile.move_in_cost, step=100),
            night_share=self.night_share(complexes, is_stage),
        )
        weight = 2.5 if is_stage or FAMILY_HOUSE in complexes else 1.0
        sets = [item for complex_ in complexes for item in complex_.sets]
        for int_ext, set_name in sets:
            prefix = "INT./EXT." if int_ext == "INT/EXT" else f"{int_ext}."
            location.sets.append(
                SetDraft(
                    f"{prefix} {set_name.format(**names)}",
                    IntExt(int_ext),
                    location.id,
                    weight / len(sets) ** 0.5,
                )
            )
        self.locations.append(location)

    def night_share(self, complexes: list[Complex], is_stage: bool) -> float:
        """Share of a location's sequences set at night: scripts keep their nights to a few
        places (the docks, the bar, the road), so most locations see few or none."""
        exterior = any(int_ext != "INT" for c in complexes for int_ext, _ in c.sets)
        if is_stage:
            return 0.12
        if exterior and self.rng.random() < 0.5:
            return 0.45
        return 0.05

    @property
    def minor(self) -> CastDraft:
        return next(m for m in self.cast if m.tier == "minor")

    @property
    def family_home(self) -> str:
        return next(
            loc.id
            for loc in self.locations
            if any(c.name == "{home} HOUSE" for c in loc.complexes)
        )

    # ----- scenes -------------------------------------------------------------------------------

    def draft_scenes(self) -> None:
        per_episode = [
            self.num_scenes // self.episodes + (1 if e < self.num_scenes % self.episodes else 0)
            for e in range(self.episodes)
        ]
        stage_ids = [loc.id for loc in self.locations if loc.is_stage]
        practical_ids = [loc.id for loc in self.locations if not loc.is_stage]
        must_use = practical_ids + stage_ids
        for episode, quota in enumerate(per_episode, start=1):
            if self.episodes > 1:
                share = max(2, round(len(practical_ids) * 0.4))
                ep_practicals = self.rng.sample(practical_ids, min(share, len(practical_ids)))
            else:
                ep_practicals = practical_ids
            allowed = stage_ids + ep_practicals
            pending = [loc for loc in must_use if loc in allowed]
            self.rng.shuffle(pending)
            self.draft_episode(episode, quota, allowed, pending)
            must_use = [
                loc for loc in must_use if loc not in {s.set.location for s in self.scenes}
            ]
        self.draft_day_players()
        self.cast_scenes()
        self.shape_scenes()
        self.write_synopses()

    def draft_episode(
        self, episode: int, quota: int, allowed: list[str], pending: list[str]
    ) -> None:
        rng = self.rng
        story_day = 1
        count = 0
        sets = [s for loc in self.locations if loc.id in allowed for s in loc.sets]
        while count < quota:
            location_id = (
                pending.pop()
                if pending
                else rng.choices([s.location for s in sets], weights=[s.weight for s in sets])[0]
            )
            location_sets = self.location(location_id).sets
            length = min(quota - count, rng.choices((1, 2, 3, 4), weights=(35, 30, 20, 15))[0])
            if self.location(location_id).zone != HOME_ZONE:
                # A trip out of town is worth a few scenes, not one.
                length = min(quota - count, length + 2)
            night = rng.random() < self.location(location_id).night_share
            if rng.random() < 0.3:
                story_day += 1
            chosen = rng.choice(location_sets)
            for _ in range(length):
                if rng.random() < 0.35:
                    chosen = rng.choice(location_sets)
                day_night = DayNight.NIGHT if night else DayNight.DAY
                if not night and chosen.int_ext is not IntExt.INT and rng.random() < 0.08:
                    day_night = rng.choice((DayNight.DAWN, DayNight.DUSK))
                count += 1
                self.scenes.append(
                    SceneDraft(
                        id=self.scene_id(episode, count),
                        position=len(self.scenes),
                        episode=episode,
                        set=chosen,
                        day_night=day_night,
                        eighths=self.draw_eighths(),
                        story_day=self.story_day(episode, day_night, story_day),
                    )
                )

    def scene_id(self, episode: int, number: int) -> str:
        if self.episodes > 1:
            return f"{100 + episode}-{number}"
        # Scripts gain A-scenes in revisions: a few scenes keep the number before them.
        if self.scenes and self.rng.random() < 0.04 and self.scenes[-1].id.isdigit():
            return f"{self.scenes[-1].id}A"
        previous = (
            int("".join(ch for ch in self.scenes[-1].id if ch.isdigit())) if self.scenes else 0
        )
        return str(previous + 1)

    def story_day(self, episode: int, day_night: DayNight, number: int) -> str:
        mark = "N" if day_night is DayNight.NIGHT else "D"
        return f"Ep {100 + episode} {mark}{number}" if self.episodes > 1 else f"{mark}{number}"

    def draw_eighths(self) -> int:
        """Script length like real scripts: 1/8 to 5 pages, mostly under two pages."""
        band = self.rng.choices(
            ((1, 4), (5, 7), (8, 16), (17, 24), (25, 40)), weights=(22, 26, 38, 10, 4)
        )[0]
        return self.rng.randint(*band)

    def draft_day_players(self) -> None:
        """Day players work one to three neighbouring scenes, at one location."""
        count = max(3, round(self.num_scenes / 8))
        for _ in range(count):
            member = self.add_cast("day", self.profile.day_player_rate, 0.0)
            anchor = self.rng.randrange(len(self.scenes))
            location = self.scenes[anchor].set.location
            near = [
                s.position
                for s in self.scenes[max(0, anchor - 6) : anchor + 7]
                if s.set.location == location
            ]
            chosen = self.rng.sample(near, min(len(near), self.rng.choice((1, 1, 2, 2, 3))))
            member.span = (min(chosen), max(chosen))
            for position in chosen:
                self.scenes[position].cast.append(member.id)

    def cast_scenes(self) -> None:
        """Leads by their share of the script, supporting cast in clusters, the minor by day."""
        rng = self.rng
        for member in self.cast:
            if member.tier == "supporting":
                locations = sorted(
                    {s.set.location for s in self.scenes[member.span[0] : member.span[1] + 1]}
                )
                member.homes = tuple(rng.sample(locations, min(2, len(locations))))
        for scene in self.scenes:
            for member in self.cast:
                if member.tier == "lead":
                    chance = member.participation
                elif member.tier == "supporting":
                    inside = member.span[0] <= scene.position <= member.span[1]
                    chance = (0.55 if scene.set.location in member.homes else 0.1) if inside else 0
                elif member.tier == "minor":
                    chance = (
                        0
                        if scene.is_night
                        else (0.5 if scene.set.location == self.family_home else 0.04)
                    )
                else:
                    continue
                if rng.random() < chance and member.id not in scene.cast:
                    scene.cast.append(member.id)
            if not scene.cast and (scene.eighths > 3 or rng.random() < 0.5):
                scene.cast.append(self.cast[0].id)
        self.ensure_minimum_scenes()
        by_id = {m.id: int(m.id) for m in self.cast}
        for scene in self.scenes:
            scene.cast.sort(key=by_id.__getitem__)

    def ensure_minimum_scenes(self) -> None:
        """Every supporting player and the minor work at least three scenes."""
        for member in self.cast:
            if member.tier not in ("supporting", "minor"):
                continue
            have = [s for s in self.scenes if member.id in s.cast]
            if member.tier == "minor":
                pool = [
                    s
                    for s in self.scenes
                    if not s.is_night
                    and member.id not in s.cast
                    and s.set.location == self.family_home
                ] or [s for s in self.scenes if not s.is_night and member.id not in s.cast]
            else:
                pool = [
                    s
                    for s in self.scenes[member.span[0] : member.span[1] + 1]
                    if member.id not in s.cast
                ]
            for scene in self.rng.sample(pool, max(0, min(len(pool), 3 - len(have)))):
                scene.cast.append(member.id)

    def shape_scenes(self) -> None:
        """Extras, tags and the few scenes whose shooting time is not the pages pace."""
        rng = self.rng
        longest = int(LONGEST_SCENE_SHARE * self.standard_minutes)
        minor = self.minor
        for scene in self.scenes:
            exterior = scene.set.int_ext is not IntExt.INT
            scene.extras = (
                rng.choice((0, 0, 2, 4, 6, 8, 12)) if exterior else rng.choice((0, 0, 0, 2, 4, 6))
            )
            location = self.location(scene.set.location)
            for tag in (t for c in location.complexes for t in c.tags):
                if tag == "vehicle" and "CAR" not in scene.set.name and rng.random() < 0.6:
                    continue
                scene.tags.append(tag)
            if "CAR - MOVING" in scene.set.name:
                scene.tags.append("vehicle")
            if minor.id in scene.cast:
                scene.tags.append("minor")
                limit = int(0.8 * (minor.max_minutes or 0))
                while self.minutes_of(scene.eighths) > limit and scene.eighths > 1:
                    scene.eighths -= 1
            elif self.minutes_of(scene.eighths) > longest:
                # Long dialogue scenes on one set shoot faster than the pages pace.
                scene.est_minutes = _quarter_hour(
                    rng.uniform(0.6, LONGEST_SCENE_SHARE) * self.standard_minutes
                )
        self.mark_set_pieces()
        for scene in self.scenes:
            scene.tags = list(dict.fromkeys(scene.tags))

    def location(self, location_id: str) -> LocationDraft:
        return next(loc for loc in self.locations if loc.id == location_id)

    def mark_set_pieces(self) -> None:
        """Stunts, the multi-day action scene, crowds, an animal, VFX and rain."""
        rng, n = self.rng, self.num_scenes
        longest = int(LONGEST_SCENE_SHARE * self.standard_minutes)
        minor_id = self.minor.id
        exteriors = [
            s
            for s in self.scenes
            if s.set.int_ext is not IntExt.INT and minor_id not in s.cast and s.cast
        ]
        rng.shuffle(exteriors)
        multi_day = 1 if n >= 90 else 0
        multi_day += 1 if n >= 300 else 0
        for scene in exteriors[:multi_day]:
            scene.day_night = DayNight.DAY
            scene.story_day = scene.story_day.replace("N", "D")
            scene.eighths = rng.randint(24, 40)
            hours = rng.uniform(1.4, 2.6) * self.standard_minutes
            scene.est_minutes = max(_quarter_hour(hours), self.max_minutes + 30)
            scene.tags += ["stunt", "vehicle", "vfx"]
            scene.synopsis = "ACTION SEQUENCE: {a} races for the harbor; the chase ends in a crash"
        stunts = exteriors[multi_day : multi_day + 2 + n // 120]
        for scene in stunts:
            scene.tags.append("stunt")
            scene.est_minutes = min(longest, _quarter_hour(1.5 * self.minutes_of(scene.eighths)))
            scene.synopsis = rng.choice(STUNT_BEATS)
        rest = exteriors[multi_day + len(stunts) :]
        for scene in rest[: 1 + n // 200]:
            scene.extras = rng.randrange(60, 201, 10)
            scene.tags.append("crowd")
            scene.est_minutes = min(
                longest, _quarter_hour(1.3 * self.minutes_of(scene.eighths) + MINUTES_PER_HOUR)
            )
        for scene in rest[1 + n // 200 : 2 + n // 100]:
            scene.tags += ["sfx", "weather"]
            scene.synopsis = "In the rain: " + rng.choice(ONE_CHARACTER_BEATS)
        day_scenes = [
            s
            for s in self.scenes
            if not s.is_night
            and s.est_minutes is None
            and s.set.location in (self.family_home, self.scenes[0].set.location)
        ]
        for scene in rng.sample(day_scenes, min(len(day_scenes), 2 + n // 100)):
            scene.tags.append("animal")
        for scene in rng.sample(self.scenes, min(len(self.scenes), 1 + n // 60)):
            if scene.est_minutes is None:
                scene.tags.append("vfx")
        # A few quick inserts take longer than their pages suggest (a "oner", a tricky rig).
        for scene in rng.sample(self.scenes, min(len(self.scenes), 1 + n // 40)):
            if scene.est_minutes is None and minor_id not in scene.cast and scene.eighths <= 4:
                scene.est_minutes = _quarter_hour(2.5 * MINUTES_PER_HOUR)

    def write_synopses(self) -> None:
        rng = self.rng
        names = {m.id: m.first_name for m in self.cast}
        for scene in self.scenes:
            people = [names[c] for c in scene.cast]
            rng.shuffle(people)
            if scene.synopsis:
                text = scene.synopsis
            elif not people:
                text = rng.choice(EMPTY_BEATS)
            elif len(people) == 1:
                text = rng.choice(ONE_CHARACTER_BEATS)
            elif len(people) == 2:
                text = rng.choice(TWO_CHARACTER_BEATS)
            else:
                text = rng.choice(GROUP_BEATS)
            people += ["someone"] * 3
            set_words = scene.set.name.split(". ", 1)[-1].title()
            text = text.format(
                a=people[0],
                b=people[1],
                c=people[2],
                topic=rng.choice(self.topics),
                set=set_words,
            )
            text = text[0].upper() + text[1:] + "."
            scene.synopsis = f"Ep {100 + scene.episode}: {text}" if self.episodes > 1 else text

    # ----- crew and equipment -------------------------------------------------------------------

    def draft_departments(self) -> None:
        profile, rng = self.profile, self.rng
        scale = profile.money_scale
        self.crew = [
            Resource(
                id="DIR",
                name=self.person(),
                role="Director",
                daily_rate=self.money(profile.director_rate),
                every_day=True,
            ),
            Resource(
                id="DP",
                name=self.person(),
                role="Director of Photography",
                daily_rate=self.money(profile.dp_rate),
                every_day=True,
            ),
        ]
        for crew_id, role, tag, rate in SPECIALISTS:
            self.crew.append(
                Resource(
                    id=crew_id,
                    name=self.person(),
                    role=role,
                    daily_rate=self.money(rate, scale),
                    billing=Billing.DAY,
                )
            )
            for scene in self.scenes:
                if tag in scene.tags:
                    scene.crew.append(crew_id)
        self.equipment = [
            Resource(
                id="CRANE",
                name="Technocrane 30'",
                role="Camera crane",
                daily_rate=self.money((2_000, 3_500), scale),
                billing=Billing.SPAN,
            ),
            Resource(
                id="DRONE",
                name="Drone unit",
                role="Aerial camera",
                daily_rate=self.money((1_500, 2_500), scale),
                billing=Billing.DAY,
            ),
            Resource(
                id="CAR",
                name=f"Picture car: {rng.choice(PICTURE_CARS)}",
                role="Vehicle",
                daily_rate=self.money((350, 750), scale),
                billing=Billing.DAY,
            ),
        ]
        exteriors = [s for s in self.scenes if s.set.int_ext is not IntExt.INT]
        big = sorted(exteriors, key=lambda s: (-s.extras, s.position))
        for scene in big[: 2 + self.num_scenes // 100]:
            scene.equipment.append("CRANE")
        distant = [
            s
            for s in exteriors
            if not s.is_night and self.location(s.set.location).zone != HOME_ZONE
        ] or exteriors
        for scene in rng.sample(distant, min(len(distant), 1 + self.num_scenes // 100)):
            scene.equipment.append("DRONE")
        for scene in self.scenes:
            if "vehicle" in scene.tags:
                scene.equipment.append("CAR")
        for scene in self.scenes:
            scene.equipment = list(dict.fromkeys(scene.equipment))

    # ----- windows drawn around the reference board --------------------------------------------

    def date_of(self, day: int) -> date:
        return self.calendar.date_of(max(1, min(self.num_days, day)))

    def window(self, days: Sequence[int], margin: tuple[int, int], chance: float) -> Availability:
        """A window around ``days`` with a margin in shoot days, and a few unavailable dates on
        the days inside it that are not ``days``."""
        rng = self.rng
        if not days or rng.random() >= chance:
            return Availability()
        low = min(days) - rng.randint(*margin)
        high = max(days) + rng.randint(*margin)
        available_from = self.date_of(low) if low > 1 else None
        available_to = self.date_of(high) if high < self.num_days else None
        used = set(days)
        free = [d for d in range(max(1, low), min(self.num_days, high) + 1) if d not in used]
        unavailable: tuple[date, ...] = ()
        if free and rng.random() < self.tightness.unavailable_chance:
            count = rng.randint(*self.tightness.unavailable_dates)
            unavailable = tuple(
                sorted(self.date_of(d) for d in rng.sample(free, min(len(free), count)))
            )
        return Availability(
            available_from=available_from, available_to=available_to, unavailable=unavailable
        )

    def worked(self, scenes: Sequence[SceneDraft]) -> list[int]:
        """Reference shoot days of ``scenes``."""
        return sorted({d for s in scenes for d in self.reference_days[s.id]})

    def blockable_days(self) -> list[int]:
        """Days a blocked date may fall on: the board's shoot days when tight, else any day."""
        if self.tightness.blocks_on_board_days:
            return self.board_days
        return list(range(1, self.num_days + 1))

    def draw_windows(self) -> None:
        """Availability of cast, locations, crew and equipment around their reference days."""
        self.cast_windows = {m.id: self.cast_window(m) for m in self.cast}
        self.location_windows = {loc.id: self.location_window(loc) for loc in self.locations}
        self.crew = [self.resource_window(r, [s.crew for s in self.scenes]) for r in self.crew]
        self.equipment = [
            self.resource_window(r, [s.equipment for s in self.scenes]) for r in self.equipment
        ]
        self.director_of_photography_day_off()

    def cast_window(self, member: CastDraft) -> Availability:
        """Leads have dates elsewhere (a date or two, or several when tight); supporting cast,
        day players and the minor come for a window around their scenes."""
        days = self.worked([s for s in self.scenes if member.id in s.cast])
        tight = self.tightness
        if member.tier == "lead":
            others = [d for d in self.blockable_days() if d not in set(days)]
            count = self.rng.randint(*tight.lead_blocked_dates)
            picked = self.rng.sample(others, min(len(others), count))
            return Availability(unavailable=tuple(sorted(self.date_of(d) for d in picked)))
        if member.tier == "supporting":
            return self.window(days, tight.supporting_margin, tight.supporting_chance)
        if member.tier == "day":
            return self.window(days, tight.day_player_margin, tight.day_player_chance)
        return self.window(days, tight.minor_margin, tight.minor_chance)

    def location_window(self, location: LocationDraft) -> Availability:
        """Stages are always open; a practical is had for a window around its visits, with
        dates between visits when the owners need the place back."""
        if location.is_stage:
            return Availability()
        days = self.worked([s for s in self.scenes if s.set.location == location.id])
        return self.window(days, self.tightness.location_margin, self.tightness.location_chance)

    def resource_window(self, resource: Resource, needs: list[list[str]]) -> Resource:
        """Special crew and equipment are booked for a window around the days they work."""
        if resource.every_day:
            return resource
        days = self.worked(
            [s for s, ids in zip(self.scenes, needs, strict=True) if resource.id in ids]
        )
        window = self.window(days, self.tightness.resource_margin, self.tightness.resource_chance)
        return resource.model_copy(update={"availability": window})

    def director_of_photography_day_off(self) -> None:
        """The DP is needed every day; give them a prior commitment on a free day of the board."""
        wrap = max(d for days in self.reference_days.values() for d in days)
        busy = {d for days in self.reference_days.values() for d in days}
        empty = [d for d in range(2, wrap) if d not in busy]
        if empty and self.rng.random() < 0.6:
            day_off = Availability(unavailable=(self.date_of(self.rng.choice(empty)),))
            self.crew = [
                r.model_copy(update={"availability": day_off}) if r.id == "DP" else r
                for r in self.crew
            ]

    # ----- continuity constraints, pins and scene windows --------------------------------------

    def draw_constraints(self) -> None:
        """Pins, scene windows and continuity rules, each one kept by the reference board."""
        self.start = {s.id: self.reference_days[s.id][0] for s in self.scenes}
        self.single_day = [s for s in self.scenes if len(self.reference_days[s.id]) == 1]
        self.constrained: set[str] = set()
        self.constraints: list[SceneConstraint] = []
        self.pin_scenes()
        self.pin_one_date_scenes()
        self.window_scenes()
        self.before_rules()
        self.same_day_rules()
        self.consecutive_rules()
        self.different_day_rules()
        self.not_on_rules()

    def rule_count(self, scenes_per_rule: int) -> int:
        """How many scenes (or pairs) get a rule: one, and one more per ``scenes_per_rule``."""
        return 1 + self.num_scenes // scenes_per_rule

    def free(self) -> list[SceneDraft]:
        """Single-day scenes under no pin, window or rule yet (one rule per scene keeps the
        rules independent of each other)."""
        return [s for s in self.single_day if s.id not in self.constrained]

    def add_rule(
        self,
        kind: ConstraintKind,
        scenes: Sequence[SceneDraft],
        note: str,
        dates: tuple[date, ...] = (),
    ) -> None:
        if any(s.id in self.constrained for s in scenes):
            return
        self.constrained.update(s.id for s in scenes)
        self.constraints.append(
            SceneConstraint(kind=kind, scenes=tuple(s.id for s in scenes), dates=dates, note=note)
        )

    def pin_scenes(self) -> None:
        """Crowd scenes are pinned to their reference date: the street permit is for that day."""
        crowds = [s for s in self.free() if "crowd" in s.tags] or self.free()[-1:]
        for scene in crowds[: self.rule_count(self.tightness.scenes_per_pin)]:
            scene.shoot_on = self.date_of(self.start[scene.id])
            scene.synopsis += f" (Permit for {scene.shoot_on:%d %b} only.)"
            self.constrained.add(scene.id)

    def pin_one_date_scenes(self) -> None:
        """When tight, a few more scenes are pinned to their reference date: the place is had
        for that one day."""
        if not self.tightness.scenes_per_one_date_pin:
            return
        free = self.free()
        count = min(len(free), self.num_scenes // self.tightness.scenes_per_one_date_pin)
        for scene in self.rng.sample(free, count):
            scene.shoot_on = self.date_of(self.start[scene.id])
            scene.synopsis += f" (The set is ours on {scene.shoot_on:%d %b} only.)"
            self.constrained.add(scene.id)

    def window_scenes(self) -> None:
        """Some exteriors with an earliest or a latest date around their reference day."""
        exteriors = [s for s in self.free() if s.set.int_ext is not IntExt.INT]
        count = self.rule_count(self.tightness.scenes_per_scene_window)
        margin = self.tightness.scene_window_margin
        for scene in self.rng.sample(exteriors, min(len(exteriors), count)):
            if self.rng.random() < 0.5:
                scene.earliest = self.date_of(self.start[scene.id] - self.rng.randint(*margin))
                scene.synopsis += f" (Set build ready {scene.earliest:%d %b}.)"
            else:
                scene.latest = self.date_of(self.start[scene.id] + self.rng.randint(*margin))
                scene.synopsis += f" (Leaves still on the trees: by {scene.latest:%d %b}.)"
            self.constrained.add(scene.id)

    def before_rules(self) -> None:
        """A set redressed for later story days: the earlier scene goes first."""
        free = self.free()
        pairs = [
            (a, b)
            for a in free
            for b in free
            if a.position < b.position
            and a.set.name == b.set.name
            and self.start[a.id] < self.start[b.id]
        ]
        count = self.rule_count(self.tightness.scenes_per_before)
        for a, b in self.rng.sample(pairs, min(len(pairs), count)):
            self.add_rule(
                ConstraintKind.BEFORE,
                (a, b),
                f"{b.set.name} is redressed for later story days from scene {b.id}",
            )

    def scenes_by_day(self) -> dict[int, list[SceneDraft]]:
        by_day: dict[int, list[SceneDraft]] = {}
        for scene in self.free():
            by_day.setdefault(self.start[scene.id], []).append(scene)
        return dict(sorted(by_day.items()))

    def same_day_rules(self) -> None:
        """Two scenes the board shoots on one day share wardrobe and weather."""
        shared = [group for group in self.scenes_by_day().values() if len(group) >= 2]
        count = self.rule_count(self.tightness.scenes_per_same_day)
        for group in self.rng.sample(shared, min(len(shared), count)):
            self.add_rule(
                ConstraintKind.SAME_DAY,
                self.rng.sample(group, 2),
                "same wardrobe and weather: shoot together",
            )

    def consecutive_rules(self) -> None:
        """Two scenes of one actor on back-to-back board days carry the same make-up."""
        by_day = self.scenes_by_day()
        neighbours = [
            (a, b)
            for day, group in by_day.items()
            for a in group
            for b in by_day.get(day + 1, [])
            if set(a.cast) & set(b.cast)
        ]
        count = self.rule_count(self.tightness.scenes_per_consecutive)
        for a, b in self.rng.sample(neighbours, min(len(neighbours), count)):
            self.add_rule(
                ConstraintKind.CONSECUTIVE,
                (a, b),
                "bruise make-up carries over: shoot on back-to-back days",
            )

    def different_day_rules(self) -> None:
        """Two of the heaviest set-ups the board shoots on different days stay apart."""
        heavy = sorted(
            self.free(),
            key=lambda s: (-(s.est_minutes or self.minutes_of(s.eighths)), s.position),
        )[:12]
        apart = [
            (a, b)
            for a in heavy
            for b in heavy
            if a.position < b.position and self.start[a.id] != self.start[b.id]
        ]
        count = self.rule_count(self.tightness.scenes_per_different_day)
        for a, b in self.rng.sample(apart, min(len(apart), count)):
            self.add_rule(
                ConstraintKind.DIFFERENT_DAY, (a, b), "two heavy set-ups: not on the same day"
            )

    def not_on_rules(self) -> None:
        """A practical open to the public on dates the board does not shoot the scene there
        (when tight, dates close to its board day)."""
        practical = [s for s in self.free() if not self.location(s.set.location).is_stage]
        count = self.rule_count(self.tightness.scenes_per_not_on)
        reach = self.tightness.not_on_reach
        for scene in self.rng.sample(practical, min(len(practical), count)):
            start = self.start[scene.id]
            others = [
                d
                for d in self.blockable_days()
                if d != start and (not reach or abs(d - start) <= reach)
            ]
            if not others:
                continue
            picked = self.rng.sample(others, min(2, len(others)))
            dates = tuple(sorted(self.date_of(d) for d in picked))
            location = self.location(scene.set.location)
            self.add_rule(
                ConstraintKind.NOT_ON,
                (scene,),
                f"{location.name} is open to the public on these dates",
                dates,
            )

    # ----- the production -----------------------------------------------------------------------

    def assemble(self, windows: bool) -> Production:
        """The production; without windows, a draft with a calendar long enough for any board."""
        settings = Settings(
            title=self.title,
            start_date=self.start_date,
            end_date=self.end_date() if windows and self.use_end_date else None,
            max_shoot_days=self.num_days
            if windows and not self.use_end_date
            else (None if windows else 3 * len(self.scenes) + 30),
            work_week=self.work_week,
            holidays=tuple(h for h in self.holidays if not windows or h <= self.end_date()),
            standard_day_minutes=self.standard_minutes,
            max_day_minutes=self.max_minutes,
            overtime_cost_per_hour=self.overtime_cost,
            pages_per_day_eighths=self.pages_per_day_eighths,
            crew_day_cost=self.crew_day_cost,
            company_move_cost=self.company_move_cost,
            time_limit_s=float(
                30 if self.num_scenes < 60 else 60 if self.num_scenes < 200 else 120
            ),
        )
        scenes = tuple(
            Scene(
                id=s.id,
                int_ext=s.set.int_ext,
                day_night=s.day_night,
                set_name=s.set.name,
                location=s.set.location,
                eighths=s.eighths,
                est_minutes=s.est_minutes,
                cast=tuple(s.cast),
                extras=s.extras,
                crew=tuple(s.crew),
                equipment=tuple(s.equipment),
                tags=tuple(s.tags),
                earliest=s.earliest,
                latest=s.latest,
                shoot_on=s.shoot_on,
                synopsis=s.synopsis,
                story_day=s.story_day,
            )
            for s in self.scenes
        )
        cast = tuple(
            CastMember(
                id=m.id,
                name=m.name,
                character=m.character,
                daily_rate=m.daily_rate,
                availability=self.cast_windows[m.id] if windows else Availability(),
                drop_pickup=m.drop_pickup,
                minor=m.tier == "minor",
                max_minutes=m.max_minutes,
            )
            for m in self.cast
        )
        locations = tuple(
            Location(
                id=loc.id,
                name=loc.name,
                address=loc.address,
                daily_fee=loc.daily_fee,
                move_in_cost=loc.move_in_cost,
                zone=loc.zone,
                availability=self.location_windows[loc.id] if windows else Availability(),
            )
            for loc in self.locations
        )
        return Production(
            settings=settings,
            scenes=scenes,
            cast=cast,
            locations=locations,
            crew=tuple(self.crew),
            equipment=tuple(self.equipment),
            constraints=tuple(self.constraints) if windows else (),
        )

    def end_date(self) -> date:
        return self.calendar.date_of(self.num_days)


def _quarter_hour(minutes: float) -> int:
    """Round to whole quarter hours, as a 1st AD estimates."""
    return max(15, round(minutes / 15) * 15)


def generate(
    num_scenes: int, seed: int, kind: str = "feature", planted: bool = False
) -> GeneratedProduction:
    """A synthetic production and the reference board that proves it feasible.

    Parameters
    ----------
    num_scenes
        Number of scenes (any size from a handful to several hundred).
    seed
        Seed of every random draw: the same seed gives the same production.
    kind
        ``"feature"``, ``"series"`` (episodes cross-boarded, Mon-Fri) or ``"short"``.
    planted
        Plant a compact schedule and draw tight windows around it, on a calendar 25-35 %
        longer than it (see the module docstring); otherwise generous windows around a board
        with spare days, on a calendar at 75-85 % of capacity.

    Returns
    -------
    GeneratedProduction
        The checked production and its reference board (the planted schedule when
        ``planted``).
    """
    return ProductionGenerator(num_scenes, seed, kind, planted).generate()


def generate_planted(num_scenes: int, seed: int, kind: str = "feature") -> GeneratedProduction:
    """A planted production: ``generate(num_scenes, seed, kind, planted=True)``.

    ``validate(result.production, result.reference)`` is empty by construction, so the planted
    schedule's cost is an upper bound on the optimum.
    """
    return generate(num_scenes, seed, kind, planted=True)


def generate_production(num_scenes: int, seed: int, kind: str = "feature") -> Production:
    """A synthetic, checked production; see ``generate`` for the parameters."""
    return generate(num_scenes, seed, kind).production


# ----- facts for reports ------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Size facts of a production: shoot days, pages, estimated hours and capacity use."""

    scenes: int
    shoot_days: int
    eighths: int
    estimated_minutes: int
    capacity_minutes: int

    @property
    def capacity_use(self) -> float:
        return self.estimated_minutes / self.capacity_minutes if self.capacity_minutes else 0.0

    def describe(self) -> str:
        pages, rest = divmod(self.eighths, EIGHTHS_PER_PAGE)
        fraction = f" {rest}/8" if rest else ""
        return (
            f"{self.scenes} scenes, {pages}{fraction} pages, "
            f"{self.estimated_minutes / 60:.1f} h estimated, {self.shoot_days} shoot days "
            f"({self.capacity_minutes / 60:.0f} standard hours): "
            f"{100 * self.capacity_use:.0f} % of capacity"
        )


def summarize(production: Production) -> Summary:
    """Shoot days, pages, estimated hours and the share of the standard hours they fill."""
    days = production.calendar.num_days
    return Summary(
        scenes=len(production.scenes),
        shoot_days=days,
        eighths=sum(s.eighths for s in production.scenes),
        estimated_minutes=sum(production.scene_minutes(s) for s in production.scenes),
        capacity_minutes=days * production.settings.standard_day_minutes,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m benchmarks.generator --scenes N --seed S [--kind K] [--planted] -o OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, required=True, help="number of scenes")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--kind", choices=KINDS, default="feature")
    parser.add_argument(
        "--planted", action="store_true", help="tight windows around a planted schedule"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="workbook to write")
    args = parser.parse_args(argv)
    from scheduler.excel.breakdown import write_breakdown

    production = generate(args.scenes, args.seed, args.kind, args.planted).production
    write_breakdown(production, args.output)
    print(f"{args.output}: {production.settings.title}: {summarize(production).describe()}")


if __name__ == "__main__":
    main()
