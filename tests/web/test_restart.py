"""``plan-shoot serve --data DIR`` for real: stopped and started again, it still has its jobs; killed
mid-solve, it solves the job again at the next start."""

from __future__ import annotations

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


@pytest.mark.slow
def test_stopped_and_started_again_the_server_still_serves_the_schedule(
        tmp_path: Path, tiny_workbook: Path) -> None:
    data = tmp_path / "data"
    with serve_process(data) as (server, base):
        browser = Browser(base)
        job = upload_to(browser, tiny_workbook, "5")
        assert until_state(browser, job, "done")["status"] == "optimal"
        before = browser.get(job + "/download/json").text
        errors = stop_process(server)
    assert "Traceback" not in errors

    with serve_process(data) as (server, base):
        browser = Browser(base)
        assert live_status(browser, job)["state"] == "done"
        after = browser.get(job + "/download/json")
        assert after.status == 200
        assert after.text == before
        assert "board" in browser.get(job).text
        stop_process(server)


@pytest.mark.slow
def test_a_job_cut_off_by_a_killed_server_is_solved_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with serve_process(data) as (server, base):
        browser = Browser(base)
        job = upload_to(browser, EXAMPLES / "indie_feature.xlsx", "60")
        until_state(browser, job, "solving")
        server.kill()  # a crash: no clean-up at all

    with serve_process(data) as (server, base):
        browser = Browser(base)
        until_state(browser, job, "solving")  # solved again from the kept upload
        stopped = browser.post(job + "/cancel", {"csrf": browser.csrf(job)})
        assert stopped.status == 303
        status = until_state(browser, job, "done")
        assert status["interrupted"] is True
        assert browser.get(job + "/download/workbook").status == 200
        stop_process(server)
