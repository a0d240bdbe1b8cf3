"""``plan-shoot``: the command line, the only module that talks to the terminal.

``plan-shoot INPUT.xlsx`` means ``plan-shoot plan INPUT.xlsx``; ``check`` reads and checks a
breakdown workbook, ``template`` writes a blank one.  Exit codes follow ``spec/outputs.md``:
0 success, 1 input errors (every problem listed as ``Sheet!CELL: message`` on stderr).
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.live import Live
from rich.logging import RichHandler
from rich.table import Table
from rich.text import Text

from . import __version__
from .config import SolverConfig
from .data import Production
from .errors import InputError, PlanShootError
from .excel.parse import format_eighths
from .excel.reader import read_workbook
from .excel.safe import save_text_atomically
from .excel.template import write_template
from .excel.writer import write_schedule
from .export_json import RiskByDay, schedule_to_json
from .result import Progress, Result, SolveStatus
from .solution import Schedule, to_money
from .solve import solve

logger = logging.getLogger("scheduler")

EXIT_INPUT_ERROR = 1
EXIT_INFEASIBLE = 2
EXIT_NO_SCHEDULE = 3

app = typer.Typer(
    name="plan-shoot",
    help="The cheapest shooting schedule that breaks no rule, from a breakdown workbook.",
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
)


def _stdout() -> Console:
    return Console(highlight=False)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        _stdout().print(f"plan-shoot {__version__}", markup=False)
        raise typer.Exit


@app.callback()
def _options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Plan a film or TV shoot from a breakdown workbook."""
    handler = RichHandler(console=_stderr(), show_path=False, rich_tracebacks=False)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


# ----- check -------------------------------------------------------------------------------------


@app.command()
def check(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.xlsx",
                                               help="The breakdown workbook.")],
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the production as JSON "
                                                         "(and nothing else) on stdout.")] = False,
) -> None:
    """Read and check a breakdown workbook; list every problem, or summarise it."""
    production = read_or_exit(input_path)
    if as_json:
        sys.stdout.write(production.to_json() + "\n")
        for notice in production.notices:
            _stderr().print(f"notice: {notice}", markup=False)
        return
    print_summary(production)


def read_or_exit(path: Path) -> Production:
    """The checked production of ``path``; on input errors, list them and exit 1."""
    try:
        return read_workbook(path)
    except InputError as error:
        _exit_with_problems(path, error)
    except PlanShootError as error:
        _exit_with_message(str(error))
    except Exception as error:  # never a traceback for a user's file
        logger.debug("unexpected error reading %s", path, exc_info=True)
        _exit_with_message(f"{path} could not be read ({type(error).__name__}: {error}); "
                           "this is a bug in plan-shoot, please report it")


def _exit_with_problems(path: Path, error: InputError) -> NoReturn:
    console = _stderr()
    count = len(error.problems)
    if any(problem.where for problem in error.problems):
        console.print(f"{count} problem{'s' if count != 1 else ''} in {path}:", markup=False,
                      style="bold red")
    for problem in error.problems:
        console.print(str(problem), markup=False)
    raise typer.Exit(EXIT_INPUT_ERROR)


def _exit_with_message(message: str) -> NoReturn:
    _stderr().print(message, markup=False, style="red")
    raise typer.Exit(EXIT_INPUT_ERROR)


def print_summary(production: Production) -> None:
    """A one-screen summary of a production: size, load against the calendar, warnings."""
    console = _stdout()
    # Text, not markup: a title like "[Night] Shoot" must show as written.
    table = Table(title=Text(production.settings.title, style="bold"), show_header=False,
                  title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("value")
    for label, value in summary_rows(production):
        table.add_row(Text(label), Text(value))
    console.print(table)
    for warning in summary_warnings(production):
        console.print(f"warning: {warning}", markup=False, style="yellow", soft_wrap=True)
    for notice in production.notices:
        console.print(f"notice: {notice}", markup=False, style="dim", soft_wrap=True)
    console.print("OK: the workbook has no problems.", style="green")


def summary_rows(production: Production) -> list[tuple[str, str]]:
    """Label and value of each line of the summary."""
    s, calendar = production.settings, production.calendar
    scene_minutes = [production.scene_minutes(scene) for scene in production.scenes]
    total_minutes = sum(scene_minutes)
    night_minutes = sum(m for scene, m in zip(production.scenes, scene_minutes, strict=True)
                        if scene.is_night)
    capacity = calendar.num_days * s.standard_day_minutes
    load = f" ({total_minutes / capacity:.0%} of capacity)" if capacity else ""
    minors = sum(1 for member in production.cast if member.minor)
    span = (f"{calendar.dates[0]:%a %d %b %Y} to {calendar.dates[-1]:%a %d %b %Y}"
            if calendar.dates else "none")
    return [
        ("Scenes", str(len(production.scenes))),
        ("Pages", format_eighths(sum(scene.eighths for scene in production.scenes))),
        ("Estimated hours", f"{total_minutes / 60:.1f} h against {calendar.num_days} days x "
                            f"{s.standard_day_minutes / 60:g} h = {capacity / 60:g} h{load}"),
        ("Cast", f"{len(production.cast)}" + (f" ({minors} minor)" if minors else "")),
        ("Locations", str(len(production.locations))),
        ("Crew / equipment", f"{len(production.crew)} / {len(production.equipment)}"),
        ("Night share", f"{night_minutes / total_minutes:.0%} of the hours"
                        if total_minutes else "none"),
        ("Shoot days", f"{calendar.num_days}: {span}"),
        ("Constraints", str(len(production.constraints))),
    ]


def summary_warnings(production: Production) -> list[str]:
    """What is legal but worth a look before planning."""
    warnings = []
    capacity = production.calendar.num_days * production.settings.standard_day_minutes
    total = sum(production.scene_minutes(scene) for scene in production.scenes)
    if total > capacity:
        warnings.append(f"the scenes need {total / 60:.1f} h but the calendar holds "
                        f"{capacity / 60:g} standard hours; expect overtime or no schedule")
    long_scenes = [scene.id for scene in production.scenes if production.is_multi_day(scene)]
    if long_scenes:
        warnings.append(f"scenes longer than a day, shot alone over several days: "
                        f"{', '.join(long_scenes)}")
    return warnings


# ----- template ----------------------------------------------------------------------------------


@app.command()
def template(
    output: Annotated[Path, typer.Argument(metavar="OUT.xlsx", help="Where to write it.")],
    *,
    force: Annotated[bool, typer.Option("--force", "-f",
                                        help="Replace the file if it exists.")] = False,
) -> None:
    """Write a blank, annotated breakdown workbook to fill in."""
    if output.exists() and not force:
        _exit_with_message(f"{output} exists; use --force to replace it")
    if output.suffix.lower() != ".xlsx":
        _exit_with_message(f"{output}: the template is an Excel workbook; name it .xlsx")
    try:
        write_template(output)
    except OSError as error:
        _exit_with_message(f"cannot write {output}: {error.strerror or error}")
    _stdout().print(f"wrote {output}; fill in the Production and Scenes sheets, then run "
                    f"plan-shoot check {output}", markup=False, soft_wrap=True)


# ----- plan --------------------------------------------------------------------------------------


@app.command()
def plan(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.xlsx",
                                               help="The breakdown workbook.")],
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
) -> None:
    """Plan the cheapest shooting schedule of a breakdown workbook and write it."""
    production = read_or_exit(input_path)
    target = output or input_path.with_name(f"{input_path.stem}_schedule.xlsx")
    if target.resolve() == input_path.resolve():
        _exit_with_message(f"{target} is the input workbook; choose another output")
    config = SolverConfig(time_limit=time_limit or production.settings.time_limit_s,
                          workers=workers, seed=seed, deterministic=deterministic)
    result = _solve_live(production, config)
    risk = _score_risk(production, result, model_dir)
    try:
        written = write_schedule(production, result, target, risk=risk, input_path=input_path)
        if json_path is not None:
            json_text = schedule_to_json(production, result, risk=risk)
            save_text_atomically(json_path, json_text)
    except PlanShootError as error:
        _exit_with_message(str(error))
    except OSError as error:
        _exit_with_message(f"cannot write {target}: {error.strerror or error}")
    _print_result(production, result, written)
    if not result.status.has_solution:
        raise typer.Exit(EXIT_INFEASIBLE if result.status is SolveStatus.INFEASIBLE
                         else EXIT_NO_SCHEDULE)


def _solve_live(production: Production, config: SolverConfig) -> Result:
    """Solve with a live line of elapsed time, best cost, bound and gap; Ctrl-C keeps the best."""
    stop = threading.Event()
    latest: list[Progress] = []
    currency = production.settings.currency

    def status_line() -> Text:
        if not latest:
            return Text("searching for a first schedule...")
        now = latest[-1]
        gap = (now.objective - now.bound) / now.objective if now.objective else 0.0
        return Text(f"{now.elapsed:6.1f} s  best {to_money(now.objective):,} {currency}  "
                    f"bound {to_money(now.bound):,}  gap {gap:.1%}   (Ctrl-C keeps the best)")

    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        with Live(status_line(), console=_stderr(), refresh_per_second=4, transient=True) as live:
            def on_progress(progress: Progress) -> None:
                latest.append(progress)
                live.update(status_line())

            result = solve(production, config, on_progress=on_progress, stop=stop)
    finally:
        signal.signal(signal.SIGINT, previous)
    result.interrupted = result.interrupted or stop.is_set()
    return result


def _score_risk(production: Production, result: Result,
                model_dir: Path | None) -> RiskByDay | None:
    """Bottleneck probability and drivers of every planned day (None without a schedule)."""
    if result.solution is None:
        return None
    from .predict.model import load, load_default
    from .predict.risk import score_days

    try:
        model = load(model_dir) if model_dir else load_default()
    except (OSError, ValueError, PlanShootError) as error:
        _exit_with_message(f"cannot load the bottleneck model {model_dir}: {error}")
    return dict(score_days(Schedule(production, result.solution), model))


def _print_result(production: Production, result: Result, written: Path) -> None:
    console = _stdout()
    currency = production.settings.currency
    table = Table(title=production.settings.title, show_header=False)
    table.add_row("status", result.status.value + (" (stopped by you)" if result.interrupted
                                                   else ""))
    if result.objective is not None:
        table.add_row("total cost", f"{to_money(result.objective):,} {currency}")
    if result.lower_bound is not None:
        table.add_row("lower bound", f"{to_money(result.lower_bound):,} {currency}")
    if result.gap is not None:
        table.add_row("gap", f"{result.gap:.1%}")
    if result.solution is not None:
        schedule = Schedule(production, result.solution)
        table.add_row("shoot days", f"{schedule.wrap_day} (wrap "
                      f"{production.calendar.date_of(schedule.wrap_day):%a %d %b %Y})"
                      if schedule.wrap_day else "0")
        for category, amount in schedule.cost_by_category.items():
            if amount:
                table.add_row(f"  {category}", f"{to_money(amount):,}")
        table.add_row("cast hold days", str(schedule.total_hold_days))
        table.add_row("company moves", str(schedule.total_moves))
    if result.baseline_cost is not None and result.objective is not None:
        saving = result.baseline_cost - result.objective
        share = saving / result.baseline_cost if result.baseline_cost else 0.0
        table.add_row("conventional board", f"{to_money(result.baseline_cost):,} {currency}")
        table.add_row("saving", f"{to_money(saving):,} {currency} ({share:.1%})")
    table.add_row("runtime", f"{result.runtime:.1f} s")
    table.add_row("written", str(written))
    console.print(table)
    for conflict in result.conflicts:
        _stderr().print(f"- {conflict.rule.wording}: {conflict.message}", markup=False)


# ----- train and predict -------------------------------------------------------------------------


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
    from .predict.commands import train_command

    try:
        report = train_command(history, output, seed=seed)
    except InputError as error:
        _exit_with_problems(history, error)
    except (PlanShootError, OSError) as error:
        _exit_with_message(str(error))
    for line in report.lines():
        _stdout().print(line, markup=False)


@app.command()
def predict(
    days: Annotated[Path, typer.Argument(metavar="DAYS.xlsx",
                                         help="A workbook with a Days sheet.")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="SCORED.xlsx")],
    model_dir: Annotated[Path | None, typer.Option("--model", metavar="MODEL_DIR")] = None,
) -> None:
    """Score every day of a Days sheet: Bottleneck Probability and Flag."""
    from .predict.commands import predict_command

    try:
        summary = predict_command(days, model_dir, output)
    except InputError as error:
        _exit_with_problems(days, error)
    except (PlanShootError, OSError) as error:
        _exit_with_message(str(error))
    _stdout().print(f"wrote {summary.path}: {summary.flagged} of {summary.days} days flagged "
                    f"(threshold {summary.threshold:.2f})", markup=False)


# ----- entry point -------------------------------------------------------------------------------


def command_names() -> set[str]:
    """Names of the subcommands (``check``, ``plan``, ``template``)."""
    return {command.name or (command.callback.__name__ if command.callback else "")
            for command in app.registered_commands}


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry: ``plan-shoot INPUT.xlsx`` is ``plan-shoot plan INPUT.xlsx``."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((i for i, a in enumerate(args) if not a.startswith("-")), None)
    if first is not None and args[first] not in command_names() and _looks_like_file(args[first]):
        args.insert(first, "plan")
    app(args=args, prog_name="plan-shoot")


def _looks_like_file(argument: str) -> bool:
    return bool(Path(argument).suffix) or Path(argument).exists()
