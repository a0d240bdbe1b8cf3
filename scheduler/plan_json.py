"""A plan and its production as validated JSON, to keep them on disk and read them back.

The upload page keeps each finished job's production and plan in its data folder so that a
restarted server shows the same result page without solving again.  A data folder is a place an
operator copies, restores or edits, so what is read back is treated as untrusted: plain JSON,
validated field by field (pydantic), never an object format that runs code when loaded.

The plan's document holds only facts that cannot be derived again: the solution's start days, the
proven bounds, the search's figures, notes and conflicts, the forecast of each day and the risk
rounds.  Everything else (the ``Schedule``, costs, gap) is rebuilt from the production, exactly as
the solve built it.  The production's document is its own JSON form plus its ``notices`` (shown
on the result page); ``places`` (where the reader found each entity) is left out: it locates
input problems, and a stored production has none.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .data import Production
from .planning import Plan, RoundReport
from .predict.risk import DayRisk
from .result import Conflict, Result, SolveStatus
from .rules import Rule
from .solution import Schedule, Solution

# The document's version: a later plan-shoot that changes it refuses older documents cleanly.
PLAN_FORMAT: Literal[1] = 1


class PlanDocumentError(ValueError):
    """A stored plan or production that is not valid JSON of the expected form, or does not fit
    its production."""


class _Document(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class _ConflictDocument(_Document):
    rule: Rule = Field(strict=False)  # a rule's name, as text
    message: str
    scenes: tuple[str, ...] = Field(strict=False)
    subjects: tuple[str, ...] = Field(strict=False)


class _DayRiskDocument(_Document):
    day: int = Field(ge=1)
    probability: float = Field(ge=0, le=1)
    flag: bool
    drivers: tuple[str, ...] = Field(strict=False)


class _RoundDocument(_Document):
    number: int = Field(ge=0)
    cost: int = Field(ge=0)
    expected_bottleneck_days: float = Field(ge=0)
    flagged_days: tuple[int, ...] = Field(strict=False)
    kept: bool


class PlanDocument(_Document):
    """What ``plan_to_json`` writes: a ``Plan`` less what its production gives again.

    Costs are in cost units (``solution.COST_SCALE``); ``start_day`` and ``baseline_start_day``
    map each scene to its first shoot day; ``risk`` lists the forecast day by day, in the plan's
    order.
    """

    format: Literal[1]
    status: SolveStatus = Field(strict=False)  # its value, as text
    start_day: dict[str, int] | None
    lower_bound: int | None
    runtime: float = Field(ge=0)
    conflicts: tuple[_ConflictDocument, ...] = Field(strict=False)
    baseline_cost: int | None
    baseline_start_day: dict[str, int] | None
    interrupted: bool
    notes: tuple[str, ...] = Field(strict=False)
    risk_premium: int = Field(ge=0)
    bound_by_category: dict[str, int]
    least_shoot_days: int | None
    risk: tuple[_DayRiskDocument, ...] | None = Field(strict=False)
    rounds: tuple[_RoundDocument, ...] = Field(strict=False)


def plan_to_json(plan: Plan) -> str:
    """The JSON document of ``plan`` (``PlanDocument``), to be read back by ``plan_from_json``
    with the same production."""
    return plan_document(plan).model_dump_json(indent=1)


def plan_document(plan: Plan) -> PlanDocument:
    """The facts of ``plan`` that its production does not give again."""
    result = plan.result
    return PlanDocument(
        format=PLAN_FORMAT,
        status=result.status,
        start_day=_start_days(result.solution),
        lower_bound=result.lower_bound,
        runtime=result.runtime,
        conflicts=tuple(_ConflictDocument(rule=conflict.rule, message=conflict.message,
                                          scenes=conflict.scenes, subjects=conflict.subjects)
                        for conflict in result.conflicts),
        baseline_cost=result.baseline_cost,
        baseline_start_day=_start_days(result.baseline_solution),
        interrupted=result.interrupted,
        notes=result.notes,
        risk_premium=result.risk_premium,
        bound_by_category=dict(result.bound_by_category),
        least_shoot_days=result.least_shoot_days,
        risk=None if plan.risk is None else tuple(
            _DayRiskDocument(day=day, probability=forecast.probability, flag=forecast.flag,
                             drivers=forecast.drivers)
            for day, forecast in plan.risk.items()),
        rounds=tuple(_RoundDocument(number=report.number, cost=report.cost,
                                    expected_bottleneck_days=report.expected_bottleneck_days,
                                    flagged_days=report.flagged_days, kept=report.kept)
                     for report in plan.rounds),
    )


def plan_from_json(text: str | bytes, production: Production) -> Plan:
    """The plan that ``plan_to_json`` wrote, rebuilt on ``production`` (the one it was made for).

    Raises
    ------
    PlanDocumentError
        When ``text`` is not such a document, or its schedule does not fit ``production``.
    """
    try:
        document = PlanDocument.model_validate_json(text)
    except ValidationError as error:
        raise PlanDocumentError(f"not a plan-shoot plan: {_first_problem(error)}") from None
    solution = _solution(document.start_day, production, "start_day")
    try:
        result = Result(
            status=document.status,
            schedule=None if solution is None else Schedule(production, solution),
            lower_bound=document.lower_bound,
            runtime=document.runtime,
            conflicts=tuple(Conflict(item.rule, item.message, item.scenes, item.subjects)
                            for item in document.conflicts),
            baseline_cost=document.baseline_cost,
            baseline_solution=_solution(document.baseline_start_day, production,
                                        "baseline_start_day"),
            interrupted=document.interrupted,
            notes=document.notes,
            risk_premium=document.risk_premium,
            bound_by_category=document.bound_by_category,
            least_shoot_days=document.least_shoot_days,
        )
    except ValueError as error:  # the result's own consistency checks
        raise PlanDocumentError(f"an inconsistent plan: {error}") from None
    return Plan(result, _risk(document.risk), tuple(
        RoundReport(item.number, item.cost, item.expected_bottleneck_days, item.flagged_days,
                    item.kept) for item in document.rounds))


def production_to_json(production: Production) -> str:
    """The JSON form of ``production`` with its ``notices`` and ``current_plan`` (``places`` is
    left out)."""
    # ``notices`` and ``current_plan`` are excluded from the model's own JSON form (they are not
    # part of a breakdown), yet the result page shows the notices and a re-plan's cost prices
    # the moves off its current plan: added here, read back as the fields they are.
    form = production.model_dump(mode="json")
    form["notices"] = list(production.notices)
    form["current_plan"] = [[scene_id, when.isoformat()]
                            for scene_id, when in production.current_plan]
    return json.dumps(form, indent=1, ensure_ascii=False)


def production_from_json(text: str | bytes) -> Production:
    """The production that ``production_to_json`` wrote, checked as any production is.

    Raises
    ------
    PlanDocumentError
        When ``text`` is not a valid production.
    """
    try:
        return Production.model_validate_json(text)
    except ValidationError as error:
        raise PlanDocumentError(f"not a plan-shoot production: {_first_problem(error)}") from None


def _start_days(solution: Solution | None) -> dict[str, int] | None:
    return None if solution is None else dict(solution.start_day)


def _solution(start_day: dict[str, int] | None, production: Production,
              field: str) -> Solution | None:
    """The solution of ``start_day``, which must place every scene of ``production`` and no
    other, each on a day of its calendar (as every solution a solve returns does)."""
    if start_day is None:
        return None
    scene_ids = {scene.id for scene in production.scenes}
    if set(start_day) != scene_ids:
        unknown = sorted(set(start_day) - scene_ids)
        missing = sorted(scene_ids - set(start_day))
        raise PlanDocumentError(f"{field} does not fit the production: unknown scenes {unknown}, "
                                f"scenes missing {missing}")
    days = set(production.calendar.days)
    off = sorted(scene for scene, day in start_day.items() if day not in days)
    if off:
        raise PlanDocumentError(f"{field} places scenes off the calendar: {', '.join(off)}")
    return Solution(start_day=start_day)


def _risk(forecast: tuple[_DayRiskDocument, ...] | None) -> dict[int, DayRisk] | None:
    if forecast is None:
        return None
    risk = {item.day: DayRisk(item.probability, item.flag, item.drivers) for item in forecast}
    if len(risk) != len(forecast):
        raise PlanDocumentError("the forecast names a day twice")
    return risk


def _first_problem(error: ValidationError) -> str:
    """The first of pydantic's problems, located by its path in the document."""
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"]) or "document"
    return f"{where}: {problem['msg']}"
