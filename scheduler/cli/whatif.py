"""``plan-shoot whatif``: plan the base and each scenario (from a ``Scenarios`` sheet, or
suggested), show one live line per scenario, write the comparison workbook and print the table
(or the JSON)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.live import Live
from rich.table import Table
from rich.text import Text

from ..config import SolverConfig
from ..data import Production
from ..files import check_outputs
from ..solution import to_money
from .app import (
    EXIT_NO_SCHEDULE,
    DeterministicOption,
    TimeLimitOption,
    app,
    exit_code,
    read_checked,
    refuse,
    stderr,
    stdout,
    user_errors,
)
from .interrupt import CtrlC

if TYPE_CHECKING:  # the planner loads LightGBM: only when the command runs
    from ..whatif import Comparison, Scenario, ScenarioProgress

# Columns of the table printed at the end (the Comparison sheet's, shortened).
TABLE_COLUMNS = ("Scenario", "Status", "Total Cost", "vs Base", "Days", "Wrap", "Holds", "Moves",
                 "Risk Days", "Bound", "Time")


@app.command()
def whatif(
    input_path: Annotated[Path, typer.Argument(metavar="BREAKDOWN.xlsx",
                                               help="The breakdown workbook (or a .uss file).")],
    *,
    scenarios_path: Annotated[Path | None, typer.Option(
        "--scenarios", metavar="SCENARIOS.xlsx",
        help="A workbook with a Scenarios sheet: scenario, change, id, value (plan-shoot "
             "template --scenarios OUT.xlsx writes a blank).")] = None,
    suggest: Annotated[int, typer.Option(
        "--suggest", metavar="K", min=0,
        help="Also find what binds in the base plan, price relaxing each, and compare the K "
             "that save the most.")] = 0,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="COMPARISON.xlsx",
        help="The comparison workbook (default: BREAKDOWN_comparison.xlsx beside the "
             "breakdown); each scenario's schedule is written beside it as "
             "COMPARISON_<scenario>.xlsx.")] = None,
    time_limit: TimeLimitOption = None,
    parallel: Annotated[int | None, typer.Option(
        "--parallel", min=1, metavar="N",
        help="Solves at once in local processes, each with cores / N CP-SAT workers "
             "(default: one per core).")] = None,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", metavar="ADDRESS",
        help="Run the solves on a Ray cluster: auto (this machine is a node) or "
             "ray://HEAD:10001; needs plan-shoot[cluster].")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of every solve.")] = 0,
    deterministic: DeterministicOption = False,
    risk_blind: Annotated[bool, typer.Option("--risk-blind",
                                             help="Plan for cost alone: no risk rounds.")
                          ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON (and "
                                                         "nothing else) on stdout.")] = False,
) -> None:
    """Plan what-if scenarios against the base plan and compare their costs.

    The base is planned first; a scenario that only relaxes it is never reported dearer, and
    the base adopts any scenario's schedule that is valid for it and cheaper.  Ctrl-C keeps the
    scenarios finished so far and writes the comparison (the rest marked stopped).
    """
    if scenarios_path is None and not suggest:
        refuse("give the scenarios: --scenarios SCENARIOS.xlsx (plan-shoot template "
               "--scenarios OUT.xlsx writes a blank), or --suggest K")
    target = output or input_path.with_name(f"{input_path.stem}_comparison.xlsx")
    with user_errors():  # before the solves, not after them
        check_outputs([input_path, scenarios_path], {"-o": target})
    production = read_checked(input_path)
    scenarios: tuple[Scenario, ...] = ()
    if scenarios_path is not None:
        scenarios = _read_scenarios(scenarios_path, production)
    from ..whatif.workbook import schedule_paths

    inputs = [path for path in (input_path, scenarios_path) if path is not None]
    with user_errors():
        check_outputs(inputs, {f"schedule of {name}": path for name, path in schedule_paths(
            target, ["base", *(scenario.name for scenario in scenarios)]).items()})
    config = SolverConfig(time_limit=time_limit or production.settings.time_limit_s, seed=seed,
                          deterministic=deterministic)
    with CtrlC(stderr()) as ctrl_c:
        comparison = _compare_live(production, scenarios, config, parallel, cluster, suggest,
                                   not risk_blind, ctrl_c)
        ctrl_c.writing()
        written = _write(comparison, target, inputs)
    if as_json:
        from ..whatif.export import comparison_to_json

        sys.stdout.write(comparison_to_json(comparison) + "\n")
    else:
        _print_table(comparison, written)
    base = comparison.base.plan
    if base is None or not base.result.status.has_solution:
        raise typer.Exit(exit_code(base.result.status) if base is not None
                         else EXIT_NO_SCHEDULE)


def _read_scenarios(path: Path, production: Production) -> tuple[Scenario, ...]:
    from ..whatif import read_scenarios

    with user_errors(path, report_bugs=True):
        return read_scenarios(path, production)


def _compare_live(production: Production, scenarios: tuple[Scenario, ...], config: SolverConfig,
                  parallel: int | None, cluster: str | None, suggest: int, risk_aware: bool,
                  ctrl_c: CtrlC) -> Comparison:
    """The comparison, with one live line per scenario on stderr."""
    from ..whatif import compare_scenarios

    currency = production.settings.currency
    lines: dict[str, str] = {}
    lock = threading.Lock()

    def render() -> Text:
        with lock:
            shown = "\n".join(f"{name:<24.24} {line}" for name, line in lines.items())
        return Text(shown or "starting the solves...")

    with Live(render(), console=ctrl_c.console, refresh_per_second=4, transient=False) as live:
        def on_progress(progress: ScenarioProgress) -> None:
            with lock:
                lines[progress.name] = _progress_line(progress, currency)
            live.update(render())

        with user_errors(failing="cannot run the scenarios"):
            return ctrl_c.run(lambda: compare_scenarios(
                production, scenarios, config, parallel=parallel, cluster=cluster,
                risk_aware=risk_aware, suggest=suggest, on_progress=on_progress,
                stop=ctrl_c.stop))


def _progress_line(progress: ScenarioProgress, currency: str) -> str:
    cost = f"  {to_money(progress.cost):,} {currency}" if progress.cost is not None else ""
    if progress.state == "solving":
        return "solving..."
    if progress.state == "better":
        return f"solving  {progress.elapsed:6.1f} s{cost}"
    return f"{progress.status:<12} {progress.elapsed:6.1f} s{cost}"


def _write(comparison: Comparison, target: Path, inputs: list[Path]) -> list[Path]:
    from ..whatif import write_comparison

    with user_errors(writing=target):
        return write_comparison(comparison, target, inputs=inputs)


def _print_table(comparison: Comparison, written: list[Path]) -> None:
    table = Table(title=Text(f"What if ... ({comparison.currency}; {comparison.where}, "
                             f"{comparison.time_limit:g} s each)"))
    for column in TABLE_COLUMNS:
        if column == "Scenario":
            table.add_column(column, min_width=12, overflow="fold")
        else:  # figures are never cut: the scenario's name wraps instead
            table.add_column(column, justify="left" if column == "Status" else "right",
                             no_wrap=True)
    for row in comparison.rows():
        table.add_row(
            Text(row.scenario), Text(row.status), _money(row.total_cost),
            _money(row.change_vs_base, signed=True), _plain(row.shoot_days),
            _plain(f"{row.wrap_date.day} {row.wrap_date:%b}" if row.wrap_date else None),
            _plain(row.cast_hold_days), _plain(row.company_moves),
            _plain(row.expected_bottleneck_days), _money(row.lower_bound),
            Text(f"{row.runtime:.1f} s"))
    console = stdout()
    console.print(table)
    for row in comparison.rows():
        if row.changes and row.scenario != "base":
            effect = f" ({row.effect})" if row.effect else ""
            console.print(f"{row.scenario}: {row.changes}{effect}", markup=False,
                          soft_wrap=True)
        for note in row.notes:
            console.print(f"  {row.scenario}: {note}", markup=False, style="dim",
                          soft_wrap=True)
    if comparison.interrupted:
        console.print("stopped by you: the scenarios not finished are marked stopped",
                      style="yellow")
    console.print(f"wrote {written[0]} and {len(written) - 1} schedule workbook(s) beside it",
                  markup=False, soft_wrap=True)


def _money(value: object, signed: bool = False) -> Text:
    if value is None:
        return Text("-")
    return Text(f"{value:+,.0f}" if signed else f"{value:,.0f}")


def _plain(value: object) -> Text:
    return Text("-" if value is None else str(value))
