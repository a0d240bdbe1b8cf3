"""The script drafter: a synthetic production built the way a line producer breaks down a
script, with a reference board that proves it can be shot (see ``benchmarks.generator``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

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
from scheduler.solution import Solution

from .holidays import us_holidays
from .names import (
    CHARACTER_FIRST,
    CHILD_FIRST,
    DAY_PLAYER_ROLES,
    DISTANT_PRACTICALS,
    DISTANT_TOWNS,
    EMPTY_BEATS,
    FAMILY_HOUSE,
    GROUP_BEATS,
    HOME_ZONE,
    NEAR_TOWNS,
    ONE_CHARACTER_BEATS,
    PERFORMER_FIRST,
    PERFORMER_LAST,
    PICTURE_CARS,
    PRACTICALS,
    SPECIALISTS,
    STANDING_SETS,
    STREET_KINDS,
    STREETS,
    STUDIO_NAMES,
    STUNT_BEATS,
    SURNAMES,
    TITLE_WORDS_A,
    TITLE_WORDS_B,
    TOPICS,
    TWO_CHARACTER_BEATS,
    Complex,
)
from .profiles import GENEROUS, KINDS, PROFILES, Tightness
from .reference_board import reference_board

# Share of the calendar's standard hours that the scenes' estimated hours fill.
TARGET_CAPACITY_USE = (0.76, 0.84)
# Share of the calendar's spare days spread through the reference board (the rest follow the wrap).
SPARE_DAYS_IN_BOARD = 0.35
# A single-day scene never runs longer than this share of the standard day: room for moves.
LONGEST_SCENE_SHARE = 0.9


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
    """Drafts one synthetic production; every random draw comes from one seeded ``Random``.

    The calendar runs at 75-85 % of capacity and the windows are drawn ``GENEROUS`` around a
    reference board with spare days (``PlantedProductionGenerator`` draws them tight instead).
    """

    planted = False
    tightness: Tightness = GENEROUS

    def __init__(self, num_scenes: int, seed: int, kind: str) -> None:
        if kind not in PROFILES:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if num_scenes < 1:
            raise ValueError("num_scenes must be at least 1")
        self.num_scenes = num_scenes
        self.seed = seed
        self.kind = kind
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
        reference = self.size_calendar(draft)
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

    def size_calendar(self, draft: Production) -> Solution:
        """Shoot days for 75-85 % of capacity (never fewer than the compact board needs), and
        the reference board with some spare days spread through it."""
        total_minutes = sum(draft.scene_minutes(s) for s in draft.scenes)
        use = self.rng.uniform(*TARGET_CAPACITY_USE)
        target_days = math.ceil(total_minutes / (use * self.standard_minutes))
        compact = reference_board(draft)
        needed = self.wrap_day(draft, compact)
        self.num_days = max(target_days, needed)
        return self.spread_board(draft, needed)

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
