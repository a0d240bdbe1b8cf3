"""The job queue on its own: order, places in line, concurrency, cancel, failures, expiry.

The work function is a stand-in that waits for the test's go, so every state is observed on
purpose, never by luck of timing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scheduler.web.jobs import Job, JobQueue, JobState, QueueFull, is_job_id, new_job_id
from tests.helpers.productions import production, scene

WAIT = 5.0  # seconds before a test gives up on a state it expects


class Gate:
    """A work function that records who runs, and holds each job until released."""

    def __init__(self) -> None:
        self.running: set[str] = set()
        self.most_at_once = 0
        self.release: dict[str, threading.Event] = {}
        self.lock = threading.Lock()

    def __call__(self, job: Job) -> None:
        with self.lock:
            self.running.add(job.id)
            self.most_at_once = max(self.most_at_once, len(self.running))
        released = self.release.setdefault(job.id, threading.Event())
        while not released.wait(0.01) and not job.stop.is_set():
            pass
        with self.lock:
            self.running.discard(job.id)

    def let_go(self, job: Job) -> None:
        self.release.setdefault(job.id, threading.Event()).set()


def _job(tmp_path: Path) -> Job:
    job_id = new_job_id()
    folder = tmp_path / job_id
    folder.mkdir()
    (folder / "upload.xlsx").write_bytes(b"workbook")
    return Job(job_id, folder, production([scene("1")]), folder / "upload.xlsx", "w.xlsx", 5.0)


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the expected state did not come")
        time.sleep(0.005)


@pytest.fixture
def gate() -> Gate:
    return Gate()


@pytest.fixture
def queue(gate: Gate) -> Iterator[JobQueue]:
    line = JobQueue(gate, max_running=2, max_waiting=3, keep_seconds=60)
    yield line
    line.close()


def test_job_ids_are_random_and_checked() -> None:
    ids = {new_job_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(is_job_id(job_id) for job_id in ids)
    for bad in ("", "../" + "0" * 29, "0" * 31, "G" * 32, "0" * 33):
        assert not is_job_id(bad)


def test_at_most_max_running_solve_the_rest_wait_in_order(queue: JobQueue, gate: Gate,
                                                          tmp_path: Path) -> None:
    jobs = [_job(tmp_path) for _ in range(5)]
    for job in jobs:
        queue.submit(job)
    _until(lambda: len(gate.running) == 2)
    assert [job.state for job in jobs] == [JobState.SOLVING] * 2 + [JobState.WAITING] * 3
    assert [queue.position(job) for job in jobs] == [None, None, 1, 2, 3]

    gate.let_go(jobs[0])
    _until(lambda: jobs[2].state is JobState.SOLVING)
    assert jobs[0].state is JobState.DONE
    assert [queue.position(job) for job in jobs[3:]] == [1, 2]

    for job in jobs:
        gate.let_go(job)
    _until(lambda: all(job.state is JobState.DONE for job in jobs))
    assert gate.most_at_once == 2


def test_a_full_line_refuses_more(queue: JobQueue, gate: Gate, tmp_path: Path) -> None:
    for _ in range(5):  # two solving, three waiting
        queue.submit(_job(tmp_path))
    _until(lambda: len(gate.running) == 2)
    with pytest.raises(QueueFull):
        queue.submit(_job(tmp_path))


def test_cancel_takes_a_waiting_job_out_of_line_and_stops_a_running_one(
        queue: JobQueue, gate: Gate, tmp_path: Path) -> None:
    jobs = [_job(tmp_path) for _ in range(4)]
    for job in jobs:
        queue.submit(job)
    _until(lambda: len(gate.running) == 2)

    queue.cancel(jobs[2])
    assert jobs[2].state is JobState.CANCELLED
    assert queue.position(jobs[3]) == 1

    queue.cancel(jobs[0])  # the work sees the stop and ends with what it has
    assert jobs[0].cancel_requested
    _until(lambda: jobs[0].state is JobState.DONE)
    _until(lambda: jobs[3].state is JobState.SOLVING)
    assert jobs[2].state is JobState.CANCELLED  # never started


def test_a_failing_job_is_marked_and_the_solver_goes_on(tmp_path: Path) -> None:
    def work(job: Job) -> None:
        if job.display_name == "bad.xlsx":
            raise RuntimeError("boom")

    queue = JobQueue(work, max_running=1, max_waiting=5, keep_seconds=60)
    bad, good = _job(tmp_path), _job(tmp_path)
    bad.display_name = "bad.xlsx"
    try:
        queue.submit(bad)
        queue.submit(good)
        _until(lambda: good.state.is_final)
    finally:
        queue.close()
    assert bad.state is JobState.FAILED
    assert good.state is JobState.DONE


def test_finished_jobs_and_their_folders_expire_and_none_outlive_the_queue(
        gate: Gate, tmp_path: Path) -> None:
    now = [1000.0]
    queue = JobQueue(gate, max_running=1, max_waiting=5, keep_seconds=600,
                     clock=lambda: now[0])
    done, running = _job(tmp_path), _job(tmp_path)
    try:
        queue.submit(done)
        gate.let_go(done)
        _until(lambda: done.state is JobState.DONE)
        queue.submit(running)
        _until(lambda: running.state is JobState.SOLVING)

        now[0] += 599
        assert queue.sweep() == []
        now[0] += 1
        assert queue.sweep() == [done.id]
        assert not done.folder.exists()
        assert queue.get(done.id) is None
        assert running.folder.exists()  # a running job never expires
        assert queue.get(running.id) is running
    finally:
        queue.close()
    assert not running.folder.exists()  # closing the queue removes every job's folder
