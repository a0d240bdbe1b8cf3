"""What-if jobs on the upload page: the scenarios of a result page's "What if..." form, planned
and priced against the base in the job queue, like any other job.

A what-if job is an ordinary job of the queue (it waits for a solver, counts against the
waiting line and the solves at once, can be stopped) whose folder holds its request,
``whatif.json`` (the scenarios and the search's settings, JSON: after a restart a job still
waiting is solved again from it), and once solved the comparison, ``comparison.json`` (the
table's rows, JSON validated field by field when read back, never a pickle), beside the files
offered: ``whatif/COMPARISON.xlsx``, each scenario's schedule workbook beside it, and all of
them in ``whatif_schedules.zip``.  The job's plan is the base's plan after the comparison's
consistency rule, so the store keeps it like any job's.

Time.  The whole job stays within the page's longest solve (``WebSettings.max_time_limit``):
each solve gets the parent job's time limit, or less when the base, the scenarios, the pricing
of the suggestion candidates and the suggestions re-solved would not fit
(``scenario_time_limit``); and a deadline stops what is still solving when the longest solve is
reached (the solves keep their best schedule, the ones not started are marked stopped).

Where.  The solves run one after another in the solver thread the queue gave the job
(``parallel=1``) with that thread's share of the cores (``WebSettings.workers_per_solve``): the
queue already runs ``max_running`` jobs at once, one per share of the machine, so a what-if job
takes one share like any job; a pool of processes would take more than its share from the other
jobs and pay each process's start-up (OR-Tools, the bottleneck model) for a few short solves.
Local processes only: no Ray cluster from the page.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
import zipfile
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..config import SolverConfig
from ..data import Production, Settings
from ..files import replace_atomically, save_text_atomically
from ..planning import Plan
from ..predict.model import TrainedModel
from ..result import Result, SolveStatus
from ..whatif import (
    ChangeKind,
    Comparison,
    Scenario,
    ScenarioProgress,
    compare_scenarios,
    write_comparison,
)
from ..whatif.compare import PRICE_MIN_SECONDS, PRICE_SHARE
from ..whatif.executors import InProcess
from ..whatif.suggest import MAX_CANDIDATES
from ..whatif.workbook import schedule_paths
from .settings import WebSettings
from .store import read_snapshot

if TYPE_CHECKING:  # jobs.py imports this module for WhatIfRun
    from .jobs import Job

logger = logging.getLogger("scheduler")

REQUEST_NAME = "whatif.json"
COMPARISON_NAME = "comparison.json"
FILES_FOLDER = "whatif"
WORKBOOK_NAME = "COMPARISON.xlsx"
ZIP_NAME = "whatif_schedules.zip"
# The share of the longest solve the planned solves may fill; the rest is for what a solve
# takes past its time limit (the risk rounds, the workbooks), before the deadline stops it.
PLANNED_SHARE = 0.8
# No solve gets less than this (a first schedule of a small production needs about that).
MIN_SCENARIO_SECONDS = 1.0
# What a solve takes around its search (the model's start, the risk scoring, its return):
# the short film's solves given 2 s took 5 to 6 s each on two busy cores.
SOLVE_OVERHEAD_SECONDS = 3.0
# Seconds between two looks at the Stop button and the deadline.
POLL_SECONDS = 0.2
_SCHEDULE_FILE = re.compile(r"[A-Za-z0-9_]{1,80}\.xlsx")
Model = TypeVar("Model", bound=BaseModel)
# Money and numbers read back from a stored comparison: finite, and of a size any production's
# cost has (an edited file must not make the page format a million digits).
Money = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=24)]
Finite = Annotated[float, Field(allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


class WhatIfRequest(BaseModel):
    """What a what-if job plans (``whatif.json`` in its folder).

    Attributes
    ----------
    parent_id
        The job whose result page asked.
    scenarios
        The scenarios of the form's filled rows.
    suggest
        How many suggestions to add (0: none).
    time_limit
        Seconds each solve gets (``scenario_time_limit``).
    deadline
        Seconds after which whatever still solves is stopped (the page's longest solve).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1] = 1
    parent_id: str = Field(max_length=64)
    scenarios: tuple[Scenario, ...] = Field(max_length=50)
    suggest: int = Field(ge=0, le=20)
    time_limit: float = Field(gt=0)
    deadline: float = Field(gt=0)


class RowSnapshot(BaseModel):
    """One row of the comparison as stored: a ``whatif.ComparisonRow`` and its workbook."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    scenario: str
    changes: str
    effect: str
    status: str
    total_cost: Money | None
    change_vs_base: Money | None
    shoot_days: Count | None
    wrap_date: date | None
    cast_hold_days: Count | None
    company_moves: Count | None
    expected_bottleneck_days: Finite | None
    lower_bound: Money | None
    runtime: Finite
    notes: tuple[str, ...]
    schedule_file: str | None = Field(default=None,
                                      pattern="^" + _SCHEDULE_FILE.pattern + "$")


class ComparisonSnapshot(BaseModel):
    """The comparison as stored (``comparison.json``) and shown."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1] = 1
    currency: str = Field(max_length=16)
    time_limit: Finite
    where: str
    runtime: Finite
    interrupted: bool
    deadline_reached: bool
    rows: tuple[RowSnapshot, ...]


@dataclass(frozen=True)
class ScenarioLine:
    """A scenario's live progress line."""

    name: str
    state: str
    elapsed: float
    cost: int | None
    status: str


@dataclass(eq=False)
class WhatIfRun:
    """A what-if job's request, its live progress lines and, once solved, its comparison."""

    request: WhatIfRequest
    comparison: ComparisonSnapshot | None = None
    _lines: dict[str, ScenarioLine] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, progress: ScenarioProgress) -> None:
        """Keep a scenario's latest state (called from the solver's thread)."""
        with self._lock:
            old = self._lines.get(progress.name)
            cost = progress.cost if progress.cost is not None else (
                old.cost if old is not None and progress.state != "solving" else None)
            self._lines[progress.name] = ScenarioLine(progress.name, progress.state,
                                                      progress.elapsed, cost, progress.status)

    def lines(self) -> list[ScenarioLine]:
        """Every scenario seen so far, in the order they started (the base first)."""
        with self._lock:
            return list(self._lines.values())


# ----- time ------------------------------------------------------------------------------------


def planned_seconds(time_limit: float, scenarios: int, suggest: int) -> float:
    """How long the job's solves take one after another, each given ``time_limit``: the base,
    each scenario and each suggestion re-solved, and the pricing of every suggestion candidate
    (at most ``MAX_CANDIDATES``, each ``PRICE_SHARE`` of the limit, at least
    ``PRICE_MIN_SECONDS``); every solve with ``SOLVE_OVERHEAD_SECONDS`` around its search."""
    seconds = (1 + scenarios + suggest) * (time_limit + SOLVE_OVERHEAD_SECONDS)
    if suggest:
        pricing = max(PRICE_SHARE * time_limit, PRICE_MIN_SECONDS)
        seconds += MAX_CANDIDATES * (pricing + SOLVE_OVERHEAD_SECONDS)
    return seconds


def scenario_time_limit(asked: float, longest: float, scenarios: int, suggest: int) -> float:
    """Seconds each solve of a what-if job gets: ``asked`` (the parent job's time limit), or
    the most, in tenths of a second, with which every solve one after another fits
    ``PLANNED_SHARE`` of the page's longest solve (``planned_seconds``); never less than
    ``MIN_SCENARIO_SECONDS`` (too many solves for the longest solve: the deadline then stops
    what has not finished).

    Parameters
    ----------
    asked
        The parent job's time limit.
    longest
        The page's longest solve (``WebSettings.max_time_limit``).
    scenarios, suggest
        The scenarios of the form and the suggestions asked for.
    """
    budget = longest * PLANNED_SHARE
    if planned_seconds(asked, scenarios, suggest) <= budget:
        return asked
    # planned_seconds grows with the limit: bisect on tenths of a second.
    low, high = round(MIN_SCENARIO_SECONDS * 10), math.floor(asked * 10)
    if planned_seconds(low / 10, scenarios, suggest) > budget:
        return MIN_SCENARIO_SECONDS
    while low < high:
        middle = (low + high + 1) // 2
        if planned_seconds(middle / 10, scenarios, suggest) <= budget:
            low = middle
        else:
            high = middle - 1
    return low / 10


def make_request(parent_id: str, scenarios: tuple[Scenario, ...], suggest: int,
                 asked: float, settings: WebSettings) -> WhatIfRequest:
    """The request of a what-if job asked on ``parent_id``'s page."""
    limit = scenario_time_limit(asked, settings.max_time_limit, len(scenarios), suggest)
    return WhatIfRequest(parent_id=parent_id, scenarios=scenarios, suggest=suggest,
                         time_limit=limit, deadline=settings.max_time_limit)


# ----- the folder ------------------------------------------------------------------------------


def save_request(folder: Path, request: WhatIfRequest) -> Path:
    return save_text_atomically(folder / REQUEST_NAME, request.model_dump_json(indent=1))


def is_whatif_folder(folder: Path) -> bool:
    return (folder / REQUEST_NAME).is_file()


def whatif_of(job: Job) -> WhatIfRun | None:
    """The job's what-if run; for a job restored after a restart, read back from its folder
    (None when it is no what-if job, or its request cannot be read: then it is shown failed)."""
    if job.whatif is not None or not is_whatif_folder(job.folder):
        return job.whatif
    request = _loaded(job.folder / REQUEST_NAME, WhatIfRequest)
    if request is not None:
        request = _settings_typed(request, job.production)
    if request is None:
        return None
    run = WhatIfRun(request)
    if (job.folder / COMPARISON_NAME).is_file():
        run.comparison = _loaded(job.folder / COMPARISON_NAME, ComparisonSnapshot)
    job.whatif = run
    return run


def _settings_typed(request: WhatIfRequest, production: Production) -> WhatIfRequest | None:
    """The request with each ``setting`` change's value in its model type again (JSON has no
    tuples and no dates: ``work_week`` comes back a list); None (logged) when a value is not
    one the production's settings take."""
    scenarios = []
    for scenario in request.scenarios:
        changes = []
        for change in scenario.changes:
            if change.kind is ChangeKind.SETTING:
                try:
                    settings = Settings.model_validate(
                        {**production.settings.model_dump(), change.target: change.value})
                except ValidationError as error:
                    logger.warning("what-if request of scenario %s: %s", scenario.name,
                                   error.errors()[0].get("msg", error))
                    return None
                change = change.model_copy(update={"value": getattr(settings, change.target)})
            changes.append(change)
        scenarios.append(scenario.model_copy(update={"changes": tuple(changes)}))
    return request.model_copy(update={"scenarios": tuple(scenarios)})


def _loaded(path: Path, model: type[Model]) -> Model | None:
    text = read_snapshot(path)
    if text is None:
        return None
    try:
        return model.model_validate_json(text)
    except ValidationError as error:
        logger.warning("cannot read %s: %s", path, error.errors()[0].get("msg", error))
        return None


def schedule_path(job: Job, file_name: str) -> Path | None:
    """A scenario's schedule workbook in the job's folder (the name checked again: the stored
    comparison may have been edited)."""
    if not _SCHEDULE_FILE.fullmatch(file_name):
        return None
    path = job.folder / FILES_FOLDER / file_name
    return path if path.is_file() else None


def workbook_path(job: Job) -> Path:
    return job.folder / FILES_FOLDER / WORKBOOK_NAME


def zip_path(job: Job) -> Path:
    return job.folder / ZIP_NAME


# ----- the solve -------------------------------------------------------------------------------


class _SlotExecutor(InProcess):
    """One solve after another in this thread, with the cores of one of the queue's solver
    slots (not the whole machine's, which ``InProcess`` would give each solve)."""

    def __init__(self, stop: threading.Event, cores: int) -> None:
        super().__init__(stop)
        self._cores = cores

    @property
    def cores(self) -> int:
        return self._cores


def solve_whatif(job: Job, settings: WebSettings, model: TrainedModel | None = None) -> None:
    """Plan the base and the scenarios of ``job``'s request, keep the comparison and the files.

    Raises
    ------
    RuntimeError
        When the job's request cannot be read (an edited or damaged folder): the job fails.
    """
    run = whatif_of(job)
    if run is None:
        raise RuntimeError(f"what-if job {job.id}: its request cannot be read")
    request = run.request
    config = SolverConfig(time_limit=request.time_limit, workers=settings.workers_per_solve,
                          deterministic=settings.deterministic)
    stop, finished = threading.Event(), threading.Event()
    deadline_reached = threading.Event()
    watcher = threading.Thread(
        target=watch_deadline, name=f"plan-shoot-whatif-{job.id[:8]}", daemon=True,
        args=(job.stop, stop, finished, deadline_reached, request.deadline))
    watcher.start()
    try:
        comparison = compare_scenarios(
            job.production, request.scenarios, config, suggest=request.suggest, model=model,
            on_progress=run.record, stop=stop,
            executor=_SlotExecutor(stop, settings.workers_per_solve))
    finally:
        finished.set()
        watcher.join()
    if deadline_reached.is_set() and not job.stop.is_set():
        comparison = _not_stopped_by_user(comparison)
    run.comparison = _written(job, comparison, deadline_reached.is_set())
    job.plan = comparison.base.plan or _unplanned()
    logger.info("what-if job %s: %d scenarios compared in %.1f s", job.id,
                len(comparison.scenarios), comparison.runtime)


def watch_deadline(user_stop: threading.Event, stop: threading.Event,
                   finished: threading.Event, deadline_reached: threading.Event,
                   seconds: float) -> None:
    """Set ``stop`` when the user stops the job (``user_stop``) or ``seconds`` pass (then
    ``deadline_reached`` too), whichever comes first; return when ``finished`` is set."""
    deadline = time.monotonic() + seconds
    while not finished.is_set():
        if user_stop.wait(POLL_SECONDS):
            stop.set()
            return
        if time.monotonic() >= deadline:
            logger.warning("what-if: the longest solve (%.0f s) is reached; stopping", seconds)
            deadline_reached.set()
            stop.set()
            return


def _unplanned() -> Plan:
    """The job's plan when the base was not planned (stopped before it started): a plan without
    a schedule, so that the job is stored, and restored, as done like any other."""
    return Plan(Result(status=SolveStatus.NO_SOLUTION, interrupted=True,
                       notes=("the base was stopped before it was planned",)), None)


def _not_stopped_by_user(comparison: Comparison) -> Comparison:
    """The deadline, not the user, stopped it (the workbook's Notes must not say "by you")."""
    return replace(comparison, interrupted=False)


def _written(job: Job, comparison: Comparison, deadline_reached: bool) -> ComparisonSnapshot:
    """Write the comparison workbook, each scenario's schedule workbook and their zip, then
    the comparison's snapshot (last: a snapshot names only files that exist)."""
    folder = job.folder / FILES_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    written = write_comparison(comparison, folder / WORKBOOK_NAME, inputs=[job.upload])
    names = {path.name for path in written}
    files = schedule_paths(folder / WORKBOOK_NAME, [outcome.name for outcome in
                                                    comparison.outcomes])
    replace_atomically(job.folder / ZIP_NAME, lambda temporary: _zip(temporary, written))
    rows = []
    for outcome, row in zip(comparison.outcomes, comparison.rows(), strict=True):
        schedule = files[outcome.name].name
        rows.append(RowSnapshot(**asdict(row), schedule_file=schedule if schedule in names
                                else None))
    snapshot = ComparisonSnapshot(
        currency=comparison.currency, time_limit=comparison.time_limit, where=comparison.where,
        runtime=round(comparison.runtime, 1), interrupted=comparison.interrupted,
        deadline_reached=deadline_reached, rows=tuple(rows))
    save_text_atomically(job.folder / COMPARISON_NAME, snapshot.model_dump_json(indent=1))
    return snapshot


def _zip(target: Path, files: list[Path]) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, arcname=path.name)

