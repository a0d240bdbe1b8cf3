"""Helpers of the web tests: settings for fast solves, tiny workbooks, a live server."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from scheduler.data import ConstraintKind, SceneConstraint
from scheduler.excel.breakdown import write_breakdown
from scheduler.web import WebSettings
from scheduler.web.settings import LOOPBACK_NAMES
from tests.helpers.productions import actor, place, production, scene

TINY_TITLE = "Tiny <b>Test</b> & Co"


def web_settings(tmp_path: Path, **changes: Any) -> WebSettings:
    """Deterministic one-worker solves, short limits, job folders under ``tmp_path``."""
    values: dict[str, Any] = {"deterministic": True, "max_time_limit": 10.0,
                              "work_dir": tmp_path / "jobs", "max_running": 1,
                              # the TestClient's own host name, beside the loopback names
                              "allowed_hosts": (*LOOPBACK_NAMES, "testserver")}
    values.update(changes)
    return WebSettings(**values)


def csrf(client: Any, path: str = "/") -> str:
    """The CSRF token a page gives its forms (visiting it also sets the visit cookie)."""
    page = client.get(path)
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None, f"no CSRF token on {path} ({page.status_code})"
    return found.group(1)


def write_tiny_workbook(path: Path) -> Path:
    """Three scenes at two locations, one actor: solved to optimality in well under a second.

    The title holds markup, so that pages showing it prove they escape it.
    """
    prod = production(
        [scene("1", hours=4, location="A", cast=("1",)), scene("2", hours=4, location="B"),
         scene("3", hours=5, location="A", cast=("1",))],
        title=TINY_TITLE, max_shoot_days=4, crew_day_cost=1000,
        cast=[actor("1", rate=200)], locations=[place("A", fee=100), place("B", fee=100)],
    )
    return write_breakdown(prod, path)


def write_infeasible_workbook(path: Path) -> Path:
    """Two 7-hour scenes that must share a 12-hour day: no schedule exists."""
    prod = production(
        [scene("1", hours=7), scene("2", hours=7)], max_shoot_days=3,
        constraints=[SceneConstraint(kind=ConstraintKind.SAME_DAY, scenes=("1", "2"))],
    )
    return write_breakdown(prod, path)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Run ``app`` on uvicorn in a thread on a free local port; yield its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(10)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    text: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the test looks at the 303 itself


class Browser:
    """A client of a live server with its own cookies (one browser), for tests that need real
    sockets and threads; redirects are not followed."""

    def __init__(self, base: str, timeout: float = 60.0) -> None:
        self.base = base
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())

    def get(self, path: str) -> Answer:
        return self._send(urllib.request.Request(self.base + path))

    def post(self, path: str, fields: dict[str, str],
             files: dict[str, tuple[str, bytes]] | None = None) -> Answer:
        """A multipart form, as a browser sends it."""
        boundary = secrets.token_hex(16)
        parts: list[bytes] = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                         f"\r\n\r\n{value}\r\n".encode())
        for name, (filename, content) in (files or {}).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                         f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                         "\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self._send(urllib.request.Request(
            self.base + path, data=body, method="POST",
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}))

    def csrf(self, path: str = "/") -> str:
        """The CSRF token of ``path``'s forms."""
        found = re.search(r'name="csrf" value="([^"]+)"', self.get(path).text)
        assert found is not None, f"no CSRF token on {path}"
        return found.group(1)

    def _send(self, request: urllib.request.Request) -> Answer:
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return Answer(response.status, dict(response.headers),
                              response.read().decode(errors="replace"))
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            return Answer(error.code, dict(error.headers), error.read().decode(errors="replace"))


SERVER_WAIT = 60.0


@contextmanager
def serve_process(data: Path, *extra: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``plan-shoot serve`` on a free loopback port; killed at the end if still running."""
    port = free_port()
    environment = {key: value for key, value in os.environ.items()
                   if key != "PLAN_SHOOT_TOKEN"}
    server = subprocess.Popen(
        [sys.executable, "-m", "scheduler", "serve", "--port", str(port), "--data", str(data),
         *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_WAIT
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
        server.communicate(timeout=SERVER_WAIT)


def upload_to(browser: Browser, workbook: Path, time_limit: str) -> str:
    """Upload ``workbook`` with its CSRF token; the job's address."""
    answer = browser.post("/upload", {"time_limit": time_limit, "csrf": browser.csrf()},
                          {"file": (workbook.name, workbook.read_bytes())})
    assert answer.status == 303, answer.text
    return answer.headers["location"]


def live_status(browser: Browser, job: str) -> dict[str, object]:
    """The job's ``/status`` JSON."""
    answer: Answer = browser.get(job + "/status")
    assert answer.status == 200, answer.text
    body: dict[str, object] = json.loads(answer.text)
    return body


def until_state(browser: Browser, job: str, *states: str) -> dict[str, object]:
    """Poll until the job is in one of ``states`` (at most ``SERVER_WAIT``); its status."""
    deadline = time.monotonic() + SERVER_WAIT
    while (status := live_status(browser, job))["state"] not in states:
        assert time.monotonic() < deadline, status
        time.sleep(0.1)
    return status


def stop_process(server: subprocess.Popen[str], stop: signal.Signals = signal.SIGTERM) -> str:
    """Stop ``serve`` with ``stop`` (SIGTERM: what a service manager sends; SIGINT: Ctrl-C),
    check that it shut down gracefully, and return what it wrote on stderr."""
    server.send_signal(stop)
    _, errors = server.communicate(timeout=SERVER_WAIT)
    # uvicorn shuts down gracefully, then dies of the signal it caught, as a service expects.
    assert server.returncode in (0, -stop), errors
    assert "Application shutdown complete" in errors
    return errors
