"""Who may use the upload page: the Host check, the sign-in, and the CSRF token of every form.

Every visitor's browser gets a random *visit* cookie on its first page.  From it and the server's
key come two values no other site can know:

- the CSRF token, ``csrf_token(key, visit)``, put in every form as the ``csrf`` field and checked
  by every state-changing request (``check_csrf``; 403 without it): a form posted from another
  site carries no such field, and the browser does not send our SameSite=Strict cookies with it;
- with an access token, the *session* cookie set by the sign-in page: ``issued.mac``, an HMAC of
  the visit and the time of sign-in, valid for ``WebSettings.session_days``.

The key is derived from the access token, so sign-ins outlive a restart and end when the token
changes; without a token it is random per process (forms of pages opened before a restart are
refused once, and the reloaded page works).

The ``Host`` header must be one of ``WebSettings.allowed_hosts`` (against DNS rebinding: a page on
``attacker.example`` whose name is made to point at this machine is refused).  Query strings are
bounded.  All cookies are HttpOnly and SameSite=Strict (and Secure behind HTTPS).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from .pages import Pages, base_path
from .settings import WebSettings
from .uploads import UploadRefused, receive_form

logger = logging.getLogger("scheduler")

VISIT_COOKIE = "plan_shoot_visit"
SESSION_COOKIE = "plan_shoot_session"
CSRF_FIELD = "csrf"
# Pages a visitor without a session may see: the sign-in itself and what it is drawn with.
PUBLIC_PATHS = ("/sign-in", "/static/", "/palette.css")
WRONG_TOKEN_DELAY = 0.5  # seconds
_VISIT = re.compile(r"[A-Za-z0-9_-]{32}")
_SESSION = re.compile(r"(\d{1,12})\.([0-9a-f]{64})")

router = APIRouter()


def server_key(token: str | None) -> bytes:
    """The HMAC key: derived from the access token, else random for this process."""
    if token is None:
        return secrets.token_bytes(32)
    return hashlib.sha256(b"plan-shoot session key\0" + token.encode()).digest()


def csrf_token(key: bytes, visit: str) -> str:
    """The CSRF token of a visit: what every form of its pages carries."""
    return _mac(key, f"csrf\0{visit}")[:32]


def session_value(key: bytes, visit: str, issued: int) -> str:
    """The session cookie of a visit signed in at ``issued`` (seconds since the epoch)."""
    mac = _mac(key, f"session\0{visit}\0{issued}")
    return f"{issued}.{mac}"


def session_is_valid(key: bytes, visit: str, cookie: str, now: float,
                     lifetime_seconds: float) -> bool:
    """Whether ``cookie`` is the session of ``visit`` and has not run out."""
    match = _SESSION.fullmatch(cookie)
    if match is None:
        return False
    issued = int(match.group(1))
    if not 0 <= now - issued < lifetime_seconds:
        return False
    return hmac.compare_digest(cookie, session_value(key, visit, issued))


def host_name(host_header: str) -> str:
    """``Host`` without its port, lower case; IPv6 without brackets."""
    try:
        name = urlsplit(f"//{host_header}").hostname
    except ValueError:  # a malformed port or bracket
        return ""
    return (name or "").lower()


def host_allowed(settings: WebSettings, host_header: str) -> bool:
    """Whether the page answers to this ``Host`` (any, when ``allowed_hosts`` is empty)."""
    if not settings.allowed_hosts:
        return True
    return host_name(host_header) in {name.lower() for name in settings.allowed_hosts}


def is_public(path: str) -> bool:
    return any(path == prefix or (prefix.endswith("/") and path.startswith(prefix))
               for prefix in PUBLIC_PATHS)


def check_csrf(request: Request, form: FormData) -> None:
    """Refuse (403) a state-changing form without this visit's CSRF token."""
    sent = form.get(CSRF_FIELD)
    expected = getattr(request.state, "csrf", "")
    if not (isinstance(sent, str) and expected and hmac.compare_digest(sent, expected)):
        logger.warning("refused %s %s: no valid CSRF token", request.method, request.url.path)
        raise HTTPException(403, "This form has expired or did not come from this planner's "
                                 "page. Reload the page and try again.")


# ----- the middleware ----------------------------------------------------------------------------

Respond = Callable[[Request], Awaitable[Response]]
Refuse = Callable[[Request, int, str, str], Response]


def access_guard(settings: WebSettings, key: bytes,
                 refuse: Refuse) -> Callable[[Request, Respond], Awaitable[Response]]:
    """The HTTP middleware: Host and query checks, the visit cookie, the sign-in wall.

    Parameters
    ----------
    settings
        Allowed hosts, token, session lifetime, query limit.
    key
        From ``server_key``.
    refuse
        Makes the error page ``(request, status, heading, text)``.
    """
    lifetime = settings.session_days * 86400

    async def guard(request: Request, call_next: Respond) -> Response:
        host = request.headers.get("host", "")
        if not host_allowed(settings, host):
            logger.warning("refused a request for host %r", host[:100])
            return refuse(request, 400, "Unknown address",
                          "This planner does not answer to that address.")
        if len(request.scope.get("query_string", b"")) > settings.max_query_bytes:
            return refuse(request, 414, "Address too long", "That address is too long.")
        visit = request.cookies.get(VISIT_COOKIE, "")
        new_visit = _VISIT.fullmatch(visit) is None
        if new_visit:
            visit = secrets.token_urlsafe(24)
        request.state.visit = visit
        request.state.csrf = csrf_token(key, visit)
        signed_in = settings.token is not None and session_is_valid(
            key, visit, request.cookies.get(SESSION_COOKIE, ""), time.time(), lifetime)
        request.state.signed_in = signed_in  # the pages then offer to sign out
        path = request.url.path.removeprefix(base_path(request))
        if settings.token is None or signed_in or is_public(path):
            response = await call_next(request)
        else:
            response = _sign_in_wall(request, refuse)
        if new_visit:
            set_cookie(request, response, VISIT_COOKIE, visit, None)
        return response

    return guard


def _sign_in_wall(request: Request, refuse: Refuse) -> Response:
    """Pages lead to the sign-in; the JSON endpoint and the forms are refused."""
    if request.method in ("GET", "HEAD") and not request.url.path.endswith("/status"):
        return RedirectResponse(f"{base_path(request)}/sign-in", status_code=303)
    if request.url.path.endswith("/status"):
        return JSONResponse({"detail": "sign in first"}, status_code=403)
    return refuse(request, 403, "Sign in first", "Sign in with the access token first.")


def set_cookie(request: Request, response: Response, name: str, value: str,
               max_age: int | None) -> None:
    """An HttpOnly, SameSite=Strict cookie for the whole app (Secure behind HTTPS)."""
    response.set_cookie(name, value, max_age=max_age, path=base_path(request) or "/",
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")


# ----- the sign-in page --------------------------------------------------------------------------


@router.api_route("/sign-in", methods=["GET", "HEAD"])
def sign_in_page(request: Request) -> Response:
    settings: WebSettings = request.app.state.web.settings
    if settings.token is None or request.state.signed_in:
        return RedirectResponse(f"{base_path(request)}/", status_code=303)
    pages: Pages = request.app.state.web.pages
    return pages.render(request, "sign_in.html", wrong=False)


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    """Check the token; a right one sets the session cookie."""
    settings: WebSettings = request.app.state.web.settings
    pages: Pages = request.app.state.web.pages
    token = settings.token
    if token is None:
        return RedirectResponse(f"{base_path(request)}/", status_code=303)
    form = await _small_form(request)
    check_csrf(request, form)
    sent = form.get("token")
    if not (isinstance(sent, str) and hmac.compare_digest(sent.encode(), token.encode())):
        logger.warning("a sign-in with a wrong token")
        await asyncio.sleep(WRONG_TOKEN_DELAY)  # slows guessing down
        return pages.render(request, "sign_in.html", 403, wrong=True)
    response = RedirectResponse(f"{base_path(request)}/", status_code=303)
    issued = int(time.time())
    set_cookie(request, response, SESSION_COOKIE,
               session_value(request.app.state.key, request.state.visit, issued),
               int(settings.session_days * 86400))
    return response


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    form = await _small_form(request)
    check_csrf(request, form)
    response = RedirectResponse(f"{base_path(request)}/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=base_path(request) or "/")
    return response


async def _small_form(request: Request) -> FormData:
    try:
        return await receive_form(request, 0, max_files=0)
    except UploadRefused as refused:
        raise HTTPException(refused.status_code, str(refused.problems[0])) from None


def _mac(key: bytes, message: str) -> str:
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()
