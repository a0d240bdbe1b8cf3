"""``plan-shoot replan``: revise the current schedule from a date with the least change, write
the next revision's workbook and print what changed."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..calendar import short_date
from ..config import SolverConfig
from ..data import Production, Scene
from ..errors import InputError, Problem
from ..excel.cut_scenes import read_cut_scenes
from ..excel.parse import Bad, parse_date
from ..excel.progress import read_progress
from ..excel.writer import write_schedule
from ..export_json import schedule_to_json
from ..files import check_outputs, save_text_atomically
from ..inputs import is_uss, read_board
from ..interop.current_schedule import read_current_schedule
from ..interop.uss.revised import write_revised_uss
from ..replan import CurrentSchedule, Replan, replan
from ..replan.deadline import Deadline
from ..revision import ChangeReport, SceneChangeKind
from ..solution import to_money
from .app import (
    DeterministicOption,
    TimeLimitOption,
    WorkersOption,
    app,
    exit_code,
    read_checked,
    refuse,
    stderr,
    stdout,
    user_errors,
)
from .interrupt import CtrlC
from .live import search_live

if TYPE_CHECKING:
    from ..predict.model import TrainedModel

PEOPLE_SHOWN = 12  # cast members listed on screen with their days to call and release
# Seconds kept out of the time limit for scoring and writing the revised workbook (and the
# JSON): measured 0.6 s for 220 scenes and 1.9 s for 480 on an idle core, 1.4-1.9 s for 220
# on two cores loaded four times over, so 8 ms a scene, and never more than half the limit.
WRITE_SECONDS = 0.2
WRITE_SECONDS_PER_SCENE = 0.008


@app.command(name="replan")
def replan_command(
    input_path: Annotated[Path, typer.Argument(metavar="BREAKDOWN.xlsx",
                                               help="The breakdown as it stands now (edited).")],
    *,
    schedule_path: Annotated[Path, typer.Option("--schedule", metavar="CURRENT.xlsx",
                                                help="The current schedule: a schedule "
                                                     "workbook plan-shoot wrote, or a USS file "
                                                     "with --board.")],
    replan_from: Annotated[str, typer.Option("--from", metavar="DATE",
                                             help="The first shoot date still to come "
                                                  "(YYYY-MM-DD).")],
    freeze: Annotated[int, typer.Option("--freeze", min=0,
                                        help="Shoot days from --from that keep their scenes "
                                             "(their call sheets are out).")] = 1,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="REVISED.xlsx",
                                                help="Revised schedule workbook (default: "
                                                     "BREAKDOWN_revised.xlsx beside the "
                                                     "breakdown).")] = None,
    time_limit: TimeLimitOption = None,
    workers: WorkersOption = 0,
    deterministic: DeterministicOption = False,
    json_path: Annotated[Path | None, typer.Option("--json", metavar="OUT.json",
                                                   help="Also write the revised schedule and "
                                                        "its changes as JSON.")] = None,
    board: Annotated[str | None, typer.Option("--board", metavar="NAME",
                                              help="The stripboard of a USS --schedule.")
                     ] = None,
    uss_path: Annotated[Path | None, typer.Option("--uss", metavar="OUT.uss",
                                                  help="Also write the revised board as a USS "
                                                       "stripboard named after its revision "
                                                       "(added to a copy of a USS input; never "
                                                       "the input itself).")] = None,
) -> None:
    """Re-plan mid-shoot: keep what was shot and the frozen days, move as few scenes as
    possible, write the next coloured revision and print what changed."""
    began = time.monotonic()  # the time limit covers the whole command, reading included
    start = _date_option(replan_from)
    target = output or input_path.with_name(f"{input_path.stem}_revised.xlsx")
    with user_errors():  # before the solve of minutes, not after it
        check_outputs([input_path, schedule_path],
                      {"-o": target, "--json": json_path, "--uss": uss_path})
    production = read_checked(input_path)
    current = _current(schedule_path, board, production)
    with user_errors(input_path):
        progress = () if is_uss(input_path) else read_progress(input_path, production)
        # The workbook is read again only when the current schedule has scenes it cut.
        gone = set(current.dates) - set(production.scene_by_id)
        cut = read_cut_scenes(input_path, production) if gone and not is_uss(input_path) else ()
    config = SolverConfig(time_limit=time_limit or production.settings.time_limit_s,
                          workers=workers, deterministic=deterministic)
    # Before the re-plan, so that what is left of the limit is known: the model's import takes
    # seconds (loaded on a thread beside the re-plan it took twice as long, and ended late).
    model = _bottleneck_model()
    deadline = Deadline(config.time_limit - write_reserve(production, config.time_limit), began)
    with CtrlC(stderr()) as ctrl_c:
        with user_errors(input_path):
            outcome = _replan_live(production, current, start, freeze, progress, cut, config,
                                   deadline, ctrl_c)
        result = outcome.result
        written = None
        if result.schedule is not None:
            ctrl_c.writing()
            written = _write_outputs(outcome, model, target, input_path, json_path)
            if uss_path is not None:
                _write_uss(outcome, uss_path, [input_path, schedule_path])
    _print_outcome(outcome, written)
    if not result.status.has_solution:
        raise typer.Exit(exit_code(result.status))


def _date_option(text: str) -> date:
    parsed = parse_date(text, None)
    if isinstance(parsed, Bad) or parsed.value is None:
        refuse(f'--from "{text}" is not a date; write YYYY-MM-DD')
    return parsed.value


def _current(path: Path, board: str | None, production: Production) -> CurrentSchedule:
    """The current schedule: a schedule workbook, or a USS stripboard dated by the
    breakdown's calendar (the board has day numbers only)."""
    with user_errors(path):
        if not is_uss(path):
            if board is not None:
                refuse(f"--board names a stripboard of a USS file; {path} is not one")
            return read_current_schedule(path, production,
                                         production.settings.revision_order)
        solution, _ = read_board(path, board)
        calendar = production.calendar
        late = [scene_id for scene_id, day in solution.start_day.items()
                if not 1 <= day <= calendar.num_days]
        if late:
            raise InputError([Problem(path.name, f"scenes {', '.join(late)} are on shoot days "
                                                 "past the breakdown's calendar")])
        return CurrentSchedule({scene_id: calendar.date_of(day)
                                for scene_id, day in solution.start_day.items()})


def write_reserve(production: Production, time_limit: float) -> float:
    """Seconds of the time limit kept for scoring and writing the revised workbook."""
    return min(time_limit / 2, WRITE_SECONDS + WRITE_SECONDS_PER_SCENE * len(production.scenes))


def _replan_live(production: Production, current: CurrentSchedule, start: date, freeze: int,
                 progress: Any, cut: tuple[Scene, ...], config: SolverConfig,
                 deadline: Deadline, ctrl_c: CtrlC) -> Replan:
    """Re-plan with a live line of elapsed time, best cost and bound; the re-plan runs on a
    worker thread, so that Ctrl-C is answered at once and keeps the best."""
    return search_live(ctrl_c, production.settings.currency, "re-planning...",
                       lambda on_progress: replan(production, current, start, freeze=freeze,
                                                  progress=progress, config=config,
                                                  cut_scenes=cut,
                                                  on_progress=on_progress, stop=ctrl_c.stop,
                                                  deadline=deadline))


def _bottleneck_model() -> TrainedModel:
    """The shipped bottleneck model, which scores the revised days (imported here, not at the
    CLI's start: the other commands need not wait for it)."""
    from ..predict.model import load_default

    return load_default()


def _write_outputs(outcome: Replan, model: TrainedModel, target: Path, input_path: Path,
                   json_path: Path | None) -> Path:
    """The revised workbook (and JSON when asked), with the revision and its changes."""
    from ..predict.risk import score_days

    assert outcome.result.schedule is not None
    risk = score_days(outcome.result.schedule, model)
    revision, changes = outcome.revision, outcome.report
    with user_errors(writing=target):
        written = write_schedule(outcome.production, outcome.result, target, risk=risk,
                                 input_path=input_path, revision=revision, changes=changes)
    if json_path is not None:
        with user_errors(writing=json_path):
            save_text_atomically(json_path, schedule_to_json(
                outcome.production, outcome.result, risk=risk, revision=revision,
                changes=changes))
    return written


def _write_uss(outcome: Replan, uss_path: Path, inputs: list[Path]) -> None:
    """The revised board as a USS stripboard (added to a copy of a USS input when that input
    has a strip for every scene)."""
    assert outcome.result.solution is not None
    with user_errors(writing=uss_path):
        written = write_revised_uss(outcome.production, outcome.result.solution, uss_path,
                                    outcome.revision.name, [p for p in inputs if is_uss(p)])
    where = f"added to a copy of {written.added_to.name}" if written.added_to else "new file"
    stdout().print(f'wrote {uss_path}: stripboard "{written.board}" ({where})', markup=False)


def _print_outcome(outcome: Replan, written: Path | None) -> None:
    """The revised plan's summary rows, the changes in short, and the conflicts when there is
    no schedule."""
    production = outcome.production
    table = Table(title=f"{production.settings.title}: {outcome.revision.name} revision",
                  show_header=False)
    for label, text in outcome.result.summary():
        table.add_row(label, text)
    if outcome.report is not None:
        for label, text in change_rows(outcome.report, production.settings.currency):
            table.add_row(label, Text(text))
    if written is not None:
        table.add_row("written", str(written))
    stdout().print(table)
    for conflict in outcome.result.conflicts:
        stderr().print(f"- {conflict.rule.wording}: {conflict.message}", markup=False)


def change_rows(report: ChangeReport, currency: str) -> list[tuple[str, str]]:
    """The changes in short: scenes by kind, people to call and release, the cost change."""
    rows = []
    for kind in SceneChangeKind:
        changes = [c for c in report.scenes if c.kind is kind]
        if changes:
            rows.append((f"scenes {kind.value}", ", ".join(_scene_text(c.scene_id, c.before,
                                                                        c.after)
                                                           for c in changes)))
    for change in report.cast[:PEOPLE_SHOWN]:
        parts = []
        if change.added:
            parts.append("call " + ", ".join(short_date(d) for d in change.added))
        if change.released:
            parts.append("release " + ", ".join(short_date(d) for d in change.released))
        rows.append((f"cast {change.name}", "; ".join(parts)))
    if len(report.cast) > PEOPLE_SHOWN:
        rows.append(("cast", f"... and {len(report.cast) - PEOPLE_SHOWN} more (the workbook "
                             "lists them all)"))
    if report.cost_current is not None:
        rows.append(("current plan cost", f"{to_money(report.cost_current):,} {currency}"))
        difference = report.cost_revised - report.cost_current
        rows.append(("cost change", f"{to_money(difference):+,} {currency}"))
    else:
        rows.append(("current plan", "breaks a rule of the edited breakdown (or lacks scenes)"))
    if report.cost_from_scratch is not None:
        rows.append(("from-scratch plan cost",
                     f"{to_money(report.cost_from_scratch):,} {currency}"))
    if not report.scenes:
        rows.append(("changes", "none: the current schedule stands"))
    return rows


def _scene_text(scene_id: str, before: date | None, after: date | None) -> str:
    if before and after:
        return f"{scene_id} ({short_date(before)} -> {short_date(after)})"
    if after:
        return f"{scene_id} ({short_date(after)})"
    return scene_id

