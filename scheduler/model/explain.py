"""Why no schedule exists, in producer language.

Cheap data checks come first (the scenes need more shoot days than the calendar has; a chain of
``before``/``consecutive``/``same_day`` rows longer than the windows allow).  Then the model is
built in explain mode, where each rule instance ("cast availability of MARY for scene 42", "day
hours on day 5", "before: 12 before 14, 15") holds under its own literal, and solved under the
assumption that all of them hold.  The instances CP-SAT blames are shrunk to a short list and
worded as ``Conflict`` objects.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..bounds import minimum_shoot_days
from ..calendar import consecutive_runs, long_date, short_date
from ..data import Availability, ConstraintKind, Production, Scene, SceneConstraint
from ..links import offset_links
from ..result import Conflict
from ..rules import AVAILABILITY_RULES, Rule
from ..subjects import EntityKind, Subject
from .constraints import RuleInstance
from .cp_model import ShootingModel

logger = logging.getLogger("scheduler")

ROW_RULES = {
    ConstraintKind.BEFORE: Rule.BEFORE,
    ConstraintKind.SAME_DAY: Rule.SAME_DAY,
    ConstraintKind.DIFFERENT_DAY: Rule.DIFFERENT_DAY,
    ConstraintKind.CONSECUTIVE: Rule.CONSECUTIVE,
    ConstraintKind.NOT_ON: Rule.NOT_ON,
}
RULE_ORDER = {rule: index for index, rule in enumerate(Rule)}


def explain(production: Production, time_limit: float = 10.0) -> list[Conflict]:
    """The rules that leave no valid schedule, each worded for a producer.

    Parameters
    ----------
    production
        A checked production for which no valid schedule exists.
    time_limit
        Seconds for the solver-based part (finding and shrinking the conflict).

    Returns
    -------
    list[Conflict]
        The conflicting rule instances; empty when none were found (the production is feasible,
        or the time ran out).
    """
    conflicts = data_conflicts(production)
    if conflicts:
        return conflicts
    return model_conflicts(production, time_limit)


def data_conflicts(production: Production) -> list[Conflict]:
    """Conflicts that simple counting proves, before any solver runs."""
    return _calendar_capacity(production) or _constraint_chains(production)


def model_conflicts(production: Production, time_limit: float = 10.0) -> list[Conflict]:
    """Conflicts found by the explain-mode model (see the module docstring)."""
    model = ShootingModel(production, explain=True)
    core = model.find_core(time_limit=time_limit, shrink_time=max(1.0, time_limit / 2))
    if core is None:
        return []
    return describe_core(production, core)


# ----- data checks ------------------------------------------------------------------------------


def _calendar_capacity(production: Production) -> list[Conflict]:
    """The scenes need more shoot days than the calendar has."""
    calendar = production.calendar
    needed = minimum_shoot_days(production)
    if needed <= calendar.num_days or calendar.num_days == 0:
        return []
    long_days = sum(production.scene_days(s) for s in production.scenes
                    if production.is_multi_day(s))
    short_minutes = sum(production.scene_minutes(s) for s in production.scenes
                        if not production.is_multi_day(s))
    limit = production.settings.max_day_minutes
    details = [f"{_hours(short_minutes)} h of scenes at most {_hours(limit)} h a day"]
    if long_days:
        details.append(f"{long_days} days of scenes longer than a day, each shot alone")
    if not production.settings.allow_split_days and any(s.is_night for s in production.scenes):
        details.append("NIGHT and day scenes on separate days")
    if len({loc.zone for loc in production.locations if loc.zone}) > 1:
        details.append("each zone on its own days")
    return [Conflict(
        Rule.CALENDAR_END,
        f"The scenes need at least {needed} shoot days ({'; '.join(details)}) but the calendar "
        f"has {calendar.num_days} ({short_date(calendar.dates[0])} to "
        f"{short_date(calendar.dates[-1])})",
    )]


@dataclass(frozen=True)
class _Link:
    """Scene ``later`` starts at least ``gap`` shoot days after scene ``earlier`` (a row says)."""

    earlier: str
    later: str
    gap: int
    row: int


def _constraint_chains(production: Production) -> list[Conflict]:
    """A chain of ordering rows that does not fit the scenes' possible start days.

    Propagates earliest and latest start days along the rows (``before``: the next starts after
    the first ends; ``consecutive`` and ``same_day``: fixed offsets both ways) until a scene's
    earliest start passes its latest, and names the rows of that chain.
    """
    links = _links(production)
    if not links:
        return []
    earliest: dict[str, int] = {}
    latest: dict[str, int] = {}
    for scene in production.scenes:
        allowed = production.allowed_start_days(scene) or [1]
        earliest[scene.id], latest[scene.id] = min(allowed), max(allowed)
    raised_by: dict[str, _Link] = {}
    lowered_by: dict[str, _Link] = {}
    for _ in range(len(production.scenes) + 1):
        changed = False
        for link in links:
            if earliest[link.earlier] + link.gap > earliest[link.later]:
                earliest[link.later] = earliest[link.earlier] + link.gap
                raised_by[link.later] = link
                changed = True
            if latest[link.later] - link.gap < latest[link.earlier]:
                latest[link.earlier] = latest[link.later] - link.gap
                lowered_by[link.earlier] = link
                changed = True
            for scene_id in (link.earlier, link.later):
                if earliest[scene_id] > latest[scene_id]:
                    return _chain_conflicts(production, scene_id, raised_by, lowered_by,
                                            earliest, latest)
        if not changed:
            return []
    # Still moving after n rounds: the rows form a cycle that pushes scenes ever later.
    rows = sorted({link.row for link in raised_by.values()})
    return [_row_conflict(production, row) for row in rows]


def _links(production: Production) -> list[_Link]:
    links = []
    known = production.scene_by_id
    for index, row in enumerate(production.constraints):
        scenes = [sid for sid in row.scenes if sid in known]
        if row.kind is ConstraintKind.BEFORE and len(scenes) > 1:
            gap = production.scene_days(known[scenes[0]])
            links += [_Link(scenes[0], other, gap, index) for other in scenes[1:]]
        for first, second, gap in offset_links(production, row.kind, scenes):
            links += [_Link(first, second, gap, index), _Link(second, first, -gap, index)]
    return links


def _chain_conflicts(production: Production, scene_id: str, raised_by: dict[str, _Link],
                     lowered_by: dict[str, _Link], earliest: dict[str, int],
                     latest: dict[str, int]) -> list[Conflict]:
    """The rows that pushed ``scene_id``'s earliest start past its latest, and the scenes whose
    own days bound the chain at either end."""
    rows: dict[int, None] = {}
    ends: list[tuple[str, bool]] = []  # (scene, True for the earliest side)
    for reasons, earliest_side in ((raised_by, True), (lowered_by, False)):
        current, seen = scene_id, set()
        while current in reasons and current not in seen:
            seen.add(current)
            link = reasons[current]
            rows.setdefault(link.row, None)
            current = link.earlier if earliest_side else link.later
        if current in seen:
            conflicts = [_row_conflict(production, row) for row in rows]
            conflicts.append(Conflict(ROW_RULES[production.constraints[link.row].kind],
                                      f"These rows order scene {current} after itself",
                                      (current,)))
            return conflicts
        ends.append((current, earliest_side))
    conflicts = [_row_conflict(production, row) for row in rows]
    for end_scene, earliest_side in ends:
        scene = production.scene_by_id[end_scene]
        allowed = production.allowed_start_days(scene)
        if not allowed:
            continue
        bound = min(allowed) if earliest_side else max(allowed)
        when = short_date(production.calendar.date_of(bound))
        side = "no earlier" if earliest_side else "no later"
        conflicts.append(Conflict(
            _limit_rule(production, scene),
            f"Scene {end_scene} can start {side} than {when} "
            f"({production.explain_no_day(scene)})",
            (end_scene,), _limited_by(production, scene)))
    return conflicts


def _limit_rule(production: Production, scene: Scene) -> Rule:
    """The rule that most directly limits a scene's days."""
    if scene.shoot_on is not None:
        return Rule.PINNED_DATE
    if scene.earliest is not None or scene.latest is not None:
        return Rule.SCENE_WINDOW
    for kind, _, availability in production.resource_availability(scene):
        if not all(availability.allows(d) for d in production.calendar.dates):
            return AVAILABILITY_RULES[kind]
    if any(not all(m.availability.allows(d) for d in production.calendar.dates)
           for m in production.every_day_crew):
        return Rule.EVERY_DAY_CREW
    return Rule.CALENDAR_END


def _limited_by(production: Production, scene: Scene) -> tuple[str, ...]:
    return tuple(entity_id
                 for _, entity_id, availability in production.resource_availability(scene)
                 if not all(availability.allows(d) for d in production.calendar.dates))


def _row_conflict(production: Production, row_index: int) -> Conflict:
    row = production.constraints[row_index]
    where = production.place_of(Subject(EntityKind.CONSTRAINT, position=row_index))
    return Conflict(ROW_RULES[row.kind], _row_message(row, where), tuple(row.scenes))


def _row_message(row: SceneConstraint, where: str) -> str:
    text = row.describe()
    suffix = f" ({where})" if where else ""
    note = f" — {row.note}" if row.note else ""
    return f"{text[0].upper()}{text[1:]}{suffix}{note}"


# ----- wording the core -------------------------------------------------------------------------


def describe_core(production: Production, core: list[RuleInstance]) -> list[Conflict]:
    """Word the rule instances of a core; the per-day instances of one rule become one
    conflict listing the days."""
    conflicts: list[tuple[tuple[int, int, str], Conflict]] = []
    by_days: dict[tuple[Rule, str | None, str | None], list[int]] = defaultdict(list)
    position = {scene.id: index for index, scene in enumerate(production.scenes)}
    for instance in core:
        if instance.day is not None:
            by_days[(instance.rule, instance.subject, instance.detail)].append(instance.day)
            continue
        conflict = _describe_one(production, instance)
        order = position.get(instance.scene or "", instance.row or 0)
        conflicts.append(((RULE_ORDER[instance.rule], order, instance.subject or ""), conflict))
    for (rule, subject, detail), days in by_days.items():
        conflict = _describe_days(production, rule, subject, detail, sorted(days))
        conflicts.append(((RULE_ORDER[rule], min(days), subject or ""), conflict))
    return [conflict for _, conflict in sorted(conflicts, key=lambda item: item[0])]


def _describe_one(production: Production, instance: RuleInstance) -> Conflict:
    rule, scene_id, subject = instance.rule, instance.scene or "", instance.subject or ""
    if instance.row is not None:
        return _row_conflict(production, instance.row)
    scene = production.scene_by_id.get(scene_id)
    scenes = (scene_id,) if scene_id else ()
    subjects = (subject,) if subject else ()
    if rule is Rule.BUDGET:
        settings = production.settings
        return Conflict(rule, f"The total cost must stay within the budget of "
                              f"{settings.budget:,} {settings.currency}")
    if rule is Rule.MINOR_NIGHT:
        label = production.label_of("cast", subject)
        return Conflict(rule, f"{label} is a minor and may not work NIGHT scene {scene_id}",
                        scenes, subjects)
    if rule is Rule.SCENE_WINDOW and scene is not None:
        lo = short_date(scene.earliest) if scene.earliest else "the first shoot day"
        hi = short_date(scene.latest) if scene.latest else "the wrap"
        return Conflict(rule, f"Scene {scene_id} must be shot between {lo} and {hi}", scenes)
    if rule is Rule.PINNED_DATE and scene is not None and scene.shoot_on is not None:
        return Conflict(rule, f"Scene {scene_id} is pinned to {short_date(scene.shoot_on)}", scenes)
    if rule is Rule.EVERY_DAY_CREW:
        member = production.crew_by_id[subject]
        return Conflict(rule, f"Scene {scene_id} cannot be shot while every-day crew "
                              f"{member.label} is away ({member.availability.describe()})",
                        scenes, subjects)
    kinds = {Rule.CAST_AVAILABILITY: ("cast", "needs"),
             Rule.LOCATION_AVAILABILITY: ("location", "is at"),
             Rule.CREW_AVAILABILITY: ("crew", "needs crew"),
             Rule.EQUIPMENT_AVAILABILITY: ("equipment", "needs")}
    if rule in kinds:
        kind, verb = kinds[rule]
        availability = _availability(production, kind, subject)
        return Conflict(rule, f"Scene {scene_id} {verb} {production.label_of(kind, subject)} "
                              f"({availability})", scenes, subjects)
    return Conflict(rule, f"{rule.wording[0].upper()}{rule.wording[1:]}", scenes, subjects)


def _availability(production: Production, kind: str, entity_id: str) -> str:
    for found_kind, found_id, availability in _all_needs(production):
        if (found_kind, found_id) == (kind, entity_id):
            return availability.describe()
    return "always available"


def _all_needs(production: Production) -> list[tuple[str, str, Availability]]:
    return ([("cast", c.id, c.availability) for c in production.cast]
            + [("location", loc.id, loc.availability) for loc in production.locations]
            + [("crew", r.id, r.availability) for r in production.crew]
            + [("equipment", r.id, r.availability) for r in production.equipment])


def _describe_days(production: Production, rule: Rule, subject: str | None, detail: str | None,
                   days: list[int]) -> Conflict:
    settings = production.settings
    on = _days_phrase(production, days)
    scenes: tuple[str, ...] = ()
    subjects: tuple[str, ...] = (subject,) if subject else ()
    if rule is Rule.DAY_HOURS:
        message = (f"A shoot day holds at most {_hours(settings.max_day_minutes)} h of shooting, "
                   f"company moves included ({on})")
    elif rule is Rule.MULTI_DAY_ALONE:
        scenes = _scenes_possible_on(production, days, production.is_multi_day)
        message = (f"A scene longer than a day ({', '.join(scenes)}) is shot alone on each of "
                   f"its days ({on})")
    elif rule is Rule.MAX_LOCATIONS:
        limit = settings.max_locations_per_day
        message = f"At most {limit} location{'s' if limit > 1 else ''} a day ({on})"
    elif rule is Rule.ZONES:
        zones: dict[str, list[str]] = defaultdict(list)
        for location in production.locations:
            if location.zone:
                zones[location.zone].append(location.label)
        subjects = tuple(loc.id for loc in production.locations if loc.zone)
        listed = "; ".join(f"{zone}: {', '.join(names)}" for zone, names in sorted(zones.items()))
        message = f"Locations in different zones ({listed}) cannot share a day ({on})"
    elif rule is Rule.SPLIT_DAY:
        message = f"DAY and NIGHT scenes cannot share a day (allow_split_days = no) ({on})"
    elif rule is Rule.NIGHT_TURNAROUND:
        message = (f"A night shoot day cannot be followed by a day shoot on the next calendar "
                   f"date (after {on})")
    elif rule is Rule.DAWN_DUSK:
        scenes = _scenes_possible_on(production, days,
                                     lambda s: s.day_night.value == detail)
        message = f"At most one {detail} scene a day ({on})"
    elif rule is Rule.MINOR_HOURS and subject is not None:
        member = production.cast_by_id[subject]
        message = (f"{member.label} works at most {_hours(member.max_minutes or 0)} h a day "
                   f"({on})")
    else:
        message = f"{rule.wording[0].upper()}{rule.wording[1:]} ({on})"
    return Conflict(rule, message, scenes, subjects)


def _scenes_possible_on(production: Production, days: list[int],
                        wanted: Callable[[Scene], bool]) -> tuple[str, ...]:
    """Scenes (of a kind) whose possible days include one of ``days``."""
    found = []
    wanted_days = set(days)
    for scene in production.scenes:
        if not wanted(scene):
            continue
        length = production.scene_days(scene)
        occupied = {start + i for start in production.allowed_start_days(scene)
                    for i in range(length)}
        if occupied & wanted_days:
            found.append(scene.id)
    return tuple(found)


def _days_phrase(production: Production, days: list[int]) -> str:
    """``day 3 (Wed 4 Mar 2026)``, ``days 1-3 (2 Mar 2026 to 4 Mar 2026)``, ``days 1, 4 and 6``."""
    calendar = production.calendar
    if len(days) == 1:
        return f"day {days[0]} ({long_date(calendar.date_of(days[0]))})"
    runs = consecutive_runs(days)
    if len(runs) == 1:
        return (f"days {days[0]}-{days[-1]} ({short_date(calendar.date_of(days[0]))} to "
                f"{short_date(calendar.date_of(days[-1]))})")
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]
    return f"days {', '.join(parts[:-1])} and {parts[-1]}"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:g}"
