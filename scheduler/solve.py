"""``solve``: the one facade from a production to the cheapest valid schedule.

The conventional board (``conventional_board``) is the baseline: when it is valid it
is the fallback, so ``solve`` never returns a dearer schedule.  The costs reported are
``Schedule``'s, recomputed from the schedule returned; the lower bound is the best of the
counting bound (``bounds.lower_bound``) and what the full model proved.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from .bounds import lower_bound
from .config import SolverConfig
from .conventional_board import conventional_board
from .data import Production
from .model import ModelOutcome, ShootingModel, data_conflicts, explain
from .model.constraints import identical_scene_groups
from .result import Progress, Result, SolveStatus
from .search import NeighbourhoodSearch, pack_calendar, search_budget, tighter_schedules
from .sequencing import is_sequencing_problem, solve_sequencing
from .solution import Schedule, Solution
from .validate import validate

logger = logging.getLogger("scheduler")

# Seconds the explanation of an infeasible production may take, at most.
EXPLAIN_TIME_LIMIT = 30.0
# Below this many (scene, start day) pairs the full model runs first, for FULL_MODEL_SHARE of
# the time: it proves small productions optimal (a 30-scene short film in well under a second).
SMALL_MODEL_START_LITERALS = 1000
FULL_MODEL_SHARE = 0.25
# Share of the time the repair of a packed draft may take, at most, before the full model looks
# for a first schedule instead.
REPAIR_SHARE = 0.1
# Share of the time the packings into fewer shoot days may take, at most.
TIGHTEN_SHARE = 0.15


def solve(
    production: Production,
    config: SolverConfig = SolverConfig(),  # noqa: B008 - frozen, so sharing is safe
    hint: Solution | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    stop: threading.Event | None = None,
) -> Result:
    """The cheapest schedule of ``production`` that breaks no hard rule.

    The search: the conventional board and a calendar packed day by day
    (``search.pack_calendar``) give the first schedules; a small production's full CP-SAT model
    then gets a short run (it proves small productions optimal); a large-neighbourhood search
    (``search.NeighbourhoodSearch``) improves the best schedule for the rest of the time.  When
    no first schedule is found, the full model searches for one (or proves there is none) and
    the neighbourhood search takes over from it.

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
        than the first schedules.
    on_progress
        Called with elapsed seconds, cost and proven bound at the first schedule and at each
        better one (from a search thread: keep it light).
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
    valid_hint = _valid_or_none(production, hint, "hint")
    if hint is not None and valid_hint is None:
        result.notes.append("the given hint breaks a rule; used only as a guide")
    if _is_pure_order(production):
        return _solve_as_order(production, config, result, on_progress, stop, began)

    counted = lower_bound(production)
    result.bound_by_category = dict(counted.by_category)
    result.least_shoot_days = counted.min_wrap_day
    bound = counted.total
    report = _reporter(on_progress, began, bound)
    if result.baseline_cost is not None:
        report(Progress(0.0, result.baseline_cost, bound))
    search = NeighbourhoodSearch(production, config, on_progress=report, stop=stop, bound=bound)
    best, guide = _first_schedule(production, config, [valid_hint, baseline], hint, search,
                                  began)
    if best is not None:
        report(Progress(0.0, Schedule(production, best).total_cost, bound))
        tighter = _tightened(production, config, best, counted.min_wrap_day, search, began)
        if tighter is not best:
            best = tighter
            report(Progress(0.0, Schedule(production, best).total_cost, bound))
        result.status, result.solution = SolveStatus.FEASIBLE, best

    if best is None or _is_small(production):
        share = 1.0 if best is None else FULL_MODEL_SHARE
        outcome = _full_model(production, config, best or guide, share, began, report, stop,
                              until_first=best is None)
        if outcome.solution is not None and (best is None or _cheaper(production, outcome.solution,
                                                                       best)):
            best = result.solution = outcome.solution
        if outcome.status in (SolveStatus.INFEASIBLE, SolveStatus.OPTIMAL):
            result.status = outcome.status
        elif best is not None:
            result.status = SolveStatus.FEASIBLE
        elif outcome.status is SolveStatus.MODEL_INVALID:
            result.status = outcome.status
        if outcome.bound is not None:
            search.bound = bound = max(bound, outcome.bound)

    if best is not None and result.status is not SolveStatus.OPTIMAL and not _stopped(stop):
        budget = search_budget(config, began)
        if budget > 0:
            result.solution = search.improve(best, budget)

    if result.solution is not None:
        result.objective = Schedule(production, result.solution).total_cost
        result.lower_bound = result.objective if result.status is SolveStatus.OPTIMAL else min(
            bound, result.objective)
    result.interrupted = result.interrupted or _stopped(stop)
    _fall_back_to_baseline(result)
    if result.status is SolveStatus.INFEASIBLE:
        limit = min(EXPLAIN_TIME_LIMIT, max(5.0, config.time_limit))
        result.conflicts = explain(production, time_limit=limit)
    result.runtime = time.monotonic() - began
    return result


def _first_schedule(production: Production, config: SolverConfig,
                    candidates: list[Solution | None], hint: Solution | None,
                    search: NeighbourhoodSearch,
                    began: float) -> tuple[Solution | None, Solution | None]:
    """The cheapest valid first schedule (the candidates, the packed calendar, or the packed
    draft repaired around the scenes it could not place: a packed draft is often far cheaper
    than the conventional board), and the guide for the full model when there is none (the
    hint, else the draft)."""
    packing = pack_calendar(production)
    draft = packing.solution if packing is not None else None
    if packing is not None and packing.is_valid:
        candidates.append(_valid_or_none(production, draft, "packed calendar"))
    elif packing is not None and draft is not None:
        limit = REPAIR_SHARE * search_budget(config, began)
        candidates.append(search.repair(draft, packing.stuck, max(0.1, limit)))
    return _cheapest(production, candidates), hint or draft


def _tightened(production: Production, config: SolverConfig, best: Solution, least_wrap: int,
               search: NeighbourhoodSearch, began: float) -> Solution:
    """The cheapest of ``best`` and the valid schedules packed into fewer shoot days, for
    TIGHTEN_SHARE of the time at most (``search.tighter_schedules``)."""
    wrap = Schedule(production, best).wrap_day
    limit = TIGHTEN_SHARE * search_budget(config, began)
    tighter = [_valid_or_none(production, solution, "tighter packing") for solution in
               tighter_schedules(production, search, wrap, least_wrap, limit)]
    return _cheapest(production, [best, *tighter]) or best


def _is_small(production: Production) -> bool:
    """Small enough for the full model to prove optimality in a share of the time."""
    starts = sum(len(production.allowed_start_days(scene)) for scene in production.scenes)
    return starts < SMALL_MODEL_START_LITERALS


def _full_model(production: Production, config: SolverConfig, guide: Solution | None,
                share: float, began: float, report: Callable[[Progress], None],
                stop: threading.Event | None, until_first: bool) -> ModelOutcome:
    """The full CP-SAT model for ``share`` of what is left of the time limit, warm-started
    from ``guide``; with ``until_first`` it stops at its first schedule (the neighbourhood
    search does better from there)."""
    model = ShootingModel(production)
    if guide is not None:
        model.hint(canonical_order(production, guide))
    limit = max(0.01, share * search_budget(config, began))
    found = threading.Event()
    model_stop = threading.Event()

    def on_model_progress(progress: Progress) -> None:
        report(progress)
        if until_first:
            found.set()
            model_stop.set()

    def watch_user_stop() -> None:
        while not model_stop.is_set():
            if stop is not None and stop.is_set():
                model_stop.set()
            model_stop.wait(0.05)

    watcher = threading.Thread(target=watch_user_stop, daemon=True)
    watcher.start()
    try:
        outcome = model.solve(config.model_copy(update={"time_limit": limit}),
                              on_model_progress, model_stop)
    finally:
        model_stop.set()
        watcher.join()
    outcome.interrupted = stop is not None and stop.is_set()
    if outcome.solution is not None and validate(production, outcome.solution):
        logger.error("the full model's schedule breaks a rule: %s",
                     validate(production, outcome.solution)[0])
        outcome.solution = None
    return outcome


def _reporter(on_progress: Callable[[Progress], None] | None, began: float,
              bound: int) -> Callable[[Progress], None]:
    """Progress counted from the start of ``solve``, with the best bound known."""
    def report(progress: Progress) -> None:
        if on_progress is not None:
            on_progress(replace(progress, elapsed=time.monotonic() - began,
                                bound=min(max(progress.bound, bound), progress.objective)))
    return report


def _stopped(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


def _cheaper(production: Production, candidate: Solution, than: Solution) -> bool:
    return Schedule(production, candidate).total_cost < Schedule(production, than).total_cost


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
