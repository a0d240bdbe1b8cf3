"""The re-plan's warm start on micro-productions: the current plan kept, a stuck scene inserted
on the best day that keeps every rule, room made by moving one scene, and the guide when
nothing repairs it.

The calendar starts on Monday 2 Mar 2026, Mon-Fri.  Each scene takes 7 h, so a day holds one
scene (two would pass the 12 h cap).
"""

from __future__ import annotations

from datetime import date

from scheduler.config import SolverConfig
from scheduler.data import Availability, CalendarDayType, CalendarEntry, Production
from scheduler.replan import prepare_replan
from scheduler.replan.warm_start import WarmStartKind, warm_start
from scheduler.solution import Schedule
from scheduler.validate import validate
from tests.helpers.productions import actor, production, scene

QUICK = SolverConfig(deterministic=True, time_limit=1)
DATES = [date(2026, 3, d) for d in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13)]  # shoot days 1-10


def scenes_on_days(count: int, shoot_days: int, *extra: object, **settings: object) -> Production:
    """Scenes 1..count of 7 h, cast member A in all; ``shoot_days`` on the calendar."""
    cast = [actor("A"), *(member for member in extra)]
    return production([scene(str(i), hours=7, cast=("A",)) for i in range(1, count + 1)],
                      cast=cast, max_shoot_days=shoot_days, crew_day_cost=1000,
                      **settings)


CURRENT = {str(i): DATES[i - 1] for i in range(1, 5)}  # scene i on day i


def moved(prod: Production, days: dict[str, int]) -> set[str]:
    """Scenes of the current plan on another date."""
    return {sid for sid, when in CURRENT.items() if prod.calendar.date_of(days[sid]) != when}


def test_a_plan_that_keeps_every_rule_is_kept() -> None:
    """Tests that the warm start of an unchanged plan is the plan itself."""
    prepared = prepare_replan(scenes_on_days(4, 6).check(), CURRENT, DATES[0], freeze=0)
    start = warm_start(prepared, CURRENT, QUICK, 0.5)
    assert start.kind is WarmStartKind.KEPT and start.stuck == ()
    assert moved(prepared.production, start.solution.start_day) == set()


def test_a_lost_days_scene_goes_on_a_free_day_and_nothing_else_moves() -> None:
    """Tests a lost day (Thu 5 Mar, scene 4's): scene 4 is inserted on a free day, without a
    solver, and the other scenes keep their dates."""
    lost = CalendarEntry(date=DATES[3], type=CalendarDayType.OFF)
    edited = scenes_on_days(4, 6, calendar_entries=[lost]).check()
    prepared = prepare_replan(edited, CURRENT, DATES[0], freeze=0)
    start = warm_start(prepared, CURRENT, QUICK, 0.5)
    assert start.kind is WarmStartKind.INSERTED and start.stuck == ("4",)
    assert validate(prepared.production, start.solution) == []
    assert moved(prepared.production, start.solution.start_day) == {"4"}


def test_room_is_made_for_a_new_scene_by_moving_one_scene() -> None:
    """Tests a new scene with actor B, who is free on days 1-4 only, all full: one scene
    moves to day 5 (the only free day) to make room, and only that one."""
    busy = actor("B", availability=Availability(unavailable=(DATES[4],)))
    base = scenes_on_days(4, 5, busy)
    edited = base.model_copy(update={"scenes": (*base.scenes,
                                                scene("new", hours=7, cast=("B",)))}).check()
    prepared = prepare_replan(edited, CURRENT, DATES[0], freeze=0)
    start = warm_start(prepared, CURRENT, QUICK, 0.5)
    assert start.kind is WarmStartKind.INSERTED
    assert validate(prepared.production, start.solution) == []
    assert len(moved(prepared.production, start.solution.start_day)) == 1
    assert start.solution.start_day["new"] <= 4
    assert len(Schedule(prepared.production, start.solution).moved_scenes) == 1


def test_a_plan_nothing_repairs_is_a_guide_only() -> None:
    """Tests a new scene whose only possible day (B is free on day 1 only) holds a pinned
    scene: no insertion, chain or repair gives a valid plan, so the warm start is the guide
    (the current plan, the new scene on its day) and says so."""
    only_monday = actor("B", availability=Availability(available_to=DATES[0]))
    base = scenes_on_days(4, 5, only_monday)
    pinned = base.scenes[0].model_copy(update={"shoot_on": DATES[0]})
    edited = base.model_copy(update={"scenes": (pinned, *base.scenes[1:],
                                                scene("new", hours=7, cast=("B",)))}).check()
    prepared = prepare_replan(edited, CURRENT, DATES[0], freeze=0)
    start = warm_start(prepared, CURRENT, QUICK, 0.5)
    assert start.kind is WarmStartKind.GUIDE and not start.is_valid
    assert start.solution.start_day["new"] == 1
    assert validate(prepared.production, start.solution) != []


def test_a_day_now_too_long_keeps_one_scene_and_moves_the_other() -> None:
    """Tests a day that now breaks the hours rule (scenes 1 and 2 share Monday, 5 h each, and
    scene 2 now takes 8 h: 13 h on a 12 h cap): its scenes are taken off and inserted again,
    one back on Monday, the other on a free day, and nothing else moves."""
    prod = production([scene("1", hours=5, cast=("A",)), scene("2", hours=5, cast=("A",)),
                       scene("3", hours=7, cast=("A",))],
                      cast=[actor("A")], max_shoot_days=5, crew_day_cost=1000)
    current = {"1": DATES[0], "2": DATES[0], "3": DATES[1]}
    longer = prod.scenes[1].model_copy(update={"est_minutes": 8 * 60})
    edited = prod.model_copy(update={"scenes": (prod.scenes[0], longer, prod.scenes[2])}).check()
    prepared = prepare_replan(edited, current, DATES[0], freeze=0)
    start = warm_start(prepared, current, QUICK, 0.5)
    assert start.kind is WarmStartKind.INSERTED
    assert validate(prepared.production, start.solution) == []
    days = start.solution.start_day
    assert days["3"] == 2 and sorted([days["1"], days["2"]])[0] == 1
    assert len(Schedule(prepared.production, start.solution).moved_scenes) == 1
