"""Find the number cells whose stored value is not a number (``<v>NaN</v>``, ``<v>inf</v>``).

Excel never writes such a cell, but other programs do, and openpyxl then stops the whole read with
a ``ValueError`` that names no cell.  When that happens the reader looks through the sheet's XML
for the culprits, so that the user is told which cells to retype.  The part has already been
measured (``inflation``), so reading it whole is bounded.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

# A cell, its attributes and its stored value: ``<c r="F2" t="n"><v>NaN</v></c>``.
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v>([^<]*)<",
                   re.DOTALL)
_REFERENCE = re.compile(rb'\br="([A-Z]{1,3}[0-9]{1,7})"')
_TYPE = re.compile(rb'\bt="(\w+)"')
NUMERIC_TYPES = (b"n", b"d")  # a date cell (``t="d"``) holds an ISO date, checked by openpyxl


def bad_number_cells(path: Path, part: str) -> list[tuple[str, str]]:
    """``(cell reference, stored text)`` of the number cells of worksheet ``part`` whose stored
    text is not a finite number, in the order of the sheet."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part)
    found = []
    for match in _CELL.finditer(xml):
        attributes, stored = match.group(1), match.group(2).strip()
        kind = _TYPE.search(attributes)
        reference = _REFERENCE.search(attributes)
        if (kind is None or kind.group(1) == b"n") and reference and not _is_number(stored):
            found.append((reference.group(1).decode(), stored.decode("utf-8", "replace")[:40]))
    return found


def _is_number(text: bytes) -> bool:
    """Whether openpyxl reads ``text`` as a number (as it does: a float when it has a point or
    an exponent, else an int); ``1E+400`` is read, as infinity, and refused later at its cell."""
    try:
        float(text) if any(mark in text for mark in (b".", b"e", b"E")) else int(text)
    except ValueError:
        return False
    return True
