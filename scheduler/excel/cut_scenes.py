"""The scenes a breakdown marks cut (``status`` ``omitted``), with what they needed.

The breakdown reader leaves a cut scene out of the production: it is not planned.  A re-plan
still needs to know whom and where the cut scene had booked on the current schedule, to release
those days (``replan.changes``).  The script convention keeps a cut scene's row, so its cast,
location, crew and equipment are read from it here, as the reader reads any scene's, against the
production's own cast and places.  A cut row's mistakes (an unknown cast name, a bad date) stop
nothing: the scene is not planned, and what cannot be read of it is left out.
"""

from __future__ import annotations

from pathlib import Path

from ..data import Production, Scene
from ..subjects import EntityKind
from .entities import OMITTED_STATUSES, build_scenes
from .places import PlaceRecorder
from .references import Lookup
from .schema import SCENES
from .source import load_sheets
from .table import Findings, ParseContext, Record, read_table


def read_cut_scenes(path: str | Path, production: Production) -> tuple[Scene, ...]:
    """The scenes of the workbook's ``Scenes`` sheet whose ``status`` says they are cut, as
    the reader would build them were they not (``()`` without any).

    Parameters
    ----------
    path
        The breakdown workbook ``production`` was read from (read again, through the same
        door, with the same limits).
    production
        Its production: cast, locations, crew and equipment written by name resolve to ids.
    """
    sheets, _ = load_sheets(Path(path), wanted=SCENES.matches)
    if not sheets:
        return ()
    ignored = Findings()  # a cut row's own problems: it is not planned (see the module)
    records = [_as_planned(record) for record in
               read_table(sheets[0], SCENES, ParseContext(), ignored) if _is_cut(record)]
    scenes = build_scenes(
        records,
        cast=Lookup(EntityKind.CAST, ((m.id, (m.name, m.character)) for m in production.cast)),
        locations=Lookup(EntityKind.LOCATION,
                         ((loc.id, (loc.name,)) for loc in production.locations)),
        crew=Lookup(EntityKind.CREW, ((m.id, (m.name,)) for m in production.crew)),
        equipment=Lookup(EntityKind.EQUIPMENT,
                         ((item.id, (item.name,)) for item in production.equipment)),
        findings=ignored, places=PlaceRecorder())
    return tuple(scene for scene in scenes if scene.id not in production.scene_by_id)


def _is_cut(record: Record) -> bool:
    status = " ".join(str(record.get("status", "")).split()).casefold()
    return status in OMITTED_STATUSES


def _as_planned(record: Record) -> Record:
    """The row without its status, so that ``build_scenes`` builds it like any scene."""
    values = {name: value for name, value in record.values.items() if name != "status"}
    return Record(record.sheet, record.row, dict(record.columns), values, set(record.failed))
