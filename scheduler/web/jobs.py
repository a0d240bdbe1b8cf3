"""Jobs and their queue: a few solves at a time, the rest wait in order; files live and die
with their job.

A job is one uploaded production, its per-job folder (the upload and the files made from it) and
its solve.  ``JobQueue`` runs at most ``max_running`` jobs at once on its own threads, tells a
waiting job its place in the line, cancels (a waiting job leaves the line; a running one stops and
keeps its best schedule so far) and removes the folders of finished jobs after ``keep_seconds``.
Job ids are random (``secrets``, 128 bits): knowing one job's address tells nothing about
another's.

With a ``JobStore`` the queue keeps its jobs across restarts (``plan-shoot serve --data DIR``):
every change of state is written to the store, ``restore`` brings the stored jobs back, and
``close`` keeps every folder.  A job that was waiting or solving when the server stopped is
solved again from the start (its upload and production were kept), unless it was already tried
``store.MAX_ATTEMPTS`` times: then it may be what stopped the server, and it is marked failed.
Stopping the server cleanly stops a running solve the way the Stop button does: the job ends
with the best schedule found so far.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..data import Production
from ..planning import Plan
from ..result import Progress
from ..revision import ChangeReport
from .downloads import DownloadKind
from .replanning import ReplanRequest
from .store import MAX_ATTEMPTS, JobStore, StoredJob
from .whatif_jobs import WhatIfRun

logger = logging.getLogger("scheduler")

Clock = Callable[[], float]


class JobState(StrEnum):
    WAITING = "waiting"  # in the line for a free solver
    SOLVING = "solving"
    DONE = "done"  # solved: a schedule, a proof that none exists, or none found in time
    CANCELLED = "cancelled"  # left the line before its solve started
    FAILED = "failed"  # something broke on our side; logged

    @property
    def is_final(self) -> bool:
        return self in (JobState.DONE, JobState.CANCELLED, JobState.FAILED)


class QueueFull(Exception):
    """Too many jobs are waiting already."""


class QueueClosed(Exception):
    """The server is shutting down."""


def new_job_id() -> str:
    """An unguessable job id (128 random bits from ``secrets``), safe in a URL and as a folder
    name."""
    return secrets.token_hex(16)


def is_job_id(text: str) -> bool:
    """True when ``text`` has the form of a job id (checked before any lookup)."""
    return len(text) == 32 and all(ch in "0123456789abcdef" for ch in text)


@dataclass(eq=False)  # a job is itself: two uploads of one file are two jobs
class Job:
    """One uploaded production and its solve.

    Attributes
    ----------
    id
        From ``new_job_id``.
    folder
        The job's private folder: the upload and every file made from it.
    production
        The checked production.
    upload
        The uploaded file, saved under a name of our choosing inside ``folder``.
    display_name
        The file name the user's browser sent: shown (escaped), never used as a path.
    time_limit
        Seconds of search.
    replan
        For a re-plan job: the plan it revises and from when (``web.replanning``).
    whatif
        For a what-if job: its scenarios, their progress and comparison (``web.whatif_jobs``).
    changes
        A solved re-plan job's changes to the plan it revised.
    state, started_at, finished_at, progress, stop, plan, files
        The job's life, kept by the queue and the solver thread.
    """

    id: str
    folder: Path
    production: Production
    upload: Path
    display_name: str
    time_limit: float
    replan: ReplanRequest | None = None
    whatif: WhatIfRun | None = None
    changes: ChangeReport | None = field(default=None, init=False)
    state: JobState = field(default=JobState.WAITING, init=False)
    started_at: float | None = field(default=None, init=False)
    finished_at: float | None = field(default=None, init=False)
    progress: Progress | None = field(default=None, init=False)
    stop: threading.Event = field(default_factory=threading.Event, init=False)
    plan: Plan | None = field(default=None, init=False)
    files: dict[DownloadKind, Path] = field(default_factory=dict, init=False)

    @property
    def cancel_requested(self) -> bool:
        return self.stop.is_set()

    def record_progress(self, progress: Progress) -> None:
        """Keep the latest better schedule's numbers (called from the solver's thread)."""
        self.progress = progress  # one reference swap: readers see the old or the new one

    def elapsed(self, now: float) -> float:
        """Seconds of solving so far (0 while waiting)."""
        if self.started_at is None:
            return 0.0
        return (self.finished_at or now) - self.started_at


class JobQueue:
    """Run jobs in order of arrival, ``max_running`` at a time, on background threads.

    Parameters
    ----------
    work
        Solves a job and stores its outcome on it; an exception marks the job failed.
    max_running
        Jobs solved at the same time.
    max_waiting
        Jobs allowed to wait for a solver; ``submit`` refuses more.
    keep_seconds
        A finished job and its folder are removed this long after it finished.
    sweep_seconds
        How often the background sweep looks for expired jobs.
    clock
        Monotonic seconds (a parameter so tests can move time on).
    store
        Where jobs are kept across restarts; None keeps them in memory only, and ``close``
        removes their folders.
    """

    def __init__(self, work: Callable[[Job], None], *, max_running: int, max_waiting: int,
                 keep_seconds: float, sweep_seconds: float = 60.0,
                 clock: Clock = time.monotonic, store: JobStore | None = None) -> None:
        self._work = work
        self._max_running = max_running
        self._max_waiting = max_waiting
        self._keep_seconds = keep_seconds
        self._sweep_seconds = sweep_seconds
        self._clock = clock
        self._lock = threading.Condition()
        self._jobs: dict[str, Job] = {}
        self._waiting: deque[Job] = deque()
        self._busy = 0
        self._threads: list[threading.Thread] = []
        self._closed = threading.Event()
        self._store = store

    # ----- the line -------------------------------------------------------------------------------

    def submit(self, job: Job) -> None:
        """Put a job in the line (and start the solver threads on first use).

        Raises
        ------
        QueueFull
            When ``max_waiting`` jobs wait already and no solver is free.
        QueueClosed
            When the queue is shutting down.
        """
        with self._lock:
            if self._closed.is_set():
                raise QueueClosed
            free_solvers = self._max_running - self._busy
            if len(self._waiting) >= self._max_waiting + max(0, free_solvers):
                raise QueueFull
            job.state = JobState.WAITING
            if self._store is not None:
                self._store.add(job.id, job.display_name, job.upload.name, job.time_limit,
                                job.production)
            self._jobs[job.id] = job
            self._waiting.append(job)
            self._start_threads()
            self._lock.notify()
        logger.info("job %s queued (%d scenes, %.0f s)", job.id, len(job.production.scenes),
                    job.time_limit)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def position(self, job: Job) -> int | None:
        """Place in the line, 1 for the next to start; None when not waiting."""
        with self._lock:
            for index, waiting in enumerate(self._waiting):
                if waiting is job:
                    return index + 1
        return None

    def cancel(self, job: Job) -> None:
        """A waiting job leaves the line; a solving one stops and keeps its best schedule."""
        with self._lock:
            if job.state is JobState.WAITING:
                self._waiting.remove(job)
                job.state = JobState.CANCELLED
                job.finished_at = self._clock()
                if self._store is not None:
                    self._store.finished(job.id, job.state.value, 0.0, None, {})
                logger.info("job %s cancelled before it started", job.id)
                return
        if job.state is JobState.SOLVING:
            logger.info("job %s: stop asked, keeping the best schedule so far", job.id)
            job.stop.set()

    # ----- lifetime -------------------------------------------------------------------------------

    def sweep(self) -> list[str]:
        """Forget finished jobs older than ``keep_seconds`` and remove their folders.

        Returns
        -------
        list[str]
            The ids removed.
        """
        now = self._clock()
        with self._lock:
            expired = [job for job in self._jobs.values()
                       if job.finished_at is not None
                       and now - job.finished_at >= self._keep_seconds]
            for job in expired:
                del self._jobs[job.id]
        if self._store is not None:
            self._store.remove([job.id for job in expired])
        for job in expired:
            shutil.rmtree(job.folder, ignore_errors=True)
            logger.info("job %s expired; its files are removed", job.id)
        return [job.id for job in expired]

    def close(self, timeout: float = 10.0) -> None:
        """Stop running jobs (each keeps its best schedule) and wait for the threads to end.

        Without a store, waiting jobs are cancelled and every job's folder is removed (no queue
        is left to sweep them); with one, waiting jobs stay stored as waiting and every folder
        is kept for the next start.
        """
        with self._lock:
            self._closed.set()
            if self._store is None:
                for job in list(self._waiting):
                    job.state = JobState.CANCELLED
                    job.finished_at = self._clock()
            self._waiting.clear()
            for job in self._jobs.values():
                job.stop.set()
            self._lock.notify_all()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            jobs = list(self._jobs.values())
            self._jobs.clear()
        if self._store is not None:
            self._store.close()
            logger.info("job queue closed; %d jobs kept in %s", len(jobs), self._store.data_dir)
            return
        for job in jobs:
            shutil.rmtree(job.folder, ignore_errors=True)
        logger.info("job queue closed; %d job folders removed", len(jobs))

    def jobs(self) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())

    def now(self) -> float:
        """The queue's clock (the one job times are measured with)."""
        return self._clock()

    # ----- restart --------------------------------------------------------------------------------

    def restore(self) -> int:
        """Bring back the jobs of the store (after ``JobStore.tidy``); the expired ones are swept
        at once.  Returns the number of jobs put back in the line to be solved again."""
        if self._store is None:
            return 0
        queued = 0
        for row in self._store.rows():
            job = self._restored_job(self._store, row)
            if job is None:
                continue
            with self._lock:
                self._jobs[job.id] = job
                if job.state is JobState.WAITING:
                    self._waiting.append(job)
                    queued += 1
        self.sweep()
        if queued:
            with self._lock:
                self._start_threads()
                self._lock.notify_all()
        logger.info("restored %d jobs, %d of them to solve again", len(self._jobs), queued)
        return queued

    def _restored_job(self, store: JobStore, row: StoredJob) -> Job | None:
        production = store.production(row.id)
        if production is None:
            logger.warning("job %s is forgotten: its production cannot be read", row.id)
            store.remove([row.id])
            return None
        folder = store.jobs_dir / row.id
        job = Job(row.id, folder, production, folder / row.upload_name, row.display_name,
                  row.time_limit)
        state = JobState(row.state)
        if not state.is_final:
            if row.attempts < MAX_ATTEMPTS:
                return job  # waiting again
            logger.warning("job %s stopped the server %d times; not solved again", row.id,
                           row.attempts)
            state = JobState.FAILED
            store.finished(row.id, state.value, 0.0, None, {})
            finished_wall = store.wall_clock()
        else:
            finished_wall = row.finished_at if row.finished_at is not None else row.queued_at
            if state is JobState.DONE:
                job.plan = store.plan(row.id, production)
                if job.plan is None:
                    state = JobState.FAILED
                job.changes = store.changes(row.id)
                job.files = {kind: folder / kind.stored_name for kind in row.files}
        job.state = state
        # The wall-clock age, carried onto this process's monotonic clock.
        job.finished_at = self._clock() - max(0.0, store.wall_clock() - finished_wall)
        job.started_at = job.finished_at - row.solve_seconds
        return job

    # ----- threads ------------------------------------------------------------------------------

    def _start_threads(self) -> None:
        """Start the solver and sweeper threads once (called under the lock)."""
        if self._threads:
            return
        for number in range(self._max_running):
            self._threads.append(threading.Thread(target=self._solve_loop, daemon=True,
                                                  name=f"plan-shoot-solver-{number + 1}"))
        self._threads.append(threading.Thread(target=self._sweep_loop, daemon=True,
                                              name="plan-shoot-sweeper"))
        for thread in self._threads:
            thread.start()

    def _solve_loop(self) -> None:
        while True:
            with self._lock:
                while not self._waiting and not self._closed.is_set():
                    self._lock.wait()
                if self._closed.is_set():
                    return
                job = self._waiting.popleft()
                job.state = JobState.SOLVING
                job.started_at = self._clock()
                self._busy += 1
            if self._store is not None:
                self._store.started(job.id)
            final = self._run(job)
            with self._lock:
                job.state = final
                job.finished_at = self._clock()
                self._busy -= 1
            self._record_end(job)

    def _record_end(self, job: Job) -> None:
        """Store a finished job; a store that fails fails this job's record only."""
        if self._store is None:
            return
        try:
            self._store.finished(job.id, job.state.value, job.elapsed(self._clock()), job.plan,
                                 job.files, job.changes)
        except Exception:  # the schedule is still served until the restart
            logger.exception("job %s: its result could not be stored", job.id)

    def _run(self, job: Job) -> JobState:
        try:
            self._work(job)
        except Exception:  # one broken job must not take its solver thread down
            logger.exception("job %s failed", job.id)
            return JobState.FAILED
        return JobState.DONE

    def _sweep_loop(self) -> None:
        while not self._closed.wait(self._sweep_seconds):
            try:
                self.sweep()
            except Exception:  # a full disk or a locked database: try again next time
                logger.exception("sweeping expired jobs failed")
