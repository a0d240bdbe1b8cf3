"""A job's live state as the solve page shows it and ``/jobs/{id}/status`` sends it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..result import relative_gap
from ..solution import to_money
from .downloads import DownloadKind
from .jobs import Job, JobState
from .report import money_text
from .whatif_view import whatif_status


@dataclass(frozen=True)
class ProgressView:
    """The numbers of a job's progress (money in currency units), and the same numbers as the
    page writes them (the ``*_text`` properties)."""

    state: str
    finished: bool
    position: int | None
    seconds: float  # of solving so far
    time_limit: float
    best_cost: Decimal | None
    bound: Decimal | None
    gap: float | None
    cancel_requested: bool
    message: str
    currency: str

    @property
    def elapsed(self) -> float:
        return round(self.seconds, 1)

    @property
    def elapsed_text(self) -> str:
        return f"{self.seconds:.0f} s of {self.time_limit:g} s"

    @property
    def best_text(self) -> str:
        return money_text(self.best_cost, self.currency) if self.best_cost is not None else "-"

    @property
    def bound_text(self) -> str:
        return money_text(self.bound, self.currency) if self.bound is not None else "-"

    @property
    def gap_text(self) -> str:
        return f"{self.gap:.1%}" if self.gap is not None else "-"

    def as_json(self) -> dict[str, Any]:
        """The numbers (money as plain numbers) and their texts, for ``/jobs/{id}/status``."""
        return {
            "state": self.state, "finished": self.finished, "position": self.position,
            "elapsed": self.elapsed, "time_limit": self.time_limit,
            "best_cost": float(self.best_cost) if self.best_cost is not None else None,
            "bound": float(self.bound) if self.bound is not None else None,
            "gap": self.gap, "cancel_requested": self.cancel_requested,
            "message": self.message, "elapsed_text": self.elapsed_text,
            "best_text": self.best_text, "bound_text": self.bound_text,
            "gap_text": self.gap_text,
        }


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
    objective, lower_bound = _best_and_bound(job)
    gap = None
    if objective is not None and lower_bound is not None:
        gap = relative_gap(objective, lower_bound)
    return ProgressView(
        state=job.state.value, finished=job.state.is_final, position=position,
        seconds=job.elapsed(now), time_limit=job.time_limit,
        best_cost=to_money(objective) if objective is not None else None,
        bound=to_money(lower_bound) if lower_bound is not None else None,
        gap=gap, cancel_requested=job.cancel_requested,
        message=_message(job, position, objective is not None),
        currency=job.production.settings.currency,
    )


def status_body(job: Job, position: int | None, now: float) -> dict[str, Any]:
    """What ``/jobs/{id}/status`` answers and ``/jobs/{id}/events`` pushes: the progress, and
    once solved the result's status and the downloads."""
    body = progress_view(job, position, now).as_json()
    if job.plan is not None:
        result = job.plan.result
        body["status"] = result.status.value
        body["interrupted"] = result.interrupted
        body["downloads"] = [kind.value for kind in DownloadKind if kind in job.files]
    body.update(whatif_status(job))
    return body


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
