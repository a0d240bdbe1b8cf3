"""The cost lower bound: below the brute-force optimum of tiny productions, each part by hand."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from benchmarks.generator import generate
from scheduler.bounds import least_days, lower_bound, minimum_days, minimum_shoot_days
from scheduler.data import (
    Availability,
    Billing,
    ConstraintKind,
    DayNight,
    Production,
    SceneConstraint,
)
from scheduler.solution import COST_CATEGORIES, COST_SCALE, Solution
from scheduler.validate import evaluate
from tests.helpers.productions import MONDAY, actor, place, production, resource, scene

# ----- brute force on tiny random productions ---------------------------------------------------

MOST_ASSIGNMENTS = 3000
WORK_WEEKS = ((0, 1, 2, 3, 4), (0, 2, 4), (0, 1, 3), (0, 1, 2, 3, 4, 5))


def _window(rng: random.Random, dates: tuple[date, ...]) -> Availability:
    """Mostly open; sometimes a window and an unavailable date inside the calendar."""
    if rng.random() < 0.5:
        return Availability()
    first, last = sorted(rng.sample(range(len(dates)), 2)) if len(dates) > 1 else (0, 0)
    unavailable = (rng.choice(dates),) if rng.random() < 0.3 else ()
    return Availability(available_from=dates[first] if rng.random() < 0.6 else None,
                        available_to=dates[last] if rng.random() < 0.6 else None,
                        unavailable=unavailable)


def random_production(rng: random.Random) -> Production:
    """3-6 scenes over 2-5 shoot days with every kind of window, light, zone and cost."""
    num_days = rng.randint(2, 5)
    work_week = rng.choice(WORK_WEEKS)
    standard = rng.choice((360, 360, 480, 600))
    settings = {
        "max_shoot_days": num_days, "work_week": work_week,
        "standard_day_minutes": standard, "max_day_minutes": standard + rng.choice((0, 60, 120, 120)),
        "crew_day_cost": rng.choice((0, 100, 400)), "overtime_cost_per_hour": rng.choice((7, 90, 90)),
        "company_move_cost": rng.choice((0, 50)), "company_move_minutes": rng.choice((0, 30, 60)),
        "max_locations_per_day": rng.randint(1, 2), "allow_split_days": rng.random() < 0.3,
        "night_turnaround": rng.random() < 0.5, "drop_pickup_min_days": rng.randint(0, 3),
    }
    dates = production([scene("x")], **settings).calendar.dates
    cast = [actor(f"A{i}", rate=rng.choice((0, 30, 100)), availability=_window(rng, dates),
                  drop_pickup=rng.random() < 0.4,
                  max_minutes=rng.choice((None, None, 240, 300)))
            for i in range(rng.randint(1, 3))]
    locations = [place(f"L{i}", fee=rng.choice((0, 20, 80)), move_in_cost=rng.choice((0, 60)),
                       zone=rng.choice((None, "north", "south")),
                       availability=_window(rng, dates))
                 for i in range(rng.randint(1, 3))]
    crew = [resource("DP", rate=rng.choice((0, 50)), every_day=True,
                     availability=_window(rng, dates)),
            resource("STUNT", rate=40, billing=rng.choice(tuple(Billing)),
                     availability=_window(rng, dates))]
    equipment = [resource("CRANE", rate=70, billing=rng.choice(tuple(Billing)),
                          availability=_window(rng, dates))]
    scenes = []
    for index in range(rng.randint(3, 6)):
        fields: dict[str, object] = {
            "day_night": rng.choice((DayNight.DAY, DayNight.DAY, DayNight.NIGHT, DayNight.DAWN,
                                     DayNight.DUSK)),
            "location": rng.choice([None, *(loc.id for loc in locations)]),
            "cast": tuple(sorted({rng.choice(cast).id for _ in range(rng.randint(0, 2))})),
            "crew": ("STUNT",) if rng.random() < 0.3 else (),
            "equipment": ("CRANE",) if rng.random() < 0.3 else (),
        }
        if rng.random() < 0.3:
            fields["earliest"] = rng.choice(dates)
        if rng.random() < 0.3:
            fields["latest"] = rng.choice(dates)
        if rng.random() < 0.1:
            fields["shoot_on"] = rng.choice(dates)
        hours = rng.choice((1, 2, 3, 4, 5, 6, 7)) if rng.random() < 0.9 else 13
        scenes.append(scene(str(index + 1), hours=hours, **fields))
    constraints = []
    if rng.random() < 0.3:
        first, second = rng.sample([s.id for s in scenes], 2)
        kind = rng.choice((ConstraintKind.BEFORE, ConstraintKind.DIFFERENT_DAY))
        constraints.append(SceneConstraint(kind=kind, scenes=(first, second)))
    return production(scenes, cast=cast, locations=locations, crew=crew, equipment=equipment,
                      constraints=constraints, **settings)


def valid_costs(prod: Production) -> list[dict[str, int]] | None:
    """Cost by category of every valid schedule (``None`` when there are too many to list)."""
    options = [prod.allowed_start_days(s) for s in prod.scenes]
    if any(not starts for starts in options):
        return []
    count = 1
    for starts in options:
        count *= len(starts)
    if count > MOST_ASSIGNMENTS:
        return None
    costs = []
    for assignment in itertools.product(*options):
        solution = Solution(start_day={s.id: d for s, d in zip(prod.scenes, assignment,
                                                                   strict=True)})
        evaluation = evaluate(prod, solution)
        if evaluation.is_valid:
            costs.append(evaluation.schedule.cost_by_category)
    return costs


def test_the_bound_is_below_every_valid_schedule_of_tiny_productions() -> None:
    rng = random.Random(20260302)
    checked = with_overtime = tight = 0
    while checked < 120:
        prod = random_production(rng)
        costs = valid_costs(prod)
        if not costs:
            continue
        bound = lower_bound(prod)
        assert bound.total == sum(bound.by_category.values())
        assert bound.crew_and_overtime == bound.by_category["crew"] + bound.by_category["overtime"]
        for cost in costs:
            for category in COST_CATEGORIES:
                if category != "overtime":
                    assert cost[category] >= bound.by_category[category], (category, prod)
            assert cost["overtime"] >= bound.overtime_alone, prod
            assert cost["crew"] + cost["overtime"] >= bound.crew_and_overtime, prod
        optimum = min(sum(cost.values()) for cost in costs)
        assert bound.total <= optimum, prod
        checked += 1
        with_overtime += bound.by_category["overtime"] > 0
        tight += bound.total == optimum
    # the sample exercises the joint bound and the bound is often exact on tiny productions
    assert with_overtime >= 10
    assert tight >= 30


@pytest.mark.parametrize("planted", [False, True])
@pytest.mark.parametrize("kind", ["feature", "series", "short"])
def test_the_bound_is_below_the_reference_board_of_generated_productions(kind: str,
                                                                          planted: bool) -> None:
    generated = generate(60, 3, kind, planted=planted)
    evaluation = evaluate(generated.production, generated.reference)
    assert evaluation.is_valid
    cost = evaluation.schedule.cost_by_category
    bound = lower_bound(generated.production)
    for category in COST_CATEGORIES:
        if category != "overtime":
            assert cost[category] >= bound.by_category[category], category
    assert cost["overtime"] >= bound.overtime_alone
    assert cost["crew"] + cost["overtime"] >= bound.crew_and_overtime
    assert 0 < bound.gap(evaluation.total_cost) < 0.5


# ----- each part by hand ------------------------------------------------------------------------


def day(n: int) -> date:
    """Date of shoot day ``n`` of a Mon-Fri calendar starting on ``MONDAY``."""
    return MONDAY + timedelta(days=(n - 1) // 5 * 7 + (n - 1) % 5)


def test_days_the_model_counts() -> None:
    """Tests the CP model's count of days: minutes together, zones apart, nights apart, long
    scenes alone; never above ``least_days``."""
    scenes = [scene("1", hours=2, location="L1"), scene("2", hours=2, location="L2"),
              scene("3", hours=2), scene("4", hours=2, day_night=DayNight.NIGHT),
              scene("5", hours=20)]
    prod = production(scenes, max_shoot_days=10,
                      locations=[place("L1", zone="north"), place("L2", zone="south")])
    # 1 and 2 (zones apart) + 4 (the night) + 5 (two whole days)
    assert minimum_shoot_days(prod) == 2 + 1 + 2
    assert minimum_days(prod, prod.scenes[:3], prod.settings.max_day_minutes) == 2
    assert minimum_shoot_days(prod) <= least_days(prod, prod.scenes,
                                                  prod.settings.max_day_minutes)


def test_window_forced_span() -> None:
    # A must work by day 2 (scene 1) and on day 6 (scene 2): paid days 2..6 at least
    prod = production([scene("1", cast=("A",), latest=day(2)),
                       scene("2", cast=("A",), shoot_on=day(6)),
                       scene("3")], max_shoot_days=8, cast=[actor("A", rate=100)])
    bound = lower_bound(prod)
    assert bound.cast_paid_days == {"A": 5}
    assert bound.by_category["cast"] == 5 * 100 * COST_SCALE


def test_a_drop_only_saves_what_the_windows_leave_open() -> None:
    # the same span for a drop-and-pick-up member: a drop between days 2 and 6 of a Mon-Fri
    # week is 8 calendar days, more than 5, and saves days 3-5; only the two work days are sure
    scenes = [scene("1", cast=("A",), latest=day(2)), scene("2", cast=("A",), shoot_on=day(6))]
    cast = [actor("A", rate=100, drop_pickup=True)]
    dropped = production(scenes, max_shoot_days=8, cast=cast, drop_pickup_min_days=5)
    assert lower_bound(dropped).cast_paid_days == {"A": 2}
    # with 10 days' notice no drop is legal between days 1 and 6 (at most 7 calendar days)
    kept = production(scenes, max_shoot_days=8, cast=cast, drop_pickup_min_days=10)
    assert lower_bound(kept).cast_paid_days == {"A": 5}


def test_minor_hours_take_separate_days() -> None:
    # 3 scenes of 3 h for a member limited to 5 h: no two share a day
    prod = production([scene(str(i), hours=3, cast=("K",)) for i in (1, 2, 3)],
                      max_shoot_days=5, cast=[actor("K", rate=10, max_minutes=300)])
    assert lower_bound(prod).cast_paid_days == {"K": 3}


def test_joint_overtime_at_the_least_wrap_day() -> None:
    # 4 scenes of 5.5 h = 1320 min, 12 h days: 2 days at least, then 1320 - 2 * 600 = 120 min
    # of overtime at 30 an hour (3600 cost units) beats a third crew day (6000)
    scenes = [scene(str(i), hours=5.5) for i in (1, 2, 3, 4)]
    prod = production(scenes, max_shoot_days=4, standard_day_minutes=600, max_day_minutes=720,
                      crew_day_cost=100, overtime_cost_per_hour=30)
    bound = lower_bound(prod)
    assert (bound.min_wrap_day, bound.joint_wrap_day, bound.overtime_minutes) == (2, 2, 120)
    assert bound.by_category["crew"] == 2 * 100 * COST_SCALE
    assert bound.by_category["overtime"] == 120 * 30 * COST_SCALE // 60
    assert bound.overtime_alone == 0  # a third day saves all overtime


def test_joint_overtime_prefers_a_later_wrap_when_overtime_is_dear() -> None:
    # the same scenes at 100 an hour: 2 days + 120 min (12000 + 12000) cost more than 3 days
    scenes = [scene(str(i), hours=5.5) for i in (1, 2, 3, 4)]
    prod = production(scenes, max_shoot_days=4, standard_day_minutes=600, max_day_minutes=720,
                      crew_day_cost=100, overtime_cost_per_hour=100)
    bound = lower_bound(prod)
    assert (bound.min_wrap_day, bound.joint_wrap_day) == (2, 3)
    assert bound.crew_and_overtime == 3 * 100 * COST_SCALE
    # crew alone holds for the least wrap day; overtime carries the rest of the joint bound
    assert bound.by_category["crew"] == 2 * 100 * COST_SCALE
    assert bound.by_category["overtime"] == 100 * COST_SCALE


def test_window_overtime_of_scenes_confined_to_one_day() -> None:
    # two 6 h scenes pinned to day 1 must share it: 120 min over a 10 h standard day
    scenes = [scene("1", hours=6, shoot_on=day(1)), scene("2", hours=6, shoot_on=day(1)),
              scene("3", hours=1)]
    prod = production(scenes, max_shoot_days=5, standard_day_minutes=600, max_day_minutes=720,
                      overtime_cost_per_hour=60)
    bound = lower_bound(prod)
    assert bound.overtime_alone == 120 * 60 * COST_SCALE // 60


def test_zones_leave_standard_minutes_unused() -> None:
    # 11 h in the north and 8 h 20 in the south fit two 10 h standard days by minutes alone, but
    # zones do not share a day: the north day runs 60 min over (the 1 h scene with no zone
    # fills the south day, which still has room)
    scenes = [scene("1", hours=11, location="N"), scene("2", hours=25 / 3, location="S"),
              scene("3", hours=1)]
    prod = production(scenes, max_shoot_days=2, standard_day_minutes=600, max_day_minutes=720,
                      overtime_cost_per_hour=60,
                      locations=[place("N", zone="north"), place("S", zone="south")])
    bound = lower_bound(prod)
    assert bound.overtime_alone == 60 * 60 * COST_SCALE // 60


def test_energy_wrap_bound() -> None:
    # three 8 h scenes, none before day 3, cannot share a 12 h day: days 3, 4, 5 at least, and
    # day 4 is dark (the DP is away), so the wrap is day 6 at the earliest
    dp = resource("DP", rate=0, every_day=True, availability=Availability(unavailable=(day(4),)))
    scenes = [scene(str(i), hours=8, earliest=day(3)) for i in (1, 2, 3)]
    prod = production(scenes, max_shoot_days=8, crew=[dp], crew_day_cost=100)
    bound = lower_bound(prod)
    assert bound.min_wrap_day == 6
    assert bound.by_category["crew"] == 6 * 100 * COST_SCALE


def test_separated_windows_force_two_location_visits() -> None:
    # a location needed on day 1 and on day 4 with two scenes: one run would need 4 days
    scenes = [scene("1", location="L", shoot_on=day(1)), scene("2", location="L",
                                                             shoot_on=day(4)),
              scene("3")]
    prod = production(scenes, max_shoot_days=5,
                      locations=[place("L", fee=10, move_in_cost=500)])
    bound = lower_bound(prod)
    assert (bound.location_days, bound.location_visits) == ({"L": 2}, {"L": 2})
    assert bound.by_category["locations"] == (2 * 10 + 2 * 500) * COST_SCALE


def test_a_single_visit_when_it_is_cheaper_than_two() -> None:
    # the same scenes with three more at the location to fill days 2-3: one visit of 4 days
    # (4 * 10 + 500) is cheaper than two visits of 2 days (2 * 10 + 2 * 500)
    scenes = [scene("1", location="L", shoot_on=day(1)),
              scene("2", location="L", shoot_on=day(4)),
              *(scene(f"f{i}", location="L") for i in (1, 2, 3))]
    prod = production(scenes, max_shoot_days=5,
                      locations=[place("L", fee=10, move_in_cost=500)])
    assert lower_bound(prod).by_category["locations"] == (4 * 10 + 500) * COST_SCALE


@pytest.mark.parametrize(("billing", "days"), [(Billing.DAY, 2), (Billing.SPAN, 4)])
def test_special_crew_by_billing(billing: Billing, days: int) -> None:
    scenes = [scene("1", crew=("STUNT",), shoot_on=day(2)),
              scene("2", crew=("STUNT",), earliest=day(5))]
    prod = production(scenes, max_shoot_days=6,
                      crew=[resource("STUNT", rate=40, billing=billing)])
    bound = lower_bound(prod)
    assert bound.resource_paid_days == {"crew:STUNT": days}
    assert bound.by_category["crew_special"] == days * 40 * COST_SCALE
