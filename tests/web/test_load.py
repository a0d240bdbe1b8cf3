"""Under load: 30 uploads at once against a real server on 127.0.0.1 (signed in, jobs kept in a
data folder): every one is answered, queued or refused as busy, none is lost, memory stays
bounded."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from scheduler.web import create_app
from scheduler.web.store import DATABASE_NAME
from tests.helpers.web import Browser, live_server, web_settings

UPLOADS = 30
TOKEN = "a token for the load test"
WAIT = 120.0  # seconds for the whole line to be solved, on a busy 2-core machine


def _resident_megabytes() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * 4096 / 1024 / 1024


def _signed_in(base: str) -> tuple[Browser, str]:
    browser = Browser(base)
    signed = browser.post("/sign-in", {"token": TOKEN, "csrf": browser.csrf("/sign-in")})
    assert signed.status == 303
    return browser, browser.csrf("/")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads memory from /proc")
def test_thirty_uploads_at_once_are_all_answered_and_none_is_lost(tmp_path: Path,
                                                                  tiny_workbook: Path) -> None:
    data = tmp_path / "data"
    settings = web_settings(tmp_path, data_dir=data, token=TOKEN, max_waiting=20)
    content = tiny_workbook.read_bytes()
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()
    start = threading.Barrier(UPLOADS)
    before = _resident_megabytes()

    with live_server(create_app(settings)) as base:
        clients = [_signed_in(base) for _ in range(UPLOADS)]

        def upload(browser: Browser, csrf: str) -> None:
            start.wait(timeout=30)
            answer = browser.post("/upload", {"time_limit": "2", "csrf": csrf},
                                  {"file": ("tiny.xlsx", content)})
            with lock:
                answers.append((answer.status, answer.headers.get("location", "")))

        threads = [threading.Thread(target=upload, args=pair) for pair in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert len(answers) == UPLOADS  # every upload answered

        codes = sorted(code for code, _ in answers)
        accepted = [location for code, location in answers if code == 303]
        assert set(codes) <= {303, 503}, codes
        assert len(accepted) >= settings.max_waiting + 1  # one solving, the line full
        assert len(set(accepted)) == len(accepted)

        # Every accepted job is solved, stored and downloadable: none lost.
        browser = clients[0][0]
        deadline = time.monotonic() + WAIT
        for location in accepted:
            while not json.loads(browser.get(location + "/status").text)["finished"]:
                assert time.monotonic() < deadline, "the line was not solved in time"
                time.sleep(0.1)
            assert browser.get(location + "/download/workbook").status == 200
        during = _resident_megabytes()

    with sqlite3.connect(data / DATABASE_NAME) as database:
        stored = dict(database.execute("SELECT id, state FROM jobs").fetchall())
    assert stored == {location.rsplit("/", 1)[1]: "done" for location in accepted}
    assert sorted(path.name for path in (data / "jobs").iterdir()) == sorted(stored)
    # Thirty small uploads and twenty-one solves: tens of MB, not hundreds.
    assert during - before < 300, (before, during)
