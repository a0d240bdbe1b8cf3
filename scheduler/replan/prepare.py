"""The production a re-plan solves: the past pinned, the frozen days kept, the rest open.

From the edited breakdown, the current schedule (scene -> first shoot date), the first date
still to come and the shoot's progress, ``prepare_replan`` builds a production in which

- every scene planned before the date is shot on its date (``shoot_on``), unless the progress
  says it is not shot (it is planned anew) or part shot (its shot part stays, the rest becomes
  a new scene ``12 pt2``);
- the scenes of the first ``freeze`` shoot dates from the date keep their date, unless a change
  makes that date impossible for them (then they are *unfrozen*, with the reason);
- every other scene starts after the frozen dates (``earliest``), so nothing lands on a day
  already shot or on a call sheet already sent;
- ``current_plan`` holds the current dates, so that each move pays ``change_cost``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..calendar import short_date
from ..data import Production, Scene
from ..errors import InputError, Problem
from ..revision import SceneChange, SceneChangeKind
from ..subjects import EntityKind, Subject
from .progress import SceneProgress, ShotStatus

_PART_SUFFIX = re.compile(r"^(?P<base>.*?) pt(?P<number>\d+)$")


@dataclass(frozen=True)
class PreparedReplan:
    """A re-plan's production and what the preparation decided.

    Attributes
    ----------
    production
        The production to solve (pins, windows, new parts, ``current_plan``).
    shot
        Scenes shot (or part shot) before the re-plan's date, pinned to their dates.
    frozen
        Scenes kept on their frozen dates.
    unfrozen
        Scenes a change took off a frozen date, each with its reason.
    new_parts
        New scene id -> the part-shot scene it is the rest of.
    frozen_dates
        The frozen shoot dates.
    first_open
        The first date on which a scene may be (re)planned.
    """

    production: Production
    shot: frozenset[str]
    frozen: frozenset[str]
    unfrozen: tuple[SceneChange, ...]
    new_parts: Mapping[str, str] = field(default_factory=dict)
    frozen_dates: tuple[date, ...] = ()
    first_open: date = date.min


def prepare_replan(production: Production, current: Mapping[str, date], replan_from: date,
                   freeze: int = 1, progress: Sequence[SceneProgress] = ()) -> PreparedReplan:
    """The production a re-plan solves (see the module).

    Parameters
    ----------
    production
        The edited breakdown: the production as it stands now.
    current
        The current schedule: scene id -> first shoot date.
    replan_from
        The first shoot date still to come.
    freeze
        How many shoot dates of the current schedule from ``replan_from`` keep their scenes.
    progress
        What the shoot has done (default: every scene planned before ``replan_from`` is shot).

    Raises
    ------
    InputError
        A progress row for a scene the breakdown does not have, or that marks shot a scene
        not planned before ``replan_from``; a shot scene whose date the calendar now marks off.
    """
    if freeze < 0:
        raise ValueError(f"freeze {freeze}: give 0 or more shoot days")
    by_scene = {entry.scene_id: entry for entry in progress}
    _check_progress(production, current, replan_from, progress)
    frozen_dates = tuple(sorted({when for when in current.values() if when >= replan_from}
                                )[:freeze])
    first_open = _first_open(replan_from, frozen_dates)
    scenes: list[Scene] = []
    new_scenes: list[Scene] = []
    shot: set[str] = set()
    frozen: set[str] = set()
    unfrozen: list[SceneChange] = []
    new_parts: dict[str, str] = {}
    taken = set(production.scene_by_id) | set(current)
    problems: list[Problem] = []
    for scene in production.scenes:
        when = current.get(scene.id)
        entry = by_scene.get(scene.id)
        if when is not None and when < replan_from and _is_shot(entry):
            if production.calendar.day_of(when) is None:
                problems.append(Problem(_place_of(production, scene),
                                        f"scene {scene.id} was shot on {short_date(when)}, "
                                        "which the calendar now marks as no shoot day"))
            if entry is not None and entry.status is ShotStatus.PART_SHOT:
                shot_part, rest = split_part_shot(production, scene, entry,
                                                  next_part_id(scene.id, taken), first_open)
                taken.add(rest.id)
                new_parts[rest.id] = scene.id
                new_scenes.append(rest)
                scene = shot_part
            scenes.append(_pinned(scene, when))
            shot.add(scene.id)
        elif when is not None and when in frozen_dates:
            reason = why_not_on(production, scene, when)
            if reason:
                unfrozen.append(SceneChange(scene.id, SceneChangeKind.UNFROZEN, when, None,
                                            reason))
                scenes.append(_opened(scene, first_open))
            else:
                scenes.append(_pinned(scene, when))
                frozen.add(scene.id)
        else:
            scenes.append(_opened(scene, first_open))
    if problems:
        raise InputError(problems)
    plan = tuple((scene_id, when) for scene_id, when in current.items())
    prepared = production.model_copy(update={"scenes": (*scenes, *new_scenes),
                                             "current_plan": plan})
    return PreparedReplan(prepared, frozenset(shot), frozenset(frozen), tuple(unfrozen),
                          new_parts, frozen_dates, first_open)


def _place_of(production: Production, scene: Scene) -> str:
    position = production.scenes.index(scene)
    return production.place_of(Subject(EntityKind.SCENE, scene.id, "", position))


def _check_progress(production: Production, current: Mapping[str, date], replan_from: date,
                    progress: Sequence[SceneProgress]) -> None:
    """Progress rows that name no scene of the breakdown, or mark shot a scene that was not
    planned before the re-plan's date (its date of shooting is unknown)."""
    problems = []
    for entry in progress:
        when = current.get(entry.scene_id)
        if entry.scene_id not in production.scene_by_id:
            problems.append(Problem(entry.where, f"scene {entry.scene_id} is not on the "
                                                 "Scenes sheet (or is omitted)"))
        elif entry.status is not ShotStatus.NOT_SHOT and (when is None or when >= replan_from):
            planned = f"planned on {short_date(when)}" if when else "not on the schedule"
            problems.append(Problem(entry.where, f"scene {entry.scene_id} is {planned}, not "
                                                 f"before {short_date(replan_from)}: it "
                                                 f"cannot be {entry.status.value} yet"))
    if problems:
        raise InputError(problems)


def _is_shot(entry: SceneProgress | None) -> bool:
    return entry is None or entry.status is not ShotStatus.NOT_SHOT


def _first_open(replan_from: date, frozen_dates: tuple[date, ...]) -> date:
    """The day after the last frozen date, or the re-plan's date when nothing is frozen."""
    if not frozen_dates:
        return replan_from
    return date.fromordinal(frozen_dates[-1].toordinal() + 1)


def _pinned(scene: Scene, when: date) -> Scene:
    """The scene on ``when`` and nowhere else (its window no longer matters: it is done or
    its call sheet is out)."""
    return scene.model_copy(update={"shoot_on": when, "earliest": None, "latest": None})


def _opened(scene: Scene, first_open: date) -> Scene:
    """The scene planned from ``first_open`` on (its own window kept when later)."""
    if scene.shoot_on is not None:
        return scene  # pinned by the producer: the cross-checks say when that date has gone
    earliest = max(scene.earliest, first_open) if scene.earliest else first_open
    return scene.model_copy(update={"earliest": earliest})


def next_part_id(scene_id: str, taken: set[str]) -> str:
    """The id of the next part of a scene: ``12`` gives ``12 pt2``, ``12 pt2`` gives ``12 pt3``
    (ids are never renumbered, so a taken id is skipped)."""
    match = _PART_SUFFIX.match(scene_id)
    base, number = (match["base"], int(match["number"])) if match else (scene_id, 1)
    number += 1
    while f"{base} pt{number}" in taken:
        number += 1
    return f"{base} pt{number}"


def split_part_shot(production: Production, scene: Scene, entry: SceneProgress,
                    rest_id: str, first_open: date) -> tuple[Scene, Scene]:
    """A part-shot scene as its shot part (what was done) and its rest (a new scene with the
    pages or minutes left, the same cast, place and needs, planned from ``first_open``)."""
    minutes = production.scene_minutes(scene)
    if entry.minutes_left is not None:
        minutes_left = min(minutes, entry.minutes_left)
    else:
        eighths = entry.eighths_left or 0
        minutes_left = (minutes * min(eighths, scene.eighths) // scene.eighths if scene.eighths
                        else 0)
    if entry.eighths_left is not None:
        eighths_left = min(scene.eighths, entry.eighths_left)
    else:
        eighths_left = scene.eighths * minutes_left // minutes if minutes else 0
    shot_part = scene.model_copy(update={"eighths": scene.eighths - eighths_left,
                                         "est_minutes": minutes - minutes_left})
    rest = scene.model_copy(update={"id": rest_id, "eighths": eighths_left,
                                    "est_minutes": minutes_left, "shoot_on": None,
                                    "latest": scene.latest if scene.latest
                                    and scene.latest >= first_open else None})
    return shot_part, _opened(rest, first_open)


def why_not_on(production: Production, scene: Scene, when: date) -> str:
    """Why the edited breakdown no longer lets ``scene`` start on ``when`` (``""`` when it
    does): the calendar, a window of the scene, or who or what is unavailable."""
    calendar = production.calendar
    day = calendar.day_of(when)
    if day is None:
        return f"{short_date(when)} is no longer a shoot day"
    if day in production.allowed_start_days(scene):
        return ""
    last = day + production.scene_days(scene) - 1
    dates = [calendar.date_of(d) for d in range(day, min(last, calendar.num_days) + 1)]
    for kind, entity_id, availability in production.resource_availability(scene):
        if not all(availability.allows(d) for d in dates):
            return f"{kind} {production.label_of(kind, entity_id)} is unavailable"
    for member in production.every_day_crew:
        if not all(member.availability.allows(d) for d in dates):
            return f"every-day crew {member.label} is unavailable"
    if scene.shoot_on is not None and scene.shoot_on != when:
        return f"the scene is now pinned to {short_date(scene.shoot_on)}"
    if (scene.earliest and when < scene.earliest) or (scene.latest and when > scene.latest):
        return "the scene's window no longer includes the date"
    if last > calendar.num_days:
        return "the scene no longer fits before the calendar's end"
    return "a not_on rule now excludes the date"
