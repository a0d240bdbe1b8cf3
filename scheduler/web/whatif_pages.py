"""A what-if job's own pages at ``/jobs/{id}``: its live lines while it waits or solves, then
its comparison table (``job_page`` hands a what-if job to ``whatif_page``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from .jobs import Job, JobState
from .pages import Pages
from .progress import progress_view
from .whatif_jobs import whatif_of
from .whatif_view import line_views, whatif_result_values


def whatif_page(pages: Pages, request: Request, job: Job, position: int | None, now: float,
                keep_minutes: str) -> Response | None:
    """The page of a what-if job; None when ``job`` is no what-if job, or it ended without a
    comparison (the ordinary pages say cancelled or failed)."""
    run = whatif_of(job)
    if run is None:
        return None
    if job.state in (JobState.WAITING, JobState.SOLVING):
        return pages.render(request, "whatif_solve.html", job=job, lines=line_views(job),
                            progress=progress_view(job, position, now),
                            title=job.production.settings.title,
                            scenarios=run.request.scenarios, suggest=run.request.suggest,
                            time_limit=f"{run.request.time_limit:g}")
    if job.state is not JobState.DONE:
        return None
    if run.comparison is None:  # its stored table was damaged or removed
        return pages.message(request, 500, "The comparison cannot be shown",
                             "This what-if job's stored table cannot be read back. Its "
                             "comparison workbook may still be downloaded (add "
                             "/whatif/comparison to this page's address); or ask again.")
    return pages.render(request, "whatif_result.html", **whatif_result_values(job, keep_minutes))
