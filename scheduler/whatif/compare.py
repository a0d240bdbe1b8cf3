"""Plan the base and every scenario, and compare them consistently.

The base is planned first, then each scenario, all with the same settings (``plan_production``,
risk rounds and all, the same CP-SAT workers), each scenario warm-started from the base plan when
the base's schedule is valid for it (always so for a relaxing scenario).  Then the comparison is
made consistent, the issue's rule:

- a scenario whose own search ended dearer than the base's schedule, where that schedule is
  valid for it, adopts it, re-priced under its own production (its rates may differ), and says
  so: a relaxing scenario is never reported dearer than the base;
- when any scenario's schedule is valid for the base and cheaper under the base's costs, the
  base adopts the cheapest such, and says so: a restricting scenario is never reported cheaper.

Both are repeated until neither applies (each adoption makes a cost strictly lower, so it ends).
Schedules move between productions by date (``carried_over``): the calendars of two scenarios
may differ (a later end date, another work week).  Every schedule reported passes ``validate``
under its own production; one that does not is reported as a failure, never shown.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ..config import SolverConfig
from ..data import Production
from ..plan_json import PlanDocumentError, plan_from_json, production_to_json
from ..planning import Plan
from ..predict.model import TrainedModel, load_default
from ..predict.risk import score_days
from ..result import Result, SolveStatus
from ..solution import Schedule, Solution, to_money
from ..validate import validate
from .apply import apply_scenario, scenario_problems
from .executors import Executor, InProcess, LocalPool, RayCluster, TaskEvent, machine_cores
from .scenario import BASE, Effect, Scenario
from .suggest import MAX_CANDIDATES, saving_sentence, suggest_scenarios
from .tasks import SolveTask, TaskOutcome

logger = logging.getLogger("scheduler")

# Share of each scenario's time limit its search gets; the rest covers the task around it.
SEARCH_SHARE = 0.95
# The short solve that prices a suggestion: this share of the time limit, at least this long.
PRICE_SHARE = 0.2
PRICE_MIN_SECONDS = 1.0


class ScenarioState:
    """The states of a scenario's progress line."""

    SOLVING = "solving"
    BETTER = "better"
    DONE = "done"


@dataclass(frozen=True)
class ScenarioProgress:
    """A scenario started, found a better schedule, or finished (for progress lines).

    Attributes
    ----------
    name
        The scenario (``base`` first).
    state
        ``solving``, ``better`` or ``done``.
    elapsed
        Seconds of its solve so far.
    cost
        The best cost so far, or at the end (cost units); None without a schedule.
    status
        At the end: its status before the comparison is made consistent.
    """

    name: str
    state: str
    elapsed: float = 0.0
    cost: int | None = None
    status: str = ""


ProgressSink = Callable[[ScenarioProgress], None]


@dataclass(frozen=True)
class Outcome:
    """One scenario's place in the comparison.

    Attributes
    ----------
    scenario
        The scenario (``scenario.BASE`` for the base).
    production
        Its changed production.
    plan
        Its plan (the one reported, after the consistency rule); None when it was not planned.
    status
        ``optimal``, ``feasible``, ``infeasible``, ``no solution``, ``invalid`` (the changes
        break the breakdown), ``failed`` or ``stopped``.
    notes
        What happened to it: the problems of an invalid scenario, the schedule it adopted.
    runtime
        Seconds its solve took.
    """

    scenario: Scenario
    production: Production
    plan: Plan | None = None
    status: str = ""
    notes: tuple[str, ...] = ()
    runtime: float = 0.0

    @property
    def name(self) -> str:
        return self.scenario.name

    @property
    def schedule(self) -> Schedule | None:
        return self.plan.result.schedule if self.plan is not None else None

    @property
    def cost(self) -> int | None:
        """The total cost (cost units), as ``validate`` recomputes it; None without one."""
        schedule = self.schedule
        return schedule.total_cost if schedule is not None else None


@dataclass(frozen=True)
class ComparisonRow:
    """One row of the ``Comparison`` sheet, the table and the JSON; money in currency units."""

    scenario: str
    changes: str
    effect: str
    status: str
    total_cost: Decimal | None
    change_vs_base: Decimal | None
    shoot_days: int | None
    wrap_date: date | None
    cast_hold_days: int | None
    company_moves: int | None
    expected_bottleneck_days: float | None
    lower_bound: Decimal | None
    runtime: float
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """The base and every scenario, planned and made consistent.

    Attributes
    ----------
    outcomes
        The base first, then the scenarios in order.
    currency
        The base production's currency.
    time_limit
        Seconds each solve was given.
    where
        Where the solves ran (``2 local processes``, ``Ray at auto``).
    runtime
        Seconds the whole comparison took.
    interrupted
        The user stopped it.
    """

    outcomes: tuple[Outcome, ...]
    currency: str
    time_limit: float
    where: str
    runtime: float
    interrupted: bool = False

    @property
    def base(self) -> Outcome:
        return self.outcomes[0]

    @property
    def scenarios(self) -> tuple[Outcome, ...]:
        return self.outcomes[1:]

    def rows(self) -> list[ComparisonRow]:
        """One row per scenario, the base first."""
        base_cost = self.base.cost
        return [_row(outcome, base_cost) for outcome in self.outcomes]


def _row(outcome: Outcome, base_cost: int | None) -> ComparisonRow:
    schedule, plan = outcome.schedule, outcome.plan
    cost = outcome.cost
    result = plan.result if plan is not None else None
    wrap = schedule.wrap_day if schedule is not None else None
    expected = plan.predicted_bottleneck_days if plan is not None else None
    return ComparisonRow(
        scenario=outcome.name,
        changes=outcome.scenario.description or outcome.scenario.changes_text,
        effect=outcome.scenario.effect.value if outcome.scenario.changes else "",
        status=outcome.status,
        total_cost=to_money(cost) if cost is not None else None,
        change_vs_base=(to_money(cost - base_cost) if cost is not None
                        and base_cost is not None else None),
        shoot_days=wrap,
        wrap_date=(schedule.calendar.date_of(wrap) if schedule is not None and wrap
                   else None),
        cast_hold_days=schedule.total_hold_days if schedule is not None else None,
        company_moves=schedule.total_moves if schedule is not None else None,
        expected_bottleneck_days=round(expected, 2) if expected is not None else None,
        lower_bound=(to_money(result.lower_bound) if result is not None
                     and result.lower_bound is not None else None),
        runtime=round(outcome.runtime, 1),
        notes=outcome.notes,
    )


# ----- the comparison ---------------------------------------------------------------------------


def compare_scenarios(
    production: Production,
    scenarios: Sequence[Scenario],
    config: SolverConfig,
    *,
    parallel: int | None = None,
    cluster: str | None = None,
    risk_aware: bool = True,
    suggest: int = 0,
    model: TrainedModel | None = None,
    on_progress: ProgressSink | None = None,
    stop: threading.Event | None = None,
    executor: Executor | None = None,
) -> Comparison:
    """Plan the base and every scenario with the same settings, and compare them consistently.

    Parameters
    ----------
    production
        The base production (checked).
    scenarios
        The scenarios, checked against ``production`` (``read_scenarios``,
        ``suggest_scenarios``).
    config
        The search of every solve: each gets ``config.time_limit``.  In deterministic mode
        every solve has one worker and the seed of ``config``: the comparison is the same
        whatever ``parallel`` or ``cluster``.
    parallel
        How many solves run at once in local processes, each with cores / parallel CP-SAT
        workers (default ``default_parallel``); 1 solves one after another in this process.
    cluster
        A Ray address (``auto``, ``ray://HEAD:10001``, ``local``): the solves run there
        instead.
    risk_aware
        Plan with the risk rounds, as ``plan-shoot`` does (False: ``--risk-blind``).
    suggest
        Also compare the ``suggest`` relaxations of what binds in the base plan that save the
        most (``suggest.suggest_scenarios``): each priced by a short solve
        (``PRICE_SHARE`` of the time limit), the best re-solved with the full time limit, after
        ``scenarios``.
    model
        The bottleneck model that scores an adopted schedule's days (default: the shipped one,
        which the solves use too).
    on_progress
        Called as each scenario starts, improves and ends (from a worker thread: keep it
        light).
    stop
        Set it to stop: the solves running keep their best, the others are marked
        ``stopped``; the comparison is made of what was found.
    executor
        Where to run the solves, made by the caller (overrides ``parallel`` and ``cluster``;
        the caller closes it).

    Returns
    -------
    Comparison
        The base first, then each scenario.

    Raises
    ------
    PlanShootError
        When the cluster cannot be reached (or Ray is not installed).
    """
    began = time.monotonic()
    solves = len(scenarios) + (MAX_CANDIDATES if suggest else 0)
    runner = executor or make_executor(parallel=parallel, cluster=cluster, stop=stop,
                                       scenarios=solves)
    sink = on_progress or (lambda progress: None)
    try:
        outcomes = _plan_all(production, scenarios, config, runner, risk_aware, suggest, sink,
                             stop)
        where = describe_executor(runner, cluster)
    finally:
        if executor is None:
            runner.close()
    consistent = _worded(make_consistent(outcomes, model or load_default()),
                         production.settings.currency)
    return Comparison(tuple(consistent), production.settings.currency, config.time_limit,
                      where, time.monotonic() - began,
                      interrupted=stop is not None and stop.is_set())


def default_parallel(cores: int, scenarios: int) -> int:
    """Solves at once by default: one per core (each with one CP-SAT worker), at most one per
    scenario.  Scenarios are independent: two one-worker solves on two cores finish two
    scenarios in the time limit, where one two-worker solve finishes one; that is what keeps
    N scenarios within (N / 2 + 1) time limits on 2 cores."""
    return max(1, min(cores, scenarios))


def make_executor(*, parallel: int | None, cluster: str | None, stop: threading.Event | None,
                  scenarios: int) -> Executor:
    """The executor of ``compare_scenarios``' ``parallel`` and ``cluster``."""
    if cluster:
        return RayCluster(cluster, stop)
    slots = parallel or default_parallel(machine_cores(), scenarios)
    if slots <= 1:
        return InProcess(stop)
    return LocalPool(slots, stop)


def describe_executor(executor: Executor, cluster: str | None) -> str:
    """Where the solves ran, in words."""
    if cluster:
        return f"Ray at {cluster} ({executor.cores} CPUs)"
    if executor.slots <= 1:
        return "this process"
    return f"{executor.slots} local processes"


@dataclass(frozen=True)
class _Prepared:
    scenario: Scenario
    production: Production
    problems: tuple[str, ...]


def _prepare(production: Production, scenario: Scenario) -> _Prepared:
    changed = apply_scenario(production, scenario)
    return _Prepared(scenario, changed, tuple(scenario_problems(changed)))


def _plan_all(production: Production, scenarios: Sequence[Scenario], config: SolverConfig,
              executor: Executor, risk_aware: bool, suggest: int, sink: ProgressSink,
              stop: threading.Event | None) -> list[Outcome]:
    """The base's and every scenario's outcome, before the consistency rule."""
    prepared = [_prepare(production, scenario) for scenario in scenarios]
    productions = {BASE.name: production, **{item.scenario.name: item.production
                                             for item in prepared}}
    on_event = _progress_of(productions, sink)
    # The base is solved with the scenarios' settings, their CP-SAT workers included, here,
    # while the pool's processes start and load the planner on the cores left (seconds).
    workers = max(1, executor.cores // executor.slots)
    here = InProcess(stop) if isinstance(executor, LocalPool) else executor
    [base_done] = here.run([_task(BASE.name, production, None, config, workers, risk_aware)],
                           on_event)
    base = _outcome(BASE, production, base_done)
    base_solution = base.schedule.solution if base.schedule is not None else None
    if suggest and base.schedule is not None and not (stop is not None and stop.is_set()):
        taken = {item.scenario.name for item in prepared}
        candidates = [_prepare(production, scenario) for scenario in
                      suggest_scenarios(production, base.schedule)
                      if scenario.name not in taken]
        productions.update({item.scenario.name: item.production for item in candidates})
        prepared += _best_priced(candidates, base, config, executor, workers, suggest,
                                 on_event)
    tasks = []
    for item in prepared:
        if item.problems:
            continue
        hint = _valid_carried(base_solution, production, item.production)
        tasks.append(_task(item.scenario.name, item.production, hint, config, workers,
                           risk_aware))
    logger.info("what if: planning %d scenario(s), %d at a time", len(tasks), executor.slots)
    done = {outcome.name: outcome for outcome in executor.run(tasks, on_event)}
    outcomes = [base]
    for item in prepared:
        if item.problems:
            outcomes.append(Outcome(item.scenario, item.production, status="invalid",
                                    notes=item.problems))
            sink(ScenarioProgress(item.scenario.name, ScenarioState.DONE, status="invalid"))
        else:
            outcomes.append(_outcome(item.scenario, item.production, done[item.scenario.name]))
    return outcomes


def _best_priced(candidates: list[_Prepared], base: Outcome, config: SolverConfig,
                 executor: Executor, workers: int, count: int,
                 on_event: Callable[[TaskEvent], None]) -> list[_Prepared]:
    """The ``count`` candidates that save the most by a short, risk-blind solve each (every
    one warm-started from the base plan, so none is priced dearer than it)."""
    assert base.schedule is not None
    limit = max(PRICE_MIN_SECONDS, config.time_limit * PRICE_SHARE)
    short = config.model_copy(update={"time_limit": limit})
    plannable = [item for item in candidates if not item.problems]
    tasks = [_task(item.scenario.name, item.production,
                   _valid_carried(base.schedule.solution, base.production, item.production),
                   short, workers, risk_aware=False) for item in plannable]
    priced = []
    for item, done in zip(plannable, executor.run(tasks, on_event), strict=True):
        outcome = _outcome(item.scenario, item.production, done)
        if outcome.cost is not None:
            priced.append((outcome.cost, item))
    logger.info("suggestions: %d priced of %d", len(priced), len(candidates))
    priced.sort(key=lambda pair: pair[0])  # stable: the nearest limit first among equals
    return [item for _, item in priced[:count]]


def _worded(outcomes: list[Outcome], currency: str) -> list[Outcome]:
    """Suggestions with their re-solved saving in words (``suggest.saving_sentence``)."""
    base = outcomes[0]
    if base.cost is None or base.schedule is None:
        return outcomes
    worded = [base]
    for outcome in outcomes[1:]:
        schedule = outcome.schedule
        if outcome.scenario.suggested and outcome.cost is not None and schedule is not None:
            sentence = saving_sentence(outcome.scenario.description, base.cost - outcome.cost,
                                       base.schedule.wrap_day - schedule.wrap_day, currency)
            outcome = replace(outcome, scenario=outcome.scenario.model_copy(
                update={"description": sentence}))
        worded.append(outcome)
    return worded


def _task(name: str, production: Production, hint: Solution | None, config: SolverConfig,
          workers: int, risk_aware: bool) -> SolveTask:
    """A scenario's solve: its time limit is its wall budget, of which the search gets
    ``SEARCH_SHARE`` (the rest covers the task's start, the scoring of its days, its
    return)."""
    return SolveTask(name=name, production=production_to_json(production),
                     hint=dict(hint.start_day) if hint is not None else None,
                     time_limit=config.time_limit * SEARCH_SHARE, workers=1 if config.deterministic
                     else workers, seed=config.seed, deterministic=config.deterministic,
                     risk_aware=risk_aware)


def _progress_of(productions: dict[str, Production],
                 sink: ProgressSink) -> Callable[[TaskEvent], None]:
    def on_event(event: TaskEvent) -> None:
        if event.outcome is not None:
            outcome = _outcome(BASE, productions[event.name], event.outcome)
            sink(ScenarioProgress(event.name, ScenarioState.DONE, event.elapsed, outcome.cost,
                                  outcome.status))
        elif event.objective is None:
            sink(ScenarioProgress(event.name, ScenarioState.SOLVING))
        else:
            sink(ScenarioProgress(event.name, ScenarioState.BETTER, event.elapsed,
                                  event.objective))
    return on_event


def _outcome(scenario: Scenario, production: Production, done: TaskOutcome) -> Outcome:
    """A finished task as an outcome; a plan whose schedule breaks a rule is a failure."""
    if done.error:
        return Outcome(scenario, production, status="failed", notes=(done.error,),
                       runtime=done.runtime)
    if done.plan is None:
        return Outcome(scenario, production, status="stopped",
                       notes=("stopped before it was planned",), runtime=done.runtime)
    try:
        plan = plan_from_json(done.plan, production)
    except PlanDocumentError as error:
        return Outcome(scenario, production, status="failed", notes=(str(error),),
                       runtime=done.runtime)
    result = plan.result
    status = result.status.value
    if done.stopped and not result.status.has_solution:
        status = "stopped"
    notes = tuple(str(conflict) for conflict in result.conflicts)
    if result.interrupted and result.status.has_solution:
        notes = ("stopped by you: the best schedule found so far", *notes)
    return _checked(Outcome(scenario, production, plan, status, notes, done.runtime))


def _checked(outcome: Outcome) -> Outcome:
    """``outcome``, or a failure when its schedule breaks a rule of its own production."""
    schedule = outcome.schedule
    if schedule is None:
        return outcome
    broken = validate(outcome.production, schedule.solution)
    if not broken:
        return outcome
    logger.error("scenario %s: the schedule breaks %d rule(s)", outcome.name, len(broken))
    return replace(outcome, plan=None, status="failed", notes=(
        *outcome.notes, f"its schedule breaks {len(broken)} rule(s), first: {broken[0]}"))


# ----- consistency ------------------------------------------------------------------------------


def carried_over(solution: Solution, source: Production, target: Production) -> Solution | None:
    """``solution`` (of ``source``) on ``target``'s calendar: every scene of ``target`` on
    the same first date; None when a scene of ``target`` is not in it or its date is not a shoot
    date of ``target``."""
    start_day = {}
    for scene in target.scenes:
        day = solution.start_day.get(scene.id)
        if day is None or day not in source.calendar.days:
            return None
        target_day = target.calendar.day_of(source.calendar.date_of(day))
        if target_day is None:
            return None
        start_day[scene.id] = target_day
    return Solution(start_day=start_day)


def _valid_carried(solution: Solution | None, source: Production,
                   target: Production) -> Solution | None:
    """``carried_over`` when it breaks no rule of ``target``, else None."""
    if solution is None:
        return None
    carried = carried_over(solution, source, target)
    if carried is None or validate(target, carried):
        return None
    return carried


def make_consistent(outcomes: Sequence[Outcome], model: TrainedModel) -> list[Outcome]:
    """Apply the consistency rule (module docstring) until nothing changes.

    ``outcomes`` holds the base first.  A scenario that was not planned (invalid, failed,
    stopped, proven infeasible) is left as it is.
    """
    current = list(outcomes)
    changed = True
    while changed:
        changed = False
        for index in range(1, len(current)):
            adopted = _adopt(current[index], current[0], model,
                             "kept the base's schedule: its own search ended dearer")
            if adopted is not None:
                current[index], changed = adopted, True
        cheaper = [adopted for outcome in current[1:] if (adopted := _adopt(
            current[0], outcome, model, f"adopted the schedule of scenario {outcome.name}: "
                                        "it is valid for the base and cheaper")) is not None]
        if cheaper:
            current[0] = min(cheaper, key=lambda outcome: outcome.cost or 0)
            changed = True
    return current


ADOPTING_STATUSES = frozenset({SolveStatus.OPTIMAL.value, SolveStatus.FEASIBLE.value,
                               SolveStatus.NO_SOLUTION.value})


def _adopt(taker: Outcome, giver: Outcome, model: TrainedModel, note: str) -> Outcome | None:
    """``taker`` with ``giver``'s schedule, re-priced under ``taker``'s production, when that
    schedule is valid for ``taker`` and cheaper than its own; else None."""
    if taker.status not in ADOPTING_STATUSES or taker.plan is None or giver.schedule is None:
        return None
    carried = _valid_carried(giver.schedule.solution, giver.production, taker.production)
    if carried is None:
        return None
    schedule = Schedule(taker.production, carried)
    if taker.cost is not None and schedule.total_cost >= taker.cost:
        return None
    result = taker.plan.result
    bound = result.lower_bound
    adopted = Result(
        status=SolveStatus.FEASIBLE, schedule=schedule,
        lower_bound=min(bound, schedule.total_cost) if bound is not None else None,
        runtime=result.runtime, baseline_cost=result.baseline_cost,
        baseline_solution=result.baseline_solution, interrupted=result.interrupted,
        notes=(*result.notes, note), bound_by_category=result.bound_by_category,
        least_shoot_days=result.least_shoot_days)
    plan = Plan(adopted, score_days(schedule, model))
    return replace(taker, plan=plan, status=SolveStatus.FEASIBLE.value,
                   notes=(*taker.notes, note))


def assert_consistent(comparison: Comparison) -> list[str]:
    """What breaks the consistency rule in ``comparison`` (empty when nothing does): a relaxing
    scenario dearer than the base, a restricting one cheaper, a schedule that breaks a rule of
    its own production."""
    broken = []
    base = comparison.base
    for outcome in comparison.outcomes:
        if outcome.schedule is not None and validate(outcome.production,
                                                     outcome.schedule.solution):
            broken.append(f"{outcome.name}: its schedule breaks a rule")
    if base.cost is None:
        return broken
    for outcome in comparison.scenarios:
        if outcome.cost is None:
            continue
        effect = outcome.scenario.effect
        if effect is Effect.RELAXING and outcome.cost > base.cost:
            broken.append(f"{outcome.name}: relaxing, yet dearer than the base")
        if effect is Effect.RESTRICTING and outcome.cost < base.cost:
            broken.append(f"{outcome.name}: restricting, yet cheaper than the base")
    return broken
