"""A job's live state as the solve page shows it and ``/jobs/{id}/status`` sends it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..solution import to_money
from .jobs import Job, JobState
from .report import money_text


@dataclass(frozen=True)
class ProgressView:
    """Numbers (money in currency units) and the same numbers as the page writes them."""

    state: str
    finished: bool
    position: int | None
    elapsed: float
    time_limit: float
    best_cost: float | None
    bound: float | None
    gap: float | None
    cancel_requested: bool
    message: str
    elapsed_text: str
    best_text: str
    bound_text: str
    gap_text: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def progress_view(job: Job, position: int | None, now: float) -> ProgressView:
    """The job's state, place in the line and best schedule so far.

    Parameters
    ----------
    job
        The job.
    position
        Its place in the line (``JobQueue.position``).
    now
        The queue's clock now.
    """
    currency = job.production.settings.currency
    objective, lower_bound = _best_and_bound(job)
    best = to_money(objective) if objective is not None else None
    bound = to_money(lower_bound) if lower_bound is not None else None
    gap = None
    if objective is not None and lower_bound is not None:
        gap = max(0.0, (objective - lower_bound) / objective) if objective else 0.0
    elapsed = job.elapsed(now)
    return ProgressView(
        state=job.state.value, finished=job.state.is_final, position=position,
        elapsed=round(elapsed, 1), time_limit=job.time_limit,
        best_cost=float(best) if best is not None else None,
        bound=float(bound) if bound is not None else None,
        gap=gap, cancel_requested=job.cancel_requested,
        message=_message(job, position, objective is not None),
        elapsed_text=f"{elapsed:.0f} s of {job.time_limit:g} s",
        best_text=money_text(best, currency) if best is not None else "-",
        bound_text=money_text(bound, currency) if bound is not None else "-",
        gap_text=f"{gap:.1%}" if gap is not None else "-",
    )


def _best_and_bound(job: Job) -> tuple[int | None, int | None]:
    """The final result's cost and bound once solved, else the latest progress report's."""
    if job.plan is not None:
        return job.plan.result.objective, job.plan.result.lower_bound
    if job.progress is not None:
        return job.progress.objective, job.progress.bound
    return None, None


def _message(job: Job, position: int | None, found: bool) -> str:
    if job.state is JobState.WAITING:
        if position is None:
            return "Waiting for a free solver."
        ahead = position - 1
        return ("Next in line: the solve starts as soon as a solver is free." if ahead == 0
                else f"Waiting: {ahead} job{'s' if ahead != 1 else ''} ahead of this one.")
    if job.state is JobState.SOLVING:
        if job.cancel_requested:
            return "Stopping: keeping the best schedule found so far."
        return ("Searching for a cheaper schedule and proving the bound." if found
                else "Searching for a first schedule that breaks no rule.")
    if job.state is JobState.CANCELLED:
        return "Cancelled before the solve started."
    if job.state is JobState.FAILED:
        return "The solve failed on our side."
    return "Done."
