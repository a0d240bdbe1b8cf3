"""A plan and its production kept as JSON: read back, they give the same summary and workbook;
anything else is refused, saying where."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from openpyxl import Workbook

from scheduler.config import SolverConfig
from scheduler.data import Availability, Production
from scheduler.excel.writer import build_workbook
from scheduler.plan_json import (
    PlanDocumentError,
    plan_from_json,
    plan_to_json,
    production_from_json,
    production_to_json,
)
from scheduler.planning import Plan, plan_production
from scheduler.result import SolveStatus
from tests.helpers.productions import actor, production, scene

QUICK = SolverConfig(time_limit=1, deterministic=True)
TUE = date(2026, 3, 3)


@pytest.fixture(scope="module")
def planned(short_film: Production) -> Plan:
    """A risk-aware plan of the short film: a schedule, a forecast and risk rounds."""
    return plan_production(short_film, QUICK)


def _cells(workbook: Workbook) -> dict[str, list[tuple[Any, ...]]]:
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}


def _round_trip(plan: Plan, prod: Production) -> Plan:
    return plan_from_json(plan_to_json(plan), production_from_json(production_to_json(prod)))


def test_a_plan_read_back_has_the_same_summary_and_workbook(short_film: Production,
                                                            planned: Plan) -> None:
    assert planned.result.schedule is not None and planned.risk and planned.rounds
    again = _round_trip(planned, short_film)
    assert again.summary() == planned.summary()
    assert again.result.solution == planned.result.solution
    assert again.result.baseline_solution == planned.result.baseline_solution
    assert again.risk == planned.risk
    assert list(again.risk or {}) == list(planned.risk)  # the days in the plan's order
    assert again.rounds == planned.rounds
    assert again.result.notes == planned.result.notes
    original = build_workbook(short_film, planned.result, risk=planned.risk)
    assert again.result.schedule is not None
    rebuilt = build_workbook(again.result.schedule.production, again.result, risk=again.risk)
    assert _cells(rebuilt) == _cells(original)


def test_a_production_read_back_is_equal_and_keeps_its_notices(short_film: Production) -> None:
    noticed = short_film.model_copy(update={"notices": ("default: crew day cost 1,200",)})
    again = production_from_json(production_to_json(noticed))
    assert again.notices == noticed.notices
    # ``places`` only locates input problems; a stored production has none to locate.
    assert again == noticed.model_copy(update={"places": None})


def test_an_infeasible_plan_keeps_its_conflicts() -> None:
    prod = production([scene("1", cast=("A",), shoot_on=TUE), scene("2")], max_shoot_days=3,
                      cast=[actor("A", availability=Availability(unavailable=(TUE,)))])
    plan = plan_production(prod, QUICK)
    assert plan.result.status is SolveStatus.INFEASIBLE and plan.result.conflicts
    again = _round_trip(plan, prod)
    assert again.result.conflicts == plan.result.conflicts
    assert again.summary() == plan.summary()
    assert again.risk is None


def _edited(plan: Plan, **changes: Any) -> str:
    document = json.loads(plan_to_json(plan))
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(("text", "problem"), [
    ("", "not a plan-shoot plan"),
    ("\x80\x03}q\x00.", "not a plan-shoot plan"),  # a pickle's first bytes
    ("[]", "not a plan-shoot plan"),
    ('{"format": 2}', "format"),
])
def test_what_is_not_a_plan_document_is_refused(short_film: Production, text: str,
                                                problem: str) -> None:
    with pytest.raises(PlanDocumentError, match=problem):
        plan_from_json(text, short_film)


@pytest.mark.parametrize(("changes", "problem"), [
    ({"status": "done"}, "status"),
    ({"runtime": -1.0}, "runtime"),
    ({"unknown": 1}, "unknown"),
    ({"lower_bound": 10**12}, "inconsistent plan: lower bound"),
    ({"start_day": None}, "inconsistent plan"),  # a feasible status with no schedule
    ({"risk": [{"day": 1, "probability": 2.0, "flag": True, "drivers": []}]}, "probability"),
])
def test_a_plan_document_that_fails_validation_is_refused(short_film: Production, planned: Plan,
                                                          changes: dict[str, Any],
                                                          problem: str) -> None:
    with pytest.raises(PlanDocumentError, match=problem):
        plan_from_json(_edited(planned, **changes), short_film)


def test_a_schedule_that_does_not_fit_the_production_is_refused(short_film: Production,
                                                                planned: Plan) -> None:
    assert planned.result.solution is not None
    start_day = dict(planned.result.solution.start_day)
    start_day["99Z"] = start_day.pop(short_film.scenes[0].id)
    with pytest.raises(PlanDocumentError, match=r"unknown scenes \['99Z'\]"):
        plan_from_json(_edited(planned, start_day=start_day), short_film)
    start_day = dict(planned.result.solution.start_day) | {short_film.scenes[0].id: 10_000}
    with pytest.raises(PlanDocumentError, match="off the calendar"):
        plan_from_json(_edited(planned, start_day=start_day), short_film)


def test_what_is_not_a_production_is_refused() -> None:
    with pytest.raises(PlanDocumentError, match="not a plan-shoot production"):
        production_from_json('{"settings": {}}')


def test_a_replans_current_plan_survives_the_round_trip(short_film: Production) -> None:
    """Tests that the plan a re-plan revised rides in the production's JSON: the moves off it
    are part of the re-plan's cost, so a stored re-plan rebuilt without it would cost less."""
    first = min(short_film.scenes, key=lambda scene: scene.id)
    current = ((first.id, short_film.calendar.date_of(1)),)
    replanning = short_film.model_copy(update={"current_plan": current})
    assert production_from_json(production_to_json(replanning)).current_plan == current
