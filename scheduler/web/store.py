"""Jobs kept across restarts: their state in SQLite, their files in one folder each.

The data folder holds ``jobs.sqlite3`` (the standard library's ``sqlite3`` in WAL mode, one
transaction per change) and ``jobs/<id>/`` with the upload, the downloads and two snapshots the
server made itself: ``production.pickle`` (the checked production, written when the job is
queued) and ``plan.pickle`` (the plan, written when the solve ends), so that a restarted server
shows the same result page without reading or solving anything again.

The pickles are never user input: they are written atomically by this server into its own folder
(mode 0700) and read back only from there; a snapshot that cannot be read marks its job failed.

Order of writes, so that a crash at any moment leaves nothing inconsistent: a job's files are
written (atomically) before its row says they exist, and its row is deleted before its folder.  At
start, ``JobStore.tidy`` removes what a crash may still have left: folders without a row (the
upload was being received), rows without a folder, and half-written ``.tmp`` files.

What happens to a job that was waiting or solving when the server stopped is the queue's choice
(``JobQueue.restore``): it is solved again, at most ``MAX_ATTEMPTS`` times in all.
"""

from __future__ import annotations

import logging
import pickle
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..data import Production
from ..errors import PlanShootError
from ..files import replace_atomically
from ..planning import Plan
from .downloads import DownloadKind

logger = logging.getLogger("scheduler")

DATABASE_NAME = "jobs.sqlite3"
LOCK_NAME = ".lock"
JOBS_FOLDER = "jobs"
PRODUCTION_SNAPSHOT = "production.pickle"
PLAN_SNAPSHOT = "plan.pickle"
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
        save_snapshot(self.jobs_dir / job_id / PRODUCTION_SNAPSHOT, production)
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
                 files: dict[DownloadKind, Path]) -> None:
        """The job ended: its plan snapshot first, then its row (state, time, downloads)."""
        if plan is not None:
            save_snapshot(self.jobs_dir / job_id / PLAN_SNAPSHOT, plan)
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
        """The job's production snapshot; None when it cannot be read."""
        loaded = load_snapshot(self.jobs_dir / job_id / PRODUCTION_SNAPSHOT)
        return loaded if isinstance(loaded, Production) else None

    def plan(self, job_id: str) -> Plan | None:
        """The job's plan snapshot; None when it cannot be read."""
        loaded = load_snapshot(self.jobs_dir / job_id / PLAN_SNAPSHOT)
        return loaded if isinstance(loaded, Plan) else None

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


def save_snapshot(path: Path, value: object) -> Path:
    """Pickle ``value`` to ``path`` atomically."""
    return replace_atomically(path, lambda temporary: temporary.write_bytes(
        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))


def load_snapshot(path: Path) -> Any:
    """What ``save_snapshot`` wrote (only ever from the server's own folder); None when it is
    missing or unreadable (another plan-shoot version, a damaged disk)."""
    try:
        with path.open("rb") as snapshot:
            # Only ever our own file: written by this server, never an upload.
            return pickle.load(snapshot)
    except FileNotFoundError:
        return None
    except Exception:  # any unpickling error: the job is shown as failed, not the server
        logger.exception("cannot read %s", path)
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
