"""The common disruptions of a shoot, as a producer edits the breakdown for them.

Each takes the production, its current schedule (scene -> first date) and the re-plan's date
(with one frozen day), and returns the edited production and the Progress rows.  They act on
the first shoot dates after the frozen day, so that the disruption hits the plan.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date

from scheduler.data import Availability, CalendarDayType, CalendarEntry, Location, Production
from scheduler.errors import InputError
from scheduler.replan import SceneProgress, ShotStatus

Disruption = Callable[[Production, Mapping[str, date], date],
                      tuple[Production, tuple[SceneProgress, ...]]]


def open_dates(current: Mapping[str, date], replan_from: date) -> list[date]:
    """The current schedule's dates after the frozen one (the first from ``replan_from``)."""
    return sorted({when for when in current.values() if when >= replan_from})[1:]


def lost_day(production: Production, current: Mapping[str, date],
             replan_from: date) -> tuple[Production, tuple[SceneProgress, ...]]:
    """Rain: the first shoot date after the frozen day is off."""
    lost = CalendarEntry(date=open_dates(current, replan_from)[0], type=CalendarDayType.OFF)
    edited = production.model_copy(update={"calendar_entries": (*production.calendar_entries,
                                                                lost)})
    return edited.check(), ()


def lead_ill(production: Production, current: Mapping[str, date],
             replan_from: date) -> tuple[Production, tuple[SceneProgress, ...]]:
    """The cast member in most scenes is ill on three shoot dates from the second after the
    frozen day, or later when a scene pinned to one of them (or one whose other cast can only
    work then) would have no day at all."""
    counts = Counter(cast_id for scene in production.scenes for cast_id in scene.cast)
    lead_id = counts.most_common(1)[0][0]
    after = open_dates(current, replan_from)
    for first in range(1, len(after) - 3):
        ill = tuple(after[first:first + 3])
        cast = tuple(member.model_copy(update={"availability": member.availability.model_copy(
            update={"unavailable": tuple(sorted({*member.availability.unavailable, *ill}))})})
            if member.id == lead_id else member for member in production.cast)
        try:
            return production.model_copy(update={"cast": cast}).check(), ()
        except InputError:
            continue  # a scene pinned to one of those dates: the lead is ill later
    raise ValueError("the lead cannot be ill three days without leaving a scene no day")


def location_lost(production: Production, current: Mapping[str, date],
                  replan_from: date) -> tuple[Production, tuple[SceneProgress, ...]]:
    """A location of the first shoot date after the frozen day falls through for the rest of
    the shoot; its scenes still to shoot go to a replacement that is ready only some shoot
    dates later (three, or fewer when a scene's other windows would leave it no day)."""
    after = open_dates(current, replan_from)
    counts = Counter(scene.location for scene in production.scenes
                     if scene.location and current.get(scene.id) == after[0])
    for lost_id, _ in counts.most_common():
        for delay in (3, 2, 1):
            edited = _location_replaced(production, current, lost_id, after[0], after[delay])
            try:
                return edited.check(), ()
            except InputError:
                continue
    raise ValueError("no location of the first open date can be lost without leaving a "
                     "scene no day")


def _location_replaced(production: Production, current: Mapping[str, date], lost_id: str,
                       lost_from: date, ready: date) -> Production:
    old = production.location_by_id[lost_id]
    replacement = Location(id=f"{lost_id}-NEW", name=f"{old.label} (replacement)",
                           daily_fee=old.daily_fee, move_in_cost=old.move_in_cost,
                           zone=old.zone, availability=Availability(available_from=ready))
    gone = old.model_copy(update={"availability": old.availability.model_copy(
        update={"available_to": lost_from.fromordinal(lost_from.toordinal() - 1)})})
    scenes = tuple(scene.model_copy(update={"location": replacement.id})
                   if scene.location == lost_id and current.get(scene.id, date.max) >= lost_from
                   else scene for scene in production.scenes)
    locations = (*(gone if loc.id == lost_id else loc for loc in production.locations),
                 replacement)
    return production.model_copy(update={"scenes": scenes, "locations": locations})


def half_shot(production: Production, current: Mapping[str, date],
              replan_from: date) -> tuple[Production, tuple[SceneProgress, ...]]:
    """The longest scene of the last shoot date before ``replan_from`` is half shot."""
    last = max(when for when in current.values() if when < replan_from)
    on_last = [production.scene_by_id[sid] for sid, when in current.items() if when == last]
    longest = max(on_last, key=production.scene_minutes)
    left = production.scene_minutes(longest) // 2
    return production, (SceneProgress(longest.id, ShotStatus.PART_SHOT, minutes_left=left),)


def two_scenes_added(production: Production, current: Mapping[str, date],
                     replan_from: date) -> tuple[Production, tuple[SceneProgress, ...]]:
    """Two new scenes (rewrites), each like a scene still to shoot: same set, cast, place."""
    to_come = [scene for scene in production.scenes
               if current.get(scene.id, date.max) > replan_from]
    added = tuple(scene.model_copy(update={"id": f"{scene.id}X", "shoot_on": None,
                                           "earliest": None, "latest": None})
                  for scene in (to_come[0], to_come[len(to_come) // 2]))
    return production.model_copy(update={"scenes": (*production.scenes, *added)}).check(), ()


DISRUPTIONS: dict[str, Disruption] = {
    "lost day": lost_day, "lead ill three days": lead_ill,
    "location lost": location_lost, "scene half shot": half_shot,
    "two scenes added": two_scenes_added,
}
