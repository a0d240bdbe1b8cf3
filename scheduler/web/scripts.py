"""The upload of a screenplay (``.fountain``, ``.txt``, ``.fdx``): the breakdown it makes,
shown to check and offered for download, then planned once a start date is given on the page.

A script is read into a breakdown in a folder of its own (``script-<id>`` under the jobs'
folder, removed ``keep_seconds`` after it was made); planning it writes the dated breakdown
into a new job's folder and queues that job as an uploaded workbook.
"""

from __future__ import annotations

import logging
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import InputError, PlanShootError, Problem
from ..excel.reader import read_workbook
from ..interop.uss.defaults import UssDefaults
from ..report import pages_text
from ..script import SCRIPT_SUFFIXES, ScriptImport, import_script, write_script_breakdown
from .access import check_csrf
from .jobs import Job, is_job_id, new_job_id
from .routes import WebContext, _upload_values, context_of, submit_job
from .uploads import (
    UploadRefused,
    receive_form,
    save_upload,
    shown_name,
    time_limit_of,
    uploaded_file,
)

logger = logging.getLogger("scheduler")

script_router = APIRouter()
FOLDER_PREFIX = "script-"
BREAKDOWN_NAME = "breakdown.xlsx"
MEDIA_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@script_router.get("/script")
def script_page(request: Request) -> Response:
    """The page to upload a screenplay."""
    web = context_of(request)
    return web.pages.render(request, "script_upload.html", **_upload_values(web))


@script_router.post("/script")
async def upload_script(request: Request) -> Response:
    """Read an uploaded screenplay and show the breakdown it makes."""
    web = context_of(request)
    _sweep(web)
    script_id = new_job_id()
    folder = web.root / f"{FOLDER_PREFIX}{script_id}"
    form = None
    try:
        form = await receive_form(request, web.settings.max_upload_bytes)
        check_csrf(request, form)
        file = uploaded_file(form)
        name = shown_name(file.filename)
        suffix = Path(name).suffix.lower()
        if suffix not in SCRIPT_SUFFIXES:
            raise UploadRefused(415, "This is not a screenplay", [Problem(
                "", f"{name} is not a Fountain (.fountain, .txt) or Final Draft (.fdx) "
                    "screenplay")], name)
        folder.mkdir(mode=0o700)
        saved = folder / f"script{suffix}"
        await save_upload(file, saved, web.settings.max_upload_bytes, name)
        (folder / "name").write_text(name, encoding="utf-8")
        imported = await run_in_threadpool(_import, saved, name, None)
        await run_in_threadpool(write_script_breakdown, imported, folder / BREAKDOWN_NAME)
    except UploadRefused as refused:
        shutil.rmtree(folder, ignore_errors=True)
        return web.pages.render(request, "script_refused.html", refused.status_code,
                                refused=refused, **_upload_values(web))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        if form is not None:
            await form.close()
    return web.pages.render(request, "script.html", **_breakdown_values(script_id, name,
                                                                        imported))


@script_router.get("/script/{script_id}/breakdown.xlsx")
def download_breakdown(request: Request, script_id: str) -> Response:
    """The breakdown workbook made from the script, to fill in."""
    folder = _folder(request, script_id)
    return FileResponse(folder / BREAKDOWN_NAME, media_type=MEDIA_XLSX,
                        filename=f"{Path(_name(folder)).stem}_breakdown.xlsx",
                        headers={"Cache-Control": "no-store"})


@script_router.post("/script/{script_id}/plan")
async def plan_script(request: Request, script_id: str) -> Response:
    """Plan the script's breakdown from the start date given on the page."""
    web = context_of(request)
    folder = _folder(request, script_id)
    name = _name(folder)
    try:
        form = await receive_form(request, 0, max_files=0)
        try:
            check_csrf(request, form)
            start = _start_date(str(form.get("start_date") or ""))
        finally:
            await form.close()
        script = next(folder.glob("script.*"))
        imported = await run_in_threadpool(_import, script, name, start)
    except UploadRefused as refused:
        return web.pages.message(request, refused.status_code, refused.heading,
                                 "; ".join(str(problem) for problem in refused.problems))
    job_id = new_job_id()
    job_folder = web.root / job_id
    job_folder.mkdir(mode=0o700)
    breakdown = job_folder / "upload.xlsx"
    try:
        await run_in_threadpool(write_script_breakdown, imported, breakdown)
        production = await run_in_threadpool(read_workbook, breakdown)
    except (InputError, OSError) as error:
        shutil.rmtree(job_folder, ignore_errors=True)
        logger.error("the breakdown of %s does not read back: %s", name, error)
        return web.pages.message(request, 500, "The breakdown could not be planned",
                                 "The breakdown made from the script does not read back; "
                                 "download it, check it with plan-shoot check, and upload it.")
    job = Job(job_id, job_folder, production, breakdown, name,
              time_limit_of(production, None, web.settings.max_time_limit))
    return submit_job(request, web, job)


# ----- helpers -----------------------------------------------------------------------------------


def _import(path: Path, name: str, start: date | None) -> ScriptImport:
    """The script's breakdown; every failure becomes ``UploadRefused`` naming the upload."""
    defaults = UssDefaults(settings={"start_date": start}, source="the page") if start else None
    try:
        return import_script(path, defaults)
    except InputError as error:
        problems = [Problem(p.where.replace(path.name, name),
                            p.message.replace(str(path), name).replace(path.name, name))
                    for p in error.problems]
        raise UploadRefused(422, "The script could not be read", problems, name) from None
    except PlanShootError as error:
        raise UploadRefused(422, "The script could not be read",
                            [Problem("", str(error).replace(str(path), name))], name) from None


def _start_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UploadRefused(400, "The start date is not valid", [Problem(
            "", f"start date {text.strip()[:20]!r}: give the first shoot day as YYYY-MM-DD")]
        ) from None


def _breakdown_values(script_id: str, name: str, imported: ScriptImport) -> dict[str, Any]:
    production = imported.production
    cast = {member.id: member.character for member in production.cast}
    scenes = [{"id": s.id, "int_ext": s.int_ext.value, "day_night": s.day_night.value,
               "set": s.set_name, "pages": pages_text(s.eighths),
               "cast": ", ".join(f"{c} {cast[c]}" for c in s.cast), "extras": s.extras,
               "tags": ", ".join(s.tags), "synopsis": s.synopsis} for s in production.scenes]
    return {"script_id": script_id, "script_name": name, "title": production.settings.title,
            "scenes": scenes, "cast": [(m.id, m.character, len(production.cast_scenes(m.id)))
                                       for m in production.cast],
            "locations": [location.name for location in production.locations],
            "pages": pages_text(sum(s.eighths for s in production.scenes)),
            "guesses": [n.removeprefix("guess: ") for n in production.notices
                        if n.startswith("guess: ")],
            "defaults": [n.removeprefix("default: ") for n in production.notices
                         if n.startswith("default: ")]}


def _folder(request: Request, script_id: str) -> Path:
    folder = context_of(request).root / f"{FOLDER_PREFIX}{script_id}"
    if not is_job_id(script_id) or not (folder / BREAKDOWN_NAME).is_file():
        raise HTTPException(404, "This breakdown does not exist, or it has expired and its "
                                 "files have been removed. Upload the script again.")
    return folder


def _name(folder: Path) -> str:
    return (folder / "name").read_text(encoding="utf-8")


def _sweep(web: WebContext) -> None:
    """Remove the script folders older than ``keep_seconds``."""
    oldest = time.time() - web.settings.keep_seconds
    for folder in web.root.glob(f"{FOLDER_PREFIX}*"):
        try:
            if folder.stat().st_mtime < oldest:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
