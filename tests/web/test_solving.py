"""A job through the API: solve, live status, result page, downloads, cancel, infeasible, no
schedule in time, failures, concurrent jobs, expiry."""

from __future__ import annotations

import json
import re
import threading
import time
from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.inputs import read_production
from scheduler.interop.uss import read_uss_boards, schedule_to_uss
from scheduler.planning import Plan
from scheduler.result import Result, SolveStatus
from scheduler.rules import Rule
from scheduler.solution import Solution
from scheduler.web import create_app
from scheduler.web import solving as solving_module
from tests.helpers.paths import EXAMPLES
from tests.helpers.web import csrf, web_settings, write_tiny_workbook

WAIT = 30.0


def _submit(client: TestClient, workbook: Path, time_limit: str = "5") -> str:
    response = client.post("/upload", files={"file": (workbook.name, workbook.read_bytes())},
                           data={"time_limit": time_limit, "csrf": csrf(client)},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def _status(client: TestClient, job_url: str) -> dict[str, Any]:
    response = client.get(job_url + "/status")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def _finished(client: TestClient, job_url: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT
    while not (status := _status(client, job_url))["finished"]:
        assert time.monotonic() < deadline, status
        time.sleep(0.05)
    return status


def test_a_solved_job_shows_its_board_and_offers_its_files(client: TestClient,
                                                           tiny_workbook: Path) -> None:
    job_url = _submit(client, tiny_workbook)
    status = _finished(client, job_url)
    assert status["state"] == "done"
    assert status["status"] == "optimal"
    assert status["gap"] == 0.0

    page = client.get(job_url)
    assert page.status_code == 200
    assert 'id="board"' in page.text
    workbook_response = client.get(job_url + "/download/workbook")
    assert workbook_response.status_code == 200
    assert "Tiny_b_Test_b_Co_schedule.xlsx" in workbook_response.headers["content-disposition"]
    workbook = openpyxl.load_workbook(BytesIO(workbook_response.content), read_only=True)
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    assert summary["status"] == "optimal"
    # The board shows every shoot day of the workbook, in order.
    days = [int(day) for day in re.findall(r'data-day="(\d+)"', page.text)]
    assert days == list(range(1, summary["shoot_days"] + 1))
    assert f"{summary['total_cost']:,.2f} USD" in page.text

    document = client.get(job_url + "/download/json")
    assert document.status_code == 200
    assert json.loads(document.text)["summary"]["status"] == "optimal"


def test_a_uss_upload_gets_its_file_back_with_the_schedule_as_one_more_board(
        client: TestClient, tiny_workbook: Path, tmp_path: Path) -> None:
    production = read_production(tiny_workbook)
    first_board = Solution(start_day={scene.id: 1 + n for n, scene in
                                      enumerate(production.scenes)})
    source = tmp_path / "from another tool.uss"
    source.write_text(schedule_to_uss(production, first_board, board_name="By hand"))

    job_url = _submit(client, source)
    assert _finished(client, job_url)["status"] == "optimal"
    response = client.get(job_url + "/download/uss")
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith('_schedule.uss"')
    returned = tmp_path / "returned.uss"
    returned.write_bytes(response.content)
    boards = read_uss_boards(returned)
    assert boards["By hand"] == first_board  # the user's board is kept
    assert len(boards) == 2


def test_a_uss_upload_that_names_no_project_is_titled_by_its_file_name(
        client: TestClient, tiny_workbook: Path, tmp_path: Path) -> None:
    production = read_production(tiny_workbook)
    document = json.loads(schedule_to_uss(production, Solution(start_day={}), board_name="x"))
    root = document["universalScheduleStandard"]
    for key in ("project", "name"):
        root.pop(key, None)
    source = tmp_path / "Harbour Lights.uss"
    source.write_text(json.dumps(document))

    job_url = _submit(client, source)
    _finished(client, job_url)
    page = client.get(job_url).text
    assert "Harbour Lights" in page
    assert "upload" not in re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)[0].lower()


def test_downloads_are_by_job_and_kind_only(client: TestClient, tiny_workbook: Path,
                                            tmp_path: Path) -> None:
    job_url = _submit(client, tiny_workbook)
    _finished(client, job_url)
    for kind in ("upload", "..%2Fupload.xlsx", "schedule.xlsx", "../../etc/passwd"):
        assert client.get(f"{job_url}/download/{kind}").status_code == 404
    unknown = client.get("/jobs/" + "0" * 32)
    assert unknown.status_code == 404
    assert "has expired" in unknown.text
    assert client.get("/jobs/" + "0" * 32 + "/status").json()["detail"]
    assert client.get("/jobs/not-an-id/download/workbook").status_code == 404


def test_cancel_stops_the_search_and_keeps_the_best_schedule(client: TestClient) -> None:
    job_url = _submit(client, EXAMPLES / "indie_feature.xlsx", time_limit="10")
    deadline = time.monotonic() + WAIT
    while _status(client, job_url)["best_cost"] is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    cancelled = client.post(job_url + "/cancel", data={"csrf": csrf(client)},
                            follow_redirects=False)
    assert cancelled.status_code == 303

    status = _finished(client, job_url)
    assert status["status"] in ("feasible", "optimal")
    assert status["interrupted"] is True
    assert status["elapsed"] < 9
    page = client.get(job_url).text
    assert "You stopped the search" in page
    assert client.get(job_url + "/download/workbook").status_code == 200


def test_an_infeasible_production_shows_why(client: TestClient,
                                            infeasible_workbook: Path) -> None:
    job_url = _submit(client, infeasible_workbook)
    status = _finished(client, job_url)
    assert status["status"] == "infeasible"
    page = client.get(job_url).text
    assert "Why no schedule exists" in page
    assert Rule.SAME_DAY.wording in page
    assert 'id="board"' not in page
    assert client.get(job_url + "/download/workbook").status_code == 200
    assert client.get(job_url + "/download/uss").status_code == 404  # no schedule to send
    assert "Solve the same workbook again" not in page  # more time cannot help a proof


def test_no_schedule_in_time_says_so_and_offers_more_time(
        client: TestClient, tiny_workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_schedule(production: Production, config: SolverConfig, **_: Any) -> Plan:
        return Plan(Result(SolveStatus.NO_SOLUTION, runtime=config.time_limit), None)

    monkeypatch.setattr(solving_module, "plan_production", no_schedule)
    job_url = _submit(client, tiny_workbook, time_limit="4")
    assert _finished(client, job_url)["status"] == "no solution"
    page = client.get(job_url).text
    assert "No schedule was found in 4 s" in page
    assert 'action="/jobs/' in page and '/again"' in page
    assert 'value="8"' in page  # twice the time for the second try

    monkeypatch.undo()
    refused = client.post(job_url + "/again",
                          data={"time_limit": "forever", "csrf": csrf(client)})
    assert refused.status_code == 400
    assert "The time limit is not valid" in refused.text
    again = client.post(job_url + "/again", data={"time_limit": "5", "csrf": csrf(client)},
                        follow_redirects=False)
    assert again.status_code == 303
    assert again.headers["location"] != job_url
    assert _finished(client, again.headers["location"])["status"] == "optimal"


def test_a_failure_on_our_side_is_a_page_not_a_traceback(
        client: TestClient, tiny_workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any, **__: Any) -> Plan:
        raise ZeroDivisionError("secret internals")

    monkeypatch.setattr(solving_module, "plan_production", broken)
    job_url = _submit(client, tiny_workbook)
    assert _finished(client, job_url)["state"] == "failed"
    page = client.get(job_url)
    assert page.status_code == 500
    assert "The solve failed" in page.text
    assert "secret internals" not in page.text
    assert "Traceback" not in page.text


def test_a_request_that_crashes_is_a_page_with_the_security_headers(tmp_path: Path) -> None:
    app = create_app(web_settings(tmp_path))

    @app.get("/crash")
    def crash() -> None:
        raise ZeroDivisionError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/crash")
    assert page.status_code == 500
    assert "Something went wrong" in page.text
    assert "secret internals" not in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_waiting_jobs_see_their_place_in_line(client: TestClient, tiny_workbook: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    go = threading.Event()
    real_plan = solving_module.plan_production

    def held(production: Production, config: SolverConfig, **options: Any) -> Plan:
        go.wait(WAIT)
        return real_plan(production, config, **options)

    monkeypatch.setattr(solving_module, "plan_production", held)
    urls = [_submit(client, tiny_workbook) for _ in range(3)]  # one solver: two wait
    deadline = time.monotonic() + WAIT
    while _status(client, urls[0])["state"] != "solving":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert [_status(client, url)["position"] for url in urls] == [None, 1, 2]
    assert "Place in line: <b id=\"position\">2</b>" in client.get(urls[2]).text
    assert "1 solve running, 2 waiting" in client.get("/").text

    client.post(urls[1] + "/cancel", data={"csrf": csrf(client)})
    assert _status(client, urls[1])["state"] == "cancelled"
    assert _status(client, urls[2])["position"] == 1
    go.set()
    assert _finished(client, urls[2])["status"] == "optimal"
    assert _finished(client, urls[0])["status"] == "optimal"


def test_concurrent_jobs_solve_two_at_a_time_each_to_its_own_files(tmp_path: Path) -> None:
    workbooks = [write_tiny_workbook(tmp_path / f"tiny{n}.xlsx") for n in range(4)]
    app = create_app(web_settings(tmp_path, max_running=2))
    with TestClient(app) as client:
        urls: list[str] = []
        csrf(client)  # one visit cookie before the threads share the client
        uploads = [threading.Thread(target=lambda wb=wb: urls.append(_submit(client, wb)))
                   for wb in workbooks]
        for thread in uploads:
            thread.start()
        for thread in uploads:
            thread.join()
        assert len(set(urls)) == 4
        statuses = [_finished(client, url) for url in urls]
        assert {status["status"] for status in statuses} == {"optimal"}
        jobs = app.state.web.queue.jobs()
        assert all(client.get(url + "/download/workbook").status_code == 200 for url in urls)
        folders = {job.folder for job in jobs}
        assert len(folders) == 4
        expected = {"upload.xlsx", "schedule.xlsx", "schedule.json", "schedule.uss"}
        assert all({path.name for path in folder.iterdir()} == expected for folder in folders)
    assert not any(folder.exists() for folder in folders)  # none outlives the server
    # Never more than two solves at once: count overlaps at every start.
    spans = [(job.started_at, job.finished_at) for job in jobs]
    assert max(sum(1 for s, f in spans if s <= start < f) for start, _ in spans) <= 2


def test_files_are_removed_after_the_set_time(tmp_path: Path, tiny_workbook: Path) -> None:
    settings = web_settings(tmp_path, keep_seconds=1.0, sweep_seconds=0.05)
    with TestClient(create_app(settings)) as client:
        job_url = _submit(client, tiny_workbook)
        _finished(client, job_url)
        folder = tmp_path / "jobs" / job_url.rsplit("/", 1)[1]
        assert (folder / "schedule.xlsx").exists()
        deadline = time.monotonic() + WAIT
        while folder.exists():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert client.get(job_url).status_code == 404
        assert client.get(job_url + "/download/workbook").status_code == 404
