"""Read a breakdown workbook (``spec/workbook.md``) into a checked ``Production``.

Every problem is reported at once, located as ``Sheet!CELL``: what cannot be parsed, and what the
cross-checks of ``checks.check_production`` find (unknown ids, minors at night, pinned dates off
the calendar, scenes with no possible day, ...), placed by where each entity was read.  A cell
already reported for its value is not reported again by a cross-check.  The input file is never
modified.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..checks import check_production
from ..data import Production
from ..errors import InputError, Problem
from ..subjects import EntityKind
from .entities import (
    build_calendar,
    build_cast,
    build_constraints,
    build_locations,
    build_resources,
    build_scenes,
    build_settings,
)
from .places import PlaceRecorder
from .references import Lookup
from .schema import (
    CALENDAR,
    CAST,
    CONSTRAINTS,
    CREW,
    EQUIPMENT,
    LOCATIONS,
    PRODUCTION,
    SCENES,
    SHEETS,
    SheetSpec,
    sheet_spec,
)
from .source import SheetData, load_sheets
from .table import Findings, ParseContext, Record, read_fields, read_table

logger = logging.getLogger("scheduler")


def read_workbook(path: str | Path) -> Production:
    """Read and check a breakdown workbook.

    Parameters
    ----------
    path
        An ``.xlsx`` workbook with at least the sheets ``Production`` (with ``start_date``)
        and ``Scenes``.

    Returns
    -------
    Production
        The checked production; ``notices`` lists ignored columns, rounded values and such.

    Raises
    ------
    InputError
        With every problem of the workbook, each located as ``Sheet!CELL``.
    """
    path = Path(path)
    loaded, titles = load_sheets(path, wanted=lambda title: sheet_spec(title) is not None)
    findings = Findings()
    sheets = _assign_sheets(loaded, titles, findings)
    settings_record = (read_fields(sheets[PRODUCTION], PRODUCTION, findings)
                       if PRODUCTION in sheets else None)
    context = ParseContext(settings_record.get("date_format") if settings_record else None)
    records = {spec: read_table(sheets[spec], spec, context, findings)
               for spec in SHEETS if spec is not PRODUCTION and spec in sheets}
    if SCENES in sheets:
        _require_scenes(sheets[SCENES].title, records[SCENES], findings)
    production = _assemble(path, settings_record, records, findings)
    problems = list(findings.problems)
    truncated = any(sheet.too_many_rows for sheet in sheets.values())
    if production is not None and not truncated:  # cross-checks of a partial read mislead
        problems += _cross_check_problems(production, findings)
    if problems:
        raise InputError(problems)
    assert production is not None  # no problems means the settings were read
    logger.info("read %s: %d scenes, %d cast, %d locations", path.name,
                len(production.scenes), len(production.cast), len(production.locations))
    return production


def _require_scenes(title: str, scenes: list[Record], findings: Findings) -> None:
    already_reported = any(p.where.partition("!")[0] == title for p in findings.problems)
    if not scenes and not already_reported:
        findings.problem(title, "no scenes; add one row per scene under the header row")


def _assign_sheets(loaded: list[SheetData], titles: list[str],
                   findings: Findings) -> dict[SheetSpec, SheetData]:
    """Which workbook sheet holds which part of the breakdown."""
    sheets: dict[SheetSpec, SheetData] = {}
    for sheet in loaded:
        spec = sheet_spec(sheet.title)
        if spec is None:
            continue
        if spec in sheets:
            findings.problem(sheet.title, f"this sheet and sheet {sheets[spec].title} both "
                                          f"hold the {spec.name} sheet; keep one")
            continue
        sheets[spec] = sheet
    for title in titles:
        if sheet_spec(title) is None:
            findings.notice(title, "sheet is not one the planner reads; ignored")
    for spec in SHEETS:
        if spec.required and spec not in sheets:
            findings.problem(spec.name, f"sheet {spec.name} is missing; add it ({spec.help})")
    return sheets


def _assemble(path: Path, settings_record: Record | None, records: dict[SheetSpec, list[Record]],
              findings: Findings) -> Production | None:
    """The production, or ``None`` when there are no usable settings to check it against."""
    places = PlaceRecorder()
    settings = (build_settings(settings_record, path.stem, findings, places)
                if settings_record is not None else None)
    cast = build_cast(records.get(CAST, []), findings, places)
    locations = build_locations(records.get(LOCATIONS, []), findings, places)
    crew = build_resources(records.get(CREW, []), EntityKind.CREW, findings, places)
    equipment = build_resources(records.get(EQUIPMENT, []), EntityKind.EQUIPMENT, findings,
                                places)
    omitted: set[str] = set()  # scenes cut from the script
    scenes = build_scenes(
        records.get(SCENES, []),
        cast=Lookup(EntityKind.CAST, ((m.id, (m.name, m.character)) for m in cast)),
        locations=Lookup(EntityKind.LOCATION, ((loc.id, (loc.name,)) for loc in locations)),
        crew=Lookup(EntityKind.CREW, ((m.id, (m.name,)) for m in crew)),
        equipment=Lookup(EntityKind.EQUIPMENT, ((item.id, (item.name,)) for item in equipment)),
        findings=findings,
        places=places,
        omitted=omitted,
    )
    constraints = build_constraints(records.get(CONSTRAINTS, []),
                                    Lookup(EntityKind.SCENE, ((s.id, ()) for s in scenes)),
                                    findings, places, omitted)
    calendar_entries = build_calendar(records.get(CALENDAR, []), findings, places)
    if settings is None:
        return None
    return Production(
        settings=settings, scenes=tuple(scenes), cast=tuple(cast), locations=tuple(locations),
        crew=tuple(crew), equipment=tuple(equipment), constraints=tuple(constraints),
        calendar_entries=tuple(calendar_entries), notices=tuple(findings.notices),
        places=places.places(),
    )


def _cross_check_problems(production: Production, findings: Findings) -> list[Problem]:
    """The cross-check problems at their cells, except at cells already reported."""
    located = (problem.located(production.places) for problem in check_production(production))
    return [problem for problem in located if problem.where not in findings.suppressed]
