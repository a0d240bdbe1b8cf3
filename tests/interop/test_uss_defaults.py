"""The defaults workbook: what USS lacks, matched to the file's entities by id or name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from scheduler.errors import InputError
from scheduler.interop.uss import read_uss
from scheduler.interop.uss.defaults import EVERY, Overrides, UssDefaults, read_defaults
from tests.helpers.uss import tiny_document, write_uss_file


def workbook(path: Path, sheets: dict[str, list[tuple[object, ...]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_rows_match_by_id_name_or_character_and_star_matches_all(tmp_path: Path) -> None:
    path = workbook(tmp_path / "d.xlsx", {
        "Cast": [("id", "daily_rate", "minor", "unavailable"), ("*", 800, None, None),
                 ("george", 2500, None, "2026-03-10"), ("3", None, "yes", None)],
        "Crew": [("id", "daily_rate", "billing"), ("stunt double", 650, "span")],
        "Production": [("Field", "Value"), ("overtime_cost_per_hour", 150),
                       ("holidays", "2026-03-09")],
    })
    defaults = read_defaults(path)
    assert defaults.cast.for_entity("1", "GEORGE")[0]["daily_rate"] == 2500
    production = read_uss(write_uss_file(tmp_path / "t.uss", tiny_document()), path)
    rates = {m.id: (m.daily_rate, m.minor) for m in production.cast}
    assert rates == {"1": (2500, False), "2": (800, False), "3": (800, True)}
    assert not production.cast_by_id["1"].availability.allows(date(2026, 3, 10))
    stunt = production.crew_by_id["Stunt Double"]
    assert (stunt.daily_rate, stunt.billing.value) == (650, "span")
    assert production.settings.overtime_cost_per_hour == 150
    assert production.calendar.day_of(production.settings.holidays[0]) is None


def test_problems_of_the_defaults_workbook_name_the_file_and_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path / "rates.xlsx", {
        "Cast": [("id", "daily_rate"), ("*", "a lot")],
        "Production": [("Field", "Value"), ("pages_per_day", "fast")],
    })
    with pytest.raises(InputError) as caught:
        read_defaults(path)
    assert {p.where for p in caught.value.problems} == {"rates.xlsx Cast!B2",
                                                        "rates.xlsx Production!B2"}


def test_defaults_in_code_are_what_the_benchmark_uses(tmp_path: Path) -> None:
    defaults = UssDefaults(settings={"pages_per_day_eighths": 20},
                           cast=Overrides(rows={EVERY: {"daily_rate": 1}}))
    production = read_uss(write_uss_file(tmp_path / "t.uss", tiny_document()), defaults)
    assert production.settings.pages_per_day_eighths == 20
    assert {m.daily_rate for m in production.cast} == {1}
    assert not any("pages_per_day" in n for n in production.notices if n.startswith("default"))
