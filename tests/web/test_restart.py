"""``plan-shoot serve --data DIR`` for real: stopped and started again, it still has its jobs; killed
mid-solve, it solves the job again at the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.paths import EXAMPLES
from tests.helpers.web import Answer, Browser, free_port

WAIT = 60.0


@contextmanager
def _server(data: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``plan-shoot serve`` on a free loopback port; killed at the end if still running."""
    port = free_port()
    environment = {key: value for key, value in os.environ.items()
                   if key != "PLAN_SHOOT_TOKEN"}
    server = subprocess.Popen(
        [sys.executable, "-m", "scheduler", "serve", "--port", str(port), "--data", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT
        while True:
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "the server did not answer"
            try:
                if Browser(base, timeout=2).get("/").status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield server, base
    finally:
        if server.poll() is None:
            server.kill()
        server.communicate(timeout=WAIT)


def _upload(browser: Browser, workbook: Path, time_limit: str) -> str:
    answer = browser.post("/upload", {"time_limit": time_limit, "csrf": browser.csrf()},
                          {"file": (workbook.name, workbook.read_bytes())})
    assert answer.status == 303, answer.text
    return answer.headers["location"]


def _status(browser: Browser, job: str) -> dict[str, object]:
    answer: Answer = browser.get(job + "/status")
    assert answer.status == 200, answer.text
    body: dict[str, object] = json.loads(answer.text)
    return body


def _until_state(browser: Browser, job: str, *states: str) -> dict[str, object]:
    deadline = time.monotonic() + WAIT
    while (status := _status(browser, job))["state"] not in states:
        assert time.monotonic() < deadline, status
        time.sleep(0.1)
    return status


def _stop(server: subprocess.Popen[str]) -> str:
    server.send_signal(signal.SIGTERM)  # what a service manager sends
    _, errors = server.communicate(timeout=WAIT)
    # uvicorn shuts down gracefully, then dies of the signal it caught, as a service expects.
    assert server.returncode in (0, -signal.SIGTERM), errors
    assert "Application shutdown complete" in errors
    return errors


@pytest.mark.slow
def test_stopped_and_started_again_the_server_still_serves_the_schedule(
        tmp_path: Path, tiny_workbook: Path) -> None:
    data = tmp_path / "data"
    with _server(data) as (server, base):
        browser = Browser(base)
        job = _upload(browser, tiny_workbook, "5")
        assert _until_state(browser, job, "done")["status"] == "optimal"
        before = browser.get(job + "/download/json").text
        errors = _stop(server)
    assert "Traceback" not in errors

    with _server(data) as (server, base):
        browser = Browser(base)
        assert _status(browser, job)["state"] == "done"
        after = browser.get(job + "/download/json")
        assert after.status == 200
        assert after.text == before
        assert "board" in browser.get(job).text
        _stop(server)


@pytest.mark.slow
def test_a_job_cut_off_by_a_killed_server_is_solved_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with _server(data) as (server, base):
        browser = Browser(base)
        job = _upload(browser, EXAMPLES / "indie_feature.xlsx", "60")
        _until_state(browser, job, "solving")
        server.kill()  # a crash: no clean-up at all

    with _server(data) as (server, base):
        browser = Browser(base)
        _until_state(browser, job, "solving")  # solved again from the kept upload
        stopped = browser.post(job + "/cancel", {"csrf": browser.csrf(job)})
        assert stopped.status == 303
        status = _until_state(browser, job, "done")
        assert status["interrupted"] is True
        assert browser.get(job + "/download/workbook").status == 200
        _stop(server)
