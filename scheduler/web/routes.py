"""The pages and the few JSON and file endpoints: upload, job (solve or result), status, cancel,
solve again, download."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from ..result import SolveStatus
from .access import check_csrf
from .board import build_board, flagged_days
from .downloads import DownloadKind, download_name
from .jobs import Job, JobQueue, JobState, QueueClosed, QueueFull, is_job_id, new_job_id
from .pages import Pages, base_path, palette_css
from .problems import problem_report
from .progress import progress_view, status_body
from .replanning import replan_values
from .report import (
    CategoryCost,
    category_costs,
    conflict_lines,
    dood_table,
    headline,
    notes,
    production_facts,
    summary_lines,
)
from .settings import WebSettings
from .store import StoreError
from .uploads import (
    UploadRefused,
    accepted_suffix,
    clean_name,
    read_upload,
    receive_form,
    save_upload,
    shown_name,
    time_limit_asked,
    time_limit_of,
    uploaded_file,
)
from .whatif_pages import whatif_page
from .whatif_view import whatif_panel_values

logger = logging.getLogger("scheduler")

router = APIRouter()


@dataclass
class WebContext:
    """What every request needs: the settings, the queue, the templates, the jobs' folder."""

    settings: WebSettings
    queue: JobQueue
    pages: Pages
    root: Path


def context_of(request: Request) -> WebContext:
    web: WebContext = request.app.state.web
    return web


# ----- upload ------------------------------------------------------------------------------------


@router.api_route("/", methods=["GET", "HEAD"])
def upload_page(request: Request) -> Response:
    web = context_of(request)
    return web.pages.render(request, "upload.html", **_upload_values(web))


def _upload_values(web: WebContext) -> dict[str, Any]:
    jobs = web.queue.jobs()
    return {
        "max_megabytes": f"{web.settings.max_upload_bytes / 1024 / 1024:.0f}",
        "max_upload_bytes": web.settings.max_upload_bytes,
        "max_time_limit": f"{web.settings.max_time_limit:g}",
        "solving": sum(1 for job in jobs if job.state is JobState.SOLVING),
        "waiting": sum(1 for job in jobs if job.state is JobState.WAITING),
        "keep_minutes": f"{web.settings.keep_seconds / 60:.0f}",
    }


@router.post("/upload")
async def upload(request: Request) -> Response:
    """Save the file in a new job folder, read it, and queue its solve (or show its problems)."""
    web = context_of(request)
    settings = web.settings
    job_id = new_job_id()
    folder = web.root / job_id
    saved: Path | None = None
    form: FormData | None = None
    try:
        form = await receive_form(request, settings.max_upload_bytes)
        check_csrf(request, form)
        asked = time_limit_asked(str(form.get("time_limit") or ""), settings.max_time_limit)
        file = uploaded_file(form)
        name = shown_name(file.filename)
        # The suffix of the whole name: a long one is shortened for display only (D12).
        suffix = accepted_suffix(clean_name(file.filename), name)
        folder.mkdir(mode=0o700)
        saved = folder / f"upload{suffix}"
        await save_upload(file, saved, settings.max_upload_bytes, name)
        production = await run_in_threadpool(read_upload, saved, name)
    except UploadRefused as refused:
        workbook = saved if saved is not None and saved.suffix == ".xlsx" else None
        in_sheets = saved is None or saved.suffix == ".xlsx"
        report = await run_in_threadpool(partial(problem_report, in_sheets=in_sheets),
                                         refused.problems, workbook)
        shutil.rmtree(folder, ignore_errors=True)
        return web.pages.render(request, "refused.html", refused.status_code, refused=refused,
                                report=report, **_upload_values(web))
    except BaseException:  # nothing of a failed upload may stay behind unswept
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        if form is not None:
            await form.close()
    assert saved is not None  # read_upload ran on it
    job = Job(job_id, folder, production, saved, name,
              time_limit_of(production, asked, settings.max_time_limit))
    return submit_job(request, web, job)


def submit_job(request: Request, web: WebContext, job: Job) -> Response:
    """Queue a job and send the browser to its page, or say the planner is busy."""
    try:
        web.queue.submit(job)
    except (QueueFull, QueueClosed, OSError, StoreError):  # the last two: it was not stored
        shutil.rmtree(job.folder, ignore_errors=True)
        return web.pages.message(request, 503, "The planner is busy",
                                 "Too many schedules are waiting to be solved. Try again in a "
                                 "few minutes.")
    return RedirectResponse(f"{base_path(request)}/jobs/{job.id}", status_code=303)


# ----- one job -----------------------------------------------------------------------------------


def job_of(request: Request, job_id: str) -> Job:
    """The job of an address, or a 404 page that says it may have expired."""
    job = context_of(request).queue.get(job_id) if is_job_id(job_id) else None
    if job is None:
        raise HTTPException(404, "This job does not exist, or it has expired and its files "
                                 "have been removed. Upload the workbook again.")
    return job


@router.api_route("/jobs/{job_id}", methods=["GET", "HEAD"])
def job_page(request: Request, job_id: str) -> Response:
    """While waiting or solving: the live progress; then the result."""
    web = context_of(request)
    job = job_of(request, job_id)
    whatif = whatif_page(web.pages, request, job, web.queue.position(job), _now(web),
                         f"{web.settings.keep_seconds / 60:.0f}")
    if whatif is not None:
        return whatif
    if job.state in (JobState.WAITING, JobState.SOLVING):
        view = progress_view(job, web.queue.position(job), _now(web))
        return web.pages.render(request, "solve.html", job=job, progress=view,
                                facts=production_facts(job.production),
                                title=job.production.settings.title)
    if job.state is JobState.CANCELLED:
        return web.pages.message(request, 200, "Cancelled",
                                 "This job was cancelled before its solve started.")
    if job.state is JobState.FAILED or job.plan is None:
        return web.pages.message(request, 500, "The solve failed",
                                 "Something went wrong on our side while solving this "
                                 "production; it has been logged. Try again, and if it fails "
                                 "again, please report it with the workbook.")
    return web.pages.render(request, "result.html", **_result_values(web, job))


def _result_values(web: WebContext, job: Job) -> dict[str, Any]:
    assert job.plan is not None
    production, result, risk = job.production, job.plan.result, job.plan.risk
    board = dood = None
    costs: list[CategoryCost] = []
    schedule = result.schedule
    if schedule is not None:
        board = build_board(schedule, risk)
        dood = dood_table(schedule)
        costs = category_costs(schedule)
    downloads = [(kind.label, kind.value) for kind in DownloadKind if kind in job.files]
    return {
        "job": job, "title": production.settings.title, "headline": headline(result),
        "summary": summary_lines(production, job.plan),
        "costs": costs, "board": board,
        "risky_days": flagged_days(board) if board else [], "dood": dood,
        "conflicts": conflict_lines(result), "notes": notes(production, result),
        "downloads": downloads,
        # Only an unproven result can get better with more time; it gets twice the time.
        "may_improve": result.status in (SolveStatus.FEASIBLE, SolveStatus.NO_SOLUTION),
        "again_time_limit": f"{min(2 * job.time_limit, web.settings.max_time_limit):g}",
        "keep_minutes": f"{web.settings.keep_seconds / 60:.0f}",
        **replan_values(job, schedule),
        **whatif_panel_values(job, web.settings.max_time_limit),
    }


@router.api_route("/jobs/{job_id}/status", methods=["GET", "HEAD"])
def job_status(request: Request, job_id: str) -> JSONResponse:
    """The live state as JSON, for the solve page's polling and for programs."""
    web = context_of(request)
    job = job_of(request, job_id)
    body = status_body(job, web.queue.position(job), _now(web))
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


@router.post("/jobs/{job_id}/cancel")
async def cancel(request: Request, job_id: str) -> Response:
    """Leave the line, or stop the search and keep the best schedule found so far."""
    job = job_of(request, job_id)
    try:
        form = await receive_form(request, 0, max_files=0)
    except UploadRefused as refused:
        return context_of(request).pages.message(request, refused.status_code, refused.heading,
                                                 str(refused.problems[0]))
    try:
        check_csrf(request, form)
    finally:
        await form.close()
    await run_in_threadpool(context_of(request).queue.cancel, job)
    return RedirectResponse(f"{base_path(request)}/jobs/{job.id}", status_code=303)


@router.post("/jobs/{job_id}/again")
async def solve_again(request: Request, job_id: str) -> Response:
    """A new job for the same upload, with another time limit."""
    web = context_of(request)
    job = job_of(request, job_id)
    try:
        form = await receive_form(request, 0, max_files=0)  # a time limit, nothing more
        try:
            check_csrf(request, form)
            asked = time_limit_asked(str(form.get("time_limit") or ""),
                                     web.settings.max_time_limit)
        finally:
            await form.close()
    except UploadRefused as refused:
        return web.pages.message(request, refused.status_code, refused.heading,
                                 str(refused.problems[0]))
    new_id = new_job_id()
    folder = web.root / new_id
    folder.mkdir(mode=0o700)
    upload = folder / job.upload.name
    try:
        shutil.copyfile(job.upload, upload)
    except OSError:  # the first job expired between the page and the click
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(404, "The uploaded file has expired; upload it again.") from None
    again = Job(new_id, folder, job.production, upload, job.display_name,
                time_limit_of(job.production, asked, web.settings.max_time_limit))
    return submit_job(request, web, again)


@router.api_route("/jobs/{job_id}/download/{kind}", methods=["GET", "HEAD"])
def download(request: Request, job_id: str, kind: str) -> Response:
    """One of the job's files, by kind; never by path."""
    job = job_of(request, job_id)
    try:
        wanted = DownloadKind(kind)
    except ValueError:
        raise HTTPException(404, f"There is no download of that kind; the kinds are "
                                 f"{', '.join(k.value for k in DownloadKind)}.") from None
    path = job.files.get(wanted)
    if path is None or not path.is_file():
        raise HTTPException(404, "This file is not available for this job (yet).")
    return FileResponse(path, media_type=wanted.media_type,
                        filename=download_name(job.production.settings.title, wanted),
                        headers={"Cache-Control": "no-store"})


# ----- assets ------------------------------------------------------------------------------------


@router.api_route("/palette.css", methods=["GET", "HEAD"])
def palette() -> Response:
    """The strip colours of the schedule workbook, as CSS classes."""
    return Response(palette_css(), media_type="text/css",
                    headers={"Cache-Control": "max-age=3600"})


def _now(web: WebContext) -> float:
    return web.queue.now()
