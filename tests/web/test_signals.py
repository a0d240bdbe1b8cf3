"""Ctrl-C on ``plan-shoot serve --data DIR`` at every moment (idle, mid-solve, after a solve): a
graceful shutdown, a running solve stopped with its best schedule, every job kept for the next
start."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from tests.helpers.paths import EXAMPLES
from tests.helpers.web import (
    Browser,
    live_status,
    serve_process,
    stop_process,
    until_state,
    upload_to,
)

# D1/D2 of the reliability probe: CP-SAT installs its own SIGINT handler in every solve, so Ctrl-C
# once a job has been solved aborts the server (std::bad_function_call). The fix is in
# scheduler/model/ (catch_sigint_signal off), on another branch; until it lands these may fail.
CP_SAT_SIGINT = pytest.mark.xfail(reason="D1/D2: CP-SAT's SIGINT handler (fixed in "
                                         "scheduler/model/)", strict=False)

# Stopping a solve takes the solver a moment, then the downloads are written: seconds, not the
# rest of the time limit.
STOP_SECONDS = 20.0


def _ctrl_c(server: object) -> tuple[str, float]:
    started = time.monotonic()
    errors = stop_process(server, signal.SIGINT)  # type: ignore[arg-type]
    return errors, time.monotonic() - started


@pytest.mark.slow
def test_ctrl_c_when_idle(tmp_path: Path) -> None:
    with serve_process(tmp_path / "data") as (server, _):
        errors, _ = _ctrl_c(server)
    assert "Traceback" not in errors
    assert "bad_function_call" not in errors


@pytest.mark.slow
@CP_SAT_SIGINT
def test_ctrl_c_after_a_solve_keeps_the_job(tmp_path: Path, tiny_workbook: Path) -> None:
    data = tmp_path / "data"
    with serve_process(data) as (server, base):
        browser = Browser(base)
        job = upload_to(browser, tiny_workbook, "5")
        until_state(browser, job, "done")
        errors, _ = _ctrl_c(server)
    assert "Traceback" not in errors
    with serve_process(data) as (server, base):
        assert live_status(Browser(base), job)["state"] == "done"
        _ctrl_c(server)


@pytest.mark.slow
@CP_SAT_SIGINT
def test_ctrl_c_mid_solve_stops_it_with_its_best_schedule(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with serve_process(data) as (server, base):
        browser = Browser(base)
        job = upload_to(browser, EXAMPLES / "indie_feature.xlsx", "120")
        until_state(browser, job, "solving")
        time.sleep(2)  # into the search (on a busy machine maybe before its first schedule)
        errors, seconds = _ctrl_c(server)
    assert "Traceback" not in errors
    assert seconds < STOP_SECONDS
    with serve_process(data) as (server, base):
        browser = Browser(base)
        status = live_status(browser, job)
        assert status["state"] == "done"
        assert status["interrupted"] is True
        assert browser.get(job + "/download/workbook").status == 200
        _ctrl_c(server)
