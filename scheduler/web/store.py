"""Jobs kept across restarts: their state in SQLite, their files in one folder each.

The data folder holds ``jobs.sqlite3`` (the standard library's ``sqlite3`` in WAL mode, one
transaction per change) and ``jobs/<id>/`` with the upload, the downloads and two snapshots the
server made itself: ``production.json`` (the checked production, written when the job is queued)
and ``plan.json`` (the plan, written when the solve ends; a re-plan job's change report beside it
in ``changes.json``), so that a restarted server shows the same result page without reading the
upload or solving anything again.

The snapshots are JSON, validated field by field when read back (``scheduler.plan_json``), not
pickles: a data folder is a place an operator copies, restores or edits, so a file in it may come
from elsewhere, and loading a pickle runs whatever code it names.  JSON can at worst be wrong,
and wrong is refused: a snapshot that is missing, too large, corrupt or fails validation (or
whose schedule does not fit its production) marks its job failed, never the server.  Snapshots
of an older plan-shoot (``*.pickle``) are never read: their jobs are forgotten.

Order of writes, so that a crash at any moment leaves nothing inconsistent: a job's files are
written (atomically) before its row says they exist, and its row is deleted before its folder.  At
start, ``JobStore.tidy`` removes what a crash may still have left: folders without a row (the
upload was being received), rows without a folder, and half-written ``.tmp`` files.

What happens to a job that was waiting or solving when the server stopped is the queue's choice
(``JobQueue.restore``): it is solved again, at most ``MAX_ATTEMPTS`` times in all.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from ..data import Production
from ..errors import PlanShootError
from ..files import save_text_atomically
from ..plan_json import (
    PlanDocumentError,
    plan_from_json,
    plan_to_json,
    production_from_json,
    production_to_json,
)
from ..planning import Plan
from ..replan.report_json import changes_from_json, changes_to_json
from ..revision import ChangeReport
from .downloads import DownloadKind

logger = logging.getLogger("scheduler")

DATABASE_NAME = "jobs.sqlite3"
LOCK_NAME = ".lock"
JOBS_FOLDER = "jobs"
PRODUCTION_SNAPSHOT = "production.json"
PLAN_SNAPSHOT = "plan.json"
CHANGES_SNAPSHOT = "changes.json"  # a re-plan job's change report (``replan.report_json``)
# A snapshot larger than this is not read: far above any real one (a 90-scene feature: 54 kB).
MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024
SCHEMA_VERSION = 1
# A job that was being solved when the server stopped this many times is not tried again: it may
# be what stopped it.
MAX_ATTEMPTS = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    upload_name  TEXT NOT NULL,
    time_limit   REAL NOT NULL,
    state        TEXT NOT NULL,
    queued_at    REAL NOT NULL,
    finished_at  REAL,
    solve_seconds REAL NOT NULL DEFAULT 0,
    attempts     INTEGER NOT NULL DEFAULT 0,
    files        TEXT NOT NULL DEFAULT ''
)
"""

WallClock = Callable[[], float]
Loaded = TypeVar("Loaded")


@dataclass(frozen=True)
class StoredJob:
    """One row of the jobs table (times on the wall clock, seconds since the epoch)."""

    id: str
    display_name: str
    upload_name: str
    time_limit: float
    state: str
    queued_at: float
    finished_at: float | None
    solve_seconds: float
    attempts: int
    files: tuple[DownloadKind, ...]


class StoreError(PlanShootError):
    """The data folder's database cannot be opened or is not plan-shoot's."""


class JobStore:
    """The jobs' rows and snapshots under one data folder.

    Parameters
    ----------
    data_dir
        The data folder; made (mode 0700) when missing.
    wall_clock
        Seconds since the epoch (a parameter so that tests can move time on across restarts).
    exclusive
        Hold the data folder's lock while open, so that a second server on the same folder is
        refused (it would solve the same jobs again); tests that play a crash turn it off.

    Raises
    ------
    StoreError
        When another server holds the folder, or its database cannot be used.
    """

    def __init__(self, data_dir: Path, *, wall_clock: WallClock = time.time,
                 exclusive: bool = True) -> None:
        self.data_dir = data_dir
        self.jobs_dir = data_dir / JOBS_FOLDER
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.jobs_dir.mkdir(mode=0o700, exist_ok=True)
        self.wall_clock = wall_clock
        self._lock = threading.Lock()
        self._folder_lock = _lock_folder(data_dir) if exclusive else None
        try:
            # One connection shared by the request and solver threads, serialised by the lock.
            self._connection = sqlite3.connect(data_dir / DATABASE_NAME, check_same_thread=False,
                                               isolation_level=None, timeout=10)
            self._connection.execute("PRAGMA journal_mode=WAL")
            # FULL: a finished job survives a power cut, not only a crash.
            self._connection.execute("PRAGMA synchronous=FULL")
            with self._transaction() as cursor:
                cursor.execute(_SCHEMA)
                cursor.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.Error as error:
            self._release_folder()
            raise StoreError(f"cannot use the job database {data_dir / DATABASE_NAME}: {error}; "
                             "move it away to start with no jobs") from None

    # ----- rows -----------------------------------------------------------------------------------

    def add(self, job_id: str, display_name: str, upload_name: str, time_limit: float,
            production: Production) -> None:
        """A new waiting job: its production snapshot first, then its row."""
        save_text_atomically(self.jobs_dir / job_id / PRODUCTION_SNAPSHOT,
                             production_to_json(production))
        with self._transaction() as cursor:
            cursor.execute("INSERT INTO jobs (id, display_name, upload_name, time_limit, state, "
                           "queued_at) VALUES (?, ?, ?, ?, 'waiting', ?)",
                           (job_id, display_name, upload_name, time_limit, self.wall_clock()))

    def started(self, job_id: str) -> None:
        """The job's solve began: one more attempt."""
        with self._transaction() as cursor:
            cursor.execute("UPDATE jobs SET state = 'solving', attempts = attempts + 1 "
                           "WHERE id = ?", (job_id,))

    def finished(self, job_id: str, state: str, solve_seconds: float, plan: Plan | None,
                 files: dict[DownloadKind, Path], changes: ChangeReport | None = None) -> None:
        """The job ended: its plan snapshot (and a re-plan's change report) first, then its row
        (state, time, downloads)."""
        if plan is not None:
            save_text_atomically(self.jobs_dir / job_id / PLAN_SNAPSHOT, plan_to_json(plan))
        if changes is not None:
            save_text_atomically(self.jobs_dir / job_id / CHANGES_SNAPSHOT,
                                 changes_to_json(changes))
        kinds = ",".join(kind.value for kind in DownloadKind if kind in files)
        with self._transaction() as cursor:
            cursor.execute("UPDATE jobs SET state = ?, finished_at = ?, solve_seconds = ?, "
                           "files = ? WHERE id = ?",
                           (state, self.wall_clock(), solve_seconds, kinds, job_id))

    def remove(self, job_ids: list[str]) -> None:
        """Forget jobs: their rows first, then their folders (a crash between leaves only
        folders without rows, which ``tidy`` removes)."""
        if not job_ids:
            return
        with self._transaction() as cursor:
            cursor.executemany("DELETE FROM jobs WHERE id = ?", [(job_id,) for job_id in job_ids])
        for job_id in job_ids:
            shutil.rmtree(self.jobs_dir / job_id, ignore_errors=True)

    def rows(self) -> list[StoredJob]:
        """Every stored job, oldest first."""
        with self._lock:
            found = self._connection.execute(
                "SELECT id, display_name, upload_name, time_limit, state, queued_at, "
                "finished_at, solve_seconds, attempts, files FROM jobs ORDER BY queued_at"
            ).fetchall()
        return [_stored_job(row) for row in found]

    # ----- files ----------------------------------------------------------------------------------

    def tidy(self) -> None:
        """Remove what a crash may have left: folders without a row, rows without a folder, and
        half-written temporary files."""
        known = {row.id for row in self.rows()}
        for folder in self.jobs_dir.iterdir():
            if folder.name not in known:
                logger.info("removing %s: no job of that id is stored", folder)
                if folder.is_dir():
                    shutil.rmtree(folder, ignore_errors=True)
                else:
                    folder.unlink(missing_ok=True)
            else:
                for debris in folder.glob(".*.tmp"):
                    debris.unlink(missing_ok=True)
        missing = [job_id for job_id in known if not (self.jobs_dir / job_id).is_dir()]
        if missing:
            logger.warning("forgetting %d jobs whose folders are gone", len(missing))
            self.remove(missing)

    def production(self, job_id: str) -> Production | None:
        """The job's production snapshot; None when it is missing or not a valid production."""
        path = self.jobs_dir / job_id / PRODUCTION_SNAPSHOT
        text = read_snapshot(path)
        return None if text is None else _parsed(path, lambda: production_from_json(text))

    def plan(self, job_id: str, production: Production) -> Plan | None:
        """The job's plan snapshot, rebuilt on its ``production``; None when it is missing, not
        a valid plan, or does not fit the production."""
        path = self.jobs_dir / job_id / PLAN_SNAPSHOT
        text = read_snapshot(path)
        return None if text is None else _parsed(path, lambda: plan_from_json(text, production))

    def changes(self, job_id: str) -> ChangeReport | None:
        """A re-plan job's change report; None for a job without one, or when it is not a
        valid report (the job then shows its board and downloads without the Changes)."""
        path = self.jobs_dir / job_id / CHANGES_SNAPSHOT
        if not path.exists():  # a first plan: no report to read, nothing to warn about
            return None
        text = read_snapshot(path)
        return None if text is None else _parsed(path, lambda: changes_from_json(text))

    def close(self) -> None:
        with self._lock:
            self._connection.close()
        self._release_folder()

    def _release_folder(self) -> None:
        if self._folder_lock is not None:
            self._folder_lock.close()  # closing the file releases its lock
            self._folder_lock = None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        """One transaction, all or nothing; a database error becomes ``StoreError``."""
        with self._lock:
            try:
                cursor = self._connection.cursor()
                cursor.execute("BEGIN IMMEDIATE")
                try:
                    yield cursor
                except BaseException:
                    cursor.execute("ROLLBACK")
                    raise
                cursor.execute("COMMIT")
            except sqlite3.Error as error:
                raise StoreError(f"the job database failed: {error}") from error


def _lock_folder(data_dir: Path) -> IO[bytes] | None:
    """An exclusive lock on ``data_dir/.lock`` for as long as the returned file is open (where
    the system has ``fcntl``; elsewhere, None)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one server per folder is then the rule
        return None
    handle = (data_dir / LOCK_NAME).open("ab")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise StoreError(f"another plan-shoot server is using {data_dir}; stop it, or give this "
                         "one another --data folder") from None
    return handle


def read_snapshot(path: Path) -> bytes | None:
    """The bytes of a snapshot; None (logged) when it is missing, unreadable or larger than
    ``MAX_SNAPSHOT_BYTES``."""
    try:
        with path.open("rb") as snapshot:
            # One byte more than the limit tells a file at the limit from a larger one.
            text = snapshot.read(MAX_SNAPSHOT_BYTES + 1)
    except FileNotFoundError:
        logger.warning("cannot read %s: it is missing", path)
        return None
    except OSError as error:
        logger.warning("cannot read %s: %s", path, error)
        return None
    if len(text) > MAX_SNAPSHOT_BYTES:
        logger.warning("cannot read %s: larger than %d bytes", path, MAX_SNAPSHOT_BYTES)
        return None
    return text


def _parsed(path: Path, parse: Callable[[], Loaded]) -> Loaded | None:
    """What ``parse`` makes of the snapshot at ``path``; None (logged) when it refuses it."""
    try:
        return parse()
    except PlanDocumentError as error:
        logger.warning("cannot read %s: %s", path, error)
        return None
    except Exception:  # a check of the production's own that is not a validation error: the
        logger.exception("cannot read %s", path)  # job is shown as failed, not the server
        return None


def _stored_job(row: tuple[Any, ...]) -> StoredJob:
    (job_id, display_name, upload_name, time_limit, state, queued_at, finished_at,
     solve_seconds, attempts, files) = row
    known = {kind.value for kind in DownloadKind}
    kinds = tuple(DownloadKind(kind) for kind in str(files).split(",") if kind in known)
    return StoredJob(str(job_id), str(display_name), str(upload_name), float(time_limit),
                     str(state), float(queued_at),
                     None if finished_at is None else float(finished_at), float(solve_seconds),
                     int(attempts), kinds)
