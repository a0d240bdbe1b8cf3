"""What-if jobs of ``plan-shoot serve --data DIR`` for real: stopped and started again, the
server still serves the comparison; killed mid-comparison, it solves the what-if job again
from its stored request at the next start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scheduler.excel.breakdown import write_breakdown
from tests.helpers.paths import EXAMPLES
from tests.helpers.web import (
    Browser,
    live_status,
    serve_process,
    stop_process,
    until_state,
    upload_to,
)
from tests.helpers.whatif import whatif_production


def _ask(browser: Browser, job: str, fields: dict[str, str]) -> str:
    answer = browser.post(job + "/whatif", {"csrf": browser.csrf(job), **fields})
    assert answer.status == 303, answer.text
    return answer.headers["location"]


def _scenarios(page: str) -> list[str]:
    body = page.split('id="comparison"')[1].split("<tbody>")[1].split("</tbody>")[0]
    return re.findall(r"<tr>\s*<td[^>]*>([^<]*)<", body)


@pytest.mark.slow
def test_stopped_and_started_again_the_server_still_serves_the_comparison(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    workbook = write_breakdown(whatif_production(), tmp_path / "whatif.xlsx")
    with serve_process(data) as (server, base):
        browser = Browser(base)
        job = upload_to(browser, workbook, "1")
        until_state(browser, job, "done")
        whatif = _ask(browser, job, {"cut_1": "4", "saturdays": "on"})
        until_state(browser, whatif, "done")
        before = browser.get(whatif + "/whatif/comparison").text
        assert _scenarios(browser.get(whatif).text) == ["base", "Saturdays", "cut 4"]
        errors = stop_process(server)
    assert "Traceback" not in errors

    with serve_process(data) as (server, base):
        browser = Browser(base)
        assert live_status(browser, whatif)["state"] == "done"
        assert _scenarios(browser.get(whatif).text) == ["base", "Saturdays", "cut 4"]
        after = browser.get(whatif + "/whatif/comparison")
        assert after.status == 200 and after.text == before
        stop_process(server)


@pytest.mark.slow
def test_a_whatif_job_cut_off_by_a_killed_server_is_solved_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with serve_process(data) as (server, base):
        browser = Browser(base)
        job = upload_to(browser, EXAMPLES / "short_film.xlsx", "3")
        until_state(browser, job, "done")
        whatif = _ask(browser, job, {"cut_1": "5", "saturdays": "on"})
        until_state(browser, whatif, "solving")
        server.kill()  # a crash: no clean-up at all

    with serve_process(data) as (server, base):
        browser = Browser(base)
        status = until_state(browser, whatif, "done")  # solved again from its request
        lines = status["scenarios"]
        assert isinstance(lines, list)
        assert [line["name"] for line in lines] == ["base", "Saturdays", "cut 5"]
        assert _scenarios(browser.get(whatif).text) == ["base", "Saturdays", "cut 5"]
        assert browser.get(whatif + "/whatif/schedules").status == 200
        stop_process(server)
