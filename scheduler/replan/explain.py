"""Why a re-plan has no schedule, in terms of what changed since the current schedule.

The model's own explanation names the rules that collide in the production the re-plan solved
(``Scene 4 must be shot between 27 May and the wrap``); the producer wants to know which edit
of the breakdown did it.  So the current schedule is held against the edited breakdown: every
scene still to shoot that can no longer keep its day is named with the rule its day now breaks
(a date the calendar lost, a cast member, location, crew member or piece of equipment newly
unavailable, the scene's new window or pinned date, a ``not_on`` row, a day whose scenes now
take more hours than the day has), grouped by cause and located on the breakdown
(``Cast!F3: scene 45 needs Mary Hatch, unavailable from 3 Oct 2026 to the end date``).  Scenes
that now have no possible day at all come first: they alone leave no schedule.

When the end date may be what binds, short feasibility checks with three, then one and two
more shoot days (the whole model hinted with the re-plan's warm start) say what would make it
feasible (``adding 1 shoot day (through 1 Jun 2026) gives a schedule``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..calendar import short_date
from ..config import SolverConfig
from ..data import Availability, ConstraintKind, Production, Scene
from ..model import ShootingModel, data_conflicts
from ..result import Conflict, Result, SolveStatus
from ..rules import AVAILABILITY_RULES, Rule
from ..solution import Solution
from ..solve import solve
from ..subjects import EntityKind, Subject
from ..wording import explain_no_day, unavailable_stretch
from .prepare import PreparedReplan

logger = logging.getLogger("scheduler")

MAX_EXTRA_DAYS = 3  # shoot days past the end date tried for a schedule
# Each try's share of the re-plan's time limit, and its bounds in seconds: enough for a first
# schedule or a proof that there is none on a hinted model, not a second re-plan.
EXTRA_DAY_SHARE = 1 / 6
EXTRA_DAY_SECONDS = (1.0, 5.0)
MAX_SCENES_NAMED = 8  # scene ids in one line before "and N more"
# Words of a cause that agree with its scenes' number, filled in per line ("scene 4 was", "scenes
# 4, 5 were"); names in a cause are the producer's text and are never formatted.
_WERE, _S, _IS = "\x00were\x00", "\x00s\x00", "\x00is\x00"


@dataclass(frozen=True)
class _Broken:
    """One cause that keeps scenes off their current day: the rule, where the cause is written
    on the breakdown, and the sentence after the scenes (``needs Mary Hatch, unavailable
    ...``)."""

    rule: Rule
    where: str
    cause: str
    subject: str = ""


def changes_that_broke(production: Production, prepared: PreparedReplan,
                       current: Mapping[str, date]) -> list[Conflict]:
    """Each change of the breakdown that keeps scenes still to shoot off their current day,
    one line per cause with the scenes it moves; causes that leave a scene no day at all come
    first.

    Parameters
    ----------
    production
        The edited breakdown (the scenes' own windows, the entities' places).
    prepared
        The production the re-plan solved (which scenes are shot, frozen, new).
    current
        The current schedule: scene id -> first shoot date.
    """
    kept = prepared.shot | prepared.frozen
    first_to_come = _first_to_come(prepared)
    stranded = {scene.id for scene in prepared.production.scenes
                if scene.id not in kept and not prepared.production.allowed_start_days(scene)}
    scenes_of: dict[_Broken, list[str]] = {}
    for scene in production.scenes:
        when = current.get(scene.id)
        if scene.id in kept or when is None or when < first_to_come:
            continue  # shot, frozen, new, or not shot before the date: progress, not a change
        broken = scene_day_broken(production, scene, when)
        if broken is not None:
            scenes_of.setdefault(broken, []).append(scene.id)
    for broken, scene_ids in _overfull_days(production, prepared, current).items():
        scenes_of.setdefault(broken, []).extend(scene_ids)
    # Causes leaving a scene no day first, then by the first date they hit.
    lines = [((not stranded.intersection(ids), min(current[i] for i in ids)),
              _conflict(broken, ids, stranded)) for broken, ids in scenes_of.items()]
    named = {scene_id for ids in scenes_of.values() for scene_id in ids}
    lines += [((False, date.min), _no_day_left(prepared, scene_id, current.get(scene_id)))
              for scene_id in sorted(stranded - named, key=_breakdown_order(prepared))]
    added = _work_added(prepared, current, stranded)
    lines += [((True, date.max), added)] if added is not None else []
    return [conflict for _, conflict in sorted(lines, key=lambda line: line[0])]


def scene_day_broken(production: Production, scene: Scene, when: date) -> _Broken | None:
    """The first rule of the edited breakdown that ``scene`` breaks on its current date
    ``when``, ``None`` when it may still start then (its day's hours apart)."""
    calendar = production.calendar
    day = calendar.day_of(when)
    if day is None:
        return _lost_date(production, when)
    if day in production.allowed_start_days(scene):
        return None
    last = min(calendar.num_days, day + production.scene_days(scene) - 1)
    dates = [calendar.date_of(d) for d in range(day, last + 1)]
    for check in (_window, _needs, _every_day_crew, _not_on):
        broken = check(production, scene, dates)
        if broken is not None:
            return broken
    if day + production.scene_days(scene) - 1 > calendar.num_days:
        return _Broken(Rule.CALENDAR_END, _setting_place(production, "end_date"),
                       f"no longer fit{_S} before the calendar ends "
                       f"({short_date(calendar.dates[-1])})")
    return None


def _lost_date(production: Production, when: date) -> _Broken:
    """A date that is no longer a shoot day: an ``off`` Calendar row, a holiday, a weekday
    taken out of the work week, or past the end date."""
    settings = production.settings
    for position, entry in enumerate(production.calendar_entries):
        if entry.date == when:
            where = production.place_of(Subject(EntityKind.CALENDAR, "", "date", position))
            return _Broken(Rule.CALENDAR_END, where,
                           f"{_WERE} planned on {short_date(when)}, no longer a shoot day")
    if when in settings.holidays:
        return _Broken(Rule.CALENDAR_END, _setting_place(production, "holidays"),
                       f"{_WERE} planned on {short_date(when)}, now a holiday")
    if when.weekday() not in settings.work_week:
        return _Broken(Rule.CALENDAR_END, _setting_place(production, "work_week"),
                       f"{_WERE} planned on {when:%a} {short_date(when)}, no longer in the "
                       "work week")
    if settings.end_date is not None and when > settings.end_date:
        return _Broken(Rule.CALENDAR_END, _setting_place(production, "end_date"),
                       f"{_WERE} planned on {short_date(when)}, after the end date "
                       f"({short_date(settings.end_date)})")
    return _Broken(Rule.CALENDAR_END, "", f"{_WERE} planned on {short_date(when)}, no longer "
                                          "a shoot day")


def _window(production: Production, scene: Scene, dates: list[date]) -> _Broken | None:
    position = production.scenes.index(scene)
    when = dates[0]
    if scene.shoot_on is not None and scene.shoot_on != when:
        return _Broken(Rule.PINNED_DATE, _scene_place(production, scene, position, "shoot_on"),
                       f"{_IS} now pinned to {short_date(scene.shoot_on)}")
    if scene.earliest is not None and when < scene.earliest:
        return _Broken(Rule.SCENE_WINDOW, _scene_place(production, scene, position, "earliest"),
                       f"may now be shot from {short_date(scene.earliest)} only")
    if scene.latest is not None and dates[-1] > scene.latest:
        return _Broken(Rule.SCENE_WINDOW, _scene_place(production, scene, position, "latest"),
                       f"must now be shot by {short_date(scene.latest)}")
    return None


def _needs(production: Production, scene: Scene, dates: list[date]) -> _Broken | None:
    for kind, entity_id, availability in production.resource_availability(scene):
        blocked = [when for when in dates if not availability.allows(when)]
        if blocked:
            label = production.label_of(kind, entity_id)
            run = unavailable_stretch(production.calendar.dates, availability, blocked[0])
            return _Broken(AVAILABILITY_RULES[kind],
                           _entity_place(production, kind, entity_id, availability, blocked[0]),
                           f"need{_S} {label}, {run}", entity_id)
    return None


def _every_day_crew(production: Production, scene: Scene,
                    dates: list[date]) -> _Broken | None:
    del scene  # every scene needs the every-day crew
    for member in production.every_day_crew:
        blocked = [when for when in dates if not member.availability.allows(when)]
        if blocked:
            where = _entity_place(production, EntityKind.CREW, member.id, member.availability,
                                  blocked[0])
            stretch = unavailable_stretch(production.calendar.dates, member.availability,
                                          blocked[0])
            return _Broken(Rule.EVERY_DAY_CREW, where,
                           f"need{_S} {member.label} (every-day crew), {stretch}", member.id)
    return None


def _not_on(production: Production, scene: Scene, dates: list[date]) -> _Broken | None:
    for position, row in enumerate(production.constraints):
        if row.kind is ConstraintKind.NOT_ON and scene.id in row.scenes:
            hit = sorted(set(row.dates) & set(dates))
            if hit:
                where = production.place_of(Subject(EntityKind.CONSTRAINT, "", "dates",
                                                    position))
                return _Broken(Rule.NOT_ON, where,
                               f"may now not be shot on {short_date(hit[0])}")
    return None


def _overfull_days(production: Production, prepared: PreparedReplan,
                   current: Mapping[str, date]) -> dict[_Broken, list[str]]:
    """Current dates still to come whose scenes, as the edited breakdown times them, now take
    more than ``max_day_hours`` (moves not counted: at least that much)."""
    calendar = production.calendar
    limit = production.settings.max_day_minutes
    first_to_come = _first_to_come(prepared)
    on_date: dict[date, list[Scene]] = {}
    for scene in production.scenes:
        when = current.get(scene.id)
        if (when is not None and scene.id not in prepared.shot and when >= first_to_come
                and calendar.day_of(when) is not None and not production.is_multi_day(scene)):
            on_date.setdefault(when, []).append(scene)
    found = {}
    for when, scenes in sorted(on_date.items()):
        minutes = sum(production.scene_minutes(scene) for scene in scenes)
        if minutes > limit:
            cause = (f"{_WERE} planned on {short_date(when)}, whose scenes now take "
                     f"{_hours(minutes)} h, more than max_day_hours ({_hours(limit)} h)")
            found[_Broken(Rule.DAY_HOURS, _setting_place(production, "max_day_minutes"),
                          cause)] = [scene.id for scene in scenes]
    return found


def _work_added(prepared: PreparedReplan, current: Mapping[str, date],
                named: set[str]) -> Conflict | None:
    """The scenes to plan that the current schedule had no open day for: new on the
    breakdown, the rest of part-shot scenes, scenes not shot on their date (more work for the
    same days); those in ``named`` have a line of their own."""
    production = prepared.production
    first_to_come = _first_to_come(prepared)
    parts = []
    minutes = 0
    for scene in production.scenes:
        planned = current.get(scene.id)
        if scene.id in named:
            continue
        if scene.id in prepared.new_parts:
            parts.append(f"{scene.id} (the rest of scene {prepared.new_parts[scene.id]})")
        elif planned is None:
            parts.append(f"{scene.id} (new)")
        elif planned < first_to_come and scene.id not in prepared.shot:
            parts.append(f"{scene.id} (not shot on {short_date(planned)})")
        else:
            continue
        minutes += production.scene_minutes(scene)
    if not parts:
        return None
    shown = _scene_list(parts)
    return Conflict(Rule.SCENE_SCHEDULED,
                    f"{'scene' if len(parts) == 1 else 'scenes'} {shown} "
                    f"{'is' if len(parts) == 1 else 'are'} to be planned anew: {_hours(minutes)} h "
                    f"more to fit from {short_date(prepared.first_open)}")


def _no_day_left(prepared: PreparedReplan, scene_id: str, planned: date | None) -> Conflict:
    """A scene with no possible day left whose current day broke no rule of its own: new on
    the breakdown, the rest of a part-shot scene, not shot on its date, or on a day it may
    keep but not with the rest of the plan."""
    production = prepared.production
    scene = production.scene_by_id[scene_id]
    if scene_id in prepared.new_parts:
        what = f" (the rest of scene {prepared.new_parts[scene_id]})"
    elif planned is None:
        what = " (new on the breakdown)"
    elif planned < _first_to_come(prepared):
        what = f" (not shot on {short_date(planned)})"
    else:
        what = ""
    return Conflict(Rule.SCENE_WINDOW,
                    f"scene {scene_id}{what} has no possible day from "
                    f"{short_date(prepared.first_open)}: {explain_no_day(production, scene)}",
                    scenes=(scene_id,))


def _first_to_come(prepared: PreparedReplan) -> date:
    """The re-plan's first shoot date of the current schedule (the first frozen one), or its
    first open date when nothing is frozen: scenes planned before it and not shot are
    progress, not changes."""
    return prepared.frozen_dates[0] if prepared.frozen_dates else prepared.first_open


def _breakdown_order(prepared: PreparedReplan) -> Callable[[str], int]:
    order = {scene.id: index for index, scene in enumerate(prepared.production.scenes)}
    return lambda scene_id: order.get(scene_id, len(order))


def _conflict(broken: _Broken, scene_ids: list[str], stranded: set[str]) -> Conflict:
    """One cause's line; the scenes it leaves no day at all are named again at its end."""
    several = len(scene_ids) > 1
    shown = _scene_list(scene_ids)
    cause = (broken.cause.replace(_WERE, "were" if several else "was")
             .replace(_S, "" if several else "s").replace(_IS, "are" if several else "is"))
    text = f"{'scenes' if several else 'scene'} {shown} {cause}"
    dayless = [scene_id for scene_id in scene_ids if scene_id in stranded]
    if dayless:
        one = len(dayless) == 1
        text += (f"; {'scene' if one else 'scenes'} {_scene_list(dayless)} now "
                 f"{'has' if one else 'have'} no other possible day")
    return Conflict(broken.rule, f"{broken.where}: {text}" if broken.where else text,
                    scenes=tuple(scene_ids),
                    subjects=(broken.subject,) if broken.subject else ())


def _scene_list(scene_ids: list[str]) -> str:
    """``4, 6, 16``, or the first ``MAX_SCENES_NAMED`` and how many more."""
    shown = ", ".join(scene_ids[:MAX_SCENES_NAMED])
    if len(scene_ids) > MAX_SCENES_NAMED:
        shown += f" and {len(scene_ids) - MAX_SCENES_NAMED} more"
    return shown


def _entity_place(production: Production, kind: str, entity_id: str,
                  availability: Availability, blocked: date) -> str:
    """The cell that makes ``blocked`` unavailable: the window's end or start, or the dates."""
    if availability.available_to is not None and blocked > availability.available_to:
        field = "available_to"
    elif availability.available_from is not None and blocked < availability.available_from:
        field = "available_from"
    else:
        field = "unavailable"
    ids = {EntityKind.CAST: [member.id for member in production.cast],
           EntityKind.LOCATION: [location.id for location in production.locations],
           EntityKind.CREW: [member.id for member in production.crew],
           EntityKind.EQUIPMENT: [item.id for item in production.equipment]}[EntityKind(kind)]
    position = ids.index(entity_id) if entity_id in ids else None
    return production.place_of(Subject(EntityKind(kind), entity_id, field, position))


def _scene_place(production: Production, scene: Scene, position: int, field: str) -> str:
    return production.place_of(Subject(EntityKind.SCENE, scene.id, field, position))


def _setting_place(production: Production, field: str) -> str:
    return production.place_of(Subject(EntityKind.SETTING, field=field))


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}".removesuffix(".0")


# ----- what would make it feasible ----------------------------------------------------------


def with_extra_days(production: Production, extra: int) -> Production:
    """``production`` with ``extra`` more shoot days past its calendar's last one: a later
    ``end_date`` (the ``extra``-th working date after the last), or more ``max_shoot_days``."""
    settings, calendar = production.settings, production.calendar
    if settings.end_date is None:
        update: dict[str, object] = {"max_shoot_days": calendar.num_days + extra}
    else:
        when, added = calendar.dates[-1], 0
        while added < extra:
            when += timedelta(days=1)
            added += calendar.is_working_date(when)
        update = {"end_date": when}
    return production.model_copy(update={"settings": settings.model_copy(update=update)})


def extra_days_that_help(prepared: PreparedReplan, config: SolverConfig,
                         stop: threading.Event | None = None,
                         hint: Solution | None = None) -> Conflict | None:
    """The fewest shoot days past the end date (1 to ``MAX_EXTRA_DAYS``) that give the re-plan
    a schedule, as a line for the producer; ``None`` when the end date is not what binds.

    The most days are tried first (more days past the end never forbid a schedule): when a
    scene still has no possible day with them (the cheap check), or a short solve finds no
    schedule, fewer will not help either and nothing more is solved.  Otherwise the fewer
    days are tried in turn, and the first that gives a schedule is the answer (the most, when
    the fewer cannot tell within their time).
    """
    seconds = min(max(config.time_limit * EXTRA_DAY_SHARE, EXTRA_DAY_SECONDS[0]),
                  EXTRA_DAY_SECONDS[1])
    short = config.model_copy(update={"time_limit": seconds})
    production = prepared.production
    most = with_extra_days(production, MAX_EXTRA_DAYS)
    if any(not most.allowed_start_days(scene) for scene in most.scenes):
        return None  # a scene has no day even then: not the end date's doing
    for extra in (MAX_EXTRA_DAYS, *range(1, MAX_EXTRA_DAYS)):
        if stop is not None and stop.is_set():
            return None
        longer = most if extra == MAX_EXTRA_DAYS else with_extra_days(production, extra)
        status = schedule_status(longer, short, stop, hint)
        logger.info("re-plan: with %d more shoot day(s): %s", extra, status.value)
        if extra == MAX_EXTRA_DAYS and not status.has_solution:
            return None
        if extra != MAX_EXTRA_DAYS and status.has_solution:
            return _extra_days_line(production, longer, extra)
    return _extra_days_line(production, most, MAX_EXTRA_DAYS)


def schedule_status(production: Production, config: SolverConfig,
                    stop: threading.Event | None = None,
                    hint: Solution | None = None) -> SolveStatus:
    """Whether ``production`` has a schedule, found cheaply: the counting checks, then the
    whole model hinted with ``hint`` (it proves a re-plan's production infeasible in a blink,
    where ``solve`` would go on to explain why); the search's heuristics only when the model
    cannot tell within ``config.time_limit``."""
    if data_conflicts(production):
        return SolveStatus.INFEASIBLE
    model = ShootingModel(production)
    if hint is not None:
        model.hint(hint)
    status = model.solve(config, stop=stop).status
    if status.has_solution or status is SolveStatus.INFEASIBLE:
        return status
    return solve(production, config, stop=stop).status


def _extra_days_line(production: Production, longer: Production, extra: int) -> Conflict:
    last = longer.calendar.dates[-1]
    days = "1 shoot day" if extra == 1 else f"{extra} shoot days"
    settings = production.settings
    if settings.end_date is not None:
        how, field = f"end_date {last.isoformat()}", "end_date"
    else:
        how, field = f"max_shoot_days {longer.settings.max_shoot_days}", "max_shoot_days"
    where = _setting_place(production, field)
    text = (f"adding {days} (through {short_date(last)}) gives a schedule: set {how}"
            + (f" ({where})" if where else ""))
    return Conflict(Rule.CALENDAR_END, text)


def explain_failure(production: Production, prepared: PreparedReplan,
                    current: Mapping[str, date], result: Result, config: SolverConfig,
                    stop: threading.Event | None = None, hint: Solution | None = None) -> Result:
    """A re-plan's result without a schedule, its conflicts led by what changed
    (``changes_that_broke``) and, when it is proven infeasible, by the extra shoot days that
    would give one (``extra_days_that_help``, warm-started from ``hint``); the model's own
    explanation follows."""
    if result.schedule is not None:
        return result
    changes = changes_that_broke(production, prepared, current)
    remedy = (extra_days_that_help(prepared, config, stop, hint)
              if result.status is SolveStatus.INFEASIBLE else None)
    if not changes and remedy is None:
        return result
    return replace(result, conflicts=(*changes, *((remedy,) if remedy else ()),
                                      *result.conflicts))
