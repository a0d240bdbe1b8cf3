"""The hard rules of a shoot, one method per rule, as constraints of the CP-SAT model.

In explain mode every rule *instance* (a rule on one day, for one scene, for one row of the
``Constraints`` sheet, ...) is guarded by its own named literal: the model is then solved under
the assumption that all of them hold, and the assumptions CP-SAT blames for an infeasibility name
the rules in conflict (see ``explain.py``).  In normal mode nothing is guarded.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from ..data import (
    Availability,
    Billing,
    ConstraintKind,
    DayNight,
    Production,
    Scene,
    SceneConstraint,
)
from ..rules import AVAILABILITY_RULES, Rule
from ..solution import COST_SCALE
from .variables import ShootVariables

logger = logging.getLogger("scheduler")


@dataclass(frozen=True)
class RuleInstance:
    """One guarded rule instance of the explain mode, e.g. day hours on day 5.

    ``scene``, ``subject`` (a cast, location, crew or equipment id), ``day`` and ``row`` (index in
    ``production.constraints``) say which instance it is; ``detail`` adds what else is needed
    (the light of a DAWN/DUSK rule, the kind of a resource).
    """

    rule: Rule
    scene: str | None = None
    subject: str | None = None
    day: int | None = None
    row: int | None = None
    detail: str | None = None


class ShootConstraints:
    """Adds every hard rule of ``production`` to the model.

    Parameters
    ----------
    model
        The CP-SAT model.
    production
        The production.
    variables
        Its variables.
    total_cost
        The cost expression, for the budget rule (``None`` leaves the budget out).
    explain
        Guard every rule instance by a named literal (see the module docstring).
    """

    def __init__(self, model: cp_model.CpModel, production: Production,
                 variables: ShootVariables, total_cost: cp_model.LinearExpr | int | None = None,
                 explain: bool = False) -> None:
        self.model = model
        self.production = production
        self.settings = production.settings
        self.calendar = production.calendar
        self.variables = variables
        self.total_cost = total_cost
        self.explain = explain
        self.guards: dict[RuleInstance, cp_model.IntVar] = {}

    def add_constraints(self) -> None:
        """Add the rules in the order of ``rules.Rule``.  Symmetry breaking and redundant bounds
        come only in normal mode: they hold for the whole rule set, not for every subset of it,
        and explain mode relaxes subsets."""
        self._scene_scheduled()
        self._multi_day_alone()
        self._calendar_end()
        self._day_hours()
        self._cast_availability()
        self._location_availability()
        self._crew_availability()
        self._equipment_availability()
        self._every_day_crew()
        self._scene_window()
        self._pinned_date()
        self._before()
        self._same_day()
        self._different_day()
        self._consecutive()
        self._not_on()
        self._max_locations()
        self._zones()
        self._split_days()
        self._night_turnaround()
        self._dawn_dusk()
        self._minor_night()
        self._minor_hours()
        self._budget()
        if not self.explain:
            if not self.variables.restricted:  # a neighbourhood fixes some of a group only
                self._identical_scenes_in_order()
            self._work_days_lower_bounds()

    # ----- guards -------------------------------------------------------------------------------

    def _enforce(self, constraint: cp_model.Constraint, instance: RuleInstance) -> None:
        """In explain mode, make ``constraint`` hold only under the literal of ``instance``."""
        if self.explain:
            constraint.only_enforce_if(self._guard(instance))

    def _guard(self, instance: RuleInstance) -> cp_model.IntVar:
        if instance not in self.guards:
            name = ":".join(str(part) for part in (
                instance.rule.value, instance.scene, instance.subject, instance.day,
                instance.row, instance.detail) if part is not None)
            self.guards[instance] = self.model.new_bool_var(name)
        return self.guards[instance]

    def _forbid_starts(self, scene: Scene, banned: Iterable[int], instance: RuleInstance) -> None:
        """Explain mode: scene ``scene`` may not start on ``banned`` days (under a guard)."""
        starts = self.variables.starts[scene.id]
        literals = [starts[day] for day in banned if day in starts]
        if literals:
            self._enforce(self.model.add_bool_and([~lit for lit in literals]), instance)

    def _occupied_dates(self, scene: Scene, start: int) -> list[date]:
        length = self.production.scene_days(scene)
        return [self.calendar.date_of(day) for day in range(start, start + length)]

    # ----- one method per rule ------------------------------------------------------------------

    def _scene_scheduled(self) -> None:
        """Every scene starts on exactly one of its candidate days (never guarded: it is what a
        schedule is)."""
        for scene in self.production.scenes:
            self.model.add_exactly_one(self.variables.starts[scene.id].values())

    def _multi_day_alone(self) -> None:
        """A scene longer than a day is the only scene on each day it occupies."""
        for day in self.variables.days:
            long_scenes = self.variables.long_scenes_on(day)
            alone = self.variables.long_scene_on(day)
            if alone is None:
                continue
            instance = RuleInstance(Rule.MULTI_DAY_ALONE, day=day)
            if len(long_scenes) > 1:
                occupied = [self.variables.occupies(s, day) for s in long_scenes]
                self._enforce(self.model.add(sum(lit for lit in occupied if lit is not None) <= 1),
                              instance)
            others = [lit for scene in self.variables.scenes_on[day]
                      if not self.production.is_multi_day(scene)
                      and (lit := self.variables.occupies(scene, day)) is not None]
            if others:
                self._enforce(self.model.add(sum(others) == 0).only_enforce_if(alone), instance)

    def _calendar_end(self) -> None:
        """Every scene ends within the calendar: applied by the candidate start days in both
        modes (a shoot day past the calendar has no date to offer)."""

    def _day_hours(self) -> None:
        """Scene minutes plus moves stay within ``max_day_minutes``."""
        limit = self.settings.max_day_minutes
        for day in self.variables.days:
            if self.variables.max_day_minutes(day) <= limit:
                continue
            self._enforce(self.model.add(self.variables.day_minutes(day) <= limit),
                          RuleInstance(Rule.DAY_HOURS, day=day))

    def _cast_availability(self) -> None:
        """Cast work only on their available dates (normal mode: by the candidate start days,
        ``Production.allowed_start_days``)."""
        self._resource_availability("cast")

    def _location_availability(self) -> None:
        """Locations are used only on their available dates (normal mode: by the candidate
        start days)."""
        self._resource_availability("location")

    def _crew_availability(self) -> None:
        """Special crew work only on their available dates (normal mode: by the candidate start
        days)."""
        self._resource_availability("crew")

    def _equipment_availability(self) -> None:
        """Equipment is used only on its available dates (normal mode: by the candidate start
        days)."""
        self._resource_availability("equipment")

    def _resource_availability(self, wanted: str) -> None:
        if not self.explain:
            return
        for scene in self.production.scenes:
            for kind, entity_id, availability in self.production.resource_availability(scene):
                if kind == wanted:
                    self._forbid_starts(scene, self._blocked_starts(scene, availability),
                                        RuleInstance(AVAILABILITY_RULES[kind], scene=scene.id,
                                                     subject=entity_id))

    def _blocked_starts(self, scene: Scene, availability: Availability) -> list[int]:
        return [start for start in self.variables.starts[scene.id]
                if not all(availability.allows(when)
                           for when in self._occupied_dates(scene, start))]

    def _every_day_crew(self) -> None:
        """No scene is shot on a date an every-day crew member is unavailable (normal mode: by
        the candidate start days)."""
        if not self.explain:
            return
        for member in self.production.every_day_crew:
            for scene in self.production.scenes:
                self._forbid_starts(scene, self._blocked_starts(scene, member.availability),
                                    RuleInstance(Rule.EVERY_DAY_CREW, scene=scene.id,
                                                 subject=member.id))

    def _scene_window(self) -> None:
        """Scenes are shot between their earliest and latest dates (normal mode: by the
        candidate start days)."""
        if not self.explain:
            return
        for scene in self.production.scenes:
            if scene.earliest is None and scene.latest is None:
                continue
            earliest, latest = scene.earliest or date.min, scene.latest or date.max
            banned = [start for start in self.variables.starts[scene.id]
                      if (dates := self._occupied_dates(scene, start))[0] < earliest
                      or dates[-1] > latest]
            self._forbid_starts(scene, banned, RuleInstance(Rule.SCENE_WINDOW, scene=scene.id))

    def _pinned_date(self) -> None:
        """A pinned scene starts on its date (normal mode: by the candidate start days)."""
        if not self.explain:
            return
        for scene in self.production.scenes:
            if scene.shoot_on is None:
                continue
            banned = [start for start in self.variables.starts[scene.id]
                      if self.calendar.date_of(start) != scene.shoot_on]
            self._forbid_starts(scene, banned, RuleInstance(Rule.PINNED_DATE, scene=scene.id))

    def _rows(self, kind: ConstraintKind) -> list[tuple[int, SceneConstraint, list[Scene]]]:
        """Rows of the Constraints sheet of one kind, with their (known) scenes."""
        rows = []
        for index, row in enumerate(self.production.constraints):
            if row.kind is kind:
                scenes = [self.production.scene_by_id[sid] for sid in row.scenes
                          if sid in self.production.scene_by_id]
                rows.append((index, row, scenes))
        return rows

    def _before(self) -> None:
        """The first listed scene's last day comes before every other listed scene's first."""
        for index, _, scenes in self._rows(ConstraintKind.BEFORE):
            if len(scenes) < 2:
                continue
            first, *others = scenes
            last_day = self.variables.start_day(first) + self.production.scene_days(first) - 1
            instance = RuleInstance(Rule.BEFORE, row=index)
            for other in others:
                self._enforce(self.model.add(last_day < self.variables.start_day(other)),
                              instance)

    def _same_day(self) -> None:
        """All listed scenes start on the same day (they are one-day scenes)."""
        for index, _, scenes in self._rows(ConstraintKind.SAME_DAY):
            instance = RuleInstance(Rule.SAME_DAY, row=index)
            for first, second in itertools.pairwise(scenes):
                self._equal_starts(first, second, 0, instance)

    def _equal_starts(self, first: Scene, second: Scene, offset: int,
                      instance: RuleInstance) -> None:
        """``second`` starts ``offset`` days after ``first``, day by day as Booleans."""
        first_starts = self.variables.starts[first.id]
        second_starts = self.variables.starts[second.id]
        for day in sorted(set(first_starts) | {d - offset for d in second_starts}):
            here, there = first_starts.get(day), second_starts.get(day + offset)
            if here is not None and there is not None:
                self._enforce(self.model.add(here == there), instance)
            elif here is not None or there is not None:
                lone = here if here is not None else there
                assert lone is not None
                self._enforce(self.model.add_bool_and([~lone]), instance)

    def _different_day(self) -> None:
        """No two listed scenes share a shoot day."""
        for index, _, scenes in self._rows(ConstraintKind.DIFFERENT_DAY):
            instance = RuleInstance(Rule.DIFFERENT_DAY, row=index)
            for day in self.variables.days:
                occupied = [lit for scene in scenes
                            if (lit := self.variables.occupies(scene, day)) is not None]
                if len(occupied) > 1:
                    self._enforce(self.model.add(sum(occupied) <= 1), instance)

    def _consecutive(self) -> None:
        """In the listed order, each scene starts the shoot day after the previous one ends."""
        for index, _, scenes in self._rows(ConstraintKind.CONSECUTIVE):
            instance = RuleInstance(Rule.CONSECUTIVE, row=index)
            for first, second in itertools.pairwise(scenes):
                self._equal_starts(first, second, self.production.scene_days(first), instance)

    def _not_on(self) -> None:
        """Listed scenes are not shot on the listed dates (normal mode: by the candidate start
        days)."""
        if not self.explain:
            return
        for index, row, scenes in self._rows(ConstraintKind.NOT_ON):
            banned_dates = set(row.dates)
            for scene in scenes:
                banned = [start for start in self.variables.starts[scene.id]
                          if banned_dates & set(self._occupied_dates(scene, start))]
                self._forbid_starts(scene, banned, RuleInstance(Rule.NOT_ON, row=index))

    def _max_locations(self) -> None:
        """At most ``max_locations_per_day`` locations a day."""
        limit = self.settings.max_locations_per_day
        for day in self.variables.days:
            locations = [lit for loc in self.variables.locations_possible(day)
                         if (lit := self.variables.present("location", loc, day)) is not None]
            if len(locations) > limit:
                self._enforce(self.model.add(sum(locations) <= limit),
                              RuleInstance(Rule.MAX_LOCATIONS, day=day))

    def _zones(self) -> None:
        """Locations of different zones never share a day."""
        for day in self.variables.days:
            zones = [lit for zone in self.variables.zones_possible(day)
                     if (lit := self.variables.zone_on(zone, day)) is not None]
            if len(zones) > 1:
                self._enforce(self.model.add(sum(zones) <= 1), RuleInstance(Rule.ZONES, day=day))

    def _split_days(self) -> None:
        """No day mixes NIGHT and day-light scenes, unless ``allow_split_days``."""
        if self.settings.allow_split_days:
            return
        for day in self.variables.days:
            night = self.variables.night_on(day)
            daylight = self.variables.daylight_parts(day)
            if night is not None and daylight:
                self._enforce(self.model.add(sum(daylight) == 0).only_enforce_if(night),
                              RuleInstance(Rule.SPLIT_DAY, day=day))

    def _night_turnaround(self) -> None:
        """A shoot day with a NIGHT scene is not followed, on the next calendar date, by a shoot
        day with a day-light scene."""
        if not self.settings.night_turnaround:
            return
        for day in self.variables.days[:-1]:
            if not self.calendar.is_next_calendar_date(day, day + 1):
                continue
            night = self.variables.night_on(day)
            morning = self.variables.daylight_parts(day + 1)
            if night is not None and morning:
                self._enforce(self.model.add(sum(morning) == 0).only_enforce_if(night),
                              RuleInstance(Rule.NIGHT_TURNAROUND, day=day))

    def _dawn_dusk(self) -> None:
        """At most one DAWN and at most one DUSK scene part a day."""
        for day in self.variables.days:
            for light in (DayNight.DAWN, DayNight.DUSK):
                literals = self.variables.scenes_with_light(light, day)
                if len(literals) > 1:
                    self._enforce(self.model.add(sum(literals) <= 1),
                                  RuleInstance(Rule.DAWN_DUSK, day=day, detail=light.value))

    def _minor_night(self) -> None:
        """Minors are in no NIGHT scene (a data check refuses this before the solver)."""
        for scene in self.production.scenes:
            if not scene.is_night:
                continue
            for cast_id in scene.cast:
                member = self.production.cast_by_id.get(cast_id)
                if member is not None and member.minor:
                    starts = list(self.variables.starts[scene.id].values())
                    self._enforce(self.model.add_bool_and([~lit for lit in starts]),
                                  RuleInstance(Rule.MINOR_NIGHT, scene=scene.id,
                                               subject=cast_id))

    def _minor_hours(self) -> None:
        """A cast member with ``max_minutes`` (a minor) works at most that long a day."""
        for member in self.production.cast:
            if member.max_minutes is None:
                continue
            scenes = {scene.id for scene in self.variables.scenes_of("cast", member.id)}
            for day in self.variables.days:
                parts = [(lit, minutes) for lit, minutes, scene in self.variables.parts_on[day]
                         if scene.id in scenes]
                if sum(minutes for _, minutes in parts) <= member.max_minutes:
                    continue
                worked = cp_model.LinearExpr.weighted_sum([p[0] for p in parts],
                                                          [p[1] for p in parts])
                self._enforce(self.model.add(worked <= member.max_minutes),
                              RuleInstance(Rule.MINOR_HOURS, subject=member.id, day=day))

    def _budget(self) -> None:
        """The total cost stays within the budget."""
        budget = self.settings.budget
        if budget is None or self.total_cost is None:
            return
        self._enforce(self.model.add(self.total_cost <= budget * COST_SCALE),
                      RuleInstance(Rule.BUDGET))

    # ----- symmetry breaking and redundant bounds (normal mode) ---------------------------------

    def _identical_scenes_in_order(self) -> None:
        """Symmetry breaking: of two scenes that no rule or cost can tell apart, the first in the
        breakdown starts no later than the second."""
        for group in identical_scene_groups(self.production):
            days = [self.variables.start_day(scene) for scene in group]
            for earlier, later in itertools.pairwise(days):
                self.model.add(earlier <= later)

    def _work_days_lower_bounds(self) -> None:
        """Redundant, for a stronger bound: each cast member, location, crew member and piece of
        equipment is used on at least the days its scenes need (long scenes' days alone, the
        others at the day's cap, a minor's own cap included), and a cast member's paid span, or
        a span-billed resource's, covers at least its work days."""
        for kind in ("cast", "location", "crew", "equipment"):
            for entity_id in self._entities(kind):
                scenes = self.variables.scenes_of(kind, entity_id)
                if not scenes or self.variables.settled_days(kind, entity_id) is not None:
                    continue  # constants: nothing to bound
                used = [on for day in self.variables.days
                        if (on := self.variables.present(kind, entity_id, day)) is not None]
                needed = self.variables.days_needed(kind, entity_id)
                if needed > 1:
                    self.model.add(sum(used) >= needed)
                if kind in ("cast", "crew", "equipment") and self._span_is_costed(kind, entity_id):
                    span = self.variables.span_days(kind, entity_id)
                    if kind == "cast" and self.production.cast_by_id[entity_id].drop_pickup:
                        span = span - self.variables.drop_days(entity_id)
                    self.model.add(span >= sum(used))

    def _entities(self, kind: str) -> list[str]:
        if kind == "cast":
            return [member.id for member in self.production.cast]
        if kind == "location":
            return [location.id for location in self.production.locations]
        resources = self.production.crew if kind == "crew" else self.production.equipment
        return [resource.id for resource in resources]

    def _span_is_costed(self, kind: str, entity_id: str) -> bool:
        """Spans exist (in the objective) for paid cast and span-billed crew and equipment."""
        if kind == "cast":
            return self.production.cast_by_id[entity_id].daily_rate > 0
        resource = (self.production.crew_by_id if kind == "crew"
                    else self.production.equipment_by_id)[entity_id]
        return (resource.daily_rate > 0 and not resource.every_day
                and resource.billing is Billing.SPAN)


def identical_scene_groups(production: Production) -> list[list[Scene]]:
    """Groups (two or more, in breakdown order) of scenes that no rule or cost tells apart.

    Compared: cast, location, crew, equipment, minutes, light, INT/EXT, windows, pin and the
    date in a re-plan's current schedule (a move off it costs); a scene named in any row of the
    Constraints sheet is never grouped.
    """
    constrained = {sid for row in production.constraints for sid in row.scenes}
    groups: dict[tuple[object, ...], list[Scene]] = defaultdict(list)
    for scene in production.scenes:
        if scene.id in constrained:
            continue
        key = (
            tuple(sorted(scene.cast)), scene.location, tuple(sorted(scene.crew)),
            tuple(sorted(scene.equipment)), production.scene_minutes(scene), scene.day_night,
            scene.int_ext, scene.earliest, scene.latest, scene.shoot_on,
            production.current_dates.get(scene.id),
        )
        groups[key].append(scene)
    return [group for group in groups.values() if len(group) > 1]
