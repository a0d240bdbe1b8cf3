"""Progress pushed: ``/jobs/{id}/events`` streams the job's status as server-sent events.

The solve page listens with ``EventSource`` and falls back to polling ``/jobs/{id}/status`` when
the browser has no ``EventSource`` or the stream fails.  Each event's data is the status JSON;
an event is sent when the status changes (at most every ``TICK_SECONDS``) and at least once a
second (the elapsed time; it also keeps idle proxies from closing the stream).  The stream ends
when the job is finished or after ``STREAM_SECONDS`` (the browser then reconnects by itself), so
that no stream holds a server that is shutting down for long.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from .jobs import Job
from .progress import status_body
from .routes import context_of, job_of

TICK_SECONDS = 0.5
STREAM_SECONDS = 30.0
RECONNECT_MILLISECONDS = 1000

router = APIRouter()


@router.get("/jobs/{job_id}/events")
def job_events(request: Request, job_id: str) -> StreamingResponse:
    """The job's status as a stream of server-sent events, until it is finished."""
    job = job_of(request, job_id)
    return StreamingResponse(status_events(request, job), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store",
                                      "X-Accel-Buffering": "no"})  # proxies must not buffer it


async def status_events(request: Request, job: Job) -> AsyncIterator[str]:
    """``retry``, then one ``data`` event per change of the status, ending with the finished
    one (or when the stream has lasted ``STREAM_SECONDS``)."""
    queue = context_of(request).queue
    yield f"retry: {RECONNECT_MILLISECONDS}\n\n"
    started = last_sent = time.monotonic()
    previous = ""
    while True:
        body = status_body(job, queue.position(job), queue.now())
        # Elapsed time changes every tick; send it with the other changes, or once a second.
        text = json.dumps(body, separators=(",", ":"))
        changed = _without_clock(body) != previous
        now = time.monotonic()
        if changed or body["finished"] or now - last_sent >= 1.0:
            yield f"data: {text}\n\n"
            previous, last_sent = _without_clock(body), now
        if body["finished"] or now - started >= STREAM_SECONDS:
            return
        if await request.is_disconnected():
            return
        await asyncio.sleep(TICK_SECONDS)


def _without_clock(body: dict[str, object]) -> str:
    return json.dumps({key: value for key, value in body.items()
                       if key not in ("elapsed", "elapsed_text")}, sort_keys=True)
