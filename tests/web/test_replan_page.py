"""Re-plan on the upload page: a solved job's plan revised with an edited breakdown."""

from __future__ import annotations

import io
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from scheduler.data import CalendarDayType, CalendarEntry
from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.reader import read_workbook
from scheduler.solution import Solution
from scheduler.web import create_app
from scheduler.web.jobs import Job
from scheduler.web.replanning import REPLAN_MARKER
from scheduler.web.solving import job_solver
from tests.helpers.web import csrf, web_settings

WAIT = 60.0


def _solved(client: TestClient, workbook: Path) -> Job:
    answer = client.post("/upload", files={"file": (workbook.name, workbook.read_bytes())},
                         data={"time_limit": "5", "csrf": csrf(client)}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return _finished(client, str(answer.headers["location"]))


def _finished(client: TestClient, job_url: str) -> Job:
    deadline = time.monotonic() + WAIT
    while not client.get(job_url + "/status").json()["finished"]:
        assert time.monotonic() < deadline, job_url
        time.sleep(0.05)
    job = client.app.state.web.queue.get(job_url.rsplit("/", 1)[-1])  # type: ignore[attr-defined]
    assert job is not None
    return job


def _solution(job: Job) -> Solution:
    assert job.plan is not None and job.plan.result.solution is not None
    return job.plan.result.solution


def _with_day_off(workbook: Path, lost: date, target: Path) -> Path:
    """The edited breakdown: the lost day an ``off`` row of its Calendar sheet."""
    production = read_workbook(workbook)
    entries = (*production.calendar_entries, CalendarEntry(date=lost, type=CalendarDayType.OFF))
    return write_breakdown(production.model_copy(update={"calendar_entries": entries}), target)


def _replan(client: TestClient, job: Job, workbook: Path, data: dict[str, Any],
            token: str | None = None) -> Any:
    form = {"csrf": token if token is not None else csrf(client, f"/jobs/{job.id}"), **data}
    return client.post(f"/jobs/{job.id}/replan", data=form,
                       files={"file": (workbook.name, workbook.read_bytes())},
                       follow_redirects=False)


def _lost_day_replan(client: TestClient, tiny_workbook: Path,
                     tmp_path: Path) -> tuple[Job, Job, date]:
    """Solve the tiny workbook, lose its last shoot day, re-plan from that day."""
    first = _solved(client, tiny_workbook)
    calendar = first.production.calendar
    last_day = max(_solution(first).start_day.values())
    assert last_day > 1, "the tiny plan should take two shoot days"
    lost = calendar.date_of(last_day)
    edited = _with_day_off(tiny_workbook, lost, tmp_path / "edited.xlsx")
    answer = _replan(client, first, edited, {"from": lost.isoformat(), "freeze": "0"})
    assert answer.status_code == 303, answer.text
    return first, _finished(client, str(answer.headers["location"])), lost


def test_a_lost_day_is_replanned_keeping_the_shot_scenes(client: TestClient,
                                                         tiny_workbook: Path,
                                                         tmp_path: Path) -> None:
    first, revised, lost = _lost_day_replan(client, tiny_workbook, tmp_path)
    before = {scene: first.production.calendar.date_of(day)
              for scene, day in _solution(first).start_day.items()}
    after = {scene: revised.production.calendar.date_of(day)
             for scene, day in _solution(revised).start_day.items()}
    shot = {scene for scene, when in before.items() if when < lost}
    lost_scenes = {scene for scene, when in before.items() if when == lost}
    assert shot and lost_scenes
    assert {scene: after[scene] for scene in shot} == {scene: before[scene] for scene in shot}
    assert all(after[scene] > lost for scene in lost_scenes)
    assert revised.changes is not None
    assert set(revised.changes.moved_scene_ids) == lost_scenes

    page = client.get(f"/jobs/{revised.id}")
    assert page.status_code == 200
    assert 'id="changes"' in page.text and "BLUE revision of" in page.text
    for scene in lost_scenes:  # listed with its old and new date, its strip marked moved
        assert f"<td>{scene}</td>" in page.text
        assert f"{before[scene]:%a} {before[scene].day} {before[scene]:%b %Y}" in page.text
        assert f"{after[scene]:%a} {after[scene].day} {after[scene]:%b %Y}" in page.text
    assert page.text.count("strip-") and page.text.count(" moved\"") == len(lost_scenes)
    assert 'id="change-costs"' in page.text


def test_the_revised_workbook_has_a_changes_sheet(client: TestClient, tiny_workbook: Path,
                                                  tmp_path: Path) -> None:
    _, revised, _ = _lost_day_replan(client, tiny_workbook, tmp_path)
    download = client.get(f"/jobs/{revised.id}/download/workbook")
    assert download.status_code == 200
    book = load_workbook(io.BytesIO(download.content), read_only=True)
    assert "Changes" in book.sheetnames


def test_a_replan_without_the_csrf_token_is_refused(client: TestClient, tiny_workbook: Path,
                                                    tmp_path: Path) -> None:
    first = _solved(client, tiny_workbook)
    jobs_before = len(client.app.state.web.queue.jobs())  # type: ignore[attr-defined]
    answer = _replan(client, first, tiny_workbook, {"from": "2026-03-02"}, token="")
    assert answer.status_code == 403
    assert len(client.app.state.web.queue.jobs()) == jobs_before  # type: ignore[attr-defined]


def test_a_bad_date_and_freeze_are_located_together(client: TestClient, tiny_workbook: Path,
                                                    tmp_path: Path) -> None:
    first = _solved(client, tiny_workbook)
    answer = _replan(client, first, tiny_workbook, {"from": "2026-13-45", "freeze": "-2"})
    assert answer.status_code == 422
    assert "<code>Re-plan from</code>: &#34;2026-13-45&#34; is not a date" in answer.text \
        or "<code>Re-plan from</code>: &quot;2026-13-45&quot; is not a date" in answer.text
    assert "<code>Freeze</code>" in answer.text
    assert f"/jobs/{first.id}" in answer.text  # the way back to the schedule
    leftovers = [path for path in Path(client.app.state.web.root).iterdir()  # type: ignore[attr-defined]
                 if (path / REPLAN_MARKER).exists()]
    assert leftovers == []


def test_a_date_after_the_plan_is_refused_with_the_plans_last_date(
        client: TestClient, tiny_workbook: Path) -> None:
    first = _solved(client, tiny_workbook)
    last = first.production.calendar.date_of(max(_solution(first).start_day.values()))
    answer = _replan(client, first, tiny_workbook, {"from": "2030-01-01"})
    assert answer.status_code == 422
    assert "<code>Re-plan from</code>" in answer.text
    assert f"{last:%a} {last.day} {last:%b %Y}: nothing is left to re-plan" in answer.text


def test_the_result_page_offers_the_replan_form(client: TestClient, tiny_workbook: Path) -> None:
    first = _solved(client, tiny_workbook)
    page = client.get(f"/jobs/{first.id}")
    assert f'action="/jobs/{first.id}/replan"' in page.text
    assert 'name="from"' in page.text and 'name="freeze"' in page.text
    assert 'id="changes"' not in page.text  # a first plan has no changes


def test_a_replan_job_done_before_a_restart_still_serves_its_revised_workbook(
        tmp_path: Path, tiny_workbook: Path) -> None:
    settings = web_settings(tmp_path, data_dir=tmp_path / "data", work_dir=None)
    with TestClient(create_app(settings)) as client:
        _, revised, _ = _lost_day_replan(client, tiny_workbook, tmp_path)
        before = client.get(f"/jobs/{revised.id}/download/workbook").content
    with TestClient(create_app(settings)) as client:
        assert client.get(f"/jobs/{revised.id}/status").json()["state"] == "done"
        after = client.get(f"/jobs/{revised.id}/download/workbook")
        assert after.status_code == 200 and after.content == before
        assert "Changes" in load_workbook(io.BytesIO(after.content), read_only=True).sheetnames


def test_a_replan_job_restored_unsolved_fails_instead_of_planning_from_scratch(
        tmp_path: Path, tiny_workbook: Path) -> None:
    folder = tmp_path / "job"
    folder.mkdir()
    (folder / REPLAN_MARKER).write_text("parent\n", encoding="utf-8")
    restored = Job("0" * 32, folder, read_workbook(tiny_workbook), tiny_workbook, "tiny.xlsx",
                   5.0)  # as ``JobQueue.restore`` makes it: no re-plan request
    with pytest.raises(RuntimeError, match="not re-run after a restart"):
        job_solver(web_settings(tmp_path))(restored)
    assert restored.plan is None and restored.files == {}


def test_a_lost_day_marked_on_the_page_is_replanned_like_an_edited_breakdown(
        client: TestClient, tiny_workbook: Path) -> None:
    first = _solved(client, tiny_workbook)
    last_day = max(_solution(first).start_day.values())
    lost = first.production.calendar.date_of(last_day)
    page = client.get(f"/jobs/{first.id}")
    assert f'action="/jobs/{first.id}/replan-marked"' in page.text
    answer = client.post(f"/jobs/{first.id}/replan-marked", follow_redirects=False,
                         data={"csrf": csrf(client, f"/jobs/{first.id}"),
                               "from": lost.isoformat(), "freeze": "0",
                               "lost": lost.isoformat()})
    assert answer.status_code == 303, answer.text
    revised = _finished(client, str(answer.headers["location"]))
    lost_scenes = {scene for scene, day in _solution(first).start_day.items() if day == last_day}
    assert revised.changes is not None
    assert set(revised.changes.moved_scene_ids) == lost_scenes
    assert lost not in {revised.production.calendar.date_of(day)
                        for day in _solution(revised).start_day.values()}


def test_marked_changes_not_understood_are_located_together(client: TestClient,
                                                            tiny_workbook: Path) -> None:
    first = _solved(client, tiny_workbook)
    answer = client.post(f"/jobs/{first.id}/replan-marked",
                         data={"csrf": csrf(client, f"/jobs/{first.id}"),
                               "from": "2026-03-02", "lost": "2026-03-03 yesterday",
                               "cast": "nobody", "unavailable": "2026-03-04"})
    assert answer.status_code == 422
    assert "<code>Lost days</code>: &#34;yesterday&#34; is not a date" in answer.text
    assert "<code>Cast member</code>: &#34;nobody&#34; is not on the Cast sheet" in answer.text
    missing = client.post(f"/jobs/{first.id}/replan-marked",
                          data={"from": "2026-03-02", "lost": "2026-03-03"})
    assert missing.status_code == 403


def test_a_job_without_a_schedule_cannot_be_replanned(client: TestClient,
                                                      infeasible_workbook: Path) -> None:
    proven = _solved(client, infeasible_workbook)
    assert proven.plan is not None and proven.plan.result.solution is None
    page = client.get(f"/jobs/{proven.id}")
    assert "/replan" not in page.text  # no form to offer
    answer = _replan(client, proven, infeasible_workbook, {"from": "2026-03-02"},
                     token=csrf(client))
    assert answer.status_code == 409
    assert "no schedule to re-plan" in answer.text
