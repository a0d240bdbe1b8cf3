"""The USS commands end to end: import-uss, plan on a .uss file with --uss, evaluate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from scheduler.cli import app, main
from scheduler.excel.reader import read_workbook
from scheduler.interop.schedule_workbook import read_schedule_workbook
from scheduler.interop.uss import read_uss, read_uss_board
from tests.helpers.uss import FULL_SAMPLE, tiny_document, write_uss_file

runner = CliRunner()
needs_sample = pytest.mark.skipif(not FULL_SAMPLE.is_file(),
                                  reason=f"the USS sample is not at {FULL_SAMPLE} (the shared "
                                         "folder beside the checkout)")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return write_uss_file(tmp_path / "tiny.uss", tiny_document(spec_form=False))


def defaults_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    settings = workbook.active
    settings.title = "Production"
    for row in (("Field", "Value"), ("pages_per_day", 2), ("crew_day_cost", 5000),
                ("start_date", "2030-01-07")):
        settings.append(row)
    cast = workbook.create_sheet("Cast")
    for row in (("id", "name", "daily_rate", "minor"), ("*", None, 700, None),
                ("mary", "Donna Reed", 900, None), ("NOBODY", None, 5, None)):
        cast.append(row)
    locations = workbook.create_sheet("Locations")
    locations.append(("id", "daily_fee"))
    locations.append(("House", 300))
    workbook.save(path)
    return path


def test_import_uss_writes_a_workbook_that_check_reads_back(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "breakdown.xlsx"
    result = runner.invoke(app, ["import-uss", str(tiny), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 scenes" in result.output
    assert read_workbook(out).to_json() == read_uss(tiny).to_json()
    notes = [row[0] for row in openpyxl.load_workbook(out)["Notes"].iter_rows(values_only=True)]
    assert "default: every cast member 1,000 a day (a placeholder: USS has no rates)" in notes
    checked = runner.invoke(app, ["check", str(out)])
    assert checked.exit_code == 0 and "no problems" in checked.output


def test_import_uss_refuses_a_file_not_named_uss(tiny: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "tiny.json"
    renamed.write_bytes(tiny.read_bytes())
    result = runner.invoke(app, ["import-uss", str(renamed), "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 1
    assert "named .uss" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_defaults_fill_what_uss_lacks(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "breakdown.xlsx"
    defaults = defaults_workbook(tmp_path / "defaults.xlsx")
    result = runner.invoke(app, ["import-uss", str(tiny), "-o", str(out), "--defaults",
                                 str(defaults)])
    assert result.exit_code == 0, result.output
    production = read_workbook(out)
    assert production.settings.pages_per_day_eighths == 16
    assert production.settings.crew_day_cost == 5000
    assert production.settings.start_date == date(2026, 3, 2)  # the USS calendar decides
    assert {m.id: m.daily_rate for m in production.cast} == {"1": 700, "2": 900, "3": 700}
    assert production.cast_by_id["2"].name == "Donna Reed"
    assert production.location_by_id["HOUSE"].daily_fee == 300
    notes = production.notices
    assert not any("every cast member 1,000" in n for n in notes)
    imported = read_uss(tiny, defaults)
    assert any('no cast of the USS file is "nobody"' in n for n in imported.notices)
    assert any("start_date is ignored" in n for n in imported.notices)


def test_plan_solves_a_uss_file_and_exports_the_board(tiny: Path, tmp_path: Path) -> None:
    out, uss = tmp_path / "plan.xlsx", tmp_path / "plan.uss"
    result = runner.invoke(app, ["plan", str(tiny), "-o", str(out), "--uss", str(uss),
                                 "--time-limit", "5", "--deterministic"])
    assert result.exit_code == 0, result.output
    assert 'stripboard "plan-shoot"' in result.output
    ours = read_schedule_workbook(out)
    assert read_uss_board(uss, "plan-shoot") == ours
    assert read_uss_board(uss, "Human") == read_uss_board(tiny, "Human")  # the source is kept
    evaluated = runner.invoke(app, ["evaluate", str(tiny), "--schedule", str(out), "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    assert json.loads(evaluated.output)["valid"] is True


def test_a_bare_uss_path_means_plan(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "bare.xlsx"
    with pytest.raises(SystemExit) as stop:
        main([str(tiny), "-o", str(out), "--time-limit", "3", "--deterministic"])
    assert stop.value.code in (0, None)
    assert set(read_schedule_workbook(out).start_day) == {s.id for s in read_uss(tiny).scenes}


def test_evaluate_a_stripboard_people_built(tiny: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tiny), "--board", "Human"])
    assert result.exit_code == 0, result.output
    assert "cast hold days" in result.output and "split_day 1" in result.output
    data = json.loads(runner.invoke(app, ["evaluate", str(tiny), "--board", "human",
                                          "--json"]).output)
    assert data["shoot_days"] == 3 and data["wrap_day"] == 4
    assert data["rule_breaks"] == {"split_day": 1}  # night and magic hour on day 4
    assert data["cost_by_category"]["crew"] == 4 * 10_000


def test_evaluate_refuses_what_is_not_a_schedule(tiny: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tiny), "--board", "Order"])
    assert result.exit_code == 1
    assert 'stripboard "Order" has no day breaks' in result.output
    assert "Traceback" not in result.output
    assert runner.invoke(app, ["evaluate", str(tiny)]).exit_code == 1


def test_bad_uss_input_exits_1_with_every_problem_located(tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["breakdowns"][0]["elements"].append("ghost")
    root["elements"][0]["name"] = ["INT"]
    path = write_uss_file(tmp_path / "bad.uss", document)
    for command in (["import-uss", str(path), "-o", str(tmp_path / "x.xlsx")],
                    ["plan", str(path)], ["evaluate", str(path), "--board", "Human"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, command
        assert "breakdowns[0].elements[6]: no element has id \"ghost\"" in result.output
        assert "elements[0].name: is an array, not text" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


@needs_sample
def test_the_full_sample_imports_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "wonderful.xlsx"
    result = runner.invoke(app, ["import-uss", str(FULL_SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "173 scenes, 177 5/8 pages, 59 cast" in result.output
    assert read_workbook(out).to_json() == read_uss(FULL_SAMPLE).to_json()


def test_a_failed_uss_write_names_the_uss_file(tiny: Path, tmp_path: Path) -> None:
    """Tests that ``--uss`` into a missing folder exits 1 naming that file, not the workbook,
    before the solve (nothing written)."""
    uss = tmp_path / "missing" / "plan.uss"
    result = runner.invoke(app, ["plan", str(tiny), "-o", str(tmp_path / "plan.xlsx"),
                                 "--uss", str(uss), "--time-limit", "2", "--deterministic"])
    assert result.exit_code == 1
    assert f"--uss {uss}: the folder {uss.parent} does not exist" in result.stderr
    assert not (tmp_path / "plan.xlsx").exists()
    assert "Traceback" not in result.output
