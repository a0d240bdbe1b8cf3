"""``solve``: the one facade from a production to the cheapest valid schedule.

The conventional board (``conventional_board``) is the baseline: when it is valid it
is the fallback, so ``solve`` never returns a dearer schedule.  The costs reported are
``Schedule``'s, recomputed from the schedule returned; the lower bound is the best of the
counting bound (``bounds.lower_bound``) and what the full model proved.  Each candidate schedule
is checked and costed once (``validate.evaluate``) and its ``Schedule`` handed on; the
``Result`` is built once, at the end.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from .bounds import lower_bound
from .config import SolverConfig
from .conventional_board import conventional_board
from .data import Production
from .model import ModelOutcome, ShootingModel, data_conflicts, explain
from .model.cp_model import canonical_order as canonical_order  # moved into the model's hint
from .result import Conflict, Progress, Result, SolveStatus
from .search import STYLES, NeighbourhoodSearch, pack_calendar, search_budget, tighter_schedules
from .sequencing import is_sequencing_problem, solve_sequencing
from .solution import Schedule, Solution
from .validate import evaluate

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
# Packing styles tried before a draft is repaired (the others only when that repair fails).
QUICK_STYLES = 2
# Share of the time the packings into fewer shoot days may take, at most.
TIGHTEN_SHARE = 0.15
# Share of the time that compressions alone may take, at most, before the search proper (it
# ends sooner when they stop taking the wrap day in).
WRAP_SHARE = 0.25


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
    conflicts = data_conflicts(production)
    if conflicts:
        return Result(SolveStatus.INFEASIBLE, conflicts=tuple(conflicts),
                      runtime=time.monotonic() - began)

    baseline = _valid_or_none(production, conventional_board(production), "conventional board")
    valid_hint = _valid_or_none(production, hint, "hint")
    notes: list[str] = []
    if hint is not None and valid_hint is None:
        notes.append("the given hint breaks a rule; used only as a guide")
    if _is_pure_order(production):
        return _solve_as_order(production, config, baseline, notes, on_progress, stop, began)

    counted = lower_bound(production)
    report = _reporter(on_progress, began, counted.total)
    if baseline is not None:
        report(Progress(0.0, baseline.total_cost, counted.total))
    found = _search(production, config, [valid_hint, baseline], hint, counted.total,
                    counted.min_wrap_day, report, stop, began,
                    revising=_revises(production, valid_hint))
    chosen = _fall_back_to_baseline(_consistent(found), baseline, notes)
    explained: tuple[Conflict, ...] = ()
    if chosen.status is SolveStatus.INFEASIBLE:
        limit = min(EXPLAIN_TIME_LIMIT, max(5.0, config.time_limit))
        explained = tuple(explain(production, time_limit=limit))
    return _result(chosen, baseline, notes, began, stop, conflicts=explained,
                   bound_by_category=dict(counted.by_category),
                   least_shoot_days=counted.min_wrap_day)


def _search(production: Production, config: SolverConfig, candidates: list[Schedule | None],
            hint: Solution | None, bound: int, least_wrap: int,
            report: Callable[[Progress], None], stop: threading.Event | None,
            began: float, revising: bool = False) -> _Best:
    """The search of ``solve``: the cheapest first schedule, its wrap day pulled in by
    compressions; the full model when there is none, or when the production is small enough
    for a proof; then the neighbourhood search for the rest of the time.  The best schedule
    and its proven bound (``bound`` is the counting bound, ``least_wrap`` the least wrap day).
    ``revising``: a re-plan from a valid revision, where no packing from scratch (nor a
    compression, which moves many scenes) is worth its time."""
    search = NeighbourhoodSearch(production, config, on_progress=report, stop=stop, bound=bound)
    packed = False
    if revising:
        best, guide = _cheapest(candidates), hint
    else:
        best, guide, packed = _first_schedule(production, config, candidates, hint, search,
                                              began)
    status = SolveStatus.NO_SOLUTION
    if best is not None:
        report(Progress(0.0, best.total_cost, bound))
        if packed:
            best = _tightened(production, config, best, least_wrap, search, began)
        if not (revising or _is_small(production)):
            best = _wrap_pulled_in(production, config, best, least_wrap, search, began)
        status = SolveStatus.FEASIBLE

    if best is None or _is_small(production):
        share = 1.0 if best is None else FULL_MODEL_SHARE
        outcome, found = _full_model(production, config,
                                     best.solution if best is not None else guide, share, began,
                                     report, stop, until_first=best is None)
        if found is not None and (best is None or found.total_cost < best.total_cost):
            best = found
        if outcome.status in (SolveStatus.INFEASIBLE, SolveStatus.OPTIMAL):
            status = outcome.status
        elif best is not None:
            status = SolveStatus.FEASIBLE
        elif outcome.status is SolveStatus.MODEL_INVALID:
            status = outcome.status
        if outcome.bound is not None:
            search.bound = bound = max(bound, outcome.bound)

    if best is None:
        return _Best(status)
    if status is not SolveStatus.OPTIMAL and not _stopped(stop):
        budget = search_budget(config, began)
        if budget > 0:
            improved = search.improve(best.solution, budget)
            if improved != best.solution:
                best = Schedule(production, improved)
    lower = best.total_cost if status is SolveStatus.OPTIMAL else min(bound, best.total_cost)
    return _Best(status, best, lower)


@dataclass(frozen=True)
class _Best:
    """What the search stages hand on: the status, the best schedule and its proven bound."""

    status: SolveStatus
    schedule: Schedule | None = None
    lower_bound: int | None = None


def _result(best: _Best, baseline: Schedule | None, notes: list[str], began: float,
            stop: threading.Event | None, *, conflicts: tuple[Conflict, ...] = (),
            bound_by_category: dict[str, int] | None = None,
            least_shoot_days: int | None = None) -> Result:
    """The one ``Result`` of a solve, with the baseline, the notes and the runtime."""
    return Result(
        best.status, schedule=best.schedule, lower_bound=best.lower_bound,
        runtime=time.monotonic() - began, conflicts=conflicts,
        baseline_cost=baseline.total_cost if baseline is not None else None,
        baseline_solution=baseline.solution if baseline is not None else None,
        interrupted=_stopped(stop), notes=tuple(notes),
        bound_by_category=bound_by_category or {}, least_shoot_days=least_shoot_days,
    )


def _first_schedule(production: Production, config: SolverConfig,
                    candidates: list[Schedule | None], hint: Solution | None,
                    search: NeighbourhoodSearch,
                    began: float) -> tuple[Schedule | None, Solution | None, bool]:
    """The cheapest valid first schedule (the candidates, the packed calendar, or the packed
    draft repaired around the scenes it could not place: a packed draft is often far cheaper
    than the conventional board), and the guide for the full model when there is none (the
    hint, else the draft), and whether the packer packed the calendar by itself.  The first
    packing styles are tried first, then, only when their draft cannot be repaired, the
    others: on a calendar too full to pack, every style fails alike, and their seconds are
    better spent by the neighbourhood search."""
    draft, packed = None, False
    for styles in (STYLES[:QUICK_STYLES], STYLES[QUICK_STYLES:]):
        packing = pack_calendar(production, styles=styles, stop=search.stop)
        if packing is None:
            break
        draft = draft or packing.solution
        if packing.is_valid:
            candidates.append(_valid_or_none(production, packing.solution, "packed calendar"))
            packed = True
            break
        limit = REPAIR_SHARE * search_budget(config, began)
        repaired = search.repair(packing.solution, packing.stuck, max(0.1, limit))
        if repaired is not None:  # valid when found
            candidates.append(Schedule(production, repaired))
            break
    return _cheapest(candidates), hint or draft, packed


def _revises(production: Production, valid_hint: Schedule | None) -> bool:
    """A re-plan (``current_plan``) warm-started from a valid revision: a calendar packed from
    scratch, or packed tighter, moves nearly every scene, each at the change cost, so the
    packings are skipped and the neighbourhood search starts at once."""
    return bool(production.current_plan) and valid_hint is not None


def _tightened(production: Production, config: SolverConfig, best: Schedule, least_wrap: int,
               search: NeighbourhoodSearch, began: float) -> Schedule:
    """The cheapest of ``best`` and the valid schedules packed into fewer shoot days, for
    TIGHTEN_SHARE of the time at most (``search.tighter_schedules``).  Tried only when the
    packer packed the calendar by itself: a calendar it cannot pack at its own length it
    packs no better shorter, and the repairs then eat the time (10 s of the minute on the
    planted 480-scene series seed 3, 0.8 % above the plant at the minute's end)."""
    limit = TIGHTEN_SHARE * search_budget(config, began)
    tighter = [_valid_or_none(production, solution, "tighter packing") for solution in
               tighter_schedules(production, search, best.wrap_day, least_wrap, limit)]
    return _cheapest([best, *tighter]) or best


def _wrap_pulled_in(production: Production, config: SolverConfig, best: Schedule,
                    least_wrap: int, search: NeighbourhoodSearch, began: float) -> Schedule:
    """``best`` with its wrap day pulled in by compressions alone, never below ``least_wrap``,
    for WRAP_SHARE of the time at most (``NeighbourhoodSearch.pull_in_wrap``; a small
    production's full model does this itself)."""
    limit = WRAP_SHARE * search_budget(config, began)
    if limit <= 0 or _stopped(search.stop):
        return best
    pulled = search.pull_in_wrap(best.solution, limit, least_wrap)
    return best if pulled == best.solution else Schedule(production, pulled)


def _is_small(production: Production) -> bool:
    """Small enough for the full model to prove optimality in a share of the time."""
    starts = sum(len(production.allowed_start_days(scene)) for scene in production.scenes)
    return starts < SMALL_MODEL_START_LITERALS


def _full_model(production: Production, config: SolverConfig, guide: Solution | None,
                share: float, began: float, report: Callable[[Progress], None],
                stop: threading.Event | None,
                until_first: bool) -> tuple[ModelOutcome, Schedule | None]:
    """The full CP-SAT model for ``share`` of what is left of the time limit, warm-started
    from ``guide``; with ``until_first`` it stops at its first schedule (the neighbourhood
    search does better from there).  The outcome, and its schedule when valid."""
    model = ShootingModel(production)
    if guide is not None:
        model.hint(guide)
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
    if outcome.solution is None:
        return outcome, None
    evaluation = evaluate(production, outcome.solution)
    if evaluation.violations:
        logger.error("the full model's schedule breaks a rule: %s", evaluation.violations[0])
        outcome.solution = None
        return outcome, None
    return outcome, evaluation.schedule


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


def _is_pure_order(production: Production) -> bool:
    """A production whose schedule is just a scene order gets the dedicated sequencing search.

    The budget is left to the CP-SAT model, which can prove a budget infeasible, and a
    re-plan's change cost to the model too (the sequencing search does not price moves).
    """
    return (production.settings.budget is None and not production.current_plan
            and is_sequencing_problem(production))


def _solve_as_order(production: Production, config: SolverConfig, baseline: Schedule | None,
                    notes: list[str], on_progress: Callable[[Progress], None] | None,
                    stop: threading.Event | None, began: float) -> Result:
    """Dynamic program with bounds (Garcia de la Banda, Stuckey and Chu 2011) and local search."""
    remaining = max(0.01, config.time_limit - (time.monotonic() - began))
    found = solve_sequencing(production, remaining, stop=stop, on_progress=on_progress,
                             seed=config.seed)
    logger.info("sequencing search: cost %s, bound %s, optimal %s", found.cost_units,
                found.lower_bound, found.optimal)
    best = _Best(SolveStatus.NO_SOLUTION)
    order = _valid_or_none(production, found.solution, "sequencing order")
    if order is not None:
        best = _Best(SolveStatus.OPTIMAL if found.optimal else SolveStatus.FEASIBLE, order,
                     min(found.lower_bound, order.total_cost))
    return _result(_fall_back_to_baseline(best, baseline, notes), baseline, notes, began, stop)


def _valid_or_none(production: Production, solution: Solution | None,
                   what: str) -> Schedule | None:
    """The schedule of ``solution`` when it breaks no rule (checked and costed once)."""
    if solution is None:
        return None
    evaluation = evaluate(production, solution)
    if evaluation.violations:
        logger.info("%s is not valid: %s", what, evaluation.violations[0])
        return None
    return evaluation.schedule


def _cheapest(candidates: list[Schedule | None]) -> Schedule | None:
    valid = [c for c in candidates if c is not None]
    if not valid:
        return None
    return min(valid, key=lambda schedule: schedule.total_cost)


def _consistent(best: _Best) -> _Best:
    """A status that agrees with the schedule held (they disagree only on a bug of ours)."""
    if best.status.has_solution and best.schedule is None:
        logger.error("the solver says %s but its schedule breaks a rule", best.status.value)
        return _Best(SolveStatus.MODEL_INVALID)
    if not best.status.has_solution and best.schedule is not None:
        logger.error("the solver says %s but a valid schedule was found", best.status.value)
        return replace(best, status=SolveStatus.FEASIBLE)
    return best


def _fall_back_to_baseline(best: _Best, baseline: Schedule | None, notes: list[str]) -> _Best:
    """Never return a schedule dearer than the valid conventional board."""
    if baseline is None:
        return best
    if best.schedule is not None and best.schedule.total_cost <= baseline.total_cost:
        return best
    if best.status is SolveStatus.OPTIMAL or best.status is SolveStatus.INFEASIBLE:
        # The model contradicts a board that validate accepts: a bug on our side.
        logger.error("the solver says %s but the conventional board is valid at %s",
                     best.status.value, baseline.total_cost)
    notes.append("the conventional board is returned: the search found nothing cheaper")
    lower = best.lower_bound
    if lower is not None and lower > baseline.total_cost:
        lower = None
    return _Best(SolveStatus.FEASIBLE, baseline, lower)
