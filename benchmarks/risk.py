"""Risk-aware against risk-blind plans, scored under the synthetic truth the model learnt from.

``uv run python -m benchmarks.risk [--time-limit 30] [--generated 30 90]`` plans each example
(and generated productions of the given sizes) twice with the same deterministic budget, once
risk-blind (cost only) and once risk-aware (``plan_production``: the cheapest plan, then risk
rounds), and prints a markdown table, also written to ``benchmarks/results/risk.md``.  Each plan
is scored by its expected number of bottleneck days under the generating process of the example
history (``scheduler.predict.synthetic``), which the planner never sees: it only sees the model
trained on that history.  Days flagged are the model's (probability at or above its threshold).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.excel.reader import read_workbook
from scheduler.planning import Plan, plan_production
from scheduler.predict.model import TrainedModel, load_default
from scheduler.predict.risk import true_expected_bottleneck_days
from scheduler.solution import Schedule, to_money

from .generator import generate_production

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results"
EXAMPLES = ("examples/short_film.xlsx", "examples/indie_feature.xlsx")
HEADER = ("| production | scenes | limit (s) | plan | cost | premium | shoot days | flagged days "
          "(model) | expected bottleneck days (model) | expected bottleneck days (truth) |\n"
          + "|---" * 10 + "|")


def productions(generated_sizes: list[int], seed: int) -> list[tuple[str, Production]]:
    """The examples, then the generated productions (feature and series) of the given sizes."""
    found = [(Path(path).stem, read_workbook(ROOT / path)) for path in EXAMPLES]
    for size in generated_sizes:
        for kind in ("feature", "series"):
            found.append((f"generated {kind} {size} seed {seed}",
                          generate_production(size, seed, kind)))
    return found


def compare(name: str, production: Production, time_limit: float,
            model: TrainedModel) -> list[str]:
    """Two table rows: the risk-blind plan and the risk-aware plan of one production."""
    config = SolverConfig(time_limit=time_limit, deterministic=True)
    blind = plan_production(production, config, model=model, risk_aware=False)
    aware = plan_production(production, config, model=model)
    blind_cost = blind.result.objective or 0
    return [_row(name, production, time_limit, "risk-blind", blind, blind_cost),
            _row(name, production, time_limit, "risk-aware", aware, blind_cost)]


def _row(name: str, production: Production, time_limit: float, label: str, plan: Plan,
         blind_cost: int) -> str:
    result = plan.result
    if result.solution is None or result.objective is None or plan.risk is None:
        return f"| {name} | {len(production.scenes)} | {time_limit:g} | {label} | none |" + " |" * 5
    schedule = Schedule(production, result.solution)
    premium = result.objective - blind_cost
    share = premium / blind_cost if blind_cost else 0.0
    flagged = sum(forecast.flag for forecast in plan.risk.values())
    predicted = sum(forecast.probability for forecast in plan.risk.values())
    return (f"| {name} | {len(production.scenes)} | {time_limit:g} | {label} | "
            f"{to_money(result.objective):,} | {to_money(premium):+,} ({share:+.1%}) | "
            f"{schedule.wrap_day} | {flagged} | {predicted:.2f} | "
            f"{true_expected_bottleneck_days(schedule):.2f} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.risk")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--generated", type=int, nargs="*", default=[30, 90])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rows = [HEADER]
    model = load_default()
    for name, production in productions(args.generated, args.seed):
        for row in compare(name, production, args.time_limit, model):
            rows.append(row)
            print(row, flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "risk.md").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
