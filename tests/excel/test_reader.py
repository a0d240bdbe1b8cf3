"""Reading breakdown workbooks: equal productions from any spelling, every problem located."""

from __future__ import annotations

import functools
import hashlib
import io
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from scheduler.data import Production
from scheduler.errors import InputError
from scheduler.excel import source
from scheduler.excel.reader import read_workbook
from scheduler.subjects import EntityKind, Subject
from tests.helpers.workbooks import (
    FORMULA_LOOKING_SYNOPSIS,
    add_cached_value,
    edit_cells,
    messy_rows,
    sample_production,
    write_rows,
    write_sample,
)


def place_of(production: Production, scene_id: str, field: str) -> str:
    """Where the reader found a field of a scene (``eighths`` is the ``pages`` cell)."""
    position = [scene.id for scene in production.scenes].index(scene_id)
    return production.place_of(Subject(EntityKind.SCENE, scene_id, field, position))


def problems_of(path: Path) -> dict[str, str]:
    """Location -> message of every problem ``read_workbook`` reports."""
    with pytest.raises(InputError) as raised:
        read_workbook(path)
    located = {problem.where: problem.message for problem in raised.value.problems}
    assert len(located) == len(raised.value.problems), "two problems at one cell"
    return located


def minimal_rows(**extra_fields: Any) -> dict[str, list[list[Any]]]:
    """A two-scene workbook; ``extra_fields`` are more Production rows."""
    fields = [["Field", "Value"], ["start_date", "2026-03-02"],
              *[[name, value] for name, value in extra_fields.items()]]
    return {
        "Production": fields,
        "Scenes": [["scene", "pages", "cast"], ["1", "1 4/8", "1"], ["2", 2, "1"]],
        "Cast": [["id", "name"], ["1", "Maya Lind"]],
    }


def test_openpyxl_parses_xml_with_defusedxml() -> None:
    """Tests that the defusedxml dependency is installed, so hostile XML is refused."""
    assert openpyxl.DEFUSEDXML is True


def test_canonical_workbook_reads_back_the_production(tmp_path: Path) -> None:
    """Tests that the canonical workbook of the sample reads to an equal production, with
    origins that name the cells."""
    production = read_workbook(write_sample(tmp_path / "canonical.xlsx"))
    assert production.to_json() == sample_production().to_json()
    assert production.notices == ()
    hall = production.scene_by_id["5"]
    assert hall.synopsis == FORMULA_LOOKING_SYNOPSIS
    assert place_of(production, "5", "shoot_on") == "Scenes!O7"
    assert production.place_of(Subject(EntityKind.SETTING, field="start_date")) == "Production!B3"


def test_messy_twin_reads_to_the_same_production(tmp_path: Path) -> None:
    """Tests synonyms, shuffled columns, text pages and dates, ``$1,250``, names for ids, lists
    with ``;`` and new lines, blank rows, unknown columns and a sheet called Breakdown."""
    canonical = read_workbook(write_sample(tmp_path / "canonical.xlsx"))
    messy = read_workbook(write_rows(tmp_path / "messy.xlsx", messy_rows()))
    assert messy.to_json() == canonical.to_json()
    assert any(n.startswith("Breakdown!R1:") and '"Notes"' in n for n in messy.notices)
    assert any(n.startswith("Cast List!J1:") and '"Agent"' in n for n in messy.notices)
    assert any(n.startswith("Settings!A23:") and '"Producer"' in n for n in messy.notices)
    # Places point at the messy layout: scene 4A's pages are in column C, row 6.
    assert place_of(messy, "4A", "eighths") == "Breakdown!C6"


PLANTED = {
    "Scenes!F2": ("2 3/9", "pages"),  # a bad page count
    "Scenes!H3": ("1, 2, 3", "minor"),  # a minor in a NIGHT scene
    "Scenes!H5": ("2, 99", '"99" is not on sheet Cast'),  # an unknown cast id
    "Scenes!E4": ("NOWHERE", '"NOWHERE" is not on sheet Locations'),  # an unknown location
    "Scenes!A8": ("3", 'id "3" is used twice'),  # a duplicate scene id
    "Scenes!O7": ("2026-03-15", "not a shoot day"),  # pinned to a Sunday
    "Cast!E3": ("2026-02-30", "not a date on the calendar"),  # an invalid date
    "Scenes!B4": ("OUTSIDE", "not INT, EXT or INT/EXT"),  # a bad I/E
    "Locations!D2": ("12,34,5", "not an amount of money"),  # bad money
    "Scenes!I6": ("=2+3", "formula has no saved value"),  # a formula never calculated
    "Scenes!N6": ("2026-03-01", "no possible shoot day"),  # a window before the calendar
}
# The window problem is reported at the scene id, where the cross-check locates it.
PLANTED_AT = {cell: cell for cell in PLANTED} | {"Scenes!N6": "Scenes!A6"}


def test_every_planted_mistake_is_reported_at_its_cell(tmp_path: Path) -> None:
    """Tests that eleven different mistakes give exactly eleven messages at the right cells."""
    path = write_sample(tmp_path / "mistakes.xlsx")
    edit_cells(path, {cell: value for cell, (value, _) in PLANTED.items()} | {"Scenes!F8": 1})
    located = problems_of(path)
    assert set(located) == set(PLANTED_AT.values())
    for cell, (_, wording) in PLANTED.items():
        assert wording in located[PLANTED_AT[cell]], (cell, located[PLANTED_AT[cell]])
    assert located["Scenes!F2"].startswith('pages "2 3/9" is not a page count; write eighths')


def test_parse_problems_are_reported_when_the_settings_are_unusable(tmp_path: Path) -> None:
    """Tests that a bad start_date does not hide the problems of other sheets."""
    rows = minimal_rows()
    rows["Production"][1] = ["start_date", "soon"]
    rows["Scenes"][2] = ["2", "2 1/3", "1"]
    located = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert set(located) == {"Production!B2", "Scenes!B3"}


def test_settings_cross_checks_name_the_value_cell(tmp_path: Path) -> None:
    """Tests that a Production-sheet cross-check names the cell of the field's value."""
    rows = minimal_rows(standard_day_hours=10, max_day_hours=8)
    located = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert located == {"Production!B4": "max_day_hours is below standard_day_hours"}


def test_missing_sheets_and_columns_are_reported(tmp_path: Path) -> None:
    """Tests the required sheets, the required scene column and a missing start date."""
    located = problems_of(write_rows(tmp_path / "w.xlsx", {"Notes": [["hello"]]}))
    assert set(located) == {"Production", "Scenes"}
    rows = minimal_rows()
    rows["Production"] = [["Field", "Value"], ["title", "X"]]
    rows["Scenes"] = [["Sc Name", "pages"], ["kitchen", 1]]
    located = problems_of(write_rows(tmp_path / "w2.xlsx", rows))
    assert set(located) == {"Production", "Scenes!1"}
    assert "start_date is missing" in located["Production"]
    assert "no scene column" in located["Scenes!1"]


def test_header_below_a_title_and_duplicate_columns(tmp_path: Path) -> None:
    """Tests that a title row above the headers is skipped, and two headers of one column
    are a problem at the second."""
    rows = minimal_rows()
    rows["Scenes"] = [["My breakdown"], ["scene", "pages", "Page Count", "cast"],
                      ["1", 1, 2, "1"]]
    located = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert set(located) == {"Scenes!C2"}
    assert "like column B" in located["Scenes!C2"]


def test_blank_rows_are_skipped_and_an_empty_breakdown_is_a_problem(tmp_path: Path) -> None:
    """Tests blank rows between scenes, and a Scenes sheet with only its header."""
    rows = minimal_rows()
    rows["Scenes"] = [["scene", "pages"], [], ["1", 1], [None, None], [], ["2", 2]]
    production = read_workbook(write_rows(tmp_path / "w.xlsx", rows))
    assert [scene.id for scene in production.scenes] == ["1", "2"]
    assert place_of(production, "2", "eighths") == "Scenes!B6"
    rows["Scenes"] = [["scene", "pages"]]
    assert set(problems_of(write_rows(tmp_path / "w2.xlsx", rows))) == {"Scenes"}


def test_date_format_decides_how_slashed_dates_are_read(tmp_path: Path) -> None:
    """Tests that 05/03/2026 is refused as ambiguous, and read day-first with date_format."""
    rows = minimal_rows()
    rows["Scenes"] = [["scene", "pages", "shoot on"], ["1", 1, "04/03/2026"]]
    located = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert set(located) == {"Scenes!C2"} and "ambiguous" in located["Scenes!C2"]
    rows["Production"] = [["Field", "Value"], ["start_date", "02/03/2026"],
                          ["end_date", "20/03/2026"], ["date_format", "DD/MM/YYYY"]]
    production = read_workbook(write_rows(tmp_path / "w2.xlsx", rows))
    assert production.settings.start_date == date(2026, 3, 2)
    assert production.scenes[0].shoot_on == date(2026, 3, 4)


def test_cast_names_map_to_ids_and_ambiguous_names_are_problems(tmp_path: Path) -> None:
    """Tests cast given by name or character, and a name two cast members share."""
    rows = minimal_rows()
    rows["Cast"] = [["id", "name", "character"], ["1", "Maya Lind", "Ana"],
                    ["2", "Tom Berg", "Jonas"], ["3", "Tom Berg", "Lars"]]
    rows["Scenes"] = [["scene", "pages", "cast"], ["1", 1, "maya lind, JONAS"],
                      ["2", 1, "Tom Berg"]]
    located = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert set(located) == {"Scenes!C3"} and "could be any of 2, 3" in located["Scenes!C3"]
    rows["Scenes"][2] = ["2", 1, "Lars"]
    production = read_workbook(write_rows(tmp_path / "w2.xlsx", rows))
    assert [scene.cast for scene in production.scenes] == [("1", "2"), ("3",)]


def test_excel_error_values_and_cached_formulas(tmp_path: Path) -> None:
    """Tests that ``#REF!`` is a problem and a formula's saved value is read."""
    rows = minimal_rows()
    rows["Scenes"] = [["scene", "pages", "extras"], ["1", 1, 0]]
    path = edit_cells(write_rows(tmp_path / "w.xlsx", rows), {"Scenes!C2": "#REF!"})
    located = problems_of(path)
    assert set(located) == {"Scenes!C2"} and "Excel error #REF!" in located["Scenes!C2"]
    path = edit_cells(write_rows(tmp_path / "w2.xlsx", rows), {"Scenes!C2": "=2*6"})
    assert set(problems_of(path)) == {"Scenes!C2"}
    add_cached_value(path, 2, "C2", "12")
    assert read_workbook(path).scenes[0].extras == 12


def test_title_defaults_to_the_file_name_and_ids_may_not_hold_separators(
        tmp_path: Path) -> None:
    """Tests the title default, and an id that no list could name."""
    production = read_workbook(write_rows(tmp_path / "Night Shift.xlsx", minimal_rows()))
    assert production.settings.title == "Night Shift"
    rows = minimal_rows()
    rows["Cast"] = [["id", "name"], ["1", "A"], ["2;3", "B"]]
    located = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert set(located) == {"Cast!A3"} and "separate lists" in located["Cast!A3"]


def test_values_out_of_range_for_the_model_are_located(tmp_path: Path) -> None:
    """Tests values the parsers accept but the model refuses (zero pace, zero minor hours)."""
    rows = minimal_rows(pages_per_day=0, standard_day_hours=30)
    rows["Cast"] = [["id", "name", "max_hours"], ["1", "A", 0]]
    located = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert set(located) == {"Production!B3", "Production!B4", "Cast!C2"}
    assert "must be more than 0" in located["Production!B3"]
    assert "longer than a day" in located["Production!B4"]


# ----- files that are not breakdown workbooks ---------------------------------------------------


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(("name", "content", "wording"), [
    ("breakdown.csv", b"scene,pages\n1,2\n", "CSV"),
    ("breakdown.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old-format"),
    ("breakdown.ods", b"PK\x03\x04", "OpenDocument"),
    ("breakdown.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "password"),
    ("breakdown.xlsx", b"scene,pages\n1,2\n", "not an Excel workbook"),
    ("breakdown.xlsx", b"", "not an Excel workbook"),
    ("breakdown.xlsx", b"PK\x03\x04 broken", "damaged"),
])
def test_files_that_are_not_workbooks_are_refused(tmp_path: Path, name: str, content: bytes,
                                                  wording: str) -> None:
    """Tests clear refusals of CSV, XLS, ODS, encrypted, non-zip and corrupt files."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_workbook(path)
    [problem] = raised.value.problems
    assert wording in problem.message and str(path) in problem.message


def test_zips_that_are_not_workbooks_are_refused(tmp_path: Path) -> None:
    """Tests an ODS renamed .xlsx, a plain zip, and a zip that only pretends to be a workbook."""
    ods = zip_with(tmp_path / "a.xlsx", {"mimetype": b"application/vnd.oasis.opendocument"})
    plain = zip_with(tmp_path / "b.xlsx", {"hello.txt": b"hi"})
    fake = zip_with(tmp_path / "c.xlsx", {"[Content_Types].xml": b"<Types/>"})
    for path, wording in ((ods, "OpenDocument"), (plain, "not an Excel workbook"),
                          (fake, "could not be read")):
        with pytest.raises(InputError) as raised:
            read_workbook(path)
        assert wording in raised.value.problems[0].message


def test_missing_files_and_folders_are_refused(tmp_path: Path) -> None:
    """Tests a path that does not exist and a folder."""
    for path, wording in ((tmp_path / "none.xlsx", "does not exist"), (tmp_path, "folder")):
        with pytest.raises(InputError) as raised:
            read_workbook(path)
        assert wording in raised.value.problems[0].message


def test_size_and_row_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests the file-size limit, the expanded-size limit and the cap on rows per sheet."""
    path = write_sample(tmp_path / "w.xlsx")
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 1000)
    with pytest.raises(InputError, match="the limit is"):
        read_workbook(path)
    monkeypatch.undo()
    monkeypatch.setattr(source, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(InputError, match="too big to read"):
        read_workbook(path)
    monkeypatch.undo()
    monkeypatch.setattr(source, "MAX_ROWS_PER_SHEET", 3)
    located = problems_of(path)
    assert "more than 3 rows" in located["Scenes"]


def test_the_input_file_is_never_modified(tmp_path: Path) -> None:
    """Tests that reading, even a workbook with problems, leaves the file byte-identical."""
    path = write_sample(tmp_path / "w.xlsx")
    edit_cells(path, {"Scenes!F2": "2 3/9", "Scenes!I3": "=1+1"})
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    with pytest.raises(InputError):
        read_workbook(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


# ----- junk anywhere ---------------------------------------------------------------------------

SHEETS = ("Production", "Scenes", "Cast", "Locations", "Crew", "Equipment", "Constraints",
          "Calendar")
junk = st.one_of(
    st.text(max_size=30).map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text)),
    st.sampled_from(["=1/0", "=A1", "#N/A", "2 3/9", "2026-02-30", "-1", "99", "yes", "N",
                     "NIGHT", "1;2", "..", "2026-03-02..2026-03-01", "Mon-Sun", "0"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2199, 1, 1)),
)


@functools.cache
def sample_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_sample(Path(folder) / "sample.xlsx").read_bytes()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheet=st.sampled_from(SHEETS), row=st.integers(min_value=1, max_value=9),
       column=st.integers(min_value=1, max_value=18), value=junk)
def test_junk_in_any_cell_gives_a_production_or_input_error(sheet: str, row: int, column: int,
                                                            value: Any) -> None:
    """Tests that whatever is written into any cell, reading never fails otherwise."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "junk.xlsx"
        workbook = openpyxl.load_workbook(io.BytesIO(sample_bytes()))
        workbook[sheet].cell(row=row, column=column).value = value
        workbook.save(path)
        try:
            result = read_workbook(path)
        except InputError as error:
            assert error.problems
            assert all(p.message for p in error.problems)
        else:
            assert isinstance(result, Production)


def test_omitted_scenes_are_cut_and_their_rules_go_with_them(tmp_path: Path) -> None:
    """Tests the ``status`` column: ``omitted`` (any case) drops the scene, with a notice on
    each of its rules; a rule left with too few scenes goes; an unknown status is located;
    ``change_cost`` is read like the other settings."""
    rows = minimal_rows(change_cost="$250")
    rows["Scenes"] = [["scene", "pages", "cast", "status"], ["1", 1, "1", None],
                      ["2", 1, "1", "OMITTED"], ["3", 1, "1", ""], ["4", 1, "1", "omit"]]
    rows["Constraints"] = [["kind", "scenes"], ["before", "1, 2"], ["same_day", "2, 4"]]
    production = read_workbook(write_rows(tmp_path / "w.xlsx", rows))
    assert [scene.id for scene in production.scenes] == ["1", "3"]
    assert production.constraints == ()
    assert any("scene 2 is omitted" in notice for notice in production.notices)
    assert production.settings.change_cost == 250
    rows["Scenes"][3] = ["3", 1, "1", "maybe"]
    assert set(problems_of(write_rows(tmp_path / "w2.xlsx", rows))) == {"Scenes!D4"}
