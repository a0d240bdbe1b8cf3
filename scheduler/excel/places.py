"""Where the workbook reader found each entity: sheet, row and the column of each field.

``Origin`` is the place of one record; ``PlaceRecorder`` collects the places of the entities the
reader builds, under the model's field names, into the production's ``Places``, so that a
cross-check about scene 12's ``eighths`` is shown at ``Scenes!F14`` (its ``pages`` cell).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..subjects import EntityKind, Places


@dataclass(frozen=True)
class Origin:
    """Where a record was read: sheet, 1-based row, and the column letter of each field.

    On a ``Field``/``Value`` sheet (``Production``) every field has its own row, so ``columns``
    may hold a whole cell (``"B7"``) instead of a column letter.
    """

    sheet: str
    row: int
    columns: Mapping[str, str] = field(default_factory=dict)

    def cell(self, field: str | None = None) -> str:
        """``Sheet!F14`` for a known field, else ``Sheet!14`` (the row)."""
        column = self.columns.get(field, "") if field else ""
        if any(ch.isdigit() for ch in column):
            return f"{self.sheet}!{column}"
        return f"{self.sheet}!{column}{self.row}"


class PlaceRecorder:
    """The places of the entities built so far, in the order they were built."""

    def __init__(self) -> None:
        self._entities: dict[tuple[EntityKind, int], str] = {}
        self._fields: dict[tuple[EntityKind, int, str], str] = {}
        self._built: Counter[EntityKind] = Counter()

    def add(self, kind: EntityKind, origin: Origin, fields: Mapping[str, str]) -> None:
        """Record the next entity of ``kind`` (its position in the production) at ``origin``.

        ``fields`` maps the workbook's field names to the model's where they differ
        (``pages`` -> ``eighths``); the other fields keep their names.
        """
        position = self._built[kind]
        self._built[kind] += 1
        self._entities[(kind, position)] = origin.cell()
        for name in origin.columns:
            self._fields[(kind, position, fields.get(name, name))] = origin.cell(name)

    def places(self) -> Places:
        return Places(entities=dict(self._entities), fields=dict(self._fields))
