"""``plan-shoot``: the command line, the only module that talks to the terminal.

``plan-shoot INPUT.xlsx`` means ``plan-shoot plan INPUT.xlsx``; ``check`` reads and checks a
breakdown workbook, ``template`` writes a blank one.  Exit codes follow ``spec/outputs.md``:
0 success, 1 input errors (every problem listed as ``Sheet!CELL: message`` on stderr).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table
from rich.text import Text

from . import __version__
from .data import Production
from .errors import InputError, PlanShootError
from .excel.parse import format_eighths
from .excel.reader import read_workbook
from .excel.template import write_template

logger = logging.getLogger("scheduler")

EXIT_INPUT_ERROR = 1

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
) -> None:
    """Plan the cheapest shooting schedule of a breakdown workbook."""
    read_or_exit(input_path)
    _exit_with_message("plan-shoot plan is not implemented yet; run plan-shoot check for now")


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
