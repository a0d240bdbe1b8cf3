"""Invented names for synthetic productions: characters, performers, titles, streets, story
beats, and the sets of studio complexes and practical locations.

Nothing here comes from a real production.
"""

from __future__ import annotations

from dataclasses import dataclass


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
