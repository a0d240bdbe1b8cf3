"""``plan-shoot plan`` (also ``plan-shoot INPUT.xlsx``): read, plan with a live status line,
write the schedule workbook (and JSON and USS when asked), print the result."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.live import Live
from rich.table import Table
from rich.text import Text

from ..config import SolverConfig
from ..data import Production
from ..excel.writer import write_schedule
from ..export_json import schedule_to_json
from ..files import same_file, save_text_atomically
from ..inputs import write_uss_stripboard
from ..result import Progress
from ..solution import to_money
from .app import (
    DefaultsOption,
    app,
    exit_code,
    read_checked,
    refuse,
    stderr,
    stdout,
    user_errors,
)

if TYPE_CHECKING:  # the planner and the model load LightGBM: only when a command needs them
    from ..planning import Plan
    from ..predict.model import TrainedModel


@app.command()
def plan(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.xlsx",
                                               help="The breakdown workbook (or a .uss file).")],
    *,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="OUT.xlsx",
                                                help="Schedule workbook (default: "
                                                     "INPUT_schedule.xlsx beside the input).")
                      ] = None,
    time_limit: Annotated[float | None, typer.Option("--time-limit", min=0.1,
                                                     help="Seconds of search (default: the "
                                                          "workbook's time_limit_s).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=0,
                                         help="Search workers; 0 = one per core.")] = 0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the search.")] = 0,
    deterministic: Annotated[bool, typer.Option("--deterministic",
                                                help="One worker, fixed seed: repeatable.")
                             ] = False,
    model_dir: Annotated[Path | None, typer.Option("--model", metavar="MODEL_DIR",
                                                   help="Bottleneck model (default: the "
                                                        "shipped one).")] = None,
    json_path: Annotated[Path | None, typer.Option("--json", metavar="OUT.json",
                                                   help="Also write the schedule as JSON.")
                         ] = None,
    uss_path: Annotated[Path | None, typer.Option("--uss", metavar="OUT.uss",
                                                  help="Also write the schedule as a USS "
                                                       "stripboard (added to the input when it "
                                                       "is a USS file).")] = None,
    defaults: DefaultsOption = None,
    risk_blind: Annotated[bool, typer.Option("--risk-blind",
                                             help="Plan for cost alone: no risk rounds.")
                          ] = False,
) -> None:
    """Plan the cheapest shooting schedule of a breakdown workbook (or USS file) and write it."""
    production = read_checked(input_path, defaults)
    target = output or input_path.with_name(f"{input_path.stem}_schedule.xlsx")
    if same_file(target, input_path):
        refuse(f"{target} is the input workbook; choose another output")
    config = SolverConfig(time_limit=time_limit or production.settings.time_limit_s,
                          workers=workers, seed=seed, deterministic=deterministic)
    plan = _plan_live(production, config, _load_model(model_dir), risk_aware=not risk_blind)
    result, risk = plan.result, plan.risk
    with user_errors(writing=target):
        written = write_schedule(production, result, target, risk=risk, input_path=input_path)
    if json_path is not None:
        with user_errors(writing=json_path):
            save_text_atomically(json_path, schedule_to_json(production, result, risk=risk))
    if uss_path is not None and result.solution is not None:
        with user_errors(writing=uss_path):
            board = write_uss_stripboard(production, result.solution, uss_path, input_path)
        stdout().print(f'wrote {uss_path}: stripboard "{board}"', markup=False)
    _print_result(production, plan, written)
    if not result.status.has_solution:
        raise typer.Exit(exit_code(result.status))


def _plan_live(production: Production, config: SolverConfig, model: TrainedModel,
               risk_aware: bool) -> Plan:
    """Plan with a live line of elapsed time, best cost, bound and gap; Ctrl-C keeps the best."""
    from ..planning import plan_production

    stop = threading.Event()
    latest: list[Progress] = []
    currency = production.settings.currency

    def status_line() -> Text:
        if not latest:
            return Text("searching for a first schedule...")
        now = latest[-1]
        gap = max(0.0, (now.objective - now.bound) / now.objective) if now.objective else 0.0
        stage = f"{now.stage}: " if now.stage else ""
        return Text(f"{stage}{now.elapsed:6.1f} s  best {to_money(now.objective):,} {currency}  "
                    f"bound {to_money(now.bound):,}  gap {gap:.1%}   (Ctrl-C keeps the best)")

    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        with Live(status_line(), console=stderr(), refresh_per_second=4, transient=True) as live:
            def on_progress(progress: Progress) -> None:
                latest.append(progress)
                live.update(status_line())

            plan = plan_production(production, config, model=model, risk_aware=risk_aware,
                                   on_progress=on_progress, stop=stop)
    finally:
        signal.signal(signal.SIGINT, previous)
    return plan  # the planner marks its result interrupted when ``stop`` was set


def _load_model(model_dir: Path | None) -> TrainedModel:
    """The bottleneck model of ``--model``, or the shipped one."""
    from ..predict.model import load, load_default

    with user_errors(model_dir or "default model",
                     failing=f"cannot load the bottleneck model {model_dir}"):
        return load(model_dir) if model_dir else load_default()


def _print_result(production: Production, plan: Plan, written: Path) -> None:
    """The plan's summary (``Plan.summary``, the rows the upload page shows too), where it was
    written, and the rules in conflict when there is no schedule."""
    table = Table(title=production.settings.title, show_header=False)
    for label, text in [*plan.summary(), ("written", str(written))]:
        table.add_row(label, text)
    stdout().print(table)
    for conflict in plan.result.conflicts:
        stderr().print(f"- {conflict.rule.wording}: {conflict.message}", markup=False)


