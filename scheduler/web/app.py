"""The FastAPI app of the upload page: wiring, lifetime, error pages and security headers."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ..predict.model import TrainedModel
from .access import access_guard, server_key
from .access import router as access_router
from .events import router as events_router
from .jobs import JobQueue
from .pages import STATIC_DIR, Pages
from .replan_routes import replan_router
from .routes import WebContext, context_of, router
from .scripts import script_router
from .settings import WebSettings
from .solving import job_solver
from .store import JobStore
from .whatif_routes import whatif_router

logger = logging.getLogger("scheduler")

# Pages load only their own scripts, styles and images, and are never framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_TITLES = {400: "Bad request", 403: "Refused", 404: "Not found", 405: "Not allowed",
           413: "Too large"}


def create_app(settings: WebSettings | None = None, *,
               model: TrainedModel | None = None) -> FastAPI:
    """The upload page as an ASGI app.

    Parameters
    ----------
    settings
        Upload size, queue, time limits, file lifetime (defaults: ``WebSettings()``).
    model
        The bottleneck model for the risky days (default: the one shipped with plan-shoot).

    Returns
    -------
    FastAPI
        The app; its solver threads start with the first job (or, with ``settings.data_dir``,
        with the stored jobs to solve again) and stop when the app shuts down.  Without a data
        folder every job folder is then removed; with one, every job is kept for the next start.
    """
    settings = settings or WebSettings()
    store = JobStore(settings.data_dir) if settings.data_dir is not None else None
    owned = store is None and settings.work_dir is None
    root = (store.jobs_dir if store is not None
            else settings.work_dir or _private_folder())
    root.mkdir(parents=True, exist_ok=True)
    queue = JobQueue(job_solver(settings, model), max_running=settings.max_running,
                     max_waiting=settings.max_waiting, keep_seconds=settings.keep_seconds,
                     sweep_seconds=settings.sweep_seconds, store=store)
    if store is not None:
        store.tidy()
        queue.restore()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        queue.close()
        if owned:
            shutil.rmtree(root, ignore_errors=True)

    app = FastAPI(title="plan-shoot", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.web = WebContext(settings, queue, Pages(), root)
    app.state.key = key = server_key(settings.token)
    app.include_router(router)
    app.include_router(script_router)
    app.include_router(replan_router)
    app.include_router(whatif_router)
    app.include_router(access_router)
    app.include_router(events_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _bad_request)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _server_error)
    # The last added runs first: the security headers wrap the guard's own refusals too.
    app.middleware("http")(access_guard(settings, key, _message))
    app.middleware("http")(_security_headers)
    logger.info("upload page: job folders in %s", root)
    return app


def _private_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="plan-shoot-web-"))


async def _security_headers(request: Request,
                            call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
    if request.url.path.endswith("/status"):  # the JSON endpoint answers in JSON
        return JSONResponse({"detail": error.detail}, status_code=error.status_code)
    heading = _TITLES.get(error.status_code, "Error")
    # Starlette's own errors carry the bare status phrase; ours say what happened.
    text = ("That address is not a page of the planner."
            if error.detail == HTTPStatus(error.status_code).phrase else str(error.detail))
    response = context_of(request).pages.message(request, error.status_code, heading, text)
    response.headers.update(error.headers or {})  # a 405 says what is allowed (Allow)
    return response


def _message(request: Request, status_code: int, heading: str, text: str) -> Response:
    return context_of(request).pages.message(request, status_code, heading, text)


async def _bad_request(request: Request, error: RequestValidationError) -> Response:
    return context_of(request).pages.message(request, 400, "Bad request",
                                             "The request could not be understood.")


async def _server_error(request: Request, error: Exception) -> Response:
    logger.error("error on %s %s", request.method, request.url.path, exc_info=error)
    response = context_of(request).pages.message(
        request, 500, "Something went wrong",
        "Something went wrong on our side; it has been logged. Go back and try again.")
    # Starlette answers a crash outside the middleware that adds them to every other page.
    response.headers.update(SECURITY_HEADERS)
    return response
