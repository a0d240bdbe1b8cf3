"""Planted productions: our schedule against a schedule known to be valid, with its cost.

``uv run python -m benchmarks.planted [--sizes 220 480] [--kinds feature series] [--seeds 1 2 3]
[--time-limit 60] [--deterministic]`` generates SYNTHETIC planted productions
(``benchmarks.generator.generate_planted``: a compact schedule fixed first, tight windows, pins,
deadlines and continuity rules drawn around it, a calendar 25-35 % longer than it) and solves
each with ``scheduler.solve.solve``.  By default the 220-scene feature and the 480-scene series,
three seeds each, 60 s, all cores.

The planted schedule is valid by construction, so its cost is an upper bound on the optimum:
the optimum lies between our proven lower bound and the cheaper of the planted cost and ours.
Of the gap between our cost and our bound, the bound's share (optimum - bound) is therefore at
most ``min(ours, planted) - bound``, and the schedule's share (ours - optimum) at least
``max(0, ours - planted)``.

Each case runs in a fresh child process (spawned), so that its peak memory is its own.  Prints
a markdown table and writes ``benchmarks/results/planted.md`` and ``planted.csv``.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import platform
import resource
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path

from scheduler.config import SolverConfig
from scheduler.result import Progress
from scheduler.solution import Schedule, to_money
from scheduler.solve import solve
from scheduler.validate import validate

from .generator import generate_planted
from .runner import RESULTS_DIR

DEFAULT_CASES = ((220, "feature"), (480, "series"))
DEFAULT_SIZES = (220, 480)  # with --kinds alone
DEFAULT_KINDS = ("feature", "series")  # with --sizes alone
DEFAULT_SEEDS = (1, 2, 3)
KILOBYTES_PER_MEGABYTE = 1024  # ru_maxrss is in kilobytes on Linux


@dataclass(frozen=True)
class PlantedCase:
    """One planted production and how long and how to solve it."""

    num_scenes: int
    kind: str
    seed: int
    time_limit: float = 60.0
    deterministic: bool = False

    @property
    def label(self) -> str:
        return f"{self.kind} {self.num_scenes} seed {self.seed}"

    def config(self) -> SolverConfig:
        """All cores by default; one worker and a fixed seed when deterministic."""
        return SolverConfig(time_limit=self.time_limit, deterministic=self.deterministic)


@dataclass(frozen=True)
class PlantedRow:
    """What one case measured; costs in cost units (``to_money`` for currency)."""

    label: str
    scenes: int
    shoot_days: int  # the calendar's
    planted_wrap: int
    planted_cost: int
    planted_valid: bool
    board_cost: int | None  # the conventional board, when it is valid
    status: str
    our_cost: int | None
    our_wrap: int | None
    our_violations: int | None  # ``validate`` of our schedule: must be 0
    lower_bound: int | None
    first_schedule_s: float | None  # wall clock of the first schedule reported
    first_schedule_cost: int | None
    runtime_s: float
    peak_memory_mb: float
    time_limit: float
    deterministic: bool

    @property
    def valid(self) -> bool:
        return self.our_violations == 0

    @property
    def gap(self) -> float | None:
        """Our cost above the proven bound, as a share of our cost."""
        if self.our_cost is None or self.lower_bound is None or self.our_cost == 0:
            return None
        return (self.our_cost - self.lower_bound) / self.our_cost

    @property
    def ratio_to_planted(self) -> float | None:
        return None if self.our_cost is None else self.our_cost / self.planted_cost

    @property
    def below_planted(self) -> float | None:
        """Share of the planted cost we saved (negative: we are dearer than the plant)."""
        if self.our_cost is None:
            return None
        return (self.planted_cost - self.our_cost) / self.planted_cost

    @property
    def bound_share_at_most(self) -> float | None:
        """The bound's share of the gap, at most: (min(ours, planted) - bound) / ours."""
        if self.our_cost is None or self.lower_bound is None or self.our_cost == 0:
            return None
        return (min(self.our_cost, self.planted_cost) - self.lower_bound) / self.our_cost

    @property
    def schedule_share_at_least(self) -> float | None:
        """The schedule's share of the gap, at least: max(0, ours - planted) / ours."""
        if self.our_cost is None or self.our_cost == 0:
            return None
        return max(0, self.our_cost - self.planted_cost) / self.our_cost


def run_case(case: PlantedCase) -> PlantedRow:
    """Generate the planted production of ``case``, solve it and measure the run.

    Peak memory is this process's (``RUSAGE_SELF``): run it in a fresh process
    (``run_in_child``) for a per-case figure.
    """
    generated = generate_planted(case.num_scenes, case.seed, case.kind)
    production, planted = generated.production, generated.reference
    planted_schedule = Schedule(production, planted)
    first: list[tuple[float, int]] = []
    began = time.monotonic()

    def on_progress(progress: Progress) -> None:
        if not first:
            first.append((time.monotonic() - began, progress.objective))

    result = solve(production, case.config(), on_progress=on_progress)
    runtime = time.monotonic() - began
    ours = result.solution
    return PlantedRow(
        label=case.label,
        scenes=len(production.scenes),
        shoot_days=production.calendar.num_days,
        planted_wrap=planted_schedule.wrap_day,
        planted_cost=planted_schedule.total_cost,
        planted_valid=not validate(production, planted),
        board_cost=result.baseline_cost,
        status=result.status.value,
        our_cost=result.objective,
        our_wrap=Schedule(production, ours).wrap_day if ours is not None else None,
        our_violations=len(validate(production, ours)) if ours is not None else None,
        lower_bound=result.lower_bound,
        first_schedule_s=first[0][0] if first else None,
        first_schedule_cost=first[0][1] if first else None,
        runtime_s=runtime,
        peak_memory_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        / KILOBYTES_PER_MEGABYTE,
        time_limit=case.time_limit,
        deterministic=case.deterministic,
    )


def _run_case_as_dict(case: PlantedCase) -> dict[str, object]:
    # Plain data crosses the process boundary whatever name the parent's module runs under.
    return asdict(run_case(case))


def run_in_child(case: PlantedCase) -> PlantedRow:
    """``run_case`` in a freshly spawned process: its peak memory is the case's alone."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=1, maxtasksperchild=1) as pool:
        fields = pool.apply(_run_case_as_dict, (case,))
    return PlantedRow(**fields)


# ----- the table --------------------------------------------------------------------------------

COLUMNS = ("production", "scenes", "shoot days", "planted wrap", "planted cost",
           "conventional board", "ours", "our wrap", "valid", "lower bound", "gap",
           "ours / planted", "below planted", "bound's share of gap (at most)",
           "schedule's share of gap (at least)", "first schedule (s)", "peak memory (MB)",
           "runtime (s)")


def _money(cost_units: int | None) -> str:
    return "-" if cost_units is None else f"{to_money(cost_units):,.2f}"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def table_row(row: PlantedRow) -> list[str]:
    valid = "-" if row.our_violations is None else ("yes" if row.valid else
                                                    f"NO ({row.our_violations})")
    return [
        row.label,
        str(row.scenes),
        str(row.shoot_days),
        str(row.planted_wrap),
        _money(row.planted_cost),
        _money(row.board_cost) if row.board_cost is not None else "no valid board",
        _money(row.our_cost) if row.our_cost is not None else f"none ({row.status})",
        "-" if row.our_wrap is None else str(row.our_wrap),
        valid,
        _money(row.lower_bound),
        _share(row.gap),
        "-" if row.ratio_to_planted is None else f"{row.ratio_to_planted:.3f}",
        _share(row.below_planted),
        _share(row.bound_share_at_most),
        _share(row.schedule_share_at_least),
        "-" if row.first_schedule_s is None else f"{row.first_schedule_s:.1f}",
        f"{row.peak_memory_mb:.0f}",
        f"{row.runtime_s:.1f}",
    ]


def markdown(rows: list[PlantedRow], command: str, time_limit: float,
             deterministic: bool) -> str:
    search = ("deterministic (one worker, fixed seed)" if deterministic
              else "default settings (all cores)")
    lines = [
        "# Planted productions (SYNTHETIC)",
        "",
        f"Command: `{command}`  ",
        f"Measured {date.today().isoformat()}: {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, OR-Tools "
        f"{version('ortools')}; time limit {time_limit:g} s per case, {search}; each case in "
        "a fresh process.  Money in the productions' currency (USD).",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|---" * len(COLUMNS) + "|",
    ]
    lines += ["| " + " | ".join(table_row(row)) + " |" for row in rows]
    lines += [
        "",
        "The planted cost is an upper bound on the optimum (the planted schedule is valid by "
        "construction).  Shares are of our cost and add up to the gap: the bound's share "
        "(optimum - bound) is at most min(ours, planted) - bound, the schedule's share "
        "(ours - optimum) at least max(0, ours - planted).",
    ]
    return "\n".join(lines) + "\n"


def write_results(rows: list[PlantedRow], text: str, results: Path,
                  stem: str = "planted") -> list[Path]:
    """``<stem>.md`` (the table as printed) and ``<stem>.csv`` (cost units and money)."""
    results.mkdir(parents=True, exist_ok=True)
    table = results / f"{stem}.md"
    table.write_text(text, encoding="utf-8")
    values = results / f"{stem}.csv"
    names = [*asdict(rows[0]).keys()] if rows else []
    derived = ("valid", "gap", "ratio_to_planted", "below_planted", "bound_share_at_most",
               "schedule_share_at_least")
    with values.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*names, *derived, "planted_money", "board_money", "our_money",
                         "lower_bound_money"])
        for row in rows:
            writer.writerow([
                *(_csv_value(value) for value in asdict(row).values()),
                *(_csv_value(getattr(row, name)) for name in derived),
                *(("" if units is None else to_money(units)) for units in
                  (row.planted_cost, row.board_cost, row.our_cost, row.lower_bound)),
            ])
    return [table, values]


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return value


def cases(sizes: list[int] | None, kinds: list[str] | None, seeds: list[int],
          time_limit: float, deterministic: bool) -> list[PlantedCase]:
    """Every size with every kind; with neither given, the issue's pairs (a 220-scene feature
    and a 480-scene series)."""
    if sizes is None and kinds is None:
        pairs = list(DEFAULT_CASES)
    else:
        pairs = [(n, k) for n in sizes or DEFAULT_SIZES for k in kinds or DEFAULT_KINDS]
    return [PlantedCase(n, k, seed, time_limit, deterministic) for n, k in pairs
            for seed in seeds]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.planted",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+",
                        help="scene counts (default: a 220-scene feature and a 480-scene "
                             "series; with --kinds, 220 and 480)")
    parser.add_argument("--kinds", nargs="+", choices=("feature", "series", "short"))
    parser.add_argument("--seeds", type=int, nargs="+", default=list(DEFAULT_SEEDS))
    parser.add_argument("--time-limit", type=float, default=60.0,
                        help="seconds per case (default 60)")
    parser.add_argument("--deterministic", action="store_true",
                        help="one worker and a fixed seed instead of all cores")
    parser.add_argument("--results", type=Path, default=RESULTS_DIR)
    parser.add_argument("--stem", default="planted", help="results file names (default planted)")
    args = parser.parse_args(argv)
    rows = []
    for case in cases(args.sizes, args.kinds, args.seeds, args.time_limit, args.deterministic):
        rows.append(run_in_child(case))
        print(" | ".join(table_row(rows[-1])), file=sys.stderr, flush=True)
    command = "uv run python -m benchmarks.planted " + " ".join(
        sys.argv[1:] if argv is None else argv)
    text = markdown(rows, command.strip(), args.time_limit, args.deterministic)
    print(text)
    for path in write_results(rows, text, args.results, args.stem):
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
