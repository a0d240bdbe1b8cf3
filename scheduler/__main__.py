"""``python -m scheduler`` and the ``plan-shoot`` command.

``main`` installs its Ctrl-C handling before the command line loads: loading it imports the
solver, LightGBM and pandas, which takes seconds, and a Ctrl-C meanwhile would otherwise print
a ``KeyboardInterrupt`` traceback from deep inside one of them.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

# The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_STOPPED = 130


def main() -> None:
    """Load the command line with Ctrl-C quitting cleanly, then run it."""
    signal.signal(signal.SIGINT, _quit_while_starting)
    from .cli import main as run_command_line  # the slow imports
    from .cli.interrupt import stopped_by_user

    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run_command_line()
    except SystemExit as leaving:
        if stopped_by_user():
            _exit_without_teardown(leaving.code)
        if leaving.code == EXIT_STOPPED:  # Typer's exit for a KeyboardInterrupt, in silence
            sys.stderr.write("plan-shoot: stopped (Ctrl-C)\n")
        raise
    if stopped_by_user():
        _exit_without_teardown(0)


def _exit_without_teardown(code: object) -> NoReturn:
    """Exit now, after Ctrl-C, when everything is written: the interpreter's teardown of the
    solver, LightGBM and scikit-learn takes about a second more, and the user is waiting for
    the prompt.  No child process or open output is left to clean up at that point."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


def _quit_while_starting(signum: int, frame: FrameType | None) -> None:
    """Quit at once: nothing has been read or written yet, and an exception raised here would
    unwind through a half-imported library."""
    sys.stderr.write("plan-shoot: stopped while starting (Ctrl-C); nothing was done\n")
    sys.stderr.flush()
    os._exit(EXIT_STOPPED)


if __name__ == "__main__":
    main()
