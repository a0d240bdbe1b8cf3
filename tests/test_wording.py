"""Producer wording of availability windows, constraint rows and scenes without a day."""

from __future__ import annotations

from datetime import date

from scheduler.data import Availability, ConstraintKind, SceneConstraint
from scheduler.wording import describe_availability, describe_constraint, unavailable_stretch


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


def test_an_unavailable_stretch_reads_from_its_first_date_to_its_last() -> None:
    """Tests ``unavailable_stretch`` on Mon-Fri shoot dates 2-6 Mar 2026: one date, a run
    found from a date inside it, and a run through the last date (to the end date)."""
    dates = [date(2026, 3, day) for day in range(2, 7)]
    one = Availability(unavailable=(date(2026, 3, 4),))
    assert unavailable_stretch(dates, one, date(2026, 3, 4)) == "unavailable on 4 Mar 2026"
    run = Availability(unavailable=(date(2026, 3, 3), date(2026, 3, 4)))
    assert unavailable_stretch(dates, run, date(2026, 3, 4)) == (
        "unavailable from 3 Mar 2026 to 4 Mar 2026")
    to_end = Availability(available_to=date(2026, 3, 3))
    assert unavailable_stretch(dates, to_end, date(2026, 3, 5)) == (
        "unavailable from 4 Mar 2026 to the end date")
