"""The rules of one shoot day (``day_rules``): one day that keeps each rule and one that breaks
it, as the board builders see them."""

from __future__ import annotations

from scheduler.data import DayNight
from scheduler.day_rules import DayLoad, DayRules
from tests.helpers.productions import actor, place, production, scene

STANDARD, CAP = 600, 720


def _rules(**settings: object) -> DayRules:
    scenes = [scene("day", hours=2, location="A"), scene("night", hours=2, location="A",
                                                         day_night=DayNight.NIGHT),
              scene("b", hours=2, location="B"), scene("c", hours=2, location="C"),
              scene("z", hours=2, location="Z"), scene("dawn", hours=1, location="A",
                                                       day_night=DayNight.DAWN),
              scene("dawn2", hours=1, location="A", day_night=DayNight.DAWN),
              scene("kid", hours=4, location="A", cast=("K",)),
              scene("kid2", hours=2, location="A", cast=("K",)),
              scene("long", hours=16, location="A"), scene("five", hours=5, location="A"),
              scene("six", hours=6, location="A")]
    prod = production(scenes, cast=[actor("K", minor=True, max_minutes=300)],
                      locations=[place("A", zone="north"), place("B", zone="north"),
                                 place("C", zone="north"), place("Z", zone="south")],
                      max_shoot_days=6, standard_day_minutes=STANDARD, max_day_minutes=CAP,
                      company_move_minutes=60, **settings).check()
    return DayRules(prod)


def _day(rules: DayRules, *scene_ids: str) -> DayLoad | None:
    load: DayLoad | None = DayLoad()
    for scene_id in scene_ids:
        if load is None:
            return None
        load = rules.may_add(load, rules.parts(rules.production.scene_by_id[scene_id]), CAP)
    return load


def test_hours_count_moves_and_stop_at_the_limit() -> None:
    rules = _rules()
    day = _day(rules, "five", "b")
    assert day is not None and day.minutes(60) == 480
    assert _day(rules, "five", "six", "b") is None  # 13 h of scenes
    assert rules.may_add(DayLoad(), rules.parts(rules.production.scene_by_id["five"]),
                         240) is not None  # one strip alone may run to the cap


def test_a_long_scene_is_alone() -> None:
    rules = _rules()
    long_parts = rules.parts(rules.production.scene_by_id["long"])
    assert len(long_parts) == 2
    alone = rules.may_add(DayLoad(), [long_parts[0]], CAP)
    assert alone is not None
    assert rules.may_add(alone, rules.parts(rules.production.scene_by_id["b"]), CAP) is None


def test_locations_per_day_and_zones() -> None:
    rules = _rules()
    assert _day(rules, "day", "b") is not None
    assert _day(rules, "day", "b", "c") is None  # three locations, the limit is two
    assert _day(rules, "day", "z") is None  # north and south zones


def test_split_days_only_when_allowed() -> None:
    assert _day(_rules(), "day", "night") is None
    assert _day(_rules(allow_split_days=True), "day", "night") is not None


def test_one_dawn_a_day() -> None:
    rules = _rules()
    assert _day(rules, "dawn", "day") is not None
    assert _day(rules, "dawn", "dawn2") is None


def test_a_minor_works_their_hours_at_most() -> None:
    rules = _rules()
    assert _day(rules, "kid") is not None
    assert _day(rules, "kid", "kid2") is None  # 6 h against a 5-hour cap


def test_night_turnaround_on_the_next_date_only() -> None:
    rules = _rules()
    night, day = _day(rules, "night"), _day(rules, "day")
    assert night is not None and day is not None
    assert not rules.turnaround_holds(1, night, day)  # Mon night, Tue morning
    assert rules.turnaround_holds(5, night, day)  # Fri night, Mon morning
    assert rules.turnaround_holds(6, night, day)  # the calendar ends
    assert rules.turnaround_holds(1, day, night)
    assert not _rules(night_turnaround=False).closes_next_day(1)
