"""The solver-free check of a schedule against every hard rule: the executable spec.

``validate(production, solution)`` lists every broken rule instance; an empty list means the
schedule is valid.  Costs come from ``solution.Schedule``; ``evaluate`` gives both at once.
Each rule is one small function, in the order of ``rules.Rule``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .calendar import long_date
from .data import ConstraintKind, DayNight, Production, Scene, SceneConstraint
from .rules import AVAILABILITY_RULES, Rule
from .solution import COST_SCALE, Schedule, Solution, to_money


@dataclass(frozen=True)
class Violation:
    """One rule instance that a given schedule breaks, in producer language.

    A violation is a fact about a schedule (``day`` says where it breaks, when one day does);
    compare ``result.Conflict``, a rule instance that takes part in an infeasibility: a fact
    about the production, true of every schedule, with no day of its own.
    """

    rule: Rule
    message: str
    scenes: tuple[str, ...] = ()
    day: int | None = None

    def __str__(self) -> str:
        return f"{self.rule.wording}: {self.message}"


@dataclass(frozen=True)
class Evaluation:
    violations: list[Violation]
    schedule: Schedule

    @property
    def is_valid(self) -> bool:
        return not self.violations

    @property
    def total_cost(self) -> int:
        return self.schedule.total_cost


def evaluate(production: Production, solution: Solution) -> Evaluation:
    """Check every rule and compute every cost of a schedule."""
    schedule = Schedule(production, solution)
    return Evaluation(_check(schedule), schedule)


def validate(production: Production, solution: Solution) -> list[Violation]:
    """Every broken rule instance of ``solution`` (empty when the schedule is valid)."""
    return evaluate(production, solution).violations


def _check(schedule: Schedule) -> list[Violation]:
    checks: list[Callable[[Schedule], list[Violation]]] = [
        _scene_scheduled,
        _calendar_end,
        _multi_day_alone,
        _day_hours,
        _availability,
        _every_day_crew,
        _scene_window,
        _pinned_date,
        _scene_constraints,
        _max_locations,
        _zones,
        _split_day,
        _night_turnaround,
        _dawn_dusk,
        _minor_night,
        _minor_hours,
        _budget,
    ]
    found: list[Violation] = []
    for check in checks:
        found.extend(check(schedule))
    return found


def _date(schedule: Schedule, day: int) -> str:
    return f"day {day} ({long_date(schedule.calendar.date_of(day))})"


def _scene_scheduled(schedule: Schedule) -> list[Violation]:
    production, start = schedule.production, schedule.solution.start_day
    found = [
        Violation(Rule.SCENE_SCHEDULED, f"scene {scene.id} is not scheduled", (scene.id,))
        for scene in production.scenes
        if scene.id not in start
    ]
    found += [
        Violation(Rule.SCENE_SCHEDULED, f'"{scene_id}" is not a scene of the breakdown',
                  (scene_id,))
        for scene_id in start
        if scene_id not in production.scene_by_id
    ]
    return found


def _calendar_end(schedule: Schedule) -> list[Violation]:
    found = []
    num_days = schedule.calendar.num_days
    for scene in schedule.production.scenes:
        days = schedule.days_of(scene)
        if days and (days[0] < 1 or days[-1] > num_days):
            found.append(Violation(Rule.CALENDAR_END,
                                   f"scene {scene.id} is placed on shoot days {days[0]}-{days[-1]}"
                                   f", outside the calendar's {num_days} shoot days", (scene.id,)))
    return found


def _multi_day_alone(schedule: Schedule) -> list[Violation]:
    found = []
    for day, parts in schedule.parts_by_day.items():
        long_scenes = [p.scene.id for p in parts if p.count > 1]
        if long_scenes and len(parts) > 1:
            others = [p.scene.id for p in parts if p.scene.id != long_scenes[0]]
            found.append(Violation(Rule.MULTI_DAY_ALONE,
                                   f"scene {long_scenes[0]} takes whole days but shares "
                                   f"{_date(schedule, day)} with {', '.join(others)}",
                                   (long_scenes[0], *others), day))
    return found


def _day_hours(schedule: Schedule) -> list[Violation]:
    limit = schedule.production.settings.max_day_minutes
    return [
        Violation(Rule.DAY_HOURS,
                  f"{_date(schedule, day)} needs {schedule.minutes_on(day) / 60:g} h, more than "
                  f"max_day_hours {limit / 60:g} h",
                  tuple(p.scene.id for p in schedule.parts_by_day[day]), day)
        for day in schedule.shooting_days
        if schedule.minutes_on(day) > limit
    ]


def _availability(schedule: Schedule) -> list[Violation]:
    production = schedule.production
    found = []
    for day, parts in schedule.parts_by_day.items():
        when = schedule.calendar.date_of(day)
        for part in parts:
            for kind, entity_id, availability in production.resource_availability(part.scene):
                if not availability.allows(when):
                    found.append(Violation(AVAILABILITY_RULES[kind],
                                           f"scene {part.scene.id} needs {kind} "
                                           f"{production.label_of(kind, entity_id)} on "
                                           f"{_date(schedule, day)} "
                                           f"({availability.describe()})",
                                           (part.scene.id,), day))
    return found


def _every_day_crew(schedule: Schedule) -> list[Violation]:
    found = []
    for day in schedule.shooting_days:
        when = schedule.calendar.date_of(day)
        for member in schedule.production.every_day_crew:
            if not member.availability.allows(when):
                found.append(Violation(Rule.EVERY_DAY_CREW,
                                       f"{member.label} is needed every day but not available on "
                                       f"{_date(schedule, day)}", (), day))
    return found


def _scene_window(schedule: Schedule) -> list[Violation]:
    found = []
    for scene in schedule.production.scenes:
        days = _on_calendar(schedule, scene)
        if not days:
            continue
        first = schedule.calendar.date_of(days[0])
        last = schedule.calendar.date_of(days[-1])
        if (scene.earliest and first < scene.earliest) or (scene.latest and last > scene.latest):
            found.append(Violation(Rule.SCENE_WINDOW,
                                   f"scene {scene.id} on {_date(schedule, days[0])} is outside its "
                                   f"window {scene.earliest or 'start'} to {scene.latest or 'wrap'}",
                                   (scene.id,), days[0]))
    return found


def _pinned_date(schedule: Schedule) -> list[Violation]:
    found = []
    for scene in schedule.production.scenes:
        days = _on_calendar(schedule, scene)
        if scene.shoot_on and days and schedule.calendar.date_of(days[0]) != scene.shoot_on:
            found.append(Violation(Rule.PINNED_DATE,
                                   f"scene {scene.id} is pinned to {scene.shoot_on} but starts on "
                                   f"{_date(schedule, days[0])}", (scene.id,), days[0]))
    return found


def _on_calendar(schedule: Schedule, scene: Scene) -> list[int]:
    days = schedule.days_of(scene)
    if not days or days[0] < 1 or days[-1] > schedule.calendar.num_days:
        return []
    return days


def _scene_constraints(schedule: Schedule) -> list[Violation]:
    found: list[Violation] = []
    for rule in schedule.production.constraints:
        days = {sid: schedule.days_of(schedule.production.scene_by_id[sid])
                for sid in rule.scenes if sid in schedule.production.scene_by_id}
        if any(not d for d in days.values()):
            continue  # an unscheduled scene is reported once, by _scene_scheduled
        found.extend(_CONSTRAINT_CHECKS[rule.kind](schedule, rule, days))
    return found


def _before(schedule: Schedule, rule: SceneConstraint,
            days: dict[str, list[int]]) -> list[Violation]:
    first, *others = rule.scenes
    late = [sid for sid in others if days[sid][0] <= days[first][-1]]
    if not late:
        return []
    return [Violation(Rule.BEFORE, f"scene {first} must finish before {', '.join(late)} start",
                      (first, *late))]


def _same_day(schedule: Schedule, rule: SceneConstraint,
              days: dict[str, list[int]]) -> list[Violation]:
    if len({tuple(d) for d in days.values()}) <= 1:
        return []
    return [Violation(Rule.SAME_DAY, f"scenes {', '.join(rule.scenes)} must share one day",
                      rule.scenes)]


def _different_day(schedule: Schedule, rule: SceneConstraint,
                   days: dict[str, list[int]]) -> list[Violation]:
    found = []
    ids = list(rule.scenes)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if set(days[a]) & set(days[b]):
                found.append(Violation(Rule.DIFFERENT_DAY,
                                       f"scenes {a} and {b} must be shot on different days",
                                       (a, b)))
    return found


def _consecutive(schedule: Schedule, rule: SceneConstraint,
                 days: dict[str, list[int]]) -> list[Violation]:
    found = []
    for a, b in zip(rule.scenes, rule.scenes[1:], strict=False):
        if days[b][0] != days[a][-1] + 1:
            found.append(Violation(Rule.CONSECUTIVE,
                                   f"scene {b} must start on the shoot day after scene {a} ends",
                                   (a, b)))
    return found


def _not_on(schedule: Schedule, rule: SceneConstraint,
            days: dict[str, list[int]]) -> list[Violation]:
    found = []
    banned = set(rule.dates)
    for sid, occupied in days.items():
        for day in occupied:
            if 1 <= day <= schedule.calendar.num_days and schedule.calendar.date_of(day) in banned:
                found.append(Violation(Rule.NOT_ON,
                                       f"scene {sid} may not be shot on {_date(schedule, day)}",
                                       (sid,), day))
    return found


_CONSTRAINT_CHECKS: dict[ConstraintKind, Callable[
    [Schedule, SceneConstraint, dict[str, list[int]]], list[Violation]]] = {
    ConstraintKind.BEFORE: _before,
    ConstraintKind.SAME_DAY: _same_day,
    ConstraintKind.DIFFERENT_DAY: _different_day,
    ConstraintKind.CONSECUTIVE: _consecutive,
    ConstraintKind.NOT_ON: _not_on,
}


def _max_locations(schedule: Schedule) -> list[Violation]:
    limit = schedule.production.settings.max_locations_per_day
    return [
        Violation(Rule.MAX_LOCATIONS,
                  f"{_date(schedule, day)} uses {len(schedule.locations_on(day))} locations "
                  f"({', '.join(schedule.locations_on(day))}); the limit is {limit}", (), day)
        for day in schedule.shooting_days
        if len(schedule.locations_on(day)) > limit
    ]


def _zones(schedule: Schedule) -> list[Violation]:
    production = schedule.production
    found = []
    for day in schedule.shooting_days:
        zones = {
            zone
            for loc in schedule.locations_on(day)
            if loc in production.location_by_id
            and (zone := production.location_by_id[loc].zone)
        }
        if len(zones) > 1:
            found.append(Violation(Rule.ZONES,
                                   f"{_date(schedule, day)} mixes zones {', '.join(sorted(zones))}"
                                   ", which may not share a day", (), day))
    return found


def _split_day(schedule: Schedule) -> list[Violation]:
    if schedule.production.settings.allow_split_days:
        return []
    found = []
    for day in schedule.shooting_days:
        parts = schedule.parts_by_day[day]
        nights = [p.scene.id for p in parts if p.scene.is_night]
        days = [p.scene.id for p in parts if not p.scene.is_night]
        if nights and days:
            found.append(Violation(Rule.SPLIT_DAY,
                                   f"{_date(schedule, day)} mixes day scenes {', '.join(days)} "
                                   f"with night scenes {', '.join(nights)}",
                                   (*days, *nights), day))
    return found


def _night_turnaround(schedule: Schedule) -> list[Violation]:
    if not schedule.production.settings.night_turnaround:
        return []
    found = []
    for day in schedule.shooting_days:
        after = day + 1
        if after > schedule.calendar.num_days or not schedule.calendar.is_next_calendar_date(
                day, after):
            continue
        nights = [p.scene.id for p in schedule.parts_by_day[day] if p.scene.is_night]
        mornings = [p.scene.id for p in schedule.parts_by_day[after] if not p.scene.is_night]
        if nights and mornings:
            found.append(Violation(Rule.NIGHT_TURNAROUND,
                                   f"night scenes {', '.join(nights)} on {_date(schedule, day)} "
                                   f"are followed by day scenes {', '.join(mornings)} on "
                                   f"{_date(schedule, after)}", (*nights, *mornings), day))
    return found


def _dawn_dusk(schedule: Schedule) -> list[Violation]:
    found = []
    for day in schedule.shooting_days:
        for light in (DayNight.DAWN, DayNight.DUSK):
            scenes = [p.scene.id for p in schedule.parts_by_day[day]
                      if p.scene.day_night is light]
            if len(scenes) > 1:
                found.append(Violation(Rule.DAWN_DUSK,
                                       f"{_date(schedule, day)} has {len(scenes)} {light.value} "
                                       f"scenes ({', '.join(scenes)}); at most one fits the light",
                                       tuple(scenes), day))
    return found


def _minor_night(schedule: Schedule) -> list[Violation]:
    production = schedule.production
    found = []
    for scene in production.scenes:
        if not scene.is_night or not schedule.days_of(scene):
            continue
        for cast_id in scene.cast:
            member = production.cast_by_id.get(cast_id)
            if member is not None and member.minor:
                found.append(Violation(Rule.MINOR_NIGHT,
                                       f"{member.label} is a minor in NIGHT scene {scene.id}",
                                       (scene.id,)))
    return found


def _minor_hours(schedule: Schedule) -> list[Violation]:
    found = []
    for member in schedule.production.cast:
        if member.max_minutes is None:
            continue
        for day in schedule.shooting_days:
            parts = [p for p in schedule.parts_by_day[day] if member.id in p.scene.cast]
            minutes = sum(p.minutes for p in parts)
            if minutes > member.max_minutes:
                found.append(Violation(Rule.MINOR_HOURS,
                                       f"{member.label} works {minutes / 60:g} h on "
                                       f"{_date(schedule, day)}, above their max_hours "
                                       f"{member.max_minutes / 60:g} h",
                                       tuple(p.scene.id for p in parts), day))
    return found


def _budget(schedule: Schedule) -> list[Violation]:
    budget = schedule.production.settings.budget
    if budget is None or schedule.total_cost <= budget * COST_SCALE:
        return []
    currency = schedule.production.settings.currency
    return [Violation(Rule.BUDGET,
                      f"the schedule costs {to_money(schedule.total_cost):,} {currency}, above the "
                      f"budget of {budget:,} {currency}")]
