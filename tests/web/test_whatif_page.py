"""The result page's "What if..." panel: the form read into scenarios (every problem at its
field), a what-if job end to end (the table side by side, the workbooks), CSRF, the time each
solve gets, and a restart."""

from __future__ import annotations

import io
import json
import re
import threading
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pydantic import ValidationError

from scheduler.excel.breakdown import write_breakdown
from scheduler.web import create_app
from scheduler.web.jobs import Job
from scheduler.web.solving import job_solver
from scheduler.web.whatif_form import WhatIfRefused, read_whatif_form
from scheduler.web.whatif_jobs import (
    COMPARISON_NAME,
    PLANNED_SHARE,
    ComparisonSnapshot,
    make_request,
    planned_seconds,
    save_request,
    scenario_time_limit,
    watch_deadline,
)
from scheduler.web.whatif_view import TABLE_COLUMNS
from scheduler.whatif import ChangeKind, Effect
from scheduler.whatif.workbook import COMPARISON_COLUMNS
from tests.helpers.paths import EXAMPLES
from tests.helpers.web import csrf, web_settings
from tests.helpers.whatif import whatif_production

WAIT = 60.0


@pytest.fixture
def whatif_workbook(tmp_path: Path) -> Path:
    return write_breakdown(whatif_production(), tmp_path / "whatif.xlsx")


def _finished(client: TestClient, job_url: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT
    while not (status := client.get(job_url + "/status").json())["finished"]:
        assert time.monotonic() < deadline, job_url
        time.sleep(0.05)
    result: dict[str, Any] = status
    return result


def _solved(client: TestClient, workbook: Path) -> str:
    answer = client.post("/upload", files={"file": (workbook.name, workbook.read_bytes())},
                         data={"time_limit": "1", "csrf": csrf(client)},
                         follow_redirects=False)
    assert answer.status_code == 303, answer.text
    job_url = str(answer.headers["location"])
    assert _finished(client, job_url)["state"] == "done"
    return job_url


def _ask(client: TestClient, job_url: str, fields: dict[str, str],
         token: str | None = None) -> Any:
    data = {"csrf": token if token is not None else csrf(client, job_url), **fields}
    return client.post(job_url + "/whatif", data=data, follow_redirects=False)


def _table(page: str) -> list[list[str]]:
    """The comparison table's body: each row's cells as the page writes them."""
    body = page.split('id="comparison"')[1].split("<tbody>")[1].split("</tbody>")[0]
    return [[cell.strip() for cell in re.findall(r"<td[^>]*>([^<]*)<", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def _queued(client: TestClient) -> int:
    return len(client.app.state.web.queue.jobs())  # type: ignore[attr-defined]


# ----- the form ------------------------------------------------------------------------------


def test_each_row_becomes_a_scenario_of_its_change() -> None:
    production = whatif_production()
    asked = read_whatif_form(production, {
        "cast_1": "1", "cast_from_1": "2026-03-02", "cast_2": "1", "cast_to_2": "2026-03-09",
        "saturdays": "on",
        "location_1": "L1", "location_from_1": "2026-03-09", "cut_1": "4, 6",
        "suggest": "on", "suggest_count": "2"})
    by_name = {scenario.name: scenario for scenario in asked.scenarios}
    assert len(by_name) == 5
    window = by_name["Actor 1 window"].changes[0]
    assert (window.kind, window.target, window.window) == (
        ChangeKind.AVAILABLE, "1", (date(2026, 3, 2), None))
    assert window.effect is Effect.RELAXING  # the actor arrived on Wednesday
    # A date left empty keeps that end of the current window (from Wednesday 4 Mar).
    ending = by_name["Actor 1 window 2"].changes[0]
    assert ending.window == (date(2026, 3, 4), date(2026, 3, 9))
    assert ending.effect is Effect.RESTRICTING
    saturdays = by_name["Saturdays"].changes[0]
    assert (saturdays.kind, saturdays.target, saturdays.value) == (
        ChangeKind.SETTING, "work_week", (0, 1, 2, 3, 4, 5))
    assert saturdays.effect is Effect.MIXED  # the crew is paid each calendar shoot day
    lost = by_name["lose Location L1"].changes[0]
    assert lost.kind is ChangeKind.UNAVAILABLE and lost.effect is Effect.RESTRICTING
    assert lost.dates == tuple(when for when in production.calendar.dates
                               if when >= date(2026, 3, 9))
    cut = by_name["cut 4, 6"].changes[0]
    assert (cut.kind, cut.scenes, cut.effect) == (ChangeKind.CUT, ("4", "6"), Effect.RELAXING)
    assert asked.suggest == 2


def test_every_problem_of_the_form_is_found_at_once_at_its_field() -> None:
    with pytest.raises(WhatIfRefused) as refused:
        read_whatif_form(whatif_production(), {
            "cast_1": "1", "cast_from_1": "2026-03-20", "cast_to_1": "2026-03-10",
            "cast_2": "nobody", "cast_from_2": "2026-03-02",
            "cast_from_1_": "ignored", "location_1": "L1",
            "location_from_2": "2026-03-02", "cut_1": "4, 99", "cut_2": "not a date",
            "suggest": "on", "suggest_count": "50"})
    at = {problem.field: problem.message for problem in refused.value.problems}
    assert set(at) == {"cast_to_1", "cast_2", "location_from_1", "location_2", "cut_1",
                       "cut_2", "suggest_count"}
    assert "before" in at["cast_to_1"]
    assert '"nobody" is not on the Cast sheet' in at["cast_2"]
    assert at["location_2"] == "choose the location lost"
    assert "scene 99 not on the Scenes sheet" in at["cut_1"]
    assert "give 1 to 5" in at["suggest_count"]


def test_dates_and_empty_forms_are_refused_in_words() -> None:
    production = whatif_production()
    with pytest.raises(WhatIfRefused) as empty:
        read_whatif_form(production, {})
    assert [str(problem) for problem in empty.value.problems] == [
        "fill in at least one row, or tick Suggest"]
    with pytest.raises(WhatIfRefused) as dated:
        read_whatif_form(production, {"cast_1": "2", "cast_from_1": "2026-02-30",
                                      "location_1": "L2", "location_from_1": "2027-01-01",
                                      "cut_1": ", ".join(scene.id for scene in
                                                         production.scenes)})
    at = {problem.field: problem.message for problem in dated.value.problems}
    assert at["cast_from_1"] == '"2026-02-30" is not a date; write YYYY-MM-DD'
    assert "after the last shoot date" in at["location_from_1"]
    assert "every scene would be cut" in at["cut_1"]


def test_each_solve_gets_the_parent_limit_or_less_so_that_the_job_fits_the_longest_solve(
        ) -> None:
    assert scenario_time_limit(30, 600, 2, 0) == 30  # 3 solves of 30 s fit 600 s
    for asked, longest, scenarios, suggest in ((60, 600, 7, 0), (60, 600, 7, 5),
                                                (600, 600, 1, 0), (30, 120, 4, 0),
                                                (10, 600, 7, 5)):
        limit = scenario_time_limit(asked, longest, scenarios, suggest)
        assert 1 <= limit <= asked
        assert planned_seconds(limit, scenarios, suggest) <= longest * PLANNED_SHARE
        if limit < asked:  # the most that fits, to a tenth of a second
            assert planned_seconds(limit + 0.1, scenarios, suggest) > longest * PLANNED_SHARE
    # Too many solves for the longest solve: the floor, and the deadline stops the rest.
    assert scenario_time_limit(10, 10, 7, 5) == 1


def test_the_deadline_stops_the_solves_and_says_so() -> None:
    user_stop, stop, finished, reached = (threading.Event() for _ in range(4))
    watch_deadline(user_stop, stop, finished, reached, 0.05)
    assert stop.is_set() and reached.is_set()
    user_stop, stop, finished, reached = (threading.Event() for _ in range(4))
    user_stop.set()
    watch_deadline(user_stop, stop, finished, reached, 60)
    assert stop.is_set() and not reached.is_set()


# ----- the page ------------------------------------------------------------------------------


def test_a_refused_form_shows_each_problem_next_to_its_field_and_queues_nothing(
        client: TestClient, whatif_workbook: Path) -> None:
    job_url = _solved(client, whatif_workbook)
    page = client.get(job_url)
    assert 'id="whatif-form"' in page.text and 'name="cast_from_2"' in page.text
    jobs = _queued(client)
    refused = _ask(client, job_url, {"cast_1": "1", "cut_1": "99", "location_from_1": "x"})
    assert refused.status_code == 422
    marked = dict(re.findall(r'data-field="([a-z_0-9]+)">([^<]*)<', refused.text))
    assert set(marked) == {"cast_from_1", "cut_1", "location_1", "location_from_1"}
    assert "scene 99 not on the Scenes sheet" in marked["cut_1"]
    assert '<option value="1" selected>' in refused.text  # what was filled in is kept
    assert 'value="99"' in refused.text
    assert _queued(client) == jobs


def test_a_whatif_without_the_csrf_token_is_refused(client: TestClient,
                                                    whatif_workbook: Path) -> None:
    job_url = _solved(client, whatif_workbook)
    jobs = _queued(client)
    for token in ("", "0" * 32):
        refused = _ask(client, job_url, {"cut_1": "4"}, token=token)
        assert refused.status_code == 403
    assert _queued(client) == jobs


def test_a_whatif_job_prices_the_scenarios_side_by_side(client: TestClient,
                                                        whatif_workbook: Path) -> None:
    job_url = _solved(client, whatif_workbook)
    asked = _ask(client, job_url, {"cut_1": "4", "location_1": "L1",
                                   "location_from_1": "2026-03-09"})
    assert asked.status_code == 303, asked.text
    whatif_url = str(asked.headers["location"])
    # The live lines come over the job's events (the stream ends when the job is finished).
    stream = client.get(whatif_url + "/events")
    events = [json.loads(line.removeprefix("data: ")) for line in stream.text.splitlines()
              if line.startswith("data: ")]
    status = events[-1]
    assert status["finished"] is True and status["state"] == "done"
    assert all("scenarios" in event for event in events)
    assert [line["name"] for line in status["scenarios"]] == [  # in the form's order
        "base", "lose Location L1", "cut 4"]
    assert all(line["state"] == "done" for line in status["scenarios"])

    page = client.get(whatif_url)
    assert page.status_code == 200
    headers = re.findall(r"<th>([^<]*)</th>", page.text.split('id="comparison"')[1])
    assert tuple(headers[:len(TABLE_COLUMNS)]) == TABLE_COLUMNS == COMPARISON_COLUMNS
    rows = _table(page.text)
    assert [row[0] for row in rows] == ["base", "lose Location L1", "cut 4"]
    assert 'id="whatif-form"' not in page.text  # no what-if of a what-if

    workbook = client.get(whatif_url + "/whatif/comparison")
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.content))["Comparison"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == COMPARISON_COLUMNS
    costs = {row[0]: row[3] for row in values[1:]}
    assert set(costs) == {"base", "cut 4", "lose Location L1"}
    assert costs["cut 4"] <= costs["base"] <= costs["lose Location L1"]  # relaxing, restricting
    shown = {row[0]: row[3] for row in rows}
    assert shown["base"] == f"{costs['base']:,.2f} USD"

    archive = zipfile.ZipFile(io.BytesIO(client.get(whatif_url + "/whatif/schedules").content))
    assert "COMPARISON.xlsx" in archive.namelist()
    assert {"COMPARISON_base.xlsx", "COMPARISON_cut_4.xlsx"} <= set(archive.namelist())
    scenario = client.get(whatif_url + "/whatif/schedule/2")
    assert scenario.status_code == 200
    assert "Schedule" in load_workbook(io.BytesIO(scenario.content)).sheetnames
    assert client.get(whatif_url + "/whatif/schedule/9").status_code == 404
    assert _ask(client, whatif_url, {"cut_1": "4"},
                token=csrf(client, job_url)).status_code == 409


def test_a_whatif_job_survives_a_restart(tmp_path: Path, whatif_workbook: Path) -> None:
    settings = web_settings(tmp_path, data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        job_url = _solved(client, whatif_workbook)
        asked = _ask(client, job_url, {"saturdays": "on"})
        whatif_url = str(asked.headers["location"])
        _finished(client, whatif_url)
        table = _table(client.get(whatif_url).text)
        assert [row[0] for row in table] == ["base", "Saturdays"]
        workbook = client.get(whatif_url + "/whatif/comparison").content

    with TestClient(create_app(settings)) as client:
        status = client.get(whatif_url + "/status").json()
        assert status["state"] == "done"
        page = client.get(whatif_url)
        assert page.status_code == 200
        assert _table(page.text) == table
        assert client.get(whatif_url + "/whatif/comparison").content == workbook
        assert 'id="whatif-form"' in client.get(job_url).text


def test_a_whatif_job_restored_before_its_solve_is_solved_from_its_stored_request(
        tmp_path: Path) -> None:
    """What the queue does with a what-if job that was waiting when the server stopped: the
    job comes back without its run in memory, and its folder's request is solved."""
    settings = web_settings(tmp_path)
    production = whatif_production()
    folder = tmp_path / "job"
    folder.mkdir()
    asked = read_whatif_form(production, {"cut_1": "2"})
    save_request(folder, make_request("0" * 32, asked.scenarios, 0, 1.0, settings))
    upload = write_breakdown(production, folder / "upload.xlsx")
    job = Job("1" * 32, folder, production, upload, "whatif.xlsx", settings.max_time_limit)
    job_solver(settings)(job)
    assert job.whatif is not None and job.whatif.comparison is not None
    assert [row.scenario for row in job.whatif.comparison.rows] == ["base", "cut 2"]
    assert job.plan is not None and job.plan.result.schedule is not None
    assert (folder / COMPARISON_NAME).is_file()


def test_a_whatif_job_stopped_at_once_is_done_with_every_scenario_stopped(
        tmp_path: Path) -> None:
    settings = web_settings(tmp_path)
    production = whatif_production()
    folder = tmp_path / "job"
    folder.mkdir()
    asked = read_whatif_form(production, {"saturdays": "on"})
    save_request(folder, make_request("0" * 32, asked.scenarios, 0, 1.0, settings))
    upload = write_breakdown(production, folder / "upload.xlsx")
    job = Job("2" * 32, folder, production, upload, "whatif.xlsx", settings.max_time_limit)
    job.stop.set()  # the Stop button, before the base started
    job_solver(settings)(job)
    assert job.whatif is not None and job.whatif.comparison is not None
    comparison = job.whatif.comparison
    assert comparison.interrupted and not comparison.deadline_reached
    assert [row.status for row in comparison.rows] == ["stopped", "stopped"]
    # A plan without a schedule, so the job is stored (and restored) as done.
    assert job.plan is not None and job.plan.result.schedule is None


def test_a_damaged_comparison_is_not_shown_after_a_restart(tmp_path: Path,
                                                          whatif_workbook: Path) -> None:
    settings = web_settings(tmp_path, data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        job_url = _solved(client, whatif_workbook)
        whatif_url = str(_ask(client, job_url, {"cut_1": "4"}).headers["location"])
        _finished(client, whatif_url)
    stored = tmp_path / "data" / "jobs" / whatif_url.rsplit("/", 1)[1] / COMPARISON_NAME
    stored.write_text(stored.read_text().replace('"rows"', '"lines"'), encoding="utf-8")
    with TestClient(create_app(settings)) as client:
        assert client.get(whatif_url + "/status").json()["state"] == "done"
        page = client.get(whatif_url)
        assert page.status_code == 500 and "cannot be read back" in page.text
        assert 'id="comparison"' not in page.text
        assert client.get(whatif_url + "/whatif/comparison").status_code == 200
        assert client.get(whatif_url + "/whatif/schedule/0").status_code == 404


def test_suggest_adds_the_relaxation_that_saves_the_most(client: TestClient,
                                                         whatif_workbook: Path) -> None:
    job_url = _solved(client, whatif_workbook)
    asked = _ask(client, job_url, {"suggest": "on", "suggest_count": "1"})
    assert asked.status_code == 303, asked.text
    whatif_url = str(asked.headers["location"])
    status = _finished(client, whatif_url)
    lines = [line["name"] for line in status["scenarios"]]
    assert lines[0] == "base"
    assert len(lines) > 2 and all(name.endswith("(suggestion)") for name in lines[1:])
    rows = _table(client.get(whatif_url).text)
    assert len(rows) == 2 and rows[0][0] == "base"
    assert "(relaxing)" in rows[1][1]
    assert rows[1][4].startswith("-") or rows[1][4] == "0.00 USD"  # never dearer than the base


@pytest.mark.parametrize("field, value", [
    ("total_cost", "1e999999"), ("total_cost", "NaN"), ("schedule_file", "../upload.xlsx"),
    ("schedule_file", "a/COMPARISON_base.xlsx"), ("shoot_days", -1)])
def test_a_stored_comparison_with_an_unreasonable_value_is_refused(field: str,
                                                                   value: object) -> None:
    row = {"scenario": "base", "changes": "", "effect": "", "status": "optimal",
           "total_cost": "100.00", "change_vs_base": "0", "shoot_days": 3,
           "wrap_date": "2026-03-04", "cast_hold_days": 0, "company_moves": 1,
           "expected_bottleneck_days": 0.1, "lower_bound": "90", "runtime": 1.0, "notes": [],
           "schedule_file": "COMPARISON_base.xlsx"}
    snapshot = {"currency": "USD", "time_limit": 1, "where": "this process", "runtime": 2,
                "interrupted": False, "deadline_reached": False, "rows": [row]}
    assert ComparisonSnapshot.model_validate_json(json.dumps(snapshot)).rows[0].total_cost
    with pytest.raises(ValidationError):
        ComparisonSnapshot.model_validate_json(json.dumps(
            {**snapshot, "rows": [{**row, field: value}]}))


def test_a_whatif_job_waits_in_the_same_line_and_the_planner_may_be_busy(
        tmp_path: Path, whatif_workbook: Path) -> None:
    settings = web_settings(tmp_path, max_running=1, max_waiting=0)
    with TestClient(create_app(settings)) as client:
        job_url = _solved(client, whatif_workbook)
        # The only solver busy with another production, and no room to wait: busy.
        other = client.post("/upload", files={"file": (
            "short_film.xlsx", (EXAMPLES / "short_film.xlsx").read_bytes())},
            data={"time_limit": "10", "csrf": csrf(client)}, follow_redirects=False)
        other_url = str(other.headers["location"])
        deadline = time.monotonic() + WAIT
        while client.get(other_url + "/status").json()["state"] != "solving":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        busy = _ask(client, job_url, {"cut_1": "4"})
        assert busy.status_code == 503 and "busy" in busy.text
        assert len(list((tmp_path / "jobs").iterdir())) == 2  # no what-if folder left behind
        client.post(other_url + "/cancel", data={"csrf": csrf(client, other_url)})
        _finished(client, other_url)
        # The solver free again: the same what-if is accepted.
        assert _ask(client, job_url, {"cut_1": "4"}).status_code == 303
