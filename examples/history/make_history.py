"""Write the SYNTHETIC example history ``history.xlsx`` (and, on request, the default model).

Every day row is a real-looking planned shoot day: each past production is a synthetic breakdown
from ``benchmarks.generator`` (feature films, series blocks and shorts of many sizes), boarded by
the generator's reference board (location blocks, day breaks by hours, the way a 1st AD deals
strips), and described by ``scheduler.day_facts.day_features``, the same function that
fills the ``Days`` sheet of every schedule.  Whether each day overran is drawn from the known
process in ``scheduler.predict.synthetic``; its true probability is kept in a hidden column
``True Probability``, which the reader keeps for evaluation only (the ceiling AUC) and never uses
as a feature.

Usage (from the repository root)::

    uv run python examples/history/make_history.py                  # history.xlsx
    uv run python examples/history/make_history.py --default-model  # and retrain the shipped model

The same ``--seed`` and ``--productions`` give the same rows.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

REPOSITORY = Path(__file__).resolve().parents[2]
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))  # benchmarks/ is not part of the installed package

from benchmarks.generator import generate  # noqa: E402
from scheduler.excel.safe import save_atomically  # noqa: E402
from scheduler.day_facts import FEATURE_NAMES, day_features  # noqa: E402
from scheduler.predict.synthetic import (  # noqa: E402
    SYNTHETIC_NOTE,
    draw_actual_hours,
    true_probability,
)
from scheduler.solution import Schedule  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_PRODUCTIONS = 48
DEFAULT_SEED = 2026

# The mix of past productions: kind and range of scene counts (a series block is 2-4 episodes).
MIX = (("feature", (70, 150)), ("series", (80, 160)), ("feature", (40, 90)), ("short", (15, 40)))

COLUMNS = ("Production", *FEATURE_NAMES, "Actual Hours", "True Probability")


def history_rows(productions: int = DEFAULT_PRODUCTIONS,
                 seed: int = DEFAULT_SEED) -> list[dict[str, float | int | str]]:
    """Day rows of ``productions`` synthetic past productions.

    Parameters
    ----------
    productions
        How many past productions; kinds cycle through ``MIX``.
    seed
        Seed of every draw (the breakdowns and the outcomes).

    Returns
    -------
    list[dict[str, float | int | str]]
        One row per shoot day with a scene, keyed by ``COLUMNS``.
    """
    sizes = random.Random(seed)
    outcomes = np.random.default_rng(seed)
    rows: list[dict[str, float | int | str]] = []
    for index in range(productions):
        kind, (fewest, most) = MIX[index % len(MIX)]
        num_scenes = sizes.randint(fewest, most)
        production_seed = seed * 1000 + index
        generated = generate(num_scenes, production_seed, kind)
        schedule = Schedule(generated.production, generated.reference)
        name = f"SYNTHETIC {index + 1:02d} {kind} ({num_scenes} scenes, seed {production_seed})"
        for day in schedule.shooting_days:
            features = day_features(schedule, day)
            probability = true_probability(features)
            actual = draw_actual_hours(float(features["Planned Hours"]), probability, outcomes)
            rows.append({"Production": name, **features, "Actual Hours": actual,
                         "True Probability": round(probability, 6)})
    return rows


def write_history(rows: list[dict[str, float | int | str]], path: Path) -> Path:
    """Write the rows as the history workbook: one sheet ``Days``, ``True Probability`` hidden."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Days"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])
    hidden = get_column_letter(COLUMNS.index("True Probability") + 1)
    sheet.column_dimensions[hidden].hidden = True
    sheet.column_dimensions["A"].width = 48
    sheet.freeze_panes = "B2"
    workbook.properties.title = "plan-shoot example history (SYNTHETIC)"
    workbook.properties.description = (
        f"{SYNTHETIC_NOTE}: made by examples/history/make_history.py; bottlenecks drawn from "
        "scheduler.predict.synthetic; the hidden column True Probability is for evaluation only"
    )
    workbook.properties.creator = "plan-shoot"
    return save_atomically(workbook, path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--productions", type=int, default=DEFAULT_PRODUCTIONS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("-o", "--out", type=Path, default=HERE / "history.xlsx")
    parser.add_argument("--default-model", action="store_true",
                        help="also retrain scheduler/predict/default_model from the history")
    args = parser.parse_args(argv)
    rows = history_rows(args.productions, args.seed)
    path = write_history(rows, args.out)
    bottlenecks = sum(1 for row in rows if float(row["Actual Hours"])
                      - float(row["Planned Hours"]) > 0.5)
    print(f"{path}: {len(rows)} days of {args.productions} SYNTHETIC productions, "
          f"{bottlenecks} bottleneck days ({bottlenecks / len(rows):.0%})")
    if args.default_model:
        from scheduler.predict.commands import train_command
        from scheduler.predict.model import DEFAULT_MODEL_DIR

        report = train_command(path, DEFAULT_MODEL_DIR)
        print("\n".join(report.lines()))


if __name__ == "__main__":
    main()
