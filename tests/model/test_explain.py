"""Explanations of infeasibility: cheap data checks first, then a short core in producer words."""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduler.data import Availability, CastMember, ConstraintKind, Location
from scheduler.model import data_conflicts, explain
from scheduler.rules import Rule
from tests.helpers.productions import actor, place, production, resource, row, scene

MON, TUE, WED = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)


def test_feasible_production_has_nothing_to_explain() -> None:
    """Tests that explain finds no conflict when a valid schedule exists."""
    prod = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=2).check()
    assert explain(prod) == []


def test_scene_needing_people_and_places_with_no_common_day() -> None:
    """Tests the producer wording: scene 42 needs MARY (Tue-Sat) at THE MILL (the next
    Tue-Thu), so it has no day; both windows are quoted."""
    mary = CastMember(id="MARY", name="MARY",
                      availability=Availability(available_from=date(2026, 3, 3),
                                                available_to=date(2026, 3, 7)))
    mill = Location(id="MILL", name="THE MILL",
                    availability=Availability(available_from=date(2026, 3, 10),
                                              available_to=date(2026, 3, 12)))
    prod = production([scene("42", cast=("MARY",), location="MILL"), scene("43")],
                      cast=[mary], locations=[mill], max_shoot_days=10)
    conflicts = explain(prod)
    messages = {c.rule: c.message for c in conflicts}
    assert set(messages) == {Rule.CAST_AVAILABILITY, Rule.LOCATION_AVAILABILITY}
    assert messages[Rule.CAST_AVAILABILITY] == (
        "Scene 42 needs MARY (available 3 Mar 2026 to 7 Mar 2026)")
    assert messages[Rule.LOCATION_AVAILABILITY] == (
        "Scene 42 is at THE MILL (available 10 Mar 2026 to 12 Mar 2026)")
    assert all(c.scenes == ("42",) for c in conflicts)


def test_core_leaves_out_what_is_not_involved() -> None:
    """Tests that the core is short: three 5 h scenes pinned to one day (15 h > 12 h) are named,
    a fourth pinned scene and twenty free ones are not, and every pin is needed."""
    scenes = [scene(str(i), hours=5, shoot_on=TUE) for i in (1, 2, 3)]
    scenes += [scene("4", shoot_on=WED)] + [scene(f"x{i}", hours=1) for i in range(20)]
    prod = production(scenes, max_shoot_days=6).check()
    conflicts = explain(prod)
    assert sorted(c.rule for c in conflicts) == sorted(
        [Rule.DAY_HOURS, Rule.PINNED_DATE, Rule.PINNED_DATE, Rule.PINNED_DATE])
    assert {s for c in conflicts for s in c.scenes} == {"1", "2", "3"}
    day_hours = next(c for c in conflicts if c.rule is Rule.DAY_HOURS)
    assert day_hours.message.endswith("(day 2 (Tue 3 Mar 2026))")


def test_capacity_is_checked_before_any_solver() -> None:
    """Tests the counting check: two 2-day scenes and 12 h of other scenes need 5 days, and the
    calendar has 4."""
    prod = production([scene("1", hours=20), scene("2", hours=20), scene("3", hours=6),
                       scene("4", hours=6)], max_shoot_days=4).check()
    conflicts = data_conflicts(prod)
    assert [c.rule for c in conflicts] == [Rule.CALENDAR_END]
    assert "at least 5 shoot days" in conflicts[0].message
    assert "4 days of scenes longer than a day, each shot alone" in conflicts[0].message


def test_chain_of_rows_longer_than_the_windows() -> None:
    """Tests the chain check: 1 before 2, and 2 and 3 consecutive, need three days after
    scene 1's first possible day (Tue), but scene 3 is due by Wed."""
    prod = production(
        [scene("1", cast=("A",)), scene("2"), scene("3", latest=WED)], max_shoot_days=5,
        cast=[actor("A", availability=Availability(available_from=TUE))],
        constraints=[row(ConstraintKind.BEFORE, "1", "2"),
                     row(ConstraintKind.CONSECUTIVE, "2", "3")],
    ).check()
    conflicts = data_conflicts(prod)
    rules = [c.rule for c in conflicts]
    assert Rule.BEFORE in rules and Rule.CONSECUTIVE in rules
    assert Rule.CAST_AVAILABILITY in rules and Rule.SCENE_WINDOW in rules
    assert any("no later than 4 Mar 2026" in c.message for c in conflicts)


def test_explain_mode_allows_exactly_the_allowed_start_days() -> None:
    """Tests that in explain mode, with every rule on, a lone scene pinned to day t is feasible
    exactly when t is one of ``Production.allowed_start_days`` (availability, windows, not_on,
    every-day crew and the calendar's end, for a 2-day scene)."""
    away = Availability(unavailable=(date(2026, 3, 5),))
    base: dict[str, Any] = {
        "cast": [actor("A", availability=Availability(available_from=TUE))],
        "locations": [place("L", availability=away)],
        "crew": [resource("DP", every_day=True,
                          availability=Availability(unavailable=(date(2026, 3, 10),)))],
        "equipment": [resource("CRANE",
                               availability=Availability(available_to=date(2026, 3, 12)))],
        "max_shoot_days": 10,
    }
    fields: dict[str, Any] = {"hours": 13, "cast": ("A",), "location": "L",
                              "equipment": ("CRANE",), "latest": date(2026, 3, 13)}
    rows = [row(ConstraintKind.NOT_ON, "1", dates=(date(2026, 3, 11),))]
    free = production([scene("1", **fields)], constraints=rows, **base)
    allowed = set(free.allowed_start_days(free.scenes[0]))
    assert allowed and allowed != set(free.calendar.days)
    for day in free.calendar.days:
        pinned = production([scene("1", shoot_on=free.calendar.date_of(day), **fields)],
                            constraints=rows, **base)
        assert (explain(pinned) == []) == (day in allowed), day


def test_days_of_one_rule_are_grouped() -> None:
    """Tests that the same rule on several days reads as one conflict listing the days."""
    prod = production([scene(str(i), hours=7, earliest=MON, latest=WED) for i in range(1, 5)],
                      max_shoot_days=5).check()
    conflicts = explain(prod)
    day_hours = [c for c in conflicts if c.rule is Rule.DAY_HOURS]
    assert len(day_hours) == 1
    assert "days 1-3 (2 Mar 2026 to 4 Mar 2026)" in day_hours[0].message
    assert {c.rule for c in conflicts} == {Rule.DAY_HOURS, Rule.SCENE_WINDOW}
