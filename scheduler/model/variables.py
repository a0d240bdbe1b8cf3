"""The variables of the shooting model, in one container with query methods.

Decisions are Booleans ``start[scene][day]`` over the allowed (scene, start day) pairs only.
Everything else is derived from them and created lazily, on first use, so that the model holds
only what its rules and costs need: occupancy of a day by a scene, presence of a cast member,
location, crew member or piece of equipment on a day, day types (night, day light, long scene),
the wrap day, spans (first to last day) and drops.

The variables that make up the cost are *exact*: they equal their definitions in every solution,
not just at the optimum (presence ``p`` of literals ``x``: ``x => p`` and ``p => OR(x)``), so the
model's cost of a solution is ``Schedule.total_cost``.  Two kinds are looser on purpose: a drop may
be any legal drop, not the best (a solution then looks dearer than it is; at the optimum it is the
best), and ``night_on``, which only ever forbids, is forced one way.  Each derived variable records
how to compute it from the others, which gives complete hints from a ``Solution``
(``hint_values``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence

from ortools.sat.python import cp_model, cp_model_helper

from ..bounds import minimum_days, minimum_shoot_days
from ..data import DayNight, Production, Scene
from ..solution import Schedule, Solution, best_drop
from . import hints
from .hints import Definition, Valuation

logger = logging.getLogger("scheduler")

# A literal: a Boolean variable or its negation.
Literal = cp_model_helper.Literal

ENTITY_KINDS = ("cast", "location", "crew", "equipment")


class ShootVariables:
    """Variables of one production's model.

    Parameters
    ----------
    model
        The CP-SAT model to create the variables in.
    production
        The production.
    explain
        Explain mode: start days range over the whole calendar (only the calendar's end is applied
        here); availability, windows and ``not_on`` become named constraints so that they can
        appear in an explanation of infeasibility.
    starts
        Candidate start days of some scenes, within their allowed days: a neighbourhood of the
        large-neighbourhood search.  A scene left one candidate is fixed: its start is the
        constant true, and everything that follows from fixed scenes alone folds into
        constants, so a sub-model of a few free scenes stays small.
    """

    def __init__(self, model: cp_model.CpModel, production: Production,
                 explain: bool = False,
                 starts: Mapping[str, Collection[int]] | None = None) -> None:
        self.model = model
        self.production = production
        self.calendar = production.calendar
        self.num_days = self.calendar.num_days
        self.days = list(self.calendar.days)
        self.explain = explain
        self.restricted = starts is not None
        self._restriction = starts or {}
        self.true = model.new_constant(1)
        self._definitions: list[tuple[cp_model.IntVar, Definition]] = []
        self._cache: dict[tuple[object, ...], Literal | None] = {}
        self._lists: dict[tuple[object, ...], list[Literal | None]] = {}
        self._entity_days: dict[tuple[str, str], dict[int, list[Literal]]] = {}
        self._settled: dict[tuple[str, str], list[int] | None] = {}
        self._reach: dict[int, int | None] = {}
        self.starts: dict[str, dict[int, cp_model.IntVar]] = {}
        self.occupancy: dict[str, dict[int, Literal]] = {}
        # (start literal, minutes) of every scene part that may fall on a day
        self.parts_on: dict[int, list[tuple[Literal, int, Scene]]] = defaultdict(list)
        self.scenes_on: dict[int, list[Scene]] = defaultdict(list)
        self._scenes_of: dict[str, dict[str, list[Scene]]] = {kind: defaultdict(list)
                                                               for kind in ENTITY_KINDS}
        self._start_day: dict[str, cp_model.IntVar] = {}
        self._after: list[cp_model.IntVar] | None = None
        self._overtime: dict[int, cp_model.IntVar | None] = {}
        self._night: dict[int, cp_model.IntVar | None] = {}
        self._index_entities()
        self._make_scene_variables()

    # ----- scenes ------------------------------------------------------------------------------

    def candidate_starts(self, scene: Scene) -> list[int]:
        """Start days that get a variable: the allowed ones, or in explain mode every start that
        ends within the calendar."""
        if self.explain:
            return list(range(1, self.num_days - self.production.scene_days(scene) + 2))
        allowed = self.production.allowed_start_days(scene)
        if scene.id in self._restriction:
            wanted = set(self._restriction[scene.id])
            return [day for day in allowed if day in wanted]
        return allowed

    def _index_entities(self) -> None:
        for scene in self.production.scenes:
            for cast_id in scene.cast:
                self._scenes_of["cast"][cast_id].append(scene)
            if scene.location:
                self._scenes_of["location"][scene.location].append(scene)
            for crew_id in scene.crew:
                self._scenes_of["crew"][crew_id].append(scene)
            for item_id in scene.equipment:
                self._scenes_of["equipment"][item_id].append(scene)

    def _make_scene_variables(self) -> None:
        for scene in self.production.scenes:
            length = self.production.scene_days(scene)
            candidates = self.candidate_starts(scene)
            starts: dict[int, cp_model.IntVar] = (
                {candidates[0]: self.true} if len(candidates) == 1 and not self.explain
                else {day: self.model.new_bool_var(f"start[{scene.id},{day}]")
                      for day in candidates})
            self.starts[scene.id] = starts
            covering: dict[int, list[cp_model.IntVar]] = defaultdict(list)
            for start, literal in starts.items():
                for part in range(length):
                    day = start + part
                    covering[day].append(literal)
                    self.parts_on[day].append(
                        (literal, self.production.part_minutes(scene, part), scene))
            occupancy: dict[int, Literal] = {}
            for day in sorted(covering):
                occupancy[day] = self._occupancy(scene, day, covering[day])
                self.scenes_on[day].append(scene)
            self.occupancy[scene.id] = occupancy

    def _occupancy(self, scene: Scene, day: int, covering: list[cp_model.IntVar]) -> Literal:
        if len(covering) == 1:
            return covering[0]
        # At most one start covers a day (exactly one start in all), so a sum is a Boolean.
        occupied = self.model.new_bool_var(f"occupies[{scene.id},{day}]")
        self.model.add(occupied == sum(covering))
        self.define(occupied, lambda v: sum(v.value(lit) for lit in covering))
        return occupied

    def occupies(self, scene: Scene, day: int) -> Literal | None:
        """True when ``scene`` is shot (in part) on ``day``; ``None`` when it never can be."""
        return self.occupancy[scene.id].get(day)

    def start_day(self, scene: Scene) -> cp_model.IntVar:
        """The first shoot day of a scene as an integer (created on first use)."""
        if scene.id not in self._start_day:
            starts = self.starts[scene.id]
            low, high = (min(starts), max(starts)) if starts else (1, 1)
            day = self.model.new_int_var(low, high, f"start_day[{scene.id}]")
            if starts:
                self.model.add(day == sum(d * lit for d, lit in starts.items()))
            self.define(day, lambda v: sum(d * v.value(lit) for d, lit in starts.items()))
            self._start_day[scene.id] = day
        return self._start_day[scene.id]

    def scene_minutes(self, day: int) -> cp_model.LinearExpr | int:
        """Minutes of scene parts shot on ``day``."""
        parts = self.parts_on.get(day, [])
        return cp_model.LinearExpr.weighted_sum([p[0] for p in parts], [p[1] for p in parts])

    def max_scene_minutes(self, day: int) -> int:
        return sum(minutes for _, minutes, _ in self.parts_on.get(day, []))

    # ----- presence ----------------------------------------------------------------------------

    def any_of(self, name: str, literals: Sequence[Literal]) -> Literal | None:
        """A literal equal to OR(``literals``); ``None`` when there are none.

        Channelled both ways (``x => p`` and ``p => OR(x)``), so the presence is exact.
        """
        unique = list({lit.index: lit for lit in literals}.values())
        if not unique:
            return None
        if self.true.index in {lit.index for lit in unique}:
            return self.true
        if len(unique) == 1:
            return unique[0]
        present = self.model.new_bool_var(name)
        for literal in unique:
            self.model.add_implication(literal, present)
        self.model.add_bool_or([*unique, ~present])
        self.define(present, lambda v: int(any(v.value(lit) for lit in unique)))
        return present

    def _cached(self, key: tuple[object, ...],
                make: Callable[[], Literal | None]) -> Literal | None:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def scenes_of(self, kind: str, entity_id: str) -> list[Scene]:
        """Scenes that need a cast member, location, crew member or piece of equipment."""
        return self._scenes_of[kind].get(entity_id, [])

    def present(self, kind: str, entity_id: str, day: int) -> Literal | None:
        """True when a cast member / location / crew member / equipment item is used on ``day``.

        ``kind`` is one of ``cast``, ``location``, ``crew``, ``equipment``.
        """
        key = (kind, entity_id, day)
        if key in self._cache:  # asked for every entity and day: kept cheap
            return self._cache[key]
        literals = self._occupancy_by_day(kind, entity_id).get(day)
        present = self.any_of(f"{kind}_on[{entity_id},{day}]", literals) if literals else None
        self._cache[key] = present
        return present

    def _occupancy_by_day(self, kind: str, entity_id: str) -> dict[int, list[Literal]]:
        """Day -> occupancy literals of the scenes that need an entity (indexed once)."""
        key = (kind, entity_id)
        if key not in self._entity_days:
            by_day: dict[int, list[Literal]] = defaultdict(list)
            for scene in self.scenes_of(kind, entity_id):
                for day, literal in self.occupancy[scene.id].items():
                    by_day[day].append(literal)
            self._entity_days[key] = by_day
        return self._entity_days[key]

    def settled_days(self, kind: str, entity_id: str) -> list[int] | None:
        """The days an entity works when every one of its scenes is fixed (a sub-model of the
        neighbourhood search leaves most entities so); ``None`` when some scene may move.  A
        settled entity's span, drop and presence are constants: no variables are made for
        them."""
        key = (kind, entity_id)
        if key not in self._settled:
            by_day = self._occupancy_by_day(kind, entity_id)
            fixed = bool(by_day) and all(literal is self.true for literals in by_day.values()
                        for literal in literals)
            self._settled[key] = sorted(by_day) if fixed else None
        return self._settled[key]

    def days_needed(self, kind: str, entity_id: str) -> int:
        """Days on which an entity works at least, by counting (``minimum_days``) its scenes at
        the day's cap (a cast member's own ``max_minutes`` when lower)."""
        scenes = self.scenes_of(kind, entity_id)
        if not scenes:
            return 0
        cap = self.production.settings.max_day_minutes
        if kind == "cast":
            cap = min(cap, self.production.cast_by_id[entity_id].max_minutes or cap)
        return minimum_days(self.production, scenes, cap)

    def locations_possible(self, day: int) -> list[str]:
        """Location ids that may be used on ``day``, in breakdown order."""
        seen: dict[str, None] = {}
        for scene in self.scenes_on.get(day, []):
            if scene.location:
                seen.setdefault(scene.location, None)
        return list(seen)

    def any_location(self, day: int) -> Literal | None:
        """True when some location is used on ``day``."""
        def make() -> Literal | None:
            literals = [lit for loc in self.locations_possible(day)
                        if (lit := self.present("location", loc, day)) is not None]
            return self.any_of(f"any_location[{day}]", literals)

        return self._cached(("any_location", day), make)

    def moves(self, day: int) -> cp_model.LinearExpr | int:
        """Company moves on ``day``: locations used minus one (zero when there are none)."""
        locations = [lit for loc in self.locations_possible(day)
                     if (lit := self.present("location", loc, day)) is not None]
        if len(locations) < 2:
            return 0
        any_location = self.any_location(day)
        assert any_location is not None
        return sum(locations) - any_location

    def day_minutes(self, day: int) -> cp_model.LinearExpr | int:
        """A day's hours in minutes: its scene parts plus the time its moves take."""
        move_minutes = self.production.settings.company_move_minutes
        return self.scene_minutes(day) + move_minutes * self.moves(day)

    def max_day_minutes(self, day: int) -> int:
        """An upper bound of ``day_minutes(day)`` over all schedules."""
        move_minutes = self.production.settings.company_move_minutes
        locations = len(self.locations_possible(day))
        return self.max_scene_minutes(day) + move_minutes * max(0, locations - 1)

    def night_on(self, day: int) -> cp_model.IntVar | None:
        """A Boolean that is true when a NIGHT scene part is shot on ``day`` (``None`` when none
        can be).

        Channelled one way only (a NIGHT part forces it): it only ever forbids day-light scenes,
        so the search keeps it false when it need not be true.
        """
        if day not in self._night:
            nights = [lit for scene in self.scenes_on.get(day, []) if scene.is_night
                      and (lit := self.occupies(scene, day)) is not None]
            night: cp_model.IntVar | None = None
            if nights:
                night = self.model.new_bool_var(f"night_on[{day}]")
                self.model.add(sum(nights) <= len(nights) * night)
                self.define(night, hints.night_shot_on(day))
            self._night[day] = night
        return self._night[day]

    def daylight_parts(self, day: int) -> list[Literal]:
        """Occupancy literals of the DAY, DAWN and DUSK scenes that may be shot on ``day``."""
        return [lit for scene in self.scenes_on.get(day, []) if not scene.is_night
                and (lit := self.occupies(scene, day)) is not None]

    def scenes_with_light(self, light: DayNight, day: int) -> list[Literal]:
        return [lit for scene in self.scenes_on.get(day, []) if scene.day_night is light
                and (lit := self.occupies(scene, day)) is not None]

    def long_scene_on(self, day: int) -> Literal | None:
        """True when a scene longer than a day is shot on ``day``."""
        def make() -> Literal | None:
            literals = [lit for scene in self.long_scenes_on(day)
                        if (lit := self.occupies(scene, day)) is not None]
            return self.any_of(f"long_scene_on[{day}]", literals)

        return self._cached(("long", day), make)

    def long_scenes_on(self, day: int) -> list[Scene]:
        return [s for s in self.scenes_on.get(day, []) if self.production.is_multi_day(s)]

    def zone_on(self, zone: str, day: int) -> Literal | None:
        """True when a location of ``zone`` is used on ``day``."""
        def make() -> Literal | None:
            literals = [lit for loc in self.locations_possible(day)
                        if self._zone_of(loc) == zone
                        and (lit := self.present("location", loc, day)) is not None]
            return self.any_of(f"zone_on[{zone},{day}]", literals)

        return self._cached(("zone", zone, day), make)

    def zones_possible(self, day: int) -> list[str]:
        zones: dict[str, None] = {}
        for loc in self.locations_possible(day):
            if (zone := self._zone_of(loc)) is not None:
                zones.setdefault(zone, None)
        return list(zones)

    def _zone_of(self, location_id: str) -> str | None:
        location = self.production.location_by_id.get(location_id)
        return location.zone if location is not None else None

    # ----- spans, wrap, overtime, visits, drops ----------------------------------------------

    def wrap_flags(self) -> list[cp_model.IntVar]:
        """``after[d]``: some scene part is shot on day ``d`` or later; the wrap day is their sum.

        Flags up to a proven lower bound of the wrap day are fixed true; above it each scene's
        last day implies its flag, flags are monotone, and a flag needs a scene on its day or
        the next flag (exact).
        """
        if self._after is None:
            after = [self.model.new_bool_var(f"wrap_at_least[{day}]") for day in self.days]
            lowest = self.minimum_wrap_day()
            for flag in after[:lowest]:
                self.model.add(flag == 1)
            for later, earlier in zip(after[lowest + 1:], after[lowest:], strict=False):
                self.model.add_implication(later, earlier)
            for scene in self.production.scenes:
                length = self.production.scene_days(scene)
                for start, literal in self.starts[scene.id].items():
                    if start + length - 1 > lowest:
                        self.model.add_implication(literal, after[start + length - 2])
            for index, day in enumerate(self.days):
                self.define(after[index], hints.wrap_reaches(day))
                if day <= lowest:
                    continue
                on_day = [lit for scene in self.scenes_on.get(day, [])
                          if (lit := self.occupies(scene, day)) is not None]
                following = [after[index + 1]] if index + 1 < len(after) else []
                self.model.add_bool_or([~after[index], *following, *on_day])
            self._after = after
        return self._after

    def minimum_wrap_day(self) -> int:
        """A lower bound of the wrap day: each scene's earliest possible last day and, in normal
        mode, the shoot days the scenes need (``minimum_shoot_days``)."""
        lowest = 0
        for scene in self.production.scenes:
            if starts := self.starts[scene.id]:
                lowest = max(lowest, min(starts) + self.production.scene_days(scene) - 1)
        if not self.explain:  # in explain mode the day-hours rule may be relaxed
            lowest = max(lowest, minimum_shoot_days(self.production))
        return min(lowest, self.num_days)

    def wrap_day(self) -> cp_model.LinearExpr | int:
        """The last shoot day with a scene."""
        return sum(self.wrap_flags())

    def overtime(self, day: int) -> cp_model.IntVar | None:
        """Minutes past the standard day on ``day`` (``None`` when there can be none)."""
        if day not in self._overtime:
            standard = self.production.settings.standard_day_minutes
            most = self.max_day_minutes(day) - standard
            variable = None
            if most > 0:
                variable = self.model.new_int_var(0, most, f"overtime[{day}]")
                self.model.add_max_equality(variable, [0, self.day_minutes(day) - standard])
                self.define(variable, hints.overtime_on(day))
            self._overtime[day] = variable
        return self._overtime[day]

    def started(self, kind: str, entity_id: str) -> list[Literal | None]:
        """Per day: the entity has worked on this day or before (``None``: not yet, surely).

        A day on which the entity cannot work repeats the previous literal.
        """
        return self._cached_list(("started", kind, entity_id),
                                 lambda: self._worked_so_far("started", kind, entity_id,
                                                             self.days))

    def pending(self, kind: str, entity_id: str) -> list[Literal | None]:
        """Per day: the entity works on this day or later (``None``: no more, surely)."""
        return self._cached_list(("pending", kind, entity_id),
                                 lambda: self._worked_so_far("pending", kind, entity_id,
                                                             self.days[::-1])[::-1])

    def _worked_so_far(self, name: str, kind: str, entity_id: str,
                       days: list[int]) -> list[Literal | None]:
        """Per day of ``days``, in their order: the entity works on this day or an earlier one
        of the list (``started`` walks the days forwards, ``pending`` backwards)."""
        flags: list[Literal | None] = []
        previous: Literal | None = None
        for index, day in enumerate(days):
            if previous is self.true:  # worked surely: so on every later day of the list
                flags += [self.true] * (len(days) - index)
                break
            on = self.present(kind, entity_id, day)
            if on is None:
                current = previous
            elif previous is None:
                current = on
            else:
                current = self._either(f"{name}[{kind},{entity_id},{day}]", previous, on)
            flags.append(current)
            previous = current
        return flags

    def _either(self, name: str, first: Literal, second: Literal) -> Literal:
        if self.true.index in (first.index, second.index):
            return self.true
        either = self.model.new_bool_var(name)
        self.model.add_implication(first, either)
        self.model.add_implication(second, either)
        self.model.add_bool_or([first, second, ~either])
        self.define(either, lambda v: max(v.value(first), v.value(second)))
        return either

    def _cached_list(self, key: tuple[object, ...],
                     make: Callable[[], list[Literal | None]]) -> list[Literal | None]:
        if key not in self._lists:
            self._lists[key] = make()
        return self._lists[key]

    def span_days(self, kind: str, entity_id: str) -> cp_model.LinearExpr | int:
        """Shoot days from the entity's first work day to its last (0 if it has no scene).

        The first and last days are order-encoded: first = days + 1 - sum(started) and last =
        sum(pending).  Per day, ``started + pending - 1`` is 1 inside the span and 0 outside
        (every scene is shot, so an entity with a scene works at least once).
        """
        if not self.scenes_of(kind, entity_id):
            return 0
        settled = self.settled_days(kind, entity_id)
        if settled is not None:
            return settled[-1] - settled[0] + 1
        flags = [f for f in self.started(kind, entity_id) + self.pending(kind, entity_id)
                 if f is not None]
        return sum(flags) - self.num_days

    def visit_starts(self, location_id: str) -> list[Literal]:
        """Per day a location is used after a day it is not: the first day of each visit."""
        def make_list() -> list[Literal | None]:
            flags: list[Literal | None] = []
            for day in self.days:
                on = self.present("location", location_id, day)
                before = self.present("location", location_id, day - 1) if day > 1 else None
                if on is None or before is None or before is self.true:
                    flags.append(None if before is self.true else on)  # no arrival after a sure day
                    continue
                arrives = self.model.new_bool_var(f"visit_starts[{location_id},{day}]")
                self.model.add_implication(arrives, on)
                self.model.add_implication(arrives, ~before)
                self.model.add_bool_or([~on, before, arrives])
                self.define(arrives, hints.arrives(on, before))
                flags.append(arrives)
            return flags

        return [f for f in self._cached_list(("visits", location_id), make_list) if f is not None]

    def drop_days(self, cast_id: str) -> cp_model.LinearExpr | int:
        """Shoot days of the cast member's one legal drop (unpaid): the sum of ``dropped``, or
        for a settled cast member the days its best legal drop saves, a constant
        (``solution.best_drop``)."""
        settled = self.settled_days("cast", cast_id)
        if settled is None:
            return sum(self.dropped(cast_id))
        drop = best_drop(self.production, settled)
        return drop.days_saved if drop is not None else 0

    def dropped(self, cast_id: str) -> list[Literal]:
        """Per shoot day: the day falls in the cast member's one legal drop (unpaid).

        A drop is the whole gap between two consecutive work days (no work inside, work right
        before and right after), at most one gap, whose work dates are more than
        ``drop_pickup_min_days`` calendar days apart.  ``drop_start[a]`` marks the first dropped
        day ``a``; it forces the drop to reach the first day ``b`` such that the pick-up day
        ``b + 1`` is far enough from the last work day ``a - 1``.
        """
        def make_list() -> list[Literal | None]:
            return list(self._make_drop(cast_id))

        return [f for f in self._cached_list(("dropped", cast_id), make_list) if f is not None]

    def _make_drop(self, cast_id: str) -> list[cp_model.IntVar]:
        work = {day: on for day in self.days
                if (on := self.present("cast", cast_id, day)) is not None}
        if len(work) < 2:
            return []
        first, last = min(work), max(work)
        candidates = [day for day in self.days if first < day < last]
        reach = {day: self._pickup_reach(day) for day in candidates}
        if all(r is None for r in reach.values()):
            return []
        dropped = {day: self.model.new_bool_var(f"dropped[{cast_id},{day}]")
                   for day in candidates}
        starts: list[cp_model.IntVar] = []
        for day, is_dropped in dropped.items():
            if day in work:
                self.model.add_implication(is_dropped, ~work[day])
            for neighbour in (day - 1, day + 1):
                # A dropped day extends the drop or touches a work day on both sides.
                sides = [lit for lit in (dropped.get(neighbour), work.get(neighbour))
                         if lit is not None]
                self.model.add_bool_or([~is_dropped, *sides])
            previous = dropped.get(day - 1)
            earlier = [previous] if previous is not None else []
            target = reach[day]
            if target is None or target not in dropped:
                # No legal drop starts here: a drop that covers this day began earlier.
                self.model.add_bool_or([~is_dropped, *earlier])
                continue
            begins = self.model.new_bool_var(f"drop_start[{cast_id},{day}]")
            self.model.add_bool_or([~is_dropped, begins, *earlier])
            self.model.add_implication(begins, is_dropped)
            if previous is not None:
                self.model.add_implication(begins, ~previous)
            self.model.add_implication(begins, dropped[target])
            self.define(begins, hints.drop_begins(cast_id, day))
            starts.append(begins)
        if starts:
            self.model.add_at_most_one(starts)
        for day, is_dropped in dropped.items():
            self.define(is_dropped, hints.is_dropped(cast_id, day))
        return list(dropped.values())

    def _pickup_reach(self, first_dropped: int) -> int | None:
        """``_earliest_pickup_reach``, worked out once per day (the same for every member)."""
        if first_dropped not in self._reach:
            self._reach[first_dropped] = self._earliest_pickup_reach(first_dropped)
        return self._reach[first_dropped]

    def _earliest_pickup_reach(self, first_dropped: int) -> int | None:
        """The last dropped day ``b`` of the shortest legal drop starting at ``first_dropped``.

        Legal: the pick-up day ``b + 1`` is more than ``drop_pickup_min_days`` calendar days
        after the last work day ``first_dropped - 1``; ``None`` when no pick-up day is.
        """
        minimum = self.production.settings.drop_pickup_min_days
        for pickup in range(first_dropped + 1, self.num_days + 1):
            if self.calendar.calendar_gap(first_dropped - 1, pickup) > minimum:
                return pickup - 1
        return None

    # ----- hints and solutions ---------------------------------------------------------------

    def define(self, variable: cp_model.IntVar, definition: Definition) -> None:
        """Record how ``variable`` follows from the others, for complete hints."""
        self._definitions.append((variable, definition))

    def hint_values(self, solution: Solution) -> dict[int, int]:
        """Value of every variable (by index) for ``solution``: a complete hint.

        Decisions come from the solution (a scene placed outside its allowed days hints none of
        its starts); derived variables follow their definitions, in creation order.
        """
        values: dict[int, int] = {}
        for scene_id, starts in self.starts.items():
            chosen = solution.start_day.get(scene_id)
            for day, literal in starts.items():
                values[literal.index] = int(day == chosen)
        values[self.true.index] = 1
        valuation = Valuation(values, Schedule(self.production, solution))
        for variable, definition in self._definitions:
            values[variable.index] = definition(valuation)
        return values

    def hint(self, solution: Solution) -> None:
        """Replace the model's hints by a complete hint for ``solution``."""
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        values = self.hint_values(solution)
        for index, value in values.items():
            self.model.add_hint(self.model.get_int_var_from_proto_index(index), value)
        logger.debug("hinted %d of %d variables", len(values), len(self.model.proto.variables))

    def solution_from(self, value: Callable[[cp_model.IntVar], bool]) -> Solution:
        """The ``Solution`` of a solver's (or callback's) current assignment."""
        start_day = {}
        for scene_id, starts in self.starts.items():
            for day, literal in starts.items():
                if value(literal):
                    start_day[scene_id] = day
                    break
        return Solution(start_day=start_day)
