"""``plan-shoot``: the command line, the only package that talks to the terminal.

``plan-shoot INPUT.xlsx`` means ``plan-shoot plan INPUT.xlsx``.  ``app`` holds the Typer object,
the shared options and the one edge where errors become exit codes; each command (or family of
commands) has its module and only parses, calls the library and prints.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

# Importing a command's module registers it: this order is the order of ``--help``.
# isort: off
from . import check, plan, replan, whatif, uss, script, evaluate, predict, serve
# isort: on
from .app import EXIT_INFEASIBLE, EXIT_INPUT_ERROR, EXIT_NO_SCHEDULE, app

__all__ = ["EXIT_INFEASIBLE", "EXIT_INPUT_ERROR", "EXIT_NO_SCHEDULE", "app", "command_names",
           "main"]


def command_names() -> set[str]:
    """Names of the subcommands (``check``, ``plan``, ``template``, ...)."""
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
