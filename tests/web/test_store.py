"""Jobs kept across restarts: a finished job is still downloadable, an unfinished one is solved
again (at most twice), expiry sweeps the disk and the database together, and what a crash leaves
is tidied at the next start."""

from __future__ import annotations

import json
import pickle
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from scheduler.config import SolverConfig
from scheduler.planning import plan_production
from scheduler.web import create_app
from scheduler.web.jobs import Job, JobQueue, JobState, new_job_id
from scheduler.web.store import (
    DATABASE_NAME,
    MAX_ATTEMPTS,
    PLAN_SNAPSHOT,
    PRODUCTION_SNAPSHOT,
    JobStore,
    StoreError,
)
from tests.helpers.productions import production, scene
from tests.helpers.web import csrf, web_settings

WAIT = 30.0


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the expected state did not come")
        time.sleep(0.01)


def _submit(client: TestClient, workbook: Path) -> str:
    response = client.post("/upload", files={"file": (workbook.name, workbook.read_bytes())},
                           data={"time_limit": "5", "csrf": csrf(client)},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def _finished(client: TestClient, job_url: str) -> dict[str, Any]:
    status: dict[str, Any] = {}

    def done() -> bool:
        status.update(client.get(job_url + "/status").json())
        return bool(status["finished"])

    _until(done)
    return status


def _rows(data: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data / DATABASE_NAME) as database:
        return [(str(row[0]), str(row[1]))
                for row in database.execute("SELECT id, state FROM jobs ORDER BY queued_at")]


def test_a_solved_job_is_downloadable_after_a_restart(tmp_path: Path,
                                                      tiny_workbook: Path) -> None:
    settings = web_settings(tmp_path, data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        job_url = _submit(client, tiny_workbook)
        assert _finished(client, job_url)["status"] == "optimal"
        before = client.get(job_url + "/download/workbook").content
        page_before = client.get(job_url).text

    # A new server on the same data folder: the job, its page and its files are all there.
    with TestClient(create_app(settings)) as client:
        status = client.get(job_url + "/status").json()
        assert status["state"] == "done"
        assert status["status"] == "optimal"
        assert status["downloads"] == ["workbook", "json", "uss"]
        page = client.get(job_url)
        assert page.status_code == 200
        assert 'id="board"' in page.text
        assert page.text.count('class="day') == page_before.count('class="day')
        after = client.get(job_url + "/download/workbook")
        assert after.status_code == 200
        assert after.content == before
    assert (tmp_path / "data" / "jobs" / job_url.rsplit("/", 1)[1] / "upload.xlsx").is_file()


def test_the_database_is_in_wal_mode(tmp_path: Path) -> None:
    JobStore(tmp_path).close()
    with sqlite3.connect(tmp_path / DATABASE_NAME) as database:
        assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


class Recorder:
    """A work function that records the jobs it solves; ``hold`` keeps them solving."""

    def __init__(self, hold: bool = False) -> None:
        self.solved: list[str] = []
        self.hold = hold
        self.lock = threading.Lock()

    def __call__(self, job: Job) -> None:
        with self.lock:
            self.solved.append(job.id)
        while self.hold and not job.stop.wait(0.01):
            pass


def _job(store: JobStore) -> Job:
    job_id = new_job_id()
    folder = store.jobs_dir / job_id
    folder.mkdir(mode=0o700)
    (folder / "upload.xlsx").write_bytes(b"workbook")
    return Job(job_id, folder, production([scene("1")]), folder / "upload.xlsx", "w.xlsx", 5.0)


def _queue(store: JobStore, work: Callable[[Job], None], **changes: Any) -> JobQueue:
    values: dict[str, Any] = {"max_running": 1, "max_waiting": 5, "keep_seconds": 600}
    values.update(changes)
    return JobQueue(work, store=store, **values)


def test_jobs_cut_off_by_a_crash_are_solved_again_at_most_twice(tmp_path: Path) -> None:
    # The first server takes a job into its solve and leaves one waiting, then "crashes": its
    # queue is never closed, so the store still says solving and waiting.
    # Crashed servers hold no lock: the stores of this test do not take it.
    store = JobStore(tmp_path, exclusive=False)
    crashed = [_queue(store, Recorder(hold=True))]
    solving, waiting = _job(store), _job(store)
    crashed[0].submit(solving)
    crashed[0].submit(waiting)
    _until(lambda: solving.state is JobState.SOLVING)
    assert _rows(tmp_path) == [(solving.id, "solving"), (waiting.id, "waiting")]
    try:
        # The second start solves both again; it crashes too, during the same job.
        crashed.append(_queue(JobStore(tmp_path, exclusive=False), Recorder(hold=True)))
        assert crashed[1].restore() == 2
        _until(lambda: crashed[1].get(solving.id).state is JobState.SOLVING)  # type: ignore[union-attr]

        # The third start does not try that job again: it may be what stops the server.
        finishing = Recorder()
        final = _queue(JobStore(tmp_path, exclusive=False), finishing)
        assert final.restore() == 1
        assert final.get(solving.id).state is JobState.FAILED  # type: ignore[union-attr]
        _until(lambda: final.get(waiting.id).state is JobState.DONE)  # type: ignore[union-attr]
        final.close()
        assert finishing.solved == [waiting.id]
        assert dict(_rows(tmp_path)) == {solving.id: "failed", waiting.id: "done"}
        assert solving.upload.is_file()  # an interrupted job keeps its upload
        assert MAX_ATTEMPTS == 2
    finally:
        for queue in crashed:
            queue.close(timeout=1)


def test_expiry_sweeps_the_database_and_the_disk_together_across_a_restart(
        tmp_path: Path) -> None:
    wall = [1_000_000.0]
    store = JobStore(tmp_path, wall_clock=lambda: wall[0])
    queue = _queue(store, Recorder())
    old, young = _job(store), _job(store)
    queue.submit(old)
    _until(lambda: old.state is JobState.DONE)
    wall[0] += 500
    queue.submit(young)
    _until(lambda: young.state is JobState.DONE)
    queue.close()
    assert old.folder.is_dir()  # a kept job outlives its server

    wall[0] += 200  # old is 700 s old, young 200 s: only old has expired (keep 600 s)
    restarted = _queue(JobStore(tmp_path, wall_clock=lambda: wall[0]), Recorder())
    restarted.restore()
    assert restarted.get(old.id) is None
    assert not old.folder.exists()
    assert restarted.get(young.id) is not None
    assert young.folder.is_dir()
    assert _rows(tmp_path) == [(young.id, "done")]
    restarted.close()


def test_a_start_tidies_what_a_crash_left(tmp_path: Path) -> None:
    store = JobStore(tmp_path)
    queue = _queue(store, Recorder())
    kept, gone = _job(store), _job(store)
    queue.submit(kept)
    queue.submit(gone)
    _until(lambda: kept.state.is_final and gone.state.is_final)
    queue.close()
    orphan = store.jobs_dir / new_job_id()  # an upload being received when the server died
    orphan.mkdir()
    (orphan / "upload.xlsx").write_bytes(b"half")
    debris = kept.folder / ".schedule.xlsx.123.abcd.tmp"  # a write cut off by SIGKILL
    debris.write_bytes(b"")
    for path in gone.folder.iterdir():
        path.unlink()
    gone.folder.rmdir()

    fresh = JobStore(tmp_path)
    fresh.tidy()
    assert not orphan.exists()
    assert not debris.exists()
    assert kept.folder.is_dir()
    assert _rows(tmp_path) == [(kept.id, "done")]
    fresh.close()


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-10])


def _not_a_plan(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    document["status"] = "done"  # valid JSON, not a status
    path.write_text(json.dumps(document), encoding="utf-8")


def _foreign_schedule(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    document["start_day"]["99Z"] = document["start_day"].popitem()[1]  # a scene it does not have
    path.write_text(json.dumps(document), encoding="utf-8")


def _pickled(path: Path) -> None:
    path.write_bytes(pickle.dumps({"status": "optimal"}))


@pytest.mark.parametrize("spoil", [_truncated, _not_a_plan, _foreign_schedule, _pickled,
                                   Path.unlink])
def test_an_unreadable_result_marks_its_job_failed_not_the_server(
        tmp_path: Path, tiny_workbook: Path, spoil: Callable[[Path], object]) -> None:
    settings = web_settings(tmp_path, data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        job_url = _submit(client, tiny_workbook)
        _finished(client, job_url)
    job_id = job_url.rsplit("/", 1)[1]
    spoil(tmp_path / "data" / "jobs" / job_id / PLAN_SNAPSHOT)
    with TestClient(create_app(settings)) as client:
        assert client.get(job_url + "/status").json()["state"] == "failed"
        assert client.get(job_url).status_code == 500
        assert client.get("/").status_code == 200


def test_the_snapshots_are_json_and_read_back(tmp_path: Path) -> None:
    prod = production([scene("1"), scene("2")], max_shoot_days=2).check()
    plan = plan_production(prod, SolverConfig(time_limit=1, deterministic=True))
    store = JobStore(tmp_path, exclusive=False)
    job_id = new_job_id()
    (store.jobs_dir / job_id).mkdir()
    store.add(job_id, "tiny", "upload.xlsx", 5.0, prod)
    store.finished(job_id, "done", 1.0, plan, {})
    folder = store.jobs_dir / job_id
    assert sorted(path.name for path in folder.iterdir()) == [PLAN_SNAPSHOT, PRODUCTION_SNAPSHOT]
    assert json.loads((folder / PLAN_SNAPSHOT).read_text(encoding="utf-8"))["status"] == "optimal"
    stored = store.production(job_id)
    assert stored == prod.model_copy(update={"places": None})
    again = store.plan(job_id, stored)
    assert again is not None and again.summary() == plan.summary()
    store.close()


def test_a_snapshot_over_the_size_limit_is_not_read(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    prod = production([scene("1")], max_shoot_days=1).check()
    store = JobStore(tmp_path, exclusive=False)
    job_id = new_job_id()
    (store.jobs_dir / job_id).mkdir()
    store.add(job_id, "tiny", "upload.xlsx", 5.0, prod)
    size = (store.jobs_dir / job_id / PRODUCTION_SNAPSHOT).stat().st_size
    monkeypatch.setattr("scheduler.web.store.MAX_SNAPSHOT_BYTES", size)
    assert store.production(job_id) is not None  # at the limit
    monkeypatch.setattr("scheduler.web.store.MAX_SNAPSHOT_BYTES", size - 1)
    assert store.production(job_id) is None
    store.close()


def test_a_job_whose_production_cannot_be_read_is_forgotten(tmp_path: Path,
                                                            tiny_workbook: Path) -> None:
    settings = web_settings(tmp_path, data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        job_url = _submit(client, tiny_workbook)
        _finished(client, job_url)
    job_id = job_url.rsplit("/", 1)[1]
    (tmp_path / "data" / "jobs" / job_id / PRODUCTION_SNAPSHOT).write_text(
        '{"settings": {}}', encoding="utf-8")
    with TestClient(create_app(settings)) as client:
        assert client.get(job_url + "/status").status_code == 404
        assert client.get("/").status_code == 200
    assert _rows(tmp_path / "data") == []


def test_one_server_per_data_folder(tmp_path: Path) -> None:
    first = JobStore(tmp_path)
    with pytest.raises(StoreError, match="another plan-shoot server is using"):
        JobStore(tmp_path)
    first.close()
    JobStore(tmp_path).close()  # free again once the first is closed


def test_an_upload_that_cannot_be_stored_is_refused_and_leaves_nothing(
        tmp_path: Path, tiny_workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*_: object) -> None:
        raise StoreError("the job database failed: database or disk is full")

    settings = web_settings(tmp_path, data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        monkeypatch.setattr(JobStore, "add", full_disk)
        answer = client.post("/upload",
                             files={"file": (tiny_workbook.name, tiny_workbook.read_bytes())},
                             data={"time_limit": "5", "csrf": csrf(client)},
                             follow_redirects=False)
        assert answer.status_code == 503
        assert "The planner is busy" in answer.text
        assert list((tmp_path / "data" / "jobs").iterdir()) == []
    assert _rows(tmp_path / "data") == []
