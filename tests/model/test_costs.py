"""Each cost term of the model: the optimal cost of a micro-case, computed by hand.

Costs are in cost units: 60 per currency unit (``COST_SCALE``).  Calendars start on Monday
2 Mar 2026 with Mon-Fri weeks: day 5 is Fri 6 Mar, day 6 is Mon 9 Mar, day 9 is Thu 12 Mar,
day 15 is Fri 20 Mar.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.data import Billing, CastMember, ConstraintKind
from scheduler.model import ShootingModel
from scheduler.solution import Schedule, Solution
from scheduler.solve import canonical_order
from scheduler.validate import validate
from tests.helpers.productions import (
    COST_SCALE,
    actor,
    brute_force_cost,
    place,
    production,
    resource,
    row,
    scene,
    solve_optimal,
    tiny_productions,
)

MON = date(2026, 3, 2)
WED = date(2026, 3, 4)
NEXT_MON = date(2026, 3, 9)
THU_12 = date(2026, 3, 12)
FRI_20 = date(2026, 3, 20)


def test_crew_days_run_to_the_wrap_day() -> None:
    """Tests crew day cost and every-day crew: 15 h of scenes fit in 2 days (wrap day 2), so
    2 x (1000 + 300) = 2600."""
    prod = production([scene(str(i), hours=5) for i in (1, 2, 3)], max_shoot_days=3,
                      crew_day_cost=1000,
                      crew=[resource("DP", rate=300, every_day=True)]).check()
    result = solve_optimal(prod)
    assert result.objective == 2600 * COST_SCALE
    assert result.objective == brute_force_cost(prod)


def test_dark_days_before_the_wrap_are_paid() -> None:
    """Tests that a scene pinned to the second Monday makes the wrap day 6: 6 x 100 = 600 (the
    weekend is not a shoot day)."""
    prod = production([scene("1"), scene("2", shoot_on=NEXT_MON)], max_shoot_days=8,
                      crew_day_cost=100).check()
    assert solve_optimal(prod).objective == 600 * COST_SCALE


def test_overtime_is_cheaper_than_a_second_day() -> None:
    """Tests overtime by the minute: two 6 h scenes in one day run 60 min past the 11 h
    standard: 1000 + 90 = 1090 beats two crew days (2000)."""
    prod = production([scene("1", hours=6), scene("2", hours=6)], max_shoot_days=2,
                      crew_day_cost=1000, overtime_cost_per_hour=90).check()
    result = solve_optimal(prod)
    assert result.objective == 1090 * COST_SCALE
    assert result.objective == brute_force_cost(prod)


def test_dear_overtime_takes_a_second_day() -> None:
    """Tests that at 2000 an hour of overtime, two crew days (2000) beat one day plus an hour of
    overtime (3000)."""
    prod = production([scene("1", hours=6), scene("2", hours=6)], max_shoot_days=2,
                      crew_day_cost=1000, overtime_cost_per_hour=2000).check()
    assert solve_optimal(prod).objective == 2000 * COST_SCALE


def test_overtime_counts_move_minutes() -> None:
    """Tests that a 30-minute move makes 10.75 h of scenes at two locations an 11.25 h day:
    15 minutes of overtime at 120 an hour = 30, plus one move at 50."""
    prod = production([scene("1", hours=5.5, location="A"), scene("2", hours=5.25, location="B")],
                      locations=[place("A"), place("B")], max_shoot_days=1,
                      overtime_cost_per_hour=120, company_move_cost=50,
                      company_move_minutes=30).check()
    assert solve_optimal(prod).objective == (30 + 50) * COST_SCALE


def test_cast_holds_are_paid_between_work_days() -> None:
    """Tests cast holds: work on day 1 and on the second Monday (day 6): 6 paid shoot days at
    200 = 1200 (the weekend costs nothing)."""
    prod = production([scene("1", cast=("A",), shoot_on=MON),
                       scene("2", cast=("A",), shoot_on=NEXT_MON), scene("3")],
                      cast=[actor("A", rate=200)], max_shoot_days=8).check()
    assert solve_optimal(prod).objective == 1200 * COST_SCALE


def test_cast_scenes_are_grouped_to_save_holds() -> None:
    """Tests that the free scene of A goes right after the pinned one: two 7 h scenes cannot
    share a day, so A works days 1-2: 2 x 200 = 400."""
    prod = production([scene("1", hours=7, cast=("A",), shoot_on=MON),
                       scene("2", hours=7, cast=("A",))],
                      cast=[actor("A", rate=200)], max_shoot_days=4).check()
    result = solve_optimal(prod)
    assert result.objective == 400 * COST_SCALE
    assert result.objective == brute_force_cost(prod)


def test_legal_drop_saves_the_days_between() -> None:
    """Tests a legal drop: A works day 1, the free scene's day and day 15 (Fri 20 Mar); three
    7 h scenes cannot share days.  With the free scene next to either end, the gap is 16 or 17
    calendar days (> 10): A is paid 3 days x 100 = 300 instead of 15 days (1500)."""
    scenes = [scene("1", hours=7, cast=("A",), shoot_on=MON),
              scene("2", hours=7, cast=("A",)),
              scene("3", hours=7, cast=("A",), shoot_on=FRI_20)]
    dropped = production(scenes, cast=[actor("A", rate=100, drop_pickup=True)],
                         max_shoot_days=15).check()
    result = solve_optimal(dropped)
    assert result.objective == 300 * COST_SCALE
    assert result.solution is not None
    assert Schedule(dropped, result.solution).cast_days["A"].drop is not None
    held = production(scenes, cast=[actor("A", rate=100)], max_shoot_days=15).check()
    assert solve_optimal(held).objective == 1500 * COST_SCALE


def test_drop_within_the_minimum_gap_is_not_taken() -> None:
    """Tests that a gap of exactly drop_pickup_min_days is not a legal drop: work on Mon 2 Mar
    and Thu 12 Mar is 10 calendar days apart, so A is paid days 1-9 (900); with a minimum of 9
    days the drop is legal and A is paid 2 days (200)."""
    scenes = [scene("1", cast=("A",), shoot_on=MON), scene("2", cast=("A",), shoot_on=THU_12)]
    cast = [actor("A", rate=100, drop_pickup=True)]
    strict = production(scenes, cast=cast, max_shoot_days=9, drop_pickup_min_days=10).check()
    assert solve_optimal(strict).objective == 900 * COST_SCALE
    loose = production(scenes, cast=cast, max_shoot_days=9, drop_pickup_min_days=9).check()
    assert solve_optimal(loose).objective == 200 * COST_SCALE


def test_only_one_drop_is_paid_back() -> None:
    """Tests that of two legal gaps only the longer is dropped: work on days 1, 12 and 24 (Mon
    2 Mar, Tue 17 Mar, Thu 2 Apr), gaps of 10 and 11 shoot days with minimum 5: paid 24 - 11 =
    13 days at 10 = 130."""
    days = {"1": date(2026, 3, 2), "2": date(2026, 3, 17), "3": date(2026, 4, 2)}
    prod = production([scene(sid, cast=("A",), shoot_on=when) for sid, when in days.items()],
                      cast=[actor("A", rate=10, drop_pickup=True)], max_shoot_days=24,
                      drop_pickup_min_days=5).check()
    assert solve_optimal(prod).objective == 130 * COST_SCALE


def test_day_and_span_billing() -> None:
    """Tests crew and equipment billing: used on days 1 and 3, ``day`` pays 2 days and ``span``
    3 (days 1-3): crane at 50 a day, stunt coordinator at 80."""
    for billing, days in ((Billing.DAY, 2), (Billing.SPAN, 3)):
        prod = production(
            [scene("1", equipment=("CRANE",), crew=("STUNT",), shoot_on=MON),
             scene("2", equipment=("CRANE",), crew=("STUNT",), shoot_on=WED)],
            equipment=[resource("CRANE", rate=50, billing=billing)],
            crew=[resource("STUNT", rate=80, billing=billing)], max_shoot_days=3,
        ).check()
        result = solve_optimal(prod)
        assert result.objective == days * (50 + 80) * COST_SCALE, billing
        assert result.solution is not None
        by_category = Schedule(prod, result.solution).cost_by_category
        assert by_category["equipment"] == days * 50 * COST_SCALE
        assert by_category["crew_special"] == days * 80 * COST_SCALE


def test_location_fees_and_visits() -> None:
    """Tests location costs: two 7 h scenes at L (fee 100, move-in 500) and one at M.  Shot on
    consecutive days, L is one visit: 2 x 100 + 500 = 700; the solver keeps M off the days
    between them."""
    prod = production([scene("1", hours=7, location="L", shoot_on=MON),
                       scene("2", hours=7, location="L"), scene("3", hours=7, location="M")],
                      locations=[place("L", fee=100, move_in_cost=500), place("M")],
                      max_shoot_days=3).check()
    result = solve_optimal(prod)
    assert result.objective == 700 * COST_SCALE
    assert result.objective == brute_force_cost(prod)


def test_a_second_visit_pays_a_second_move_in() -> None:
    """Tests that a location used on days 1 and 3 (another location on day 2) is two visits:
    2 x 100 + 2 x 500 = 1200."""
    prod = production([scene("1", hours=7, location="L", shoot_on=MON),
                       scene("2", hours=7, location="M", shoot_on=date(2026, 3, 3)),
                       scene("3", hours=7, location="L", shoot_on=WED)],
                      locations=[place("L", fee=100, move_in_cost=500), place("M")],
                      max_shoot_days=3).check()
    assert solve_optimal(prod).objective == 1200 * COST_SCALE


def test_company_moves() -> None:
    """Tests moves: same-day scenes at two locations make one move at 300, and a third location
    another (max 3 locations a day): 2 x 300 = 600."""
    prod = production([scene("1", location="A"), scene("2", location="B"),
                       scene("3", location="C")],
                      locations=[place(x) for x in "ABC"], max_locations_per_day=3,
                      company_move_cost=300, max_shoot_days=2,
                      constraints=[row(ConstraintKind.SAME_DAY, "1", "2", "3")]).check()
    assert solve_optimal(prod).objective == 600 * COST_SCALE


def test_named_cast_member_cost() -> None:
    """Tests a cast member built without the factory: paid 1 day at 700."""
    member = CastMember(id="M", name="MARY", daily_rate=700)
    prod = production([scene("1", cast=("M",)), scene("2", cast=("M",))], cast=[member],
                      max_shoot_days=2).check()
    assert solve_optimal(prod).objective == 700 * COST_SCALE


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_model_cost_equals_schedule_cost_for_any_schedule(data: st.DataObject) -> None:
    """Tests exactness: for any valid schedule of a random production, the complete hint is
    feasible with every variable fixed, and each cost term of the model equals the category
    amount of ``Schedule`` (drops, spans, visits, moves, overtime and the wrap included); an
    invalid schedule's hint is infeasible."""
    prod = data.draw(tiny_productions(max_scenes=5, max_days=8))
    starts = {s.id: data.draw(st.sampled_from(prod.allowed_start_days(s))) for s in prod.scenes}
    solution = canonical_order(prod, Solution(start_day=starts))
    costs = ShootingModel(prod).evaluate(solution)
    if validate(prod, solution):
        assert costs is None
    else:
        assert costs == Schedule(prod, solution).cost_by_category


def test_a_scene_moved_off_the_current_plan_pays_the_change_cost() -> None:
    """Tests the change cost: scene 2 was on Wednesday in the current plan and Wednesday is now
    off, so it moves (500 for the move) next to scene 1 on Monday (1 crew day of 100, not 3);
    scene 1 stays on Monday at no change cost."""
    prod = production([scene("1"), scene("2")], max_shoot_days=5, crew_day_cost=100,
                      change_cost=500, holidays=(WED,)).model_copy(
        update={"current_plan": (("1", MON), ("2", WED))}).check()
    result = solve_optimal(prod)
    assert result.objective == (100 + 500) * COST_SCALE
    assert result.objective == brute_force_cost(prod)
    assert [s.id for s in Schedule(prod, result.solution).moved_scenes] == ["2"]


def test_the_change_cost_keeps_a_dearer_current_plan() -> None:
    """Tests that a move dearer than its saving is not made: scene 2 on day 3 costs two more
    crew days (200) than beside scene 1, less than its change cost (500), so the plan stays
    (300); at a change cost of 50 it moves (100 + 50)."""
    current = (("1", MON), ("2", WED))
    dear = production([scene("1"), scene("2")], max_shoot_days=5, crew_day_cost=100,
                      change_cost=500).model_copy(update={"current_plan": current}).check()
    assert solve_optimal(dear).objective == 300 * COST_SCALE
    cheap = dear.model_copy(update={"settings": dear.settings.model_copy(
        update={"change_cost": 50})})
    assert solve_optimal(cheap).objective == (100 + 50) * COST_SCALE


def test_an_ordinary_plan_pays_no_change_cost() -> None:
    """Tests that without a current plan the change cost is never paid: 1 crew day."""
    prod = production([scene("1"), scene("2")], max_shoot_days=5, crew_day_cost=100,
                      change_cost=500).check()
    assert solve_optimal(prod).objective == 100 * COST_SCALE


def test_the_default_change_cost_is_eight_hours_of_the_crew_day() -> None:
    """Tests the default of ``change_cost``: 1100 a crew day of 11 h gives 800 a scene moved."""
    prod = production([scene("1")], crew_day_cost=1100)
    assert prod.settings.scene_move_cost == 800


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_model_cost_equals_schedule_cost_with_a_current_plan(data: st.DataObject) -> None:
    """Tests exactness with a current plan: the model's ``changes`` term (and every other)
    equals ``Schedule``'s for any valid schedule, the current plan drawn on any calendar
    date (a date no longer a shoot day forces a move)."""
    prod = data.draw(tiny_productions(max_scenes=5, max_days=8))
    dates = [prod.settings.start_date + timedelta(days=k) for k in range(10)]
    current = tuple((s.id, data.draw(st.sampled_from(dates))) for s in prod.scenes)
    prod = prod.model_copy(update={"current_plan": current, "settings": prod.settings.model_copy(
        update={"change_cost": data.draw(st.sampled_from([0, 70]))})})
    starts = {s.id: data.draw(st.sampled_from(prod.allowed_start_days(s))) for s in prod.scenes}
    solution = canonical_order(prod, Solution(start_day=starts))
    costs = ShootingModel(prod).evaluate(solution)
    if validate(prod, solution):
        assert costs is None
    else:
        assert costs == Schedule(prod, solution).cost_by_category
