"""Read the optional ``Progress`` sheet of a breakdown: what a re-plan counts as shot.

Columns ``scene``, ``status`` (``shot``, ``part shot``, ``not shot``) and, for a part-shot
scene, ``pages_left`` or ``hours_left``.  Every problem is located (``Progress!B4``) and reported
at once, like the breakdown's other sheets.  The breakdown reader ignores the sheet (with a
notice); only ``plan-shoot replan`` reads it.
"""

from __future__ import annotations

from pathlib import Path

from ..data import Production
from ..errors import InputError
from ..replan import SceneProgress, ShotStatus
from .schema import Column, Kind, SheetSpec, normalize_name
from .source import load_sheets
from .table import Findings, ParseContext, Record, read_table

PROGRESS = SheetSpec(
    name="Progress",
    synonyms=("Shot", "Shooting Progress", "Progress Report"),
    help="optional, for a re-plan: one row per scene whose progress differs from its plan",
    columns=(
        Column("scene", Kind.ID, "scene id from sheet Scenes",
               ("sc", "scene #", "scene no", "scene id"), required=True),
        Column("status", Kind.TEXT, "shot, part shot or not shot",
               ("progress", "state", "shot"), required=True),
        Column("pages_left", Kind.EIGHTHS, "for a part-shot scene: the pages still to shoot",
               ("pages to go", "remaining pages", "pages remaining")),
        Column("hours_left", Kind.HOURS, "for a part-shot scene: the hours still to shoot",
               ("hours to go", "remaining hours", "hours remaining")),
    ),
)

# Spellings of each status a 2nd AD's progress report uses.
STATUS_SPELLINGS = {
    ShotStatus.SHOT: ("shot", "done", "complete", "completed", "yes"),
    ShotStatus.PART_SHOT: ("part shot", "partly shot", "partial", "part", "partially shot",
                           "incomplete", "pt"),
    ShotStatus.NOT_SHOT: ("not shot", "unshot", "no", "to shoot", "not done", "missed"),
}


def read_progress(path: str | Path, production: Production) -> tuple[SceneProgress, ...]:
    """The ``Progress`` sheet of a breakdown workbook (``()`` when it has none).

    Raises
    ------
    InputError
        Every problem, located: a scene the breakdown does not have, a status not understood,
        a part-shot scene without what is left, a scene listed twice.
    """
    sheets, _ = load_sheets(Path(path), wanted=PROGRESS.matches)
    if not sheets:
        return ()
    findings = Findings()
    records = read_table(sheets[0], PROGRESS, ParseContext(), findings)
    entries = []
    seen: dict[str, int] = {}
    for record in records:
        entry = _entry(record, production, seen, findings)
        if entry is not None:
            entries.append(entry)
    if findings.problems:
        raise InputError(list(findings.problems))
    return tuple(entries)


def _entry(record: Record, production: Production, seen: dict[str, int],
           findings: Findings) -> SceneProgress | None:
    scene_id = _scene_of(record, production, seen, findings)
    status = _status_of(record, findings)
    if scene_id is None or status is None:
        return None
    eighths_left, minutes_left = record.get("pages_left"), record.get("hours_left")
    if status is ShotStatus.PART_SHOT and eighths_left is None and minutes_left is None:
        if not {"pages_left", "hours_left"} & record.failed:
            where = record.cell("pages_left") if "pages_left" in record.columns else \
                record.cell("status")
            findings.problem(where, f"scene {scene_id} is part shot: give its pages_left or "
                                    "hours_left")
        return None
    return SceneProgress(scene_id, status, eighths_left, minutes_left, record.cell("scene"))


def _scene_of(record: Record, production: Production, seen: dict[str, int],
              findings: Findings) -> str | None:
    scene_id: str | None = record.get("scene") or None
    if scene_id is None:
        if "scene" not in record.failed:
            findings.problem(record.cell("scene"), "the scene is empty; every Progress row "
                                                   "needs one")
        return None
    if scene_id not in production.scene_by_id:
        findings.problem(record.cell("scene"), f"scene {scene_id} is not on the Scenes sheet "
                                               "(or is omitted)")
        return None
    if scene_id in seen:
        findings.problem(record.cell("scene"), f"scene {scene_id} is listed twice (also row "
                                               f"{seen[scene_id]}); keep one")
        return None
    seen[scene_id] = record.row
    return scene_id


def _status_of(record: Record, findings: Findings) -> ShotStatus | None:
    written = record.get("status")
    key = normalize_name(written or "")
    for status, spellings in STATUS_SPELLINGS.items():
        if key in {normalize_name(spelling) for spelling in spellings}:
            return status
    if "status" not in record.failed:
        findings.problem(record.cell("status"), f'status "{written or ""}" is not understood; '
                                                "write shot, part shot or not shot")
    return None
