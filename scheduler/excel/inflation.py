"""Measure the XML inside a workbook before any parser sees it: the defence against zip bombs that
stay under the inflation cap.

A small ``.xlsx`` can hold hundreds of megabytes of ``<row/>`` or ``<c/>`` elements, or of empty
shared strings.  Every XML parser keeps something per element (openpyxl's ``iterparse`` keeps each
cleared element under the root, and builds one row's cells in a single list), so such a file
costs gigabytes and minutes long before a row limit is reached.  ``scan_archive`` inflates every
XML part in small chunks, counts its tags (``<``) and stops at the first limit crossed:

- ``MAX_TAGS_PER_PART``: tags in a worksheet or the shared strings (a breakdown of 20,000 rows
  of 15 columns needs under 2 million);
- ``MAX_TAGS_PER_SMALL_PART``: tags in any other part (styles, relationships, properties);
- ``MAX_TAGS_PER_WORKBOOK``: tags in all parts together (``predict`` loads the whole workbook
  to rewrite it, the sheets it does not read included);
- ``MAX_TAGS_PER_ROW``: tags between two rows of a worksheet (four per cell of Excel's 16,384
  columns), since a parser builds a whole row at once;
- ``MAX_TEXT_BYTES``: bytes between two tags, over what Excel's longest cell (32,767 characters)
  can take once encoded;
- ``MAX_TAGS_WITHOUT_DIMENSION``: tags in a worksheet that does not state its size in a
  ``<dimension>`` element before its rows (Excel always does; some programs do not): openpyxl
  then walks the whole sheet to find its size before reading a single row, so such a sheet must
  be small.

Only counting is done here (``bytes.count`` on chunks of ``CHUNK_BYTES``), so memory stays at one
chunk and a 400 MB part is measured in about a second.  The scan also tells whether any worksheet
holds a formula, which decides whether a second, formula-preserving read is needed.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import IO

MAX_TAGS_PER_PART = 4_000_000
MAX_TAGS_PER_SMALL_PART = 400_000
MAX_TAGS_PER_WORKBOOK = 8_000_000
MAX_TAGS_PER_ROW = 4 * 16_384
MAX_TEXT_BYTES = 256 * 1024
MAX_TAGS_WITHOUT_DIMENSION = 500_000
# Small enough that a row wholly inside one chunk cannot exceed MAX_TAGS_PER_ROW (a tag is at
# least four bytes, ``<c/>``), so only the rows that straddle chunks need counting.
CHUNK_BYTES = 256 * 1024
HEAD_BYTES = 64 * 1024  # where a worksheet's <dimension> is looked for, before its rows
BIG_PARTS = re.compile(r"xl/(worksheets/[^/]+|sharedStrings)\.xml", re.IGNORECASE)
WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
XML_SUFFIXES = (".xml", ".rels", ".vml")
_ROW_STARTS = (b"<row", b":row")  # ``<row`` or a prefixed ``<x:row``; a stray match only loosens
_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
HEADER_ROWS = 10  # the rows a header row is looked for in (``table.HEADER_SEARCH_ROWS``)
MAX_HEADER_MERGES = 1000  # more merged ranges at the top of a sheet are not kept
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension[\s>/]")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData[\s>/]")


@dataclass(frozen=True)
class ArchiveScan:
    """What the scan of a workbook's XML found.

    Parameters
    ----------
    oversized
        Why the workbook is too big to parse (the part and the limit crossed), or ``None``.
    holds_formulas
        Whether any worksheet holds a formula element (``<f>``).
    header_merges
        By worksheet part, the merged ranges (``A1:E1``) that start in the first
        ``HEADER_ROWS`` rows, where a header row may be: a merged header blanks the headers of
        the columns it covers.
    """

    oversized: str | None
    holds_formulas: bool
    header_merges: dict[str, tuple[str, ...]] = field(default_factory=dict)


def scan_archive(archive: zipfile.ZipFile) -> ArchiveScan:
    """Measure every XML part of ``archive`` against the limits of this module.

    Raises
    ------
    zipfile.BadZipFile, OSError, ValueError
        When a part cannot be inflated (a damaged or lying archive).
    """
    formulas = False
    tags = 0
    merges: dict[str, tuple[str, ...]] = {}
    for info in archive.infolist():
        if not info.filename.lower().endswith(XML_SUFFIXES):
            continue
        with archive.open(info) as stream:
            counter = _PartCounter(info.filename)
            reason = counter.measure(stream)
        if reason is not None:
            return ArchiveScan(f"{info.filename} {reason}", formulas, merges)
        formulas = formulas or counter.formulas
        if counter.merges:
            merges[info.filename] = tuple(sorted(counter.merges))
        tags += counter.tags
        if tags > MAX_TAGS_PER_WORKBOOK:
            return ArchiveScan(f"{info.filename} brings the workbook past "
                               f"{MAX_TAGS_PER_WORKBOOK:,} XML tags", formulas, merges)
    return ArchiveScan(None, formulas, merges)


class _PartCounter:
    """Counts of one part, chunk by chunk: its tags, the tags since the last row began, the
    bytes since the last tag."""

    def __init__(self, name: str) -> None:
        self.is_worksheet = WORKSHEET.fullmatch(name) is not None
        self.max_tags = (MAX_TAGS_PER_PART if BIG_PARTS.fullmatch(name)
                         else MAX_TAGS_PER_SMALL_PART)
        self.tags = 0
        self.row_tags = 0
        self.text_bytes = 0
        self.formulas = False
        self.merges: set[str] = set()
        self.tail = b""
        self.undimensioned = False
        self.head: bytes | None = b""  # a worksheet's start, up to its rows, to look for its dimension

    def measure(self, stream: IO[bytes]) -> str | None:
        """Why the part is too big, or ``None`` once it is read to its end."""
        while chunk := stream.read(CHUNK_BYTES):
            if self.is_worksheet and self.head is not None:
                self._look_for_dimension(chunk)
            reason = (self._count_tags(chunk) or self._count_row(chunk)
                      or self._count_text(chunk))
            if reason is not None:
                return reason
            if self.is_worksheet:
                # the tail joins a tag split between two chunks
                joined = self.tail + chunk
                self.formulas = self.formulas or _FORMULA_ELEMENT.search(joined) is not None
                self._collect_header_merges(joined)
                self.tail = chunk[-64:]
        return None

    def _collect_header_merges(self, chunk: bytes) -> None:
        if b"mergeCell" not in chunk:
            return
        for match in _MERGE.finditer(chunk):
            if len(self.merges) >= MAX_HEADER_MERGES:
                return
            first, first_row, last, last_row = (group.decode() for group in match.groups())
            if int(first_row) <= HEADER_ROWS:
                self.merges.add(f"{first}{first_row}:{last}{last_row}")

    def _look_for_dimension(self, chunk: bytes) -> None:
        """Lower the tag limit of a worksheet whose rows start before any ``<dimension>``."""
        assert self.head is not None
        self.head += chunk
        rows = _SHEET_DATA.search(self.head)
        if rows is None and len(self.head) < HEAD_BYTES:
            return  # the head goes on into the next chunk
        if _DIMENSION.search(self.head, 0, rows.start() if rows else len(self.head)) is None:
            self.max_tags = min(self.max_tags, MAX_TAGS_WITHOUT_DIMENSION)
            self.undimensioned = True
        self.head = None

    def _count_tags(self, chunk: bytes) -> str | None:
        self.tags += chunk.count(b"<")
        if self.tags > self.max_tags:
            if self.undimensioned:
                return (f"holds more than {self.max_tags:,} XML tags without stating its size "
                        "(no <dimension>, as Excel writes)")
            return f"holds more than {self.max_tags:,} XML tags"
        return None

    def _count_row(self, chunk: bytes) -> str | None:
        if not self.is_worksheet:
            return None
        starts = [index for marker in _ROW_STARTS if (index := chunk.find(marker)) >= 0]
        if not starts:
            self.row_tags += chunk.count(b"<")
        else:
            self.row_tags += chunk.count(b"<", 0, min(starts))
            if self.row_tags > MAX_TAGS_PER_ROW:
                return _too_wide()
            last = max(chunk.rfind(marker) for marker in _ROW_STARTS)
            self.row_tags = chunk.count(b"<", last + 1)
        return _too_wide() if self.row_tags > MAX_TAGS_PER_ROW else None

    def _count_text(self, chunk: bytes) -> str | None:
        first = chunk.find(b"<")
        if first < 0:
            self.text_bytes += len(chunk)
        else:
            if self.text_bytes + first > MAX_TEXT_BYTES:
                return _too_long()
            self.text_bytes = len(chunk) - chunk.rfind(b"<") - 1
        return _too_long() if self.text_bytes > MAX_TEXT_BYTES else None


def _too_wide() -> str:
    return f"holds a row of more than {MAX_TAGS_PER_ROW:,} XML tags, wider than any sheet"


def _too_long() -> str:
    return (f"holds a text of more than {MAX_TEXT_BYTES // 1024} KB, longer than any cell can "
            "hold")
