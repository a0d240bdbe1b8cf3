"""Boards people built beside ours: the stripboards of the public USS sample.

``uv run python -m benchmarks.uss [--time-limit 400] [--boards NAME ...] [--workers 2]
[--standard-hours 10] [--max-hours 13] [--move-hours 1]``

The sample (``shared/research/data/uss/full_sample_schedule.uss``, It's a Wonderful Life) holds
three scheduled stripboards built by people: First Pass (60 shoot days), Second Pass (67) and
Rev. WHITE (56).  For each, the comparison production is the file read with that board's
calendar and availability (``import_uss(..., board=NAME)``), restricted to the strips on the board
(the boneyard is left out of both), every cast member at the same daily rate, and every strip
shot at the board's own pace: its average pages per shoot day fill a standard day.  The board is
evaluated under our rules and costs (``scheduler.evaluate``); ours comes from
``scheduler.solve.solve`` with the same calendar, whose length is the board's.

When the board breaks our rules it cannot be the hint, and the calendar is tight (the board's
pace leaves no slack); ``solve`` then first runs on a calendar ``SEARCH_SLACK`` longer with
only the shoot days costed, stopping as soon as the schedule fits the board's days, and that
schedule is the hint of the real solve.  Both runs are ``solve``; the table says which ran.

Writes ``benchmarks/results/uss.md`` and ``uss.csv`` (``--stem`` names them otherwise).
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import platform
import sys
import threading
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.evaluate import BoardReport, evaluate_board
from scheduler.interop.uss import import_uss
from scheduler.interop.uss.defaults import EVERY, Overrides, UssDefaults
from scheduler.result import Progress, Result
from scheduler.solution import COST_SCALE, Solution, to_money
from scheduler.solve import solve

from .runner import DEFAULT_SHARED, RESULTS_DIR

SAMPLE = Path("research") / "data" / "uss" / "full_sample_schedule.uss"
BOARDS = ("First Pass", "Second Pass", "Rev. WHITE")
SEARCH_SLACK = 0.15  # the first search's calendar is this much longer than the board's
FIRST_SEARCH_SHARE = 0.5  # of the time limit, at most, for the first search


@dataclass(frozen=True)
class ComparisonSettings:
    """What the comparison assumes beyond the USS file (the same for the board and ours)."""

    cast_daily_rate: int = 1000
    crew_day_cost: int = 10_000
    standard_day_hours: float = 10.0
    max_day_hours: float = 13.0
    company_move_hours: float = 1.0

    def defaults(self) -> UssDefaults:
        settings = {"crew_day_cost": self.crew_day_cost,
                    "standard_day_minutes": round(self.standard_day_hours * 60),
                    "max_day_minutes": round(self.max_day_hours * 60),
                    "company_move_minutes": round(self.company_move_hours * 60),
                    "overtime_cost_per_hour": 0, "company_move_cost": 0,
                    "bottleneck_day_cost": 0}  # plan for cost alone, not risk
        return UssDefaults(settings=settings,
                           cast=Overrides(rows={EVERY: {"daily_rate": self.cast_daily_rate}}),
                           source="the comparison's settings")

    def describe(self) -> str:
        return (f"every cast member {self.cast_daily_rate:,} a day, crew day "
                f"{self.crew_day_cost:,}, standard day {self.standard_day_hours:g} h, max day "
                f"{self.max_day_hours:g} h, company move {self.company_move_hours:g} h, no "
                "overtime or move cost; other rules our defaults")


@dataclass(frozen=True)
class Comparison:
    board: BoardReport
    ours: BoardReport | None
    result: Result
    pages_per_day: float
    first_search: str  # what the first search did, or "" when there was none
    seconds: float


def board_production(path: Path, name: str, settings: ComparisonSettings
                     ) -> tuple[Production, Solution]:
    """The comparison production of a stripboard, and the stripboard as a schedule."""
    imported = import_uss(path, settings.defaults(), board=name)
    board = imported.board(name)
    return at_board_pace(imported.production, board), board


def at_board_pace(production: Production, board: Solution) -> Production:
    """Only the board's scenes, each taking its pages at the board's average pages per shoot
    day (the calendar's days): a standard day holds the board's average day."""
    scenes = [scene for scene in production.scenes if scene.id in board.start_day]
    days = production.calendar.num_days
    eighths = sum(scene.eighths for scene in scenes)
    standard = production.settings.standard_day_minutes
    paced = tuple(scene.model_copy(update={
        "est_minutes": max(1, round(scene.eighths * standard * days / eighths))})
        for scene in scenes)
    return production.model_copy(update={"scenes": paced})


def pages_per_day(production: Production) -> float:
    return sum(s.eighths for s in production.scenes) / 8 / production.calendar.num_days


def compare(path: Path, name: str, settings: ComparisonSettings,
            config: SolverConfig) -> Comparison:
    """The board ``name`` and our schedule of the same production, evaluated alike;
    ``config.time_limit`` covers both searches."""
    began = time.monotonic()
    production, board = board_production(path, name, settings)
    theirs = evaluate_board(production, board, name)
    hint: Solution | None = board if theirs.is_valid else None
    first_search = ""
    if hint is None:
        limit = config.time_limit * FIRST_SEARCH_SHARE
        hint, first_search = first_schedule(production, config.model_copy(
            update={"time_limit": limit}))
    remaining = max(1.0, config.time_limit - (time.monotonic() - began))
    result = solve(production, config.model_copy(update={"time_limit": remaining}), hint=hint)
    ours = (evaluate_board(production, result.solution, "ours")
            if result.solution is not None else None)
    return Comparison(theirs, ours, result, pages_per_day(production), first_search,
                      time.monotonic() - began)


def first_schedule(production: Production, config: SolverConfig) -> tuple[Solution | None, str]:
    """A schedule within the production's calendar, searched on a longer calendar with only
    the shoot days costed; stops once it fits.  ``None`` when none fits in time."""
    days = production.calendar.num_days
    longer = production.model_copy(update={
        "settings": production.settings.model_copy(update={
            "max_shoot_days": math.ceil(days * (1 + SEARCH_SLACK)), "crew_day_cost": 1}),
        "cast": tuple(member.model_copy(update={"daily_rate": 0})
                      for member in production.cast)})
    fits = threading.Event()

    def on_progress(progress: Progress) -> None:
        if progress.objective <= days * COST_SCALE:  # the objective is the wrap day
            fits.set()

    began = time.monotonic()
    result = solve(longer, config, on_progress=on_progress, stop=fits)
    seconds = time.monotonic() - began
    wrap = (result.objective or 0) // COST_SCALE if result.solution is not None else None
    if result.solution is None or wrap is None or wrap > days:
        return None, (f"no schedule within {days} days in {seconds:.0f} s"
                      + (f" (best {wrap} days)" if wrap else ""))
    return result.solution, f"{wrap} days in {seconds:.0f} s"


# ----- table -------------------------------------------------------------------------------------

COLUMNS = ("board", "pages/day", "shoot days", "cast work days", "cast hold days",
           "company moves", "crew cost", "cast cost", "total cost", "rule breaks", "valid")


def rows(comparison: Comparison) -> list[list[str]]:
    """The board's row and ours."""
    found = [_row(comparison.board, comparison.pages_per_day)]
    if comparison.ours is not None:
        found.append(_row(comparison.ours, comparison.pages_per_day,
                          f"ours ({comparison.board.name})"))
    else:
        found.append([f"ours ({comparison.board.name})", f"{comparison.pages_per_day:.2f}",
                      f"no schedule ({comparison.result.status.value})", *["-"] * 8])
    return found


def _row(report: BoardReport, pace: float, label: str = "") -> list[str]:
    breaks = "; ".join(f"{rule.value} {count}" for rule, count in report.breaks_by_rule.items())
    return [label or f"{report.name} (people)", f"{pace:.2f}",
            f"{report.shoot_days} (wrap day {report.wrap_day})", str(report.cast_work_days),
            str(report.cast_hold_days), str(report.company_moves),
            f"{to_money(report.cost_by_category['crew']):,.0f}",
            f"{to_money(report.cost_by_category['cast']):,.0f}",
            f"{to_money(report.total_cost):,.0f}",
            f"{len(report.violations)}" + (f": {breaks}" if breaks else ""),
            "yes" if report.is_valid else "no"]


def claim_holds(comparison: Comparison) -> bool:
    """No more shoot days than the board, fewer cast hold days, a lower cast cost, valid."""
    ours, board = comparison.ours, comparison.board
    return (ours is not None and ours.is_valid and ours.wrap_day <= board.wrap_day
            and ours.cast_hold_days < board.cast_hold_days
            and ours.cost_by_category["cast"] < board.cost_by_category["cast"])


def markdown(comparisons: list[Comparison], command: str, settings: ComparisonSettings,
             time_limit: float, workers: int) -> str:
    lines = [f"Command: `{command}`  ",
             f"Time limit: {time_limit:g} s per board, {workers} CP-SAT workers; "
             f"{os.cpu_count()} cores, {platform.python_implementation()} "
             f"{platform.python_version()}, OR-Tools {version('ortools')}.  ",
             f"Settings: {settings.describe()}.", "",
             "| " + " | ".join(COLUMNS) + " |", "|---" * len(COLUMNS) + "|"]
    for comparison in comparisons:
        lines += ["| " + " | ".join(row) + " |" for row in rows(comparison)]
    lines.append("")
    for comparison in comparisons:
        result = comparison.result
        gap = f"{result.gap:.1%}" if result.gap is not None else "-"
        bound = f"{to_money(result.lower_bound):,.0f}" if result.lower_bound is not None else "-"
        first = f"first search: {comparison.first_search}; " if comparison.first_search else ""
        lines.append(f"- {comparison.board.name}: {first}solve {result.status.value}, lower "
                     f"bound {bound}, gap {gap}, {comparison.seconds:.0f} s in all; claim "
                     f"{'holds' if claim_holds(comparison) else 'does NOT hold'}")
    return "\n".join(lines) + "\n"


def write_results(comparisons: list[Comparison], text: str, results: Path,
                  stem: str = "uss") -> None:
    results.mkdir(parents=True, exist_ok=True)
    (results / f"{stem}.md").write_text(text, encoding="utf-8")
    with (results / f"{stem}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for comparison in comparisons:
            writer.writerows(rows(comparison))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.uss", description=__doc__)
    parser.add_argument("--time-limit", type=float, default=400.0,
                        help="seconds per board, both searches together (default 400)")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--boards", nargs="+", default=list(BOARDS), metavar="NAME")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--results", type=Path, default=RESULTS_DIR)
    parser.add_argument("--stem", default="uss", help="results file names (default uss)")
    parser.add_argument("--standard-hours", type=float, default=10.0)
    parser.add_argument("--max-hours", type=float, default=13.0)
    parser.add_argument("--move-hours", type=float, default=1.0)
    args = parser.parse_args(argv)
    path = args.shared / SAMPLE
    if not path.is_file():
        parser.error(f"the USS sample is not at {path}; give --shared")
    settings = ComparisonSettings(standard_day_hours=args.standard_hours,
                                  max_day_hours=args.max_hours,
                                  company_move_hours=args.move_hours)
    comparisons = []
    for name in args.boards:
        config = SolverConfig(time_limit=args.time_limit, workers=args.workers,
                              seed=args.seed)
        comparisons.append(compare(path, name, settings, config))
        for row in rows(comparisons[-1]):
            print(" | ".join(row), flush=True)
    command = "uv run python -m benchmarks.uss " + " ".join(
        sys.argv[1:] if argv is None else argv)
    text = markdown(comparisons, command.strip(), settings, args.time_limit, args.workers)
    print(text)
    write_results(comparisons, text, args.results, args.stem)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
