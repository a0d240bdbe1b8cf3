"""A change report as JSON and back (the upload page's job store): equal after the round trip,
anything else refused with the first problem named."""

from __future__ import annotations

import json

import pytest

from scheduler.data import CalendarDayType, CalendarEntry
from scheduler.plan_json import PlanDocumentError
from scheduler.replan import SceneProgress, ShotStatus, replan
from scheduler.replan.report_json import changes_from_json, changes_to_json
from tests.replan.test_replan import CURRENT, DATES, QUICK, five_scenes


def a_report() -> str:
    """A lost Thursday and a part-shot Tuesday: moves, a new part, released and added days."""
    lost = CalendarEntry(date=DATES[3], type=CalendarDayType.OFF)
    edited = five_scenes().model_copy(update={"calendar_entries": (lost,)}).check()
    outcome = replan(edited, CURRENT, DATES[2], config=QUICK,
                     progress=[SceneProgress("2", ShotStatus.PART_SHOT, minutes_left=120)])
    assert outcome.report is not None and outcome.report.scenes and outcome.report.cast
    return changes_to_json(outcome.report)


def test_a_report_comes_back_equal() -> None:
    text = a_report()
    assert changes_to_json(changes_from_json(text)) == text
    assert changes_from_json(text).revision.name == "Blue"


@pytest.mark.parametrize(("edit", "where"), [
    (lambda d: d["scenes"][0].update(kind="teleported"), "scenes.0.kind"),
    (lambda d: d.update(replanned_from="next week"), "replanned_from"),
    (lambda d: d.update(cost_revised="cheap"), "cost_revised"),
    (lambda d: d.update(pickle="cos\nsystem"), "pickle"),
    (lambda d: d.update(schema_version=99), "schema_version"),
])
def test_anything_else_is_refused(edit: object, where: str) -> None:
    document = json.loads(a_report())
    edit(document)  # type: ignore[operator]
    with pytest.raises(PlanDocumentError, match=where):
        changes_from_json(json.dumps(document))


def test_text_that_is_no_json_is_refused() -> None:
    with pytest.raises(PlanDocumentError):
        changes_from_json(b"\x80\x04 not json")
