"""Write a ``Production`` back to a canonical breakdown workbook.

The canonical form uses the schema's column names in the schema's order, real Excel dates, page
counts as numbers shown in eighths (``2 3/8``), money as whole numbers and lists joined by
``, ``.  ``read_workbook`` reads it back to an equal production (the same ``to_json()``), given
that the production is in the reader's normal form: date lists sorted and tags in lower case.
A production with notices (e.g. imported from a USS file: the fields not used, the defaults
applied) gets a last sheet ``Notes`` listing them; the reader does not read it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from ..data import EIGHTHS_PER_PAGE, CastMember, Location, Production, Resource, Scene
from ..report import dates_text, hours_value, work_week_text
from .entities import (
    AVAILABILITY_FIELDS,
    CALENDAR_FIELDS,
    CAST_FIELDS,
    CONSTRAINT_FIELDS,
    ID_FIELD,
    LOCATION_FIELDS,
    RESOURCE_FIELDS,
    SCENE_FIELDS,
    SCENE_ID_FIELD,
    SCENE_LIST_FIELDS,
    SETTINGS_FIELDS,
)
from .safe import save_atomically, set_cell
from .schema import (
    CALENDAR,
    CAST,
    CONSTRAINTS,
    CREW,
    EQUIPMENT,
    LOCATIONS,
    PRODUCTION,
    SCENES,
    Column,
    Kind,
    SheetSpec,
)

logger = logging.getLogger("scheduler")

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
NUMBER_FORMATS = {Kind.EIGHTHS: "# ?/8", Kind.MONEY: "#,##0", Kind.DATE: "yyyy-mm-dd"}
# Fields the reader accepts but that are not part of Settings, so are not written back.
READER_ONLY_FIELDS = frozenset({"date_format"})
NOTES_SHEET = "Notes"
_MAX_NUMERIC_ID_DIGITS = 15  # Excel keeps 15 significant digits


def write_breakdown(production: Production, path: str | Path, *,
                    blank_settings: Iterable[str] = ()) -> Path:
    """Write ``production`` as a canonical breakdown workbook, atomically.

    Parameters
    ----------
    production
        The production to write.
    path
        The ``.xlsx`` file to create or replace.
    blank_settings
        ``Production`` fields left blank for the producer to fill (a script import has no
        ``start_date``; the production holds a placeholder).

    Returns
    -------
    Path
        The path written.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    settings = _settings_values(production)
    settings.update(dict.fromkeys(blank_settings))
    write_settings_sheet(workbook.create_sheet(PRODUCTION.name), settings)
    tables: list[tuple[SheetSpec, list[dict[str, Any]]]] = [
        (SCENES, [_scene_row(scene) for scene in production.scenes]),
        (CAST, [_available_row(member, CAST_FIELDS) for member in production.cast]),
        (LOCATIONS, [_available_row(location, LOCATION_FIELDS)
                     for location in production.locations]),
        (CREW, [_available_row(member, RESOURCE_FIELDS) for member in production.crew]),
        (EQUIPMENT, [_available_row(item, RESOURCE_FIELDS) for item in production.equipment]),
        (CONSTRAINTS, [_values(rule, CONSTRAINT_FIELDS) for rule in production.constraints]),
        (CALENDAR, [_values(entry, CALENDAR_FIELDS) for entry in production.calendar_entries]),
    ]
    for spec, rows in tables:
        write_table_sheet(workbook.create_sheet(spec.name), spec, rows)
    if production.notices:
        write_notes_sheet(workbook.create_sheet(NOTES_SHEET), production.notices)
    written = save_atomically(workbook, path)
    logger.info("wrote breakdown workbook %s (%d scenes)", written, len(production.scenes))
    return written


# ----- sheet layout, shared with the template ----------------------------------------------------


def write_settings_sheet(worksheet: Worksheet, values: Mapping[str, Any],
                         every_field: bool = False) -> None:
    """The ``Production`` sheet: a ``Field``/``Value`` header, then one row per field
    (``every_field``: also those that are not part of ``Settings``, like ``date_format``)."""
    _header_cell(set_cell(worksheet, 1, 1, "Field"))
    _header_cell(set_cell(worksheet, 1, 2, "Value"))
    row = 2
    for column in PRODUCTION.columns:
        if column.name in READER_ONLY_FIELDS and not every_field:
            continue
        set_cell(worksheet, row, 1, column.name)
        write_value(worksheet, row, 2, column, values.get(column.name))
        row += 1
    worksheet.column_dimensions["A"].width = 26
    worksheet.column_dimensions["B"].width = 22
    worksheet.freeze_panes = "A2"


def write_notes_sheet(worksheet: Worksheet, notes: Iterable[str]) -> None:
    """The ``Notes`` sheet: one note a row under a ``Note`` header (text kept as text)."""
    _header_cell(set_cell(worksheet, 1, 1, "Note"))
    for row, note in enumerate(notes, start=2):
        set_cell(worksheet, row, 1, note)
    worksheet.column_dimensions["A"].width = 120
    worksheet.freeze_panes = "A2"


def write_table_sheet(worksheet: Worksheet, spec: SheetSpec,
                      rows: Iterable[Mapping[str, Any]]) -> None:
    """A sheet with the schema's headers in row 1 and one row per record below."""
    for index, column in enumerate(spec.columns, start=1):
        _header_cell(set_cell(worksheet, 1, index, column.name))
        worksheet.column_dimensions[get_column_letter(index)].width = _width(column)
    for row, record in enumerate(rows, start=2):
        for index, column in enumerate(spec.columns, start=1):
            write_value(worksheet, row, index, column, record.get(column.name))
    worksheet.freeze_panes = "B2"


def write_value(worksheet: Worksheet, row: int, column_index: int, column: Column,
                value: Any) -> None:
    """Write a model value in the canonical cell form of its column's kind."""
    cell = set_cell(worksheet, row, column_index, cell_value(column.kind, value))
    if column.kind in NUMBER_FORMATS and cell.value is not None:
        cell.number_format = NUMBER_FORMATS[column.kind]


def cell_value(kind: Kind, value: Any) -> Any:
    """The canonical cell content of a model value (``None`` for an empty cell)."""
    if value is None or value == () or value == "":
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind is Kind.ID:
        return _id_cell(str(value))
    if kind is Kind.LIST:
        return ", ".join(str(item) for item in value)
    if kind is Kind.DATES:
        return dates_text(value)
    if kind is Kind.EIGHTHS:
        whole, rest = divmod(int(value), EIGHTHS_PER_PAGE)
        return whole if rest == 0 else value / EIGHTHS_PER_PAGE
    if kind is Kind.HOURS:
        return hours_value(int(value))
    if kind is Kind.WORK_WEEK:
        return work_week_text(tuple(value))
    if hasattr(value, "value"):  # enums
        return value.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _id_cell(text: str) -> int | str:
    """Plain numeric ids as numbers (no "number stored as text" flags); codes stay text."""
    plain_number = text.isascii() and text.isdigit() and not (len(text) > 1 and text[0] == "0")
    return int(text) if plain_number and len(text) <= _MAX_NUMERIC_ID_DIGITS else text


def _header_cell(cell: Any) -> None:
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL


def _width(column: Column) -> float:
    wide = {Kind.TEXT: 24, Kind.LIST: 18, Kind.DATES: 26, Kind.DATE: 12}
    return max(len(column.name) + 2, wide.get(column.kind, 10))


# ----- model -> row values -----------------------------------------------------------------------


def _settings_values(production: Production) -> dict[str, Any]:
    """Every field of the ``Production`` sheet, in model units (the reader's mapping, so that
    a setting added there is written too)."""
    return _values(production.settings, SETTINGS_FIELDS)


def _values(model: BaseModel, fields: Mapping[str, str]) -> dict[str, Any]:
    """Sheet field -> model value, by the reader's mapping (``pages`` <- ``eighths``)."""
    return {name: getattr(model, attr) for name, attr in fields.items()}


def _scene_row(scene: Scene) -> dict[str, Any]:
    return {SCENE_ID_FIELD: scene.id, **_values(scene, SCENE_FIELDS),
            **{name: getattr(scene, name) for name in SCENE_LIST_FIELDS}}


def _available_row(entity: CastMember | Location | Resource,
                   fields: Mapping[str, str]) -> dict[str, Any]:
    """A row of Cast, Locations, Crew or Equipment: id, the sheet's fields, the availability."""
    availability = {name: getattr(entity.availability, name) for name in AVAILABILITY_FIELDS}
    return {ID_FIELD: entity.id, **_values(entity, fields), **availability}
