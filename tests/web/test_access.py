"""Facing a LAN: no token, no serving beyond loopback; with one, a sign-in and a session cookie;
a CSRF token on every form; the Host check; security headers on every response; HEAD."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scheduler.cli import app as cli
from scheduler.web import create_app
from scheduler.web.access import SESSION_COOKIE, VISIT_COOKIE, host_name
from scheduler.web.app import SECURITY_HEADERS
from scheduler.web.server import (
    ServeRefused,
    allowed_hosts_for,
    check_exposure,
    default_data_dir,
    is_loopback,
)
from tests.helpers.web import csrf, web_settings

TOKEN = "correct horse battery staple"


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[TestClient]:
    """An app with an access token, not signed in."""
    with TestClient(create_app(web_settings(tmp_path, token=TOKEN))) as client:
        yield client


def _sign_in(client: TestClient) -> None:
    response = client.post("/sign-in", data={"token": TOKEN, "csrf": csrf(client, "/sign-in")},
                           follow_redirects=False)
    assert response.status_code == 303, response.text


def _assert_secured(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, (name, response)
    assert "unsafe-inline" not in headers["content-security-policy"]


# ----- serving beyond this machine ----------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "office.local"])
def test_serving_beyond_loopback_needs_a_token(host: str) -> None:
    with pytest.raises(ServeRefused, match="--token"):
        check_exposure(host, None)
    check_exposure(host, TOKEN)  # no error


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.1.1", "::1", "localhost"])
def test_loopback_needs_no_token(host: str) -> None:
    assert is_loopback(host)
    check_exposure(host, None)


def test_the_command_refuses_and_says_why(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAN_SHOOT_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--data",
                                      str(tmp_path / "data")])
    assert result.exit_code == 1
    assert "refusing to serve on 0.0.0.0" in result.output
    assert "PLAN_SHOOT_TOKEN" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "data").exists()  # refused before anything is made

    short = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--token", "abc"])
    assert short.exit_code == 1
    assert "at least 12 characters" in short.output


def test_hosts_answered_follow_the_address_listened_on() -> None:
    assert allowed_hosts_for("127.0.0.1") == ("127.0.0.1", "localhost", "::1")
    assert "192.168.1.20" in allowed_hosts_for("192.168.1.20")
    assert allowed_hosts_for("0.0.0.0") == ()  # any name: the token guards the page
    assert "planner.office" in allowed_hosts_for("0.0.0.0", ("planner.office",))
    assert host_name("[::1]:8000") == "::1"
    assert host_name("LocalHost:80") == "localhost"
    assert host_name("[::1") == ""  # malformed: matches no allowed name


def test_the_default_data_folder_is_the_users(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / "plan-shoot"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_data_dir() == Path.home() / ".local" / "share" / "plan-shoot"


# ----- the sign-in ---------------------------------------------------------------------------------


def test_pages_need_a_session(guarded: TestClient, tiny_workbook: Path) -> None:
    page = guarded.get("/", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/sign-in"
    _assert_secured(page)
    job = "/jobs/" + "0" * 32
    assert guarded.get(job + "/status").status_code == 403
    assert guarded.get(job + "/download/workbook", follow_redirects=False).status_code == 303
    upload = guarded.post("/upload", files={"file": ("t.xlsx", tiny_workbook.read_bytes())},
                          data={"csrf": csrf(guarded, "/sign-in")}, follow_redirects=False)
    assert upload.status_code == 403
    _assert_secured(upload)
    assert guarded.get("/static/app.css").status_code == 200  # the sign-in page's own style


def test_a_wrong_token_or_a_missing_csrf_token_does_not_sign_in(guarded: TestClient) -> None:
    token = csrf(guarded, "/sign-in")
    wrong = guarded.post("/sign-in", data={"token": "guess guess guess", "csrf": token})
    assert wrong.status_code == 403
    assert "That token is not right" in wrong.text
    forged = guarded.post("/sign-in", data={"token": TOKEN}, follow_redirects=False)
    assert forged.status_code == 403
    assert SESSION_COOKIE not in guarded.cookies
    assert guarded.get("/", follow_redirects=False).status_code == 303


def test_signing_in_sets_a_strict_http_only_session(guarded: TestClient) -> None:
    response = guarded.post("/sign-in",
                            data={"token": TOKEN, "csrf": csrf(guarded, "/sign-in")},
                            follow_redirects=False)
    assert response.status_code == 303
    cookie = next(header for header in response.headers.get_list("set-cookie")
                  if header.startswith(SESSION_COOKIE + "="))
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "samesite=strict" in cookie.lower()
    page = guarded.get("/")
    assert page.status_code == 200
    assert "Sign out" in page.text
    _assert_secured(page)

    # The session belongs to its visit: copied into another browser it is worth nothing.
    stolen = guarded.cookies[SESSION_COOKIE]
    with TestClient(guarded.app) as other:
        other.cookies.set(SESSION_COOKIE, stolen)
        assert other.get("/", follow_redirects=False).status_code == 303

    out = guarded.post("/sign-out", data={"csrf": csrf(guarded)}, follow_redirects=False)
    assert out.status_code == 303
    assert guarded.get("/", follow_redirects=False).status_code == 303


# ----- CSRF, Host, headers, methods ------------------------------------------------------------


def test_every_form_without_its_csrf_token_is_refused(client: TestClient,
                                                      tiny_workbook: Path) -> None:
    files = {"file": ("tiny.xlsx", tiny_workbook.read_bytes())}
    for data in ({}, {"csrf": "0" * 32}):
        refused = client.post("/upload", files=files, data=data, follow_redirects=False)
        assert refused.status_code == 403
        assert "did not come from this planner" in refused.text
        _assert_secured(refused)
    accepted = client.post("/upload", files=files, data={"csrf": csrf(client)},
                           follow_redirects=False)
    assert accepted.status_code == 303
    job_url = accepted.headers["location"]
    for action in ("/cancel", "/again"):
        assert client.post(job_url + action, data={"time_limit": "5"}).status_code == 403
    assert client.get(job_url + "/status").json()["cancel_requested"] is False
    # A form from another site comes without our cookies (SameSite=Strict): refused too.
    with TestClient(client.app) as stranger:
        forged = stranger.post("/upload", files=files, data={"csrf": csrf(client)},
                               follow_redirects=False)
        assert forged.status_code == 403


def test_the_pages_answer_only_to_their_own_host_names(client: TestClient) -> None:
    assert client.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200
    rebound = client.get("/", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400
    assert "does not answer to that address" in rebound.text
    _assert_secured(rebound)


def test_security_headers_on_every_response(client: TestClient, tmp_path: Path) -> None:
    responses = [
        client.get("/"), client.head("/"), client.get("/static/app.css"),
        client.get("/palette.css"), client.get("/nowhere"),
        client.get("/jobs/" + "0" * 32 + "/status"), client.put("/"),
        client.get("/?" + "q=" * 2000), client.get("/sign-in", follow_redirects=False),
    ]
    assert [response.status_code for response in responses] == [
        200, 200, 200, 200, 404, 404, 405, 414, 303]
    for response in responses:
        _assert_secured(response)


def test_head_is_answered_on_get_pages_and_405_says_what_is_allowed(
        client: TestClient) -> None:
    head = client.head("/")
    assert head.status_code == 200
    assert head.content == b""
    assert client.head("/palette.css").status_code == 200
    put = client.put("/")
    assert put.status_code == 405
    assert "GET" in put.headers["allow"]
    assert client.get("/upload").headers["allow"] == "POST"


def test_the_visit_cookie_is_strict_and_http_only(client: TestClient) -> None:
    response = client.get("/")
    cookie = next(header for header in response.headers.get_list("set-cookie")
                  if header.startswith(VISIT_COOKIE + "="))
    assert "HttpOnly" in cookie
    assert "samesite=strict" in cookie.lower()
    assert client.get("/").headers.get("set-cookie") is None  # given once
