"""plan-shoot train and plan-shoot predict, without the terminal."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scheduler.errors import InputError
from scheduler.excel.writer import write_schedule
from scheduler.predict.commands import predict_command, train_command
from scheduler.predict.model import load
from tests.helpers.history import make_history, synthetic_rows
from tests.helpers.reports import report_production, sample_result


@pytest.fixture(scope="module")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "history.xlsx"
    return Path(make_history().write_history(list(synthetic_rows(12)), path))


@pytest.fixture(scope="module")
def schedule_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    production = report_production()
    path = tmp_path_factory.mktemp("schedule") / "schedule.xlsx"
    return write_schedule(production, sample_result(production), path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_train_evaluates_and_saves_a_loadable_model(history_file: Path, tmp_path: Path) -> None:
    report = train_command(history_file, tmp_path / "model", folds=4)
    assert report.folds == 4 and report.productions == 12
    assert report.ceiling_auc is not None
    assert 0.5 < report.model.auc <= 1
    assert any("baseline" in line for line in report.lines())
    model = load(tmp_path / "model")
    assert model.threshold == report.threshold
    assert model.metadata["evaluation"]["model"]["auc"] == report.model.auc


def test_train_reports_history_problems(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        train_command(tmp_path / "missing.xlsx", tmp_path / "model")
    assert not (tmp_path / "model").exists()


def test_predict_adds_probability_and_flag_to_the_days_sheet(schedule_file: Path,
                                                            tmp_path: Path) -> None:
    before = digest(schedule_file)
    out = tmp_path / "scored.xlsx"
    summary = predict_command(schedule_file, None, out)
    assert digest(schedule_file) == before  # the input is never touched
    original = load_workbook(schedule_file)
    scored = load_workbook(out)
    assert scored.sheetnames == original.sheetnames
    sheet = scored["Days"]
    header = [cell.value for cell in sheet[1]]
    probability = header.index("Bottleneck Probability") + 1
    flag = header.index("Flag") + 1
    values = [(sheet.cell(row, probability).value, sheet.cell(row, flag).value)
              for row in range(2, sheet.max_row + 1)]
    assert len(values) == summary.days == original["Days"].max_row - 1
    assert all(0 < p < 1 and f == ("yes" if p >= summary.threshold else "no")
               for p, f in values)
    assert summary.flagged == sum(f == "yes" for _, f in values)


def test_predict_on_a_history_appends_the_columns(history_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "scored.xlsx"
    summary = predict_command(history_file, None, out)
    sheet = load_workbook(out, read_only=True)["Days"]
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True))
    assert header[-2:] == ("Bottleneck Probability", "Flag")
    assert summary.days == len(synthetic_rows(12))


def test_predict_never_writes_over_its_input(schedule_file: Path) -> None:
    before = digest(schedule_file)
    with pytest.raises(InputError, match="is the input workbook"):
        predict_command(schedule_file, None, schedule_file)
    assert digest(schedule_file) == before


def test_predict_reports_a_missing_model(schedule_file: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the bottleneck model"):
        predict_command(schedule_file, tmp_path / "no-model", tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()
