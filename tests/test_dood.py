"""Day Out of Days codes and totals, checked against the schedule's own work/hold/drop days."""

from __future__ import annotations

from scheduler.dood import DoodCode, code_on, day_out_of_days
from scheduler.solution import CastDays, Drop, Schedule, Solution
from scheduler.validate import evaluate
from tests.helpers.productions import actor, production, scene
from tests.helpers.reports import report_production, sample_solution


def expected_code(days: CastDays, day: int) -> str:
    """The DOOD convention written out independently of ``scheduler.dood``."""
    if day in days.hold:
        return "H"
    if day in days.dropped:
        return "D"
    if day not in days.work:
        return ""
    pickup = days.drop.pickup_day if days.drop else None
    if len(days.work) == 1:
        return "SWF"
    if day == days.work[0]:
        return "SW"
    if day == pickup:
        return "PWF" if day == days.work[-1] else "PW"
    return "WF" if day == days.work[-1] else "W"


def test_codes_follow_work_hold_and_drop_days_of_the_schedule() -> None:
    """Tests that every cell of the DOOD is the code of the member's Schedule days."""
    prod = report_production()
    evaluation = evaluate(prod, sample_solution())
    assert evaluation.is_valid
    schedule = evaluation.schedule
    dood = day_out_of_days(schedule)
    assert dood.days == tuple(range(1, schedule.wrap_day + 1))
    for row in dood.rows:
        days = schedule.cast_days[row.cast_id]
        for day in dood.days:
            code = row.codes.get(day)
            assert (code.value if code else "") == expected_code(days, day), (row.cast_id, day)


def test_the_dropped_member_has_drop_days_and_a_pickup() -> None:
    """Tests the drop case: D on each unpaid shoot day, the pick-up marked PWF (also the last)."""
    schedule = Schedule(report_production(), sample_solution())
    row = day_out_of_days(schedule).row_of("3")
    assert row.codes[1] is DoodCode.START_WORK
    assert [day for day, code in row.codes.items() if code is DoodCode.DROP] == list(range(2, 12))
    assert row.codes[12] is DoodCode.PICKUP_WORK_FINISH
    assert (row.work_days, row.hold_days, row.drop_days, row.paid_days) == (2, 0, 10, 2)


def test_totals_equal_paid_days_and_the_cast_cost_lines() -> None:
    """Tests that paid days and cost per member are those of Schedule's cost lines."""
    prod = report_production()
    schedule = Schedule(prod, sample_solution())
    dood = day_out_of_days(schedule)
    cast_lines = {line.item: line for line in schedule.cost_lines if line.category == "cast"}
    for row in dood.rows:
        days = schedule.cast_days[row.cast_id]
        member = prod.cast_by_id[row.cast_id]
        assert row.paid_days == days.paid_days == row.work_days + row.hold_days
        assert row.cost == cast_lines[member.label].amount
        assert row.start == schedule.calendar.date_of(days.work[0])
        assert row.finish == schedule.calendar.date_of(days.work[-1])
    assert sum(row.cost for row in dood.rows) == schedule.cost_by_category["cast"]


def test_pickup_before_the_last_work_day_is_pw_and_the_finish_wf() -> None:
    """Tests a drop followed by two work days: PW on the pick-up, WF on the last day."""
    prod = production([scene(str(i), cast=("A",)) for i in range(1, 5)],
                      cast=[actor("A", drop_pickup=True)], max_shoot_days=20)
    schedule = Schedule(prod, Solution(start_day={"1": 1, "2": 2, "3": 15, "4": 16}))
    codes = day_out_of_days(schedule).row_of("A").codes
    assert [codes[d] for d in (1, 2, 15, 16)] == [
        DoodCode.START_WORK, DoodCode.WORK, DoodCode.PICKUP_WORK, DoodCode.WORK_FINISH]
    assert all(codes[d] is DoodCode.DROP for d in range(3, 15))


def test_member_without_work_has_an_empty_row() -> None:
    """Tests that an unused cast member is listed with no codes, no dates and no cost."""
    prod = production([scene("1", cast=("A",))], cast=[actor("A"), actor("B")],
                      max_shoot_days=3)
    row = day_out_of_days(Schedule(prod, Solution(start_day={"1": 2}))).row_of("B")
    assert row.codes == {} and row.start is None and row.paid_days == 0 and row.cost == 0


def test_code_on_a_hand_made_drop() -> None:
    """Tests code_on directly on CastDays, without a production."""
    days = CastDays(work=[1, 9], hold=[], dropped=list(range(2, 9)), drop=Drop(1, 9, 7))
    assert [code_on(days, d) for d in (1, 5, 9, 10)] == [
        DoodCode.START_WORK, DoodCode.DROP, DoodCode.PICKUP_WORK_FINISH, None]


def test_every_code_has_a_meaning_and_only_h_and_d_are_not_work() -> None:
    """Tests the legend: every code explained; work codes are the paid work days."""
    assert all(code.meaning for code in DoodCode)
    assert {code for code in DoodCode if not code.is_work} == {DoodCode.HOLD, DoodCode.DROP}
