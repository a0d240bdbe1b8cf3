"""The real page in headless Chromium: upload the example feature, watch it solve, check the
board, download the workbook.

Uses Debian's ``/usr/bin/chromium`` through Playwright's ``executable_path`` (never a browser
download); skipped where it is absent.  Set ``PLAN_SHOOT_WEB_SHOTS=/some/folder`` to keep a
screenshot of every page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from scheduler.web import create_app
from tests.helpers.paths import EXAMPLES
from tests.helpers.web import live_server, web_settings

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
SOLVE_SECONDS = "3"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium "
                                       "(.ci/run installs it)")
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def page(tmp_path: Path) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS,
                                             headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 900},
                                      accept_downloads=True)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def _shot(page: object, name: str) -> None:
    folder = os.environ.get("PLAN_SHOOT_WEB_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def _broken_copy(source: Path, target: Path) -> Path:
    workbook = openpyxl.load_workbook(source)
    workbook["Scenes"]["F3"] = "2 3/9"  # not a page count
    workbook.save(target)
    return target


def test_upload_problems_then_solve_and_download(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(web_settings(tmp_path, max_time_limit=30.0))
    with live_server(app) as base:
        page.goto(base + "/")
        assert page.locator("input[type=file]").count() == 1
        _shot(page, "1-upload")

        # A workbook with a bad cell, dropped on the page: the problem is listed at its cell
        # and linked to its row.
        broken = _broken_copy(EXAMPLES / "short_film.xlsx", tmp_path / "broken.xlsx")
        dropped = page.evaluate_handle(
            "([name, data]) => { const files = new DataTransfer();"
            " files.items.add(new File([new Uint8Array(data)], name)); return files; }",
            ["broken.xlsx", list(broken.read_bytes())])
        page.dispatch_event("#drop", "drop", {"dataTransfer": dropped})
        assert page.inner_text("#chosen") == "Chosen: broken.xlsx"
        page.click("#plan")
        page.wait_for_selector("table.problems")
        where = page.locator("td.where a", has_text="Scenes!F3")
        assert where.count() == 1
        where.click()
        assert page.locator("tr:target td.flagged").inner_text() == "2 3/9"
        _shot(page, "2-errors")

        # The example feature: live progress, then the result.
        page.set_input_files("#file", str(EXAMPLES / "indie_feature.xlsx"))
        page.fill("#time_limit", SOLVE_SECONDS)
        page.click("#plan")
        page.wait_for_selector("#progress")
        # The first schedule's cost arrives by polling, before the result page.
        sync_api.expect(page.locator("#best")).not_to_have_text("-", timeout=20_000)
        _shot(page, "3-solving")
        page.wait_for_selector("#board", timeout=30_000)
        _shot(page, "4-result")

        shown_days = [int(day) for day in page.locator("#board .day").evaluate_all(
            "days => days.map(day => day.dataset.day)")]
        status = page.locator("#status").text_content()
        with page.expect_download() as download:
            page.click("#download-workbook")
        saved = tmp_path / "schedule.xlsx"
        download.value.save_as(saved)

    workbook = openpyxl.load_workbook(saved, read_only=True)
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    rows = list(workbook["Schedule"].iter_rows(values_only=True))
    shoot_days = {row[0] for row in rows[1:]}
    assert status == summary["status"]
    assert shown_days == list(range(1, summary["shoot_days"] + 1))
    assert shoot_days <= set(shown_days)
    assert max(shoot_days) == summary["shoot_days"]
