"""What a solver thread does with a job: plan the production, then write its downloads."""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..config import SolverConfig
from ..files import save_text_atomically
from ..inputs import is_uss
from ..plan_json import production_to_json
from ..planning import Plan, plan_production
from ..predict.model import TrainedModel, load_default
from ..predict.risk import score_days
from ..replan import replan
from .downloads import write_downloads
from .jobs import Job
from .replanning import REPLAN_MARKER
from .settings import WebSettings
from .store import PRODUCTION_SNAPSHOT
from .whatif_jobs import is_whatif_folder, solve_whatif

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
        if job.replan is not None or (job.folder / REPLAN_MARKER).exists():
            solve_replan(job, settings, model)
            return
        if job.whatif is not None or is_whatif_folder(job.folder):
            solve_whatif(job, settings, model)
            return
        plan = plan_production(job.production, solver_config(job, settings), model=model,
                               on_progress=job.record_progress, stop=job.stop)
        job.files = write_downloads(job.production, plan, job.folder,
                                    uss_source=job.upload if is_uss(job.upload) else None)
        job.plan = plan
        logger.info("job %s solved: %s in %.1f s", job.id, plan.result.status.value,
                    plan.result.runtime)

    return solve_job


def solve_replan(job: Job, settings: WebSettings, model: TrainedModel | None = None) -> None:
    """Revise the parent job's plan with the least change; keep the revised plan, its changes
    and its downloads (the workbook in the revision's colour, with its Changes sheet).

    Raises
    ------
    RuntimeError
        For a re-plan job restored after a restart: its request was not stored, and solving
        its breakdown from scratch would not be the re-plan that was asked for.
    """
    request = job.replan
    if request is None:
        raise RuntimeError(f"re-plan job {job.id} is not re-run after a restart")
    outcome = replan(job.production, request.current, request.start, freeze=request.freeze,
                     progress=request.progress, cut_scenes=request.cut_scenes,
                     config=solver_config(job, settings),
                     on_progress=job.record_progress, stop=job.stop)
    schedule = outcome.result.schedule
    risk = score_days(schedule, model or load_default()) if schedule is not None else None
    plan = Plan(outcome.result, risk)
    job.production = outcome.production  # with the parts split off part-shot scenes
    _keep_solved_production(job)
    job.files = write_downloads(outcome.production, plan, job.folder,
                                uss_source=job.upload if is_uss(job.upload) else None,
                                revision=outcome.revision, changes=outcome.report)
    job.changes = outcome.report
    job.plan = plan
    logger.info("re-plan job %s solved: %s, %s revision, %d scenes changed", job.id,
                outcome.result.status.value, outcome.revision.name,
                len(outcome.report.scenes) if outcome.report is not None else 0)


def _keep_solved_production(job: Job) -> None:
    """A stored job's production snapshot becomes the production the re-plan solved (past
    pinned, new parts, the plan it revised): the stored plan is rebuilt on it after a
    restart."""
    snapshot = job.folder / PRODUCTION_SNAPSHOT
    if snapshot.exists():  # only with ``serve --data``
        save_text_atomically(snapshot, production_to_json(job.production))

