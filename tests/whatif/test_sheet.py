"""The Scenarios sheet: every kind of change read, every problem located and reported at once,
the blank template read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scheduler.errors import InputError
from scheduler.subjects import EntityKind
from scheduler.whatif import ChangeKind, Effect, read_scenarios, write_scenarios_template
from tests.helpers.whatif import whatif_production
from tests.helpers.workbooks import write_rows

BASE = whatif_production()
HEADER = ("scenario", "change", "id", "value")


def sheet(tmp_path: Path, *rows: tuple[object, ...], title: str = "Scenarios") -> Path:
    return write_rows(tmp_path / "scenarios.xlsx", {title: [HEADER, *rows]})


def test_every_kind_of_change_is_read_and_rows_of_one_name_combine(tmp_path: Path) -> None:
    path = sheet(tmp_path,
                 ("early", "available", "Actor 1", "2026-03-02.."),
                 ("early", "rate", "1", "$450"),
                 ("away", "unavailable", "cast:2", "2026-03-09..2026-03-10"),
                 ("back", "available_on", "2", "2026-03-05"),
                 ("open", "free", "L2", None),
                 ("short", "cut", "4, 6", None),
                 ("pinned", "pin", 4, date(2026, 3, 9)),
                 ("loose", "unpin", "5", None),
                 ("no order", "drop", "before", "3, 6"),
                 ("six days", "setting", "work week", "Mon-Sat"),
                 ("longer", "setting", "max_day_hours", "13"))
    scenarios = {item.name: item for item in read_scenarios(path, BASE)}
    assert list(scenarios) == ["early", "away", "back", "open", "short", "pinned", "loose",
                               "no order", "six days", "longer"]
    window, rate = scenarios["early"].changes
    assert (window.kind, window.target, window.entity) == (ChangeKind.AVAILABLE, "1",
                                                           EntityKind.CAST)
    assert window.window == (date(2026, 3, 2), None)
    assert rate.amount == 450 and scenarios["early"].effect is Effect.RELAXING
    assert scenarios["away"].changes[0].dates == (date(2026, 3, 9), date(2026, 3, 10))
    assert scenarios["away"].effect is Effect.RESTRICTING
    assert scenarios["short"].changes[0].scenes == ("4", "6")
    assert scenarios["pinned"].changes[0].dates == (date(2026, 3, 9),)
    assert scenarios["six days"].changes[0].value == (0, 1, 2, 3, 4, 5)
    assert scenarios["longer"].changes[0].value == 13 * 60
    assert scenarios["longer"].changes[0].where == "Scenarios!B12"


def test_every_problem_is_located_and_reported_at_once(tmp_path: Path) -> None:
    path = sheet(tmp_path,
                 ("a", "avail", "1", "x"),
                 ("b", "available", "nobody", "2026-03-09..2026-03-01"),
                 (None, "cut", "99", None),
                 ("base", "pin", "3", "not a date"),
                 ("c", "setting", "colour", "blue"),
                 ("d", "setting", "max_day_hours", "-3"),
                 ("e", "rate", "L1", None),
                 ("f", "drop", "before", "6, 3"))
    with pytest.raises(InputError) as raised:
        read_scenarios(path, BASE)
    where = [problem.where for problem in raised.value.problems]
    assert where == ["Scenarios!B2", "Scenarios!C3", "Scenarios!D3", "Scenarios!A4",
                     "Scenarios!C4", "Scenarios!A5", "Scenarios!D5", "Scenarios!C6",
                     "Scenarios!D7", "Scenarios!D8", "Scenarios!C9"]
    text = "\n".join(str(problem) for problem in raised.value.problems)
    assert 'change "avail" is not understood' in text
    assert "scene 99 not on the Scenes sheet" in text


def test_an_id_two_kinds_share_must_say_which(tmp_path: Path) -> None:
    both = BASE.model_copy(update={"crew": (*BASE.crew, BASE.crew[0].model_copy(
        update={"id": "1"}))})
    with pytest.raises(InputError) as raised:
        read_scenarios(sheet(tmp_path, ("x", "free", "1", None)), both)
    assert "cast:1 and crew:1" in str(raised.value)
    assert read_scenarios(sheet(tmp_path, ("x", "free", "crew:1", None)),
                          both)[0].changes[0].entity is EntityKind.CREW


def test_a_workbook_without_the_sheet_or_rows_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="sheet Scenarios is missing"):
        read_scenarios(sheet(tmp_path, ("a", "cut", "1", None), title="Other"), BASE)
    with pytest.raises(InputError, match="no scenarios"):
        read_scenarios(sheet(tmp_path), BASE)


def test_the_template_is_an_annotated_blank_the_reader_takes(tmp_path: Path) -> None:
    path = write_scenarios_template(tmp_path / "blank.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Scenarios", "Help"]
    headers = [cell.value for cell in workbook["Scenarios"][1]]
    assert headers == list(HEADER)
    assert workbook["Scenarios"]["B1"].comment is not None
    help_kinds = [row[0] for row in workbook["Help"].iter_rows(min_row=2, values_only=True)]
    assert help_kinds == [kind.value for kind in ChangeKind]
    workbook["Scenarios"].append(("lose L2", "unavailable", "L2", "2026-03-02..2026-03-04"))
    workbook.save(path)
    [read] = read_scenarios(path, BASE)
    assert read.effect is Effect.RESTRICTING
