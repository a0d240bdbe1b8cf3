"""``plan-shoot serve``: the upload page on uvicorn, refused on a network without a token."""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

import uvicorn

from ..errors import PlanShootError
from .app import create_app
from .settings import LOOPBACK_NAMES, MIN_TOKEN_LENGTH, WebSettings

logger = logging.getLogger("scheduler")

TOKEN_VARIABLE = "PLAN_SHOOT_TOKEN"
# Listening on these means every network the machine is on.
WILDCARD_HOSTS = ("0.0.0.0", "::", "")


class ServeRefused(PlanShootError):
    """The server would be reachable by others without an access token."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (``127.0.0.0/8``, ``::1``, ``localhost``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def default_data_dir() -> Path:
    """Where ``serve`` keeps its jobs by default: the user's data folder.

    ``$XDG_DATA_HOME/plan-shoot`` when that is set, else ``~/.local/share/plan-shoot`` (on
    macOS ``~/Library/Application Support/plan-shoot``, on Windows ``%LOCALAPPDATA%``): the
    same rule as ``platformdirs.user_data_dir``, without the dependency.
    """
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "plan-shoot"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "plan-shoot"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "plan-shoot"


def token_from(option: str | None) -> str | None:
    """The access token: the option, else ``PLAN_SHOOT_TOKEN``, else None (blank is None)."""
    token = option if option is not None else os.environ.get(TOKEN_VARIABLE, "")
    return token.strip() or None


def allowed_hosts_for(host: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The ``Host`` names the page answers to when listening on ``host``.

    On loopback: the loopback names.  On one address: that address, the loopback names and
    ``extra``.  On every address (``0.0.0.0``): ``extra`` only, or any name when there is none
    (the token then guards the page; give ``--allowed-host`` to also refuse rebound names).
    """
    if is_loopback(host):
        return (*LOOPBACK_NAMES, *extra)
    if host in WILDCARD_HOSTS:
        return (*LOOPBACK_NAMES, *extra) if extra else ()
    return (host.strip("[]"), *LOOPBACK_NAMES, *extra)


def check_exposure(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without an access token (D11).

    Raises
    ------
    ServeRefused
        With what to do instead.
    """
    if is_loopback(host) or token is not None:
        return
    raise ServeRefused(
        f"refusing to serve on {host}: other machines could use the planner without signing "
        f"in. Give an access token of at least {MIN_TOKEN_LENGTH} characters with --token or "
        f"the {TOKEN_VARIABLE} environment variable, and share it with the people who may use "
        "it; or serve on 127.0.0.1 (this machine only)")


def serve(host: str = "127.0.0.1", port: int = 8000, *,
          settings: WebSettings | None = None, log_level: str = "info") -> None:
    """Run the upload page until interrupted (Ctrl-C stops running solves; each keeps its best
    schedule).

    Parameters
    ----------
    host
        Address to listen on; the default is this machine only.  Any other address needs
        ``settings.token``: visitors then sign in with it.
    port
        TCP port.
    settings
        Upload size, queue, time limits, file lifetime, data folder, token (defaults:
        ``WebSettings()``, jobs in memory).  Its ``allowed_hosts`` are replaced by
        ``allowed_hosts_for(host, settings.allowed_hosts)`` when it keeps the default.
    log_level
        uvicorn's log level.

    Raises
    ------
    ServeRefused
        When ``host`` is not loopback and there is no token.
    """
    settings = settings or WebSettings()
    check_exposure(host, settings.token)
    if settings.allowed_hosts == LOOPBACK_NAMES:
        settings = replace(settings, allowed_hosts=allowed_hosts_for(host))
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level,
                # Uploads are limited by the app; keep-alive short so idle browsers free workers.
                timeout_keep_alive=5,
                # An open progress stream must not hold a stopping server for long.
                timeout_graceful_shutdown=5)
