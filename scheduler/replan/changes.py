"""What a re-plan changed: scenes moved, cut, added or split, and whose days change.

A scene's days are dates here (the edited calendar may have lost a day, so day numbers of the
current and the revised schedule do not compare).  A cast member's or location's work dates
are the dates of the scenes that need them; ``added`` are dates they now work and did not,
``released`` dates they no longer work.  A cut scene is no longer in the production, so what it
needed comes from the cut scenes given (read off the breakdown's omitted rows, or the production
the current schedule was made for): without them, the days it booked would never be released.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from ..data import Production, Scene
from ..revision import ChangeReport, DaysChange, Revision, SceneChange, SceneChangeKind
from ..solution import Solution
from .prepare import PreparedReplan


def revised_dates(production: Production, solution: Solution) -> dict[str, date]:
    """Scene id -> first shoot date of a solution of ``production``."""
    calendar = production.calendar
    return {scene_id: calendar.date_of(day) for scene_id, day in solution.start_day.items()
            if 1 <= day <= calendar.num_days}


def scene_changes(prepared: PreparedReplan, current: Mapping[str, date],
                  revised: Mapping[str, date]) -> tuple[SceneChange, ...]:
    """Every scene moved, unfrozen, added, new part or cut, in breakdown order (cut last)."""
    unfrozen = {change.scene_id: change for change in prepared.unfrozen}
    changes = []
    for scene in prepared.production.scenes:
        before, after = current.get(scene.id), revised.get(scene.id)
        if scene.id in prepared.new_parts:
            changes.append(SceneChange(scene.id, SceneChangeKind.NEW_PART, None, after,
                                       f"the rest of scene {prepared.new_parts[scene.id]}"))
        elif before is None:
            changes.append(SceneChange(scene.id, SceneChangeKind.ADDED, None, after))
        elif scene.id in unfrozen:
            changes.append(SceneChange(scene.id, SceneChangeKind.UNFROZEN, before, after,
                                       unfrozen[scene.id].reason))
        elif before != after:
            changes.append(SceneChange(scene.id, SceneChangeKind.MOVED, before, after))
    kept = prepared.production.scene_by_id
    changes += [SceneChange(scene_id, SceneChangeKind.CUT, when, None)
                for scene_id, when in current.items() if scene_id not in kept]
    return tuple(changes)


def work_dates(production: Production, starts: Mapping[str, date], needs: str,
               cut: Mapping[str, Scene] | None = None) -> dict[str, set[date]]:
    """Cast member (``needs='cast'``) or location (``'location'``) id -> the dates its scenes
    are shot, each scene on its first date and the shoot dates after it that it runs into;
    ``cut`` holds the scenes no longer in ``production`` by id."""
    worked: dict[str, set[date]] = defaultdict(set)
    for scene_id, first in starts.items():
        scene = production.scene_by_id.get(scene_id) or (cut or {}).get(scene_id)
        if scene is None:
            continue
        dates = _scene_dates(production, scene, first)
        for entity_id in _needs_of(scene, needs):
            worked[entity_id].update(dates)
    return worked


def _scene_dates(production: Production, scene: Scene, first: date) -> list[date]:
    calendar = production.calendar
    day = calendar.day_of(first)
    if day is None:
        return [first]  # a date the calendar lost: the scene was planned on it, nothing after
    last = min(calendar.num_days, day + production.scene_days(scene) - 1)
    return [calendar.date_of(d) for d in range(day, last + 1)]


def _needs_of(scene: Scene, needs: str) -> Iterable[str]:
    if needs == "cast":
        return scene.cast
    return (scene.location,) if scene.location else ()


def days_changes(production: Production, current: Mapping[str, date],
                 revised: Mapping[str, date], needs: str,
                 cut: Mapping[str, Scene] | None = None) -> tuple[DaysChange, ...]:
    """Each cast member's or location's dates added and released (only those with a change),
    in the breakdown's order; ``cut`` as for ``work_dates``."""
    before = work_dates(production, current, needs, cut)
    after = work_dates(production, revised, needs)
    entities = production.cast if needs == "cast" else production.locations
    changes = []
    for entity in entities:
        added = tuple(sorted(after.get(entity.id, set()) - before.get(entity.id, set())))
        released = tuple(sorted(before.get(entity.id, set()) - after.get(entity.id, set())))
        if added or released:
            changes.append(DaysChange(entity.id, entity.label, added, released))
    return tuple(changes)


def change_report(prepared: PreparedReplan, current: Mapping[str, date], revised: Solution,
                  revision: Revision, replan_from: date, *, cost_current: int | None,
                  cost_revised: int, cost_from_scratch: int | None,
                  cut_scenes: Iterable[Scene] = ()) -> ChangeReport:
    """The ``ChangeReport`` of a re-plan whose revised schedule is ``revised`` (a solution of
    ``prepared.production``); ``cut_scenes`` are the scenes cut since the current schedule,
    with what they needed, so that the days they booked are released."""
    production = prepared.production
    dates = revised_dates(production, revised)
    cut = {scene.id: scene for scene in cut_scenes if scene.id not in production.scene_by_id}
    return ChangeReport(
        revision=revision, replanned_from=replan_from,
        scenes=scene_changes(prepared, current, dates),
        cast=days_changes(production, current, dates, "cast", cut),
        locations=days_changes(production, current, dates, "location", cut),
        cost_current=cost_current, cost_revised=cost_revised,
        cost_from_scratch=cost_from_scratch)
