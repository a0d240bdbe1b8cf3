"""Build the two example productions and write them as breakdown workbooks.

Both are invented (no real production, person or address): ``short_film.xlsx`` ("The Last
Ferry", 30 scenes in two weeks) and ``indie_feature.xlsx`` ("Second Helpings", 90 scenes in
four six-day weeks).  Every scene, person and place is written out below by hand; the dates of
the availability windows, pins and continuity rules were chosen so that the reference board of
``benchmarks.generator.reference_board`` (a conventional board dealt by location) keeps every
rule: each example can be shot, with room to do better.

Run ``uv run python examples/make_examples.py`` to rewrite both workbooks.  The output is
deterministic.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from benchmarks.generator import summarize
from scheduler.data import (
    EIGHTHS_PER_PAGE,
    MINUTES_PER_HOUR,
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
from scheduler.excel.breakdown import write_breakdown

EXAMPLES_DIR = Path(__file__).resolve().parent
SHORT_FILM_PATH = EXAMPLES_DIR / "short_film.xlsx"
INDIE_FEATURE_PATH = EXAMPLES_DIR / "indie_feature.xlsx"


# ----- reading the hand-written tables -----------------------------------------------------------


def eighths(pages: str) -> int:
    """Script length in eighths of a page: ``"1 3/8"`` -> 11, ``"5/8"`` -> 5, ``"2"`` -> 16."""
    total = 0
    for part in pages.split():
        numerator, slash, denominator = part.partition("/")
        if slash and denominator != str(EIGHTHS_PER_PAGE):
            raise ValueError(f"pages {pages!r}: write fractions in eighths")
        total += int(numerator) if slash else int(numerator) * EIGHTHS_PER_PAGE
    return total


def _items(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _int_ext(set_name: str) -> IntExt:
    if set_name.startswith("INT./EXT."):
        return IntExt.INT_EXT
    return IntExt.EXT if set_name.startswith("EXT.") else IntExt.INT


# Special crew called by a scene's tags: the studio teacher whenever a minor works (the tag
# ``minor`` follows from the cast), the stunt coordinator for stunts, and so on.
CREW_FOR_TAG = {"stunt": "STUNT", "minor": "TEACHER", "animal": "WRANGLER", "sfx": "SFX"}


def scenes_from_table(table: str, crew_ids: set[str], minors: set[str]) -> tuple[Scene, ...]:
    """Scenes from ``scene | D/N | set | location | pages | hours | cast | extras | equipment |
    tags`` rows, each followed by ``story day | synopsis`` on indented lines.  ``hours``
    (optional) overrides the pages pace; the special crew follows from the tags."""
    rows: list[tuple[list[str], str]] = []
    for line in table.strip("\n").splitlines():
        if line.lstrip().startswith("#"):
            continue
        if line[:1].isspace():
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {line.strip()}".strip())
        else:
            rows.append(([cell.strip() for cell in line.split("|")], ""))
    scenes = []
    for cells, more in rows:
        scene_id, light, set_name, location, pages, hours, cast, extras, equipment, tags = cells
        story_day, _, synopsis = (part.strip() for part in more.partition("|"))
        tag_list = _items(tags)
        if minors & set(_items(cast)):
            tag_list += ("minor",)
        scenes.append(
            Scene(
                id=scene_id,
                int_ext=_int_ext(set_name),
                day_night=DayNight(light),
                set_name=set_name,
                location=location,
                eighths=eighths(pages),
                est_minutes=round(float(hours) * MINUTES_PER_HOUR) if hours else None,
                cast=_items(cast),
                extras=int(extras or 0),
                crew=tuple(
                    CREW_FOR_TAG[tag] for tag in tag_list if CREW_FOR_TAG.get(tag) in crew_ids
                ),
                equipment=_items(equipment),
                tags=tag_list,
                story_day=story_day,
                synopsis=synopsis,
            )
        )
    return tuple(scenes)


def _with_dates(scenes: tuple[Scene, ...], **changes: dict[str, date]) -> tuple[Scene, ...]:
    """Scenes with ``earliest``, ``latest`` or ``shoot_on`` set for the listed scene ids."""
    updated = []
    for scene in scenes:
        fields = {name: by_id[scene.id] for name, by_id in changes.items() if scene.id in by_id}
        updated.append(scene.model_copy(update=fields) if fields else scene)
    return tuple(updated)


def _dates(*texts: str) -> tuple[date, ...]:
    return tuple(sorted(date.fromisoformat(text) for text in texts))


# ----- "The Last Ferry": a short film ------------------------------------------------------------

SHORT_FILM_SCENES = """
# scene | D/N | set | location | pages | hours | cast | extras | equipment | tags
#     story day | synopsis
1  | DAWN | EXT. FERRY DOCK | DOCK | 3/8 | | 1 | | |
    D1 | The old ferry MAUD idles in the fog. Cal walks the gangway with his toolbox.
2  | DAY | INT. MAUD - ENGINE ROOM | DOCK | 1 4/8 | | 1, 4 | | |
    D1 | Cal coaxes the diesel to life. Teddy tells him the Maud has one month left.
3  | DAY | INT. HALVORSEN HOUSE - KITCHEN | HOUSE | 5/8 | | 2 | | | animal
    D1 | Pip makes her own breakfast and shares it with Skipper. A note from Cal on the fridge.
4  | DAY | INT. GANNET BAY SCHOOL - CLASSROOM | SCHOOL | 1 1/8 | | 2, 5 | 18 | |
    D1 | Ms. Amundsen asks for an essay on "a place that will be gone". Pip writes: the Maud.
5  | DAY | EXT. GANNET BAY SCHOOL - YARD | SCHOOL | 4/8 | | 3 | 12 | |
    D1 | Maren waits at the gate with the engine running. Pip never comes out.
6  | DAY | INT. GULL'S NEST DINER | DINER | 1 6/8 | | 1, 3, 7 | 6 | |
    D1 | Maren tells Cal she is taking Pip to the mainland. Dot keeps refilling the coffee.
7  | DAY | INT./EXT. CAL'S PICKUP - MOVING | ROAD | 3/8 | 1.5 | 1 | | TRUCK | vehicle
    D1 | Cal drives home in silence; the shipping forecast on the radio.
8  | DUSK | EXT. HALVORSEN HOUSE - PORCH | HOUSE | 1 2/8 | | 1, 2 | | | animal
    D1 | Cal finds Pip and Skipper on the porch steps. She already knows.
9  | NIGHT | INT. HALVORSEN HOUSE - KITCHEN | HOUSE | 1 | | 1 | | |
    N1 | Cal argues with Maren on the phone, keeping his voice down for the girl upstairs.
10 | DAY | INT. HALVORSEN HOUSE - PIP'S BEDROOM | HOUSE | 4/8 | | 2 | | |
    D2 | Pip packs a backpack: flashlight, a chart of the crossing, dog biscuits.
11 | DAY | INT. MAUD - ENGINE ROOM | DOCK | 2/8 | | 2 | | |
    D2 | Pip slips aboard and hides behind the fuel tanks.
12 | DAY | EXT. MAUD - DECK | DOCK | 6/8 | | 1, 4 | 20 | |
    D2 | Teddy counts the passengers aboard; Cal casts off.
13 | DAY | INT. MAUD - ENGINE ROOM | DOCK | 1 3/8 | | 1, 2 | | |
    D2 | The engine coughs. Cal finds Pip among the tanks. A furious whisper of an argument.
14 | DAY | EXT. MAUD - DECK | DOCK | 1 2/8 | | 1, 2 | 8 | |
    D2 | Father and daughter watch the island shrink. Their first honest talk in a year.
15 | DAY | EXT. FERRY DOCK | DOCK | 7/8 | | 3, 6 | 4 | |
    D2 | Maren reaches the dock; the ferry has gone. Deputy Ruiz takes her statement.
16 | DAY | INT. GULL'S NEST DINER | DINER | 4/8 | | 3, 7 | 4 | |
    D2 | Dot phones the harbourmaster for Maren: the Maud is overdue.
17 | DAY | EXT. COAST ROAD | ROAD | 2/8 | 1 | 3, 6 | | TRUCK | vehicle
    D2 | Maren speeds along the coast road toward Cape Wren, Ruiz's cruiser behind her.
18 | NIGHT | INT. MAUD - ENGINE ROOM | DOCK | 1 2/8 | | 1 | | RAIN | sfx
    N2 | The engine dies. Water in the bilge. Cal works by flashlight.
19 | NIGHT | EXT. MAUD - DECK | DOCK | 1 | 3 | 1, 4 | | RAIN | sfx, weather, stunt
    N2 | The storm hits. Teddy radios for help; Cal fires a flare and is thrown against the
    rail.
20 | NIGHT | EXT. CAPE WREN LIGHTHOUSE - CLIFFTOP | LIGHT | 6/8 | | 3, 6 | | | weather
    N2 | From the cliff, Maren and Ruiz see the flare far out at sea.
21 | NIGHT | INT. CAPE WREN LIGHTHOUSE - LAMP ROOM | LIGHT | 1 1/8 | | 3, 6 | | |
    N2 | Ruiz gets the old lamp turning to guide the Maud in.
22 | NIGHT | EXT. CAPE WREN LIGHTHOUSE - CLIFFTOP | LIGHT | 3/8 | | 3 | | DRONE |
    N2 | Maren alone at the rail as the beam sweeps the water: a light answers.
23 | NIGHT | EXT. FERRY DOCK | DOCK | 1 1/8 | 4 | 1, 4 | 6 | | stunt, water
    N2 | Tying off in the swell, Cal slips from the gangway into the harbour. Teddy hauls him
    out.
24 | NIGHT | EXT. FERRY DOCK | DOCK | 1 2/8 | | 1, 3, 4, 6 | 10 | |
    N2 | Cal in a blanket; Maren arrives. A truce on the wet planks.
25 | DAWN | EXT. MAUD - DECK | DOCK | 3/8 | | 2 | | |
    D3 | Pip wakes on deck under Cal's coat as the tug brings the Maud home.
26 | DAY | INT. HALVORSEN HOUSE - KITCHEN | HOUSE | 1 2/8 | | 1, 2, 3 | | | animal
    D3 | Breakfast: Cal, Maren and Pip at one table for the first time in years.
27 | DAY | INT. GANNET BAY SCHOOL - CLASSROOM | SCHOOL | 1 | | 2, 5 | 18 | |
    D4 | Pip reads her essay aloud. Ms. Amundsen does not interrupt.
28 | DAY | EXT. COAST ROAD - BLUFF | ROAD | 4/8 | | 1, 2 | | DRONE |
    D4 | Cal and Pip fly a kite on the bluff above the harbour.
29 | DAY | INT. MAUD - ENGINE ROOM | DOCK | 4/8 | | 1 | | |
    D5 | Cal unscrews the brass builder's plate from the engine as a keepsake.
30 | DUSK | EXT. MAUD - DECK | DOCK | 1 2/8 | 2.5 | 1, 2, 3, 4, 7 | 45 | JIB | crowd
    D5 | The Maud's last crossing with the whole town aboard. Teddy rings the bell one last
    time.
"""


def short_film() -> Production:
    """ "The Last Ferry": 30 scenes, two weeks (Mon-Fri, Memorial Day off), a minor, six
    locations (one out of town), night exteriors, a stunt night and a few continuity rules."""
    crew = (
        Resource(id="DIR", name="Ines Albescu", role="Director", daily_rate=450, every_day=True),
        Resource(
            id="DP",
            name="Kofi Arendt",
            role="Director of Photography",
            daily_rate=550,
            every_day=True,
        ),
        Resource(
            id="STUNT",
            name="Brody Vance",
            role="Stunt coordinator",
            daily_rate=650,
            availability=Availability(available_from=date(2026, 5, 20)),
        ),
        Resource(id="TEACHER", name="Alma Reyes", role="Studio teacher", daily_rate=350),
        Resource(
            id="WRANGLER",
            name="Hal Fenner",
            role="Animal trainer (Skipper, a terrier)",
            daily_rate=300,
        ),
    )
    equipment = (
        Resource(
            id="TRUCK", name="Picture car: Cal's 1979 Ford pickup", role="Vehicle", daily_rate=150
        ),
        Resource(
            id="DRONE",
            name="Drone and pilot",
            role="Aerial camera",
            daily_rate=600,
            availability=Availability(unavailable=_dates("2026-05-27")),
        ),
        Resource(
            id="JIB", name="Jib arm 18'", role="Camera crane", daily_rate=200, billing=Billing.SPAN
        ),
        Resource(
            id="RAIN", name="Rain towers and wind machine", role="Special effects", daily_rate=450
        ),
    )
    cast = (
        CastMember(id="1", name="Tomas Reyne", character="Cal Halvorsen", daily_rate=450),
        CastMember(
            id="2",
            name="Ellie Marchetti",
            character="Pip Halvorsen (11)",
            daily_rate=250,
            minor=True,
            max_minutes=5 * MINUTES_PER_HOUR,
        ),
        CastMember(id="3", name="Dana Whitcombe", character="Maren Holt", daily_rate=350),
        CastMember(
            id="4",
            name="Hollis Greer",
            character="Captain Teddy Brask",
            daily_rate=350,
            availability=Availability(available_to=date(2026, 5, 28)),
        ),
        CastMember(
            id="5",
            name="June Okoro",
            character="Ms. Amundsen",
            daily_rate=175,
            availability=Availability(available_from=date(2026, 5, 26)),
        ),
        CastMember(id="6", name="Marco Ilves", character="Deputy Sam Ruiz", daily_rate=175),
        CastMember(
            id="7",
            name="Rae Lindgren",
            character="Dot",
            daily_rate=150,
            availability=Availability(unavailable=_dates("2026-05-21")),
        ),
    )
    locations = (
        Location(
            id="HOUSE",
            name="Halvorsen house",
            address="14 Gull Lane, Gannet Bay",
            daily_fee=400,
            move_in_cost=300,
            zone="Gannet Bay",
        ),
        Location(
            id="DOCK",
            name="Gannet Bay ferry terminal and the MV Maud",
            address="Pier 2, Harbor Road, Gannet Bay",
            daily_fee=750,
            move_in_cost=500,
            zone="Gannet Bay",
        ),
        Location(
            id="DINER",
            name="The Gull's Nest",
            address="220 Front Street, Gannet Bay",
            daily_fee=350,
            move_in_cost=200,
            zone="Gannet Bay",
            availability=Availability(
                unavailable=_dates("2026-05-18", "2026-05-19", "2026-05-20")
            ),
        ),
        Location(
            id="ROAD",
            name="Coast road turnout and bluff",
            address="Highway 1, mile 14, north of Gannet Bay",
            daily_fee=250,
            move_in_cost=400,
            zone="Gannet Bay",
        ),
        Location(
            id="SCHOOL",
            name="Gannet Bay Elementary",
            address="9 School Street, Gannet Bay",
            daily_fee=300,
            move_in_cost=150,
            zone="Gannet Bay",
            availability=Availability(available_from=date(2026, 5, 26)),
        ),
        Location(
            id="LIGHT",
            name="Cape Wren lighthouse",
            address="Lighthouse Road, Cape Wren",
            daily_fee=500,
            move_in_cost=800,
            zone="Cape Wren",
        ),
    )
    scenes = scenes_from_table(
        SHORT_FILM_SCENES, {r.id for r in crew}, {m.id for m in cast if m.minor}
    )
    # The ferry company charters the Maud to us, with its passengers, for one evening only.
    scenes = _with_dates(scenes, shoot_on={"30": date(2026, 5, 28)})
    constraints = (
        SceneConstraint(
            kind=ConstraintKind.BEFORE,
            scenes=("14", "19"),
            note="the deck rail breaks in the storm (19): shoot the calm crossing "
            "on the intact deck first",
        ),
        SceneConstraint(
            kind=ConstraintKind.CONSECUTIVE,
            scenes=("18", "19"),
            note="the rain rig stays rigged on the Maud two nights running",
        ),
        SceneConstraint(
            kind=ConstraintKind.SAME_DAY,
            scenes=("20", "21"),
            note="one night at Cape Wren: the keeper lets us in once",
        ),
        SceneConstraint(
            kind=ConstraintKind.DIFFERENT_DAY,
            scenes=("19", "23"),
            note="two stunts for Tomas: not on the same night",
        ),
        SceneConstraint(
            kind=ConstraintKind.NOT_ON,
            scenes=("6", "16"),
            dates=_dates("2026-05-22"),
            note="Friday fish fry at the Gull's Nest",
        ),
    )
    settings = Settings(
        title="The Last Ferry",
        start_date=date(2026, 5, 18),
        end_date=date(2026, 5, 29),
        work_week=(0, 1, 2, 3, 4),
        holidays=_dates("2026-05-25"),
        standard_day_minutes=10 * MINUTES_PER_HOUR,
        max_day_minutes=12 * MINUTES_PER_HOUR,
        overtime_cost_per_hour=450,
        pages_per_day_eighths=4 * EIGHTHS_PER_PAGE,
        crew_day_cost=4_500,
        company_move_cost=600,
        time_limit_s=30.0,
    )
    return Production(
        settings=settings,
        scenes=scenes,
        cast=cast,
        locations=locations,
        crew=crew,
        equipment=equipment,
        constraints=constraints,
    ).check()


# ----- "Second Helpings": an indie feature -------------------------------------------------------

INDIE_FEATURE_SCENES = """
# scene | D/N | set | location | pages | hours | cast | extras | equipment | tags
#     story day | synopsis
1  | DAWN | EXT. COUNTY ROAD 9 | ROAD | 3/8 | | 2 | | CAR | vehicle
    D1 | A dented Pontiac on an empty road; a small shape asleep against the window.
2  | DAY | INT./EXT. DANNY'S CAR - MOVING | ROAD | 1 1/8 | | 2, 3 | | CAR | vehicle
    D1 | Rosie wakes and asks if Grandma knows they are coming. Danny doesn't answer.
3  | DAY | INT. DOYLE'S DINER | DINER | 1 4/8 | | 1, 4, 15 | 14 | |
    D1 | Breakfast rush. Margaret runs the counter; Haskins complains about the coffee.
4  | DAY | INT. DOYLE'S DINER - KITCHEN | DINER | 1 | | 1, 4 | | |
    D1 | Louise shows Margaret the overdue notice from the bank.
5  | DAY | EXT. MAIN STREET | MAIN | 4/8 | | 2, 3 | 8 | CAR | vehicle
    D1 | Danny parks outside the diner, under the FOR SALE sign of the hardware store.
6  | DAY | INT. DOYLE'S DINER | DINER | 1 4/8 | | 1, 2, 3, 4, 15 | 12 | |
    D1 | Danny walks in after six years. The room goes quiet. Margaret pours him coffee without
    a word.
7  | DAY | EXT. DOYLE'S DINER | DINER | 1 3/8 | | 1, 2 | | |
    D1 | By the dumpsters out back: "How long?" "A few weeks."
8  | DAY | INT. MARGARET'S KITCHEN | HOUSE | 1 2/8 | | 1, 3 | | | animal
    D1 | Rosie meets Biscuit the dog. Margaret pretends not to be moved.
9  | DAY | INT. MARGARET'S HOUSE - DANNY'S OLD ROOM | HOUSE | 4/8 | | 2 | | |
    D1 | Danny finds his teenage room exactly as he left it.
10 | NIGHT | INT. MARGARET'S KITCHEN | HOUSE | 1 5/8 | | 1, 2 | | |
    N1 | Supper in silence. The radio talks about rain upstream.
11 | NIGHT | EXT. MARGARET'S HOUSE - BACK PORCH | HOUSE | 1 1/8 | | 1, 2 | | |
    N1 | Danny smokes on the steps. Margaret tells him Grace has called her twice.
12 | DAY | INT. KESTREL PROPERTIES - OFFICE | CITY | 1 4/8 | | 5, 14 | | |
    D2 | Walt Kessler over a map of the riverfront. Brooke: "The diner is the last holdout."
13 | DAY | INT. KESTREL PROPERTIES - LOBBY | CITY | 4/8 | | 5 | 6 | |
    D2 | Kessler takes a call from the bank about the Doyle note.
14 | DAY | INT. RIVER FALLS ELEMENTARY - CLASSROOM | SCHOOL | 1 2/8 | | 3, 9 | 20 | |
    D2 | Rosie's first day. Mr. Ortiz introduces her; nobody sits with her.
15 | DAY | EXT. RIVER FALLS ELEMENTARY - PICKUP LANE | SCHOOL | 6/8 | | 1, 3 | 15 | |
    D2 | Margaret, not Danny, comes to pick Rosie up. They walk home the long way.
16 | DAY | INT. RUSTY ANCHOR | BAR | 1 1/8 | | 2, 11 | 4 | |
    D2 | Danny asks Eddie for work. Eddie remembers the last time Danny was in here.
17 | DAY | INT. DOYLE'S DINER | DINER | 1 6/8 | | 1, 4, 5 | 10 | |
    D2 | Kessler comes in for pie and writes an offer on a napkin.
18 | DAY | INT. DOYLE'S DINER - KITCHEN | DINER | 5/8 | | 1, 4 | | |
    D2 | Louise: "Take it, Maggie." Margaret tears the napkin in half.
19 | DUSK | EXT. RIVER LEVEE | LEVEE | 7/8 | | 6, 7 | | | water
    D2 | Sheriff Cole and Father Tom read the water marker: the river is two feet up.
20 | NIGHT | INT. ST. BRENDAN'S HALL | CHURCH | 2 2/8 | 4 | 1, 5, 6, 7, 10 | 60 | | crowd
    N2 | Town meeting about the levee. Kessler offers to pay for sandbags; applause.
21 | NIGHT | EXT. MAIN STREET | MAIN | 1 | | 2, 6 | | |
    N2 | After the meeting, Danny and the Sheriff. She arrested him once.
22 | DAY | INT. MARGARET'S HOUSE - LIVING ROOM | HOUSE | 1 | | 1, 3 | | |
    D3 | Rosie finds the photo album: Danny as a boy, behind the diner counter.
23 | DAY | INT. MARGARET'S KITCHEN | HOUSE | 1 1/8 | | 1, 3 | | | animal
    D3 | Margaret teaches Rosie pie crust, the way her husband taught her.
24 | NIGHT | INT. RUSTY ANCHOR | BAR | 1 2/8 | | 2, 11, 14 | 12 | |
    N3 | Danny drinks soda. Brooke buys him a beer he doesn't touch.
25 | NIGHT | EXT. RUSTY ANCHOR - PARKING LOT | BAR | 7/8 | | 2, 14 | | |
    N3 | Brooke: Kessler would pay Danny a finder's fee if his mother sells.
26 | DAY | INT. DOYLE'S DINER | DINER | 1 | | 2, 4, 15 | 8 | |
    D4 | Danny on the grill, badly. Haskins laughs for the first time in years.
27 | DAY | INT. DOYLE'S DINER - KITCHEN | DINER | 1 1/8 | | 2, 4 | | |
    D4 | Louise teaches Danny his father's hash.
28 | DAY | EXT. MAIN STREET | MAIN | 6/8 | | 1, 10 | 10 | |
    D4 | Councilwoman Pruitt: the town's insurance won't cover the diner.
29 | DAY | INT. TOWN HALL - COUNCIL CHAMBER | MAIN | 1 6/8 | | 5, 6, 10 | 25 | |
    D4 | The council votes to take Kessler's levee money.
30 | DAY | INT. RIVER FALLS ELEMENTARY - CLASSROOM | SCHOOL | 7/8 | | 3, 9 | 20 | |
    D4 | Rosie's family tree has a blank where her mother should be.
31 | DAY | INT./EXT. DANNY'S CAR - MOVING | ROAD | 6/8 | | 2, 3 | | CAR | vehicle
    D4 | Danny and Rosie sing along to the radio, badly. For a moment they are happy.
32 | DAY | EXT. COUNTY ROAD 9 | ROAD | 1 | | 2, 3 | | CAR | vehicle
    D4 | The car overheats. Danny walks to a farmhouse with Rosie on his shoulders.
33 | NIGHT | INT. MARGARET'S KITCHEN | HOUSE | 5/8 | | 1 | | |
    N4 | Margaret does the books at the kitchen table. The numbers don't work.
34 | NIGHT | INT. MARGARET'S HOUSE - DANNY'S OLD ROOM | HOUSE | 6/8 | | 2 | | |
    N4 | Danny on the phone to Grace: "She's fine. She's happy."
35 | DAY | INT. KESTREL PROPERTIES - OFFICE | CITY | 1 2/8 | | 5, 14 | | |
    D5 | The engineers' report: the old levee won't hold. Kessler has it filed away.
36 | DAY | EXT. RIVER LEVEE | LEVEE | 1 1/8 | | 2, 6 | 20 | | water
    D5 | Danny fills sandbags with the volunteers. Sheriff Cole watches him work.
37 | DAY | EXT. MILL BRIDGE | LEVEE | 6/8 | | 1, 3 | | | water
    D5 | Margaret and Rosie watch the brown water race under the bridge.
38 | DAY | INT. DOYLE'S DINER | DINER | 1 2/8 | | 1, 4, 15 | 12 | |
    D5 | The TV on the wall: flood watch upstream. The regulars argue.
39 | DAY | INT. ST. BRENDAN'S HALL | CHURCH | 1 | | 3, 7 | 30 | |
    D5 | Father Tom organizes volunteers; Rosie hands out sandwiches.
40 | DAY | EXT. MARGARET'S HOUSE - BACK PORCH | HOUSE | 1 1/8 | | 1, 2 | | |
    D5 | Danny fixes the porch step; Margaret brings him lemonade. A truce.
41 | NIGHT | INT. MARGARET'S HOUSE - LIVING ROOM | HOUSE | 1 5/8 | | 1, 2 | | |
    N5 | Margaret shows Danny his father's letter about the diner.
42 | DAY | EXT. MAIN STREET | MAIN | 5/8 | | 2, 8 | 6 | |
    D6 | Grace's car pulls up outside the diner. She has come for Rosie.
43 | DAY | INT. DOYLE'S DINER | DINER | 1 4/8 | | 1, 8 | 6 | |
    D6 | Grace and Margaret meet for the first time, over pie.
44 | DAY | EXT. RIVER FALLS ELEMENTARY - PICKUP LANE | SCHOOL | 7/8 | | 3, 8, 9 | 15 | |
    D6 | Grace at the school gate. Rosie won't get in the car.
45 | DAY | INT. MARGARET'S KITCHEN | HOUSE | 1 3/8 | | 2, 3, 8 | | | animal
    D6 | Danny and Grace fight; Rosie hides in the pantry with Biscuit.
46 | NIGHT | INT. RUSTY ANCHOR | BAR | 1 1/8 | | 2, 6, 11 | 10 | |
    N6 | Danny orders a whiskey and doesn't drink it. The Sheriff sits down beside him.
47 | NIGHT | EXT. RUSTY ANCHOR - PARKING LOT | BAR | 4/8 | | 2, 6 | | RAIN | sfx, weather
    N6 | The Sheriff drives Danny home. The rain starts.
48 | DAY | INT. KESTREL PROPERTIES - LOBBY | CITY | 6/8 | | 5, 14 | 6 | |
    D7 | Brooke quits after reading the buried report.
49 | DAY | INT./EXT. DANNY'S CAR - MOVING | ROAD | 7/8 | | 2, 8 | | CAR, RAIN | vehicle, sfx
    D7 | Danny drives Grace to the bus in the rain.
50 | DAY | EXT. COUNTY ROAD 9 | ROAD | 1 | | 2, 8 | 4 | CAR | vehicle
    D7 | At the bus stop Grace tells Danny he can keep Rosie through the summer.
51 | DAY | INT. DOYLE'S DINER - KITCHEN | DINER | 1 | | 1, 4 | | |
    D7 | Louise confesses Kessler's new restaurant has offered her a job.
52 | NIGHT | INT. TOWN HALL - COUNCIL CHAMBER | MAIN | 1 3/8 | | 6, 10, 14 | | |
    N7 | Brooke brings the engineers' report to Pruitt and the Sheriff.
53 | NIGHT | EXT. MAIN STREET | MAIN | 6/8 | | 6 | 20 | RAIN | sfx, weather
    N7 | The drains overflow. The Sheriff orders the riverfront evacuated.
54 | DAY | INT. MARGARET'S KITCHEN | HOUSE | 5/8 | | 1, 3 | | |
    D7 | Margaret packs her husband's recipe cards into a biscuit tin.
55 | NIGHT | EXT. RIVER LEVEE | LEVEE | 1 4/8 | 3 | 2, 7 | 40 | RAIN | crowd, sfx, weather, water
    N7 | Sandbagging under work lights in the rain: Danny, Father Tom and a line of volunteers.
56 | NIGHT | EXT. RIVER LEVEE | LEVEE | 6/8 | 4 | 2, 6 | 10 | RAIN | stunt, sfx, water
    N7 | A section of the levee slumps. Danny is swept down the slope.
57 | NIGHT | EXT. MILL BRIDGE | LEVEE | 5/8 | 3.5 | 2, 5 | | RAIN, TOW | stunt, sfx, vehicle, water
    N7 | Kessler's truck stalls on the flooded bridge. Danny wades out to it.
58 | NIGHT | EXT. MILL BRIDGE | LEVEE | 1 | 3 | 2, 5 | | RAIN, TOW | stunt, sfx, vehicle, water
    N7 | Danny drags Kessler out through the window as the truck slides.
59 | NIGHT | EXT. MAIN STREET | MAIN | 7/8 | | 2, 5, 12 | 15 | RAIN | sfx, weather
    N7 | A paramedic checks Kessler. He can't look at Danny.
60 | NIGHT | INT. DOYLE'S DINER | DINER | 1 1/8 | | 1, 4 | | | sfx, water
    N7 | Water under the door. Margaret and Louise lift what they can onto the counter.
61 | NIGHT | EXT. DOYLE'S DINER | DINER | 6/8 | | 1, 6 | | RAIN | sfx, weather
    N7 | Margaret refuses to leave. The Sheriff carries her out.
62 | NIGHT | INT. ST. BRENDAN'S HALL | CHURCH | 1 | | 1, 7 | 35 | |
    N7 | Evacuees on cots. Father Tom brings Margaret tea.
63 | DAWN | INT. ST. BRENDAN'S HALL | CHURCH | 1 2/8 | | 1, 2, 7 | 35 | |
    D8 | Danny walks in soaked. Margaret holds him for the first time in years.
64 | DAY | EXT. MAIN STREET | MAIN | 7/8 | 2 | 1, 2 | 20 | DRONE |
    D8 | The morning after: mud to the knee, the diner sign hanging by one bolt.
65 | DAY | INT. DOYLE'S DINER | DINER | 1 | | 1, 4 | | |
    D8 | The ruined diner. Margaret sits on the only dry stool.
66 | DAY | INT. DOYLE'S DINER - KITCHEN | DINER | 5/8 | | 2, 4 | | |
    D8 | Danny finds the recipe tin on the top shelf, dry.
67 | DAY | INT. KESTREL PROPERTIES - OFFICE | CITY | 4/8 | | 5 | | |
    D9 | Kessler tears up the purchase offers, one by one.
68 | DAY | EXT. RIVER LEVEE | LEVEE | 6/8 | | 6, 10 | 10 | | water
    D9 | The Sheriff and Pruitt walk the breach with the Army Corps surveyors.
69 | DAY | INT. TOWN HALL - COUNCIL CHAMBER | MAIN | 1 5/8 | | 5, 6, 10 | 30 | |
    D9 | Kessler admits he buried the report and offers to pay for the rebuild.
70 | DAY | EXT. MAIN STREET | MAIN | 1 | | 2, 4, 15 | 30 | |
    D9 | Volunteers shovel the mud out of the diner. Haskins brings a wheelbarrow.
71 | DAY | INT. MARGARET'S KITCHEN | HOUSE | 1 1/8 | | 1, 3 | | | animal
    D9 | Margaret and Rosie bake forty pies for the volunteers.
72 | DAY | INT. RIVER FALLS ELEMENTARY - CLASSROOM | SCHOOL | 6/8 | | 3, 9 | 20 | |
    D10 | Rosie fills in the blank on her family tree: "Dad".
73 | DAY | EXT. RIVER FALLS ELEMENTARY - PICKUP LANE | SCHOOL | 3/8 | | 2, 3 | 15 | |
    D10 | Danny is on time. Rosie runs to him.
74 | DAY | INT. RUSTY ANCHOR | BAR | 1 | | 2, 11 | | |
    D10 | Eddie hands Danny a box of his father's things, left at the bar years ago.
75 | DAY | EXT. RUSTY ANCHOR - PARKING LOT | BAR | 4/8 | | 2 | | CAR | vehicle
    D10 | In the car, Danny reads his father's last letter.
76 | DAY | INT. MARGARET'S HOUSE - LIVING ROOM | HOUSE | 1 4/8 | | 1, 2 | | |
    D10 | Danny tells Margaret he is staying, and he wants the grill.
77 | DUSK | EXT. MARGARET'S HOUSE - BACK PORCH | HOUSE | 6/8 | | 1, 2, 3 | | |
    D10 | The three of them watch the river go down.
78 | DAY | INT. MARGARET'S HOUSE - DANNY'S OLD ROOM | HOUSE | 5/8 | | 2, 3 | | |
    D11 | Rosie moves into Danny's old room. He paints the walls yellow.
79 | DAY | INT. DOYLE'S DINER | DINER | 1 1/8 | | 1, 4, 15 | 10 | |
    D12 | New booths. Louise back in the kitchen. Haskins first in line.
80 | DAY | INT. DOYLE'S DINER - KITCHEN | DINER | 4/8 | | 2, 4 | | |
    D12 | Danny at the grill, good this time. Louise nods.
81 | DAY | EXT. DOYLE'S DINER | DINER | 5/8 | 2 | 1, 2 | | CRANE |
    D12 | Margaret rehangs the sign with Danny on the ladder.
82 | DAY | EXT. MAIN STREET | MAIN | 1 4/8 | 4.5 | 1, 2, 3, 4, 6, 7, 10, 15 | 120 | CRANE | crowd
    D12 | Reopening day: the whole town on Main Street, and a brass band.
83 | DAY | INT. DOYLE'S DINER | DINER | 1 | | 1, 5 | 20 | |
    D12 | Kessler comes in. Margaret serves him pie, on the house.
84 | DAY | EXT. MILL BRIDGE | LEVEE | 4/8 | | 2, 3 | | | water
    D12 | Danny and Rosie drop a coin off the mended bridge.
85 | DAY | INT./EXT. DANNY'S CAR - MOVING | ROAD | 6/8 | | 2, 3 | | CAR | vehicle
    D12 | Grace on speakerphone. Danny: "Come for Thanksgiving."
86 | DUSK | EXT. COUNTY ROAD 9 | ROAD | 2/8 | 1.5 | 2 | | CAR, DRONE | vehicle
    D12 | The Pontiac turns toward town, not away.
87 | DAWN | EXT. RIVER LEVEE | LEVEE | 2/8 | | 1 | | DRONE | water
    D13 | Margaret alone on the new levee at sunrise.
88 | DAWN | INT. MARGARET'S KITCHEN | HOUSE | 3/8 | | 1 | | |
    D13 | Margaret writes a new recipe card: "Rosie's pie".
89 | DAY | INT. DOYLE'S DINER | DINER | 1 2/8 | | 1, 2, 3, 4 | 12 | |
    D13 | Rosie's first shift: she writes the specials on the board.
90 | DUSK | EXT. DOYLE'S DINER | DINER | 3/8 | | 1 | | |
    D13 | Closing time. Margaret turns the sign to CLOSED and, for once, goes home early.
"""


def indie_feature() -> Production:
    """ "Second Helpings": 90 scenes, four six-day weeks with Labor Day off, a minor, cast with
    availability windows, nine locations (one a day trip to the city), night exteriors, a
    stunt night at the flooded levee and continuity rules."""
    crew = (
        Resource(
            id="DIR", name="Noemi Castellanos", role="Director", daily_rate=2_500, every_day=True
        ),
        Resource(
            id="DP",
            name="Sven Aldridge",
            role="Director of Photography",
            daily_rate=1_800,
            every_day=True,
        ),
        Resource(
            id="STUNT",
            name="Rick Calloway",
            role="Stunt coordinator",
            daily_rate=1_200,
            availability=Availability(available_from=date(2026, 9, 10)),
        ),
        Resource(id="TEACHER", name="Ruth Abiodun", role="Studio teacher", daily_rate=450),
        Resource(
            id="WRANGLER",
            name="Pete Lindahl",
            role="Animal trainer (Biscuit, a collie)",
            daily_rate=650,
        ),
        Resource(
            id="SFX", name="Mara Quintero", role="Special effects supervisor", daily_rate=1_100
        ),
    )
    equipment = (
        Resource(
            id="CAR", name="Picture car: Danny's 2004 Pontiac", role="Vehicle", daily_rate=250
        ),
        Resource(
            id="TOW",
            name="Picture truck: Kessler's pickup, rigged to slide",
            role="Vehicle",
            daily_rate=900,
            availability=Availability(available_from=date(2026, 9, 9)),
        ),
        Resource(
            id="RAIN",
            name="Rain towers, water truck and wind machine",
            role="Special effects",
            daily_rate=1_400,
        ),
        Resource(
            id="CRANE",
            name="Technocrane 30'",
            role="Camera crane",
            daily_rate=2_200,
            billing=Billing.SPAN,
        ),
        Resource(
            id="DRONE",
            name="Drone and pilot",
            role="Aerial camera",
            daily_rate=1_500,
            availability=Availability(
                unavailable=_dates("2026-09-02", "2026-09-03", "2026-09-04")
            ),
        ),
    )
    cast = (
        CastMember(
            id="1",
            name="Harriet Vale",
            character="Margaret Doyle",
            daily_rate=3_500,
            availability=Availability(available_from=date(2026, 9, 1)),
        ),
        CastMember(id="2", name="Owen Castellane", character="Danny Doyle", daily_rate=2_500),
        CastMember(
            id="3",
            name="Mia Kowalczyk",
            character="Rosie Doyle (10)",
            daily_rate=900,
            minor=True,
            max_minutes=5 * MINUTES_PER_HOUR,
            availability=Availability(unavailable=_dates("2026-09-24")),
        ),
        CastMember(id="4", name="Grace Nakamura", character="Louise Park", daily_rate=1_200),
        CastMember(
            id="5",
            name="Bernard Ashcombe",
            character="Walt Kessler",
            daily_rate=1_500,
            availability=Availability(unavailable=_dates("2026-09-01", "2026-09-19")),
        ),
        CastMember(
            id="6",
            name="Toni Reyes",
            character="Sheriff Annie Cole",
            daily_rate=1_100,
            availability=Availability(available_from=date(2026, 9, 8)),
        ),
        CastMember(
            id="7",
            name="Patrick Dunleavy",
            character="Father Tom Keane",
            daily_rate=900,
            drop_pickup=True,
            availability=Availability(available_from=date(2026, 9, 10)),
        ),
        CastMember(
            id="8",
            name="Leah Brandt",
            character="Grace Doyle",
            daily_rate=1_300,
            availability=Availability(
                unavailable=_dates("2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11")
            ),
        ),
        CastMember(
            id="9",
            name="Luis Varela",
            character="Mr. Ortiz",
            daily_rate=450,
            drop_pickup=True,
            availability=Availability(
                unavailable=_dates("2026-09-14", "2026-09-15", "2026-09-16")
            ),
        ),
        CastMember(
            id="10",
            name="Dolores Haight",
            character="Councilwoman Pruitt",
            daily_rate=500,
            availability=Availability(available_from=date(2026, 9, 9)),
        ),
        CastMember(
            id="11",
            name="Frank Molloy",
            character="Eddie",
            daily_rate=400,
            availability=Availability(
                available_from=date(2026, 9, 10), available_to=date(2026, 9, 21)
            ),
        ),
        CastMember(
            id="12",
            name="Janelle Price",
            character="Paramedic",
            daily_rate=350,
            availability=Availability(
                available_from=date(2026, 9, 8), available_to=date(2026, 9, 12)
            ),
        ),
        CastMember(
            id="14",
            name="Kayla Winters",
            character="Brooke",
            daily_rate=600,
            availability=Availability(
                available_from=date(2026, 9, 8), available_to=date(2026, 9, 25)
            ),
        ),
        CastMember(
            id="15",
            name="Cyril Banks",
            character="Old Man Haskins",
            daily_rate=450,
            availability=Availability(unavailable=_dates("2026-09-08", "2026-09-09")),
        ),
    )
    locations = (
        Location(
            id="HOUSE",
            name="Doyle house",
            address="412 Willow Street, River Falls",
            daily_fee=900,
            move_in_cost=1_500,
            zone="River Falls",
        ),
        Location(
            id="DINER",
            name="Starlite Diner (as Doyle's Diner)",
            address="88 Main Street, River Falls",
            daily_fee=1_500,
            move_in_cost=2_500,
            zone="River Falls",
            availability=Availability(
                available_from=date(2026, 9, 1), available_to=date(2026, 9, 12)
            ),
        ),
        Location(
            id="MAIN",
            name="Main Street and Town Hall",
            address="Main Street between 1st and 4th, River Falls",
            daily_fee=1_200,
            move_in_cost=3_000,
            zone="River Falls",
            availability=Availability(unavailable=_dates("2026-09-05")),
        ),
        Location(
            id="LEVEE",
            name="Sauk River levee and Mill Bridge",
            address="River Road at Mill Lane, River Falls",
            daily_fee=800,
            move_in_cost=2_000,
            zone="River Falls",
            availability=Availability(available_from=date(2026, 9, 10)),
        ),
        Location(
            id="SCHOOL",
            name="River Falls Elementary",
            address="30 Linden Avenue, River Falls",
            daily_fee=600,
            move_in_cost=500,
            zone="River Falls",
            availability=Availability(unavailable=_dates("2026-09-03", "2026-09-04")),
        ),
        Location(
            id="BAR",
            name="The Rusty Anchor",
            address="7 Dock Street, River Falls",
            daily_fee=700,
            move_in_cost=600,
            zone="River Falls",
        ),
        Location(
            id="CHURCH",
            name="St. Brendan's parish hall",
            address="150 Church Street, River Falls",
            daily_fee=500,
            move_in_cost=400,
            zone="River Falls",
            availability=Availability(unavailable=_dates("2026-09-19")),
        ),
        Location(
            id="ROAD",
            name="County Road 9",
            address="County Road 9, mile 3 to mile 6",
            daily_fee=400,
            move_in_cost=1_200,
            zone="River Falls",
        ),
        Location(
            id="CITY",
            name="Harbison Tower (as Kestrel Properties)",
            address="1100 High Street, Columbus",
            daily_fee=1_800,
            move_in_cost=4_000,
            zone="Columbus",
            availability=Availability(
                available_from=date(2026, 9, 21), available_to=date(2026, 9, 25)
            ),
        ),
    )
    scenes = scenes_from_table(
        INDIE_FEATURE_SCENES, {r.id for r in crew}, {m.id for m in cast if m.minor}
    )
    # The brass band and 120 extras are booked for one day; the sunrise drone shot of the new
    # levee must be in the can before the county starts dredging.
    scenes = _with_dates(
        scenes, shoot_on={"82": date(2026, 9, 15)}, latest={"87": date(2026, 9, 23)}
    )
    constraints = (
        SceneConstraint(
            kind=ConstraintKind.BEFORE,
            scenes=("38", "65"),
            note="the flood dressing goes into the diner for 65: shoot the clean "
            "diner of 38 first",
        ),
        SceneConstraint(
            kind=ConstraintKind.CONSECUTIVE,
            scenes=("47", "55"),
            note="rain towers and water truck are hired for two nights running",
        ),
        SceneConstraint(
            kind=ConstraintKind.SAME_DAY,
            scenes=("20", "62"),
            note="the parish hall is ours for one night only",
        ),
        SceneConstraint(
            kind=ConstraintKind.DIFFERENT_DAY,
            scenes=("56", "58"),
            note="two water stunts for Owen: not on the same night",
        ),
        SceneConstraint(
            kind=ConstraintKind.NOT_ON,
            scenes=("28", "42"),
            dates=_dates("2026-09-15"),
            note="Main Street has the bunting and band stand up for the reopening on 15 Sep",
        ),
    )
    settings = Settings(
        title="Second Helpings",
        start_date=date(2026, 8, 31),
        end_date=date(2026, 9, 26),
        work_week=(0, 1, 2, 3, 4, 5),
        holidays=_dates("2026-09-07"),
        standard_day_minutes=11 * MINUTES_PER_HOUR,
        max_day_minutes=12 * MINUTES_PER_HOUR,
        overtime_cost_per_hour=2_800,
        pages_per_day_eighths=5 * EIGHTHS_PER_PAGE,
        crew_day_cost=22_000,
        company_move_cost=3_500,
        time_limit_s=60.0,
    )
    return Production(
        settings=settings,
        scenes=scenes,
        cast=cast,
        locations=locations,
        crew=crew,
        equipment=equipment,
        constraints=constraints,
    ).check()


def main() -> None:
    """Write both example workbooks next to this script."""
    for path, production in (
        (SHORT_FILM_PATH, short_film()),
        (INDIE_FEATURE_PATH, indie_feature()),
    ):
        write_breakdown(production, path)
        print(
            f"wrote {path.name}: {production.settings.title}: {summarize(production).describe()}"
        )


if __name__ == "__main__":
    main()
