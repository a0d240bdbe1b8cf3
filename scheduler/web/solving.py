"""What a solver thread does with a job: plan the production, then write its downloads."""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..config import SolverConfig
from ..inputs import is_uss
from ..planning import plan_production
from ..predict.model import TrainedModel
from .downloads import write_downloads
from .jobs import Job
from .settings import WebSettings

logger = logging.getLogger("scheduler")


def solver_config(job: Job, settings: WebSettings) -> SolverConfig:
    """The job's time limit, and the cores this solve may use."""
    return SolverConfig(time_limit=job.time_limit, workers=settings.workers_per_solve,
                        deterministic=settings.deterministic)


def job_solver(settings: WebSettings,
               model: TrainedModel | None = None) -> Callable[[Job], None]:
    """The queue's work function: solve a job with live progress, keep its plan and files.

    Parameters
    ----------
    settings
        The web settings (workers per solve, deterministic search).
    model
        The bottleneck model (default: the one shipped with plan-shoot).
    """

    def solve_job(job: Job) -> None:
        plan = plan_production(job.production, solver_config(job, settings), model=model,
                               on_progress=job.record_progress, stop=job.stop)
        job.files = write_downloads(job.production, plan, job.folder,
                                    uss_source=job.upload if is_uss(job.upload) else None)
        job.plan = plan
        logger.info("job %s solved: %s in %.1f s", job.id, plan.result.status.value,
                    plan.result.runtime)

    return solve_job
