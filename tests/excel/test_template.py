"""The blank, annotated input workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from scheduler.data import DayNight, IntExt
from scheduler.errors import InputError
from scheduler.excel.reader import read_workbook
from scheduler.excel.schema import PRODUCTION, SHEETS, normalize_name
from scheduler.excel.template import write_template


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return write_template(tmp_path / "template.xlsx")


def test_every_sheet_has_its_headers_with_a_comment(template: Path) -> None:
    """Tests that each header is the schema's name with a comment on meaning and format."""
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames == [spec.name for spec in SHEETS]
    for spec in SHEETS[1:]:
        header = list(workbook[spec.name][1])
        assert [cell.value for cell in header] == [column.name for column in spec.columns]
        for cell, column in zip(header, spec.columns, strict=True):
            assert cell.comment is not None
            assert column.help in cell.comment.text and "Format:" in cell.comment.text


def test_production_sheet_lists_every_field_with_its_default(template: Path) -> None:
    """Tests the Field/Value rows, their defaults and comments."""
    sheet = openpyxl.load_workbook(template)["Production"]
    rows = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2)}
    assert list(rows) == [column.name for column in PRODUCTION.columns]
    assert rows["work_week"] == "Mon-Fri" and rows["standard_day_hours"] == 11
    assert rows["start_date"] is None  # required: the user fills it in
    assert all(row[0].comment is not None for row in sheet.iter_rows(min_row=2))


def test_choice_columns_have_drop_downs(template: Path) -> None:
    """Tests the drop-downs of I/E, D/N, yes/no and billing columns."""
    workbook = openpyxl.load_workbook(template)
    lists = {
        (sheet.title, str(validation.sqref).split(":")[0]): validation.formula1
        for sheet in workbook for validation in sheet.data_validations.dataValidation
    }
    assert lists[("Scenes", "B2")] == '"INT,EXT,INT/EXT"'
    assert lists[("Scenes", "C2")] == '"DAY,NIGHT,DAWN,DUSK"'
    assert lists[("Cast", "H2")] == '"yes,no"'  # drop_pickup
    assert lists[("Crew", "E2")] == '"day,span"'
    assert lists[("Equipment", "E2")] == '"day,span"'
    assert lists[("Production", "B16")] == '"yes,no"'  # allow_split_days


def test_the_blank_template_asks_only_for_a_start_date_and_scenes(template: Path) -> None:
    """Tests that the unfilled template is a valid layout missing only its content."""
    with pytest.raises(InputError) as raised:
        read_workbook(template)
    messages = {p.where: p.message for p in raised.value.problems}
    assert set(messages) == {"Production!B3", "Scenes"}
    assert "start_date" in messages["Production!B3"]


def test_a_filled_in_template_is_read(template: Path, tmp_path: Path) -> None:
    """Tests that a user filling a few rows in gets a production, defaults included."""
    workbook = openpyxl.load_workbook(template)
    workbook["Production"]["B2"] = "Short Film"
    workbook["Production"]["B3"] = date(2026, 3, 2)
    scenes = workbook["Scenes"]
    scenes.append(["1", "EXT", "NIGHT", "EXT. ROOF", "ROOF", "2 3/8", None, "1, 2"])
    scenes.append(["2", "INT", "DAY", "INT. FLAT", "FLAT", 1, "1:30", "Ana"])
    workbook["Cast"].append([1, "Maya Lind", "Ana", 1200])
    workbook["Cast"].append([2, "Tom Berg", "Jonas", "$900"])
    workbook["Locations"].append(["ROOF", "Roof top"])
    workbook["Locations"].append(["FLAT", "Flat"])
    path = tmp_path / "filled.xlsx"
    workbook.save(path)
    production = read_workbook(path)
    assert production.settings.title == "Short Film"
    assert production.settings.standard_day_minutes == 11 * 60
    roof, flat = production.scenes
    assert (roof.int_ext, roof.day_night, roof.eighths, roof.cast) == (
        IntExt.EXT, DayNight.NIGHT, 19, ("1", "2"))
    assert (flat.est_minutes, flat.cast) == (90, ("1",))
    assert production.cast_by_id["2"].daily_rate == 900


def test_no_two_columns_of_a_sheet_share_a_name() -> None:
    """Tests that every header spelling the reader accepts names one column only."""
    for spec in SHEETS:
        keys = [key for column in spec.columns for key in column.keys]
        assert len(keys) == len(set(keys)), spec.name
    titles = [normalize_name(n) for spec in SHEETS for n in (spec.name, *spec.synonyms)]
    assert len(titles) == len(set(titles))
