"""Costs and derived facts of a schedule, checked against hand calculations."""

from datetime import date
from fractions import Fraction

from scheduler.data import Billing
from scheduler.solution import COST_SCALE, CostUnit, Schedule, Solution, to_money
from tests.helpers.productions import actor, place, production, resource, scene


def facts(prod, **start):  # type: ignore[no-untyped-def]
    return Schedule(prod, Solution(start_day={k.lstrip("s"): v for k, v in start.items()}))


def test_crew_days_run_to_the_wrap_day_including_dark_days() -> None:
    prod = production([scene("1"), scene("2")], crew_day_cost=1000, max_shoot_days=5,
                      crew=[resource("DIR", rate=300, every_day=True)])
    schedule = facts(prod, s1=1, s2=4)
    assert schedule.wrap_day == 4
    assert schedule.cost_by_category["crew"] == (4 * 1000 + 4 * 300) * COST_SCALE


def test_overtime_by_the_minute_and_moves_take_time() -> None:
    prod = production(
        [scene("1", hours=6, location="A"), scene("2", hours=5.5, location="B")],
        overtime_cost_per_hour=120, company_move_cost=500, company_move_minutes=30,
        locations=[place("A"), place("B")], max_shoot_days=2,
    )
    schedule = facts(prod, s1=1, s2=1)
    assert schedule.minutes_on(1) == 6 * 60 + 330 + 30
    # 11 h standard day: 60 minutes of overtime at 120 an hour
    assert schedule.cost_by_category["overtime"] == 120 * COST_SCALE
    assert schedule.cost_by_category["moves"] == 500 * COST_SCALE


def test_cost_lines_carry_their_quantity_and_unit() -> None:
    """Tests that each cost line says what its rate is paid per, and that the overtime line
    carries its hours as a number (45 minutes: 3/4 of an hour), not only in its label."""
    prod = production(
        [scene("1", hours=6, location="A"), scene("2", hours=5.25, location="B")],
        overtime_cost_per_hour=120, company_move_cost=500, company_move_minutes=30,
        locations=[place("A", move_in_cost=100), place("B")], max_shoot_days=2,
    )
    lines = {line.item: line for line in facts(prod, s1=1, s2=1).cost_lines}
    overtime = lines["day 1: 45 min"]
    assert (overtime.quantity, overtime.unit, overtime.rate) == (Fraction(3, 4), CostUnit.HOUR,
                                                                 120)
    assert overtime.amount == 120 * COST_SCALE * 3 // 4
    assert (lines["company moves"].quantity, lines["company moves"].unit) == (1, CostUnit.MOVE)
    assert lines["Location A move-in"].unit is CostUnit.VISIT
    assert lines["Location A fee"].unit is CostUnit.DAY
    assert lines["crew day"].unit is CostUnit.DAY


def test_cast_holds_are_shoot_days_only() -> None:
    prod = production([scene("1", cast=("A",)), scene("2", cast=("A",))],
                      cast=[actor("A", rate=200)], max_shoot_days=10)
    # day 5 is Friday 6 Mar, day 6 Monday 9 Mar: the weekend costs nothing
    schedule = facts(prod, s1=4, s2=7)
    days = schedule.cast_days["A"]
    assert days.work == [4, 7] and days.hold == [5, 6]
    assert schedule.cost_by_category["cast"] == 4 * 200 * COST_SCALE


def test_legal_drop_saves_the_days_between() -> None:
    prod = production([scene(str(i), cast=("A",)) for i in range(1, 4)],
                      cast=[actor("A", rate=100, drop_pickup=True)], max_shoot_days=20)
    # work days 1, 2 and 15: 2 Mar, 3 Mar and 20 Mar, 17 calendar days apart (> 10)
    schedule = facts(prod, s1=1, s2=2, s3=15)
    days = schedule.cast_days["A"]
    assert days.drop is not None and days.drop.days_saved == 12
    assert days.dropped == list(range(3, 15)) and days.hold == []
    assert days.paid_days == 3


def test_drop_within_the_minimum_gap_is_not_legal() -> None:
    prod = production([scene("1", cast=("A",)), scene("2", cast=("A",))],
                      cast=[actor("A", rate=100, drop_pickup=True)], max_shoot_days=20)
    # days 1 and 9: 2 Mar and 12 Mar, 10 calendar days apart: not more than 10
    schedule = facts(prod, s1=1, s2=9)
    assert schedule.cast_days["A"].drop is None
    assert schedule.cast_days["A"].paid_days == 9


def test_location_visits_and_billing_kinds() -> None:
    prod = production(
        [scene("1", location="L", equipment=("CRANE",), crew=("STUNT",)),
         scene("2", location="L"),
         scene("3", location="L", equipment=("CRANE",), crew=("STUNT",))],
        locations=[place("L", fee=50, move_in_cost=400)],
        equipment=[resource("CRANE", rate=70, billing=Billing.SPAN)],
        crew=[resource("STUNT", rate=90, billing=Billing.DAY)],
        max_shoot_days=6,
    )
    schedule = facts(prod, s1=1, s2=2, s3=4)
    assert schedule.location_visits("L") == [[1, 2], [4]]
    assert schedule.cost_by_category["locations"] == (3 * 50 + 2 * 400) * COST_SCALE
    assert schedule.cost_by_category["equipment"] == 4 * 70 * COST_SCALE
    assert schedule.cost_by_category["crew_special"] == 2 * 90 * COST_SCALE
    assert schedule.total_cost == sum(line.amount for line in schedule.cost_lines)


def test_multi_day_scene_parts_and_pages_count_once() -> None:
    prod = production([scene("1", hours=20, eighths=12)], max_shoot_days=3)
    schedule = facts(prod, s1=2)
    assert [len(schedule.parts_by_day[d]) for d in (1, 2, 3)] == [0, 1, 1]
    assert schedule.minutes_on(2) + schedule.minutes_on(3) == 20 * 60
    assert schedule.eighths_on(2) == 12 and schedule.eighths_on(3) == 0


def test_money_rounds_cost_units_to_cents() -> None:
    assert str(to_money(61)) == "1.02"
    assert str(to_money(6000)) == "100.00"


def test_unused_dates_are_off_the_books() -> None:
    prod = production([scene("1", cast=("A",))], cast=[actor("A")], start_date=date(2026, 3, 7),
                      max_shoot_days=2)
    schedule = facts(prod, s1=1)
    assert schedule.calendar.date_of(1) == date(2026, 3, 9)  # first working date on or after
    assert schedule.cast_days["A"].paid_days == 1
