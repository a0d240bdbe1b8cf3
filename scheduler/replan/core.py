"""``replan``: the revised schedule, its revision and what changed (see the package)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..bounds import lower_bound
from ..config import SolverConfig
from ..data import Production, Scene
from ..model import ShootingModel
from ..result import Progress, Result, SolveStatus
from ..revision import ChangeReport, Revision, revision_name
from ..search import NeighbourhoodSearch
from ..solution import Schedule, Solution
from ..solve import solve
from ..validate import evaluate, validate
from .changes import change_report
from .explain import explain_failure
from .prepare import PreparedReplan, prepare_replan
from .progress import SceneProgress

logger = logging.getLogger("scheduler")

# Share of the time limit the from-scratch plan (the price of stability) gets, when made.
SCRATCH_SHARE = 1 / 3
# Share of the re-plan's time its warm start (the current plan repaired) may take, at most.
REPAIR_SHARE = 0.5


@dataclass(frozen=True)
class CurrentSchedule:
    """The schedule being revised: scene id -> first shoot date, and its revision number
    (0 for the first issue, White)."""

    dates: Mapping[str, date]
    revision: int = 0


@dataclass(frozen=True)
class Replan:
    """A re-plan's outcome.

    Attributes
    ----------
    prepared
        The production solved (``prepared.production``: past pinned, frozen days kept, new
        parts) and what the preparation decided; write the workbook from this production.
    result
        The revised schedule (the whole production: what was shot and what is planned).
    revision
        The revision it issues.
    report
        What changed and what it costs (``None`` when there is no revised schedule).
    from_scratch
        The from-scratch plan of the same remaining work, when one was made.
    """

    prepared: PreparedReplan
    result: Result
    revision: Revision
    report: ChangeReport | None
    from_scratch: Result | None = field(default=None, repr=False)

    @property
    def production(self) -> Production:
        return self.prepared.production


def replan(production: Production, current: CurrentSchedule, replan_from: date, *,
           freeze: int = 1, progress: Sequence[SceneProgress] = (),
           config: SolverConfig = SolverConfig(),  # noqa: B008 - frozen, so sharing is safe
           issued: date | None = None, compare: bool = True,
           colours: Sequence[str] | None = None, cut_scenes: Sequence[Scene] = (),
           on_progress: Callable[[Progress], None] | None = None,
           stop: threading.Event | None = None) -> Replan:
    """Re-plan ``production`` from ``replan_from`` with the least change to ``current``.

    When the current schedule still keeps every rule of the edited breakdown and places every
    scene, it comes back unchanged (nothing to change).  Otherwise the prepared production
    (``prepare_replan``) is solved with the change cost, warm-started from the current plan
    with the scenes it can no longer keep re-placed around them.

    Parameters
    ----------
    production
        The edited breakdown (checked).
    current
        The current schedule and its revision.
    replan_from
        The first shoot date still to come.
    freeze
        Shoot dates from ``replan_from`` whose scenes stay (their call sheets are out).
    progress
        The ``Progress`` sheet's rows.
    config
        The solver settings; with ``compare`` the time limit is shared with a from-scratch
        plan (``SCRATCH_SHARE`` of it).
    issued
        The revision's date (default: today).
    compare
        Also plan the same remaining work from scratch, for the price of stability.
    colours
        The revision colours in the shop's order (default: the production's
        ``revision_colours``, else the WGA's).
    cut_scenes
        The scenes cut since the current schedule, with what they needed (the days they
        booked are released in the change report).
    on_progress, stop
        As for ``solve`` (the re-plan's search only).

    Raises
    ------
    InputError
        Progress rows that do not fit the breakdown or the current schedule, located.
    """
    prepared = prepare_replan(production, current.dates, replan_from, freeze, progress)
    number = current.revision + 1
    order = colours or production.settings.revision_order
    revision = Revision(number, revision_name(number, order), issued or date.today())
    replan_config, scratch_config = _shares(config, compare)
    began = time.monotonic()
    kept = _current_if_valid(prepared, current.dates)
    if kept is not None and not prepared.new_parts and not prepared.unfrozen:
        logger.info("re-plan: the current schedule keeps every rule; nothing to change")
        result = Result(SolveStatus.FEASIBLE, schedule=kept,
                        lower_bound=min(kept.total_cost, lower_bound(prepared.production).total),
                        runtime=time.monotonic() - began)
        scratch = None
    else:
        hint = warm_start(prepared, current.dates, replan_config)
        result = solve(prepared.production, _rest_of(replan_config, began), hint=hint,
                       on_progress=on_progress, stop=stop)
        if not (stop is not None and stop.is_set()):  # say which change left no schedule
            result = explain_failure(production, prepared, current.dates, result,
                                     replan_config, stop, hint)
        scratch = (plan_from_scratch(production, current.dates, replan_from, progress,
                                     scratch_config, stop)
                   if scratch_config is not None and result.schedule is not None else None)
    report = None
    if result.schedule is not None:
        report = change_report(
            prepared, current.dates, result.schedule.solution, revision, replan_from,
            cost_current=kept.total_cost if kept is not None else None,
            cost_revised=result.schedule.total_cost,
            cost_from_scratch=(scratch.schedule.total_cost if scratch is not None
                               and scratch.schedule is not None else None),
            cut_scenes=cut_scenes)
    return Replan(prepared, result, revision, report, scratch)


def _shares(config: SolverConfig, compare: bool) -> tuple[SolverConfig, SolverConfig | None]:
    if not compare:
        return config, None
    scratch = config.time_limit * SCRATCH_SHARE
    return (config.model_copy(update={"time_limit": config.time_limit - scratch}),
            config.model_copy(update={"time_limit": scratch}))


def _rest_of(config: SolverConfig, began: float) -> SolverConfig:
    """What is left of the re-plan's time after its warm start (the wall clock: in
    deterministic mode each stage counts its own deterministic time)."""
    if config.deterministic:
        return config
    left = max(0.1, config.time_limit - (time.monotonic() - began))
    return config.model_copy(update={"time_limit": left})


def current_solution(production: Production, current: Mapping[str, date]) -> Solution:
    """The current schedule on the edited calendar: each scene of ``production`` on the shoot
    day of its current date (a date that is no longer a shoot day goes to the next one; a
    scene without a date is left out)."""
    calendar = production.calendar
    start_day = {}
    for scene in production.scenes:
        when = current.get(scene.id)
        if when is None:
            continue
        days = calendar.days_between(when, None)
        start_day[scene.id] = days[0] if days else calendar.num_days
    return Solution(start_day=start_day)


def _current_if_valid(prepared: PreparedReplan,
                      current: Mapping[str, date]) -> Schedule | None:
    """The current schedule as a schedule of the prepared production, when it places every
    scene and keeps every rule."""
    production = prepared.production
    solution = current_solution(production, current)
    if len(solution.start_day) != len(production.scenes):
        return None
    if any(production.calendar.day_of(current[scene_id]) is None
           for scene_id in solution.start_day):
        return None
    evaluation = evaluate(production, solution)
    return evaluation.schedule if evaluation.is_valid else None


def warm_start(prepared: PreparedReplan, current: Mapping[str, date],
               config: SolverConfig) -> Solution:
    """The current plan with the scenes it can no longer keep (a date gone, a start no longer
    allowed, new scenes and parts) re-placed with the fewest moves the whole model finds in
    half of ``REPAIR_SHARE`` of the time, else by a repair of the neighbourhood search around
    them (any schedule near the plan); the plan itself, as a guide, when neither finds one."""
    production = prepared.production
    draft = current_solution(production, current).start_day
    stuck = []
    for scene in production.scenes:
        allowed = production.allowed_start_days(scene)
        if draft.get(scene.id) not in allowed or current.get(scene.id) is None or (
                production.calendar.day_of(current[scene.id]) is None):
            stuck.append(scene.id)
            draft[scene.id] = allowed[0] if allowed else 1
    guide = Solution(start_day=draft)
    if not stuck:
        return guide
    limit = max(0.1, REPAIR_SHARE * config.time_limit)
    repaired = _least_change(production, guide, config, limit / 2)
    if repaired is None:
        repaired = NeighbourhoodSearch(production, config).repair(guide, stuck, limit / 2)
    logger.info("re-plan: warm start %s around %d scenes", "repaired" if repaired else
                "not repaired", len(stuck))
    return repaired or guide


def _least_change(production: Production, guide: Solution, config: SolverConfig,
                  time_limit: float) -> Solution | None:
    """The whole model, its objective with the change cost, hinted with the current plan:
    CP-SAT repairs a hint that breaks a few rules with few moves (a neighbourhood around the
    broken scenes may hold no schedule at all, or one that moves every scene in it)."""
    model = ShootingModel(production)
    model.hint(guide)
    outcome = model.solve(config.model_copy(update={"time_limit": time_limit}))
    if outcome.solution is None or validate(production, outcome.solution):
        return None
    return outcome.solution


def plan_from_scratch(production: Production, current: Mapping[str, date], replan_from: date,
                      progress: Sequence[SceneProgress], config: SolverConfig,
                      stop: threading.Event | None = None) -> Result:
    """The same remaining work planned with no regard to the current schedule: the past
    pinned as in the re-plan, nothing frozen, no change cost."""
    prepared = prepare_replan(production, current, replan_from, 0, progress)
    return solve(prepared.production.model_copy(update={"current_plan": ()}), config,
                 stop=stop)
