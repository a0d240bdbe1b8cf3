"""The ``plan-shoot`` entry (``scheduler.__main__.main``): a Ctrl-C that Typer turns into a
silent exit 130 (while reading, before the planner's own handling) is said in words."""

from __future__ import annotations

import threading

import pytest

import scheduler.cli
from scheduler.__main__ import EXIT_STOPPED, main
from scheduler.cli import interrupt


@pytest.fixture(autouse=True)
def not_stopped_by_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """No Ctrl-C in these tests: else ``main`` would end the test run with ``os._exit``."""
    monkeypatch.setattr(interrupt, "_user_stopped", threading.Event())


def test_a_ctrl_c_outside_the_planner_says_it_stopped(monkeypatch, capsys) -> None:
    def stopped_while_reading() -> None:
        raise SystemExit(EXIT_STOPPED)  # what Typer makes of a KeyboardInterrupt

    monkeypatch.setattr(scheduler.cli, "main", stopped_while_reading)
    with pytest.raises(SystemExit) as leaving:
        main()
    assert leaving.value.code == EXIT_STOPPED
    assert capsys.readouterr().err == "plan-shoot: stopped (Ctrl-C)\n"


def test_other_exits_pass_through_in_silence(monkeypatch, capsys) -> None:
    def refused() -> None:
        raise SystemExit(1)  # an input error, already reported

    monkeypatch.setattr(scheduler.cli, "main", refused)
    with pytest.raises(SystemExit) as leaving:
        main()
    assert leaving.value.code == 1
    assert capsys.readouterr().err == ""
