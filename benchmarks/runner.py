"""Run the published benchmark families and compare with the published record.

Families:

* ``talent``: the talent scheduling instances of the Stuckey data page (``stuckey_format``) and
  the three CSPLib prob039 instances with a published optimum (idle cost);
* ``mss``: the Optimization Hub movie shoot scheduling instances ``mss5`` ... ``mss300``.

Each instance is converted into a ``Production`` (``formats``), solved, and our cost and lower
bound are turned back into the family's objective (``BenchmarkCase.family_value``).  The table
lists the published optimum (or, where none is published, the best value we know of, with its
source), our best, the gap, our lower bound, the time of the last improvement and the time of
the proof.
"""

from __future__ import annotations

import csv
import math
import platform
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.result import Progress, SolveStatus
from scheduler.solution import COST_SCALE, Solution
from scheduler.validate import evaluate

from .formats import (
    MovieShootInstance,
    TalentInstance,
    read_mss_dzn,
    read_stuckey,
    read_talent_dzn,
)

TALENT_DIR = Path("benchmarks") / "talent"
DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
RESULTS_DIR = Path(__file__).resolve().parent / "results"

STUCKEY_FILES = (
    "tiny", "tiny2", "small", "small2", "concert", "film-10", "film-12", "film103.dat",
    "film105.dat", "film114.dat", "film116.dat", "film117.dat", "film118.dat", "film119.dat",
    "MobStory", "Warwick1201", "Shaw2020",
)
CSPLIB_CASES = (  # (name in known_optima.csv, file, objective scale of the published number)
    ("csplib_rehearsal", "csplib_prob039/rehearsal_smith.dzn", 1),
    ("csplib_film1", "csplib_prob039/film1_from_specification.dzn", 100),
    ("csplib_film2", "csplib_prob039/film2_from_specification.dzn", 100),
)
MSS_NAMES = ("mss5", "mss10", "mss12", "mss15", "mss20", "mss30", "mss50", "mss100", "mss200",
             "mss300")

# Simulated annealing results given to us for mss30..mss300 (best after 300 s; after 60 s in
# the comment); we could not trace them to a primary source.
MSS_ANNEALING_300S = {"mss30": 2750, "mss50": 13750, "mss100": 29273, "mss200": 99993,
                      "mss300": 189104}
MSS_ANNEALING_60S = {"mss30": 2750, "mss50": 13824, "mss100": 29981, "mss200": 107877,
                     "mss300": 203174}


@dataclass(frozen=True)
class BenchmarkCase:
    """One instance, its family objective and the best value on record.

    ``objective`` is ``total_cost``, ``idle_cost`` or ``mss`` (location re-visits + idle actor
    days); the family value of our cost is ``(cost - offset) * scale`` in currency units.
    ``reference`` is the published optimum when ``reference_kind == "published"``, otherwise a
    value computed elsewhere (``"computed"``) or a heuristic's best (``"annealing"``).
    """

    name: str
    family: str
    instance: TalentInstance
    objective: str
    scale: int = 1
    reference: int | None = None
    reference_kind: str = ""
    source: str = ""

    @property
    def offset(self) -> int:
        if self.objective == "total_cost":
            return 0
        if self.objective == "idle_cost":
            return self.instance.idle_offset
        if isinstance(self.instance, MovieShootInstance):
            return self.instance.mss_offset
        raise ValueError(f"{self.name}: the mss objective needs a movie shoot instance")

    def family_value(self, cost_units: int) -> int:
        """Our cost (cost units) in the family's objective."""
        whole, rest = divmod(cost_units, COST_SCALE)
        if rest:
            raise ValueError(f"{cost_units} cost units is not a whole amount")
        return (whole - self.offset) * self.scale

    def family_bound(self, bound_units: int) -> int:
        """A lower bound (cost units) in the family's objective, rounded up (costs are whole)."""
        return (math.ceil(bound_units / COST_SCALE) - self.offset) * self.scale

    @property
    def size(self) -> str:
        return f"{self.instance.num_scenes} x {self.instance.num_actors}"

    def production(self) -> Production:
        return self.instance.to_production()


def read_known_optima(shared: Path) -> dict[str, dict[str, str]]:
    path = shared / TALENT_DIR / "known_optima.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["instance"]: row for row in csv.DictReader(handle)}


def talent_cases(shared: Path) -> list[BenchmarkCase]:
    """The Stuckey-page instances (total cost) and CSPLib prob039 (idle cost)."""
    known = read_known_optima(shared)
    root = shared / TALENT_DIR
    cases = []
    for file in STUCKEY_FILES:
        instance = read_stuckey(root / "stuckey_format" / file)
        row = known[instance.name]
        if row["optimum"]:
            reference, kind, source = int(row["optimum"]), "published", row["source"]
        else:
            reference, kind = int(row["dp_total_here"]), "computed"
            source = "exact DP of the data collection (no published optimum found)"
        cases.append(BenchmarkCase(instance.name, "talent", instance, "total_cost", 1,
                                   reference, kind, source))
    for name, file, scale in CSPLIB_CASES:
        instance = read_talent_dzn(root / file, name)
        row = known[name]
        cases.append(BenchmarkCase(name, "talent", instance, "idle_cost", scale,
                                   int(row["optimum"]), "published", row["source"]))
    return cases


def mss_cases(shared: Path) -> list[BenchmarkCase]:
    """The Optimization Hub movie shoot scheduling instances (objective: re-visits + idle)."""
    known = read_known_optima(shared)
    root = shared / TALENT_DIR / "movie_shoot_scheduling" / "opthub_mss_dzn"
    cases = []
    for name in MSS_NAMES:
        instance = read_mss_dzn(root / f"{name}.dzn", name)
        reference: int | None = None
        kind = source = ""
        if known.get(name, {}).get("dp_total_here"):
            reference, kind = int(known[name]["dp_total_here"]), "computed"
            source = "exact optimum computed for the data collection (not published)"
        elif name in MSS_ANNEALING_300S:
            reference, kind = MSS_ANNEALING_300S[name], "annealing"
            source = ("simulated annealing, best after 300 s (given to us; primary source not "
                      "found)")
        cases.append(BenchmarkCase(name, "mss", instance, "mss", 1, reference, kind, source))
    return cases


FAMILIES: dict[str, Callable[[Path], list[BenchmarkCase]]] = {
    "talent": talent_cases,
    "mss": mss_cases,
}


@dataclass
class RunOutcome:
    """One solve of one case, in cost units and wall-clock seconds."""

    objective: int | None
    bound: int | None
    optimal: bool
    time_to_best: float | None
    runtime: float
    status: str
    solution: Solution | None = None


@dataclass
class CaseResult:
    """The runs of one case over seeds, summarised in the family objective."""

    case: BenchmarkCase
    runs: list[RunOutcome] = field(default_factory=list)

    @property
    def best(self) -> int | None:
        values = [r.objective for r in self.runs if r.objective is not None]
        return self.case.family_value(min(values)) if values else None

    @property
    def bound(self) -> int | None:
        values = [r.bound for r in self.runs if r.bound is not None]
        return self.case.family_bound(max(values)) if values else None

    @property
    def time_to_best(self) -> float | None:
        best = self.best
        times = [r.time_to_best for r in self.runs if r.objective is not None
                 and r.time_to_best is not None and self.case.family_value(r.objective) == best]
        return min(times) if times else None

    @property
    def time_to_proof(self) -> float | None:
        times = [r.runtime for r in self.runs if r.optimal]
        return min(times) if times else None

    @property
    def gap(self) -> float | None:
        """Relative gap of our best to the reference (negative: we beat it)."""
        reference, best = self.case.reference, self.best
        if reference is None or best is None:
            return None
        if reference == 0:
            return 0.0 if best == 0 else math.inf
        return (best - reference) / reference


Solver = Callable[[Production, float, int, bool, Callable[[Progress], None]], RunOutcome]


def run_with_solve(production: Production, time_limit: float, seed: int, deterministic: bool,
                   on_progress: Callable[[Progress], None]) -> RunOutcome:
    """``scheduler.solve.solve`` (whatever search it picks)."""
    from scheduler.solve import solve

    config = SolverConfig(time_limit=time_limit, seed=seed, deterministic=deterministic)
    result = solve(production, config, on_progress=on_progress)
    return RunOutcome(result.objective, result.lower_bound,
                      result.status is SolveStatus.OPTIMAL, None, result.runtime,
                      result.status.value, result.solution)


def run_with_sequencing(production: Production, time_limit: float, seed: int,
                        deterministic: bool,
                        on_progress: Callable[[Progress], None]) -> RunOutcome:
    """The dedicated sequencing search (``scheduler.sequencing``) directly."""
    from scheduler.sequencing import solve_sequencing

    result = solve_sequencing(production, time_limit, on_progress=on_progress, seed=seed)
    status = "optimal" if result.optimal else "feasible"
    return RunOutcome(result.cost_units, result.lower_bound, result.optimal, None,
                      result.runtime, status, result.solution)


ENGINES: dict[str, Solver] = {"solve": run_with_solve, "sequencing": run_with_sequencing}


def run_case(case: BenchmarkCase, engine: str, time_limit: float, seeds: int,
             deterministic: bool) -> CaseResult:
    """Solve one case once per seed.

    Every schedule is checked with ``validate`` and its cost recomputed.  Time to best is the
    wall-clock time at which ``on_progress`` first reported the final cost
    (the last improvement); when the final schedule was never reported (a fallback), the
    runtime stands in as an upper bound.  Time to proof is the runtime of a run that proved
    optimality.
    """
    production = case.production()
    result = CaseResult(case)
    for seed in range(seeds):
        improvements: list[tuple[float, int]] = []
        lock = threading.Lock()
        began = time.monotonic()

        def record(progress: Progress, began: float = began,
                   improvements: list[tuple[float, int]] = improvements,
                   lock: threading.Lock = lock) -> None:
            with lock:
                improvements.append((time.monotonic() - began, progress.objective))

        outcome = ENGINES[engine](production, time_limit, seed, deterministic, record)
        outcome.runtime = time.monotonic() - began  # wall clock, as time to best
        outcome.time_to_best = _time_to_best(improvements, outcome)
        _check(production, outcome)
        result.runs.append(outcome)
    return result


def _check(production: Production, outcome: RunOutcome) -> None:
    """Recompute the cost of the schedule returned and check every rule: a benchmark result
    must stand on its own, whatever the engine reports."""
    if outcome.solution is None:
        return
    evaluation = evaluate(production, outcome.solution)
    if not evaluation.is_valid:
        raise RuntimeError(f"{production.settings.title}: the schedule breaks a rule: "
                           f"{evaluation.violations[0]}")
    if evaluation.total_cost != outcome.objective:
        raise RuntimeError(f"{production.settings.title}: reported cost {outcome.objective}, "
                           f"the schedule costs {evaluation.total_cost}")


def _time_to_best(improvements: list[tuple[float, int]], outcome: RunOutcome) -> float | None:
    if outcome.objective is None:
        return None
    reaching = [elapsed for elapsed, value in improvements if value <= outcome.objective]
    return min(reaching) if reaching else outcome.runtime


# ----- the table ------------------------------------------------------------------------------

COLUMNS = ("instance", "size (scenes x actors)", "objective", "known optimum / best known",
           "our best", "gap", "our lower bound", "time to best (s)", "time to proof (s)")

REFERENCE_MARKS = {"published": "", "computed": " (c)", "annealing": " (sa)"}


def table_rows(results: list[CaseResult]) -> list[list[str]]:
    rows = []
    for r in results:
        case = r.case
        objective = case.objective + (f" x{case.scale}" if case.scale != 1 else "")
        reference = "-" if case.reference is None else \
            f"{case.reference}{REFERENCE_MARKS.get(case.reference_kind, '')}"
        rows.append([
            case.name,
            case.size,
            objective,
            reference,
            _text(r.best),
            "-" if r.gap is None else f"{100 * r.gap:.2f}%",
            _text(r.bound),
            _seconds(r.time_to_best),
            _seconds(r.time_to_proof),
        ])
    return rows


def _text(value: int | None) -> str:
    return "-" if value is None else str(value)


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def markdown_table(results: list[CaseResult]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(results)]
    return "\n".join(lines)


def write_results(results: list[CaseResult], family: str, engine: str, time_limit: float,
                  seeds: int, deterministic: bool, directory: Path = RESULTS_DIR) -> list[Path]:
    """``<family>_<engine>.md`` and ``.csv`` under ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    stem = directory / f"{family}_{engine}"
    header = (f"# {family} with `{engine}`: time limit {time_limit:g} s, {seeds} seed(s), "
              f"{'deterministic (one worker)' if deterministic else 'parallel workers'}\n\n"
              f"Machine: {platform.machine()}, {_cores()} cores, Python "
              f"{platform.python_version()}.  (c): computed, not published; (sa): simulated "
              "annealing best after 300 s.\n\n")
    markdown = stem.with_suffix(".md")
    markdown.write_text(header + markdown_table(results) + "\n", encoding="utf-8")
    table = stem.with_suffix(".csv")
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["instance", "scenes", "actors", "objective", "scale", "reference",
                         "reference_kind", "best", "gap", "lower_bound", "time_to_best",
                         "time_to_proof", "runs", "statuses"])
        for r in results:
            case = r.case
            writer.writerow([
                case.name, case.instance.num_scenes, case.instance.num_actors, case.objective,
                case.scale, _text(case.reference), case.reference_kind, _text(r.best),
                "" if r.gap is None else f"{r.gap:.6f}", _text(r.bound),
                "" if r.time_to_best is None else f"{r.time_to_best:.3f}",
                "" if r.time_to_proof is None else f"{r.time_to_proof:.3f}",
                len(r.runs), " ".join(run.status for run in r.runs),
            ])
    return [markdown, table]


def _cores() -> int:
    import os

    return os.cpu_count() or 1
