"""The what-if endpoints: a result page's "What if..." form queued as a what-if job, and the
files of a what-if job (the comparison workbook, each scenario's schedule, all of them zipped).

Downloads name a job and a kind (or a row of the table), never a path; the file name the
browser sees is made from the production's title."""

from __future__ import annotations

import re
import shutil

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response

from .access import check_csrf
from .jobs import Job, JobState, new_job_id
from .routes import context_of, job_of, submit_job
from .uploads import UploadRefused, receive_form
from .whatif_form import WhatIfRefused, form_fields, read_whatif_form
from .whatif_jobs import (
    ComparisonSnapshot,
    WhatIfRun,
    make_request,
    save_request,
    schedule_path,
    whatif_of,
    workbook_path,
    zip_path,
)
from .whatif_view import whatif_panel_values

whatif_router = APIRouter()

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The form's fields and its CSRF token.
MAX_FIELDS = len(form_fields()) + 1


@whatif_router.post("/jobs/{job_id}/whatif")
async def whatif_job(request: Request, job_id: str) -> Response:
    """Queue a what-if job: the scenarios of the form, planned and priced against the base."""
    web = context_of(request)
    parent = job_of(request, job_id)
    try:
        form = await receive_form(request, 0, max_files=0, max_fields=MAX_FIELDS)
    except UploadRefused as refused:
        return web.pages.message(request, refused.status_code, refused.heading,
                                 str(refused.problems[0]))
    try:
        check_csrf(request, form)
        values = {name: value for name in form_fields()
                  if isinstance(value := form.get(name), str)}
    finally:
        await form.close()
    if parent.state is not JobState.DONE or whatif_of(parent) is not None:
        raise HTTPException(409, "What if... is asked on a finished plan's page.")
    try:
        asked = read_whatif_form(parent.production, values)
    except WhatIfRefused as refused:
        return web.pages.render(
            request, "whatif_refused.html", 422, job=parent, problems=refused.problems,
            **whatif_panel_values(parent, web.settings.max_time_limit, values=values,
                                  problems=refused.problems))
    whatif = make_request(parent.id, asked.scenarios, asked.suggest, parent.time_limit,
                          web.settings)
    new_id = new_job_id()
    folder = web.root / new_id
    folder.mkdir(mode=0o700)
    try:
        save_request(folder, whatif)
        upload = folder / parent.upload.name
        shutil.copyfile(parent.upload, upload)
    except OSError:  # the parent expired between the page and the click
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(404, "The uploaded file has expired; upload it again.") from None
    job = Job(new_id, folder, parent.production, upload, parent.display_name,
              whatif.deadline, whatif=WhatIfRun(whatif))
    return submit_job(request, web, job)


def _whatif_job(job: Job) -> None:
    """A 404 for a job that is no finished what-if job (its files are made at its end)."""
    if whatif_of(job) is None or job.state is not JobState.DONE:
        raise HTTPException(404, "This job has no comparison (yet).")


def _comparison_of(job: Job) -> ComparisonSnapshot:
    run = whatif_of(job)
    if run is None or run.comparison is None:
        raise HTTPException(404, "This job has no comparison (yet).")
    return run.comparison


def _slug(title: str) -> str:
    """``Harbour_Lights``: ASCII letters, digits, ``-`` and ``_`` only."""
    return re.sub(r"[^A-Za-z0-9-]+", "_", title).strip("_")[:60] or "production"


@whatif_router.api_route("/jobs/{job_id}/whatif/comparison", methods=["GET", "HEAD"])
def comparison_download(request: Request, job_id: str) -> Response:
    """``COMPARISON.xlsx``: the Comparison sheet, its chart and the Notes."""
    job = job_of(request, job_id)
    _whatif_job(job)
    path = workbook_path(job)
    if not path.is_file():
        raise HTTPException(404, "This file is not available for this job.")
    return FileResponse(path, media_type=XLSX,
                        filename=f"{_slug(job.production.settings.title)}_comparison.xlsx",
                        headers={"Cache-Control": "no-store"})


@whatif_router.api_route("/jobs/{job_id}/whatif/schedules", methods=["GET", "HEAD"])
def schedules_download(request: Request, job_id: str) -> Response:
    """The comparison workbook and every scenario's schedule workbook, zipped."""
    job = job_of(request, job_id)
    _whatif_job(job)
    path = zip_path(job)
    if not path.is_file():
        raise HTTPException(404, "This file is not available for this job.")
    return FileResponse(path, media_type="application/zip",
                        filename=f"{_slug(job.production.settings.title)}_whatif.zip",
                        headers={"Cache-Control": "no-store"})


@whatif_router.api_route("/jobs/{job_id}/whatif/schedule/{row}", methods=["GET", "HEAD"])
def schedule_download(request: Request, job_id: str, row: int) -> Response:
    """One scenario's schedule workbook, by its row in the table (0 is the base)."""
    job = job_of(request, job_id)
    rows = _comparison_of(job).rows
    found = rows[row].schedule_file if 0 <= row < len(rows) else None
    path = schedule_path(job, found) if found is not None else None
    if path is None:
        raise HTTPException(404, "That scenario has no schedule workbook.")
    return FileResponse(path, media_type=XLSX,
                        filename=f"{_slug(job.production.settings.title)}_{path.name}",
                        headers={"Cache-Control": "no-store"})
