"""A re-plan job's Changes list survives a restart: its change report is stored with the job as
JSON (``changes.json``) and shown again; a damaged one leaves the job served without it.  The
upload page's revision takes the breakdown's own colour order (``revision_colours``), and a
scene cut from the breakdown releases what it booked in the parent's plan."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.reader import read_workbook
from scheduler.web import create_app
from scheduler.web.store import CHANGES_SNAPSHOT
from tests.helpers.web import web_settings
from tests.web.test_replan_page import _finished, _lost_day_replan, _replan, _solved


def shop_colours(tiny_workbook: Path, target: Path) -> Path:
    """The tiny breakdown with a shop's own revision colours: White, then Lavender."""
    production = read_workbook(tiny_workbook)
    settings = production.settings.model_copy(
        update={"revision_colours": ("White", "Lavender", "Light Blue")})
    return write_breakdown(production.model_copy(update={"settings": settings}), target)


def test_the_changes_list_is_shown_again_after_a_restart(tmp_path: Path,
                                                         tiny_workbook: Path) -> None:
    """Tests a lost day re-planned on a server with a data folder: after a restart the result
    page lists the same changes (scenes, dates, costs) in the shop's revision colour."""
    workbook = shop_colours(tiny_workbook, tmp_path / "shop.xlsx")
    settings = web_settings(tmp_path, data_dir=tmp_path / "data", work_dir=None)
    with TestClient(create_app(settings)) as client:
        _, revised, _ = _lost_day_replan(client, workbook, tmp_path)
        assert revised.changes is not None and revised.changes.moved_scene_ids
        before = client.get(f"/jobs/{revised.id}").text
        assert "LAVENDER revision of" in before
    stored = tmp_path / "data" / "jobs" / revised.id / CHANGES_SNAPSHOT
    assert stored.is_file()
    with TestClient(create_app(settings)) as client:
        restored = client.app.state.web.queue.get(revised.id)  # type: ignore[attr-defined]
        assert restored is not None and restored.changes == revised.changes
        page = client.get(f"/jobs/{revised.id}").text
        assert 'id="changes"' in page and 'id="change-costs"' in page
        assert "LAVENDER revision of" in page
        for scene in revised.changes.moved_scene_ids:
            assert f"<td>{scene}</td>" in page
        assert page.count(' moved"') == before.count(' moved"') > 0


def test_a_damaged_change_report_leaves_the_job_served_without_it(
        tmp_path: Path, tiny_workbook: Path) -> None:
    """Tests a ``changes.json`` edited into nonsense between two runs: the job is still done,
    its board and workbook served, the Changes list left out (not made up)."""
    settings = web_settings(tmp_path, data_dir=tmp_path / "data", work_dir=None)
    with TestClient(create_app(settings)) as client:
        _, revised, _ = _lost_day_replan(client, tiny_workbook, tmp_path)
    stored = tmp_path / "data" / "jobs" / revised.id / CHANGES_SNAPSHOT
    stored.write_text(stored.read_text().replace('"moved"', '"teleported"'), encoding="utf-8")
    with TestClient(create_app(settings)) as client:
        assert client.get(f"/jobs/{revised.id}/status").json()["state"] == "done"
        page = client.get(f"/jobs/{revised.id}")
        assert page.status_code == 200 and 'id="changes"' not in page.text
        assert client.get(f"/jobs/{revised.id}/download/workbook").status_code == 200


def test_a_scene_cut_on_the_page_releases_its_location_booking(client: TestClient,
                                                               tiny_workbook: Path,
                                                               tmp_path: Path) -> None:
    """Tests the tiny plan re-planned with scene 2 (the only one at location B) cut from the
    breakdown: the Changes list has it cut and B's day released, from the parent's plan."""
    first = _solved(client, tiny_workbook)
    assert first.plan is not None and first.plan.result.solution is not None
    calendar = first.production.calendar
    planned = calendar.date_of(first.plan.result.solution.start_day["2"])
    production = read_workbook(tiny_workbook)
    edited = write_breakdown(production.model_copy(update={"scenes": tuple(
        s for s in production.scenes if s.id != "2")}), tmp_path / "cut.xlsx")
    answer = _replan(client, first, edited, {"from": calendar.date_of(1).isoformat(),
                                             "freeze": "0"})
    assert answer.status_code == 303, answer.text
    revised = _finished(client, str(answer.headers["location"]))
    assert revised.changes is not None
    assert [(c.scene_id, c.kind.value) for c in revised.changes.scenes
            if c.kind.value == "cut"] == [("2", "cut")]
    (location_b,) = [c for c in revised.changes.locations if c.entity_id == "B"]
    assert location_b.released == (planned,) and location_b.added == ()
