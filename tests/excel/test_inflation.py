"""The scan of a workbook's XML before parsing: every limit, and the formulas it notices."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from scheduler.excel import inflation
from scheduler.excel.inflation import scan_archive
from tests.helpers.paths import EXAMPLES

SHEET = "xl/worksheets/sheet1.xml"
HEAD = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1"/><sheetData>')
TAIL = b"</sheetData></worksheet>"


def _scan(tmp_path: Path, parts: dict[str, bytes]) -> inflation.ArchiveScan:
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with zipfile.ZipFile(path) as archive:
        return scan_archive(archive)


def test_the_examples_pass_without_formulas() -> None:
    for name in ("short_film.xlsx", "indie_feature.xlsx"):
        with zipfile.ZipFile(EXAMPLES / name) as archive:
            assert scan_archive(archive) == inflation.ArchiveScan(None, holds_formulas=False)


def test_too_many_tags_in_a_sheet_are_refused(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests the empty-row bomb: tags counted across chunks, the part named."""
    monkeypatch.setattr(inflation, "MAX_TAGS_PER_PART", 1000)
    monkeypatch.setattr(inflation, "CHUNK_BYTES", 64)
    scan = _scan(tmp_path, {SHEET: HEAD + b"<row/>" * 1001 + TAIL})
    assert scan.oversized == f"{SHEET} holds more than 1,000 XML tags"
    assert _scan(tmp_path, {SHEET: HEAD + b"<row/>" * 900 + TAIL}).oversized is None


def test_shared_strings_count_like_a_sheet_and_other_parts_less(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inflation, "MAX_TAGS_PER_PART", 1000)
    monkeypatch.setattr(inflation, "MAX_TAGS_PER_SMALL_PART", 100)
    strings = b"<sst>" + b"<si/>" * 500 + b"</sst>"
    assert _scan(tmp_path, {"xl/sharedStrings.xml": strings}).oversized is None
    scan = _scan(tmp_path, {"xl/styles.xml": strings})
    assert scan.oversized == "xl/styles.xml holds more than 100 XML tags"


def test_a_row_wider_than_any_sheet_is_refused_even_across_chunks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inflation, "MAX_TAGS_PER_ROW", 100)
    monkeypatch.setattr(inflation, "CHUNK_BYTES", 64)
    wide = HEAD + b"<row>" + b"<c/>" * 101 + b"</row>" + TAIL
    assert "holds a row of more than 100 XML tags" in str(_scan(tmp_path, {SHEET: wide}).oversized)
    rows = HEAD + (b"<row>" + b"<c/>" * 40 + b"</row>") * 50 + TAIL
    assert _scan(tmp_path, {SHEET: rows}).oversized is None


def test_a_text_longer_than_any_cell_is_refused(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inflation, "MAX_TEXT_BYTES", 1000)
    monkeypatch.setattr(inflation, "CHUNK_BYTES", 64)
    cell = HEAD + b'<row><c t="inlineStr"><is><t>' + b"x" * 1001 + b"</t></is></c></row>" + TAIL
    assert "longer than any cell can hold" in str(_scan(tmp_path, {SHEET: cell}).oversized)


def test_a_sheet_without_its_dimension_may_hold_fewer_tags(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests the lower limit where openpyxl would walk the whole sheet to size it."""
    monkeypatch.setattr(inflation, "MAX_TAGS_WITHOUT_DIMENSION", 100)
    rows = b"<row/>" * 200 + TAIL
    assert _scan(tmp_path, {SHEET: HEAD + rows}).oversized is None
    undimensioned = HEAD.replace(b'<dimension ref="A1"/>', b"") + rows
    assert "without stating its size" in str(_scan(tmp_path, {SHEET: undimensioned}).oversized)


def test_a_formula_is_noticed_even_split_between_chunks(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inflation, "CHUNK_BYTES", 64)
    for padding in range(8):
        sheet = HEAD + b"<row>" + b"<c/>" * padding + b"<c><f>1+1</f></c></row>" + TAIL
        assert _scan(tmp_path, {SHEET: sheet}).holds_formulas
    assert not _scan(tmp_path, {SHEET: HEAD + b"<row><c><v>1</v></c></row>" + TAIL}
                     ).holds_formulas


def test_the_parts_together_have_a_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests the workbook-wide limit: sheets each under theirs, together over it."""
    monkeypatch.setattr(inflation, "MAX_TAGS_PER_WORKBOOK", 1500)
    sheet = HEAD + b"<row/>" * 600 + TAIL
    parts = {f"xl/worksheets/sheet{number}.xml": sheet for number in (1, 2, 3)}
    assert "brings the workbook past 1,500 XML tags" in str(_scan(tmp_path, parts).oversized)
    del parts["xl/worksheets/sheet3.xml"]
    assert _scan(tmp_path, parts).oversized is None


def test_merges_at_the_top_of_a_sheet_are_collected_across_chunks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inflation, "CHUNK_BYTES", 64)
    merges = b'<mergeCells><mergeCell ref="A1:E1"/><mergeCell ref="B40:C41"/></mergeCells>'
    sheet = HEAD + b"<row><c/></row>" * 5 + b"</sheetData>" + merges + b"</worksheet>"
    assert _scan(tmp_path, {SHEET: sheet}).header_merges == {SHEET: ("A1:E1",)}
