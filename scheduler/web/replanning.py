"""Re-plan on the upload page: a solved job's own plan revised from a date, with an edited copy
of its breakdown (the ``Progress`` sheet and the Scenes ``status`` column ride inside it).

The current schedule is the parent job's solution dated by the parent's calendar; the re-plan
job is an ordinary job of the queue that carries a ``ReplanRequest`` and, once solved, its
revision and ``ChangeReport``.  A re-plan job is not re-run after a restart: its request lives
in memory only, so a stored re-plan job still waiting or solving then fails (marked by the
``REPLAN_MARKER`` file in its folder) rather than be solved as a plan from scratch.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..data import Production, Scene
from ..errors import InputError, PlanShootError, Problem
from ..excel.parse import Bad, parse_date
from ..excel.progress import read_progress
from ..replan import CurrentSchedule, SceneProgress, prepare_replan
from ..revision import ChangeReport, SceneChangeKind
from ..solution import Schedule, Solution, to_money
from .uploads import UploadRefused

if TYPE_CHECKING:  # jobs.py imports this module for ReplanRequest
    from .jobs import Job

logger = logging.getLogger("scheduler")

REPLAN_MARKER = "replan.marker"  # in a re-plan job's folder: its request is not stored
MAX_FREEZE = 60  # shoot days; more than any call sheet is printed ahead


@dataclass(frozen=True)
class ReplanRequest:
    """What a re-plan job revises, from when, and what the edited breakdown says was shot.

    Attributes
    ----------
    parent_id
        The job whose plan is revised.
    current
        That plan's scenes by first shoot date, and its revision.
    start
        The first shoot date still to come (``--from``).
    freeze
        Shoot days from ``start`` that keep their scenes.
    progress
        The edited breakdown's ``Progress`` rows.
    cut_scenes
        The parent's scenes the edited breakdown cut (their booked days are released).
    """

    parent_id: str
    current: CurrentSchedule
    start: date
    freeze: int
    progress: tuple[SceneProgress, ...]
    cut_scenes: tuple[Scene, ...] = ()


def cut_since(planned: Production, edited: Production) -> tuple[Scene, ...]:
    """The scenes of the production a plan was made for that the edited breakdown no longer
    has (cut), with what they needed as they were planned."""
    return tuple(scene for scene in planned.scenes if scene.id not in edited.scene_by_id)


def current_schedule(production: Production, solution: Solution,
                     revision: int) -> CurrentSchedule:
    """A job's plan as the schedule being revised: each scene's first day dated by the job's
    own production's calendar."""
    calendar = production.calendar
    return CurrentSchedule({scene_id: calendar.date_of(day)
                            for scene_id, day in solution.start_day.items()}, revision)


def start_date_of(text: str) -> date | Problem:
    """The re-plan's first date from the form, or a problem located at the form's field."""
    parsed = parse_date(text.strip(), None) if text.strip() else None
    if parsed is None or isinstance(parsed, Bad) or parsed.value is None:
        return Problem("Re-plan from", f'"{text}" is not a date; write YYYY-MM-DD')
    return parsed.value


def left_to_plan(current: CurrentSchedule, start: date) -> Problem | None:
    """A date after the current plan's last shoot date leaves nothing to re-plan."""
    last = max(current.dates.values(), default=None)
    if last is not None and start > last:
        return Problem("Re-plan from", f"{_date_text(start)} is after the plan's last shoot "
                                       f"date, {_date_text(last)}: nothing is left to re-plan")
    return None


def freeze_of(text: str) -> int | Problem:
    """The frozen shoot days from the form (default 1), or a problem located at its field."""
    if not text.strip():
        return 1
    try:
        days = int(text.strip())
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_FREEZE:
        return Problem("Freeze", f'"{text}" is not a number of shoot days; give 0 to '
                                 f"{MAX_FREEZE}")
    return days


def check_request(upload: Path, name: str, production: Production,
                  current: CurrentSchedule, start: date,
                  freeze: int) -> tuple[SceneProgress, ...]:
    """The edited breakdown's progress, checked against the current plan before the job waits
    in the line (the preparation is cheap; the solve is not).

    Raises
    ------
    UploadRefused
        Every problem of the Progress sheet or of the re-plan's date, located.
    """
    try:
        progress = read_progress(upload, production) if upload.suffix == ".xlsx" else ()
        prepare_replan(production, current.dates, start, freeze, progress)
    except InputError as error:
        problems = [Problem(p.where, p.message.replace(str(upload), name))
                    for p in error.problems]
        raise UploadRefused(422, f"The re-plan cannot start from {start.isoformat()}",
                            problems, name) from None
    except (PlanShootError, ValueError) as error:
        raise UploadRefused(422, "The re-plan cannot start", [
            Problem("", str(error).replace(str(upload), name))], name) from None
    return progress


@dataclass(frozen=True)
class ChangeLine:
    """One line of the Changes list on the result page."""

    what: str
    scene: str
    before: str
    after: str
    reason: str


def change_lines(report: ChangeReport) -> list[ChangeLine]:
    """The scenes moved, cut, added, split or unfrozen, with old and new dates and reasons."""
    return [ChangeLine(change.kind.value, change.scene_id, _date_text(change.before),
                       _date_text(change.after), change.reason)
            for kind in SceneChangeKind for change in report.scenes if change.kind is kind]


def people_lines(report: ChangeReport) -> list[tuple[str, str, str]]:
    """Cast and locations: (name, days to call, days to release)."""
    return [(change.name, ", ".join(_date_text(d) for d in change.added),
             ", ".join(_date_text(d) for d in change.released))
            for change in (*report.cast, *report.locations)]


def cost_lines(report: ChangeReport, currency: str) -> list[tuple[str, str]]:
    """The costs of the current plan, the revised plan and a plan from scratch."""
    def money(cost: int | None, missing: str) -> str:
        return f"{to_money(cost):,} {currency}" if cost is not None else missing

    return [("Current plan", money(report.cost_current,
                                   "breaks a rule of the edited breakdown (or lacks scenes)")),
            ("Revised plan", money(report.cost_revised, "")),
            ("Planned from scratch", money(report.cost_from_scratch, "not made"))]


def _date_text(when: date | None) -> str:
    return f"{when:%a} {when.day} {when:%b %Y}" if when is not None else ""


def replan_values(job: Job, schedule: Schedule | None) -> dict[str, Any]:
    """The result page's re-plan parts: the Changes of a re-plan job (moved strips marked on
    the board) and the form's defaults (the first date still to come, a freeze of 1)."""
    report = job.changes
    values: dict[str, Any] = {"changes": None, "moved": frozenset(), "replan_start": "",
                              "can_replan": schedule is not None,
                              "cast_choices": job.production.cast}
    if report is not None:
        values.update(
            changes=change_lines(report), people=people_lines(report),
            change_costs=cost_lines(report, job.production.settings.currency),
            revision=report.revision.label, moved=frozenset(report.moved_scene_ids),
            replanned_from=_date_text(report.replanned_from))
    if schedule is not None:
        values["replan_start"] = _next_shoot_date(schedule).isoformat()
    return values


def _next_shoot_date(schedule: Schedule) -> date:
    """The first shoot date from today on (the first of the plan when it starts later, its
    last when it has wrapped): the date a re-plan most likely starts from."""
    today = date.today()
    dates = [schedule.calendar.date_of(day) for day in range(1, schedule.wrap_day + 1)]
    return next((when for when in dates if when >= today), dates[-1] if dates else today)
