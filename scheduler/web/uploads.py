"""Receiving an upload: a size-limited form, a file saved under our own name, the production read.

Whatever goes wrong becomes ``UploadRefused`` with the HTTP status and the problems to show; the
uploaded file name is only ever shown (escaped), never used to build a path.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from ..data import Production
from ..errors import InputError, PlanShootError, Problem
from ..excel.source import REFUSED_SUFFIXES
from ..inputs import read_production

logger = logging.getLogger("scheduler")

ACCEPTED_SUFFIXES = (".xlsx", ".uss")
# Room for the multipart boundaries and the other form fields around the file.
FORM_OVERHEAD_BYTES = 64 * 1024
COPY_CHUNK_BYTES = 1024 * 1024
MAX_SHOWN_NAME = 120
MIN_TIME_LIMIT = 1.0

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]


class UploadRefused(Exception):
    """An upload that cannot be planned.

    Parameters
    ----------
    status_code
        The HTTP status of the page that says so.
    heading
        The page's heading, in the user's words.
    problems
        What is wrong; located ones (``Sheet!CELL``) are shown against the workbook's rows.
    display_name
        The uploaded file's name as the browser sent it (for display only).
    """

    def __init__(self, status_code: int, heading: str, problems: list[Problem],
                 display_name: str = "") -> None:
        super().__init__(heading)
        self.status_code = status_code
        self.heading = heading
        self.problems = problems
        self.display_name = display_name


class _BodyTooLarge(Exception):
    pass


def clean_name(filename: str | None) -> str:
    """The uploaded file's base name without control characters (never used as a path)."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()


def shown_name(filename: str | None) -> str:
    """``clean_name`` shortened, its suffix kept: for display only."""
    name = clean_name(filename)
    if len(name) > MAX_SHOWN_NAME:
        suffix = Path(name).suffix[:10]
        name = name[:MAX_SHOWN_NAME - 3 - len(suffix)] + "..." + suffix
    return name or "the file"


def accepted_suffix(name: str, shown: str | None = None) -> str:
    """``.xlsx`` or ``.uss`` from the file's whole name; anything else is refused with a reason
    that quotes ``shown`` (default: ``name``)."""
    suffix = Path(name).suffix.lower()
    if suffix in ACCEPTED_SUFFIXES:
        return suffix
    reason = REFUSED_SUFFIXES.get(suffix, "is not an Excel workbook (.xlsx) or a USS file (.uss)")
    shown = shown or name
    raise UploadRefused(415, "This is not a breakdown workbook",
                        [Problem("", f"{shown} {reason}")], shown)


async def receive_form(request: Request, max_upload_bytes: int, *,
                       max_files: int = 1, max_fields: int = 8) -> FormData:
    """The form, refused as soon as the body grows past the size limit.

    The limit is checked against ``Content-Length`` first and then against the bytes actually
    received, so that a client that lies about (or omits) the length is stopped too.

    Parameters
    ----------
    request
        The request whose body is the form.
    max_upload_bytes
        The largest file; the form may be ``FORM_OVERHEAD_BYTES`` larger.
    max_files
        File fields allowed (0 for a form without a file).
    max_fields
        Other fields allowed.
    """
    limit = max_upload_bytes + FORM_OVERHEAD_BYTES
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(max_upload_bytes)
    limited = Request(request.scope, _counting(request.receive, limit))
    try:
        return await limited.form(max_files=max_files, max_fields=max_fields)
    except _BodyTooLarge:
        raise too_large(max_upload_bytes) from None
    except HTTPException as error:  # Starlette's word for a form it cannot parse
        raise UploadRefused(error.status_code, "The upload could not be read",
                            [Problem("", f"the form could not be read ({error.detail})")]) from None


def _counting(receive: Receive, limit: int) -> Receive:
    received = 0

    async def counted() -> Message:
        nonlocal received
        message = await receive()
        if message.get("type") == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise _BodyTooLarge
        return message

    return counted


def too_large(max_upload_bytes: int, name: str = "") -> UploadRefused:
    megabytes = max_upload_bytes / 1024 / 1024
    return UploadRefused(413, "The file is too large", [Problem(
        "", f"{name or 'the file'} is larger than the limit of {megabytes:.1f} MB; a breakdown "
            "workbook is far smaller: remove pictures or unrelated sheets and try again")], name)


def uploaded_file(form: FormData) -> UploadFile:
    """The form's ``file`` field, refused when no file was chosen."""
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise UploadRefused(400, "No file was chosen",
                            [Problem("", "choose a breakdown workbook (.xlsx) or a USS file "
                                         "(.uss) to upload")])
    return upload


async def save_upload(upload: UploadFile, target: Path, max_upload_bytes: int,
                      name: str) -> None:
    """Copy the upload to ``target`` in chunks, refusing it past the size limit."""
    written = 0
    with target.open("wb") as out:
        while chunk := await upload.read(COPY_CHUNK_BYTES):
            written += len(chunk)
            if written > max_upload_bytes:
                raise too_large(max_upload_bytes, name)
            out.write(chunk)
    if written == 0:
        raise UploadRefused(422, "The file is empty", [Problem("", f"{name} is empty")], name)


def time_limit_asked(text: str, maximum: float) -> float | None:
    """Seconds of search from the form: None when left blank (the workbook's own value)."""
    cleaned = text.strip().lower().removesuffix("s").strip()
    if not cleaned:
        return None
    try:
        seconds = float(cleaned)
    except ValueError:
        seconds = float("nan")
    if not MIN_TIME_LIMIT <= seconds <= maximum:  # also refuses NaN
        raise UploadRefused(400, "The time limit is not valid", [Problem(
            "", f"time limit {text.strip()[:40]!r}: give a number of seconds from "
                f"{MIN_TIME_LIMIT:g} to {maximum:g}, or leave it blank for the workbook's own")])
    return seconds


def time_limit_of(production: Production, asked: float | None, maximum: float) -> float:
    """The asked time limit, else the workbook's ``time_limit_s``, never above ``maximum``."""
    return min(asked if asked is not None else production.settings.time_limit_s, maximum)


def read_upload(path: Path, name: str) -> Production:
    """Read and check the saved upload; every failure becomes ``UploadRefused``.

    Messages that quote the saved file's path quote the uploaded name instead: the user never
    sees our folders.
    """
    try:
        return read_production(path, uss_title=Path(name).stem)
    except InputError as error:
        problems = [Problem(p.where, _without_our_path(p.message, path, name))
                    for p in error.problems]
        located = any(problem.where for problem in problems)
        heading = (f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {name}"
                   if located else "The file could not be read")
        raise UploadRefused(422, heading, problems, name) from None
    except PlanShootError as error:
        raise UploadRefused(422, "The file could not be read", [Problem(
            "", _without_our_path(str(error), path, name))], name) from None
    except Exception:  # never a traceback for a user's file
        logger.exception("unexpected error reading an upload (%s)", name)
        raise UploadRefused(422, "The file could not be read", [Problem(
            "", f"{name} could not be read; if it opens in Excel, this is a bug in plan-shoot, "
                "please report it")], name) from None


def _without_our_path(message: str, path: Path, name: str) -> str:
    return message.replace(str(path), name).replace(path.name, name)
