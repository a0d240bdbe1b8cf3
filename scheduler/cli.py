"""``plan-shoot``: the command line, the only module that talks to the terminal.

``plan-shoot INPUT.xlsx`` means ``plan-shoot plan INPUT.xlsx``; ``check`` reads and checks a
breakdown workbook, ``template`` writes a blank one.  Exit codes follow ``spec/outputs.md``:
0 success, 1 input errors (every problem listed as ``Sheet!CELL: message`` on stderr).
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

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
from .evaluate import BoardReport
from .excel.parse import format_eighths
from .excel.template import write_template
from .excel.writer import write_schedule
from .export_json import schedule_to_json
from .files import save_text_atomically
from .inputs import is_uss, read_production
from .result import Progress, Result, SolveStatus
from .solution import Schedule, Solution, to_money

if TYPE_CHECKING:  # the planner and the model load LightGBM: only when a command needs them
    from .planning import Plan
    from .predict.model import TrainedModel
    from .predict.risk import DayRisk

logger = logging.getLogger("scheduler")

EXIT_INPUT_ERROR = 1
EXIT_INFEASIBLE = 2
EXIT_NO_SCHEDULE = 3
MAX_BREAKS_SHOWN = 12  # rule breaks of a board listed on screen

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


def read_or_exit(path: Path, uss_defaults: Path | None = None,
                 uss_board: str | None = None) -> Production:
    """The checked production of ``path`` (a workbook or a USS file, with the calendar of
    ``uss_board``); on input errors, list them and exit 1."""
    try:
        return read_production(path, uss_defaults=uss_defaults, uss_board=uss_board)
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
    defaults: Annotated[Path | None, typer.Option("--defaults", metavar="DEFAULTS.xlsx",
                                                  help=DEFAULTS_HELP)] = None,
    risk_blind: Annotated[bool, typer.Option("--risk-blind",
                                             help="Plan for cost alone: no risk rounds.")
                          ] = False,
) -> None:
    """Plan the cheapest shooting schedule of a breakdown workbook (or USS file) and write it."""
    production = read_or_exit(input_path, defaults)
    target = output or input_path.with_name(f"{input_path.stem}_schedule.xlsx")
    if target.resolve() == input_path.resolve():
        _exit_with_message(f"{target} is the input workbook; choose another output")
    config = SolverConfig(time_limit=time_limit or production.settings.time_limit_s,
                          workers=workers, seed=seed, deterministic=deterministic)
    plan = _plan_live(production, config, _load_model(model_dir), risk_aware=not risk_blind)
    result, risk = plan.result, plan.risk
    try:
        written = write_schedule(production, result, target, risk=risk, input_path=input_path)
        if json_path is not None:
            json_text = schedule_to_json(production, result, risk=risk)
            save_text_atomically(json_path, json_text)
        if uss_path is not None and result.solution is not None:
            _write_uss(production, result.solution, uss_path, input_path)
    except PlanShootError as error:
        _exit_with_message(str(error))
    except OSError as error:
        _exit_with_message(f"cannot write {target}: {error.strerror or error}")
    _print_result(production, result, written, risk)
    if not result.status.has_solution:
        raise typer.Exit(EXIT_INFEASIBLE if result.status is SolveStatus.INFEASIBLE
                         else EXIT_NO_SCHEDULE)


def _plan_live(production: Production, config: SolverConfig, model: TrainedModel,
               risk_aware: bool) -> Plan:
    """Plan with a live line of elapsed time, best cost, bound and gap; Ctrl-C keeps the best."""
    from .planning import plan_production

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
        with Live(status_line(), console=_stderr(), refresh_per_second=4, transient=True) as live:
            def on_progress(progress: Progress) -> None:
                latest.append(progress)
                live.update(status_line())

            plan = plan_production(production, config, model=model, risk_aware=risk_aware,
                                   on_progress=on_progress, stop=stop)
    finally:
        signal.signal(signal.SIGINT, previous)
    return plan  # plan_production counts the stop in ``result.interrupted``


def _load_model(model_dir: Path | None) -> TrainedModel:
    """The bottleneck model of ``--model``, or the shipped one."""
    from .predict.model import load, load_default

    try:
        return load(model_dir) if model_dir else load_default()
    except InputError as error:
        _exit_with_problems(model_dir or Path("default model"), error)
    except (OSError, ValueError, PlanShootError) as error:
        _exit_with_message(f"cannot load the bottleneck model {model_dir}: {error}")


def _print_result(production: Production, result: Result, written: Path,
                  risk: Mapping[int, DayRisk] | None = None) -> None:
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
                      + _at_least(result.least_shoot_days) if schedule.wrap_day else "0")
        for category, amount in schedule.cost_by_category.items():
            if amount:
                bound = result.bound_by_category.get(category)
                table.add_row(f"  {category}", f"{to_money(amount):,}" + _at_least(
                    None if bound is None else f"{to_money(bound):,}"))
        table.add_row("cast hold days", str(schedule.total_hold_days))
        table.add_row("company moves", str(schedule.total_moves))
    if risk:
        flagged = [str(day) for day, forecast in risk.items() if forecast.flag]
        expected = sum(forecast.probability for forecast in risk.values())
        table.add_row("likely bottleneck days", ", ".join(flagged) or "none")
        table.add_row("expected bottleneck days", f"{expected:.2f}")
    if result.risk_premium:
        table.add_row("risk premium", f"{to_money(result.risk_premium):,} {currency}")
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


def _at_least(bound: object) -> str:
    """The counting bound beside a figure of the schedule: where the gap lies."""
    return "" if bound is None else f"  (at least {bound})"


def _write_uss(production: Production, solution: Solution, target: Path,
               input_path: Path) -> None:
    """The schedule as a USS stripboard: added to the input when it is a USS file."""
    from .interop.uss import new_board_name, write_uss

    source = input_path if is_uss(input_path) else None
    board = new_board_name(source)
    write_uss(production, solution, target, source=source, board_name=board)
    _stdout().print(f'wrote {target}: stripboard "{board}"', markup=False)


# ----- USS: import and evaluate ------------------------------------------------------------------

DEFAULTS_HELP = ("For a .uss input: a workbook with what USS lacks. Its Production sheet sets any "
                 "setting (pages_per_day, crew_day_cost, ...); rows of its Cast, Locations, Crew "
                 "and Equipment sheets whose id is an id, name or character of the file set "
                 "their columns (daily_rate, minor, ...), id * sets every row. A workbook "
                 "written by import-uss and filled in will do. Without it, placeholders apply "
                 "(listed in the Notes sheet).")


@app.command("import-uss")
def import_uss_command(
    input_path: Annotated[Path, typer.Argument(metavar="FILE.uss",
                                               help="A Universal Schedule Standard file.")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="BREAKDOWN.xlsx",
                                         help="The breakdown workbook to write.")],
    defaults: Annotated[Path | None, typer.Option("--defaults", metavar="DEFAULTS.xlsx",
                                                  help=DEFAULTS_HELP)] = None,
    board: Annotated[str | None, typer.Option("--board", metavar="NAME",
                                              help="The stripboard whose calendar and number "
                                                   "of days to take (default: the first with "
                                                   "day breaks).")] = None,
) -> None:
    """Turn a USS file into a breakdown workbook; the Notes sheet says what was assumed."""
    from .excel.breakdown import write_breakdown

    if output.suffix.lower() != ".xlsx":
        _exit_with_message(f"{output}: the breakdown is an Excel workbook; name it .xlsx")
    if not is_uss(input_path):
        _exit_with_message(f"{input_path}: import-uss reads Universal Schedule Standard files, "
                           "named .uss; rename it if it is one")
    production = read_or_exit(input_path, defaults, board)
    try:
        write_breakdown(production, output)
    except OSError as error:
        _exit_with_message(f"cannot write {output}: {error.strerror or error}")
    defaults_used = sum(1 for notice in production.notices if notice.startswith("default:"))
    _stdout().print(f"wrote {output}: {len(production.scenes)} scenes, "
                    f"{format_eighths(sum(s.eighths for s in production.scenes))} pages, "
                    f"{len(production.cast)} cast, {len(production.locations)} locations, "
                    f"a calendar of {production.calendar.num_days} shoot days from "
                    f"{production.settings.start_date:%a %d %b %Y}; {defaults_used} defaults "
                    f"applied (sheet Notes). Next: plan-shoot check {output}",
                    markup=False, soft_wrap=True)


@app.command()
def evaluate(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT",
                                               help="The breakdown: a workbook or a .uss file.")],
    *,
    board: Annotated[str | None, typer.Option("--board", metavar="NAME",
                                              help="A stripboard of the USS input (or of the "
                                                   "USS file given with --schedule).")] = None,
    schedule_path: Annotated[Path | None, typer.Option("--schedule", metavar="FILE",
                                                       help="A schedule workbook plan-shoot "
                                                            "wrote, or a USS file's "
                                                            "stripboard.")] = None,
    defaults: Annotated[Path | None, typer.Option("--defaults", metavar="DEFAULTS.xlsx",
                                                  help=DEFAULTS_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the evaluation as JSON "
                                                         "(and nothing else) on stdout.")
                       ] = False,
) -> None:
    """Days, cast holds, moves, rule breaks and cost of a board someone built, under our rules
    and costs."""
    from .evaluate import evaluate_board

    if board is None and schedule_path is None:
        _exit_with_message("give the board to evaluate: --board NAME (a stripboard of a USS "
                           "input) or --schedule FILE")
    if board is not None and schedule_path is None and not is_uss(input_path):
        _exit_with_message(f"--board names a stripboard of a USS file; {input_path} is not one "
                           "(use --schedule FILE)")
    uses_input_board = schedule_path is None and is_uss(input_path)
    production = read_or_exit(input_path, defaults, board if uses_input_board else None)
    solution, name = _board_or_exit(input_path, board, schedule_path)
    report = evaluate_board(production, solution, name)
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(production.settings.currency), indent=2,
                                    ensure_ascii=False) + "\n")
        return
    _print_board(production, report)


def _board_or_exit(input_path: Path, board: str | None,
                   schedule_path: Path | None) -> tuple[Solution, str]:
    """The board to evaluate and its name."""
    from .interop.schedule_workbook import read_schedule_workbook
    from .interop.uss import read_uss_board, read_uss_boards

    source = schedule_path or input_path
    try:
        if not is_uss(source):
            return read_schedule_workbook(source), source.name
        if board is not None:
            return read_uss_board(source, board), board
        boards = read_uss_boards(source)
    except InputError as error:
        _exit_with_problems(source, error)
    except PlanShootError as error:
        _exit_with_message(str(error))
    if len(boards) != 1:
        names = ", ".join(f'"{name}"' for name in boards) or "none"
        _exit_with_message(f"{source} has {len(boards)} stripboards with shoot days ({names}); "
                           "choose one with --board NAME")
    name, solution = next(iter(boards.items()))
    return solution, name


def _print_board(production: Production, report: BoardReport) -> None:
    console = _stdout()
    currency = production.settings.currency
    table = Table(title=Text(f"{production.settings.title}: {report.name}"), show_header=False,
                  title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("value")
    wrap = (f" (wrap {production.calendar.date_of(report.wrap_day):%a %d %b %Y})"
            if 1 <= report.wrap_day <= production.calendar.num_days else "")
    table.add_row("shoot days", f"{report.shoot_days}{wrap}")
    table.add_row("cast work days", str(report.cast_work_days))
    table.add_row("cast hold days", str(report.cast_hold_days))
    table.add_row("company moves", str(report.company_moves))
    for category, amount in report.cost_by_category.items():
        if amount:
            table.add_row(f"  {category}", f"{to_money(amount):,}")
    table.add_row("total cost", f"{to_money(report.total_cost):,} {currency}")
    breaks = ", ".join(f"{rule.value} {count}" for rule, count in report.breaks_by_rule.items())
    table.add_row("rule breaks", Text(f"{len(report.violations)}: {breaks}" if breaks else "none"))
    if report.unscheduled:
        table.add_row("not on the board", Text(", ".join(report.unscheduled)))
    console.print(table)
    shown = report.violations[:MAX_BREAKS_SHOWN]
    for violation in shown:
        console.print(f"- {violation}", markup=False, soft_wrap=True)
    if len(report.violations) > len(shown):
        console.print(f"... and {len(report.violations) - len(shown)} more (--json lists "
                      "them all)", markup=False)


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


# ----- serve -------------------------------------------------------------------------------------


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this "
                                                     "machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """The upload page: drop a breakdown workbook in a browser, get the schedule back."""
    from .web import serve as serve_app

    _stdout().print(f"plan-shoot upload page on http://{host}:{port} (Ctrl-C stops)",
                    markup=False)
    serve_app(host, port)


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
