"""The canonical breakdown writer: round trips, safe text, atomic writes."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.data import (
    Billing,
    CastMember,
    DayNight,
    IntExt,
    Location,
    Production,
    Resource,
    Scene,
    Settings,
)
from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.reader import read_workbook
from scheduler.excel.safe import needs_quote_prefix
from scheduler.excel.schema import SCENES, SHEETS
from tests.helpers.workbooks import FORMULA_LOOKING_SYNOPSIS, sample_production, write_sample


def test_layout_follows_the_schema(tmp_path: Path) -> None:
    """Tests sheet order, headers in schema order, and cells in their canonical form."""
    workbook = openpyxl.load_workbook(write_sample(tmp_path / "b.xlsx"))
    assert workbook.sheetnames == [spec.name for spec in SHEETS]
    scenes = workbook["Scenes"]
    assert [cell.value for cell in scenes[1]] == [column.name for column in SCENES.columns]
    production = workbook["Production"]
    assert [production["A1"].value, production["B1"].value] == ["Field", "Value"]
    assert production["A3"].value == "start_date"
    assert production["B3"].value == datetime(2026, 3, 2)
    pages = scenes["F2"]  # scene 1: 2 3/8 pages, a number shown in eighths
    assert pages.value == 2.375 and pages.number_format == "# ?/8"
    assert scenes["H7"].value == "1, 2, 3"
    assert scenes["G5"].value == 4.5  # 270 minutes: hours with two decimals are numbers
    assert scenes["G6"].value == "0:50"  # 50 minutes: others are H:MM
    assert workbook["Equipment"]["H2"].value == "2026-03-10..2026-03-11"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """Tests that ``=``, ``+``, ``-`` and ``@`` text is stored as quoted text, not a formula."""
    production = sample_production()
    texts = [FORMULA_LOOKING_SYNOPSIS, "+44 20 7946 0000", "-dusk-", "@home"]
    scenes = tuple(scene.model_copy(update={"synopsis": texts[i % len(texts)]})
                   for i, scene in enumerate(production.scenes))
    path = write_breakdown(production.model_copy(update={"scenes": scenes}), tmp_path / "b.xlsx")
    synopsis_cells = [row[15] for row in openpyxl.load_workbook(path)["Scenes"].iter_rows(2)]
    for cell in synopsis_cells:
        assert needs_quote_prefix(cell.value)
        assert cell.data_type == "s" and cell.quotePrefix
    assert [s.synopsis for s in read_workbook(path).scenes] == [c.value for c in synopsis_cells]


def test_writing_replaces_the_file_atomically(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that a failed save leaves the old file intact and no temporary file behind."""
    path = write_sample(tmp_path / "b.xlsx")
    before = path.read_bytes()

    def failing_save(self: openpyxl.Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", failing_save)
    with pytest.raises(OSError, match="disk full"):
        write_breakdown(sample_production(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.xlsx"]
    monkeypatch.undo()
    write_breakdown(sample_production(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.xlsx"]


# ----- random productions round trip -------------------------------------------------------------

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=24).map(
    str.strip)
ids = st.text(alphabet="ABCXYZ0123456789-_./+@= ", min_size=1, max_size=6).map(str.strip).filter(
    bool)
money = st.integers(min_value=0, max_value=10**9)


@st.composite
def productions(draw: st.DrawFn) -> Production:
    """Productions in the reader's normal form that pass the cross-checks."""
    cast_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    location_ids = draw(st.lists(ids, max_size=3, unique=True))
    cast = tuple(CastMember(id=cast_id, name=draw(text), character=draw(text),
                            daily_rate=draw(money), drop_pickup=draw(st.booleans()))
                 for cast_id in cast_ids)
    locations = tuple(Location(id=location_id, name=draw(text), address=draw(text),
                               daily_fee=draw(money), move_in_cost=draw(money),
                               zone=draw(st.none() | text.filter(bool)))
                      for location_id in location_ids)
    scenes = tuple(
        Scene(id=scene_id, int_ext=draw(st.sampled_from(IntExt)),
              day_night=draw(st.sampled_from(DayNight)), set_name=draw(text),
              location=draw(st.none() | st.sampled_from(location_ids)) if location_ids else None,
              eighths=draw(st.integers(min_value=1, max_value=200)),
              est_minutes=draw(st.none() | st.integers(min_value=1, max_value=1200)),
              cast=tuple(draw(st.lists(st.sampled_from(cast_ids), unique=True, max_size=3))),
              extras=draw(st.integers(min_value=0, max_value=500)),
              tags=tuple(draw(st.lists(st.sampled_from(["stunt", "vfx", "water", "x y"]),
                                       unique=True, max_size=2))),
              synopsis=draw(text), story_day=draw(text))
        for scene_id in draw(st.lists(ids, min_size=1, max_size=5, unique=True)))
    settings_ = Settings(
        title=draw(text.filter(bool)), start_date=draw(st.dates(date(2024, 1, 1),
                                                                date(2030, 1, 1))),
        standard_day_minutes=draw(st.integers(min_value=60, max_value=720)),
        max_day_minutes=720, overtime_cost_per_hour=draw(money),
        pages_per_day_eighths=draw(st.integers(min_value=1, max_value=80)),
        company_move_minutes=draw(st.integers(min_value=0, max_value=180)),
        allow_split_days=draw(st.booleans()), night_turnaround=draw(st.booleans()),
        budget=draw(st.none() | money), currency=draw(st.sampled_from(["USD", "EUR", "£"])),
        time_limit_s=draw(st.sampled_from([1.5, 60.0, 600.0])),
    )
    crew = (Resource(id="DP", name=draw(text), billing=draw(st.sampled_from(Billing)),
                     every_day=draw(st.booleans()), daily_rate=draw(money)),)
    return Production(settings=settings_, scenes=scenes, cast=cast, locations=locations,
                      crew=crew)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(productions())
def test_random_productions_round_trip(production: Production) -> None:
    """Tests that any production in normal form reads back from its workbook unchanged."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_breakdown(production, Path(folder) / "random.xlsx")
        assert read_workbook(path).to_json() == production.to_json()
