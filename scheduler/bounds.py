"""A lower bound of the cost of every valid schedule, by counting and windows (no solver).

``lower_bound(production)`` returns a ``CostBound``: the least total cost any schedule that
``validate`` accepts can have, split by the categories of ``solution.COST_CATEGORIES``.  Each part
is one small function and rests only on hard rules, so the bound holds for every valid schedule
(relaxing a rule can only lower it):

- **days a set of scenes needs** (``least_days``): long scenes take their days alone; the other
  scenes fill days of one light (unless split days are allowed) and one zone, at most the day's
  cap of minutes, at most one scene longer than half the cap, one DAWN and one DUSK scene a day;
- **windows** (``entity_window``): the scenes that cannot start before day ``a`` need that many
  days from ``a`` on, counted on the days they can occupy (dark days when an every-day crew
  member is away are never among them), so the last of them ends no earlier than the so-many-th
  such day; mirrored, the scenes that must end by day ``b`` start no later than the so-many-th
  day counted back from ``b``, and those two sets of scenes never share a day.  Applied to all
  the scenes this bounds the wrap day; applied to one cast member, crew member, piece of
  equipment or location it bounds their days and their first and last days, hence their span;
- **crew and overtime together** (``crew_and_overtime``): for each possible wrap day, the crew
  days to it plus the overtime that the scenes' minutes beyond the standard days up to it must
  cost, windows included (scenes confined to a stretch of days must fit its standard hours) and
  the standard minutes that lights and zones leave unused;
- **cast** (``cast_paid_days``): the span the windows force; with a legal drop, the days before
  and after it;
- **locations** (``location_bound``): fee days, and visits forced by windows that no single run
  of days can join;
- **special crew and equipment** (``resource_paid_days``): days or span, by their billing;
- **company moves** (``company_moves_bound``): location days beyond the days that can hold them.

Crew and overtime are bounded *together*: ``by_category["crew"]`` holds alone (crew days to the
least wrap day), ``by_category["overtime"]`` is the rest of the joint bound, which holds for
crew + overtime together but not for overtime alone when a later wrap would save overtime
(``overtime_alone`` is the bound of overtime by itself).  The categories add up to ``total``.
"""

from __future__ import annotations

import bisect
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .calendar import consecutive_runs
from .data import Billing, DayNight, Production, Resource, Scene
from .solution import COST_CATEGORIES, COST_SCALE

logger = logging.getLogger("scheduler")

MINUTES_PER_HOUR = 60
# Overtime is paid by the minute: cost units per minute = rate per hour * COST_SCALE / 60.
assert COST_SCALE % MINUTES_PER_HOUR == 0


@dataclass(frozen=True)
class CostBound:
    """A lower bound of the cost of every valid schedule of a production.

    Attributes
    ----------
    total
        The least total cost, in cost units; the sum of ``by_category``.
    by_category
        Per category of ``solution.COST_CATEGORIES``, in cost units.  Every category but
        ``overtime`` holds by itself; ``crew`` + ``overtime`` hold together (see the module).
    overtime_alone
        The least overtime cost by itself, at any possible wrap day.
    crew_and_overtime
        The joint least cost of crew and overtime: ``by_category`` crew + overtime.
    min_wrap_day
        The least possible wrap day.
    joint_wrap_day
        The wrap day at which the joint crew + overtime bound is reached.
    shoot_days_needed
        Days with shooting that the scenes need at least.
    overtime_minutes
        The least overtime minutes at ``joint_wrap_day``.
    cast_paid_days
        Least paid days (work and hold) of each cast member with scenes.
    location_days, location_visits
        Least days used and least visits of each location with scenes.
    resource_paid_days
        Least paid days of each special crew member and piece of equipment with scenes, keyed
        ``crew:<id>`` or ``equipment:<id>`` (every-day crew are paid with the crew days).
    """

    total: int
    by_category: dict[str, int]
    overtime_alone: int
    crew_and_overtime: int
    min_wrap_day: int
    joint_wrap_day: int
    shoot_days_needed: int
    overtime_minutes: int
    cast_paid_days: dict[str, int] = field(default_factory=dict)
    location_days: dict[str, int] = field(default_factory=dict)
    location_visits: dict[str, int] = field(default_factory=dict)
    resource_paid_days: dict[str, int] = field(default_factory=dict)

    def gap(self, cost: int) -> float:
        """Share of ``cost`` (a schedule's total, cost units) above the bound: 0 when optimal."""
        return (cost - self.total) / cost if cost > 0 else 0.0


# ----- each scene's possible days ---------------------------------------------------------------


@dataclass(frozen=True)
class SceneWindow:
    """The days a scene may take, by every static rule (``Production.allowed_start_days``)."""

    scene: Scene
    length: int
    starts: tuple[int, ...]

    @property
    def earliest_start(self) -> int:
        return self.starts[0]

    @property
    def latest_start(self) -> int:
        return self.starts[-1]

    @property
    def earliest_end(self) -> int:
        return self.starts[0] + self.length - 1

    @property
    def latest_end(self) -> int:
        return self.starts[-1] + self.length - 1

    def occupiable_days(self) -> set[int]:
        """Every day some allowed start of the scene covers."""
        return {start + part for start in self.starts for part in range(self.length)}


def scene_windows(production: Production) -> dict[str, SceneWindow]:
    """The window of every scene that has a possible day (a scene without one makes the
    production infeasible; it is left out of the window reasoning)."""
    windows = {}
    for scene in production.scenes:
        starts = tuple(production.allowed_start_days(scene))
        if starts:
            windows[scene.id] = SceneWindow(scene, production.scene_days(scene), starts)
        else:
            logger.info("lower bound: scene %s has no possible day", scene.id)
    return windows


# ----- days a set of scenes needs ----------------------------------------------------------------


class DayDemand:
    """The least number of days a growing set of scenes needs, at most ``cap`` minutes a day.

    Days of a multi-day scene hold nothing else.  The other days hold one light (NIGHT or day
    light, unless split days are allowed) and at most one zone; per light the days are at least:
    the light's minutes over the cap, each zone's days apart (minutes over the cap, and scenes
    longer than half the cap one a day), the scenes longer than half the cap (no two share a
    day), its DAWN scenes and its DUSK scenes (at most one of each a day).
    """

    def __init__(self, production: Production, cap: int) -> None:
        self.production = production
        self.cap = cap
        self.split_allowed = production.settings.allow_split_days
        self.long_days = 0
        self.minutes: dict[bool, int] = defaultdict(int)
        self.large: dict[bool, int] = defaultdict(int)
        self.zone_minutes: dict[bool, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.zone_large: dict[bool, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.light_scenes: dict[tuple[bool, DayNight], int] = defaultdict(int)

    def add(self, scene: Scene) -> None:
        production = self.production
        if production.is_multi_day(scene):
            self.long_days += production.scene_days(scene)
            return
        light = scene.is_night and not self.split_allowed
        minutes = production.scene_minutes(scene)
        is_large = 2 * minutes > self.cap
        self.minutes[light] += minutes
        self.large[light] += is_large
        location = production.location_by_id.get(scene.location or "")
        if location is not None and location.zone is not None:
            self.zone_minutes[light][location.zone] += minutes
            self.zone_large[light][location.zone] += is_large
        if scene.day_night in (DayNight.DAWN, DayNight.DUSK):
            self.light_scenes[light, scene.day_night] += 1

    def days(self) -> int:
        return self.long_days + sum(self._light_days(light) for light in self.minutes)

    def _light_days(self, light: bool) -> int:
        zones_apart = sum(self._zone_days(light, zone) for zone in self.zone_minutes[light])
        return max(_ceil_div(self.minutes[light], self.cap), zones_apart, self.large[light],
                   self.light_scenes[light, DayNight.DAWN],
                   self.light_scenes[light, DayNight.DUSK])

    def _zone_days(self, light: bool, zone: str) -> int:
        return max(_ceil_div(self.zone_minutes[light][zone], self.cap),
                   self.zone_large[light][zone])

    def standard_load(self, standard: int) -> int:
        """Minutes the scenes fill counted at ``standard`` minutes a day, beyond which the days
        they take are overtime: ``standard`` per multi-day scene day and, per light, ``standard``
        per day the light needs plus the light's minutes beyond those days.

        A zone's days hold only its scenes and scenes with no zone, so the standard minutes its
        days must leave empty (``standard`` per day it needs less its minutes) are lost unless
        scenes with no zone fill them.
        """
        load = standard * self.long_days
        for light, minutes in self.minutes.items():
            days = self._light_days(light)
            zoned = sum(self.zone_minutes[light].values())
            empty = sum(max(0, standard * self._zone_days(light, zone) - zone_minutes)
                        for zone, zone_minutes in self.zone_minutes[light].items())
            lost = max(0, empty - (minutes - zoned))
            load += standard * days + max(0, minutes + lost - standard * days)
        return load


def least_days(production: Production, scenes: Iterable[Scene], cap: int) -> int:
    """Days that ``scenes`` need at least when a day holds at most ``cap`` of their minutes."""
    demand = DayDemand(production, cap)
    for scene in scenes:
        demand.add(scene)
    return demand.days()


def minimum_shoot_days(production: Production) -> int:
    """Shoot days all the scenes need at least (see ``minimum_days``)."""
    return minimum_days(production, production.scenes, production.settings.max_day_minutes)


def minimum_days(production: Production, scenes: Iterable[Scene], cap: int) -> int:
    """Days that ``scenes`` need at least when a day holds at most ``cap`` minutes of them: the
    CP model's count (its wrap day and entity days), looser than ``least_days``.

    Each long scene takes its days alone.  The other scenes fill days of one light (NIGHT or
    day light, unless split days are allowed) and at most one zone: per light, the days are at
    least those of their minutes together and at least those of each zone's minutes apart
    (scenes with no zone may join any day).
    """
    long_days = 0
    minutes: dict[bool, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    split_allowed = production.settings.allow_split_days
    for scene in scenes:
        if production.is_multi_day(scene):
            long_days += production.scene_days(scene)
            continue
        location = production.location_by_id.get(scene.location or "")
        zone = location.zone if location is not None else None
        minutes[scene.is_night and not split_allowed][zone] += production.scene_minutes(scene)
    days = long_days
    for by_zone in minutes.values():
        together = _ceil_div(sum(by_zone.values()), cap)
        apart = sum(_ceil_div(m, cap) for zone, m in by_zone.items() if zone is not None)
        days += max(together, apart)
    return days


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


# ----- windows of a set of scenes: first and last day, span -------------------------------------


@dataclass(frozen=True)
class EntityWindow:
    """What windows force on the days of a set of scenes (all of a cast member's, say).

    ``days_needed`` distinct days among ``usable_days`` (the days the scenes can occupy); the
    first of them is at most ``first_at_most`` and the last at least ``last_at_least``.
    ``needed_by[d]``: days needed by the scenes that must end by day ``d``; ``needed_from[d]``:
    by those that cannot start before ``d`` (``d`` in 0..num_days + 1).
    """

    days_needed: int
    usable_days: tuple[int, ...]
    first_at_most: int
    last_at_least: int
    needed_by: list[int]
    needed_from: list[int]

    def least_span(self) -> int:
        """Shoot days from the first to the last day, at least.

        Scans the possible first day ``x`` (a usable day, at most ``first_at_most``): the last
        day is at least ``last_at_least`` and at least the ``days_needed``-th usable day from
        ``x`` on.
        """
        usable, needed = self.usable_days, self.days_needed
        best: int | None = None
        for index, first in enumerate(usable):
            if first > self.first_at_most or index + needed > len(usable):
                break
            last = max(self.last_at_least, usable[index + needed - 1])
            span = last - first + 1
            best = span if best is None else min(best, span)
        return best if best is not None else needed  # no first day fits: infeasible


@dataclass(frozen=True)
class Energy:
    """Days needed by the scenes that must fall on one side of each day.

    ``bound_day``: the last day of the scenes is at least it (forward), or their first day at
    most it (backward).  ``needed[d]``, for ``d`` in 0..num_days + 1: the days needed by the
    scenes that cannot start before ``d`` (forward) or must end by ``d`` (backward).
    """

    bound_day: int
    needed: list[int]


def entity_window(production: Production, windows: Sequence[SceneWindow],
                  cap: int) -> EntityWindow:
    """First-day and last-day bounds of a set of scenes, by energy over their windows.

    The days needed are at least those of all the scenes together, and for each day ``b`` those
    of the scenes that must end by ``b`` plus those of the scenes that cannot start before
    ``b + 1`` (different days).
    """
    usable = sorted(set().union(*(w.occupiable_days() for w in windows)))
    forward = forward_energy(production, windows, cap)
    backward = backward_energy(production, windows, cap)
    split = max(backward.needed[b] + forward.needed[b + 1]
                for b in range(production.calendar.num_days + 1))
    return EntityWindow(
        days_needed=max(least_days(production, (w.scene for w in windows), cap), split),
        usable_days=tuple(usable),
        first_at_most=backward.bound_day,
        last_at_least=forward.bound_day,
        needed_by=backward.needed,
        needed_from=forward.needed,
    )


def forward_energy(production: Production, windows: Sequence[SceneWindow], cap: int) -> Energy:
    """The last day of the scenes is at least: each one's earliest end, and for each ``a`` the
    ``D``-th day from ``a`` on that the scenes starting no earlier than ``a`` can occupy, ``D``
    the days they need."""
    num_days = production.calendar.num_days
    lowest = max((w.earliest_end for w in windows), default=0)
    needed = [0] * (num_days + 2)
    demand = DayDemand(production, cap)
    marked: list[int] = []
    seen: set[int] = set()
    ordered = sorted(windows, key=lambda w: -w.earliest_start)
    for index, window in enumerate(ordered):
        demand.add(window.scene)
        for day in window.occupiable_days() - seen:
            seen.add(day)
            bisect.insort(marked, day)
        if index + 1 < len(ordered) and ordered[index + 1].earliest_start == window.earliest_start:
            continue  # the next scene has the same threshold
        days = demand.days()
        for earlier in range(window.earliest_start + 1):
            needed[earlier] = days
        # every marked day is >= the threshold; too few of them: no valid schedule
        lowest = max(lowest, marked[days - 1] if days <= len(marked) else marked[-1])
    return Energy(lowest, needed)


def backward_energy(production: Production, windows: Sequence[SceneWindow], cap: int) -> Energy:
    """The mirror of ``forward_energy``: the first day is at most each one's latest start, and
    for each ``b`` the ``D``-th day counted back from ``b`` that the scenes ending no later than
    ``b`` can occupy."""
    num_days = production.calendar.num_days
    highest = min((w.latest_start for w in windows), default=num_days)
    needed = [0] * (num_days + 2)
    demand = DayDemand(production, cap)
    marked: list[int] = []  # negated days, ascending
    seen: set[int] = set()
    ordered = sorted(windows, key=lambda w: w.latest_end)
    for index, window in enumerate(ordered):
        demand.add(window.scene)
        for day in window.occupiable_days() - seen:
            seen.add(day)
            bisect.insort(marked, -day)
        if index + 1 < len(ordered) and ordered[index + 1].latest_end == window.latest_end:
            continue
        days = demand.days()
        for later in range(window.latest_end, num_days + 2):
            needed[later] = days
        highest = min(highest, -(marked[days - 1] if days <= len(marked) else marked[-1]))
    return Energy(highest, needed)


# ----- the wrap day, crew and overtime -----------------------------------------------------------


def least_wrap_day(production: Production, windows: dict[str, SceneWindow]) -> int:
    """The least possible wrap day: the last day of all the scenes (``forward_energy``)."""
    cap = production.settings.max_day_minutes
    return min(forward_energy(production, list(windows.values()), cap).bound_day,
               production.calendar.num_days)


def overtime_by_wrap(production: Production, windows: dict[str, SceneWindow]) -> list[int]:
    """Least overtime minutes of a schedule wrapping on day ``w``, for ``w`` in 0..num_days.

    Days are standard days until overtime: one-day scenes whose windows lie in a stretch of days
    ``[a, b]`` shoot there, on its usable days less those of the multi-day scenes confined there
    (which take their days alone, with no overtime: a part is at most a standard day), so their
    minutes beyond those days' standard minutes are overtime.  Disjoint stretches add up
    (``best[b]``, a chain of stretches before ``b``); the last stretch ``[a, w]`` holds every
    scene that cannot start before ``a``, counted with lights and zones
    (``DayDemand.standard_load``).
    """
    num_days = production.calendar.num_days
    standard = production.settings.standard_day_minutes
    usable = set().union(*(w.occupiable_days() for w in windows.values()))
    usable_before = [0] * (num_days + 1)  # usable days in 1..d
    for day in range(1, num_days + 1):
        usable_before[day] = usable_before[day - 1] + (day in usable)
    # inside[a][b]: standard minutes the scenes confined to [a, b] must exceed (minutes of
    # one-day scenes + standard minutes of multi-day scene days); from_day[a]: the same, with
    # lights and zones, of the scenes that cannot start before a
    inside = [[0] * (num_days + 2) for _ in range(num_days + 2)]
    for window in windows.values():
        if production.is_multi_day(window.scene):
            load = standard * window.length
        else:
            load = production.scene_minutes(window.scene)
        inside[window.earliest_start][window.latest_end] += load
    from_day = _standard_load_from(production, windows, standard)
    for a in range(num_days, 0, -1):  # suffix sums over a, prefix sums over b
        for b in range(1, num_days + 1):
            inside[a][b] += inside[a][b - 1]
        for b in range(1, num_days + 1):
            inside[a][b] += inside[a + 1][b]

    def excess(load: int, first: int, last: int) -> int:
        return max(0, load - standard * (usable_before[last] - usable_before[first - 1]))

    best = [0] * (num_days + 1)
    for b in range(1, num_days + 1):
        best[b] = max([best[b - 1]] + [best[a - 1] + excess(inside[a][b], a, b)
                                       for a in range(1, b + 1)])
    overtime = [0] * (num_days + 1)
    for wrap in range(1, num_days + 1):
        overtime[wrap] = max([best[wrap]] + [best[a - 1] + excess(from_day[a], a, wrap)
                                             for a in range(1, wrap + 1)])
    return overtime


def _standard_load_from(production: Production, windows: dict[str, SceneWindow],
                        standard: int) -> list[int]:
    """``DayDemand.standard_load`` of the scenes that cannot start before ``a``, for ``a`` in
    0..num_days + 1."""
    num_days = production.calendar.num_days
    loads = [0] * (num_days + 2)
    demand = DayDemand(production, production.settings.max_day_minutes)
    ordered = sorted(windows.values(), key=lambda w: -w.earliest_start)
    for index, window in enumerate(ordered):
        demand.add(window.scene)
        if index + 1 < len(ordered) and ordered[index + 1].earliest_start == window.earliest_start:
            continue
        load = demand.standard_load(standard)
        for earlier in range(window.earliest_start + 1):
            loads[earlier] = load
    return loads


@dataclass(frozen=True)
class CrewOvertime:
    """Crew and overtime bounds in cost units, and where the joint one is reached."""

    crew_alone: int
    overtime_alone: int
    joint: int
    joint_wrap_day: int
    overtime_minutes: int


def crew_and_overtime(production: Production, windows: dict[str, SceneWindow],
                      min_wrap_day: int) -> CrewOvertime:
    """Crew days to the wrap day and overtime, bounded together: the least, over the possible
    wrap days, of the crew days to it plus the least overtime at it (``overtime_by_wrap``)."""
    settings = production.settings
    daily = (settings.crew_day_cost + sum(m.daily_rate for m in production.every_day_crew)) \
        * COST_SCALE
    per_minute = settings.overtime_cost_per_hour * (COST_SCALE // MINUTES_PER_HOUR)
    overtime = overtime_by_wrap(production, windows)
    wraps = range(min_wrap_day, production.calendar.num_days + 1)  # 0: nothing to shoot
    if not wraps:
        return CrewOvertime(daily * min_wrap_day, 0, daily * min_wrap_day, min_wrap_day, 0)
    joint_wrap = min(wraps, key=lambda w: (daily * w + per_minute * overtime[w], w))
    return CrewOvertime(
        crew_alone=daily * min_wrap_day,
        overtime_alone=per_minute * min(overtime[w] for w in wraps),
        joint=daily * joint_wrap + per_minute * overtime[joint_wrap],
        joint_wrap_day=joint_wrap,
        overtime_minutes=overtime[joint_wrap],
    )


# ----- cast -------------------------------------------------------------------------------------


def cast_paid_days(production: Production, windows: dict[str, SceneWindow],
                   cast_id: str) -> int:
    """Least paid days of a cast member: the span their scenes' windows force (at least the
    days they need at their own ``max_minutes``), or, for a member who may be dropped and picked
    up, the least paid days with a drop when that is less (``_least_paid_with_a_drop``)."""
    member = production.cast_by_id[cast_id]
    mine = [windows[s.id] for s in production.cast_scenes(cast_id) if s.id in windows]
    if not mine:
        return 0
    cap = min(production.settings.max_day_minutes,
              member.max_minutes or production.settings.max_day_minutes)
    window = entity_window(production, mine, cap)
    span = max(window.least_span(), window.days_needed)
    if not member.drop_pickup:
        return span
    with_drop = _least_paid_with_a_drop(production, mine, window)
    return span if with_drop is None else min(span, max(window.days_needed, with_drop))


def _least_paid_with_a_drop(production: Production, windows: Sequence[SceneWindow],
                            window: EntityWindow) -> int | None:
    """Least paid days with a drop, or ``None`` when no drop is legal.

    A drop lies between two work days ``u < v`` more than ``drop_pickup_min_days`` calendar
    days apart, with a shoot day between them and every scene outside it: a scene that cannot
    end by ``u`` starts on ``v`` or later, so ``v`` is at most its latest start.  The member is
    paid for ``first..u`` and ``v..last``: ``first`` is at most ``first_at_most`` and ``u``, and
    ``first..u`` holds the days of the scenes that must end by ``u``; mirrored for ``v..last``.
    The later the pick-up, the shorter ``v..last``, so each ``u`` takes its latest legal ``v``.
    """
    calendar, minimum = production.calendar, production.settings.drop_pickup_min_days
    usable = window.usable_days
    least: int | None = None
    for u in usable:
        latest_pickup = min((w.latest_start for w in windows if w.earliest_end > u),
                            default=usable[-1])
        index = bisect.bisect_right(usable, latest_pickup) - 1
        if index < 0:
            continue
        v = usable[index]
        if v <= u + 1 or calendar.calendar_gap(u, v) <= minimum:
            continue
        before = max(1, u - window.first_at_most + 1, window.needed_by[u])
        after = max(1, window.last_at_least - v + 1, window.needed_from[v])
        least = before + after if least is None else min(least, before + after)
    return least


def cast_cost(production: Production, paid_days: dict[str, int]) -> int:
    return sum(production.cast_by_id[c].daily_rate * days * COST_SCALE
               for c, days in paid_days.items())


# ----- locations --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocationBound:
    days: int
    visits: int
    cost: int


def location_bound(production: Production, windows: dict[str, SceneWindow],
                   location_id: str) -> LocationBound:
    """Least fee days, visits and cost of a location.

    Days: the days its scenes need.  Visits (runs of consecutive shoot days): one per stretch of
    days it can be used in that confines one of its scenes, and at least one.  Cost: the
    cheaper of one visit (a single run, which must cover from its first day, at most
    ``first_at_most``, to ``last_at_least`` and may not cross a day it cannot be used or be
    longer than its scene days) and two visits or more.
    """
    location = production.location_by_id[location_id]
    mine = [w for w in windows.values() if w.scene.location == location_id]
    if not mine:
        return LocationBound(0, 0, 0)
    window = entity_window(production, mine, production.settings.max_day_minutes)
    stretches = consecutive_runs(window.usable_days)
    stretch_of = {day: index for index, run in enumerate(stretches) for day in run}
    confined = {stretch_of[w.earliest_start] for w in mine
                if stretch_of[w.earliest_start] == stretch_of[w.latest_end]}
    visits = max(1, len(confined))
    fee, move_in = location.daily_fee * COST_SCALE, location.move_in_cost * COST_SCALE
    several = max(2, visits)
    cost = fee * max(window.days_needed, several) + move_in * several
    if visits == 1 and (run := _least_single_run(window, mine, stretches)) is not None:
        cost = min(cost, fee * max(window.days_needed, run) + move_in)
    elif visits == 1:
        visits = 2
    return LocationBound(max(window.days_needed, visits), visits, cost)


def _least_single_run(window: EntityWindow, mine: Sequence[SceneWindow],
                      stretches: list[list[int]]) -> int | None:
    """Days of the shortest single run that can hold the scenes, or ``None`` when none can."""
    scene_days = sum(w.length for w in mine)
    best: int | None = None
    for stretch in stretches:
        for index, first in enumerate(stretch):
            if first > window.first_at_most or index + window.days_needed > len(stretch):
                break
            last = max(window.last_at_least, stretch[index + window.days_needed - 1])
            if last > stretch[-1] or last - first + 1 > scene_days:
                continue
            best = last - first + 1 if best is None else min(best, last - first + 1)
    return best


def company_moves_bound(production: Production, windows: dict[str, SceneWindow],
                        location_days: dict[str, int]) -> int:
    """Company moves: a day's locations less one, so at least the location days needed less the
    days on which some location can be used."""
    days_with_location = set().union(*(w.occupiable_days() for w in windows.values()
                                       if w.scene.location))
    moves = max(0, sum(location_days.values()) - len(days_with_location))
    return moves * production.settings.company_move_cost * COST_SCALE


# ----- special crew and equipment -----------------------------------------------------------------


def resource_paid_days(production: Production, windows: dict[str, SceneWindow],
                       resource: Resource, kind: str) -> int:
    """Least paid days of a crew member or piece of equipment that is not every-day crew: the
    days its scenes need (day billing) or the span their windows force (span billing)."""
    mine = [w for w in windows.values()
            if resource.id in (w.scene.crew if kind == "crew" else w.scene.equipment)]
    if not mine:
        return 0
    window = entity_window(production, mine, production.settings.max_day_minutes)
    if resource.billing is Billing.SPAN:
        return max(window.least_span(), window.days_needed)
    return window.days_needed


# ----- a re-plan's changes ---------------------------------------------------------------------------


def forced_changes(production: Production) -> int:
    """Scenes of the current schedule (a re-plan's) that must move: their current date is
    not a start day they may have now (0 for an ordinary plan)."""
    calendar = production.calendar
    forced = 0
    for scene_id, when in production.current_dates.items():
        day = calendar.day_of(when)
        scene = production.scene_by_id[scene_id]
        if day is None or day not in production.allowed_start_days(scene):
            forced += 1
    return forced


# ----- the whole bound --------------------------------------------------------------------------


def lower_bound(production: Production) -> CostBound:
    """The least cost of any valid schedule of ``production``, by category (see the module)."""
    windows = scene_windows(production)
    min_wrap = least_wrap_day(production, windows)
    crew = crew_and_overtime(production, windows, min_wrap)
    paid = {m.id: days for m in production.cast
            if (days := cast_paid_days(production, windows, m.id))}
    locations = {loc.id: location_bound(production, windows, loc.id)
                 for loc in production.locations}
    location_days = {k: b.days for k, b in locations.items() if b.days}
    resources: dict[str, int] = {}
    resource_cost = {"crew_special": 0, "equipment": 0}
    for kind, category, items in (("crew", "crew_special", production.crew),
                                  ("equipment", "equipment", production.equipment)):
        for resource in items:
            if resource.every_day:
                continue  # paid with the crew days
            if days := resource_paid_days(production, windows, resource, kind):
                resources[f"{kind}:{resource.id}"] = days
                resource_cost[category] += days * resource.daily_rate * COST_SCALE
    by_category = {
        "crew": crew.crew_alone,
        "overtime": crew.joint - crew.crew_alone,
        "cast": cast_cost(production, paid),
        "locations": sum(b.cost for b in locations.values()),
        "moves": company_moves_bound(production, windows, location_days),
        **resource_cost,
        "changes": forced_changes(production) * production.settings.scene_move_cost * COST_SCALE,
    }
    assert tuple(by_category) == COST_CATEGORIES
    return CostBound(
        total=sum(by_category.values()),
        by_category=by_category,
        overtime_alone=crew.overtime_alone,
        crew_and_overtime=crew.joint,
        min_wrap_day=min_wrap,
        joint_wrap_day=crew.joint_wrap_day,
        shoot_days_needed=least_days(production, production.scenes,
                                     production.settings.max_day_minutes),
        overtime_minutes=crew.overtime_minutes,
        cast_paid_days=paid,
        location_days=location_days,
        location_visits={k: b.visits for k, b in locations.items() if b.visits},
        resource_paid_days=resources,
    )
