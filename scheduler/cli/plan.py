"""``plan-shoot plan`` (also ``plan-shoot INPUT.xlsx``): read, plan with a live status line,
write the schedule workbook (and JSON and USS when asked), print the result."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from ..config import SolverConfig
from ..data import Production
from ..excel.writer import write_schedule
from ..export_json import schedule_to_json
from ..files import check_outputs, save_text_atomically
from ..inputs import write_uss_stripboard
from .app import (
    DefaultsOption,
    DeterministicOption,
    TimeLimitOption,
    WorkersOption,
    app,
    exit_code,
    read_checked,
    stderr,
    stdout,
    user_errors,
)
from .interrupt import CtrlC
from .live import search_live

if TYPE_CHECKING:  # the planner and the model load LightGBM: only when a command needs them
    from ..planning import Plan
    from ..predict.model import TrainedModel

logger = logging.getLogger("scheduler")


@app.command()
def plan(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.xlsx",
                                               help="The breakdown workbook (or a .uss file).")],
    *,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="OUT.xlsx",
                                                help="Schedule workbook (default: "
                                                     "INPUT_schedule.xlsx beside the input).")
                      ] = None,
    time_limit: TimeLimitOption = None,
    workers: WorkersOption = 0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the search.")] = 0,
    deterministic: DeterministicOption = False,
    model_dir: Annotated[Path | None, typer.Option("--model", metavar="MODEL_DIR",
                                                   help="Bottleneck model (default: the "
                                                        "shipped one).")] = None,
    json_path: Annotated[Path | None, typer.Option("--json", metavar="OUT.json",
                                                   help="Also write the schedule as JSON.")
                         ] = None,
    uss_path: Annotated[Path | None, typer.Option("--uss", metavar="OUT.uss",
                                                  help="Also write the schedule as a USS "
                                                       "stripboard (with a USS input: a copy "
                                                       "of it with the stripboard added; never "
                                                       "the input itself).")] = None,
    defaults: DefaultsOption = None,
    risk_blind: Annotated[bool, typer.Option("--risk-blind",
                                             help="Plan for cost alone: no risk rounds.")
                          ] = False,
) -> None:
    """Plan the cheapest shooting schedule of a breakdown workbook (or USS file) and write it.

    Ctrl-C at any moment of the planning or the writing keeps the best schedule found so far
    and writes it; a second Ctrl-C quits at once without writing.
    """
    target = output or input_path.with_name(f"{input_path.stem}_schedule.xlsx")
    outputs = {"-o": target, "--json": json_path, "--uss": uss_path}
    with user_errors():  # before the solve of minutes, not after it
        check_outputs([input_path, defaults, model_dir], outputs)
    production = read_checked(input_path, defaults)
    config = SolverConfig(time_limit=time_limit or production.settings.time_limit_s,
                          workers=workers, seed=seed, deterministic=deterministic)
    model = _load_model(model_dir)
    with CtrlC(stderr()) as ctrl_c:
        plan = _plan_live(production, config, model, risk_aware=not risk_blind, ctrl_c=ctrl_c)
        ctrl_c.writing()
        written = _write_outputs(production, plan, input_path, target, json_path, uss_path)
    _print_result(production, plan, written)
    if not plan.result.status.has_solution:
        raise typer.Exit(exit_code(plan.result.status))


def _write_outputs(production: Production, plan: Plan, input_path: Path, target: Path,
                   json_path: Path | None, uss_path: Path | None) -> Path:
    """Write the schedule workbook, and the JSON and USS files when asked; the workbook's
    path."""
    result, risk = plan.result, plan.risk
    logger.info("writing the schedule to %s", target)
    with user_errors(writing=target):
        written = write_schedule(production, result, target, risk=risk, input_path=input_path)
    if json_path is not None:
        with user_errors(writing=json_path):
            save_text_atomically(json_path, schedule_to_json(production, result, risk=risk))
    if uss_path is not None and result.solution is not None:
        with user_errors(writing=uss_path):
            board = write_uss_stripboard(production, result.solution, uss_path, input_path)
        stdout().print(f'wrote {uss_path}: stripboard "{board}"', markup=False)
    return written


def _plan_live(production: Production, config: SolverConfig, model: TrainedModel,
               risk_aware: bool, ctrl_c: CtrlC) -> Plan:
    """Plan with a live line of elapsed time, best cost, bound and gap; the planner runs on a
    worker thread, so that Ctrl-C is answered at once whatever the stage."""
    from ..planning import plan_production

    # The planner marks its result "stopped by you" when ``stop`` was set.
    return search_live(ctrl_c, production.settings.currency, "searching for a first schedule...",
                       lambda on_progress: plan_production(
                           production, config, model=model, risk_aware=risk_aware,
                           on_progress=on_progress, stop=ctrl_c.stop))


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


