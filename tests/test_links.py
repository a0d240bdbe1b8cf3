"""Scene constraint rows as links between scenes."""

from __future__ import annotations

from scheduler.data import ConstraintKind
from scheduler.links import offset_links
from tests.helpers.productions import production, scene


def test_rows_fix_offsets_between_neighbours() -> None:
    """Tests that same_day links neighbours at 0 days, consecutive at the first one's days, and
    that other rows fix no offset."""
    prod = production([scene("1"), scene("2", hours=30), scene("3")], max_shoot_days=6)
    ids = ("1", "2", "3")
    assert list(offset_links(prod, ConstraintKind.SAME_DAY, ids)) == [("1", "2", 0), ("2", "3", 0)]
    assert list(offset_links(prod, ConstraintKind.CONSECUTIVE, ids)) == [("1", "2", 1),
                                                                         ("2", "3", 3)]
    assert list(offset_links(prod, ConstraintKind.BEFORE, ids)) == []
