"""When a production is a pure scene-ordering problem, and that problem in bitmask form.

A production is a *sequencing problem* when every scene fills its shoot days alone, the calendar
has exactly the days the scenes need, and no rule or cost depends on dates: then a schedule is a
scene order, every order is valid (``before`` constraints aside), and its cost is a constant plus

* for every cast member (and every span-billed crew member or piece of equipment), the daily
  rate times the shoot days from their first scene to their last (the paid work and hold days);
* for every location, its ``move_in_cost`` times the number of its visits (runs of consecutive
  scenes there).

This is talent scheduling (Cheng, Diamond & Lin 1993) with location visits and precedences, as
in the movie shoot scheduling problem of Bomsdorf & Derigs (2008).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..data import Billing, ConstraintKind, DayNight, Production
from ..solution import Solution

# Constraint kinds that every order satisfies when each scene has days of its own.
_ORDER_FREE_KINDS = {ConstraintKind.DIFFERENT_DAY}


def sequencing_obstacles(production: Production) -> list[str]:
    """Why ``production`` is not a pure scene-ordering problem (empty when it is)."""
    checks = (
        _has_scenes,
        _scenes_fill_days_alone,
        _calendar_without_slack,
        _no_date_windows,
        _resources_always_available,
        _only_order_constraints,
        _before_without_cycle,
        _no_night_turnaround,
        _no_possible_drop,
    )
    found: list[str] = []
    for check in checks:
        found.extend(check(production))
        if found:
            break  # later checks may assume the earlier ones hold
    return found


def is_sequencing_problem(production: Production) -> bool:
    """True when a schedule of ``production`` is a scene order and nothing else.

    Every scene fills its shoot days alone (no two scenes fit in ``max_day_minutes``), the
    calendar has exactly the shoot days the scenes need, no scene, cast member, location, crew
    member or piece of equipment is restricted to some dates, the only scene constraints are
    ``before`` and ``different_day``, and neither the night turnaround nor a drop and pick-up can
    depend on the order.  Dark days are then irrelevant.  The check is structural; it does not
    look at where the production came from.
    """
    return not sequencing_obstacles(production)


def _has_scenes(production: Production) -> list[str]:
    return [] if production.scenes else ["the production has no scenes"]


def _scenes_fill_days_alone(production: Production) -> list[str]:
    limit = production.settings.max_day_minutes
    one_day = sorted(production.scene_minutes(scene) for scene in production.scenes
                     if not production.is_multi_day(scene))
    if len(one_day) >= 2 and one_day[0] + one_day[1] <= limit:
        return ["two scenes fit in one shoot day"]
    return []


def _calendar_without_slack(production: Production) -> list[str]:
    needed = sum(production.scene_days(scene) for scene in production.scenes)
    days = production.calendar.num_days
    if days != needed:
        return [f"the calendar has {days} shoot days, the scenes need {needed}"]
    return []


def _no_date_windows(production: Production) -> list[str]:
    first, last = production.calendar.dates[0], production.calendar.dates[-1]
    return [
        f"scene {scene.id} has a date window"
        for scene in production.scenes
        if scene.shoot_on is not None
        or (scene.earliest is not None and scene.earliest > first)
        or (scene.latest is not None and scene.latest < last)
    ]


def _resources_always_available(production: Production) -> list[str]:
    dates = production.calendar.dates
    entities = [
        *(("cast", member.id, member.availability) for member in production.cast),
        *(("location", place.id, place.availability) for place in production.locations),
        *(("crew", member.id, member.availability) for member in production.crew),
        *(("equipment", item.id, item.availability) for item in production.equipment),
    ]
    return [
        f"{kind} {entity_id} is not available on every shoot day"
        for kind, entity_id, availability in entities
        if not all(availability.allows(when) for when in dates)
    ]


def _only_order_constraints(production: Production) -> list[str]:
    return [
        f"a {rule.kind.value} constraint depends on dates or days"
        for rule in production.constraints
        if rule.kind is not ConstraintKind.BEFORE and rule.kind not in _ORDER_FREE_KINDS
    ]


def _before_without_cycle(production: Production) -> list[str]:
    """A cycle of ``before`` constraints makes the production infeasible; the general search
    explains infeasibility, so such a production is not handed to the sequencing search."""
    later: dict[str, set[str]] = {scene.id: set() for scene in production.scenes}
    for rule in production.constraints:
        if rule.kind is ConstraintKind.BEFORE:
            later[rule.scenes[0]].update(rule.scenes[1:])
    placed: set[str] = set()
    waiting = {sid: sum(sid in after for after in later.values()) for sid in later}
    ready = [sid for sid, count in waiting.items() if count == 0]
    while ready:
        scene_id = ready.pop()
        placed.add(scene_id)
        for after in later[scene_id]:
            waiting[after] -= 1
            if waiting[after] == 0:
                ready.append(after)
    return [] if len(placed) == len(later) else ["the before constraints form a cycle"]


def _no_night_turnaround(production: Production) -> list[str]:
    if not production.settings.night_turnaround:
        return []
    nights = {scene.day_night is DayNight.NIGHT for scene in production.scenes}
    if len(nights) > 1:
        return ["night and day scenes: the night turnaround depends on the order"]
    return []


def _no_possible_drop(production: Production) -> list[str]:
    dates = production.calendar.dates
    longest_gap = (dates[-1] - dates[0]).days
    if longest_gap <= production.settings.drop_pickup_min_days:
        return []
    return [
        f"cast {member.id} may be dropped and picked up"
        for member in production.cast
        if member.drop_pickup
    ]


@dataclass(frozen=True)
class SequencingProblem:
    """A scene-ordering problem in integer form, for the searches of this package.

    Scenes are numbered ``0..n-1`` in breakdown order; "members" are everything paid from its
    first scene to its last (cast, span-billed crew and equipment), numbered ``0..m-1``.

    Parameters
    ----------
    scene_ids
        Scene id of each scene number.
    durations
        Shoot days of each scene.
    members
        Bitmask of the members of each scene.
    rates
        Daily rate of each member (currency units).
    locations
        Location number of each scene (scenes without a location share one free "location").
    visit_costs
        Cost of each visit of each location number (currency units).
    predecessors
        Bitmask of the scenes that must be shot before each scene.
    """

    scene_ids: tuple[str, ...]
    durations: tuple[int, ...]
    members: tuple[int, ...]
    rates: tuple[int, ...]
    locations: tuple[int, ...]
    visit_costs: tuple[int, ...]
    predecessors: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.scene_ids)

    @cached_property
    def has_visit_costs(self) -> bool:
        return any(self.visit_costs[loc] for loc in set(self.locations))

    def weight(self, mask: int) -> int:
        """Total daily rate of the members in ``mask``."""
        total, member = 0, 0
        while mask:
            if mask & 1:
                total += self.rates[member]
            mask >>= 1
            member += 1
        return total

    @cached_property
    def fixed_cost(self) -> int:
        """What every order pays: each scene's days at the rate of its own members."""
        return sum(d * self.weight(m) for d, m in zip(self.durations, self.members, strict=True))

    def cost(self, order: list[int] | tuple[int, ...]) -> int:
        """Order-dependent cost (currency): members' spans at their rates plus location visits."""
        start: list[int] = [0] * self.size
        day = 0
        for scene in order:
            start[scene] = day
            day += self.durations[scene]
        total = 0
        for member, rate in enumerate(self.rates):
            bit = 1 << member
            days = [(start[s], start[s] + self.durations[s]) for s in order
                    if self.members[s] & bit]
            if days:
                total += rate * (max(end for _, end in days) - min(first for first, _ in days))
        previous = -1
        for scene in order:
            if self.locations[scene] != previous:
                total += self.visit_costs[self.locations[scene]]
            previous = self.locations[scene]
        return total

    def solution(self, order: list[int] | tuple[int, ...]) -> Solution:
        """The schedule of an order: each scene starts the day after the previous one ends."""
        start_day: dict[str, int] = {}
        day = 1
        for scene in order:
            start_day[self.scene_ids[scene]] = day
            day += self.durations[scene]
        return Solution(start_day=start_day)


def set_bits(mask: int) -> list[int]:
    """The numbers of the bits set in ``mask``, lowest first (the scenes or members of a set)."""
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


def sequencing_problem(production: Production) -> SequencingProblem:
    """The bitmask form of a production that ``is_sequencing_problem``.

    Members with a zero rate are left out (they cost nothing wherever they are).
    """
    cast = [member for member in production.cast if member.daily_rate > 0]
    crew = [(member, "crew") for member in production.crew
            if member.billing is Billing.SPAN and not member.every_day and member.daily_rate > 0]
    equipment = [(item, "equipment") for item in production.equipment
                 if item.billing is Billing.SPAN and not item.every_day and item.daily_rate > 0]
    rates = [member.daily_rate for member in cast]
    bit_of: dict[tuple[str, str], int] = {("cast", m.id): i for i, m in enumerate(cast)}
    for resource, kind in crew + equipment:
        bit_of[(kind, resource.id)] = len(rates)
        rates.append(resource.daily_rate)

    location_numbers: dict[str | None, int] = {None: 0}
    visit_costs = [0]
    for place in production.locations:
        location_numbers[place.id] = len(visit_costs)
        visit_costs.append(place.move_in_cost)

    scene_numbers = {scene.id: index for index, scene in enumerate(production.scenes)}
    members, locations = [], []
    for scene in production.scenes:
        mask = 0
        for kind, ids in (("cast", scene.cast), ("crew", scene.crew),
                          ("equipment", scene.equipment)):
            for entity_id in ids:
                bit = bit_of.get((kind, entity_id))
                if bit is not None:
                    mask |= 1 << bit
        members.append(mask)
        locations.append(location_numbers.get(scene.location, 0))

    predecessors = [0] * len(production.scenes)
    for rule in production.constraints:
        if rule.kind is ConstraintKind.BEFORE:
            first, *later = (scene_numbers[sid] for sid in rule.scenes)
            for number in later:
                predecessors[number] |= 1 << first
    return SequencingProblem(
        scene_ids=tuple(scene.id for scene in production.scenes),
        durations=tuple(production.scene_days(scene) for scene in production.scenes),
        members=tuple(members),
        rates=tuple(rates),
        locations=tuple(locations),
        visit_costs=tuple(visit_costs),
        predecessors=tuple(predecessors),
    )
