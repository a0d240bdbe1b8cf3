"""A re-plan's change report as validated JSON, for the upload page's job store.

The store keeps what a restarted server shows without solving again as JSON, never a pickle
(see ``web.store``): a change report is read back field by field, and whatever fails the
check (a wrong type, an unknown kind of change, a date that is no date) is refused with
``PlanDocumentError``, so the job shows its board and downloads without the Changes list
rather than something made up.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..plan_json import PlanDocumentError
from ..revision import ChangeReport, DaysChange, Revision, SceneChange, SceneChangeKind

SCHEMA_VERSION = 1
# Far above a real report (a 480-scene series re-planned: every scene and person once), and
# above any text a breakdown cell can hold (Excel's 32,767 characters, a name in a reason).
MAX_ENTRIES = 100_000
MAX_TEXT = 100_000


class _Document(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _RevisionDocument(_Document):
    number: int = Field(ge=0)
    name: str = Field(min_length=1, max_length=MAX_TEXT)
    issued: date


class _SceneChangeDocument(_Document):
    scene_id: str = Field(min_length=1, max_length=MAX_TEXT)
    kind: SceneChangeKind
    before: date | None
    after: date | None
    reason: str = Field(default="", max_length=MAX_TEXT)


class _DaysChangeDocument(_Document):
    entity_id: str = Field(min_length=1, max_length=MAX_TEXT)
    name: str = Field(max_length=MAX_TEXT)
    added: tuple[date, ...] = Field(max_length=MAX_ENTRIES)
    released: tuple[date, ...] = Field(max_length=MAX_ENTRIES)


class ChangeReportDocument(_Document):
    """The JSON form of a ``ChangeReport`` (costs in cost units, dates ISO)."""

    schema_version: int = Field(ge=SCHEMA_VERSION, le=SCHEMA_VERSION)
    revision: _RevisionDocument
    replanned_from: date
    scenes: tuple[_SceneChangeDocument, ...] = Field(max_length=MAX_ENTRIES)
    cast: tuple[_DaysChangeDocument, ...] = Field(max_length=MAX_ENTRIES)
    locations: tuple[_DaysChangeDocument, ...] = Field(max_length=MAX_ENTRIES)
    cost_current: int | None
    cost_revised: int
    cost_from_scratch: int | None


def changes_to_json(report: ChangeReport) -> str:
    """A change report as JSON text."""
    revision = report.revision
    document = ChangeReportDocument(
        schema_version=SCHEMA_VERSION,
        revision=_RevisionDocument(number=revision.number, name=revision.name,
                                   issued=revision.issued),
        replanned_from=report.replanned_from,
        scenes=tuple(_SceneChangeDocument(scene_id=c.scene_id, kind=c.kind, before=c.before,
                                          after=c.after, reason=c.reason)
                     for c in report.scenes),
        cast=tuple(_days_document(change) for change in report.cast),
        locations=tuple(_days_document(change) for change in report.locations),
        cost_current=report.cost_current, cost_revised=report.cost_revised,
        cost_from_scratch=report.cost_from_scratch)
    return document.model_dump_json(indent=1)


def changes_from_json(text: str | bytes) -> ChangeReport:
    """The change report of ``changes_to_json``'s text.

    Raises
    ------
    PlanDocumentError
        When the text is not such a report (the first problem named).
    """
    try:
        document = ChangeReportDocument.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the document"
        raise PlanDocumentError(f"not a change report: {where}: {first['msg']}") from None
    revision = document.revision
    return ChangeReport(
        revision=Revision(revision.number, revision.name, revision.issued),
        replanned_from=document.replanned_from,
        scenes=tuple(SceneChange(c.scene_id, c.kind, c.before, c.after, c.reason)
                     for c in document.scenes),
        cast=tuple(_days_change(change) for change in document.cast),
        locations=tuple(_days_change(change) for change in document.locations),
        cost_current=document.cost_current, cost_revised=document.cost_revised,
        cost_from_scratch=document.cost_from_scratch)


def _days_document(change: DaysChange) -> _DaysChangeDocument:
    return _DaysChangeDocument(entity_id=change.entity_id, name=change.name,
                               added=change.added, released=change.released)


def _days_change(document: _DaysChangeDocument) -> DaysChange:
    return DaysChange(document.entity_id, document.name, document.added, document.released)
