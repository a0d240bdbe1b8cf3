"""``plan-shoot check`` and ``template``: exit codes, located messages, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scheduler.calendar import long_date
from scheduler.cli import app, main
from scheduler.excel.breakdown import write_breakdown
from scheduler.report import pages_text
from tests.helpers.workbooks import edit_cells, sample_production, write_sample

runner = CliRunner()


def test_check_summarises_a_valid_workbook(tmp_path: Path) -> None:
    """Tests exit 0 and a summary with the title, scenes, pages in eighths and shoot days."""
    result = runner.invoke(app, ["check", str(write_sample(tmp_path / "ok.xlsx"))])
    assert result.exit_code == 0, result.output
    production = sample_production()
    pages = pages_text(sum(scene.eighths for scene in production.scenes))
    assert "Harbour Lights" in result.stdout
    assert pages in result.stdout and "Scenes" in result.stdout
    assert f"{production.calendar.num_days} days x 10 h" in result.stdout
    assert "Night share" in result.stdout
    first, last = production.calendar.dates[0], production.calendar.dates[-1]
    assert f"{long_date(first)} to {long_date(last)}" in result.stdout  # no zero-padded day
    assert result.stderr == ""


def test_check_shows_user_text_verbatim(tmp_path: Path) -> None:
    """Tests that a title with rich markup brackets is printed as written, not interpreted."""
    production = sample_production()
    title = "[bold]Harbour[/] [Lights"
    settings = production.settings.model_copy(update={"title": title})
    path = write_breakdown(production.model_copy(update={"settings": settings}),
                           tmp_path / "ok.xlsx")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert title in result.stdout


def test_check_json_prints_only_the_production(tmp_path: Path) -> None:
    """Tests that ``--json`` prints the production's JSON and nothing else on stdout."""
    result = runner.invoke(app, ["check", str(write_sample(tmp_path / "ok.xlsx")), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(sample_production().to_json())


def test_check_lists_every_located_problem_and_exits_1(tmp_path: Path) -> None:
    """Tests exit 1 with one ``Sheet!CELL: message`` line per problem on stderr."""
    path = edit_cells(write_sample(tmp_path / "bad.xlsx"),
                      {"Scenes!F2": "2 3/9", "Scenes!H5": "2, 99", "Locations!D2": "lots"})
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert 'Scenes!F2: pages "2 3/9" is not a page count; write eighths like "2 3/8", "3/8" or ' \
           '"2"' in lines
    assert any(line.startswith("Scenes!H5: scene 4A: cast \"99\"") for line in lines)
    assert any(line.startswith("Locations!D2: daily_fee \"lots\"") for line in lines)
    assert "Traceback" not in result.output and result.stdout == ""


def test_check_refuses_what_is_not_a_workbook_without_a_traceback(tmp_path: Path) -> None:
    """Tests CSV, XLS, a non-zip, a corrupt zip, a missing file and a folder."""
    files = {
        "a.csv": b"scene,pages\n1,2\n",
        "b.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
        "c.xlsx": b"hello",
        "d.xlsx": b"PK\x03\x04" + b"\0" * 64,
    }
    paths = [tmp_path / "missing.xlsx", tmp_path]
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)
    for path in paths:
        result = runner.invoke(app, ["check", str(path)])
        assert result.exit_code == 1, path
        assert str(path) in result.stderr
        assert "Traceback" not in result.output and result.stdout == ""
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_template_command_writes_a_workbook_and_keeps_existing_files(tmp_path: Path) -> None:
    """Tests ``template`` writes a workbook, refuses to overwrite without ``--force``."""
    out = tmp_path / "blank.xlsx"
    first = runner.invoke(app, ["template", str(out)])
    assert first.exit_code == 0, first.output
    assert out.read_bytes().startswith(b"PK")
    again = runner.invoke(app, ["template", str(out)])
    assert again.exit_code == 1 and "--force" in again.stderr
    assert runner.invoke(app, ["template", str(out), "--force"]).exit_code == 0
    assert runner.invoke(app, ["template", str(tmp_path / "blank.csv")]).exit_code == 1


def test_main_runs_subcommands_and_takes_a_file_as_plan(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Tests the console entry: ``plan-shoot check X`` and ``plan-shoot X`` (= ``plan X``)."""
    with pytest.raises(SystemExit) as exited:
        main(["check", str(write_sample(tmp_path / "ok.xlsx")), "--json"])
    assert exited.value.code == 0
    assert json.loads(capsys.readouterr().out)["settings"]["title"] == "Harbour Lights"
    missing = tmp_path / "missing.xlsx"
    with pytest.raises(SystemExit) as exited:
        main([str(missing)])
    assert exited.value.code == 1
    assert f"{missing} does not exist" in capsys.readouterr().err
