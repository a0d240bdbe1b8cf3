"""The main command end to end: read, solve, write, exit code."""

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from scheduler.cli import app, main
from scheduler.data import ConstraintKind, SceneConstraint
from scheduler.excel.breakdown import write_breakdown
from tests.helpers.paths import EXAMPLES
from tests.helpers.productions import production, scene

runner = CliRunner()


def test_plan_writes_the_schedule_workbook(tmp_path: Path) -> None:
    source = tmp_path / "short.xlsx"
    source.write_bytes((EXAMPLES / "short_film.xlsx").read_bytes())
    before = source.read_bytes()
    out = tmp_path / "out.xlsx"
    result = runner.invoke(app, ["plan", str(source), "-o", str(out), "--time-limit", "5",
                                 "--deterministic", "--json", str(tmp_path / "out.json")])
    assert result.exit_code == 0, result.output
    assert source.read_bytes() == before
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert {"Summary", "Schedule", "Stripboard", "Day Out of Days"} <= set(workbook.sheetnames)
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    assert summary["status"] in ("optimal", "feasible")
    assert (tmp_path / "out.json").stat().st_size > 0


def test_infeasible_production_exits_2_with_the_rule(tmp_path: Path) -> None:
    prod = production(
        [scene("1", hours=7), scene("2", hours=7)], max_shoot_days=3,
        constraints=[SceneConstraint(kind=ConstraintKind.SAME_DAY, scenes=("1", "2"))],
    )
    source = tmp_path / "clash.xlsx"
    write_breakdown(prod, source)
    result = runner.invoke(app, ["plan", str(source), "-o", str(tmp_path / "o.xlsx"),
                                 "--time-limit", "5", "--deterministic"])
    assert result.exit_code == 2, result.output
    assert "same day" in result.output


def test_plan_refuses_to_write_over_the_input(tmp_path: Path) -> None:
    source = tmp_path / "short.xlsx"
    source.write_bytes((EXAMPLES / "short_film.xlsx").read_bytes())
    result = runner.invoke(app, ["plan", str(source), "-o", str(source)])
    assert result.exit_code == 1
    assert "is the input" in result.output


def test_bare_file_argument_means_plan(tmp_path: Path) -> None:
    source = tmp_path / "short.xlsx"
    source.write_bytes((EXAMPLES / "short_film.xlsx").read_bytes())
    out = tmp_path / "bare.xlsx"
    try:
        main([str(source), "-o", str(out), "--time-limit", "3", "--deterministic"])
    except SystemExit as stop:
        assert stop.code in (0, None)
    assert out.exists()


def test_plan_reports_risk_and_its_premium_and_risk_blind_plans_for_cost(tmp_path: Path) -> None:
    source = tmp_path / "short.xlsx"
    source.write_bytes((EXAMPLES / "short_film.xlsx").read_bytes())
    aware = runner.invoke(app, ["plan", str(source), "-o", str(tmp_path / "a.xlsx"),
                                "--time-limit", "4", "--deterministic"])
    blind = runner.invoke(app, ["plan", str(source), "-o", str(tmp_path / "b.xlsx"),
                                "--time-limit", "4", "--deterministic", "--risk-blind"])
    assert aware.exit_code == 0 and blind.exit_code == 0, aware.output + blind.output
    assert "expected bottleneck days" in aware.output and "risk premium" in aware.output
    assert "risk premium" not in blind.output
    summaries = [{row[0]: row[1] for row in openpyxl.load_workbook(
        tmp_path / name, read_only=True)["Summary"].iter_rows(values_only=True)}
        for name in ("a.xlsx", "b.xlsx")]
    assert summaries[0]["risk_premium"] > 0 == summaries[1]["risk_premium"]
    assert summaries[0]["expected_bottleneck_days"] < summaries[1]["expected_bottleneck_days"]


def test_serve_is_a_command_with_host_and_port() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output
