"""``plan-shoot replan --uss``: the revised board as a USS stripboard named after its revision,
written atomically, never over an input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.data import CalendarDayType, CalendarEntry
from scheduler.excel.breakdown import write_breakdown
from scheduler.interop.schedule_workbook import read_schedule_workbook
from scheduler.interop.uss import read_uss_board, read_uss_boards, read_uss_document
from tests.cli.test_replan import current_workbook, five_scenes
from tests.helpers.uss import tiny_document, write_uss_file

runner = CliRunner()
BOARD = "plan-shoot Blue revision"


def test_replan_writes_the_revised_board_as_a_new_uss_file(tmp_path: Path) -> None:
    """Tests a lost Thursday re-planned from workbooks: the USS file holds the revised board
    under the revision's name, with each scene on the shoot day the revised workbook gives."""
    current = current_workbook(tmp_path)
    edited = five_scenes().model_copy(update={"calendar_entries": (
        CalendarEntry(date=date(2026, 3, 5), type=CalendarDayType.OFF),)})
    breakdown = write_breakdown(edited, tmp_path / "edited.xlsx")
    out, uss = tmp_path / "revised.xlsx", tmp_path / "revised.uss"
    result = runner.invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                 "--from", "2026-03-04", "-o", str(out), "--uss", str(uss),
                                 "--time-limit", "2", "--deterministic"])
    assert result.exit_code == 0, result.output
    assert f'stripboard "{BOARD}" (new file)' in result.output
    assert read_uss_board(uss, BOARD).start_day == read_schedule_workbook(out).start_day
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no temporary file left


def test_replan_adds_the_revised_board_to_a_copy_of_a_uss_input(tmp_path: Path) -> None:
    """Tests a USS breakdown re-planned against one of its own boards: the output is the file
    with one more stripboard (the others kept), the input unchanged."""
    tiny = write_uss_file(tmp_path / "tiny.uss", tiny_document(spec_form=False))
    before = tiny.read_bytes()
    uss = tmp_path / "revised.uss"
    result = runner.invoke(app, ["replan", str(tiny), "--schedule", str(tiny), "--board",
                                 "Human", "--from", "2026-03-03", "-o",
                                 str(tmp_path / "revised.xlsx"), "--uss", str(uss),
                                 "--time-limit", "2", "--deterministic"])
    assert result.exit_code == 0, result.output
    assert tiny.read_bytes() == before
    names = [board.name for board in read_uss_document(uss).stripboards]
    assert names == ["Human", "Order", BOARD]
    boards = read_uss_boards(uss)
    assert boards["Human"].start_day == read_uss_boards(tiny)["Human"].start_day


def test_replan_refuses_a_uss_output_over_an_input(tmp_path: Path) -> None:
    """Tests ``--uss`` naming the current schedule: refused before any work, exit 1."""
    current = current_workbook(tmp_path)
    breakdown = write_breakdown(five_scenes(), tmp_path / "b.xlsx")
    before = current.read_bytes()
    result = runner.invoke(app, ["replan", str(breakdown), "--schedule", str(current),
                                 "--from", "2026-03-04", "--uss", str(current)])
    assert result.exit_code == 1 and "is the input" in result.output
    assert current.read_bytes() == before
