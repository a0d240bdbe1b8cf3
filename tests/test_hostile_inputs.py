"""The same hostile files fed to every command that reads a file.

Each case (``tests/helpers/hostile.py``: XXE, entity bomb, a zip bomb of empty rows, the same
without ``<dimension>``, a truncated zip, CSV/XLS/ODS renamed ``.xlsx`` and under their own
names, an empty file, 200,000 rows, 40,000-character cells, NaN and
inf in number cells, the years 1900 and 9999, a merged header, duplicate sheet names) goes to
``check``, ``plan``, ``train``, ``predict`` and ``evaluate --schedule``; the USS cases (not JSON,
deep nesting, huge numbers, empty) go to ``import-uss`` and ``plan``.  Every run must end with
exit 1 and one clear message, no traceback, the input unchanged (sha256) and nothing left in its
folder, not even a hidden temporary file.

The default run feeds every case in-process (``CliRunner``).  The slow run also feeds the
expensive cases to the installed ``plan-shoot`` in a subprocess, bounded in time (a hang fails
the test) and measured in memory.
"""

from __future__ import annotations

import hashlib
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scheduler.cli import EXIT_INPUT_ERROR, app
from tests.helpers.hostile import (
    BREAKDOWN,
    DAYS,
    MODEL_CASES,
    SCHEDULE,
    USS_CASES,
    WORKBOOK_CASES,
    BaseWorkbook,
    Case,
)
from tests.helpers.paths import EXAMPLES

runner = CliRunner()

SUBPROCESS_SECONDS = 120  # the bound on a subprocess run; the reader refuses in about a second
SUBPROCESS_MAX_RSS_MB = 1000


@dataclass(frozen=True)
class Command:
    """A command that reads a file: its name, the base workbook its input spoils, and its
    arguments for an input in a folder."""

    name: str
    base: BaseWorkbook
    arguments: Callable[[Path, Path], list[str]]  # (input, its folder) -> arguments


def _evaluate_arguments(path: Path, folder: Path) -> list[str]:
    production = folder / "production.xlsx"
    shutil.copyfile(EXAMPLES / "short_film.xlsx", production)
    return ["evaluate", str(production), "--schedule", str(path)]


WORKBOOK_COMMANDS = (
    Command("check", BREAKDOWN, lambda path, _: ["check", str(path)]),
    Command("plan", BREAKDOWN, lambda path, folder: [
        "plan", str(path), "-o", str(folder / "out.xlsx"), "--json", str(folder / "out.json"),
        "--time-limit", "1"]),
    Command("train", DAYS, lambda path, folder: ["train", str(path), "-o", str(folder / "model")]),
    Command("predict", DAYS, lambda path, folder: [
        "predict", str(path), "-o", str(folder / "scored.xlsx")]),
    Command("evaluate", SCHEDULE, _evaluate_arguments),
)
USS_COMMANDS = {
    "import-uss": lambda path, folder: ["import-uss", str(path), "-o",
                                        str(folder / "breakdown.xlsx")],
    "plan": lambda path, folder: ["plan", str(path), "-o", str(folder / "out.xlsx"),
                                  "--time-limit", "1"],
}
# The cases whose cost is in the reading, worth bounding in a subprocess.
EXPENSIVE_CASES = ("zip-bomb", "200000-rows", "entity-bomb")


def _digest(path: Path) -> str:
    """The sha256 of a file, or of a folder's files and their names."""
    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
        digest.update(str(file.relative_to(path)).encode() + file.read_bytes())
    return digest.hexdigest()


def _listing(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def _run_in_process(arguments: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, arguments)
    # CliRunner keeps an exception that escaped the command; only typer's exits are clean
    escaped = result.exception
    assert escaped is None or isinstance(escaped, SystemExit), repr(escaped)
    return result.exit_code, result.output


def _run_subprocess(arguments: list[str]) -> tuple[int, str]:
    completed = subprocess.run([sys.executable, "-m", "scheduler", *arguments],
                               capture_output=True, text=True, timeout=SUBPROCESS_SECONDS,
                               check=False)
    return completed.returncode, completed.stdout + completed.stderr


def _assert_clean_refusal(build: Callable[[Path], Path], arguments: Callable[[Path, Path],
                          list[str]], message: str, folder: Path,
                          run: Callable[[list[str]], tuple[int, str]]) -> None:
    """Run a command on a hostile file and assert everything a clean refusal means."""
    folder.mkdir()
    path = build(folder / "input")
    args = arguments(path, folder)
    before, digest = _listing(folder), _digest(path)
    code, output = run(args)
    assert code == EXIT_INPUT_ERROR, output
    assert "Traceback" not in output, output
    assert path.name in output, output  # the message names the file given
    assert re.search(message, output), output
    assert _digest(path) == digest  # the input is never modified
    assert _listing(folder) == before  # no output, no half-written temporary file


def _workbook_case(case: Case, base: BaseWorkbook) -> Callable[[Path], Path]:
    return lambda path: case.build(base, path.with_suffix(case.suffix))


# Reading the 20,000 rows up to the cap takes each command 5-8 s on a shared machine: `check`
# reads them in the default run, the other commands in the slow one.
SLOW_CASES = ("200000-rows",)
WORKBOOK_RUNS = [pytest.param(case, command, id=f"{command.name}-{case.name}",
                              marks=[pytest.mark.slow] if case.name in SLOW_CASES
                              and command.name != "check" else [])
                 for command in WORKBOOK_COMMANDS for case in WORKBOOK_CASES]
USS_RUNS = [pytest.param(build, USS_COMMANDS[name], message, id=f"{name}-uss-{case}")
            for name in USS_COMMANDS for case, build, message in USS_CASES]


@pytest.mark.parametrize(("case", "command"), WORKBOOK_RUNS)
def test_a_hostile_workbook_is_refused_cleanly(case: Case, command: Command,
                                               tmp_path: Path) -> None:
    """Tests exit 1, the case's one message, no traceback, input unchanged, nothing left."""
    _assert_clean_refusal(_workbook_case(case, command.base), command.arguments, case.message,
                          tmp_path / "run", _run_in_process)


@pytest.mark.parametrize(("build", "arguments", "message"), USS_RUNS)
def test_a_hostile_uss_file_is_refused_cleanly(build: Callable[[Path], Path],
                                               arguments: Callable[[Path, Path], list[str]],
                                               message: str, tmp_path: Path) -> None:
    """Tests the same for a USS file that is not JSON, too deep, or holds a huge number."""
    _assert_clean_refusal(lambda path: build(path.with_suffix(".uss")), arguments, message,
                          tmp_path / "run", _run_in_process)


def _model_arguments(command: str) -> Callable[[Path, Path], list[str]]:
    """Arguments of ``predict`` or ``plan`` with a valid input and the hostile ``--model``."""
    def arguments(model: Path, folder: Path) -> list[str]:
        if command == "predict":
            days = shutil.copyfile(EXAMPLES / "history" / "history.xlsx", folder / "days.xlsx")
            return ["predict", str(days), "--model", str(model), "-o",
                    str(folder / "scored.xlsx")]
        production = shutil.copyfile(EXAMPLES / "short_film.xlsx", folder / "production.xlsx")
        return ["plan", str(production), "--model", str(model), "-o", str(folder / "out.xlsx"),
                "--time-limit", "1"]
    return arguments


MODEL_RUNS = [pytest.param(build, _model_arguments(command), message, id=f"{command}-{case}")
              for command in ("predict", "plan") for case, build, message in MODEL_CASES]


@pytest.mark.parametrize(("build", "arguments", "message"), MODEL_RUNS)
def test_a_hostile_model_folder_is_refused_cleanly(build: Callable[[Path], Path],
                                                   arguments: Callable[[Path, Path], list[str]],
                                                   message: str, tmp_path: Path) -> None:
    """Tests the same for a ``--model`` folder whose files are too big, not text, not JSON."""
    _assert_clean_refusal(build, arguments, message, tmp_path / "run", _run_in_process)


@pytest.mark.slow
@pytest.mark.parametrize(("case", "command"), [
    run for run in WORKBOOK_RUNS if run.values[0].name in EXPENSIVE_CASES])  # type: ignore[union-attr]
def test_the_expensive_cases_are_refused_in_bounded_time_and_memory(
        case: Case, command: Command, tmp_path: Path) -> None:
    """Tests the cases whose cost is in the reading in a subprocess: refused before the time
    bound, under ``SUBPROCESS_MAX_RSS_MB`` (the peak of every child run so far)."""
    _assert_clean_refusal(_workbook_case(case, command.base), command.arguments, case.message,
                          tmp_path / "run", _run_subprocess)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kb / 1024 < SUBPROCESS_MAX_RSS_MB
