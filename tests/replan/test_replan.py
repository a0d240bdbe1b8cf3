"""The re-plan on micro-productions: the past pinned, the frozen day kept (or unfrozen, with
its reason), parts of part-shot scenes, cut and added scenes, the change report and the
revision.

The calendar starts on Monday 2 Mar 2026, Mon-Fri: day 1 Mon 2 Mar ... day 5 Fri 6 Mar, day 6
Mon 9 Mar.  Each scene takes 6 h, so a day holds one scene (the 12 h cap is not crossed).
"""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.config import SolverConfig
from scheduler.data import Availability, CalendarDayType, CalendarEntry, Production
from scheduler.errors import InputError
from scheduler.replan import (
    CurrentSchedule,
    SceneProgress,
    ShotStatus,
    next_part_id,
    prepare_replan,
    replan,
)
from scheduler.revision import SceneChangeKind
from scheduler.solution import Schedule
from scheduler.validate import validate
from tests.helpers.productions import actor, production, scene

QUICK = SolverConfig(deterministic=True, time_limit=5)
DATES = [date(2026, 3, d) for d in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13)]  # shoot days 1-10


def five_scenes(**settings: object) -> Production:
    """Scenes 1-5, one a day, cast member A in all (paid from first to last work day)."""
    return production([scene(str(i), hours=7, cast=("A",)) for i in range(1, 6)],
                      cast=[actor("A", rate=100)], max_shoot_days=10, crew_day_cost=1000,
                      **settings).check()


CURRENT = CurrentSchedule({str(i): DATES[i - 1] for i in range(1, 6)})  # scene i on day i


def revised(outcome_production: Production, solution_days: dict[str, int]) -> dict[str, date]:
    calendar = outcome_production.calendar
    return {sid: calendar.date_of(day) for sid, day in solution_days.items()}


def test_an_unchanged_breakdown_keeps_the_current_schedule() -> None:
    """Tests that re-planning an unchanged breakdown from any date returns the current
    schedule with zero changes, as the next revision (Blue after White)."""
    prod = five_scenes()
    for start in DATES[:6]:
        outcome = replan(prod, CURRENT, start, config=QUICK, issued=date(2026, 3, 4))
        assert outcome.report is not None and outcome.report.scenes == ()
        assert outcome.report.cast == () and outcome.report.locations == ()
        assert outcome.result.solution is not None
        assert revised(outcome.production, outcome.result.solution.start_day) == CURRENT.dates
        assert outcome.report.cost_current == outcome.report.cost_revised
        assert outcome.revision.name == "Blue" and outcome.revision.number == 1


def test_the_next_revision_follows_the_current_one() -> None:
    """Tests the revision number: one past the current schedule's (Pink after Blue)."""
    outcome = replan(five_scenes(), CurrentSchedule(CURRENT.dates, revision=1), DATES[2],
                     config=QUICK)
    assert outcome.revision.name == "Pink"


def test_a_lost_day_moves_its_scene_and_keeps_the_past_and_the_frozen_day() -> None:
    """Tests a lost day: Thu 5 Mar (scene 4's) is off.  From Wed 4 Mar with one frozen day,
    scenes 1-2 are shot (kept), scene 3 is frozen (kept), scene 4 moves; the change report
    lists exactly scene 4, and A's day 5 Mar is released."""
    lost = CalendarEntry(date=DATES[3], type=CalendarDayType.OFF)
    edited = five_scenes().model_copy(update={"calendar_entries": (lost,)}).check()
    outcome = replan(edited, CURRENT, DATES[2], config=QUICK)
    assert outcome.result.solution is not None and outcome.report is not None
    dates = revised(outcome.production, outcome.result.solution.start_day)
    assert [dates[s] for s in ("1", "2", "3")] == DATES[:3]
    assert validate(edited, outcome.result.solution) == []
    assert outcome.report.moved_scene_ids == ("4",)
    assert outcome.report.scenes[0].before == DATES[3]
    assert outcome.report.cost_current is None  # it shoots on a day now off
    (cast_change,) = outcome.report.cast
    assert DATES[3] in cast_change.released


def test_a_frozen_scene_made_impossible_is_unfrozen_with_its_reason() -> None:
    """Tests the frozen day: A is ill on Wed 4 Mar (scene 3's, frozen), so scene 3 is
    unfrozen, saying who is unavailable, and planned after the frozen day."""
    ill = actor("A", rate=100, availability=Availability(unavailable=(DATES[2],)))
    edited = five_scenes().model_copy(update={"cast": (ill,)}).check()
    outcome = replan(edited, CURRENT, DATES[2], config=QUICK)
    assert outcome.report is not None and outcome.result.solution is not None
    (unfrozen,) = [c for c in outcome.report.scenes if c.kind is SceneChangeKind.UNFROZEN]
    assert unfrozen.scene_id == "3" and "Actor A is unavailable" in unfrozen.reason
    assert unfrozen.after is not None and unfrozen.after > DATES[2]
    assert validate(edited, outcome.result.solution) == []


def test_a_part_shot_scene_leaves_a_new_part_to_plan() -> None:
    """Tests a part-shot scene: scene 2 (Tue) is part shot with 3 h left; its rest is the new
    scene ``2 pt2`` of 180 min, planned after the frozen day, the shot part keeps Tuesday."""
    progress = [SceneProgress("2", ShotStatus.PART_SHOT, minutes_left=180)]
    outcome = replan(five_scenes(), CURRENT, DATES[2], progress=progress, config=QUICK)
    assert outcome.report is not None and outcome.result.solution is not None
    rest = outcome.production.scene_by_id["2 pt2"]
    assert outcome.production.scene_minutes(rest) == 180
    assert outcome.production.scene_minutes(outcome.production.scene_by_id["2"]) == 7 * 60 - 180
    dates = revised(outcome.production, outcome.result.solution.start_day)
    assert dates["2"] == DATES[1] and dates["2 pt2"] > DATES[2]
    kinds = {c.scene_id: c.kind for c in outcome.report.scenes}
    assert kinds["2 pt2"] is SceneChangeKind.NEW_PART
    assert validate(outcome.production, outcome.result.solution) == []


def test_a_scene_not_shot_is_planned_again_and_cut_and_added_scenes_are_reported() -> None:
    """Tests a scene planned before the date but not shot (re-planned after the frozen day),
    a cut scene (in the current schedule, no longer in the breakdown) and an added one."""
    base = five_scenes()
    scenes = (*(s for s in base.scenes if s.id != "5"), scene("6", hours=7, cast=("A",)))
    edited = base.model_copy(update={"scenes": scenes}).check()
    progress = [SceneProgress("1", ShotStatus.NOT_SHOT)]
    outcome = replan(edited, CURRENT, DATES[2], progress=progress, config=QUICK)
    assert outcome.report is not None and outcome.result.solution is not None
    kinds = {c.scene_id: c.kind for c in outcome.report.scenes}
    assert kinds["5"] is SceneChangeKind.CUT and kinds["6"] is SceneChangeKind.ADDED
    assert kinds["1"] is SceneChangeKind.MOVED
    dates = revised(outcome.production, outcome.result.solution.start_day)
    assert dates["1"] > DATES[2] and dates["2"] == DATES[1] and dates["3"] == DATES[2]
    assert validate(edited, outcome.result.solution) == []


def test_the_change_cost_is_counted_in_the_revised_cost() -> None:
    """Tests that the revised cost is the whole production's plus the change cost of each
    move, and that a from-scratch plan was made for comparison."""
    lost = CalendarEntry(date=DATES[3], type=CalendarDayType.OFF)
    edited = five_scenes(change_cost=40).model_copy(update={"calendar_entries": (lost,)}).check()
    outcome = replan(edited, CURRENT, DATES[2], config=QUICK)
    assert outcome.report is not None and outcome.result.solution is not None
    schedule = Schedule(outcome.production, outcome.result.solution)
    assert outcome.report.cost_revised == schedule.total_cost
    assert schedule.cost_by_category["changes"] == 40 * 60 * len(schedule.moved_scenes)
    assert outcome.report.cost_from_scratch is not None


def test_progress_that_does_not_fit_is_refused_all_at_once() -> None:
    """Tests progress rows for an unknown scene and for a scene planned after the date."""
    progress = [SceneProgress("9", ShotStatus.SHOT, where="Progress!A2"),
                SceneProgress("5", ShotStatus.SHOT, where="Progress!A3")]
    with pytest.raises(InputError) as raised:
        prepare_replan(five_scenes(), CURRENT.dates, DATES[2], 1, progress)
    assert [p.where for p in raised.value.problems] == ["Progress!A2", "Progress!A3"]


def test_part_ids_are_never_renumbered() -> None:
    """Tests the ids of new parts: the next free ``ptN``."""
    assert next_part_id("12", set()) == "12 pt2"
    assert next_part_id("12 pt2", {"12 pt3"}) == "12 pt4"


def test_freeze_zero_keeps_only_the_past() -> None:
    """Tests ``freeze=0``: nothing frozen, every remaining scene may move from the date on."""
    prepared = prepare_replan(five_scenes(), CURRENT.dates, DATES[2], freeze=0)
    assert prepared.frozen == frozenset() and prepared.shot == {"1", "2"}
    assert prepared.first_open == DATES[2]
