"""What-if scenarios on the indie feature: ten common alternatives planned against the base.

``uv run python -m benchmarks.whatif [--time-limit S] [--parallel N] [--deterministic]
[--cluster ADDRESS]`` plans ``examples/indie_feature.xlsx`` (SYNTHETIC, 90 scenes) and ten
scenarios a producer asks about (``SCENARIOS``: an actor earlier, a block lifted, a location
lost two days, no Saturdays, a scene cut, a rate up or down, a pin, a later end date) with
``scheduler.whatif.compare_scenarios``, the ``plan-shoot whatif`` pipeline.  It measures the
whole comparison's wall time (process start-up included) against the issue's budget,
(N / 2 + 1) x the time limit on 2 cores, and checks the consistency rule
(``compare.assert_consistent``).

Prints a markdown table and writes ``benchmarks/results/whatif.md``.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.files import save_text_atomically
from scheduler.inputs import read_production
from scheduler.subjects import EntityKind
from scheduler.whatif import Change, ChangeKind, Comparison, Scenario, change_effect
from scheduler.whatif.compare import assert_consistent, compare_scenarios, machine_cores

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "indie_feature.xlsx"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
CAST, LOCATION = EntityKind.CAST, EntityKind.LOCATION
EQUIPMENT = EntityKind.EQUIPMENT

# (name, change kind, fields): what a producer of the indie feature asks.
SCENARIOS: tuple[tuple[str, ChangeKind, dict[str, Any]], ...] = (
    ("Harriet from day 1", ChangeKind.AVAILABLE,
     {"target": "1", "entity": CAST, "window": (None, None)}),
    ("Leah without her block", ChangeKind.AVAILABLE_ON,
     {"target": "8", "entity": CAST, "dates": tuple(date(2026, 9, d) for d in range(8, 12))}),
    ("diner lost 1-2 Sep", ChangeKind.UNAVAILABLE,
     {"target": "DINER", "entity": LOCATION, "dates": (date(2026, 9, 1), date(2026, 9, 2))}),
    ("no Saturdays", ChangeKind.SETTING, {"target": "work_week", "value": (0, 1, 2, 3, 4)}),
    ("cut scene 44", ChangeKind.CUT, {"scenes": ("44",)}),
    ("tower a week more", ChangeKind.AVAILABLE,
     {"target": "CITY", "entity": LOCATION, "window": (date(2026, 9, 21), date(2026, 10, 2))}),
    ("crane dearer", ChangeKind.RATE, {"target": "CRANE", "entity": EQUIPMENT, "amount": 3200}),
    ("Owen cheaper", ChangeKind.RATE, {"target": "2", "entity": CAST, "amount": 2000}),
    ("pin scene 30", ChangeKind.PIN, {"target": "30", "dates": (date(2026, 9, 17),)}),
    ("end a week later", ChangeKind.SETTING, {"target": "end_date", "value": date(2026, 10, 3)}),
)


def scenarios_of(production: Production) -> list[Scenario]:
    """``SCENARIOS`` as scenarios of ``production`` (each change with its effect)."""
    made = []
    for name, kind, fields in SCENARIOS:
        change = Change(kind=kind, text=name, **fields)
        made.append(Scenario(name=name, changes=(change.model_copy(
            update={"effect": change_effect(production, change)}),)))
    return made


def markdown(comparison: Comparison, wall: float, budget: float, command: str,
             broken: list[str]) -> str:
    """The table with times, and the budget check."""
    lines = [
        f"Command: `{command}`", "",
        f"Machine: {machine_cores()} cores ({platform.machine()}, Python "
        f"{platform.python_version()}); solves in {comparison.where}, "
        f"{comparison.time_limit:g} s each.", "",
        "| Scenario | Effect | Status | Total Cost | Change vs Base | Shoot Days | Wrap Date "
        "| Cast Hold Days | Company Moves | Exp. Bottleneck Days | Lower Bound | Solve s |",
        "|---|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|",
    ]
    for row in comparison.rows():
        lines.append("| " + " | ".join(str(value) for value in (
            row.scenario, row.effect or "base", row.status, _money(row.total_cost),
            _money(row.change_vs_base), _value(row.shoot_days), _value(row.wrap_date),
            _value(row.cast_hold_days), _value(row.company_moves),
            _value(row.expected_bottleneck_days), _money(row.lower_bound),
            f"{row.runtime:.1f}")) + " |")
    count = len(comparison.scenarios)
    verdict = "within" if wall <= budget else "OVER"
    lines += ["", f"{count} scenarios and the base: {wall:.1f} s wall, {verdict} the budget "
                  f"({count} / 2 + 1) x {comparison.time_limit:g} s = {budget:.0f} s.",
              "Consistency rule: " + ("kept" if not broken else "; ".join(broken)) + "."]
    return "\n".join(lines) + "\n"


def _money(value: object) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _value(value: object) -> str:
    return "-" if value is None else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.whatif",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=20.0,
                        help="seconds per solve (default 20)")
    parser.add_argument("--parallel", type=int, default=None,
                        help="solves at once (default: one per core)")
    parser.add_argument("--cluster", default=None, help="a Ray address instead")
    parser.add_argument("--deterministic", action="store_true",
                        help="one worker and a fixed seed per solve")
    parser.add_argument("--results", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(argv)
    began = time.monotonic()
    production = read_production(EXAMPLE)
    config = SolverConfig(time_limit=args.time_limit, deterministic=args.deterministic)
    comparison = compare_scenarios(
        production, scenarios_of(production), config, parallel=args.parallel,
        cluster=args.cluster, on_progress=lambda progress: print(
            f"{time.monotonic() - began:7.1f} s  {progress.name}: {progress.state} "
            f"{progress.status}", file=sys.stderr) if progress.state != "better" else None)
    wall = time.monotonic() - began
    budget = (len(SCENARIOS) / 2 + 1) * args.time_limit
    command = "uv run python -m benchmarks.whatif " + " ".join(
        sys.argv[1:] if argv is None else argv)
    text = markdown(comparison, wall, budget, command.strip(), assert_consistent(comparison))
    print(text)
    args.results.mkdir(parents=True, exist_ok=True)
    save_text_atomically(args.results / "whatif.md", text)
    return 0 if wall <= budget else 1


if __name__ == "__main__":
    raise SystemExit(main())
