"""Where the solves run: in this process, in local processes, or on a Ray cluster.

Every executor runs a list of ``tasks.SolveTask`` and gives back their ``tasks.TaskOutcome`` in
the same order, reporting each start and each better schedule on the way (``TaskEvent``), and
honours ``stop``: the solves running keep their best schedule, the ones not started come back
``stopped``.

- ``InProcess`` (``parallel=1``): one solve after another on the caller's thread.
- ``LocalPool`` (``parallel=N``): N processes (``forkserver``, else ``spawn``: both safe beside
  threads), started once and kept for every task, so process start-up and imports (OR-Tools,
  LightGBM) are paid once, while the base plan solves.  Each task is JSON text in and out;
  ``stop`` and the progress reach the processes through a ``multiprocessing`` event and queue.
- ``RayCluster`` (``--cluster ADDRESS``): the same tasks as Ray tasks (the optional extra
  ``plan-shoot[cluster]``); each task asks Ray for as many CPUs as it has CP-SAT workers.  Ray
  reports no progress from inside a task, only its end; ``stop`` cancels what has not finished.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import PlanShootError
from ..result import Progress
from .tasks import SolveTask, TaskOutcome, run_task, run_task_json

logger = logging.getLogger("scheduler")

# Seconds between two looks at the stop event and the progress queue.
POLL_SECONDS = 0.1
RAY_INSTALL = "pip install 'plan-shoot[cluster]' (or uv sync --extra cluster)"


@dataclass(frozen=True)
class TaskEvent:
    """A task started (no ``objective``, no ``outcome``), found a better schedule (its cost in
    cost units) or finished (its ``outcome``)."""

    name: str
    elapsed: float = 0.0
    objective: int | None = None
    bound: int | None = None
    outcome: TaskOutcome | None = None


EventSink = Callable[[TaskEvent], None]


class Executor(Protocol):
    """Runs solve tasks somewhere (see the module docstring)."""

    @property
    def cores(self) -> int:
        """The CPUs the executor may use at once."""

    @property
    def slots(self) -> int:
        """How many solves run at once."""

    def run(self, tasks: Sequence[SolveTask], on_event: EventSink) -> list[TaskOutcome]:
        """Run ``tasks``; their outcomes in the same order."""

    def close(self) -> None:
        """Release the processes or the cluster connection."""


def machine_cores() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def stopped_outcome(task: SolveTask) -> TaskOutcome:
    return TaskOutcome(name=task.name, stopped=True)


# ----- in this process ----------------------------------------------------------------------------


class InProcess:
    """One solve after another, here (``parallel=1``)."""

    def __init__(self, stop: threading.Event | None = None) -> None:
        self.stop = stop

    @property
    def cores(self) -> int:
        return machine_cores()

    @property
    def slots(self) -> int:
        return 1

    def run(self, tasks: Sequence[SolveTask], on_event: EventSink) -> list[TaskOutcome]:
        outcomes = []
        for task in tasks:
            if self.stop is not None and self.stop.is_set():
                outcomes.append(stopped_outcome(task))
                continue
            on_event(TaskEvent(task.name))
            outcome = run_task(task, self.stop, _forwarder(task.name, on_event))
            on_event(TaskEvent(task.name, outcome.runtime, outcome=outcome))
            outcomes.append(outcome)
        return outcomes

    def close(self) -> None:
        return None


def _forwarder(name: str, on_event: EventSink) -> Callable[[Progress], None]:
    def forward(progress: Progress) -> None:
        on_event(TaskEvent(name, progress.elapsed, progress.objective, progress.bound))
    return forward


# ----- local processes ------------------------------------------------------------------------------

# In a pool process: the stop event and the event queue of the parent (``_start_worker``).
_worker_stop: Any = None
_worker_events: Any = None


def _start_worker(stop: Any, events: Any) -> None:
    global _worker_stop, _worker_events
    _worker_stop, _worker_events = stop, events
    # Ctrl-C at a terminal reaches every process of the group: the parent answers it (the stop
    # event), a pool process keeps solving until the event says stop, and keeps its best.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up() -> None:
    """Nothing: importing this module in the new process loaded the planner."""


def _pool_task(task_json: str) -> str:
    """``run_task`` in a pool process, its stop mirrored from the parent's event."""
    task = SolveTask.model_validate_json(task_json)
    if _worker_stop is not None and _worker_stop.is_set():  # queued before the stop came
        return stopped_outcome(task).model_dump_json()
    stop, finished = threading.Event(), threading.Event()

    def watch() -> None:
        while not finished.is_set():
            if _worker_stop is not None and _worker_stop.wait(POLL_SECONDS):
                stop.set()
                return

    def post(progress: Progress) -> None:
        if _worker_events is not None:
            _worker_events.put((task.name, progress.elapsed, progress.objective, progress.bound))

    watcher = threading.Thread(target=watch, name="plan-shoot-stop", daemon=True)
    watcher.start()
    if _worker_events is not None:
        _worker_events.put((task.name, 0.0, None, None))
    try:
        return run_task(task, stop, post).model_dump_json()
    finally:
        finished.set()


def pool_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one (Linux, macOS), else ``spawn``.

    Both are safe beside the parent's threads (a forked child of a threaded parent may inherit
    a lock held by another thread).  The fork server is a fresh process that imports the
    planner once (``set_forkserver_preload``) and forks every pool process from there, so the
    seconds of importing OR-Tools and LightGBM are paid once, not once per process: on 2 busy
    cores that is the difference between the pool being ready before the base plan is and
    after it.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


class LocalPool:
    """``processes`` local processes, kept for every task of every ``run``.

    Parameters
    ----------
    processes
        How many solves run at once.
    stop
        Set it to stop: the solves running keep their best, the rest are not started.
    """

    def __init__(self, processes: int, stop: threading.Event | None = None) -> None:
        context = pool_context()
        self.stop = stop
        self.processes = processes
        self._stop_all = context.Event()
        self._events: Any = context.Queue()
        self._pool = ProcessPoolExecutor(processes, mp_context=context,
                                         initializer=_start_worker,
                                         initargs=(self._stop_all, self._events))
        # Start every process now, from a thread (starting the fork server waits for its
        # imports): they load the planner while the base plan solves.
        self._warming = threading.Thread(target=self._warm_up, name="plan-shoot-pool",
                                         daemon=True)
        self._warming.start()

    def _warm_up(self) -> None:
        try:
            for _ in range(self.processes):
                self._pool.submit(_warm_up)
        except (BrokenProcessPool, RuntimeError):  # closed or broken: run() says so
            logger.debug("the pool could not be warmed up", exc_info=True)

    @property
    def cores(self) -> int:
        return machine_cores()

    @property
    def slots(self) -> int:
        return self.processes

    def run(self, tasks: Sequence[SolveTask], on_event: EventSink) -> list[TaskOutcome]:
        if self.stop is not None and self.stop.is_set():
            self._stop_all.set()
            return [stopped_outcome(task) for task in tasks]
        try:
            futures: list[Future[str]] = [self._pool.submit(_pool_task, task.model_dump_json())
                                          for task in tasks]
        except BrokenProcessPool as error:  # a process died earlier (killed, out of memory)
            return [TaskOutcome(name=task.name, error=f"the solve's process failed: {error}")
                    for task in tasks]
        task_of = dict(zip(futures, tasks, strict=True))
        outcomes: dict[Future[str], TaskOutcome] = {}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            self._forward_events(on_event)
            for future in sorted(done, key=futures.index):
                outcome = outcomes[future] = self._outcome(task_of[future], future)
                on_event(TaskEvent(outcome.name, outcome.runtime, outcome=outcome))
            if self.stop is not None and self.stop.is_set():
                self._stop_all.set()
                for future in pending:
                    future.cancel()
        self._forward_events(on_event)
        return [outcomes[future] for future in futures]

    def _forward_events(self, on_event: EventSink) -> None:
        while True:
            try:
                name, elapsed, objective, bound = self._events.get_nowait()
            except queue.Empty:
                return
            on_event(TaskEvent(name, elapsed, objective, bound))

    @staticmethod
    def _outcome(task: SolveTask, future: Future[str]) -> TaskOutcome:
        if future.cancelled():
            return stopped_outcome(task)
        error = future.exception()
        if error is not None:  # the process died (killed, out of memory)
            return TaskOutcome(name=task.name, error=f"the solve's process failed: {error}")
        return TaskOutcome.model_validate_json(future.result())

    def close(self) -> None:
        self._stop_all.set()
        self._warming.join()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._events.close()


# ----- a Ray cluster --------------------------------------------------------------------------------


class RayCluster:
    """The tasks as Ray tasks on the cluster at ``address``.

    Parameters
    ----------
    address
        ``auto`` (the cluster this machine is a node of), ``ray://HEAD:10001`` (Ray Client) or
        ``local`` (start a Ray on this machine).  When this process is already connected to
        Ray (``ray.init`` was called), that connection is used as it is.
    stop
        Set it to stop: the tasks not finished are cancelled.
    local_cpus
        The CPUs of a Ray started here (``local``); default all.

    Raises
    ------
    PlanShootError
        When Ray is not installed or the cluster cannot be reached.
    """

    def __init__(self, address: str, stop: threading.Event | None = None,
                 local_cpus: int | None = None) -> None:
        # Under ``uv run`` Ray would start every worker with ``uv run`` in a copy of this
        # folder (a fresh environment per worker: minutes, and the network); the workers use
        # the interpreter plan-shoot is installed in instead.
        os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")
        try:
            import ray
        except ImportError:
            raise PlanShootError(f"--cluster needs Ray: {RAY_INSTALL}") from None
        self._ray: Any = ray
        self.stop = stop
        self._owned = not ray.is_initialized()
        if self._owned:
            try:
                if address == "local":
                    ray.init(num_cpus=local_cpus, include_dashboard=False,
                             logging_level=logging.WARNING, log_to_driver=False)
                else:
                    ray.init(address=address, logging_level=logging.WARNING,
                             log_to_driver=False)
            except Exception as error:  # Ray raises ConnectionError, RuntimeError, ...
                raise PlanShootError(f"cannot reach the Ray cluster at {address}: "
                                     f"{error}") from None
        self._remote = ray.remote(run_task_json)

    @property
    def cores(self) -> int:
        return max(1, int(self._ray.cluster_resources().get("CPU", 1)))

    @property
    def slots(self) -> int:
        return self.cores

    def run(self, tasks: Sequence[SolveTask], on_event: EventSink) -> list[TaskOutcome]:
        ray = self._ray
        references = []
        for task in tasks:
            cpus = max(1, min(task.workers or 1, self.cores))
            references.append(self._remote.options(num_cpus=cpus).remote(
                task.model_dump_json()))
            on_event(TaskEvent(task.name))
        results: dict[int, TaskOutcome] = {}
        pending = list(references)
        while pending:
            if self.stop is not None and self.stop.is_set():
                for reference in pending:
                    ray.cancel(reference)
                break
            ready, pending = ray.wait(pending, num_returns=1, timeout=POLL_SECONDS)
            for reference in ready:
                index = references.index(reference)
                outcome = results[index] = self._outcome(tasks[index], reference)
                on_event(TaskEvent(outcome.name, outcome.runtime, outcome=outcome))
        return [results.get(index) or stopped_outcome(task) for index, task in enumerate(tasks)]

    def _outcome(self, task: SolveTask, reference: Any) -> TaskOutcome:
        try:
            return TaskOutcome.model_validate_json(self._ray.get(reference))
        except Exception as error:  # a worker lost, a task cancelled
            return TaskOutcome(name=task.name, error=f"the Ray task failed: {error}")

    def close(self) -> None:
        if self._owned:
            self._ray.shutdown()
