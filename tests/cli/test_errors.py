"""The one error edge of the CLI: typed errors become a message and exit 1, bugs stay bugs."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from scheduler.cli.app import EXIT_INPUT_ERROR, exit_code, user_errors
from scheduler.errors import InputError, PlanShootError, Problem
from scheduler.result import SolveStatus


def test_input_errors_are_listed_under_the_file_read(capsys: pytest.CaptureFixture[str]) -> None:
    """Tests the header naming the file and one line per located problem."""
    with pytest.raises(typer.Exit) as exited, user_errors(Path("in.xlsx")):
        raise InputError([Problem("Scenes!F2", "bad pages"), Problem("Cast!B3", "bad rate")])
    assert exited.value.exit_code == EXIT_INPUT_ERROR
    assert capsys.readouterr().err.splitlines() == [
        "2 problems in in.xlsx:", "Cast!B3: bad rate", "Scenes!F2: bad pages"]


def test_a_failed_write_names_the_file_written(capsys: pytest.CaptureFixture[str]) -> None:
    """Tests ``cannot write OUT: reason`` for an OSError, the text of any PlanShootError."""
    with pytest.raises(typer.Exit), user_errors(writing=Path("out.json")):
        raise FileNotFoundError(2, "No such file or directory")
    assert capsys.readouterr().err.strip() == "cannot write out.json: No such file or directory"
    with pytest.raises(typer.Exit), user_errors(writing=Path("out.json")):
        raise PlanShootError("out.json is the input")
    assert capsys.readouterr().err.strip() == "out.json is the input"


def test_unexpected_errors_pass_unless_reading_a_users_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Tests that a bug keeps its traceback, except while reading a user's file."""
    with pytest.raises(KeyError), user_errors(Path("in.xlsx")):
        raise KeyError("x")
    with pytest.raises(typer.Exit), user_errors(Path("in.xlsx"), report_bugs=True):
        raise KeyError("x")
    assert "in.xlsx could not be read (KeyError: 'x'); this is a bug" in capsys.readouterr().err


def test_exit_codes_of_a_planning_run() -> None:
    """Tests 0 with a schedule, 2 when proven infeasible, 3 when none was found in time."""
    assert exit_code(SolveStatus.FEASIBLE) == exit_code(SolveStatus.OPTIMAL) == 0
    assert exit_code(SolveStatus.INFEASIBLE) == 2
    assert exit_code(SolveStatus.NO_SOLUTION) == 3
