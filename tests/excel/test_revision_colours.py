"""The ``revision_colours`` setting: a shop's own order of revision colours, read like every
Production field, checked and located; absent, the WGA's order."""

from __future__ import annotations

from pathlib import Path

from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.reader import read_workbook
from scheduler.revision import WGA_COLOURS, colour_order_problems
from tests.excel.test_reader import minimal_rows, problems_of
from tests.helpers.workbooks import write_rows


def test_a_shop_order_is_read_and_written_back(tmp_path: Path) -> None:
    """Tests a comma list (a synonym header, extra spaces) read as the order, and the
    breakdown writer writing it back to the same production."""
    rows = minimal_rows(**{"revision colors": "White,  Lavender ; Light Blue"})
    production = read_workbook(write_rows(tmp_path / "w.xlsx", rows))
    assert production.settings.revision_colours == ("White", "Lavender", "Light Blue")
    assert production.settings.revision_order == ("White", "Lavender", "Light Blue")
    again = read_workbook(write_breakdown(production, tmp_path / "again.xlsx"))
    assert again.settings.revision_colours == production.settings.revision_colours


def test_without_the_setting_the_order_is_the_wga_one(tmp_path: Path) -> None:
    production = read_workbook(write_rows(tmp_path / "w.xlsx", minimal_rows()))
    assert production.settings.revision_colours == ()
    assert production.settings.revision_order == WGA_COLOURS


def test_a_bad_order_is_located_with_every_problem(tmp_path: Path) -> None:
    """Tests a colour named twice, a round's word, a formula and a number: one located
    problem at the setting's cell, naming each of them."""
    rows = minimal_rows(revision_colours="White, Blue, white, Double Pink, =cmd(), 42")
    problems = problems_of(write_rows(tmp_path / "w.xlsx", rows))
    assert set(problems) == {"Production!B3"}
    message = problems["Production!B3"]
    for part in ('"white" is named twice', '"Double Pink" starts with a round', '"=cmd()" is '
                 "not a colour name", '"42" is not a colour name'):
        assert part in message


def test_colour_order_problems() -> None:
    """Tests the rule on its own: the WGA order is fine, an empty or overlong one is not."""
    assert colour_order_problems(WGA_COLOURS) == []
    assert colour_order_problems(("Blue-Green", "Rose's Pink")) == []
    assert colour_order_problems(()) != []
    assert colour_order_problems(tuple(f"={n}" for n in range(5000))) == [
        "5000 colours; a colour order has at most 30"]
    assert colour_order_problems(("A" * 41,)) != []
