"""The report facts of a re-plan: changed scenes in board order, costs, call lists, Summary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from scheduler.report import change_costs, change_rows, date_runs_text, summary_fields
from tests.helpers.reports import BLUE, report_production, sample_changes, sample_result


def test_change_rows_by_old_date_new_scenes_last() -> None:
    """Tests the order (old date, then new date; scenes with no old date last by new date) and
    the sets from the edited breakdown (none for a scene it no longer has)."""
    rows = change_rows(report_production(), sample_changes())
    assert [(row.scene, row.set_name, row.kind) for row in rows] == [
        ("9", "DINER", "unfrozen"), ("8", "DINER PARKING", "moved"), ("15", "", "cut"),
        ("13", "DINER", "moved"), ("6", "DINER", "new part"), ("16", "", "added")]
    assert rows[2].before == date(2026, 3, 11) and rows[2].after is None


def test_change_costs_and_their_differences() -> None:
    """Tests the costs in money and the two prices, and their absence when a plan is."""
    costs = change_costs(sample_changes())
    assert (costs.current, costs.revised, costs.from_scratch) == (
        Decimal("52000.00"), Decimal("52450.50"), Decimal("51900.00"))
    assert costs.price_of_changes == Decimal("450.50")
    assert costs.price_of_stability == Decimal("550.50")
    missing = change_costs(sample_changes(current_valid=False, from_scratch=False))
    assert missing.price_of_changes is None and missing.price_of_stability is None


def test_date_runs_text() -> None:
    """Tests consecutive dates as ranges, across a month end, unordered and repeated input."""
    dates = [date(2026, 4, 1), date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 3),
             date(2026, 4, 1)]
    assert date_runs_text(dates) == "Mon 30 Mar 2026 – Wed 1 Apr 2026, Fri 3 Apr 2026"
    assert date_runs_text([]) == ""


def test_summary_fields_of_a_revision() -> None:
    """Tests the revision after the status, the re-plan's fields at the end, the revision of
    the changes when none is given, and no new field for a first schedule."""
    prod = report_production()
    result = sample_result(prod)
    plain = summary_fields(prod, result)
    revised = summary_fields(prod, result, changes=sample_changes())
    assert revised[:4] == [("title", "The Long Night"), ("status", "feasible"),
                           ("revision", "Blue"), ("revision_date", date(2026, 3, 6))]
    assert revised[4:-3] == plain[2:]
    assert revised[-3:] == [("replanned_from", date(2026, 3, 9)), ("scenes_changed", 6),
                            ("scenes_moved", 3)]
    assert summary_fields(prod, result, revision=BLUE) == revised[:-3]
