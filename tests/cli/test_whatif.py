"""``plan-shoot whatif`` end to end on a tiny production: exit codes, the comparison workbook
and the schedules beside it, --json, the input untouched, problems located."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.excel.breakdown import write_breakdown
from scheduler.whatif.workbook import COMPARISON_COLUMNS
from tests.helpers.whatif import whatif_production
from tests.helpers.workbooks import write_rows

runner = CliRunner()
QUICK = ["--time-limit", "1", "--deterministic", "--parallel", "1", "--risk-blind"]


def inputs(tmp_path: Path, *rows: tuple[object, ...]) -> tuple[Path, Path]:
    breakdown = write_breakdown(whatif_production(), tmp_path / "tiny.xlsx")
    scenarios = write_rows(tmp_path / "scenarios.xlsx", {"Scenarios": [
        ("scenario", "change", "id", "value"), *rows]})
    return Path(breakdown), scenarios


def test_whatif_writes_the_comparison_and_a_schedule_per_scenario(tmp_path: Path) -> None:
    breakdown, scenarios = inputs(tmp_path, ("=cut", "cut", "6", None),
                                  ("lose L1 Monday", "unavailable", "L1", "2026-03-02"))
    before = breakdown.read_bytes(), scenarios.read_bytes()
    out = tmp_path / "comparison.xlsx"
    result = runner.invoke(app, ["whatif", str(breakdown), "--scenarios", str(scenarios),
                                 "-o", str(out), *QUICK])
    assert result.exit_code == 0, result.output
    assert (breakdown.read_bytes(), scenarios.read_bytes()) == before
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["Comparison"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COMPARISON_COLUMNS
    assert [row[0] for row in rows[1:]] == ["base", "=cut", "lose L1 Monday"]
    assert sheet["A3"].data_type == "s" and sheet["A3"].quotePrefix  # text, not a formula
    assert rows[1][4] == 0 and rows[2][4] <= 0 and rows[3][4] >= 0
    assert "(relaxing)" in rows[2][1] and "(restricting)" in rows[3][1]
    assert len(sheet._charts) == 1
    for name in ("base", "cut", "lose_L1_Monday"):
        schedule = openpyxl.load_workbook(tmp_path / f"comparison_{name}.xlsx", read_only=True)
        assert "Stripboard" in schedule.sheetnames
    assert "base" in result.output and "wrote" in result.output


def test_whatif_json_is_the_table_for_programs(tmp_path: Path) -> None:
    breakdown, scenarios = inputs(tmp_path, ("cut", "cut", "6", None))
    result = runner.invoke(app, ["whatif", str(breakdown), "--scenarios", str(scenarios),
                                 "-o", str(tmp_path / "c.xlsx"), "--json", *QUICK])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    names = [row["scenario"] for row in document["scenarios"]]
    assert names == ["base", "cut"]
    cut = document["scenarios"][1]
    assert cut["effect"] == "relaxing" and cut["change_vs_base"] <= 0
    assert document["where"] == "this process"


def test_whatif_lists_every_problem_of_the_scenarios_and_exits_1(tmp_path: Path) -> None:
    breakdown, scenarios = inputs(tmp_path, ("a", "cut", "99", None),
                                  ("b", "rate", "nobody", "x"))
    result = runner.invoke(app, ["whatif", str(breakdown), "--scenarios", str(scenarios),
                                 *QUICK])
    assert result.exit_code == 1
    assert "Scenarios!C2: scene 99" in result.output
    assert "Scenarios!C3:" in result.output and "Scenarios!D3:" in result.output
    assert "Traceback" not in result.output


def test_whatif_refuses_outputs_over_an_input_and_a_missing_choice(tmp_path: Path) -> None:
    breakdown, scenarios = inputs(tmp_path, ("a", "cut", "6", None))
    over = runner.invoke(app, ["whatif", str(breakdown), "--scenarios", str(scenarios),
                               "-o", str(scenarios)])
    assert over.exit_code == 1 and "is the input" in over.output
    nothing = runner.invoke(app, ["whatif", str(breakdown)])
    assert nothing.exit_code == 1 and "--scenarios" in nothing.output


def test_template_scenarios_writes_the_blank(tmp_path: Path) -> None:
    out = tmp_path / "blank.xlsx"
    result = runner.invoke(app, ["template", "--scenarios", str(out)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames == ["Scenarios", "Help"]


def test_an_infeasible_base_exits_2_and_still_compares(tmp_path: Path) -> None:
    from scheduler.data import ConstraintKind, SceneConstraint
    from tests.helpers.productions import production, scene

    clash = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=3,
                       constraints=[SceneConstraint(kind=ConstraintKind.SAME_DAY,
                                                    scenes=("1", "2"))])
    breakdown = write_breakdown(clash, tmp_path / "clash.xlsx")
    scenarios = write_rows(tmp_path / "s.xlsx", {"Scenarios": [
        ("scenario", "change", "id", "value"), ("cut 2", "cut", "2", None)]})
    out = tmp_path / "c.xlsx"
    result = runner.invoke(app, ["whatif", str(breakdown), "--scenarios", str(scenarios),
                                 "-o", str(out), *QUICK])
    assert result.exit_code == 2, result.output
    rows = list(openpyxl.load_workbook(out)["Comparison"].iter_rows(values_only=True))
    assert (rows[1][0], rows[1][2]) == ("base", "infeasible")
    assert (rows[2][0], rows[2][2]) == ("cut 2", "optimal")  # cutting scene 2 solves it
