"""Ctrl-C on ``plan-shoot serve``: a clean shutdown that removes the job folders, idle, in the
middle of a solve and after one.

Probe rows 71 (D2: after a solve the server died at once, folders left) and 72 (D1: mid-solve
it aborted with ``std::bad_function_call``), in ``research/reliability-probe.md``.  A real
server in a child process on a free port of 127.0.0.1 only, its private job folder under a
``TMPDIR`` of the test's own.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.paths import EXAMPLES, REPOSITORY
from tests.helpers.web import free_port, write_tiny_workbook

# Bounds of the waits: start-up imports the solver and LightGBM.
START_TIMEOUT_SECONDS = 90.0
SOLVE_TIMEOUT_SECONDS = 60.0
SHUTDOWN_TIMEOUT_SECONDS = 15.0

pytestmark = pytest.mark.slow  # each starts a server: 10-20 s


class Server:
    """``plan-shoot serve`` on 127.0.0.1 in a child process."""

    def __init__(self, folder: Path) -> None:
        self.temp = folder / "tmp"
        self.temp.mkdir()
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "scheduler", "serve", "--host", "127.0.0.1", "--port",
             str(self.port)], cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env={**os.environ, "TMPDIR": str(self.temp)})
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.communicate()
            try:
                if self.request("GET", "/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("the server did not answer in time")

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def upload(self, workbook: Path, time_limit: float) -> str:
        """Submit ``workbook``; the job's path."""
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"time_limit\"\r\n\r\n"
                f"{time_limit}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                f"filename=\"{workbook.name}\"\r\nContent-Type: application/vnd.openxmlformats-"
                f"officedocument.spreadsheetml.sheet\r\n\r\n").encode() + workbook.read_bytes() + (
                f"\r\n--{boundary}--\r\n").encode()
        status, headers, page = self.request(
            "POST", "/upload", body,
            {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        assert status == 303, page[:500]
        return headers["location"].removeprefix(f"http://127.0.0.1:{self.port}")

    def status_of(self, job: str) -> dict[str, Any]:
        status, _, body = self.request("GET", f"{job}/status")
        assert status == 200
        state: dict[str, Any] = json.loads(body)
        return state

    def wait_for(self, job: str, ready: str) -> dict[str, Any]:
        """Poll the job until ``ready`` (``"finished"`` or ``"best_cost"``) is set."""
        deadline = time.monotonic() + SOLVE_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            state = self.status_of(job)
            if state.get(ready):
                return state
            time.sleep(0.3)
        raise AssertionError(f"the job never had {ready}")

    def interrupt_and_wait(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)
        try:
            _, stderr = self.process.communicate(timeout=SHUTDOWN_TIMEOUT_SECONDS)
        finally:
            self.process.kill()
        return self.process.returncode, stderr


def assert_clean_shutdown(server: Server) -> None:
    code, stderr = server.interrupt_and_wait()
    assert code == 0, stderr  # -6 (abort) mid-solve, -2 (killed) after a solve before
    assert "bad_function_call" not in stderr and "Traceback" not in stderr
    assert "Application shutdown complete" in stderr
    assert list(server.temp.iterdir()) == []  # the job folders are gone


def test_ctrl_c_on_an_idle_server(tmp_path: Path) -> None:
    server = Server(tmp_path)
    assert_clean_shutdown(server)


def test_ctrl_c_in_the_middle_of_a_solve(tmp_path: Path) -> None:
    """Row 72 (D1)."""
    server = Server(tmp_path)
    job = server.upload(EXAMPLES / "indie_feature.xlsx", time_limit=60)
    server.wait_for(job, "best_cost")  # a first schedule: the search is on
    time.sleep(1.0)
    assert not server.status_of(job)["finished"]
    assert_clean_shutdown(server)


def test_ctrl_c_after_a_solve(tmp_path: Path) -> None:
    """Row 71 (D2)."""
    server = Server(tmp_path)
    job = server.upload(write_tiny_workbook(tmp_path / "tiny.xlsx"), time_limit=5)
    assert server.wait_for(job, "finished")["state"] == "done"
    assert_clean_shutdown(server)
