"""Fixtures of the web tests: an app on a private work folder and its test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from scheduler.web import create_app
from tests.helpers.web import web_settings, write_infeasible_workbook, write_tiny_workbook


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings(tmp_path))) as test_client:
        yield test_client


@pytest.fixture
def tiny_workbook(tmp_path: Path) -> Path:
    return write_tiny_workbook(tmp_path / "tiny.xlsx")


@pytest.fixture
def infeasible_workbook(tmp_path: Path) -> Path:
    return write_infeasible_workbook(tmp_path / "clash.xlsx")
