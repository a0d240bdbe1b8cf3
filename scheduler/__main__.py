"""``python -m scheduler`` and the ``plan-shoot`` command.

``main`` installs its Ctrl-C handling before the command line loads: loading it imports the
solver, LightGBM and pandas, which takes seconds, and a Ctrl-C meanwhile would otherwise print
a ``KeyboardInterrupt`` traceback from deep inside one of them.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

# The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_STOPPED = 130


def main() -> None:
    """Load the command line with Ctrl-C quitting cleanly, then run it."""
    signal.signal(signal.SIGINT, _quit_while_starting)
    from .cli import main as run_command_line  # the slow imports

    signal.signal(signal.SIGINT, signal.default_int_handler)
    run_command_line()


def _quit_while_starting(signum: int, frame: FrameType | None) -> None:
    """Quit at once: nothing has been read or written yet, and an exception raised here would
    unwind through a half-imported library."""
    sys.stderr.write("plan-shoot: stopped while starting (Ctrl-C); nothing was done\n")
    sys.stderr.flush()
    os._exit(EXIT_STOPPED)


if __name__ == "__main__":
    main()
