"""The re-plan endpoint: a solved job's plan revised from a date with an edited breakdown."""

from __future__ import annotations

import shutil
from datetime import date

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from ..data import Production
from ..errors import InputError, Problem
from ..replan import CurrentSchedule
from .access import check_csrf
from .disruptions import dates_of, disrupted, unavailable_of
from .jobs import Job, JobState, new_job_id
from .replanning import (
    REPLAN_MARKER,
    ReplanRequest,
    check_request,
    current_schedule,
    cut_since,
    freeze_of,
    left_to_plan,
    start_date_of,
)
from .routes import context_of, job_of, submit_job
from .uploads import (
    UploadRefused,
    accepted_suffix,
    clean_name,
    read_upload,
    receive_form,
    save_upload,
    shown_name,
    uploaded_file,
)

replan_router = APIRouter()


@replan_router.post("/jobs/{job_id}/replan")
async def replan_job(request: Request, job_id: str) -> Response:
    """Queue a re-plan of this job's plan: the edited breakdown, the date, the freeze."""
    web = context_of(request)
    parent = job_of(request, job_id)
    new_id = new_job_id()
    folder = web.root / new_id
    form: FormData | None = None
    try:
        form = await receive_form(request, web.settings.max_upload_bytes)
        check_csrf(request, form)
        current = _current_of(parent)
        start, freeze = _when(current, str(form.get("from") or ""),
                              str(form.get("freeze") or ""))
        file = uploaded_file(form)
        name = shown_name(file.filename)
        saved = folder / f"upload{accepted_suffix(clean_name(file.filename), name)}"
        folder.mkdir(mode=0o700)
        (folder / REPLAN_MARKER).write_text(parent.id + "\n", encoding="utf-8")
        await save_upload(file, saved, web.settings.max_upload_bytes, name)
        production = await run_in_threadpool(read_upload, saved, name)
        progress = await run_in_threadpool(check_request, saved, name, production, current,
                                           start, freeze)
    except UploadRefused as refused:
        shutil.rmtree(folder, ignore_errors=True)
        return web.pages.render(request, "replan_refused.html", refused.status_code,
                                refused=refused, job=parent)
    except BaseException:  # nothing of a failed re-plan may stay behind unswept
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        if form is not None:
            await form.close()
    job = Job(new_id, folder, production, saved, name, parent.time_limit,
              replan=ReplanRequest(parent.id, current, start, freeze, progress,
                                   cut_since(parent.production, production)))
    return submit_job(request, web, job)


def _current_of(parent: Job) -> CurrentSchedule:
    """The parent's plan as the current schedule; a job without one cannot be re-planned."""
    plan = parent.plan
    if parent.state is not JobState.DONE or plan is None or plan.result.solution is None:
        raise HTTPException(409, "This job has no schedule to re-plan (yet).")
    revision = parent.changes.revision.number if parent.changes is not None else 0
    return current_schedule(parent.production, plan.result.solution, revision)


def _when(current: CurrentSchedule, start_text: str, freeze_text: str) -> tuple[date, int]:
    """The date and the freeze of the form; every problem at once."""
    start, freeze = start_date_of(start_text), freeze_of(freeze_text)
    late = left_to_plan(current, start) if isinstance(start, date) else None
    if isinstance(start, Problem) or isinstance(freeze, Problem) or late is not None:
        problems = [value for value in (start, late, freeze) if isinstance(value, Problem)]
        raise UploadRefused(422, "The re-plan's date or freeze is not understood", problems)
    return start, freeze


@replan_router.post("/jobs/{job_id}/replan-marked")
async def replan_marked(request: Request, job_id: str) -> Response:
    """Queue a re-plan of this job's plan with lost days and unavailable cast marked on the
    page: the job's own breakdown, edited as the producer would edit it."""
    web = context_of(request)
    parent = job_of(request, job_id)
    try:
        form = await receive_form(request, 0, max_files=0)
        try:
            check_csrf(request, form)
            current = _current_of(parent)
            if parent.changes is not None:
                raise UploadRefused(422, "Upload the edited breakdown", [Problem(
                    "", "a revised plan is re-planned from its edited breakdown; mark the "
                        "days on its Calendar sheet and upload it")])
            start, freeze = _when(current, str(form.get("from") or ""),
                                  str(form.get("freeze") or ""))
            production = _marked(parent, str(form.get("lost") or ""),
                                 str(form.get("cast") or ""),
                                 str(form.get("unavailable") or ""))
        finally:
            await form.close()
    except UploadRefused as refused:
        return web.pages.render(request, "replan_refused.html", refused.status_code,
                                refused=refused, job=parent)
    new_id = new_job_id()
    folder = web.root / new_id
    folder.mkdir(mode=0o700)
    try:
        (folder / REPLAN_MARKER).write_text(parent.id + "\n", encoding="utf-8")
        upload = folder / parent.upload.name
        shutil.copyfile(parent.upload, upload)
        progress = await run_in_threadpool(check_request, upload, parent.display_name,
                                           production, current, start, freeze)
    except UploadRefused as refused:
        shutil.rmtree(folder, ignore_errors=True)
        return web.pages.render(request, "replan_refused.html", refused.status_code,
                                refused=refused, job=parent)
    except OSError:  # the job expired between the page and the click
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(404, "The uploaded file has expired; upload it again.") from None
    job = Job(new_id, folder, production, upload, parent.display_name, parent.time_limit,
              replan=ReplanRequest(parent.id, current, start, freeze, progress))
    return submit_job(request, web, job)


def _marked(parent: Job, lost_text: str, cast_id: str, unavailable_text: str) -> Production:
    """The parent's production with the marked disruptions; every problem at once."""
    lost, problems = dates_of(lost_text, "Lost days")
    unavailable, more = unavailable_of(parent.production, cast_id.strip(), unavailable_text)
    problems += more
    if not problems and not lost and not unavailable:
        problems.append(Problem("", "mark a lost day or a cast member's unavailable dates"))
    if problems:
        raise UploadRefused(422, "The marked changes are not understood", problems)
    try:
        return disrupted(parent.production, lost, unavailable)
    except InputError as error:
        raise UploadRefused(422, "The plan cannot take these changes",
                            list(error.problems)) from None
