"""``replan``: the revised schedule, its revision and what changed (see the package)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..bounds import lower_bound
from ..config import SolverConfig
from ..data import Production, Scene
from ..result import Progress, Result, SolveStatus
from ..revision import ChangeReport, Revision, revision_name
from ..solution import Schedule, Solution
from ..solve import solve
from ..validate import evaluate
from .changes import change_report
from .deadline import Deadline
from .explain import explain_failure
from .prepare import PreparedReplan, prepare_replan
from .progress import SceneProgress
from .warm_start import warm_start

logger = logging.getLogger("scheduler")

# Share of the time limit the from-scratch plan (the price of stability) gets, when made.
SCRATCH_SHARE = 1 / 3
# Wall-clock seconds a scene that the from-scratch plan needs at least, before any search: its
# conventional board, packed calendar and counting bound take 1-2 ms a scene on an idle core
# (0.3 s at 220 scenes), up to three times that on a busy one.
SCRATCH_SECONDS_PER_SCENE = 0.004
# Share of the re-plan's (deterministic) time its warm start's repairs
# (the solver-based ones, when the insertion leaves scenes without a day) may take, at most.
REPAIR_SHARE = 0.5
# Seconds kept at the end of the call, at most (15 % of a short limit): what a stage does
# after its stop (a model being built, a board dealt, a bound counted) and the change report.
FINISH_RESERVE = 0.5


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
           stop: threading.Event | None = None,
           deadline: Deadline | None = None) -> Replan:
    """Re-plan ``production`` from ``replan_from`` with the least change to ``current``.

    When the current schedule still keeps every rule of the edited breakdown and places every
    scene, it comes back unchanged (nothing to change).  Otherwise the prepared production
    (``prepare_replan``) is solved with the change cost, warm-started from the current plan
    with the scenes it can no longer keep re-placed around them (``warm_start``).

    The whole call ends by its wall-clock deadline (``deadline``, by default
    ``config.time_limit`` from now): the warm start and the search get ``1 - SCRATCH_SHARE`` of
    it, the from-scratch plan what is left, each stopped when its share of the wall clock ends
    (in deterministic mode too: see ``replan.deadline``).

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
        Also plan the same remaining work from scratch, for the price of stability (not when
        the re-plan finds no schedule, nothing to compare, nor when the wall clock leaves it
        less than its fixed costs).
    colours
        The revision colours in the shop's order (default: the production's
        ``revision_colours``, else the WGA's).
    cut_scenes
        The scenes cut since the current schedule, with what they needed (the days they
        booked are released in the change report).
    on_progress, stop
        As for ``solve`` (the re-plan's search only).
    deadline
        When the whole call must end, on the wall clock (a front end passes one that started
        when it did and leaves it time to write the workbook).

    Raises
    ------
    InputError
        Progress rows that do not fit the breakdown or the current schedule, located.
    """
    deadline = deadline or Deadline(config.time_limit)
    prepared = prepare_replan(production, current.dates, replan_from, freeze, progress)
    number = current.revision + 1
    order = colours or production.settings.revision_order
    revision = Revision(number, revision_name(number, order), issued or date.today())
    replan_config, scratch_config = _shares(config, compare)
    kept = _current_if_valid(prepared, current.dates)
    scratch = None
    if kept is not None and not prepared.new_parts and not prepared.unfrozen:
        logger.info("re-plan: the current schedule keeps every rule; nothing to change")
        result = Result(SolveStatus.FEASIBLE, schedule=kept,
                        lower_bound=min(kept.total_cost, lower_bound(prepared.production).total),
                        runtime=deadline.elapsed())
    else:
        result, hint = _search(prepared, current.dates, replan_config, deadline,
                               1.0 if scratch_config is None else 1 - SCRATCH_SHARE,
                               on_progress, stop)
        if not _stopped(stop):  # say which change left no schedule
            result = explain_failure(production, prepared, current.dates, result,
                                     replan_config, stop, hint)
        if (scratch_config is not None and result.schedule is not None and not _stopped(stop)
                and _time_for_scratch(prepared.production, deadline)):
            with deadline.stage(deadline.ends - _finish_reserve(deadline), stop) as stage_stop:
                scratch = plan_from_scratch(
                    production, current.dates, replan_from, progress,
                    _within(scratch_config, deadline.ends - _finish_reserve(deadline)),
                    stage_stop)
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


def _search(prepared: PreparedReplan, current: Mapping[str, date], config: SolverConfig,
            deadline: Deadline, share: float,
            on_progress: Callable[[Progress], None] | None,
            stop: threading.Event | None) -> tuple[Result, Solution]:
    """The warm start and the search of the re-plan, within ``share`` of the time left on
    the wall clock, and the warm start; the result's runtime is the whole call's so far, and
    it says it was interrupted only when the user stopped it (not the deadline)."""
    ends = deadline.share_ends(share, reserve=_finish_reserve(deadline))
    with deadline.stage(ends, stop) as stage_stop:
        start = warm_start(prepared, current, config,
                           max(0.05, REPAIR_SHARE * config.time_limit), stage_stop)
        logger.info("re-plan: warm start: %s (%.2f s)", start.kind.value, deadline.elapsed())
        result = solve(prepared.production, _within(config, ends), hint=start.solution,
                       on_progress=on_progress, stop=stage_stop)
    return (replace(result, runtime=deadline.elapsed(), interrupted=_stopped(stop)),
            start.solution)


def _shares(config: SolverConfig, compare: bool) -> tuple[SolverConfig, SolverConfig | None]:
    if not compare:
        return config, None
    scratch = config.time_limit * SCRATCH_SHARE
    return (config.model_copy(update={"time_limit": config.time_limit - scratch}),
            config.model_copy(update={"time_limit": scratch}))


def _within(config: SolverConfig, ends: float) -> SolverConfig:
    """``config`` for a stage that ends at ``ends`` on the wall clock: its time limit is what
    is left of the wall clock; in deterministic mode the deterministic limit stays (so that a
    run repeats itself) and the stage's stop event ends it on the wall clock."""
    if config.deterministic:
        return config
    left = max(0.1, ends - time.monotonic())
    return config.model_copy(update={"time_limit": min(config.time_limit, left)})


def _time_for_scratch(production: Production, deadline: Deadline) -> bool:
    """Whether the wall clock leaves the from-scratch plan more than its fixed costs (its
    boards dealt, its bound counted: ``SCRATCH_SECONDS_PER_SCENE``); with less it could only
    run late, so the change report goes without it (and says so: no cost from scratch)."""
    left = deadline.left() - _finish_reserve(deadline)
    if left >= SCRATCH_SECONDS_PER_SCENE * len(production.scenes):
        return True
    logger.info("re-plan: no from-scratch plan: %.2f s left of the time limit", left)
    return False


def _finish_reserve(deadline: Deadline) -> float:
    """Seconds kept after the stages for the change report and the result."""
    return min(FINISH_RESERVE, 0.15 * deadline.seconds)


def _stopped(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


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


def plan_from_scratch(production: Production, current: Mapping[str, date], replan_from: date,
                      progress: Sequence[SceneProgress], config: SolverConfig,
                      stop: threading.Event | None = None) -> Result:
    """The same remaining work planned with no regard to the current schedule: the past
    pinned as in the re-plan, nothing frozen, no change cost."""
    prepared = prepare_replan(production, current, replan_from, 0, progress)
    return solve(prepared.production.model_copy(update={"current_plan": ()}), config,
                 stop=stop)
