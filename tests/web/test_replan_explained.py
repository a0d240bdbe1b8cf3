"""The upload page's re-plan without a schedule: the conflicts it shows start with the change
that broke the plan and the extra shoot day that would give one."""

from __future__ import annotations

import html
from pathlib import Path

import openpyxl
from fastapi.testclient import TestClient

from scheduler.excel.breakdown import write_breakdown
from tests.replan.test_explain import THU, no_slack
from tests.web.test_replan_page import _finished, _replan, _solved


def test_an_infeasible_replan_names_the_lost_day_first(client: TestClient,
                                                        tmp_path: Path) -> None:
    """Tests five one-day scenes in five shoot days, Thursday lost, re-planned from Wednesday
    with nothing frozen: the page's first reason is the scene planned on Thursday, located on
    the Calendar sheet, the second the one extra shoot day that helps."""
    first = _solved(client, write_breakdown(no_slack(), tmp_path / "plan.xlsx"))
    edited = write_breakdown(no_slack(), tmp_path / "edited.xlsx")
    book = openpyxl.load_workbook(edited)
    book["Calendar"].append([THU, "off"])
    book.save(edited)
    answer = _replan(client, first, edited, {"from": "2026-03-04", "freeze": "0"})
    assert answer.status_code == 303, answer.text
    revised = _finished(client, str(answer.headers["location"]))
    assert revised.plan is not None and revised.plan.result.schedule is None
    assert first.plan is not None and first.plan.result.solution is not None
    calendar = first.production.calendar
    on_thursday = [s for s, day in first.plan.result.solution.start_day.items()
                   if calendar.date_of(day) == THU]
    page = html.unescape(client.get(f"/jobs/{revised.id}").text)
    reasons = page[page.index("Why no schedule exists"):].split("<li>")[1:]
    assert (f"Calendar!A2: scene {on_thursday[0]} was planned on 5 Mar 2026, no longer a "
            "shoot day") in reasons[0]
    assert "adding 1 shoot day (through 9 Mar 2026) gives a schedule" in reasons[1]
