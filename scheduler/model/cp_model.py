"""The CP-SAT model of a production: build it, warm-start it, solve it, read the schedule back.

``ShootingModel(production)`` builds the variables, the cost terms and the rules;
``solve(config, ...)`` runs CP-SAT with a time limit and returns a ``ModelOutcome``.  In explain
mode (``ShootingModel(production, explain=True)``) every rule instance is guarded by a literal
and ``find_core`` returns the rule instances of an infeasibility.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from ..config import SolverConfig
from ..data import Production
from ..result import Progress, SolveStatus
from ..risk_price import RiskPrice
from ..solution import Solution
from .constraints import RuleInstance, ShootConstraints, identical_scene_groups
from .objective import ShootObjective
from .risk import risk_cost
from .variables import ShootVariables

logger = logging.getLogger("scheduler")

STATUSES = {
    cp_model.OPTIMAL: SolveStatus.OPTIMAL,
    cp_model.FEASIBLE: SolveStatus.FEASIBLE,
    cp_model.INFEASIBLE: SolveStatus.INFEASIBLE,
    cp_model.UNKNOWN: SolveStatus.NO_SOLUTION,
    cp_model.MODEL_INVALID: SolveStatus.MODEL_INVALID,
}

# From this many (scene, start day) literals on, the search is large neighbourhood search only
# (measured: a 220-scene feature has about 10,000; proofs of optimality stop around 3,000).
LARGE_MODEL_START_LITERALS = 5000
# Up to this many workers, the default portfolio leaves too few to neighbourhood search.
FEW_WORKERS = 3

# In deterministic mode the wall clock stops the search at this multiple of the time limit.
WALL_CLOCK_SAFETY = 4.0

# How often the stop watcher looks at the stop event (seconds).
STOP_POLL_SECONDS = 0.05


@dataclass
class ModelOutcome:
    """What one CP-SAT run gave: status, schedule, the model's objective and bound."""

    status: SolveStatus
    solution: Solution | None = None
    objective: int | None = None
    bound: int | None = None
    runtime: float = 0.0
    deterministic_time: float = 0.0
    interrupted: bool = False
    risk_cost: int = 0


@dataclass(frozen=True)
class ModelSize:
    """Counts for the log and benchmarks."""

    scenes: int
    start_literals: int
    variables: int
    constraints: int
    build_seconds: float

    def __str__(self) -> str:
        return (f"{self.scenes} scenes, {self.start_literals} start literals, "
                f"{self.variables} variables, {self.constraints} constraints, built in "
                f"{self.build_seconds:.2f} s")


class ShootingModel:
    """The CP-SAT model of one production.

    Parameters
    ----------
    production
        A checked production.
    explain
        Build the explain mode: every rule instance guarded by a named literal, no objective
        (see ``constraints.py``).
    risk
        Also price the bottleneck risk of each day (``risk.py``): the search then minimises
        cost plus risk price, and reports the cost alone as its progress.
    starts
        Candidate start days of some scenes (a neighbourhood): a sub-model in which the scenes
        left one candidate are fixed (see ``ShootVariables``).
    """

    def __init__(self, production: Production, explain: bool = False,
                 risk: RiskPrice | None = None,
                 starts: Mapping[str, Collection[int]] | None = None) -> None:
        began = time.perf_counter()
        self.production = production
        self.explain = explain
        self.model = cp_model.CpModel()
        self.variables = ShootVariables(self.model, production, explain=explain, starts=starts)
        self.objective = ShootObjective(production, self.variables)
        needs_cost = not explain or production.settings.budget is not None
        total = self.objective.total if needs_cost else None
        self.constraints = ShootConstraints(self.model, production, self.variables,
                                            total_cost=total, explain=explain)
        self.constraints.add_constraints()
        self.risk_cost: cp_model.LinearExpr | int = 0
        if not explain:
            if starts is None:  # a sub-model's fixed part makes the counting bound idle
                # Redundant: the counting bound helps where the search does not solve an LP.
                self.model.add(self.objective.total >= self.objective.static_lower_bound)
            if risk is not None:
                self.risk_cost = risk_cost(self.model, self.variables, risk)
            self.model.minimize(self.objective.total + self.risk_cost)
        proto = self.model.proto
        self.size = ModelSize(
            scenes=len(production.scenes),
            start_literals=sum(len(s) for s in self.variables.starts.values()),
            variables=len(proto.variables),
            constraints=len(proto.constraints),
            build_seconds=time.perf_counter() - began,
        )
        logger.info("model%s: %s", " (explain mode)" if explain else "", self.size)

    def hint(self, solution: Solution) -> None:
        """Warm start: a complete hint (every variable) from ``solution``, replacing any hint.

        The full model breaks the symmetry between identical scenes, so a hint with two of them
        in the other order would be infeasible: the model puts them in breakdown order itself
        (``canonical_order``), and callers hint any valid schedule.
        """
        # The same condition as the symmetry breaking in ``ShootConstraints.add_constraints``.
        if not self.explain and not self.variables.restricted:
            solution = canonical_order(self.production, solution)
        self.variables.hint(solution)

    def evaluate(self, solution: Solution, time_limit: float = 10.0) -> dict[str, int] | None:
        """The model's cost terms with every variable fixed to the complete hint of ``solution``.

        ``None`` when the fixed hint is infeasible: the schedule breaks a rule (or, for a valid
        schedule, the hint or the model is wrong; the tests use this).  Replaces the hints.
        """
        self.hint(solution)
        solver = new_solver()
        solver.parameters.fix_variables_to_their_hinted_value = True
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = time_limit
        status = solver.solve(self.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return {category: int(solver.value(term))
                for category, term in self.objective.terms.items()}

    def solve(self, config: SolverConfig,
              on_progress: Callable[[Progress], None] | None = None,
              stop: threading.Event | None = None) -> ModelOutcome:
        """Search for the cheapest schedule within ``config.time_limit``.

        Parameters
        ----------
        config
            Time limit, workers, seed, gap and logging.
        on_progress
            Called with each better schedule found (from the solver's thread: keep it light).
        stop
            When set, the search stops and the best schedule so far is returned.
        """
        solver = _make_solver(config, self.size.start_literals)
        priced = isinstance(self.risk_cost, cp_model.LinearExpr)
        callback = _ProgressCallback(on_progress, self.objective.total if priced else None)
        done = threading.Event()
        watcher = None
        if stop is not None:
            watcher = threading.Thread(target=_watch, args=(stop, done, solver), daemon=True,
                                       name="plan-shoot-stop-watcher")
            watcher.start()
        try:
            status = solver.solve(self.model, callback if on_progress is not None else None)
        finally:
            done.set()
            if watcher is not None:
                watcher.join()
        outcome = ModelOutcome(
            status=STATUSES.get(status, SolveStatus.NO_SOLUTION),
            runtime=solver.wall_time,
            deterministic_time=solver.deterministic_time,
            interrupted=stop is not None and stop.is_set(),
        )
        if outcome.status is SolveStatus.MODEL_INVALID:
            logger.error("CP-SAT says the model is invalid: %s", self.model.validate())
        if outcome.status.has_solution:
            outcome.solution = self.variables.solution_from(solver.boolean_value)
            outcome.objective = round(solver.objective_value)
            outcome.bound = max(math.ceil(solver.best_objective_bound - 1e-6),
                                self.objective.static_lower_bound)
            outcome.risk_cost = int(solver.value(self.risk_cost))
        logger.info("CP-SAT: %s in %.2f s, objective %s, bound %s", solver.status_name(status),
                    solver.wall_time, outcome.objective, outcome.bound)
        return outcome

    # ----- explain mode -------------------------------------------------------------------------

    def find_core(self, time_limit: float, shrink_time: float = 5.0,
                  ) -> list[RuleInstance] | None:
        """Rule instances that cannot all hold together, or ``None`` when none are found.

        Solves under the assumption that every guarded instance holds (one worker, as CP-SAT
        requires for assumptions); then tries dropping each blamed instance in turn and keeps
        the smaller set whenever the rest is still infeasible, within ``shrink_time`` seconds.
        """
        if not self.explain:
            raise ValueError("find_core needs a model built with explain=True")
        status, core = self._core_under(list(self.constraints.guards), time_limit)
        if status is not SolveStatus.INFEASIBLE:
            logger.info("explain: the rules together are %s", status.value)
            return None
        deadline = time.monotonic() + shrink_time
        position = 0
        while position < len(core) and time.monotonic() < deadline:
            trial = core[:position] + core[position + 1:]
            budget = min(1.0, max(0.1, deadline - time.monotonic()))
            trial_status, trial_core = self._core_under(trial, budget)
            if trial_status is SolveStatus.INFEASIBLE:
                core = trial_core
            else:
                position += 1
        logger.info("explain: %d rule instance(s) in conflict", len(core))
        return core

    def _core_under(self, instances: Sequence[RuleInstance],
                    time_limit: float) -> tuple[SolveStatus, list[RuleInstance]]:
        guards = self.constraints.guards
        by_index = {guards[instance].index: instance for instance in instances}
        self.model.clear_assumptions()
        self.model.add_assumptions([guards[instance] for instance in instances])
        solver = new_solver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = time_limit
        status = STATUSES.get(solver.solve(self.model), SolveStatus.NO_SOLUTION)
        if status is not SolveStatus.INFEASIBLE:
            return status, []
        blamed = set(solver.sufficient_assumptions_for_infeasibility())
        core = [by_index[i] for i in by_index if i in blamed]
        return status, core


def new_solver() -> cp_model.CpSolver:
    """A CP-SAT solver that leaves SIGINT alone; every solver of plan-shoot is made here.

    CP-SAT catches SIGINT by default (``catch_sigint_signal``): each solve installs its own
    handler, which stops only that solve, aborts a server whose solve runs on a thread
    (``std::bad_function_call``) and leaves SIGINT at its default after the solve, so a later
    Ctrl-C kills the process without writing anything.  With it off, the caller's stop event
    (``solve(..., stop=...)``) is the only way a solve stops, and the front end decides what
    Ctrl-C means.
    """
    solver = cp_model.CpSolver()
    solver.parameters.catch_sigint_signal = False
    return solver


def _make_solver(config: SolverConfig, start_literals: int) -> cp_model.CpSolver:
    solver = new_solver()
    parameters = solver.parameters
    parameters.num_workers = config.num_workers
    parameters.random_seed = config.seed
    # One presolve pass: later passes gain little here, and on large productions they delay the
    # moment the warm start counts as a solution by seconds.
    parameters.max_presolve_iterations = 1
    if config.deterministic:
        # A wall-clock limit stops a one-worker search at a point that depends on the machine's
        # load; deterministic time does not, so the same input gives the same schedule.  The
        # wall clock still caps the run (deterministic time runs slower on a loaded machine).
        parameters.max_deterministic_time = config.time_limit
        parameters.max_time_in_seconds = WALL_CLOCK_SAFETY * config.time_limit
    else:
        parameters.max_time_in_seconds = config.time_limit
    if start_literals >= LARGE_MODEL_START_LITERALS:
        # No proof of optimality is in reach at this size: spend the threads on large
        # neighbourhood search around the warm start, which improves the schedule fastest.  One
        # deterministic worker runs the neighbourhoods interleaved (a plain single-worker search
        # hardly improves a large model); with many workers the default portfolio is mostly
        # neighbourhood search already, and its full solvers keep the bound moving.
        workers = config.num_workers or os.cpu_count() or 1
        if config.deterministic:
            parameters.use_lns_only = True
            parameters.interleave_search = True
        elif workers <= FEW_WORKERS:
            parameters.use_lns_only = True
    if config.relative_gap > 0:
        parameters.relative_gap_limit = config.relative_gap
    if config.first_solution:
        parameters.stop_after_first_solution = True
    if config.log_search:
        parameters.log_search_progress = True
        parameters.log_to_stdout = False
        solver.log_callback = _log_line
    return solver


def _log_line(line: str) -> None:
    logger.info("CP-SAT | %s", line)


def _watch(stop: threading.Event, done: threading.Event, solver: cp_model.CpSolver) -> None:
    """Stop the search once ``stop`` is set (polling: the solve may not have begun yet)."""
    while not done.is_set():
        if stop.is_set():
            solver.stop_search()
        done.wait(STOP_POLL_SECONDS)


class _ProgressCallback(cp_model.CpSolverSolutionCallback):
    """Reports each better schedule: elapsed seconds, its cost and the proven bound.

    With risk priced, the objective is cost plus risk price: ``cost`` is then the expression of
    the cost alone, which is what a producer watches (the bound still bounds the objective).
    """

    def __init__(self, on_progress: Callable[[Progress], None] | None,
                 cost: cp_model.LinearExpr | int | None = None) -> None:
        super().__init__()
        self._on_progress = on_progress
        self._cost = cost

    def on_solution_callback(self) -> None:
        if self._on_progress is not None:
            objective = (self.value(self._cost) if self._cost is not None
                         else round(self.objective_value))
            self._on_progress(Progress(elapsed=self.wall_time, objective=int(objective),
                                       bound=math.ceil(self.best_objective_bound - 1e-6)))


def canonical_order(production: Production, solution: Solution) -> Solution:
    """The same schedule with identical scenes in breakdown order (the full model's symmetry
    breaking wants it so; identical scenes can swap days at no cost and break no rule)."""
    start_day = dict(solution.start_day)
    for group in identical_scene_groups(production):
        ids = [scene.id for scene in group if scene.id in start_day]
        for scene_id, day in zip(ids, sorted(start_day[sid] for sid in ids), strict=True):
            start_day[scene_id] = day
    return Solution(start_day=start_day)
