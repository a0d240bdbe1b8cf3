"""What a problem is about, in the production's own terms, and where a reader found it.

A cross-check names its ``Subject`` (scene 12, field ``eighths``); it never names a sheet, a cell
or a JSON path.  The reader that built the production knows where each entity and field was
written and leaves that in a ``Places`` map, so that every problem can be shown at the user's own
place (``Scenes!F14`` for a workbook, ``breakdowns[3]`` for a USS file).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class EntityKind(StrEnum):
    """The kinds of thing a production is made of (the values are the words messages use)."""

    SCENE = "scene"
    CAST = "cast"
    LOCATION = "location"
    CREW = "crew"
    EQUIPMENT = "equipment"
    CONSTRAINT = "constraint"
    CALENDAR = "calendar"
    SETTING = "setting"


@dataclass(frozen=True)
class Subject:
    """One entity of a production, or one field of it, that a problem is about.

    Parameters
    ----------
    kind
        What the entity is.
    id
        The entity's id (``""`` for the settings and for entities without one: constraint rows,
        calendar entries).
    field
        The model attribute the problem is about (``eighths``, ``max_day_minutes``), or ``""``
        for the entity as a whole.
    position
        The entity's index in its tuple of the production (``Production.scenes[position]``),
        which tells apart two entities that share an id; ``None`` for the settings.
    """

    kind: EntityKind
    id: str = ""
    field: str = ""
    position: int | None = None


@dataclass(frozen=True, eq=False)
class Places:
    """Where a reader found each entity of a production and each of its fields.

    The places are text for the user (``Scenes!F14``, ``breakdowns[3]``), never parsed again.
    A field without a place of its own is at its entity's place.

    Parameters
    ----------
    entities
        ``(kind, position) -> place`` of whole entities (the settings at position 0).
    fields
        ``(kind, position, field) -> place`` of single fields.
    """

    entities: Mapping[tuple[EntityKind, int], str] = field(default_factory=dict)
    fields: Mapping[tuple[EntityKind, int, str], str] = field(default_factory=dict)

    def of(self, subject: Subject) -> str:
        """The place of a subject, ``""`` when the reader recorded none."""
        position = 0 if subject.position is None else subject.position
        if subject.field:
            place = self.fields.get((subject.kind, position, subject.field))
            if place is not None:
                return place
        return self.entities.get((subject.kind, position), "")
