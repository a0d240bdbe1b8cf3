"""A shop's own order of revision colours (``revision_colours``) names the re-plan's revision,
in the library and on the command line (where it also reads the current schedule's colour)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.writer import write_schedule
from scheduler.replan import CurrentSchedule, replan
from scheduler.result import Result, SolveStatus
from scheduler.revision import Revision
from scheduler.solution import Schedule, Solution
from tests.replan.test_replan import CURRENT, DATES, QUICK, five_scenes

SHOP = ("White", "Lavender", "Light Blue")


def test_the_revision_takes_the_shop_order() -> None:
    """Tests the colour after White (Lavender), after Lavender (Light Blue) and one round
    later (Double White)."""
    production = five_scenes(revision_colours=SHOP)
    names = [replan(production, CurrentSchedule(CURRENT.dates, number), DATES[2],
                    config=QUICK, compare=False).revision.name for number in (0, 1, 2)]
    assert names == ["Lavender", "Light Blue", "Double White"]


def test_the_command_reads_and_issues_colours_of_the_shop_order(tmp_path: Path) -> None:
    """Tests ``replan`` on a current schedule issued as Lavender (no WGA colour): it is read
    as the shop's second colour and the revised schedule is Light Blue."""
    production = five_scenes(revision_colours=SHOP)
    schedule = Schedule(production, Solution(start_day={str(i): i for i in range(1, 6)}))
    current = write_schedule(production, Result(SolveStatus.FEASIBLE, schedule=schedule),
                             tmp_path / "current.xlsx",
                             revision=Revision(1, "Lavender", date(2026, 3, 1)))
    breakdown = write_breakdown(production, tmp_path / "breakdown.xlsx")
    result = CliRunner().invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                      "--from", "2026-03-04", "-o",
                                      str(tmp_path / "revised.xlsx"), "--time-limit", "2",
                                      "--deterministic"])
    assert result.exit_code == 0, result.output
    assert "Light Blue revision" in result.output
