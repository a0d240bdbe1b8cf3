"""Every command that writes refuses, before any work, an output over an input or over another
output, or where it cannot be written; ``import-uss`` replaces a workbook only with ``--force``.

Probe rows (``research/reliability-probe.md``): 39-42 (D4), 45 (D13), 44 (D20).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from scheduler.cli import app
from tests.helpers.paths import EXAMPLES
from tests.helpers.uss import tiny_document, write_uss_file

runner = CliRunner()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "short.xlsx"
    path.write_bytes((EXAMPLES / "short_film.xlsx").read_bytes())
    return path


@pytest.fixture
def uss(tmp_path: Path) -> Path:
    return write_uss_file(tmp_path / "tiny.uss", tiny_document(spec_form=False))


def refused(arguments: list[str]) -> Result:
    """Run the command; it must exit 1 with its reason and no traceback."""
    result = runner.invoke(app, arguments)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result


def test_plan_refuses_json_or_uss_over_the_input_and_leaves_it_whole(source: Path,
                                                                    tmp_path: Path) -> None:
    """Rows 39-40: ``--json IN.xlsx`` and ``--uss IN.xlsx`` replaced the breakdown (exit 0)."""
    before = source.read_bytes()
    out = tmp_path / "out.xlsx"
    for option in ("--json", "--uss"):
        result = refused(["plan", str(source), "-o", str(out), option, str(source)])
        assert f"{option} {source} is the input {source}; choose another file" in result.stderr
    assert source.read_bytes() == before
    assert not out.exists()  # refused before the solve, not after it


def test_plan_refuses_a_uss_export_over_its_uss_input(uss: Path, tmp_path: Path) -> None:
    """Row 41: ``plan IN.uss --uss IN.uss`` rewrote the input in place."""
    before = uss.read_bytes()
    result = refused(["plan", str(uss), "-o", str(tmp_path / "o.xlsx"), "--uss", str(uss)])
    assert f"--uss {uss} is the input" in result.stderr
    assert uss.read_bytes() == before


def test_plan_refuses_json_over_the_schedule_workbook(source: Path, tmp_path: Path) -> None:
    """Row 42: ``--json`` equal to ``-o`` left JSON in the workbook."""
    out = tmp_path / "out4.xlsx"
    result = refused(["plan", str(source), "-o", str(out), "--json", str(out)])
    assert f"--json {out} is also the -o output" in result.stderr
    assert not out.exists()


def test_plan_refuses_outputs_it_cannot_write_before_the_solve(source: Path,
                                                               tmp_path: Path) -> None:
    """Row 45: a missing folder or a folder as output was found only after the whole solve."""
    folder = tmp_path / "adir"
    folder.mkdir()
    ok = tmp_path / "ok.xlsx"
    result = refused(["plan", str(source), "-o", str(ok), "--json",
                      str(tmp_path / "nope" / "o.json"), "--uss", str(folder)])
    assert f"--json {tmp_path / 'nope' / 'o.json'}: the folder" in result.stderr
    assert f"--uss {folder} is a folder" in result.stderr
    assert not ok.exists()


def test_predict_refuses_its_input_as_output(tmp_path: Path) -> None:
    days = tmp_path / "days.xlsx"
    days.write_bytes(b"not read: refused before")
    result = refused(["predict", str(days), "-o", str(days)])
    assert f"-o {days} is the input {days}" in result.stderr
    assert days.read_bytes() == b"not read: refused before"


def test_template_refuses_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "blank.xlsx"
    result = refused(["template", str(target)])
    assert "does not exist" in result.stderr


def test_import_uss_replaces_an_existing_workbook_only_with_force(uss: Path,
                                                                 tmp_path: Path) -> None:
    """Row 44 (D20): ``import-uss -o existing.xlsx`` replaced it without ``--force``."""
    existing = tmp_path / "existing.xlsx"
    existing.write_bytes(b"a filled-in breakdown")
    result = refused(["import-uss", str(uss), "-o", str(existing)])
    assert f"{existing} exists; use --force to replace it" in result.stderr
    assert existing.read_bytes() == b"a filled-in breakdown"
    forced = runner.invoke(app, ["import-uss", str(uss), "-o", str(existing), "--force"])
    assert forced.exit_code == 0, forced.output
    assert existing.read_bytes()[:2] == b"PK"  # now the workbook


def test_import_uss_refuses_its_input_as_output(uss: Path) -> None:
    """Named .xlsx or not, the USS file is never the output (the suffix check comes first)."""
    twin = uss.with_suffix(".xlsx")
    twin.symlink_to(uss)
    result = refused(["import-uss", str(uss), "-o", str(twin), "--force"])
    assert f"-o {twin} is the input {uss}" in result.stderr


def test_train_refuses_a_model_folder_whose_files_would_replace_the_history(
        tmp_path: Path) -> None:
    history = tmp_path / "model.txt"
    history.write_bytes(b"not read: refused before")
    result = refused(["train", str(history), "-o", str(tmp_path)])
    assert f"-o (model) {history} is the input {history}" in result.stderr
    assert history.read_bytes() == b"not read: refused before"
