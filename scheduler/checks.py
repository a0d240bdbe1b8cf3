"""Cross-checks of a production: what no single entity can tell (unknown ids, minors at night,
pinned dates off the calendar, scenes with no possible day, ...).

Each problem names its ``Subject`` (the scene and field it is about), never a place in a file:
the reader that built the production places it (``Problem.located``).  The messages still name
the workbook's fields and sheets, as users of every front end have read them so far.
"""

from __future__ import annotations

from collections.abc import Sequence

from .calendar import short_date
from .data import (
    CalendarDayType,
    CastMember,
    ConstraintKind,
    Location,
    Production,
    Resource,
    Scene,
)
from .errors import Problem
from .revision import colour_order_problems
from .subjects import EntityKind, Subject
from .wording import explain_no_day


def check_production(production: Production) -> list[Problem]:
    """Every cross-check problem of a production, each with its subject and no place yet.

    Parameters
    ----------
    production
        The production to check.

    Returns
    -------
    list[Problem]
        Empty when the production can be planned.
    """
    return (
        _unique_ids(production)
        + _known_references(production)
        + _constraint_scenes(production)
        + _minors_at_night(production)
        + _settings_consistency(production)
        + _revision_colours(production)
        + _pinned_dates(production)
        + _minors_over_their_hours(production)
        + _scenes_without_a_day(production)
    )


def _scene(position: int, scene_id: str, field: str) -> Subject:
    return Subject(EntityKind.SCENE, scene_id, field, position)


def _setting(field: str) -> Subject:
    return Subject(EntityKind.SETTING, field=field)


def _row(position: int, field: str) -> Subject:
    return Subject(EntityKind.CONSTRAINT, field=field, position=position)


def _unique_ids(production: Production) -> list[Problem]:
    problems: list[Problem] = []
    groups: list[tuple[EntityKind, Sequence[Scene | CastMember | Location | Resource]]] = [
        (EntityKind.SCENE, production.scenes), (EntityKind.CAST, production.cast),
        (EntityKind.LOCATION, production.locations), (EntityKind.CREW, production.crew),
        (EntityKind.EQUIPMENT, production.equipment),
    ]
    for kind, entities in groups:
        seen: set[str] = set()
        for position, entity in enumerate(entities):
            entity_id = entity.id
            if entity_id in seen:
                problems.append(Problem.about(Subject(kind, entity_id, "id", position),
                                              f'{kind} id "{entity_id}" is used twice; ids must '
                                              "be unique"))
            seen.add(entity_id)
    return problems


def _known_references(production: Production) -> list[Problem]:
    problems: list[Problem] = []
    for position, scene in enumerate(production.scenes):
        for cast_id in scene.cast:
            if cast_id not in production.cast_by_id:
                problems.append(Problem.about(_scene(position, scene.id, "cast"),
                                              f'scene {scene.id}: cast "{cast_id}" is not on '
                                              "sheet Cast; use an id or name from that sheet"))
        if scene.location and scene.location not in production.location_by_id:
            problems.append(Problem.about(_scene(position, scene.id, "location"),
                                          f'scene {scene.id}: location "{scene.location}" is '
                                          "not on sheet Locations"))
        for crew_id in scene.crew:
            if crew_id not in production.crew_by_id:
                problems.append(Problem.about(_scene(position, scene.id, "crew"),
                                              f'scene {scene.id}: crew "{crew_id}" is not on '
                                              "sheet Crew"))
        for item_id in scene.equipment:
            if item_id not in production.equipment_by_id:
                problems.append(Problem.about(_scene(position, scene.id, "equipment"),
                                              f'scene {scene.id}: equipment "{item_id}" is not '
                                              "on sheet Equipment"))
    return problems


def _constraint_scenes(production: Production) -> list[Problem]:
    problems: list[Problem] = []
    for position, rule in enumerate(production.constraints):
        scenes_subject = _row(position, "scenes")
        for scene_id in rule.scenes:
            if scene_id not in production.scene_by_id:
                problems.append(Problem.about(scenes_subject,
                                              f'{rule.kind.value}: scene "{scene_id}" is not on '
                                              "sheet Scenes"))
        minimum = 1 if rule.kind is ConstraintKind.NOT_ON else 2
        if len(rule.scenes) < minimum:
            problems.append(Problem.about(scenes_subject,
                                          f"{rule.kind.value} needs at least {minimum} scene(s)"))
        if rule.kind is ConstraintKind.NOT_ON and not rule.dates:
            problems.append(Problem.about(_row(position, "dates"),
                                          "not_on needs at least one date"))
        if len(set(rule.scenes)) != len(rule.scenes):
            problems.append(Problem.about(scenes_subject,
                                          f"{rule.kind.value} lists a scene twice"))
        if rule.kind is ConstraintKind.SAME_DAY:
            for scene_id in rule.scenes:
                scene = production.scene_by_id.get(scene_id)
                if scene is not None and production.is_multi_day(scene):
                    problems.append(Problem.about(scenes_subject,
                                                  f"same_day: scene {scene_id} takes "
                                                  f"{production.scene_days(scene)} days alone "
                                                  "and cannot share a day"))
    return problems


def _minors_at_night(production: Production) -> list[Problem]:
    problems: list[Problem] = []
    for position, scene in enumerate(production.scenes):
        if not scene.is_night:
            continue
        for cast_id in scene.cast:
            member = production.cast_by_id.get(cast_id)
            if member is not None and member.minor:
                problems.append(Problem.about(_scene(position, scene.id, "cast"),
                                              f"scene {scene.id} is a NIGHT scene but "
                                              f"{member.label} is a minor; minors may not work "
                                              "nights"))
    return problems


def _settings_consistency(production: Production) -> list[Problem]:
    s = production.settings
    problems: list[Problem] = []
    if s.max_day_minutes < s.standard_day_minutes:
        problems.append(Problem.about(_setting("max_day_minutes"),
                                      "max_day_hours is below standard_day_hours"))
    if s.end_date is not None and s.end_date < s.start_date:
        problems.append(Problem.about(_setting("end_date"), "end_date is before start_date"))
    if not s.work_week and not any(e.type is CalendarDayType.WORK
                                   for e in production.calendar_entries):
        problems.append(Problem.about(_setting("work_week"), "the work week has no working day"))
    if production.calendar.num_days == 0:
        problems.append(Problem.about(_setting("start_date"),
                                      "the calendar has no shoot day between start_date and "
                                      "end_date"))
    for position, location in enumerate(production.locations):
        if location.zone == "":
            problems.append(Problem.about(Subject(EntityKind.LOCATION, location.id, "zone",
                                                  position), "zone is empty text"))
    for position, scene in enumerate(production.scenes):
        if production.scene_minutes(scene) == 0:
            problems.append(Problem.about(_scene(position, scene.id, "eighths"),
                                          f"scene {scene.id} has no pages and no est_hours; "
                                          "give one of them"))
    return problems


def _revision_colours(production: Production) -> list[Problem]:
    """A shop's own order of revision colours that cannot be used: one problem at its cell,
    naming every name wrong in it."""
    colours = production.settings.revision_colours
    wrong = colour_order_problems(colours) if colours else []
    if not wrong:
        return []
    return [Problem.about(_setting("revision_colours"), f"revision_colours: {'; '.join(wrong)}")]


def _pinned_dates(production: Production) -> list[Problem]:
    problems: list[Problem] = []
    calendar = production.calendar
    for position, scene in enumerate(production.scenes):
        if scene.shoot_on is not None and calendar.day_of(scene.shoot_on) is None:
            problems.append(Problem.about(_scene(position, scene.id, "shoot_on"),
                                          f"scene {scene.id} is pinned to "
                                          f"{short_date(scene.shoot_on)}, which is not a shoot "
                                          "day of the calendar"))
        if scene.earliest and scene.latest and scene.earliest > scene.latest:
            problems.append(Problem.about(_scene(position, scene.id, "latest"),
                                          f"scene {scene.id}: latest is before earliest"))
    return problems


def _minors_over_their_hours(production: Production) -> list[Problem]:
    return [
        Problem.about(_scene(position, scene.id, "cast"),
                      f"scene {scene.id} takes {production.part_minutes(scene, 0) / 60:g} h a "
                      f"day but {member.label} is a minor limited to "
                      f"{(member.max_minutes or 0) / 60:g} h")
        for position, scene in enumerate(production.scenes)
        for member in production.minor_cap_exceeded(scene)
    ]


def _scenes_without_a_day(production: Production) -> list[Problem]:
    """A scene whose windows leave it no possible shoot day, explained by what blocks it."""
    problems: list[Problem] = []
    calendar = production.calendar
    if calendar.num_days == 0:
        return problems
    for position, scene in enumerate(production.scenes):
        if any(c not in production.cast_by_id for c in scene.cast):
            continue  # already reported as an unknown reference
        if scene.shoot_on is not None and calendar.day_of(scene.shoot_on) is None:
            continue  # already reported as a pinned date off the calendar
        if not production.allowed_start_days(scene):
            problems.append(Problem.about(_scene(position, scene.id, "id"),
                                          f"scene {scene.id} has no possible shoot day: "
                                          f"{explain_no_day(production, scene)}"))
    return problems
