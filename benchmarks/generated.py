"""Generated productions (30 to 480 scenes): our schedule against the conventional sorted board.

``uv run python -m benchmarks.generated [--sizes 30 90 220 480] [--kinds feature series]
[--seed 1]`` prints a markdown table and writes ``benchmarks/results/generated.md``: for each
production its size, the time limit, the conventional board's cost, our cost, the saving, the
proven lower bound and gap, the time to the first schedule and whether ``validate`` accepts it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scheduler.config import SolverConfig
from scheduler.result import Progress
from scheduler.solution import Schedule, to_money
from scheduler.solve import solve
from scheduler.validate import validate

from .generator import generate_production

RESULTS = Path(__file__).parent / "results"
# The targets: a 220-scene feature within 10 s, a 480-scene series within 60 s.
TIME_LIMITS = {30: 10.0, 90: 10.0, 220: 10.0, 480: 60.0}
HEADER = ("| production | scenes | shoot days | limit (s) | first schedule (s) | conventional board "
          "| ours | saving | lower bound | gap | valid |\n" + "|---" * 11 + "|")


def run_one(num_scenes: int, kind: str, seed: int, workers: int) -> str:
    production = generate_production(num_scenes, seed, kind)
    limit = TIME_LIMITS.get(num_scenes, 60.0)
    began = time.monotonic()
    first: list[float] = []

    def on_progress(progress: Progress) -> None:
        if not first:
            first.append(time.monotonic() - began)

    result = solve(production, SolverConfig(time_limit=limit, workers=workers, seed=seed),
                   on_progress=on_progress)
    if result.solution is None or result.objective is None:
        return f"| {kind} seed {seed} | {num_scenes} | - | {limit:g} | - | - | none | - | - | - | - |"
    valid = not validate(production, result.solution)
    wrap = Schedule(production, result.solution).wrap_day
    baseline = result.baseline_cost
    saving = (f"{(baseline - result.objective) / baseline:.1%}" if baseline else "no valid board")
    bound = to_money(result.lower_bound) if result.lower_bound is not None else "-"
    gap = f"{result.gap:.1%}" if result.gap is not None else "-"
    first_seen = f"{first[0]:.1f}" if first else f"{result.runtime:.1f} (board)"
    return (f"| {kind} seed {seed} | {num_scenes} | {wrap} | {limit:g} | {first_seen} | "
            f"{to_money(baseline) if baseline else '-'} | {to_money(result.objective)} | {saving} "
            f"| {bound} | {gap} | {'yes' if valid else 'NO'} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generated")
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 90, 220, 480])
    parser.add_argument("--kinds", nargs="+", default=["feature", "series"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    rows = [HEADER]
    for size in args.sizes:
        for kind in args.kinds:
            rows.append(run_one(size, kind, args.seed, args.workers))
            print(rows[-1], flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "generated.md").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
