"""Hostile input files, built small in a folder: each stands for a way a file can hurt a reader.

Every workbook case starts from a base workbook (``BaseWorkbook``: the breakdown, the history, a
schedule workbook) and spoils its main sheet, so that the same case can be fed to every command
that reads that kind of file.  Zip bombs are written by streaming a repeated element into a
deflated part: a few tens of kilobytes on disk that inflate to tens of megabytes.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.helpers.paths import EXAMPLES

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS = "xl/sharedStrings.xml"
SHARED_STRINGS_TYPE = ("application/vnd.openxmlformats-officedocument.spreadsheetml."
                       "sharedStrings+xml")
SENTINEL = 987654321  # a number written by openpyxl, then replaced in the XML
LONG_TEXT_CHARACTERS = 40_000
MANY_ROWS = 200_000
BOMB_ROWS = 5_000_000  # 30 MB of ``<row/>``, past the reader's 4 million tags per part


@dataclass(frozen=True)
class BaseWorkbook:
    """A valid workbook a command reads, and the cells the cases spoil.

    Parameters
    ----------
    name
        Short name (``breakdown``, ``days``, ``schedule``), used in test ids.
    build
        Writes the base workbook to the given path.
    sheet
        The main sheet (the one a merged header, a copy or a flood of rows goes into).
    number_cell
        A cell the command reads as a number.
    date_cells
        Cells that get the years 1900 and 9999 (dates where the command wants dates, or
        numbers).
    """

    name: str
    build: Callable[[Path], Path]
    sheet: str
    number_cell: str
    date_cells: tuple[str, str]


def copy_example(relative: str) -> Callable[[Path], Path]:
    """A builder that copies ``examples/relative``."""
    def build(path: Path) -> Path:
        path.write_bytes((EXAMPLES / relative).read_bytes())
        return path
    return build


def schedule_workbook(path: Path) -> Path:
    """A schedule workbook as ``plan-shoot`` writes its ``Schedule`` sheet: the short film's 30
    scenes over ten shoot days."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Schedule"
    sheet.append(["Shoot Day", "Date", "Scene", "Part", "Set"])
    for scene in range(1, 31):
        sheet.append([(scene - 1) // 3 + 1, datetime(2026, 5, 18), str(scene), "1/1", "SET"])
    workbook.save(path)
    return path


BREAKDOWN = BaseWorkbook("breakdown", copy_example("short_film.xlsx"), "Scenes",
                         number_cell="Scenes!F2", date_cells=("Production!B3", "Production!B4"))
DAYS = BaseWorkbook("days", copy_example("history/history.xlsx"), "Days",
                    number_cell="Days!B2", date_cells=("Days!B3", "Days!C3"))
SCHEDULE = BaseWorkbook("schedule", schedule_workbook, "Schedule",
                        number_cell="Schedule!A2", date_cells=("Schedule!A3", "Schedule!A4"))


# ----- cases spoiling the contents, through openpyxl --------------------------------------------


def edited(base: BaseWorkbook, path: Path, edit: Callable[[Workbook], None]) -> Path:
    """The base workbook with ``edit`` applied, saved at ``path``."""
    base.build(path)
    workbook = load_workbook(path)
    edit(workbook)
    workbook.save(path)
    return path


def _cell(workbook: Workbook, reference: str) -> tuple[Worksheet, str]:
    title, _, cell = reference.partition("!")
    return workbook[title], cell


def long_text(base: BaseWorkbook, path: Path) -> Path:
    """A 40,000-character text (Excel holds at most 32,767) in the main sheet's second row,
    written into the XML (openpyxl cuts what is assigned to a cell at 32,767)."""
    marker = "LONG-TEXT-MARKER"
    edited(base, path, lambda workbook: workbook[base.sheet].__setitem__("A2", marker))
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in archive.namelist() if marker.encode() in archive.read(name)]
    replace_parts(path, {part: [read_part(path, part).replace(
        marker.encode(), b"x" * LONG_TEXT_CHARACTERS)] for part in parts})
    return path


def extreme_years(base: BaseWorkbook, path: Path) -> Path:
    """1 January 1900 and 31 December 9999 in the date (or number) cells."""
    def edit(workbook: Workbook) -> None:
        for reference, value in zip(base.date_cells, (datetime(1900, 1, 1),
                                                       datetime(9999, 12, 31)), strict=True):
            sheet, cell = _cell(workbook, reference)
            sheet[cell] = value
    return edited(base, path, edit)


def merged_header(base: BaseWorkbook, path: Path) -> Path:
    """The main sheet's header cells A1:D1 merged (all but A1 then read as blank)."""
    return edited(base, path, lambda workbook: workbook[base.sheet].merge_cells("A1:D1"))


def duplicate_sheet(base: BaseWorkbook, path: Path) -> Path:
    """A copy of the main sheet named the same but for case and a space (``SCENES ``)."""
    def edit(workbook: Workbook) -> None:
        workbook.copy_worksheet(workbook[base.sheet]).title = base.sheet.upper() + " "
    return edited(base, path, edit)


def not_a_number(stored: str) -> Callable[[BaseWorkbook, Path], Path]:
    """A case: the number cell stores ``stored`` (``NaN``, ``inf``), as no Excel would."""
    def build(base: BaseWorkbook, path: Path) -> Path:
        def edit(workbook: Workbook) -> None:
            sheet, cell = _cell(workbook, base.number_cell)
            sheet[cell] = SENTINEL
        edited(base, path, edit)
        part = sheet_part(path, base.number_cell.partition("!")[0])
        replace_parts(path, {part: [read_part(path, part).replace(
            f"<v>{SENTINEL}</v>".encode(), f"<v>{stored}</v>".encode())]})
        return path
    return build


# ----- cases spoiling the archive or its XML ----------------------------------------------------


def sheet_part(path: Path, title: str) -> str:
    """The archive member holding the sheet ``title``."""
    with zipfile.ZipFile(path) as archive:
        book = archive.read("xl/workbook.xml").decode()
        relations = archive.read("xl/_rels/workbook.xml.rels").decode()
    sheet = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*/>', book)
    assert sheet is not None, title
    relation = re.search(r'r:id="(\w+)"', sheet.group(0))
    assert relation is not None
    target = next(re.search(r'Target="([^"]+)"', element).group(1)  # type: ignore[union-attr]
                  for element in re.findall(r"<Relationship [^>]*/>", relations)
                  if f'Id="{relation.group(1)}"' in element)
    target = target.lstrip("/")
    return target if target.startswith("xl/") else f"xl/{target}"


def read_part(path: Path, part: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part)


def replace_parts(path: Path, parts: dict[str, list[bytes] | Iterator[bytes]]) -> None:
    """Rewrite the archive at ``path`` with ``parts`` (name -> chunks) replaced or added; an
    added shared-strings part is declared in ``[Content_Types].xml``."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    names = {info.filename for info, _ in members}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info, data in members:
            if info.filename in parts:
                continue
            if info.filename == "[Content_Types].xml" and SHARED_STRINGS in parts \
                    and SHARED_STRINGS not in names:
                data = data.replace(b"</Types>", (f'<Override PartName="/{SHARED_STRINGS}" '
                                                  f'ContentType="{SHARED_STRINGS_TYPE}"/>'
                                                  "</Types>").encode())
            target.writestr(info, data)
        for name, chunks in parts.items():
            with target.open(name, "w", force_zip64=True) as stream:
                for chunk in chunks:
                    stream.write(chunk)


def _shared_strings(doctype: str, text: str) -> list[bytes]:
    return [(f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<sst xmlns="{MAIN_NS}" count="1" '
             f'uniqueCount="1"><si><t>{text}</t></si></sst>').encode()]


def xxe(base: BaseWorkbook, path: Path) -> Path:
    """Shared strings whose one string is an external entity naming ``/etc/passwd``."""
    base.build(path)
    replace_parts(path, {SHARED_STRINGS: _shared_strings(
        '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;")})
    return path


def entity_bomb(base: BaseWorkbook, path: Path) -> Path:
    """Shared strings holding the billion laughs (ten levels of ten references)."""
    base.build(path)
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)]
    replace_parts(path, {SHARED_STRINGS: _shared_strings(
        f"<!DOCTYPE sst [{''.join(levels)}]>", "&lol9;")})
    return path


def _sheet_xml(rows: Iterator[bytes], dimension: str = "A1") -> Iterator[bytes]:
    yield (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}">'
           f'<dimension ref="{dimension}"/><sheetData>').encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def empty_rows_bomb(base: BaseWorkbook, path: Path) -> Path:
    """The main sheet replaced by five million empty rows: 30 MB of XML in a ~30 KB file."""
    base.build(path)
    block = b"<row/>" * 100_000
    rows = (block for _ in range(BOMB_ROWS // 100_000))
    replace_parts(path, {sheet_part(path, base.sheet): _sheet_xml(rows)})
    return path


def undimensioned_rows(base: BaseWorkbook, path: Path) -> Path:
    """The main sheet replaced by 600,000 empty rows and no ``<dimension>``: openpyxl would walk
    them all just to size the sheet."""
    base.build(path)
    block = b"<row/>" * 100_000
    rows = (block for _ in range(6))
    replace_parts(path, {sheet_part(path, base.sheet): _sheet_xml_without_dimension(rows)})
    return path


def _sheet_xml_without_dimension(rows: Iterator[bytes]) -> Iterator[bytes]:
    yield (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}">'
           "<sheetData>").encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def many_rows(base: BaseWorkbook, path: Path) -> Path:
    """The main sheet with 200,000 rows of numbers under its header row."""
    base.build(path)
    part = sheet_part(path, base.sheet)
    header = re.search(rb"<row [^>]*>.*?</row>", read_part(path, part), re.DOTALL)
    assert header is not None

    def rows() -> Iterator[bytes]:
        yield header.group(0)
        for number in range(2, MANY_ROWS + 2):
            yield (f'<row r="{number}"><c r="A{number}"><v>{number}</v></c>'
                   f'<c r="B{number}"><v>1</v></c></row>').encode()
    replace_parts(path, {part: _sheet_xml(rows(), dimension=f"A1:Q{MANY_ROWS + 1}")})
    return path


def oversized_file(base: BaseWorkbook, path: Path) -> Path:
    """The base workbook with 21 MB of random bytes stored in it (over the 20 MB file limit)."""
    base.build(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/blob.bin", os.urandom(21 * 1024 * 1024))
    return path


def truncated(base: BaseWorkbook, path: Path) -> Path:
    """The first 60 % of the base workbook's bytes, as a broken download leaves it."""
    data = base.build(path).read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])
    return path


def renamed_csv(_: BaseWorkbook, path: Path) -> Path:
    path.write_text("scene,int_ext,day_night,set\n1,INT,DAY,KITCHEN\n", encoding="utf-8")
    return path


def renamed_xls(_: BaseWorkbook, path: Path) -> Path:
    """The signature of an old ``.xls`` (an OLE compound file) under an ``.xlsx`` name."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return path


def renamed_ods(_: BaseWorkbook, path: Path) -> Path:
    """An OpenDocument spreadsheet (a zip with its ``mimetype``) under an ``.xlsx`` name."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def empty_file(_: BaseWorkbook, path: Path) -> Path:
    path.write_bytes(b"")
    return path


@dataclass(frozen=True)
class Case:
    """A hostile file and what the one message about it says (a regular expression)."""

    name: str
    build: Callable[[BaseWorkbook, Path], Path]
    message: str
    suffix: str = ".xlsx"  # the file's name ends so (renamed files keep .xlsx)


WORKBOOK_CASES = (
    Case("xxe", xxe, r"holds XML entity or DTD declarations"),
    Case("entity-bomb", entity_bomb, r"holds XML entity or DTD declarations"),
    Case("zip-bomb", empty_rows_bomb, r"too big to read: .*XML tags"),
    Case("undimensioned-rows", undimensioned_rows, r"too big to read: .*no <dimension>"),
    Case("over-20-mb", oversized_file, r"is 21\.\d MB; the limit is 20 MB"),
    Case("truncated", truncated, r"damaged file|not an Excel workbook"),
    Case("renamed-csv", renamed_csv, r"is not an Excel workbook"),
    Case("renamed-xls", renamed_xls, r"old-format \.xls"),
    Case("renamed-ods", renamed_ods, r"OpenDocument spreadsheet"),
    Case("real-csv", renamed_csv, r"is a CSV file, which holds only one sheet", ".csv"),
    Case("real-xls", renamed_xls, r"is an old-format Excel file \(\.xls\)", ".xls"),
    Case("real-ods", renamed_ods, r"is an OpenDocument spreadsheet", ".ods"),
    Case("empty", empty_file, r"is not an Excel workbook"),
    Case("200000-rows", many_rows, r"more than 20000 rows"),
    Case("40000-characters", long_text, r"!A2: the text is 40,000 characters long"),
    Case("nan", not_a_number("NaN"), r'![A-Z]+\d+: the number cell holds "NaN"'),
    Case("inf", not_a_number("inf"), r'![A-Z]+\d+: the number cell holds "inf"'),
    Case("years-1900-9999", extreme_years, r"![A-Z]+\d+: "),
    Case("merged-header", merged_header,
         r"header is merged into A1:D1|missing column|no Scene column"),
    Case("duplicate-sheets", duplicate_sheet, r"both hold the \w+ sheet; keep one"),
)


# ----- USS files --------------------------------------------------------------------------------


def uss_text(text: str) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_text(text, encoding="utf-8")
        return path
    return build


USS_CASES = (
    ("not-json", uss_text("scene,set\n1,KITCHEN\n"), r"is not valid JSON"),
    ("deep-nesting", uss_text("[" * 100_000 + "]" * 100_000), r"nests objects and arrays"),
    ("huge-number", uss_text('{"universalScheduleStandard": {"n": ' + "9" * 5000 + "}}"),
     r"a number thousands of digits long"),
    ("empty", uss_text(""), r"is empty"),
)


# ----- model folders (``--model``) --------------------------------------------------------------


def model_folder(model_text: bytes, metadata_text: bytes) -> Callable[[Path], Path]:
    """A builder of a model folder holding the given ``model.txt`` and ``metadata.json``."""
    def build(path: Path) -> Path:
        path.mkdir()
        (path / "model.txt").write_bytes(model_text)
        (path / "metadata.json").write_bytes(metadata_text)
        return path
    return build


MODEL_CASES = (
    ("deep-metadata", model_folder(b"tree\n", b"[" * 100_000 + b"]" * 100_000),
     r"nests too deep or holds a number too long"),
    ("huge-number-metadata", model_folder(b"tree\n", b'{"format": ' + b"9" * 5000 + b"}"),
     r"nests too deep or holds a number too long"),
    ("binary-model", model_folder(bytes(range(256)) * 64, b"{}"), r"is not text"),
    ("not-json-metadata", model_folder(b"tree\n", b"format: 1"), r"is not valid JSON"),
    ("oversized-model", model_folder(b"tree\n" + b"x" * (51 * 1024 * 1024), b"{}"),
     r"is larger than 50 MB"),
)
