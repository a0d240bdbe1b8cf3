"""``plan-shoot train`` (the bottleneck model, from past productions) and ``plan-shoot predict``
(score the days of a Days sheet)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..files import check_outputs
from .app import app, stdout, user_errors


@app.command()
def train(
    history: Annotated[Path, typer.Argument(metavar="HISTORY.xlsx",
                                            help="Days of past productions with Actual Hours.")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="MODEL_DIR",
                                         help="Folder for the trained model.")],
    seed: Annotated[int, typer.Option("--seed")] = 0,
) -> None:
    """Train the bottleneck model on past productions and print its evaluation."""
    from ..predict.commands import train_command

    if output.is_dir():  # a folder yet to be made holds no input
        with user_errors():
            check_outputs([history], {"-o (model)": output / "model.txt",
                                      "-o (metadata)": output / "metadata.json"})
    with user_errors(history):
        report = train_command(history, output, seed=seed)
    for line in report.lines():
        stdout().print(line, markup=False)


@app.command()
def predict(
    days: Annotated[Path, typer.Argument(metavar="DAYS.xlsx",
                                         help="A workbook with a Days sheet.")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="SCORED.xlsx")],
    model_dir: Annotated[Path | None, typer.Option("--model", metavar="MODEL_DIR")] = None,
) -> None:
    """Score every day of a Days sheet: Bottleneck Probability and Flag."""
    from ..predict.commands import predict_command

    with user_errors():
        check_outputs([days, model_dir], {"-o": output})
    with user_errors(days):
        summary = predict_command(days, model_dir, output)
    stdout().print(f"wrote {summary.path}: {summary.flagged} of {summary.days} days flagged "
                   f"(threshold {summary.threshold:.2f})", markup=False)
