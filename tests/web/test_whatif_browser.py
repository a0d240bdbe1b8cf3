"""The "What if..." panel in a real browser (headless Chromium, as ``test_browser.py``): the form
filled in, the live lines of the what-if job (its own script, under the page's CSP), the table
side by side and the comparison workbook downloaded; skipped where Chromium is absent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from scheduler.web import create_app
from scheduler.whatif.workbook import COMPARISON_COLUMNS
from tests.helpers.paths import EXAMPLES
from tests.helpers.web import live_server, web_settings

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(),
                                 reason="needs Debian's chromium at /usr/bin/chromium "
                                        "(.ci/run installs it)")]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def page(tmp_path: Path) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS,
                                             headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 900},
                                      accept_downloads=True)
        errors: list[str] = []
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        try:
            yield tab
        finally:
            context.close()
            browser.close()
        assert not errors, errors  # no script error, no script refused by the CSP


def test_what_if_from_the_result_page_in_a_browser(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(web_settings(tmp_path, max_time_limit=30.0))
    with live_server(app) as base:
        page.goto(base + "/")
        page.set_input_files("#file", str(EXAMPLES / "short_film.xlsx"))
        page.fill("#time_limit", "2")
        page.click("#plan")
        page.wait_for_selector("#board", timeout=60_000)
        assert page.locator("#whatif-form").count() == 1
        assert page.locator("#saturdays").count() == 1  # its week is Monday to Friday

        # A problem first: a window that ends before it starts, marked at its field.
        page.select_option("#cast_1", "1")
        page.fill("#cast_from_1", "2026-05-25")
        page.fill("#cast_to_1", "2026-05-20")
        page.click("#whatif-form button[type=submit]")
        page.wait_for_selector("#whatif-problems")
        assert "before" in page.locator('[data-field="cast_to_1"]').inner_text()

        # Fixed: the window and a cut; the live lines arrive over the events stream.
        page.fill("#cast_to_1", "")
        page.fill("#cut_1", "5")
        page.click("#whatif-form button[type=submit]")
        page.wait_for_selector("#scenario-lines-body tr", timeout=30_000)
        assert page.locator("#scenario-lines-body tr").first.inner_text().startswith("base")
        page.wait_for_selector("#comparison", timeout=90_000)
        names = page.locator("#comparison tbody tr td:first-child").all_inner_texts()
        assert names == ["base", "Tomas Reyne window", "cut 5"]
        with page.expect_download() as download:
            page.click("#download-comparison")
        saved = tmp_path / "comparison.xlsx"
        download.value.save_as(saved)

    sheet = openpyxl.load_workbook(saved, read_only=True)["Comparison"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COMPARISON_COLUMNS
    assert [row[0] for row in rows[1:4]] == names
