"""``plan-shoot import-script`` end to end: the breakdown written, checked once a start date is
filled in, planned; ``plan-shoot SCRIPT --defaults`` plans at once; junk refused in one line."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from scheduler.cli import app
from scheduler.excel.reader import read_workbook
from tests.helpers.scripts import CYBER_BOB, DINER_FDX, DINER_FOUNTAIN, needs_shared_scripts

runner = CliRunner()
PLAN = ["--time-limit", "5", "--deterministic"]


def production_rows(path: Path) -> dict[str, object]:
    """The Production sheet's field -> value."""
    sheet = openpyxl.load_workbook(path)["Production"]
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}


def fill_start_date(path: Path, when: date) -> None:
    workbook = openpyxl.load_workbook(path)
    for row in workbook["Production"].iter_rows(min_row=2):
        if row[0].value == "start_date":
            row[1].value = when
    workbook.save(path)


def defaults_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    settings = workbook.active
    settings.title = "Production"
    for row in (("Field", "Value"), ("start_date", "2030-02-04"), ("crew_day_cost", 8000)):
        settings.append(row)
    cast = workbook.create_sheet("Cast")
    for row in (("id", "name", "daily_rate"), ("ANNA", "Ann Actor", 1500)):
        cast.append(row)
    workbook.save(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("script", [DINER_FOUNTAIN, DINER_FDX], ids=["fountain", "fdx"])
def test_import_writes_a_breakdown_that_checks_and_plans_once_dated(script: Path,
                                                                    tmp_path: Path) -> None:
    before = digest(script)
    out = tmp_path / "breakdown.xlsx"
    result = runner.invoke(app, ["import-script", str(script), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "7 scenes" in result.output and "no start date yet" in result.output
    assert digest(script) == before  # the input is never modified
    assert production_rows(out)["start_date"] is None
    assert production_rows(out)["title"] == "The Night Diner"
    notes = [row[0] for row in openpyxl.load_workbook(out)["Notes"].iter_rows(
        min_row=2, values_only=True)]
    assert any(str(note).startswith("default: no start date: start_date is blank")
               for note in notes)
    assert any(str(note).startswith("guess: ") for note in notes)
    undated = runner.invoke(app, ["check", str(out)])
    assert undated.exit_code == 1 and "start_date is missing" in undated.output
    fill_start_date(out, date(2030, 1, 7))
    checked = runner.invoke(app, ["check", str(out)])
    assert checked.exit_code == 0, checked.output
    cast = {m.id: m.character for m in read_workbook(out).cast}
    assert cast["1"] == "ANNA" and cast["5"] == "JOSÉ"
    planned = runner.invoke(app, ["plan", str(out), "-o", str(tmp_path / "s.xlsx"), *PLAN])
    assert planned.exit_code == 0, planned.output


def test_defaults_give_a_breakdown_to_plan_at_once(tmp_path: Path) -> None:
    defaults = defaults_workbook(tmp_path / "defaults.xlsx")
    out = tmp_path / "breakdown.xlsx"
    result = runner.invoke(app, ["import-script", str(DINER_FOUNTAIN), "-o", str(out),
                                 "--defaults", str(defaults)])
    assert result.exit_code == 0, result.output
    assert "Next: plan-shoot" in result.output
    production = read_workbook(out)
    assert production.settings.start_date == date(2030, 2, 4)
    assert production.cast_by_id["1"].name == "Ann Actor"
    assert production.cast_by_id["1"].daily_rate == 1500


def test_plan_reads_a_script_with_defaults_directly(tmp_path: Path) -> None:
    defaults = defaults_workbook(tmp_path / "defaults.xlsx")
    out = tmp_path / "schedule.xlsx"
    result = runner.invoke(app, ["plan", str(DINER_FDX), "--defaults", str(defaults),
                                 "-o", str(out), *PLAN])
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_plan_of_a_script_without_a_start_date_says_how_to_give_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["plan", str(DINER_FOUNTAIN), "-o", str(tmp_path / "s.xlsx")])
    assert result.exit_code == 1
    assert "has no start date" in result.output and "Traceback" not in result.output


@needs_shared_scripts
def test_the_shared_script_imports_checks_and_plans(tmp_path: Path) -> None:
    out = tmp_path / "cyber_bob.xlsx"
    result = runner.invoke(app, ["import-script", str(CYBER_BOB), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 scenes" in result.output and "6 cast" in result.output
    fill_start_date(out, date(2030, 1, 7))
    assert runner.invoke(app, ["check", str(out)]).exit_code == 0
    planned = runner.invoke(app, ["plan", str(out), "-o", str(tmp_path / "s.xlsx"), *PLAN])
    assert planned.exit_code == 0, planned.output


BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
                  b"<FinalDraft><Content><Paragraph><Text>&lol2;</Text></Paragraph></Content>"
                  b"</FinalDraft>\n")


@pytest.mark.parametrize(("name", "content", "says"), [
    ("random.fountain", os.urandom(4096) + b"\x00", "not a text file"),
    ("empty.fountain", b"", "is empty"),
    ("blank.txt", b"\n \r\n\t\n", "is empty"),
    ("data.fountain", b'{"scenes": [{"id": 1, "set": "INT"}]}\n', "no scene headings found"),
    ("notes.txt", b"Shopping list\n\nEggs\nMilk\n", "no scene headings found"),
    ("laughs.fdx", BILLION_LAUGHS, "document type or entities"),
    ("json.fdx", b'{"a": 1}', "not XML"),
    ("broken.fdx", b"<FinalDraft><Content>", "broken.fdx:1: not well-formed XML"),
], ids=["random", "empty", "blank", "json", "prose", "billion-laughs", "json-fdx", "broken"])
def test_junk_gets_one_line_and_exit_1(name: str, content: bytes, says: str,
                                       tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out.xlsx"
    result = runner.invoke(app, ["import-script", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert says in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    # one line; a located problem (broken XML) comes under a line naming the file
    assert len(lines) == (2 if name == "broken.fdx" else 1), result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_json_file_by_name_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "script.json"
    path.write_text("{}")
    result = runner.invoke(app, ["import-script", str(path), "-o", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 1 and "Fountain (.fountain, .txt) or Final Draft (.fdx)" in \
        result.output


def test_a_huge_file_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.fountain"
    with path.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)  # sparse: no disk used
    result = runner.invoke(app, ["import-script", str(path), "-o", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 1 and "at most 10 MB" in result.output


def test_the_breakdown_is_never_written_over_the_script(tmp_path: Path) -> None:
    script = tmp_path / "s.xlsx.fountain"
    script.write_bytes(DINER_FOUNTAIN.read_bytes())
    same = tmp_path / "link.xlsx"
    same.symlink_to(script)
    result = runner.invoke(app, ["import-script", str(script), "-o", str(same)])
    assert result.exit_code == 1 and "is the script itself" in result.output
    assert script.read_bytes() == DINER_FOUNTAIN.read_bytes()


def test_the_output_must_be_a_workbook(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import-script", str(DINER_FOUNTAIN), "-o",
                                 str(tmp_path / "out.csv")])
    assert result.exit_code == 1 and "name it .xlsx" in result.output
