"""Producer wording of availability windows, constraint rows and scenes without a day."""

from __future__ import annotations

from datetime import date

from scheduler.data import Availability, ConstraintKind, SceneConstraint
from scheduler.wording import describe_availability, describe_constraint


def test_availability_reads_as_a_window_and_the_first_dates_off() -> None:
    """Tests the window's open ends and the count of dates off not shown."""
    days_off = tuple(date(2026, 3, day) for day in range(2, 8))
    assert describe_availability(Availability()) == "always available"
    assert describe_availability(Availability(available_to=date(2026, 3, 6))) == (
        "available start to 6 Mar 2026")
    assert describe_availability(Availability(unavailable=days_off)) == (
        "not on 2 Mar 2026, 3 Mar 2026, 4 Mar 2026, 5 Mar 2026 and 2 more")


def test_constraint_rows_read_as_sentences() -> None:
    """Tests ``before`` with one and several later scenes, and ``not_on`` with its dates."""
    before = SceneConstraint(kind=ConstraintKind.BEFORE, scenes=("4", "5"))
    assert describe_constraint(before) == "scene 4 before scene 5"
    several = SceneConstraint(kind=ConstraintKind.BEFORE, scenes=("4", "5", "6"))
    assert describe_constraint(several) == "scene 4 before scenes 5, 6"
    not_on = SceneConstraint(kind=ConstraintKind.NOT_ON, scenes=("7",),
                             dates=(date(2026, 3, 3),))
    assert describe_constraint(not_on) == "scenes 7 not on 3 Mar 2026"
