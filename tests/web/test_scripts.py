"""The upload page takes a screenplay: it shows the breakdown made, offers it for download and
plans it once a start date is given."""

from __future__ import annotations

import io
import time
from pathlib import Path

import openpyxl
from fastapi.testclient import TestClient

from tests.helpers.scripts import DINER_FDX, DINER_FOUNTAIN
from tests.helpers.web import csrf

WAIT = 30.0
SCRIPT_ID = "/script/"


def _upload(client: TestClient, name: str, content: bytes):  # type: ignore[no-untyped-def]
    return client.post("/script", files={"file": (name, content)},
                       data={"csrf": csrf(client, "/script")}, follow_redirects=False)


def _script_id(html: str) -> str:
    start = html.index(SCRIPT_ID) + len(SCRIPT_ID)
    return html[start:start + 32]


def test_the_upload_page_links_to_the_script_page(client: TestClient) -> None:
    assert 'href="/script"' in client.get("/").text
    page = client.get("/script").text
    assert 'action="/script"' in page and 'accept=".fountain,.txt,.fdx"' in page


def test_a_script_shows_its_breakdown_and_offers_it(client: TestClient) -> None:
    response = _upload(client, "diner.fountain", DINER_FOUNTAIN.read_bytes())
    assert response.status_code == 200, response.text
    page = response.text
    assert "7 scenes" in page and "JOSÉ" in page and "Guesses to check" in page
    assert "CONTINUOUS takes the previous scene&#39;s light: NIGHT" in page
    download = client.get(f"/script/{_script_id(page)}/breakdown.xlsx")
    assert download.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(download.content))
    assert workbook["Scenes"].max_row == 8 and "Notes" in workbook.sheetnames


def test_a_script_is_planned_from_the_start_date_given(client: TestClient) -> None:
    page = _upload(client, "diner.fdx", DINER_FDX.read_bytes()).text
    planned = client.post(f"/script/{_script_id(page)}/plan", data={"start_date": "2030-01-07",
                                                                  "csrf": csrf(client, "/script")},
                          follow_redirects=False)
    assert planned.status_code == 303, planned.text
    job_url = str(planned.headers["location"])
    deadline = time.monotonic() + WAIT
    while not (status := client.get(job_url + "/status").json())["finished"]:
        assert time.monotonic() < deadline, status
        time.sleep(0.05)
    assert status["state"] == "done"
    assert "workbook" in status["downloads"]


def test_a_bad_start_date_is_refused(client: TestClient) -> None:
    page = _upload(client, "diner.fountain", DINER_FOUNTAIN.read_bytes()).text
    refused = client.post(f"/script/{_script_id(page)}/plan", data={"start_date": "soon",
                                                                  "csrf": csrf(client, "/script")})
    assert refused.status_code == 400 and "YYYY-MM-DD" in refused.text


def test_junk_and_other_files_are_refused_without_our_paths(client: TestClient,
                                                            tmp_path: Path) -> None:
    junk = _upload(client, "junk.fountain", b'{"not": "a script"}')
    assert junk.status_code == 422 and "no scene headings found" in junk.text
    assert str(tmp_path) not in junk.text and "script.fountain" not in junk.text
    other = _upload(client, "budget.xlsx", b"PK")
    assert other.status_code == 415 and "not a Fountain" in other.text
    assert 'action="/script"' in other.text  # the form again, to choose another file
    assert [p.name for p in (tmp_path / "jobs").iterdir()] == []


def test_an_unknown_breakdown_is_not_found(client: TestClient) -> None:
    assert client.get("/script/" + "0" * 32 + "/breakdown.xlsx").status_code == 404
    assert client.get("/script/../../etc/breakdown.xlsx").status_code == 404


def test_script_forms_without_the_csrf_token_are_refused(client: TestClient) -> None:
    """Tests that both script forms (upload and plan) need the visit's CSRF token (D10)."""
    upload = client.post("/script", files={"file": ("diner.fountain", DINER_FOUNTAIN.read_bytes())},
                         follow_redirects=False)
    assert upload.status_code == 403
    page = _upload(client, "diner.fountain", DINER_FOUNTAIN.read_bytes()).text
    plan = client.post(f"/script/{_script_id(page)}/plan", data={"start_date": "2030-01-07"},
                       follow_redirects=False)
    assert plan.status_code == 403
