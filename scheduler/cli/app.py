"""The ``plan-shoot`` Typer app, its global options, the options commands share, the consoles and
the one edge where the library's typed errors become messages and exit codes.

Exit codes follow ``spec/outputs.md``: 0 success, 1 input errors (every problem listed as
``Sheet!CELL: message`` on stderr), 2 proven infeasible, 3 no schedule within the time limit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.logging import RichHandler

from .. import __version__
from ..data import Production
from ..errors import InputError, PlanShootError
from ..inputs import read_production
from ..result import SolveStatus

logger = logging.getLogger("scheduler")

EXIT_INPUT_ERROR = 1
EXIT_INFEASIBLE = 2
EXIT_NO_SCHEDULE = 3

DEFAULTS_HELP = ("For a .uss input: a workbook with what USS lacks. Its Production sheet sets any "
                 "setting (pages_per_day, crew_day_cost, ...); rows of its Cast, Locations, Crew "
                 "and Equipment sheets whose id is an id, name or character of the file set "
                 "their columns (daily_rate, minor, ...), id * sets every row. A workbook "
                 "written by import-uss and filled in will do. Without it, placeholders apply "
                 "(listed in the Notes sheet).")

# ``--defaults`` of every command that reads a USS file.
DefaultsOption = Annotated[Path | None, typer.Option("--defaults", metavar="DEFAULTS.xlsx",
                                                     help=DEFAULTS_HELP)]
# The search's options, the same in every command that plans.
TimeLimitOption = Annotated[float | None, typer.Option(
    "--time-limit", min=0.1, help="Seconds of search (default: the workbook's time_limit_s).")]
WorkersOption = Annotated[int, typer.Option("--workers", min=0,
                                            help="Search workers; 0 = one per core.")]
DeterministicOption = Annotated[bool, typer.Option("--deterministic",
                                                   help="One worker, fixed seed: repeatable.")]

app = typer.Typer(
    name="plan-shoot",
    help="The cheapest shooting schedule that breaks no rule, from a breakdown workbook.",
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
)


def stdout() -> Console:
    """The console of results (a new one each time, so tests that capture stdout see it)."""
    return Console(highlight=False)


def stderr() -> Console:
    """The console of problems, notices and the live status line."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        stdout().print(f"plan-shoot {__version__}", markup=False)
        raise typer.Exit


@app.callback()
def _options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Plan a film or TV shoot from a breakdown workbook."""
    handler = RichHandler(console=stderr(), show_path=False, rich_tracebacks=False)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


# ----- the error edge ----------------------------------------------------------------------------


@contextmanager
def user_errors(reading: Path | str | None = None, *, writing: Path | None = None,
                failing: str | None = None, report_bugs: bool = False) -> Iterator[None]:
    """Turn the library's typed errors raised inside the block into a message and exit 1.

    This is the one place where errors become what a user reads; no traceback reaches a user
    for a bad file.

    Parameters
    ----------
    reading
        The file being read: its ``InputError`` problems are listed under its name.
    writing
        The file being written: an ``OSError`` names it (``cannot write OUT.xlsx: ...``).
    failing
        What fails, in words (``cannot load the bottleneck model ...``): the error's own text
        follows it.
    report_bugs
        Also turn an unexpected exception into a plea for a bug report instead of a traceback.
    """
    try:
        yield
    except InputError as error:
        _exit_with_problems(reading, error)
    except Exception as error:
        message = _message_of(error, reading=reading, writing=writing, failing=failing,
                              report_bugs=report_bugs)
        if message is None:
            raise
        refuse(message)


def read_checked(path: Path, uss_defaults: Path | None = None,
                 uss_board: str | None = None) -> Production:
    """The checked production of ``path`` (a workbook or a USS file, with the calendar of
    ``uss_board``); on input errors, list them and exit 1."""
    with user_errors(path, report_bugs=True):  # never a traceback for a user's file
        return read_production(path, uss_defaults=uss_defaults, uss_board=uss_board)


def _message_of(error: Exception, *, reading: Path | str | None, writing: Path | None,
                failing: str | None, report_bugs: bool) -> str | None:
    """What a user reads for an error that is not an ``InputError``; ``None`` lets it through."""
    if isinstance(error, typer.Exit):
        return None
    if isinstance(error, OSError) and writing is not None:
        return f"cannot write {writing}: {error.strerror or error}"
    # A model file LightGBM cannot parse raises ValueError: a user's file, when the step is named.
    if isinstance(error, PlanShootError | OSError) or (failing and isinstance(error, ValueError)):
        return f"{failing}: {error}" if failing else str(error)
    if report_bugs:
        logger.debug("unexpected error reading %s", reading, exc_info=error)
        return (f"{reading} could not be read ({type(error).__name__}: {error}); "
                "this is a bug in plan-shoot, please report it")
    return None


def _exit_with_problems(path: Path | str | None, error: InputError) -> NoReturn:
    console = stderr()
    count = len(error.problems)
    if any(problem.where for problem in error.problems):
        console.print(f"{count} problem{'s' if count != 1 else ''} in {path}:", markup=False,
                      style="bold red")
    for problem in error.problems:
        console.print(str(problem), markup=False)
    raise typer.Exit(EXIT_INPUT_ERROR) from None


def refuse(message: str) -> NoReturn:
    """Print why a command cannot go on and exit 1 (input errors)."""
    stderr().print(message, markup=False, style="red")
    raise typer.Exit(EXIT_INPUT_ERROR) from None


def exit_code(status: SolveStatus) -> int:
    """The exit code of a planning run that ended with ``status``."""
    if status.has_solution:
        return 0
    return EXIT_INFEASIBLE if status is SolveStatus.INFEASIBLE else EXIT_NO_SCHEDULE
