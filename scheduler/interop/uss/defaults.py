"""The facts a USS file lacks (rates, fees, pace, rules) and where they come from.

USS describes the breakdown and the calendar, not money nor how long a page takes.  Those come
from a *defaults workbook*: a breakdown-like workbook (``spec/workbook.md``) of which only these
sheets are read, every one optional:

* ``Production`` (``Field``/``Value``): any setting (``pages_per_day``, ``standard_day_hours``,
  ``crew_day_cost``, ``overtime_cost_per_hour``, ``max_shoot_days``, ``budget``, ...).  The USS
  calendar decides ``start_date`` and ``work_week`` (the workbook's are used for a USS file
  without a calendar); ``holidays`` are added to the USS days off.
* ``Cast``, ``Locations``, ``Crew``, ``Equipment``: a row whose ``id`` is an entity's id, name or
  character sets the columns it fills (``daily_rate``, ``minor``, ``drop_pickup``, ``name``,
  availability, ...); the id ``*`` sets them for every entity of the sheet (rows naming one
  entity win).  Unavailable dates are added to those of the USS file.

A breakdown workbook written by ``plan-shoot import-uss`` and filled in is such a workbook, so a
revised USS file can be imported again with the same rates.  Without a defaults workbook, or for
what it leaves empty, ``BUILT_IN`` applies; the importer lists every default it used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import InputError, Problem
from ...excel.entities import (
    AVAILABILITY_FIELDS,
    CAST_FIELDS,
    LOCATION_FIELDS,
    RESOURCE_FIELDS,
    SETTINGS_FIELDS,
    model_values,
)
from ...excel.schema import CAST, CREW, EQUIPMENT, LOCATIONS, PRODUCTION, SheetSpec, sheet_spec
from ...excel.source import load_sheets
from ...excel.table import Findings, ParseContext, Record, read_fields, read_table

EVERY = "*"  # the id of a defaults row that applies to every entity of its sheet
# Settings the USS calendar decides when the file has one.
CALENDAR_SETTINGS = ("start_date", "work_week")

# What applies when neither the USS file nor a defaults workbook says: placeholders that make a
# plan minimise cast days and shoot days, to be replaced by the production's real figures.
BUILT_IN: dict[str, Any] = {"cast_daily_rate": 1000, "crew_day_cost": 10_000}


@dataclass(frozen=True)
class Overrides:
    """Values (model attribute names) for the entities of one kind, by folded id or name."""

    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # folded key -> the row's location

    def for_entity(self, *names: str) -> tuple[dict[str, Any], list[str]]:
        """The values for an entity known by ``names`` (id first): the ``*`` row, then the
        first row matching one of the names; and the keys of the rows used."""
        values: dict[str, Any] = {}
        used = []
        if EVERY in self.rows:
            values.update(self.rows[EVERY])
            used.append(EVERY)
        for name in names:
            key = fold(name)
            if key and key in self.rows:
                values = _merged(values, self.rows[key])
                used.append(key)
                break
        return values, used


@dataclass(frozen=True)
class UssDefaults:
    """What a USS import takes from a defaults workbook (or from code, e.g. a benchmark).

    Parameters
    ----------
    settings
        ``Settings`` attributes in model units (``pages_per_day_eighths``, ``crew_day_cost``...).
    cast, locations, crew, equipment
        Values of entities, keyed by folded id, name or character (``*``: every entity).
    source
        Where they were read, for notes and messages.
    """

    settings: dict[str, Any] = field(default_factory=dict)
    cast: Overrides = field(default_factory=Overrides)
    locations: Overrides = field(default_factory=Overrides)
    crew: Overrides = field(default_factory=Overrides)
    equipment: Overrides = field(default_factory=Overrides)
    source: str = "built-in defaults"
    notices: tuple[str, ...] = ()


def fold(name: str) -> str:
    """The matching key of an id or a name: case and repeated spaces ignored."""
    return " ".join(name.split()).casefold()


def read_defaults(path: str | Path) -> UssDefaults:
    """The defaults of a workbook (see the module's description).

    Raises
    ------
    InputError
        With every problem of the workbook, each located as ``FILE Sheet!CELL``.
    """
    path = Path(path)
    wanted = {PRODUCTION, CAST, LOCATIONS, CREW, EQUIPMENT}
    sheets, _ = load_sheets(path, wanted=lambda title: sheet_spec(title) in wanted)
    findings = Findings()
    settings: dict[str, Any] = {}
    tables: dict[SheetSpec, Overrides] = {}
    context = ParseContext()
    for sheet in sheets:
        spec = sheet_spec(sheet.title)
        if spec is PRODUCTION:
            record = read_fields(sheet, PRODUCTION, findings)
            settings = model_values(record, SETTINGS_FIELDS)
            if "date_format" in record.values:
                context = ParseContext(date_order=record.values["date_format"])
    for sheet in sheets:
        spec = sheet_spec(sheet.title)
        if spec is not None and spec is not PRODUCTION:
            fields = {CAST: CAST_FIELDS, LOCATIONS: LOCATION_FIELDS}.get(spec, RESOURCE_FIELDS)
            tables[spec] = _overrides(read_table(sheet, spec, context, findings), fields)
    if findings.problems:
        raise InputError([Problem(f"{path.name} {p.where}", p.message)
                          for p in findings.problems])
    return UssDefaults(settings=settings, cast=tables.get(CAST, Overrides()),
                       locations=tables.get(LOCATIONS, Overrides()),
                       crew=tables.get(CREW, Overrides()),
                       equipment=tables.get(EQUIPMENT, Overrides()),
                       source=path.name,
                       notices=tuple(f"{path.name} {notice}" for notice in findings.notices))


def _overrides(records: list[Record], fields: dict[str, str]) -> Overrides:
    rows: dict[str, dict[str, Any]] = {}
    where: dict[str, str] = {}
    for record in records:
        key = fold(str(record.get("id", "")))
        if not key:
            continue
        values = model_values(record, fields)
        values.update({name: record.values[name] for name in AVAILABILITY_FIELDS
                       if name in record.values})
        rows[key] = _merged(rows.get(key, {}), values)
        where.setdefault(key, record.cell("id"))
    return Overrides(rows=rows, where=where)


def _merged(base: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """``more`` over ``base``; unavailable dates add up instead of replacing."""
    merged = {**base, **more}
    if "unavailable" in base and "unavailable" in more:
        merged["unavailable"] = tuple(sorted(set(base["unavailable"]) | set(more["unavailable"])))
    return merged
