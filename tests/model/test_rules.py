"""Each hard rule in the model: kept in an optimal schedule, and named when it makes a production
infeasible.

Calendars start on Monday 2 Mar 2026 (Mon-Fri weeks), so shoot day 1 is 2 Mar, day 5 is Fri 6 Mar
and day 6 is Mon 9 Mar.  Infeasible cases are built so that ``Production.check()`` and the cheap
data checks pass and the explanation comes from the model, unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduler.data import Availability, ConstraintKind, Production
from scheduler.rules import Rule
from tests.helpers.productions import (
    actor,
    conflict_rules,
    conflict_scenes,
    conflict_subjects,
    place,
    production,
    resource,
    row,
    scene,
    solve_infeasible,
    solve_optimal,
)

MON, TUE, WED, THU, FRI = (date(2026, 3, d) for d in range(2, 7))
NEXT_MON = date(2026, 3, 9)


def test_every_scene_is_scheduled_once() -> None:
    """Tests that an optimal schedule places every scene on one of its days."""
    prod = production([scene("1"), scene("2"), scene("3")], max_shoot_days=2).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert set(result.solution.start_day) == {"1", "2", "3"}


def test_scene_without_a_day_is_explained_by_what_blocks_it() -> None:
    """Tests that a scene pinned to a date its actor is away is named with both causes (the data
    check refuses this too; here the solver explains it)."""
    prod = production([scene("1", cast=("A",), shoot_on=TUE), scene("2")], max_shoot_days=3,
                      cast=[actor("A", availability=Availability(unavailable=(TUE,)))])
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.PINNED_DATE, Rule.CAST_AVAILABILITY}
    assert conflict_scenes(result) == {"1"}
    assert "A" in conflict_subjects(result)


def test_multi_day_scene_is_shot_alone() -> None:
    """Tests that a 13-hour scene (two shoot days) shares neither of its days."""
    prod = production([scene("1", hours=13), scene("2"), scene("3")], max_shoot_days=3).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    long_days = {result.solution.start_day["1"], result.solution.start_day["1"] + 1}
    assert result.solution.start_day["2"] not in long_days
    assert result.solution.start_day["3"] not in long_days


def test_multi_day_scene_sharing_a_pinned_day_is_infeasible() -> None:
    """Tests that a long scene pinned over day 2 and a scene pinned to day 2 conflict."""
    prod = production([scene("1", hours=13, shoot_on=MON), scene("2", shoot_on=TUE)],
                      max_shoot_days=3).check()
    result = solve_infeasible(prod)
    assert Rule.MULTI_DAY_ALONE in conflict_rules(result)
    assert conflict_scenes(result) >= {"1", "2"}


def test_calendar_end_is_kept() -> None:
    """Tests that scenes that exactly fill the calendar all fit in it."""
    prod = production([scene(str(i), hours=10) for i in range(1, 4)], max_shoot_days=3).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert sorted(result.solution.start_day.values()) == [1, 2, 3]


def test_more_scene_days_than_the_calendar_is_caught_before_the_solver() -> None:
    """Tests the capacity data check: 4 scenes of 10 h need 4 days, the calendar has 3."""
    prod = production([scene(str(i), hours=10) for i in range(1, 5)], max_shoot_days=3).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.CALENDAR_END}
    assert "at least 4 shoot days" in result.conflicts[0].message


def test_day_hours_split_long_scenes_over_days() -> None:
    """Tests that a 7 h and a 6 h scene (13 h > 12 h) go on different days."""
    prod = production([scene("1", hours=7), scene("2", hours=6)], max_shoot_days=2).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] != result.solution.start_day["2"]


def test_day_hours_over_the_cap_on_a_forced_day_is_infeasible() -> None:
    """Tests that two scenes on the same day (a Constraints row) over 12 h name the day hours."""
    prod = production([scene("1", hours=7), scene("2", hours=6)], max_shoot_days=2,
                      constraints=[row(ConstraintKind.SAME_DAY, "1", "2")]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.DAY_HOURS, Rule.SAME_DAY}
    assert conflict_scenes(result) == {"1", "2"}


def test_moves_count_in_the_day_hours() -> None:
    """Tests that 11 h of scenes at two locations need 12 h with the move: allowed, 12.5 h not."""
    fits = production([scene("1", hours=6, location="A"), scene("2", hours=5, location="B")],
                      locations=[place("A"), place("B")], max_shoot_days=1).check()
    solve_optimal(fits)
    over = production([scene("1", hours=6, location="A"), scene("2", hours=5.5, location="B")],
                      locations=[place("A"), place("B")], max_shoot_days=1).check()
    result = solve_infeasible(over)
    assert Rule.DAY_HOURS in conflict_rules(result)


def _two_long_scenes_needing(kind: str, window: Availability) -> Production:
    """Two 7 h scenes that both need resource ``X`` (a cast member, location, crew member or
    piece of equipment) with availability ``window``."""
    fields: dict[str, Any] = {
        "cast": {"cast": ("X",)}, "location": {"location": "X"},
        "crew": {"crew": ("X",)}, "equipment": {"equipment": ("X",)},
    }[kind]
    entity: dict[str, Any] = {
        "cast": {"cast": [actor("X", availability=window)]},
        "location": {"locations": [place("X", availability=window)]},
        "crew": {"crew": [resource("X", availability=window)]},
        "equipment": {"equipment": [resource("X", availability=window)]},
    }[kind]
    return production([scene("1", hours=7, **fields), scene("2", hours=7, **fields)],
                      max_shoot_days=3, **entity).check()


AVAILABILITY_CASES = [
    ("cast", Rule.CAST_AVAILABILITY),
    ("location", Rule.LOCATION_AVAILABILITY),
    ("crew", Rule.CREW_AVAILABILITY),
    ("equipment", Rule.EQUIPMENT_AVAILABILITY),
]


def test_availability_is_kept_for_every_kind_of_resource() -> None:
    """Tests that cast, locations, crew and equipment unavailable on Monday keep scenes off it."""
    for kind, _ in AVAILABILITY_CASES:
        result = solve_optimal(_two_long_scenes_needing(kind, Availability(unavailable=(MON,))))
        assert result.solution is not None
        assert 1 not in result.solution.start_day.values(), kind


def test_availability_of_one_day_for_two_long_scenes_is_infeasible() -> None:
    """Tests that a resource available on one day only, needed by two 7 h scenes, is named with
    both scenes and the day hours, in producer words."""
    for kind, rule in AVAILABILITY_CASES:
        window = Availability(available_from=TUE, available_to=TUE)
        result = solve_infeasible(_two_long_scenes_needing(kind, window))
        assert conflict_rules(result) == {rule, Rule.DAY_HOURS}, kind
        assert conflict_scenes(result) == {"1", "2"}, kind
        assert conflict_subjects(result) == {"X"}, kind
        messages = " ".join(c.message for c in result.conflicts)
        assert "available 3 Mar 2026 to 3 Mar 2026" in messages, kind


def test_every_day_crew_blocks_their_days_off() -> None:
    """Tests that nothing is shot on a date an every-day crew member is away."""
    prod = production([scene("1"), scene("2")], max_shoot_days=3,
                      crew=[resource("DP", every_day=True,
                                     availability=Availability(unavailable=(MON,)))]).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert 1 not in result.solution.start_day.values()


def test_every_day_crew_away_leaves_too_few_days() -> None:
    """Tests that an every-day crew member available one day, for two 7 h scenes, is named."""
    prod = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=3,
                      crew=[resource("DP", every_day=True,
                                     availability=Availability(available_to=MON))]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.EVERY_DAY_CREW, Rule.DAY_HOURS}
    assert "DP" in conflict_subjects(result)


def test_scene_window_is_kept() -> None:
    """Tests that a scene is shot within its earliest and latest dates."""
    prod = production([scene("1", earliest=WED, latest=THU), scene("2")], max_shoot_days=5,
                      crew_day_cost=100).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] in (3, 4)


def test_scene_windows_too_narrow_for_two_long_scenes() -> None:
    """Tests that two 7 h scenes whose windows are the same single day are named."""
    prod = production([scene("1", hours=7, earliest=TUE, latest=TUE),
                       scene("2", hours=7, earliest=TUE, latest=TUE)], max_shoot_days=3).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.SCENE_WINDOW, Rule.DAY_HOURS}
    assert conflict_scenes(result) == {"1", "2"}


def test_pinned_scene_is_shot_on_its_date() -> None:
    """Tests that a pinned scene starts on its date."""
    prod = production([scene("1", shoot_on=WED), scene("2")], max_shoot_days=5).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] == 3


def test_two_long_scenes_pinned_to_one_day_are_infeasible() -> None:
    """Tests that two 7 h scenes pinned to the same date are named with their pins."""
    prod = production([scene("1", hours=7, shoot_on=TUE), scene("2", hours=7, shoot_on=TUE)],
                      max_shoot_days=3).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.PINNED_DATE, Rule.DAY_HOURS}
    assert any("pinned to 3 Mar 2026" in c.message for c in result.conflicts)


def test_before_is_kept() -> None:
    """Tests that the first listed scene finishes before the others start."""
    prod = production([scene("1", hours=13), scene("2"), scene("3")], max_shoot_days=4,
                      constraints=[row(ConstraintKind.BEFORE, "2", "1", "3")]).check()
    result = solve_optimal(prod)
    start = result.solution.start_day if result.solution else {}
    assert start["2"] < start["1"] and start["2"] < start["3"]


def test_before_a_night_then_day_on_consecutive_dates_is_infeasible() -> None:
    """Tests a conflict no data check sees: a NIGHT scene before a DAY scene in a two-day
    calendar of consecutive dates breaks the night turnaround."""
    prod = production([scene("1", day_night="NIGHT"), scene("2")], max_shoot_days=2,
                      constraints=[row(ConstraintKind.BEFORE, "1", "2")]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.BEFORE, Rule.NIGHT_TURNAROUND}
    assert conflict_scenes(result) == {"1", "2"}


def test_before_cycle_is_caught_by_the_chain_check() -> None:
    """Tests that two rows ordering two scenes both ways are named by the data check."""
    prod = production([scene("1"), scene("2")], max_shoot_days=5,
                      constraints=[row(ConstraintKind.BEFORE, "1", "2"),
                                   row(ConstraintKind.BEFORE, "2", "1")]).check()
    result = solve_infeasible(prod)
    assert Rule.BEFORE in conflict_rules(result)
    assert conflict_scenes(result) >= {"1", "2"}


def test_same_day_is_kept() -> None:
    """Tests that scenes listed as same_day share a day even when crew days would split them."""
    prod = production([scene("1", hours=5), scene("2", hours=5), scene("3", hours=5)],
                      max_shoot_days=3,
                      constraints=[row(ConstraintKind.SAME_DAY, "1", "3")]).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] == result.solution.start_day["3"]


def test_different_day_is_kept() -> None:
    """Tests that scenes listed as different_day are apart although one day would hold both."""
    prod = production([scene("1"), scene("2")], max_shoot_days=3, crew_day_cost=1000,
                      constraints=[row(ConstraintKind.DIFFERENT_DAY, "1", "2")]).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] != result.solution.start_day["2"]


def test_different_day_in_a_one_day_calendar_is_infeasible() -> None:
    """Tests that two scenes that must be apart in a one-day calendar name the row."""
    prod = production([scene("1"), scene("2")], max_shoot_days=1,
                      constraints=[row(ConstraintKind.DIFFERENT_DAY, "1", "2")]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.DIFFERENT_DAY}
    assert conflict_scenes(result) == {"1", "2"}


def test_consecutive_is_kept() -> None:
    """Tests that each listed scene starts the shoot day after the previous one ends."""
    prod = production([scene("1", hours=13), scene("2"), scene("3")], max_shoot_days=5,
                      constraints=[row(ConstraintKind.CONSECUTIVE, "1", "2")]).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["2"] == result.solution.start_day["1"] + 2


def test_consecutive_across_a_hole_in_availability_is_infeasible() -> None:
    """Tests a conflict that start-day bounds cannot see: scene 1's location is free on Monday
    only and scene 2's actor is away on Tuesday, the only day after it."""
    prod = production(
        [scene("1", location="L"), scene("2", cast=("A",))], max_shoot_days=3,
        locations=[place("L", availability=Availability(available_to=MON))],
        cast=[actor("A", availability=Availability(unavailable=(TUE,)))],
        constraints=[row(ConstraintKind.CONSECUTIVE, "1", "2")],
    ).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.CONSECUTIVE, Rule.LOCATION_AVAILABILITY,
                                      Rule.CAST_AVAILABILITY}
    assert conflict_subjects(result) == {"L", "A"}


def test_not_on_is_kept() -> None:
    """Tests that a scene is not shot on a listed date, even though that date is cheapest."""
    prod = production([scene("1")], max_shoot_days=3, crew_day_cost=100,
                      constraints=[row(ConstraintKind.NOT_ON, "1", dates=(MON,))]).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] == 2


def test_not_on_leaving_one_day_for_two_long_scenes_is_infeasible() -> None:
    """Tests that a not_on row that leaves two 7 h scenes one day is named."""
    prod = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=2,
                      constraints=[row(ConstraintKind.NOT_ON, "1", "2", dates=(TUE,))]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.NOT_ON, Rule.DAY_HOURS}


def test_max_locations_per_day_is_kept() -> None:
    """Tests that three short scenes at three locations use at most two locations a day."""
    prod = production([scene(str(i), location=loc) for i, loc in enumerate("ABC", start=1)],
                      locations=[place(loc) for loc in "ABC"], max_shoot_days=2,
                      crew_day_cost=1000).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert sorted(result.solution.start_day.values()).count(1) <= 2


def test_max_locations_with_same_day_locations_is_infeasible() -> None:
    """Tests that same-day scenes at two locations, with one location a day, are named."""
    prod = production([scene("1", location="A"), scene("2", location="B")],
                      locations=[place("A"), place("B")], max_shoot_days=2,
                      max_locations_per_day=1,
                      constraints=[row(ConstraintKind.SAME_DAY, "1", "2")]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.MAX_LOCATIONS, Rule.SAME_DAY}


def test_zones_are_kept() -> None:
    """Tests that locations of different zones never share a day, although sharing is cheaper."""
    prod = production([scene("1", location="A"), scene("2", location="B")],
                      locations=[place("A", zone="north"), place("B", zone="south")],
                      max_shoot_days=2, crew_day_cost=1000).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] != result.solution.start_day["2"]


def test_zones_with_same_day_scenes_are_infeasible() -> None:
    """Tests that same-day scenes in two zones name the zones rule and the locations."""
    prod = production([scene("1", location="A"), scene("2", location="B")],
                      locations=[place("A", zone="north"), place("B", zone="south")],
                      max_shoot_days=2,
                      constraints=[row(ConstraintKind.SAME_DAY, "1", "2")]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.ZONES, Rule.SAME_DAY}
    assert conflict_subjects(result) >= {"A", "B"}


def test_split_days_are_kept() -> None:
    """Tests that a DAY and a NIGHT scene are not mixed, unless split days are allowed."""
    scenes = [scene("1"), scene("2", day_night="NIGHT")]
    apart = solve_optimal(production(scenes, max_shoot_days=3, crew_day_cost=100,
                                     night_turnaround=False).check())
    assert apart.solution is not None
    assert apart.solution.start_day["1"] != apart.solution.start_day["2"]
    mixed = solve_optimal(production(scenes, max_shoot_days=3, crew_day_cost=100,
                                     allow_split_days=True).check())
    assert mixed.solution is not None
    assert mixed.solution.start_day == {"1": 1, "2": 1}


def test_split_day_forced_by_same_day_is_infeasible() -> None:
    """Tests that same-day DAY and NIGHT scenes name the split-day rule."""
    prod = production([scene("1"), scene("2", day_night="NIGHT")], max_shoot_days=2,
                      constraints=[row(ConstraintKind.SAME_DAY, "1", "2")]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.SPLIT_DAY, Rule.SAME_DAY}


def test_night_turnaround_skips_to_a_later_date() -> None:
    """Tests that a night on Friday may be followed by a day on Monday, not on the next date."""
    prod = production([scene("1", day_night="NIGHT", shoot_on=FRI), scene("2", earliest=FRI)],
                      max_shoot_days=6, crew_day_cost=100).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["2"] == 6  # Monday 9 Mar, not Friday (split day)


def test_night_turnaround_on_next_dates_is_infeasible() -> None:
    """Tests that a night pinned on Monday and a day scene pinned on Tuesday are named."""
    prod = production([scene("1", day_night="NIGHT", shoot_on=MON), scene("2", shoot_on=TUE)],
                      max_shoot_days=2).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.NIGHT_TURNAROUND, Rule.PINNED_DATE}
    assert conflict_scenes(result) == {"1", "2"}


def test_dawn_and_dusk_once_a_day() -> None:
    """Tests that two DAWN scenes go on two days and a DAWN and a DUSK may share one."""
    prod = production([scene("1", day_night="DAWN"), scene("2", day_night="DAWN"),
                       scene("3", day_night="DUSK")], max_shoot_days=2,
                      crew_day_cost=100).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] != result.solution.start_day["2"]


def test_two_dawns_in_one_day_are_infeasible() -> None:
    """Tests that two DAWN scenes in a one-day calendar name the light rule and both scenes."""
    prod = production([scene("1", day_night="DAWN"), scene("2", day_night="DAWN")],
                      max_shoot_days=1).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.DAWN_DUSK}
    assert conflict_scenes(result) == {"1", "2"}
    assert "DAWN" in result.conflicts[0].message


def test_minor_in_a_night_scene_is_named() -> None:
    """Tests the model's own minor-night rule (the data check refuses it too)."""
    prod = production([scene("1", day_night="NIGHT", cast=("KID",)), scene("2")],
                      max_shoot_days=2, cast=[actor("KID", minor=True)])
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.MINOR_NIGHT}
    assert conflict_scenes(result) == {"1"} and conflict_subjects(result) == {"KID"}


def test_minor_day_scenes_are_fine() -> None:
    """Tests that a minor in day scenes is scheduled."""
    prod = production([scene("1", cast=("KID",)), scene("2", day_night="NIGHT")],
                      max_shoot_days=2, cast=[actor("KID", minor=True)]).check()
    solve_optimal(prod)


def test_minor_hours_spread_a_minors_scenes() -> None:
    """Tests that a minor limited to 5 h does two 3 h scenes on two days."""
    prod = production([scene("1", hours=3, cast=("KID",)), scene("2", hours=3, cast=("KID",))],
                      max_shoot_days=2, crew_day_cost=1000,
                      cast=[actor("KID", minor=True, max_minutes=300)]).check()
    result = solve_optimal(prod)
    assert result.solution is not None
    assert result.solution.start_day["1"] != result.solution.start_day["2"]


def test_minor_hours_in_one_day_are_infeasible() -> None:
    """Tests that a minor limited to 5 h with 6 h of scenes in a one-day calendar is named."""
    prod = production([scene("1", hours=3, cast=("KID",)), scene("2", hours=3, cast=("KID",))],
                      max_shoot_days=1, cast=[actor("KID", minor=True, max_minutes=300)]).check()
    result = solve_infeasible(prod)
    assert conflict_rules(result) == {Rule.MINOR_HOURS}
    assert conflict_subjects(result) == {"KID"}
    assert "at most 5 h a day" in result.conflicts[0].message


def test_budget_above_the_optimum_changes_nothing() -> None:
    """Tests that a budget at the optimal cost keeps the same optimum."""
    scenes = [scene("1", hours=7), scene("2", hours=7)]
    free = solve_optimal(production(scenes, max_shoot_days=2, crew_day_cost=100).check())
    # two days of crew at 100: 200 currency units
    assert free.objective == 200 * 60
    capped = solve_optimal(production(scenes, max_shoot_days=2, crew_day_cost=100,
                                      budget=200).check())
    assert capped.objective == free.objective


def test_budget_below_the_cheapest_schedule_is_infeasible() -> None:
    """Tests that a budget under the cheapest schedule (two crew days) names the budget."""
    prod = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=2,
                      crew_day_cost=100, budget=199).check()
    result = solve_infeasible(prod)
    assert Rule.BUDGET in conflict_rules(result)
    assert any("budget of 199 USD" in c.message for c in result.conflicts)
