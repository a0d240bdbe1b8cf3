"""Re-planning mid-shoot: how little each common disruption moves, and how fast.

``uv run python -m benchmarks.replan [--time-limit S] [--sizes 90 220] [--seeds 1]
[--deterministic]`` takes the two examples (``examples/short_film.xlsx`` and
``examples/indie_feature.xlsx``, their current plan made by ``scheduler.solve.solve`` with one
worker and a fixed seed) and SYNTHETIC generated features of each size and seed (the reference
board of ``benchmarks.generator.generate`` as the current plan).  Each production is re-planned
(``scheduler.replan.replan``, one frozen day, a from-scratch plan made for comparison) from a
third of the way through its shoot after each common disruption of ``benchmarks.disruptions``.

Prints a markdown table and writes ``benchmarks/results/replan.md`` and ``replan.csv``.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import sys
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from importlib.metadata import version
from pathlib import Path

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.files import save_text_atomically
from scheduler.inputs import read_production
from scheduler.replan import CurrentSchedule, replan
from scheduler.replan.changes import revised_dates
from scheduler.result import Progress, Result
from scheduler.solution import Schedule, Solution, to_money
from scheduler.solve import solve
from scheduler.validate import validate

from .disruptions import DISRUPTIONS
from .generator import generate
from .runner import RESULTS_DIR

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = ("short_film.xlsx", "indie_feature.xlsx")
DEFAULT_SIZES = (90, 220)
DEFAULT_SEEDS = (1,)
FREEZE = 1  # shoot days from the re-plan's date whose call sheets are out

COLUMNS = ["production", "disruption", "scenes moved (re-plan)", "scenes moved (from scratch)",
           "people whose days change", "cost change", "first valid revision (s)", "time (s)",
           "valid", "shot scenes kept", "frozen day kept"]


@dataclass(frozen=True)
class CurrentPlan:
    """A production and the plan it is shooting to (scene id -> first date), with its cost."""

    label: str
    production: Production
    dates: Mapping[str, date]
    cost: int


@dataclass(frozen=True)
class ReplanRow:
    """One disruption re-planned: what moved, what it costs, how fast, and whether it holds.

    Costs are in cost units (``scheduler.solution.COST_SCALE``); ``cost_change`` is the
    revised schedule's cost less the current plan's cost before the disruption.
    """

    production: str
    disruption: str
    scenes: int
    replan_from: str
    moved: int | None
    moved_from_scratch: int | None
    people_changed: int | None
    cost_before: int
    cost_revised: int | None
    cost_from_scratch: int | None
    first_revision_s: float | None
    runtime_s: float
    violations: int | None
    shot_kept: bool
    frozen_kept: bool
    status: str = ""

    @property
    def valid(self) -> bool:
        return self.violations == 0

    @property
    def cost_change(self) -> int | None:
        return None if self.cost_revised is None else self.cost_revised - self.cost_before

    @property
    def moved_share(self) -> float | None:
        """Scenes the re-plan moved as a share of those the from-scratch plan moved."""
        if self.moved is None or not self.moved_from_scratch:
            return None
        return self.moved / self.moved_from_scratch


def third_of_the_way(dates: Mapping[str, date]) -> date:
    """The shoot date a third of the way through the current plan's shoot dates."""
    days = sorted(set(dates.values()))
    return days[len(days) // 3]


def example_plan(path: Path, time_limit: float) -> CurrentPlan:
    """An example workbook and its plan, solved with one worker and a fixed seed."""
    production = read_production(path)
    result = solve(production, SolverConfig(deterministic=True, time_limit=time_limit))
    if result.schedule is None:
        raise RuntimeError(f"{path.name}: no plan in {time_limit:g} s ({result.status})")
    return _plan(path.stem, production, result.schedule.solution)


def generated_plan(num_scenes: int, seed: int) -> CurrentPlan:
    """A generated feature and its reference board (valid by construction)."""
    generated = generate(num_scenes, seed, "feature")
    return _plan(f"generated {num_scenes} (seed {seed})", generated.production,
                 generated.reference)


def _plan(label: str, production: Production, solution: Solution) -> CurrentPlan:
    schedule = Schedule(production, solution)
    return CurrentPlan(label, production, revised_dates(production, solution),
                       schedule.total_cost)


def run_case(plan: CurrentPlan, disruption: str, config: SolverConfig) -> ReplanRow:
    """Re-plan ``plan`` from a third of the way through after ``disruption``."""
    replan_from = third_of_the_way(plan.dates)
    try:
        edited, progress = DISRUPTIONS[disruption](plan.production, plan.dates, replan_from)
    except ValueError as error:  # e.g. a shoot too short for a lead to be ill three days
        return ReplanRow(plan.label, disruption, len(plan.production.scenes),
                         replan_from.isoformat(), None, None, None, plan.cost, None, None, None,
                         0.0, None, False, False, status=f"not applicable: {error}")
    began = time.monotonic()
    first: list[float] = []

    def on_progress(_: Progress) -> None:
        if not first:
            first.append(time.monotonic() - began)

    outcome = replan(edited, CurrentSchedule(plan.dates), replan_from, freeze=FREEZE,
                     progress=progress, config=config, on_progress=on_progress)
    runtime = time.monotonic() - began
    schedule, report = outcome.result.schedule, outcome.report
    blank = ReplanRow(plan.label, disruption, len(edited.scenes), replan_from.isoformat(),
                      None, None, None, plan.cost, None, None, None, runtime, None, False, False,
                      status=str(outcome.result.status))
    if schedule is None or report is None:
        return blank
    dates = revised_dates(outcome.production, schedule.solution)
    # A half-shot scene's rest is a new scene of the re-plan's own production.
    checked = outcome.production if progress else edited
    return ReplanRow(
        plan.label, disruption, len(edited.scenes), replan_from.isoformat(),
        moved=len(report.moved_scene_ids),
        moved_from_scratch=_moved_from_scratch(outcome.from_scratch, outcome.production),
        people_changed=len(report.cast),
        cost_before=plan.cost, cost_revised=report.cost_revised,
        cost_from_scratch=report.cost_from_scratch,
        # Without a search (the current plan still stands) the first revision is the last.
        first_revision_s=first[0] if first else runtime, runtime_s=runtime,
        violations=len(validate(checked, schedule.solution)),
        shot_kept=_kept(outcome.prepared.shot, dates, plan.dates),
        frozen_kept=_kept(outcome.prepared.frozen, dates, plan.dates),
        status=str(outcome.result.status),
    )


def _moved_from_scratch(scratch: Result | None, production: Production) -> int | None:
    """Scenes the from-scratch plan moves (0 when none was made: the current plan stands)."""
    if scratch is None:
        return 0
    if scratch.solution is None:
        return None
    return len(Schedule(production, scratch.solution).moved_scenes)


def _kept(scene_ids: frozenset[str], dates: Mapping[str, date],
          before: Mapping[str, date]) -> bool:
    """Whether every one of ``scene_ids`` is still on its date."""
    return all(dates.get(sid) == before[sid] for sid in scene_ids)


def _money(cost_units: int | None) -> str:
    return "-" if cost_units is None else f"{to_money(cost_units):+,.2f}"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _text(value: int | None) -> str:
    return "-" if value is None else str(value)


def _yes(kept: bool) -> str:
    return "yes" if kept else "NO"


def table_row(row: ReplanRow) -> list[str]:
    """The row as the table shows it (money in the production's currency)."""
    valid = (f"no schedule ({row.status})" if row.violations is None
             else "yes" if row.valid else f"NO ({row.violations})")
    return [row.production, row.disruption, _text(row.moved), _text(row.moved_from_scratch),
            _text(row.people_changed), _money(row.cost_change),
            _seconds(row.first_revision_s), _seconds(row.runtime_s), valid,
            *(("-", "-") if row.violations is None else
              (_yes(row.shot_kept), _yes(row.frozen_kept)))]


def markdown(rows: list[ReplanRow], command: str, time_limit: float,
             deterministic: bool) -> str:
    """The table with the command and the machine it was measured on."""
    search = ("deterministic (one worker, fixed seed)" if deterministic
              else "default settings (all cores)")
    lines = [
        "# Re-planning mid-shoot",
        "",
        f"Command: `{command}`  ",
        f"Measured {date.today().isoformat()}: {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, OR-Tools "
        f"{version('ortools')}; time limit {time_limit:g} s per re-plan (a third of it for "
        f"the from-scratch plan), {search}; re-planned from a third of the way through, "
        f"{FREEZE} frozen day.  Generated productions are SYNTHETIC.  Cost change: the "
        "revised schedule's cost less the current plan's before the disruption.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|---" * len(COLUMNS) + "|",
    ]
    lines += ["| " + " | ".join(table_row(row)) + " |" for row in rows]
    over = [row for row in rows if row.moved_share is not None and row.moved_share > 0.5]
    lines += ["", f"Re-plans moving more than half as many scenes as from scratch: {len(over)}"
              + "".join(f"\n- {row.production}, {row.disruption}: {row.moved} against "
                        f"{row.moved_from_scratch}" for row in over)]
    return "\n".join(lines) + "\n"


def csv_text(rows: list[ReplanRow]) -> str:
    """Every field of every row, costs in cost units and in money."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = [field.name for field in fields(ReplanRow)]
    writer.writerow([*names, "valid", "cost_change", "cost_change_money", "moved_share"])
    for row in rows:
        values = asdict(row)
        writer.writerow([*(_csv_value(values[name]) for name in names), row.valid,
                         _csv_value(row.cost_change),
                         "" if row.cost_change is None else to_money(row.cost_change),
                         _csv_value(row.moved_share)])
    return buffer.getvalue()


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return value


def write_results(rows: list[ReplanRow], text: str, results: Path,
                  stem: str = "replan") -> list[Path]:
    """``<stem>.md`` (the table as printed) and ``<stem>.csv``, each written atomically."""
    results.mkdir(parents=True, exist_ok=True)
    return [save_text_atomically(results / f"{stem}.md", text),
            save_text_atomically(results / f"{stem}.csv", csv_text(rows))]


def current_plans(sizes: list[int], seeds: list[int], time_limit: float,
                  examples: bool = True) -> list[CurrentPlan]:
    """The examples' plans (when asked), then each generated size and seed."""
    plans = [example_plan(EXAMPLES / name, time_limit) for name in EXAMPLE_FILES] if examples \
        else []
    return plans + [generated_plan(n, seed) for n in sizes for seed in seeds]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.replan",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        help="generated scene counts (default 90 220)")
    parser.add_argument("--seeds", type=int, nargs="+", default=list(DEFAULT_SEEDS))
    parser.add_argument("--time-limit", type=float, default=30.0,
                        help="seconds per re-plan, the from-scratch plan's share included "
                             "(default 30)")
    parser.add_argument("--deterministic", action="store_true",
                        help="one worker and a fixed seed instead of all cores")
    parser.add_argument("--no-examples", dest="examples", action="store_false",
                        help="generated productions only")
    parser.add_argument("--results", type=Path, default=RESULTS_DIR)
    parser.add_argument("--stem", default="replan", help="results file names (default replan)")
    args = parser.parse_args(argv)
    config = SolverConfig(deterministic=args.deterministic, time_limit=args.time_limit)
    rows = []
    for plan in current_plans(args.sizes, args.seeds, args.time_limit, args.examples):
        for disruption in DISRUPTIONS:
            rows.append(run_case(plan, disruption, config))
            print(" | ".join(table_row(rows[-1])), file=sys.stderr, flush=True)
    command = "uv run python -m benchmarks.replan " + " ".join(
        sys.argv[1:] if argv is None else argv)
    text = markdown(rows, command.strip(), args.time_limit, args.deterministic)
    print(text)
    for path in write_results(rows, text, args.results, args.stem):
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
