"""What an operator may tune about the upload page: sizes, queue, time limits, file lifetime."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..excel.source import MAX_FILE_BYTES

# The names of this machine's own loopback address, as a browser writes them in ``Host``.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
# Shorter tokens can be guessed over a LAN in reasonable time.
MIN_TOKEN_LENGTH = 12


def _workers_per_solve(max_running: int) -> int:
    """Share the cores between the solves that run at once (at least one each)."""
    return max(1, (os.cpu_count() or 1) // max_running)


@dataclass(frozen=True)
class WebSettings:
    """Settings of the web app.

    Parameters
    ----------
    max_upload_bytes
        Largest file accepted (the workbook reader's own limit by default).
    max_running
        Solves that run at the same time (one or two on a small machine); the rest wait.
    max_waiting
        Jobs that may wait; beyond that an upload is refused with a "busy" page.
    max_time_limit
        Longest search a user may ask for, in seconds; the workbook's ``time_limit_s`` is
        capped to it too.
    keep_seconds
        How long a finished job's files (upload and schedule) are kept before removal.
    sweep_seconds
        How often expired jobs are looked for.
    solver_workers
        CP-SAT workers per solve; 0 shares the cores between the running solves.
    deterministic
        One worker and a fixed seed per solve (tests).
    work_dir
        Where per-job folders are made when ``data_dir`` is None; None makes a fresh private
        temporary folder.  Jobs there last as long as the server.
    data_dir
        Where jobs are kept across restarts (``jobs.sqlite3`` and ``jobs/<id>/``); see
        ``scheduler.web.store``.  None keeps them in memory only.
    token
        The access token a visitor signs in with; None lets anyone who reaches the page use it
        (only allowed on this machine's loopback address, see ``serve``).
    allowed_hosts
        Host names (or addresses) the page answers to, against DNS rebinding; another ``Host``
        header gets a 400 page.  Empty answers to any name: only safe with a ``token``.
    session_days
        How long a sign-in lasts.
    max_query_bytes
        Longest query string accepted (longer gets a 414 page).
    """

    max_upload_bytes: int = MAX_FILE_BYTES
    max_running: int = 2
    max_waiting: int = 20
    max_time_limit: float = 600.0
    keep_seconds: float = 3600.0
    sweep_seconds: float = 60.0
    solver_workers: int = 0
    deterministic: bool = False
    work_dir: Path | None = field(default=None)
    data_dir: Path | None = field(default=None)
    token: str | None = field(default=None, repr=False)
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES
    session_days: float = 7.0
    max_query_bytes: int = 2048

    def __post_init__(self) -> None:
        if self.max_upload_bytes <= 0:
            raise ValueError("max_upload_bytes must be positive")
        if self.max_running < 1:
            raise ValueError("max_running must be at least 1")
        if self.max_waiting < 0:
            raise ValueError("max_waiting must not be negative")
        if self.max_time_limit <= 0 or self.keep_seconds <= 0 or self.sweep_seconds <= 0:
            raise ValueError("time limits and lifetimes must be positive")
        if self.token is not None and len(self.token) < MIN_TOKEN_LENGTH:
            raise ValueError(f"the access token must have at least {MIN_TOKEN_LENGTH} characters")
        if not self.allowed_hosts and self.token is None:
            raise ValueError("answering to any host name needs an access token")

    @property
    def workers_per_solve(self) -> int:
        return self.solver_workers or _workers_per_solve(self.max_running)
