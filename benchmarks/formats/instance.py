"""Benchmark instances as read from their files, and their translation into a ``Production``.

Both families are permutation problems: scene ``s`` lasts ``d_s`` days and needs a set of
actors; actor ``a`` is paid ``c_a`` a day from the start of their first scene to the end of their
last.  Movie shoot scheduling adds a location per scene (a fixed cost for every visit after the
first) and precedences.

The translation makes every scene fill whole days alone (600-minute days, a ``d``-day scene is
``d * 600`` minutes), calls every day of the week a shoot day and gives the calendar exactly the
days the scenes need, so that a schedule is a scene order and nothing else.  Our total cost then
differs from each published objective by a constant per instance (``*_offset`` below).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scheduler.data import (
    CastMember,
    ConstraintKind,
    Location,
    Production,
    Scene,
    SceneConstraint,
    Settings,
)
from scheduler.solution import COST_SCALE

DAY_MINUTES = 600
BENCHMARK_START = date(2026, 1, 5)  # a Monday; any date works with a seven-day week
ALL_WEEK = (0, 1, 2, 3, 4, 5, 6)


def scene_id(index: int) -> str:
    """Scene id of the 0-based scene ``index``: the 1-based number the literature uses."""
    return str(index + 1)


def actor_id(index: int) -> str:
    return f"A{index + 1}"


def location_id(index: int) -> str:
    return f"L{index + 1}"


@dataclass(frozen=True)
class TalentInstance:
    """A talent scheduling instance (Cheng et al. 1993; Garcia de la Banda et al. 2011).

    Parameters
    ----------
    name
        Instance name.
    durations
        Days of each scene.
    presence
        ``presence[a][s]`` is true when actor ``a`` appears in scene ``s``.
    costs
        Daily cost of each actor.
    """

    name: str
    durations: tuple[int, ...]
    presence: tuple[tuple[bool, ...], ...]
    costs: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.presence) != len(self.costs):
            raise ValueError(f"{self.name}: {len(self.presence)} presence rows for "
                             f"{len(self.costs)} actor costs")
        for row in self.presence:
            if len(row) != len(self.durations):
                raise ValueError(f"{self.name}: a presence row has {len(row)} scenes, "
                                 f"expected {len(self.durations)}")
        if any(d <= 0 for d in self.durations):
            raise ValueError(f"{self.name}: scene durations must be positive")

    @property
    def num_scenes(self) -> int:
        return len(self.durations)

    @property
    def num_actors(self) -> int:
        return len(self.costs)

    def cast_of(self, scene: int) -> tuple[int, ...]:
        """0-based actors of the 0-based ``scene``."""
        return tuple(a for a, row in enumerate(self.presence) if row[scene])

    def worked_days(self, actor: int) -> int:
        return sum(d for d, present in zip(self.durations, self.presence[actor], strict=True)
                   if present)

    # ----- objectives -------------------------------------------------------------------------

    def total_cost(self, order: list[int]) -> int:
        """Published ``total_cost`` of a 0-based scene order: each actor's span times their rate.

        Computed from the definition, independently of ``scheduler``, as a test oracle.
        """
        start, day = {}, 0
        for scene in order:
            start[scene] = day
            day += self.durations[scene]
        total = 0
        for actor, rate in enumerate(self.costs):
            scenes = [s for s in order if self.presence[actor][s]]
            if scenes:
                first = min(start[s] for s in scenes)
                last = max(start[s] + self.durations[s] for s in scenes)
                total += rate * (last - first)
        return total

    @property
    def idle_offset(self) -> int:
        """``total_cost - idle_cost``: every actor's worked days at their rate (order-free)."""
        return sum(rate * self.worked_days(a) for a, rate in enumerate(self.costs))

    # ----- translation ------------------------------------------------------------------------

    def settings(self) -> Settings:
        return Settings(
            title=self.name,
            start_date=BENCHMARK_START,
            max_shoot_days=sum(self.durations),
            work_week=ALL_WEEK,
            standard_day_minutes=DAY_MINUTES,
            max_day_minutes=DAY_MINUTES,
            overtime_cost_per_hour=0,
            crew_day_cost=0,
            company_move_cost=0,
        )

    def cast(self) -> tuple[CastMember, ...]:
        return tuple(
            CastMember(id=actor_id(a), name=f"actor {a + 1}", daily_rate=rate)
            for a, rate in enumerate(self.costs)
        )

    def scene(self, index: int, location: str | None = None) -> Scene:
        return Scene(
            id=scene_id(index),
            est_minutes=self.durations[index] * DAY_MINUTES,
            cast=tuple(actor_id(a) for a in self.cast_of(index)),
            location=location,
        )

    def to_production(self) -> Production:
        """The instance as a production whose total cost is ``total_cost`` (in cost units)."""
        return Production(
            settings=self.settings(),
            scenes=tuple(self.scene(s) for s in range(self.num_scenes)),
            cast=self.cast(),
        ).check()


@dataclass(frozen=True)
class MovieShootInstance(TalentInstance):
    """A movie shoot scheduling instance (Optimization Hub's simplified Bomsdorf & Derigs MSSP).

    Parameters
    ----------
    location_costs
        Fixed cost of each location visit after the first.
    scene_locations
        0-based location of each scene.
    precedences
        0-based pairs ``(first, second)``: ``first`` is shot before ``second``.
    """

    location_costs: tuple[int, ...] = ()
    scene_locations: tuple[int, ...] = ()
    precedences: tuple[tuple[int, int], ...] = field(default=())

    def __post_init__(self) -> None:
        super().__post_init__()
        if len(self.scene_locations) != self.num_scenes:
            raise ValueError(f"{self.name}: {len(self.scene_locations)} scene locations for "
                             f"{self.num_scenes} scenes")
        if any(not 0 <= loc < len(self.location_costs) for loc in self.scene_locations):
            raise ValueError(f"{self.name}: a scene location is out of range")
        if any(not (0 <= a < self.num_scenes and 0 <= b < self.num_scenes)
               for a, b in self.precedences):
            raise ValueError(f"{self.name}: a precedence names an unknown scene")

    @property
    def used_locations(self) -> tuple[int, ...]:
        return tuple(sorted(set(self.scene_locations)))

    def mss_cost(self, order: list[int]) -> int:
        """Published MSS objective of a 0-based order: location re-visits + actor idle days.

        Computed from the definition, independently of ``scheduler``, as a test oracle.
        """
        visits = dict.fromkeys(self.used_locations, 0)
        previous = None
        for scene in order:
            location = self.scene_locations[scene]
            if location != previous:
                visits[location] += 1
            previous = location
        revisits = sum(self.location_costs[loc] * (count - 1) for loc, count in visits.items())
        return revisits + self.total_cost(order) - self.idle_offset

    @property
    def mss_offset(self) -> int:
        """``our total cost - MSS objective``: first visits and worked days (order-free)."""
        return sum(self.location_costs[loc] for loc in self.used_locations) + self.idle_offset

    def to_production(self) -> Production:
        """Locations cost their fee on every visit (``move_in_cost``), precedences are
        ``before`` constraints."""
        locations = tuple(
            Location(id=location_id(loc), name=f"location {loc + 1}", daily_fee=0,
                     move_in_cost=cost)
            for loc, cost in enumerate(self.location_costs)
        )
        constraints = tuple(
            SceneConstraint(kind=ConstraintKind.BEFORE, scenes=(scene_id(a), scene_id(b)))
            for a, b in self.precedences
        )
        return Production(
            settings=self.settings(),
            scenes=tuple(self.scene(s, location_id(self.scene_locations[s]))
                         for s in range(self.num_scenes)),
            cast=self.cast(),
            locations=locations,
            constraints=constraints,
        ).check()


def currency_of(cost_units: int) -> int:
    """Whole currency of a benchmark cost in cost units (benchmark costs are whole numbers)."""
    whole, rest = divmod(cost_units, COST_SCALE)
    if rest:
        raise ValueError(f"{cost_units} cost units is not a whole amount")
    return whole
