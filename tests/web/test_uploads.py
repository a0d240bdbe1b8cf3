"""Uploading: what is refused and how (size, kind, problems at their cells), and that the file
name the browser sends is shown escaped and never used as a path."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient

from scheduler.web import create_app
from tests.helpers.paths import EXAMPLES
from tests.helpers.web import TINY_TITLE, csrf, web_settings

JOB_URL = re.compile(r"/jobs/([0-9a-f]{32})$")


def _upload(client: TestClient, name: str, content: bytes, time_limit: str = "5"):  # type: ignore[no-untyped-def]
    return client.post("/upload", files={"file": (name, content)},
                       data={"time_limit": time_limit, "csrf": csrf(client)},
                       follow_redirects=False)


def _job_folders(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "jobs").iterdir())


def test_upload_page_offers_a_file_field_for_workbooks_and_uss(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'type="file"' in page.text
    assert 'accept=".xlsx,.uss"' in page.text
    assert 'enctype="multipart/form-data"' in page.text
    assert "20 MB" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_a_valid_workbook_becomes_a_job_in_its_own_folder(client: TestClient, tiny_workbook: Path,
                                                          tmp_path: Path) -> None:
    response = _upload(client, "../../../etc/evil name.xlsx", tiny_workbook.read_bytes())
    assert response.status_code == 303
    match = JOB_URL.search(response.headers["location"])
    assert match is not None
    folder = tmp_path / "jobs" / match.group(1)
    # Saved under our own name inside the job folder, whatever the browser called it.
    assert (folder / "upload.xlsx").read_bytes() == tiny_workbook.read_bytes()
    assert _job_folders(tmp_path) == [folder]
    assert not (tmp_path / "etc").exists()


def test_problems_are_listed_at_their_cells_and_linked_to_their_rows(
        client: TestClient, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(EXAMPLES / "short_film.xlsx")
    workbook["Scenes"]["F3"] = "2 3/9"
    workbook["Scenes"]["E5"] = "Nowhere"
    broken = tmp_path / "broken.xlsx"
    workbook.save(broken)

    response = _upload(client, "broken.xlsx", broken.read_bytes())

    assert response.status_code == 422
    page = response.text
    assert "2 problems in broken.xlsx" in page
    # Each place links to the row shown below it, where the bad cell is marked.
    link = re.search(r'<a href="#([\w-]+)">Scenes!F3</a>', page)
    assert link is not None
    row = re.search(rf'<tr id="{link.group(1)}"[^>]*>(.*?)</tr>', page, re.S)
    assert row is not None
    assert re.search(r'<td class="flagged"[^>]*>2 3/9</td>', row.group(1))
    assert "is not a page count" in page
    assert "Scenes!E5" in page and "Nowhere" in page
    assert _job_folders(tmp_path) == []  # nothing of a refused upload is kept


def test_a_file_that_is_not_a_workbook_is_refused_without_our_paths(
        client: TestClient, tmp_path: Path) -> None:
    response = _upload(client, "notes.xlsx", b"just some text, not a zip")
    assert response.status_code == 422
    assert "The file could not be read" in response.text
    assert "notes.xlsx is not an Excel workbook" in response.text
    assert str(tmp_path) not in response.text
    assert _job_folders(tmp_path) == []


def test_other_kinds_of_file_are_refused_by_their_name(client: TestClient) -> None:
    old_excel = _upload(client, "budget.xls", b"\xd0\xcf\x11\xe0 old excel")
    assert old_excel.status_code == 415
    assert "old-format Excel file (.xls)" in old_excel.text
    picture = _upload(client, "photo.png", b"\x89PNG")
    assert picture.status_code == 415
    assert "is not an Excel workbook (.xlsx) or a USS file (.uss)" in picture.text


def test_a_file_over_the_limit_is_refused(tmp_path: Path, tiny_workbook: Path) -> None:
    limit = 4000
    settings = web_settings(tmp_path, max_upload_bytes=limit)
    with TestClient(create_app(settings)) as client:
        # Within the form's allowance but over the file limit: stopped while saving.
        response = _upload(client, "big.xlsx", b"x" * (limit + 1))
        assert response.status_code == 413
        assert "larger than the limit" in response.text
        # Far over: refused on the declared length, before the body is read.
        response = _upload(client, "huge.xlsx", b"x" * (limit + 200_000))
        assert response.status_code == 413
        assert _job_folders(tmp_path) == []


def test_a_body_without_a_length_is_stopped_past_the_limit(tmp_path: Path) -> None:
    settings = web_settings(tmp_path, max_upload_bytes=1000)
    boundary = "plan-shoot-test"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"stream.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()

    def body() -> Iterator[bytes]:  # chunked: no Content-Length to check up front
        yield head
        for _ in range(100):
            yield b"x" * 4096
        yield f"\r\n--{boundary}--\r\n".encode()

    with TestClient(create_app(settings)) as client:
        response = client.post("/upload", content=body(), follow_redirects=False,
                               headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert response.status_code == 413


def test_an_empty_form_or_a_bad_time_limit_is_refused(client: TestClient,
                                                      tiny_workbook: Path) -> None:
    no_file = client.post("/upload", data={"time_limit": "5", "csrf": csrf(client)},
                          follow_redirects=False)
    assert no_file.status_code == 400
    assert "No file was chosen" in no_file.text
    empty = _upload(client, "empty.xlsx", b"")
    assert empty.status_code == 422
    for bad in ("soon", "0", "-3", "nan", "100000"):
        response = _upload(client, "tiny.xlsx", tiny_workbook.read_bytes(), time_limit=bad)
        assert response.status_code == 400, bad
        assert "The time limit is not valid" in response.text


def test_a_form_that_cannot_be_parsed_is_refused_with_the_upload_form(
        client: TestClient, tiny_workbook: Path) -> None:
    content = tiny_workbook.read_bytes()
    response = client.post("/upload", files=[("file", ("a.xlsx", content)),
                                             ("file", ("b.xlsx", content))],
                           follow_redirects=False)
    assert response.status_code == 400
    assert "The upload could not be read" in response.text
    assert 'type="file"' in response.text  # the page offers the upload again


def test_what_the_file_says_is_escaped(client: TestClient, tmp_path: Path,
                                       tiny_workbook: Path) -> None:
    response = _upload(client, "<b onmouseover=alert(1)>.csv", b"a,b")
    assert response.status_code == 415
    assert "<b onmouseover" not in response.text
    assert "&lt;b onmouseover=alert(1)&gt;.csv" in response.text

    job = _upload(client, "<img src=x onerror=alert(1)>.xlsx", tiny_workbook.read_bytes())
    page = client.get(job.headers["location"]).text
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.xlsx" in page
    assert TINY_TITLE not in page  # the production's title holds markup too
    assert "Tiny &lt;b&gt;Test&lt;/b&gt; &amp; Co" in page


@pytest.mark.parametrize("length", [121, 155, 255])
def test_a_long_file_name_is_accepted_and_shown_shortened(client: TestClient,
                                                          tiny_workbook: Path,
                                                          length: int) -> None:
    name = "B" * (length - len(".xlsx")) + ".xlsx"
    response = _upload(client, name, tiny_workbook.read_bytes())
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"]).text
    assert name not in page
    assert "B" * 20 + "....xlsx" in page
