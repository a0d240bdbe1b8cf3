"""Progress pushed: the solve page's server-sent events, with polling as the fallback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from scheduler.web.app import SECURITY_HEADERS
from scheduler.web.pages import STATIC_DIR
from tests.helpers.web import csrf


def _events(text: str) -> list[dict[str, Any]]:
    return [json.loads(line.removeprefix("data: ")) for line in text.splitlines()
            if line.startswith("data: ")]


def test_the_events_follow_a_job_to_its_end(client: TestClient, tiny_workbook: Path) -> None:
    upload = client.post("/upload", files={"file": ("tiny.xlsx", tiny_workbook.read_bytes())},
                         data={"time_limit": "5", "csrf": csrf(client)}, follow_redirects=False)
    assert upload.status_code == 303
    job_url = upload.headers["location"]
    # The stream ends when the job is finished, so the whole of it can be read at once.
    stream = client.get(job_url + "/events")
    assert stream.status_code == 200
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert stream.headers["cache-control"] == "no-store"
    for name, value in SECURITY_HEADERS.items():
        assert stream.headers[name] == value
    assert stream.text.startswith("retry: ")
    events = _events(stream.text)
    assert events, stream.text
    assert all(not event["finished"] for event in events[:-1])
    last = events[-1]
    assert last["finished"] is True
    assert last["state"] == "done"
    assert last["status"] == "optimal"
    # The same body as the polling endpoint, which stays as the fallback.
    polled = client.get(job_url + "/status").json()
    assert {key: value for key, value in last.items() if key != "elapsed"} == {
        key: value for key, value in polled.items() if key != "elapsed"}


def test_an_unknown_job_has_no_stream(client: TestClient) -> None:
    missing = client.get("/jobs/" + "0" * 32 + "/events")
    assert missing.status_code == 404
    assert "expired" in missing.text


def test_the_solve_page_listens_and_keeps_polling_as_the_fallback() -> None:
    """Tests that the live pages follow a job through follow.js: its events, else polling."""
    follow = (STATIC_DIR / "follow.js").read_text(encoding="utf-8")
    assert "new EventSource(eventsUrl)" in follow
    assert "window.setTimeout(poll, POLL_MS)" in follow  # without EventSource, or on failure
    for page in ("solve.js", "whatif.js"):
        assert "window.planShootFollow(url, eventsUrl, show)" in (
            STATIC_DIR / page).read_text(encoding="utf-8")
