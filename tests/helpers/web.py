"""Helpers of the web tests: settings for fast solves, tiny workbooks, a live server."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
