"""The re-plan's wall-clock deadline: a stage's stop event set when its time is up or when the
user stops, never before; a re-plan whose deadline has passed still answers, with a valid
revision, and does not say the user stopped it."""

from __future__ import annotations

import threading
import time
from datetime import date

from scheduler.config import SolverConfig
from scheduler.data import CalendarDayType, CalendarEntry
from scheduler.replan import CurrentSchedule, replan
from scheduler.replan.deadline import Deadline
from scheduler.validate import validate
from tests.helpers.productions import actor, production, scene

DATES = [date(2026, 3, d) for d in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13)]


def test_a_stage_stops_when_its_time_is_up() -> None:
    """Tests that a stage whose end has come gets its stop event set."""
    deadline = Deadline(60)
    with deadline.stage(time.monotonic()) as stop:
        assert stop.wait(5)


def test_a_stage_stops_when_the_user_stops() -> None:
    """Tests that the user's stop reaches a stage with time left."""
    user = threading.Event()
    with Deadline(60).stage(time.monotonic() + 60, user) as stop:
        user.set()
        assert stop.wait(5)


def test_a_stage_with_time_left_is_not_stopped() -> None:
    """Tests that a stage is not stopped before its end."""
    deadline = Deadline(60)
    with deadline.stage(deadline.share_ends(0.5)) as stop:
        assert not stop.wait(0.2)
    assert 0 < deadline.left() <= 60


def test_a_replan_past_its_deadline_still_answers_with_a_valid_revision() -> None:
    """Tests a re-plan given no time at all (its deadline already passed): the lost day's
    scene is re-placed by the warm start, the revision keeps every rule, the result does not
    say the user stopped it, and no from-scratch plan is started that could only run late."""
    prod = production([scene(str(i), hours=7, cast=("A",)) for i in range(1, 6)],
                      cast=[actor("A")], max_shoot_days=10, crew_day_cost=1000)
    lost = CalendarEntry(date=DATES[3], type=CalendarDayType.OFF)
    edited = prod.model_copy(update={"calendar_entries": (lost,)}).check()
    current = CurrentSchedule({str(i): DATES[i - 1] for i in range(1, 6)})
    outcome = replan(edited, current, DATES[2], config=SolverConfig(deterministic=True),
                     deadline=Deadline(0))
    assert outcome.result.solution is not None and outcome.report is not None
    assert validate(edited, outcome.result.solution) == []
    assert outcome.report.moved_scene_ids == ("4",)
    assert not outcome.result.interrupted
    assert outcome.from_scratch is None and outcome.report.cost_from_scratch is None
