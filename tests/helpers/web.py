"""Helpers of the web tests: settings for fast solves, tiny workbooks, a live server."""

from __future__ import annotations

import http.cookiejar
import re
import secrets
import socket
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
