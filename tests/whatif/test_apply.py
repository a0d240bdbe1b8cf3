"""Each kind of change applied to a production, and how it is classified."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.data import Availability
from scheduler.subjects import EntityKind
from scheduler.whatif import ChangeKind, Effect, apply_scenario, scenario_problems
from tests.helpers.whatif import change, scenario, whatif_production

BASE = whatif_production()
CAST = EntityKind.CAST


def applied(kind: ChangeKind, **fields: object):  # type: ignore[no-untyped-def]
    made = change(BASE, kind, **fields)
    return made, apply_scenario(BASE, scenario("s", made))


def test_a_setting_takes_its_new_value_and_the_calendar_follows() -> None:
    made, changed = applied(ChangeKind.SETTING, target="max_shoot_days", value=10)
    assert changed.settings.max_shoot_days == 10
    assert changed.calendar.num_days == 10 and BASE.calendar.num_days == 8
    assert made.effect is Effect.RELAXING
    assert change(BASE, ChangeKind.SETTING, target="max_day_minutes",
                  value=600).effect is Effect.RESTRICTING
    assert change(BASE, ChangeKind.SETTING, target="crew_day_cost",
                  value=900).effect is Effect.RELAXING
    assert change(BASE, ChangeKind.SETTING, target="work_week",
                  value=(0, 1, 2, 3, 4, 5)).effect is Effect.MIXED
    assert change(BASE, ChangeKind.SETTING, target="currency",
                  value="EUR").effect is Effect.NEUTRAL


def test_available_sets_the_window_and_keeps_the_dates_off() -> None:
    made, changed = applied(ChangeKind.AVAILABLE, target="1", entity=CAST,
                            window=(date(2026, 3, 2), None))
    assert changed.cast_by_id["1"].availability == Availability(available_from=date(2026, 3, 2))
    assert made.effect is Effect.RELAXING
    assert change(BASE, ChangeKind.AVAILABLE, target="1", entity=CAST,
                  window=(date(2026, 3, 5), date(2026, 3, 9))).effect is Effect.RESTRICTING
    assert change(BASE, ChangeKind.AVAILABLE, target="L2", entity=EntityKind.LOCATION,
                  window=(date(2026, 3, 3), date(2026, 3, 12))).effect is Effect.MIXED


def test_unavailable_adds_dates_and_available_on_takes_them_off() -> None:
    made, changed = applied(ChangeKind.UNAVAILABLE, target="2", entity=CAST,
                            dates=(date(2026, 3, 9),))
    assert changed.cast_by_id["2"].availability.unavailable == (date(2026, 3, 5),
                                                                 date(2026, 3, 9))
    assert made.effect is Effect.RESTRICTING
    made, changed = applied(ChangeKind.AVAILABLE_ON, target="2", entity=CAST,
                            dates=(date(2026, 3, 5),))
    assert changed.cast_by_id["2"].availability.unavailable == ()
    assert made.effect is Effect.RELAXING


def test_free_lifts_every_limit() -> None:
    made, changed = applied(ChangeKind.FREE, target="L2", entity=EntityKind.LOCATION)
    assert changed.location_by_id["L2"].availability == Availability()
    assert made.effect is Effect.RELAXING


def test_rate_sets_a_cast_rate_or_a_location_fee() -> None:
    made, changed = applied(ChangeKind.RATE, target="1", entity=CAST, amount=400)
    assert changed.cast_by_id["1"].daily_rate == 400 and made.effect is Effect.RELAXING
    made, changed = applied(ChangeKind.RATE, target="L1", entity=EntityKind.LOCATION,
                            amount=250)
    assert changed.location_by_id["L1"].daily_fee == 250 and made.effect is Effect.RESTRICTING


def test_cut_removes_the_scenes_and_the_rules_left_without_them() -> None:
    made, changed = applied(ChangeKind.CUT, scenes=("6",))
    assert [item.id for item in changed.scenes] == ["1", "2", "3", "4", "5"]
    assert changed.constraints == ()  # "3 before 6" means nothing without 6
    assert made.effect is Effect.RELAXING
    assert scenario_problems(changed) == []


def test_pin_unpin_and_drop() -> None:
    made, changed = applied(ChangeKind.PIN, target="4", dates=(date(2026, 3, 9),))
    assert changed.scene_by_id["4"].shoot_on == date(2026, 3, 9)
    assert made.effect is Effect.RESTRICTING
    assert change(BASE, ChangeKind.PIN, target="5",
                  dates=(date(2026, 3, 9),)).effect is Effect.MIXED  # moved, not added
    made, changed = applied(ChangeKind.UNPIN, scenes=("5",))
    assert changed.scene_by_id["5"].shoot_on is None and made.effect is Effect.RELAXING
    made, changed = applied(ChangeKind.DROP, target="before", scenes=("3", "6"))
    assert changed.constraints == () and made.effect is Effect.RELAXING


def test_the_base_is_never_modified_and_a_broken_scenario_says_why() -> None:
    before = BASE.model_dump()
    _, changed = applied(ChangeKind.PIN, target="1", dates=(date(2026, 3, 2),))
    assert BASE.model_dump() == before
    problems = scenario_problems(changed)  # cast 1 arrives on Wednesday
    assert problems and "scene 1" in problems[0].lower()


@pytest.mark.parametrize("kind", list(ChangeKind))
def test_every_kind_has_an_applier_and_an_effect(kind: ChangeKind) -> None:
    from scheduler.whatif.apply import APPLIERS, EFFECTS

    assert kind in APPLIERS and kind in EFFECTS
