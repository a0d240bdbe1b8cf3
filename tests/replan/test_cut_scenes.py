"""A cut scene releases what it booked: the cast member whose only scene of a day it was is
released that day, and its location's booking is lost (in the library, read off the
breakdown's omitted row, and on the command line's JSON).

Calendar as in ``test_replan``: Mon 2 Mar 2026 on, Mon-Fri, one 7 h scene a day; scene 4, on
Thu 5 Mar, is Actor B's only scene and the only one at the garage.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.data import Production
from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.cut_scenes import read_cut_scenes
from scheduler.excel.reader import read_workbook
from scheduler.excel.writer import write_schedule
from scheduler.replan import replan
from scheduler.result import Result, SolveStatus
from scheduler.revision import SceneChangeKind
from scheduler.solution import Schedule, Solution
from tests.helpers.productions import actor, place, production, scene
from tests.replan.test_replan import CURRENT, DATES, QUICK

THURSDAY = DATES[3]


def with_scene_4_of_b() -> Production:
    """Scenes 1-5 with A; scene 4 also needs B, at the garage (its only scene and visit)."""
    scenes = [scene(str(i), hours=7, cast=("A", "B") if i == 4 else ("A",),
                    location="garage" if i == 4 else None) for i in range(1, 6)]
    return production(scenes, cast=[actor("A"), actor("B")],
                      locations=[place("garage", fee=300)], max_shoot_days=10,
                      crew_day_cost=1000).check()


def cut_4(full: Production) -> Production:
    return full.model_copy(update={"scenes": tuple(s for s in full.scenes if s.id != "4")})


def test_a_cut_scene_releases_its_cast_day_and_its_location_booking() -> None:
    """Tests scene 4 cut from Wed 4 Mar: B is released on Thursday and called on no day, the
    garage's Thursday booking is lost, and scene 4 is reported cut from its date."""
    full = with_scene_4_of_b()
    outcome = replan(cut_4(full), CURRENT, DATES[2], config=QUICK,
                     cut_scenes=(full.scene_by_id["4"],))
    report = outcome.report
    assert report is not None
    cut = [c for c in report.scenes if c.kind is SceneChangeKind.CUT]
    assert [(c.scene_id, c.before, c.after) for c in cut] == [("4", THURSDAY, None)]
    by_id = {change.entity_id: change for change in report.cast}
    assert by_id["B"].released == (THURSDAY,) and by_id["B"].added == ()
    (garage,) = report.locations
    assert garage.entity_id == "garage" and garage.released == (THURSDAY,)
    assert garage.added == ()


def test_without_what_the_cut_scene_needed_nobody_is_released() -> None:
    """Tests why the cut scenes are passed: the edited breakdown alone no longer says whom
    scene 4 booked."""
    outcome = replan(cut_4(with_scene_4_of_b()), CURRENT, DATES[2], config=QUICK)
    assert outcome.report is not None
    assert "B" not in {change.entity_id for change in outcome.report.cast}


def omitted_breakdown(path: Path) -> Path:
    """The breakdown with scene 4's row kept and marked omitted, its cast written by name."""
    write_breakdown(with_scene_4_of_b(), path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Scenes"]
    header = [cell.value for cell in sheet[1]]
    status = header.index("status") + 1  # the writer's column, empty for scenes to shoot
    for row in range(2, sheet.max_row + 1):
        if str(sheet.cell(row, 1).value) == "4":
            sheet.cell(row, status, "OMITTED")
            sheet.cell(row, header.index("cast") + 1, "Actor A, Actor B")
    workbook.save(path)
    return path


def test_the_omitted_row_says_what_the_cut_scene_needed(tmp_path: Path) -> None:
    """Tests ``read_cut_scenes``: the omitted row, names resolved to ids, the planned scenes
    left out."""
    path = omitted_breakdown(tmp_path / "cut.xlsx")
    production_read = read_workbook(path)
    assert "4" not in production_read.scene_by_id
    (cut,) = read_cut_scenes(path, production_read)
    assert cut.id == "4" and cut.cast == ("A", "B") and cut.location == "garage"


def test_replan_command_releases_the_cut_scene_days(tmp_path: Path) -> None:
    """Tests ``plan-shoot replan`` with scene 4 omitted on the breakdown: the JSON's changes
    release B on Thursday and cancel the garage's Thursday."""
    full = with_scene_4_of_b()
    schedule = Schedule(full, Solution(start_day={str(i): i for i in range(1, 6)}))
    current = write_schedule(full, Result(SolveStatus.FEASIBLE, schedule=schedule),
                             tmp_path / "current.xlsx")
    breakdown = omitted_breakdown(tmp_path / "edited.xlsx")
    as_json = tmp_path / "revised.json"
    result = CliRunner().invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                      "--from", "2026-03-04", "-o",
                                      str(tmp_path / "revised.xlsx"), "--json", str(as_json),
                                      "--time-limit", "2", "--deterministic"])
    assert result.exit_code == 0, result.output
    changes = json.loads(as_json.read_text())["changes"]
    cast = {entry["id"]: entry for entry in changes["cast"]}
    assert cast["B"]["released"] == [THURSDAY.isoformat()] and cast["B"]["added"] == []
    assert [entry["released"] for entry in changes["locations"]] == [[THURSDAY.isoformat()]]
    assert "release 5 Mar 2026" in result.output
