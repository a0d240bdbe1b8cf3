"""``solve``: the one facade from a production to the cheapest valid schedule.

The conventional board (``heuristics.conventional_board``) is the baseline: when it is valid it
warm-starts the search and is the fallback, so ``solve`` never returns a dearer schedule.  The
costs reported are ``Schedule``'s, recomputed from the schedule returned.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from .config import SolverConfig
from .data import Production
from .heuristics import conventional_board
from .model import ShootingModel, data_conflicts, explain
from .model.constraints import identical_scene_groups
from .result import Progress, Result, SolveStatus
from .sequencing import is_sequencing_problem, solve_sequencing
from .solution import Schedule, Solution
from .validate import validate

logger = logging.getLogger("scheduler")

# Seconds the explanation of an infeasible production may take, at most.
EXPLAIN_TIME_LIMIT = 30.0


def solve(
    production: Production,
    config: SolverConfig = SolverConfig(),  # noqa: B008 - frozen, so sharing is safe
    hint: Solution | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    stop: threading.Event | None = None,
) -> Result:
    """The cheapest schedule of ``production`` that breaks no hard rule.

    Parameters
    ----------
    production
        A checked production (``Production.check()``).
    config
        Time limit, workers, seed, determinism, gap and logging of the search.  In deterministic
        mode (one worker, fixed seed) the limit counts CP-SAT's deterministic time, so that a
        run repeats itself exactly; the wall clock is then capped at four times the limit.
    hint
        A schedule to start from (e.g. the previous plan); used when it is valid and cheaper
        than the conventional board.
    on_progress
        Called with elapsed seconds, cost and proven bound at each better schedule (from the
        solver's thread: keep it light).
    stop
        Set it (e.g. on Ctrl-C) to stop the search and get the best schedule found so far.

    Returns
    -------
    Result
        Status, schedule, its cost and the proven lower bound; when the production is proven
        infeasible, the conflicting rules (``Result.conflicts``).
    """
    began = time.monotonic()
    result = Result(status=SolveStatus.NO_SOLUTION)
    conflicts = data_conflicts(production)
    if conflicts:
        result.status, result.conflicts = SolveStatus.INFEASIBLE, conflicts
        result.runtime = time.monotonic() - began
        return result

    baseline = _valid_or_none(production, conventional_board(production), "conventional board")
    if baseline is not None:
        result.baseline_solution = baseline
        result.baseline_cost = Schedule(production, baseline).total_cost
    start_from = _cheapest(production, [_valid_or_none(production, hint, "hint"), baseline])
    if start_from is None and hint is not None:
        start_from = hint  # still a useful guide for the search, valid or not
        result.notes.append("the given hint breaks a rule; used only as a guide")

    if _is_pure_order(production):
        return _solve_as_order(production, config, result, on_progress, stop, began)

    model = ShootingModel(production)
    if start_from is not None:
        model.hint(canonical_order(production, start_from))
    remaining = config.time_limit
    if not config.deterministic:  # the time spent on the board and the model counts too
        remaining = max(0.01, config.time_limit - (time.monotonic() - began))
    outcome = model.solve(config.model_copy(update={"time_limit": remaining}), on_progress, stop)
    result.status = outcome.status
    result.interrupted = outcome.interrupted
    if outcome.solution is not None:
        result.solution = outcome.solution
        result.objective = Schedule(production, outcome.solution).total_cost
        result.lower_bound = outcome.bound
        if outcome.objective is not None and outcome.objective < result.objective:
            # The model may overstate a cost (a drop shorter than the best) but never understate.
            logger.error("the model's cost %s is below the schedule's %s", outcome.objective,
                         result.objective)
        if outcome.status is SolveStatus.OPTIMAL:
            result.lower_bound = result.objective
    _fall_back_to_baseline(result)
    if result.status is SolveStatus.INFEASIBLE:
        limit = min(EXPLAIN_TIME_LIMIT, max(5.0, config.time_limit))
        result.conflicts = explain(production, time_limit=limit)
    result.runtime = time.monotonic() - began
    return result


def _is_pure_order(production: Production) -> bool:
    """A production whose schedule is just a scene order gets the dedicated sequencing search.

    The budget is left to the CP-SAT model, which can prove a budget infeasible.
    """
    return production.settings.budget is None and is_sequencing_problem(production)


def _solve_as_order(production: Production, config: SolverConfig, result: Result,
                    on_progress: Callable[[Progress], None] | None,
                    stop: threading.Event | None, began: float) -> Result:
    """Dynamic program with bounds (Garcia de la Banda, Stuckey and Chu 2011) and local search."""
    remaining = max(0.01, config.time_limit - (time.monotonic() - began))
    found = solve_sequencing(production, remaining, stop=stop, on_progress=on_progress,
                             seed=config.seed)
    logger.info("sequencing search: cost %s, bound %s, optimal %s", found.cost_units,
                found.lower_bound, found.optimal)
    if _valid_or_none(production, found.solution, "sequencing order") is not None:
        result.solution = found.solution
        result.objective = Schedule(production, found.solution).total_cost
        result.lower_bound = min(found.lower_bound, result.objective)
        result.status = SolveStatus.OPTIMAL if found.optimal else SolveStatus.FEASIBLE
        result.interrupted = bool(stop and stop.is_set())
    _fall_back_to_baseline(result)
    result.runtime = time.monotonic() - began
    return result


def _valid_or_none(production: Production, solution: Solution | None,
                   what: str) -> Solution | None:
    if solution is None:
        return None
    violations = validate(production, solution)
    if violations:
        logger.info("%s is not valid: %s", what, violations[0])
        return None
    return solution


def _cheapest(production: Production, candidates: list[Solution | None]) -> Solution | None:
    valid = [c for c in candidates if c is not None]
    if not valid:
        return None
    return min(valid, key=lambda solution: Schedule(production, solution).total_cost)


def _fall_back_to_baseline(result: Result) -> None:
    """Never return a schedule dearer than the valid conventional board."""
    if result.baseline_solution is None or result.baseline_cost is None:
        return
    if result.objective is not None and result.objective <= result.baseline_cost:
        return
    if result.status is SolveStatus.OPTIMAL or result.status is SolveStatus.INFEASIBLE:
        # The model contradicts a board that validate accepts: a bug on our side.
        logger.error("the solver says %s but the conventional board is valid at %s",
                     result.status.value, result.baseline_cost)
    result.notes.append("the conventional board is returned: the search found nothing cheaper")
    result.status = SolveStatus.FEASIBLE
    result.solution = result.baseline_solution
    result.objective = result.baseline_cost
    if result.lower_bound is not None and result.lower_bound > result.objective:
        result.lower_bound = None


def canonical_order(production: Production, solution: Solution) -> Solution:
    """The same schedule with identical scenes in breakdown order (the model's symmetry
    breaking wants it so; identical scenes can swap days at no cost and break no rule)."""
    start_day = dict(solution.start_day)
    for group in identical_scene_groups(production):
        ids = [scene.id for scene in group if scene.id in start_day]
        for scene_id, day in zip(ids, sorted(start_day[sid] for sid in ids), strict=True):
            start_day[scene_id] = day
    return Solution(start_day=start_day)
