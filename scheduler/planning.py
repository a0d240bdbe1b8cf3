"""Plan a production: the cheapest schedule, then rounds that take bottleneck risk off it.

``plan_production`` is what the CLI and the upload page call.  Predict, then optimise:

1. Solve for the cheapest schedule (half the time).  Its cost bound stays the reported bound.
2. Score its days with the bottleneck model.  Each scene gets a risk weight, and the CP model
   prices the risk a day carries past a knee (``predict/pricing.py``, ``model/risk.py``).
3. A few rounds solve again from the best plan, each with the knees of the days still flagged
   tightened.  The plan kept is the one with the least cost plus expected bottleneck days (by
   the model) times what a bottleneck day is worth (``bottleneck_day_cost``): risk is bought off
   only where it is worth its price.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from .config import SolverConfig
from .data import Production
from .predict.model import TrainedModel, load_default
from .predict.pricing import day_loads, fit_risk_price, tighten
from .predict.risk import DayRisk, scene_risk_weights, score_days
from .result import Progress, Result, SolveStatus, SummaryRow
from .risk_price import RiskPrice
from .search import NeighbourhoodSearch
from .solution import COST_SCALE, Schedule, Solution, to_money
from .solve import solve

logger = logging.getLogger("scheduler")

# Rounds that take risk off the cheapest plan, after it.
RISK_ROUNDS = 2
# Share of the time limit the cheapest plan gets; the rounds share the rest.
FIRST_ROUND_SHARE = 0.5


@dataclass(frozen=True)
class RoundReport:
    """One planning round: 0 is the cheapest plan, later ones are priced for risk."""

    number: int
    cost: int
    expected_bottleneck_days: float
    flagged_days: tuple[int, ...]
    kept: bool = False


@dataclass(frozen=True)
class Plan:
    """A solve's result and the bottleneck forecast of its days.

    Attributes
    ----------
    result
        The outcome (status, schedule, cost, proven bound on the cost, conflicts).
    risk
        Shoot day -> forecast; None when there is no schedule.
    rounds
        What each round gave (empty when risk was not priced).
    """

    result: Result
    risk: dict[int, DayRisk] | None
    rounds: tuple[RoundReport, ...] = ()

    @property
    def predicted_bottleneck_days(self) -> float | None:
        """The expected count of bottleneck days under the forecast; None without one."""
        if not self.risk:
            return None
        return predicted_bottleneck_days(self.risk)

    def summary(self) -> list[SummaryRow]:
        """``Result.summary`` with the forecast after the schedule's facts: the days flagged as
        likely bottlenecks and the expected count of bottleneck days."""
        if not self.risk:
            return self.result.summary()
        flagged = [str(day) for day, forecast in self.risk.items() if forecast.flag]
        return self.result.summary(forecast=(
            ("likely bottleneck days", ", ".join(flagged) or "none"),
            ("expected bottleneck days", f"{predicted_bottleneck_days(self.risk):.2f}"),
        ))


def predicted_bottleneck_days(risk: Mapping[int, DayRisk]) -> float:
    """The expected count of bottleneck days under a forecast: its probabilities summed (not
    under the true synthetic process, ``predict.risk.expected_bottleneck_days``)."""
    return sum(forecast.probability for forecast in risk.values())


@dataclass
class _Candidate:
    schedule: Schedule
    risk: dict[int, DayRisk]

    @property
    def solution(self) -> Solution:
        return self.schedule.solution

    @property
    def cost(self) -> int:
        return self.schedule.total_cost

    @property
    def flagged_days(self) -> tuple[int, ...]:
        return tuple(day for day, forecast in self.risk.items() if forecast.flag)

    @property
    def expected_bottleneck_days(self) -> float:
        return predicted_bottleneck_days(self.risk)

    def priced(self, day_value: int) -> float:
        """Cost plus the expected bottleneck days at their worth, in cost units."""
        return self.cost + day_value * COST_SCALE * self.expected_bottleneck_days


def plan_production(
    production: Production,
    config: SolverConfig,
    *,
    model: TrainedModel | None = None,
    risk_aware: bool = True,
    rounds: int = RISK_ROUNDS,
    on_progress: Callable[[Progress], None] | None = None,
    stop: threading.Event | None = None,
    hint: Solution | None = None,
) -> Plan:
    """The cheapest valid schedule of ``production`` that does not stack bottleneck risk, with
    every planned day scored.

    Parameters
    ----------
    production
        A checked production.
    config
        The search settings; the time limit covers every round.
    model
        The bottleneck model (default: the one shipped with plan-shoot).
    risk_aware
        Price risk in rounds after the cheapest plan (also off when the production's
        ``bottleneck_cost`` is 0).
    rounds
        How many risk rounds at most.
    on_progress
        Called at each better schedule (from the solver's thread: keep it light).
    stop
        Set it to stop the search and keep the best schedule found so far.
    hint
        A schedule to start the cheapest plan's search from (``solve``'s hint; e.g. the base
        plan of a what-if scenario that relaxes it).
    """
    model = model or load_default()
    day_value = production.settings.bottleneck_cost if risk_aware else 0
    if day_value == 0 or rounds == 0:
        result = solve(production, config, hint=hint, on_progress=on_progress, stop=stop)
        schedule = result.schedule
        return Plan(result, score_days(schedule, model) if schedule is not None else None)

    began = time.monotonic()
    first_config = config.model_copy(update={"time_limit": config.time_limit * FIRST_ROUND_SHARE})
    logger.info("planning: the cheapest plan")
    result = solve(production, first_config, hint=hint, on_progress=on_progress, stop=stop)
    if result.schedule is None:
        return Plan(result, None)
    first = cheapest = best = latest = _candidate(result.schedule, model)
    reports = [_report(0, first)]
    price = None
    if first.flagged_days and not _stopped(stop):  # else no round runs: fitting would be wasted
        logger.info("planning: pricing the risk of %d flagged day(s)", len(first.flagged_days))
        price = fit_risk_price(production, model, scene_risk_weights(production, model),
                               day_value, [result.solution, result.baseline_solution],
                               seed=config.seed)
    kept = 0
    for number in range(1, rounds + 1):
        if price is None or not latest.flagged_days or _stopped(stop):
            break
        price = tighten(price, day_loads(latest.schedule, price.weights), latest.flagged_days)
        budget = _round_budget(config, began, rounds, number)
        logger.info("planning: risk round %d of %d (%.1f s)", number, rounds, budget.time_limit)
        found = _solve_priced(production, price, best.solution, budget, on_progress, stop,
                              bound=result.lower_bound, stage=f"risk round {number} of {rounds}")
        if found is None:
            break
        latest = _candidate(Schedule(production, found), model)
        reports.append(_report(number, latest))
        cheapest = min(cheapest, latest, key=lambda candidate: candidate.cost)
        if latest.priced(day_value) < best.priced(day_value):
            best, kept = latest, number
    reports[kept] = replace(reports[kept], kept=True)
    result = replace(_keep(result, best, first, cheapest, len(reports) - 1,
                           production.settings.currency),
                     runtime=time.monotonic() - began,
                     interrupted=result.interrupted or _stopped(stop))
    return Plan(result, best.risk, tuple(reports))


def _stopped(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


def _candidate(schedule: Schedule, model: TrainedModel) -> _Candidate:
    return _Candidate(schedule, score_days(schedule, model))


def _report(number: int, candidate: _Candidate) -> RoundReport:
    return RoundReport(number, candidate.cost, candidate.expected_bottleneck_days,
                       candidate.flagged_days)


def _round_budget(config: SolverConfig, began: float, rounds: int, number: int) -> SolverConfig:
    """The time of risk round ``number``: an equal share of what is left of the time limit (in
    deterministic mode, of the rounds' deterministic budget, so that runs repeat)."""
    if config.deterministic:
        share = config.time_limit * (1 - FIRST_ROUND_SHARE) / rounds
    else:
        share = (config.time_limit - (time.monotonic() - began)) / (rounds - number + 1)
    return config.model_copy(update={"time_limit": max(0.1, share)})


def _solve_priced(production: Production, price: RiskPrice, start: Solution,
                  config: SolverConfig, on_progress: Callable[[Progress], None] | None,
                  stop: threading.Event | None, bound: int | None,
                  stage: str) -> Solution | None:
    """One risk round: the neighbourhood search with risk priced, from ``start``; the schedule
    found (valid: the search keeps only schedules that break no rule)."""
    def report(progress: Progress) -> None:
        # The cheapest plan's bound is the one that bounds the cost.
        if on_progress is not None:
            on_progress(Progress(progress.elapsed, progress.objective,
                                 bound if bound is not None else progress.bound, stage))

    search = NeighbourhoodSearch(production, config, risk=price, on_progress=report, stop=stop)
    found = search.improve(start, config.time_limit)
    return found if found != start else None


def _keep(result: Result, best: _Candidate, first: _Candidate, cheapest: _Candidate,
          risk_rounds: int, currency: str) -> Result:
    """``result`` with the plan kept, saying what the risk rounds bought, at what price."""
    if best is first:
        if not risk_rounds:
            return result
        return replace(result, notes=(
            *result.notes, f"risk rounds: {risk_rounds} re-solves found no plan whose lower "
                           f"risk was worth its cost; the cheapest plan is kept"))
    status, lower_bound = result.status, result.lower_bound
    if lower_bound is not None and lower_bound >= best.cost:
        lower_bound = best.cost  # a later round found it cheaper than the first's proof
    else:
        status = SolveStatus.FEASIBLE  # not proven the cheapest
    premium = best.cost - cheapest.cost
    share = premium / cheapest.cost if cheapest.cost else 0.0
    note = (f"risk-aware plan: {to_money(premium):,} {currency} ({share:.1%}) "
            f"more than the cheapest plan found, for {first.expected_bottleneck_days:.2f} -> "
            f"{best.expected_bottleneck_days:.2f} expected bottleneck days (predicted)")
    return replace(result, status=status, schedule=best.schedule, lower_bound=lower_bound,
                   risk_premium=premium, notes=(*result.notes, note))
