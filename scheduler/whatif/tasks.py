"""One scenario's solve as a task a process or a Ray worker runs: JSON in, JSON out.

A task carries the changed production as its JSON form (``plan_json.production_to_json``), the
hint as start days and the search's settings; the outcome carries the plan as JSON
(``plan_json.plan_to_json``).  Nothing is pickled but plain text, so a worker runs no code it
was not shipped with, and a Ray cluster of other machines needs only plan-shoot installed.
Each solve is ``plan_production``, the pipeline of ``plan-shoot`` (risk rounds and all).
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from ..config import SolverConfig
from ..plan_json import plan_to_json, production_from_json
from ..planning import plan_production
from ..result import Progress
from ..solution import Solution

logger = logging.getLogger("scheduler")


class SolveTask(BaseModel):
    """What a worker needs to plan one scenario."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    production: str  # plan_json.production_to_json
    hint: dict[str, int] | None = None
    time_limit: float = Field(gt=0)
    workers: int = Field(ge=0)
    seed: int = 0
    deterministic: bool = False
    risk_aware: bool = True

    @property
    def config(self) -> SolverConfig:
        return SolverConfig(time_limit=self.time_limit, workers=self.workers, seed=self.seed,
                            deterministic=self.deterministic)


class TaskOutcome(BaseModel):
    """What came back: the plan as JSON, or why there is none."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    plan: str | None = None  # plan_json.plan_to_json
    error: str = ""
    stopped: bool = False
    runtime: float = 0.0


def run_task(task: SolveTask, stop: threading.Event | None = None,
             on_progress: Callable[[Progress], None] | None = None) -> TaskOutcome:
    """Plan one scenario; any failure comes back as the outcome's ``error``, never raised (one
    scenario's bug must not lose the others)."""
    began = time.monotonic()
    try:
        production = production_from_json(task.production)
        hint = Solution(start_day=task.hint) if task.hint is not None else None
        plan = plan_production(production, task.config, risk_aware=task.risk_aware,
                               on_progress=on_progress, stop=stop, hint=hint)
    except Exception as error:  # reported as this scenario's status
        logger.debug("scenario %s failed:\n%s", task.name, traceback.format_exc())
        return TaskOutcome(name=task.name, error=f"{type(error).__name__}: {error}",
                           runtime=time.monotonic() - began)
    return TaskOutcome(name=task.name, plan=plan_to_json(plan),
                       stopped=stop is not None and stop.is_set(),
                       runtime=time.monotonic() - began)


def run_task_json(task_json: str) -> str:
    """``run_task`` from and to JSON text, without a stop (a Ray task; Ray cancels it)."""
    return run_task(SolveTask.model_validate_json(task_json)).model_dump_json()
