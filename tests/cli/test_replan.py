"""``plan-shoot replan`` end to end: the current schedule workbook and an edited breakdown in,
the revised workbook and the changes out; a Progress sheet's mistakes located, exit 1."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.data import CalendarDayType, CalendarEntry, Production
from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.writer import write_schedule
from scheduler.result import Result, SolveStatus
from scheduler.solution import Schedule, Solution
from tests.helpers.productions import actor, production, scene

runner = CliRunner()
THU = date(2026, 3, 5)


def five_scenes() -> Production:
    """Scenes 1-5, 7 h each (one a day), cast member A in all; Mon 2 Mar 2026 on, Mon-Fri."""
    return production([scene(str(i), hours=7, cast=("A",)) for i in range(1, 6)],
                      cast=[actor("A", rate=100)], max_shoot_days=10, crew_day_cost=1000).check()


def current_workbook(tmp_path: Path) -> Path:
    """The current schedule workbook: scene i on shoot day i."""
    prod = five_scenes()
    schedule = Schedule(prod, Solution(start_day={str(i): i for i in range(1, 6)}))
    return write_schedule(prod, Result(SolveStatus.FEASIBLE, schedule=schedule),
                          tmp_path / "current.xlsx")


def test_replan_writes_the_revision_and_prints_the_changes(tmp_path: Path) -> None:
    """Tests a lost Thursday: scene 4 moves, the revised workbook's Schedule has it on another
    date, the JSON lists the change and the revision (Blue), the inputs are untouched."""
    current = current_workbook(tmp_path)
    edited = five_scenes().model_copy(update={"calendar_entries": (
        CalendarEntry(date=THU, type=CalendarDayType.OFF),)})
    breakdown = write_breakdown(edited, tmp_path / "edited.xlsx")
    before = breakdown.read_bytes(), current.read_bytes()
    out, as_json = tmp_path / "revised.xlsx", tmp_path / "revised.json"
    result = runner.invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                 "--from", "2026-03-04", "-o", str(out), "--time-limit", "4",
                                 "--deterministic", "--json", str(as_json)])
    assert result.exit_code == 0, result.output
    assert (breakdown.read_bytes(), current.read_bytes()) == before
    assert "scenes moved" in result.output and "Blue revision" in result.output
    document = json.loads(as_json.read_text())
    assert document["revision"]["name"] == "Blue"
    assert [c["scene"] for c in document["changes"]["scenes"]] == ["4"]
    rows = list(openpyxl.load_workbook(out, read_only=True)["Schedule"].iter_rows(
        values_only=True))
    dated = {row[2]: row[1].date() for row in rows[1:]}
    assert dated["3"] == date(2026, 3, 4) and dated["4"] != THU


def test_an_unchanged_breakdown_prints_no_changes(tmp_path: Path) -> None:
    """Tests a re-plan of the breakdown the current schedule was made from."""
    current = current_workbook(tmp_path)
    breakdown = write_breakdown(five_scenes(), tmp_path / "same.xlsx")
    result = runner.invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                 "--from", "2026-03-04", "-o", str(tmp_path / "r.xlsx"),
                                 "--time-limit", "2", "--deterministic"])
    assert result.exit_code == 0, result.output
    assert "none: the current schedule stands" in result.output


def test_progress_sheet_mistakes_are_located_and_exit_1(tmp_path: Path) -> None:
    """Tests a Progress sheet with an unknown scene, a part-shot scene without what is left
    and a status not understood: all three located, exit 1, nothing written."""
    current = current_workbook(tmp_path)
    breakdown = write_breakdown(five_scenes(), tmp_path / "progress.xlsx")
    workbook = openpyxl.load_workbook(breakdown)
    sheet = workbook.create_sheet("Progress")
    for row in (["scene", "status", "pages_left"], ["9", "shot", None],
                ["1", "part shot", None], ["2", "half-ish", None]):
        sheet.append(row)
    workbook.save(breakdown)
    out = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                 "--from", "2026-03-04", "-o", str(out)])
    assert result.exit_code == 1, result.output
    for where in ("Progress!A2", "Progress!C3", "Progress!B4"):
        assert where in result.output
    assert not out.exists()


def test_a_bad_date_and_an_output_over_an_input_are_refused(tmp_path: Path) -> None:
    """Tests ``--from`` that is no date and ``-o`` naming the current schedule."""
    current = current_workbook(tmp_path)
    breakdown = write_breakdown(five_scenes(), tmp_path / "b.xlsx")
    bad_date = runner.invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                   "--from", "next week"])
    assert bad_date.exit_code == 1 and "not a date" in bad_date.output
    over = runner.invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                               "--from", "2026-03-04", "-o", str(current)])
    assert over.exit_code == 1 and "is the input" in over.output
