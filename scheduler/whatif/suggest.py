"""Scenarios made from what binds in the base plan (``plan-shoot whatif --suggest K``).

Each limit that the base plan sits against is relaxed in turn, one scenario each:

- an availability window whose edge the entity's work is within ``EDGE_DAYS`` of: the window
  opened by a week at that edge (``getting Mary Hatch from 1 Mar instead of 8 Mar``);
- a block of unavailable dates the entity works within ``EDGE_DAYS`` of: the block taken off
  (``having Gannet Bay on 12-13 Mar after all``);
- a pinned scene, or a scene within ``EDGE_DAYS`` of its earliest or latest date: its dates
  dropped;
- a ``before`` rule: dropped;
- the end date (or the most shoot days) the wrap is within ``EDGE_DAYS`` of: a week later.

Every suggestion is relaxing, so it is warm-started from the base plan and priced no dearer.
``compare.compare_scenarios`` prices each with a short solve, keeps the ``K`` that save the most
and re-solves those with the full time limit; the saving reported is the re-solved one
(``saving_sentence``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..calendar import consecutive_date_runs, short_date
from ..data import ConstraintKind, Production, Resource
from ..solution import Schedule, to_money
from ..subjects import EntityKind
from .apply import ENTITY_FIELDS, Entity, change_effect
from .scenario import Change, ChangeKind, Effect, Scenario

# How near (calendar days) the plan must sit to a limit for the limit to count as binding.
EDGE_DAYS = 7
# How far a window edge, an end date, is moved (calendar days); shoot days for max_shoot_days.
RELAX_DAYS = 7
RELAX_SHOOT_DAYS = 5
# At most this many suggestions are priced (the nearest limits first).
MAX_CANDIDATES = 40


def suggest_scenarios(production: Production, schedule: Schedule) -> list[Scenario]:
    """One relaxing scenario per limit that binds in ``schedule`` (see the module docstring),
    nearest first, at most ``MAX_CANDIDATES``; each with ``description`` in a producer's words.

    Parameters
    ----------
    production
        The base production.
    schedule
        The base plan's schedule.
    """
    found: list[tuple[int, Scenario]] = []
    found += _windows(production, schedule)
    found += _scene_dates(production, schedule)
    found += _before_rules(production)
    found += _end(production, schedule)
    found.sort(key=lambda item: item[0])
    named: dict[str, Scenario] = {}
    for _, scenario in found:
        if scenario.name not in named and _effect_is_relaxing(production, scenario):
            named[scenario.name] = scenario
    return list(named.values())[:MAX_CANDIDATES]


def _effect_is_relaxing(production: Production, scenario: Scenario) -> bool:
    return all(change_effect(production, change) is Effect.RELAXING
               for change in scenario.changes)


def _scenario(name: str, description: str, change: Change) -> Scenario:
    return Scenario(name=name, description=description,
                    changes=(change.model_copy(update={"effect": Effect.RELAXING}),),
                    suggested=True)


# ----- availability -------------------------------------------------------------------------------


def _work_dates(production: Production, schedule: Schedule, kind: EntityKind,
                entity: Entity) -> list[date]:
    """The dates an entity works in the schedule."""
    if kind is EntityKind.CAST:
        days = schedule.work_days_of(entity.id)
    elif kind is EntityKind.LOCATION:
        days = schedule.location_days(entity.id)
    else:
        assert isinstance(entity, Resource)
        days = (list(range(1, schedule.wrap_day + 1)) if entity.every_day
                else schedule.resource_days(entity, kind.value))
    return [schedule.calendar.date_of(day) for day in days]


def _windows(production: Production, schedule: Schedule) -> Iterator[tuple[int, Scenario]]:
    first_date = production.calendar.date_of(1)
    last_date = production.calendar.date_of(production.calendar.num_days)
    for kind, field in ENTITY_FIELDS.items():
        for entity in getattr(production, field):
            work = _work_dates(production, schedule, kind, entity)
            if not work:
                continue
            availability = entity.availability
            start, end = availability.available_from, availability.available_to
            if start is not None and start > first_date and (work[0] - start).days <= EDGE_DAYS:
                earlier = max(first_date, start - timedelta(days=RELAX_DAYS))
                window = (None if earlier == first_date else earlier, end)
                yield (work[0] - start).days, _scenario(
                    f"{entity.label} from {_day(earlier)}",
                    f"getting {entity.label} from {_day(earlier)} instead of {_day(start)}",
                    Change(kind=ChangeKind.AVAILABLE, target=entity.id, entity=kind,
                           window=window, text=f"{entity.label} available from "
                                               f"{short_date(earlier)}"))
            if end is not None and end < last_date and (end - work[-1]).days <= EDGE_DAYS:
                later = end + timedelta(days=RELAX_DAYS)
                yield (end - work[-1]).days, _scenario(
                    f"{entity.label} to {_day(later)}",
                    f"keeping {entity.label} to {_day(later)} instead of {_day(end)}",
                    Change(kind=ChangeKind.AVAILABLE, target=entity.id, entity=kind,
                           window=(start, later), text=f"{entity.label} available to "
                                                       f"{short_date(later)}"))
            yield from _blocks(kind, entity, work)


def _blocks(kind: EntityKind, entity: Entity,
            work: list[date]) -> Iterator[tuple[int, Scenario]]:
    """Blocks of unavailable dates the entity works next to."""
    for block in consecutive_date_runs(entity.availability.unavailable):
        distance = min(min(abs((when - block[0]).days), abs((when - block[-1]).days))
                       for when in work)
        if distance > EDGE_DAYS:
            continue
        span = _day(block[0]) if len(block) == 1 else f"{_day(block[0])}-{_day(block[-1])}"
        yield distance, _scenario(
            f"{entity.label} on {span}", f"having {entity.label} on {span} after all",
            Change(kind=ChangeKind.AVAILABLE_ON, target=entity.id, entity=kind,
                   dates=tuple(block), text=f"{entity.label} available on {span}"))


# ----- scenes and rules ---------------------------------------------------------------------------


def _scene_dates(production: Production, schedule: Schedule) -> Iterator[tuple[int, Scenario]]:
    """Pinned scenes, and scenes planned near their earliest or latest date."""
    for scene in production.scenes:
        days = schedule.days_of(scene)
        if not days:
            continue
        planned = schedule.calendar.date_of(days[0])
        if scene.shoot_on is not None:
            words, distance = f"pinned to {_day(scene.shoot_on)}", 0
        elif scene.latest is not None and (scene.latest - planned).days <= EDGE_DAYS:
            words, distance = f"due by {_day(scene.latest)}", (scene.latest - planned).days
        elif scene.earliest is not None and (planned - scene.earliest).days <= EDGE_DAYS:
            words = f"not before {_day(scene.earliest)}"
            distance = (planned - scene.earliest).days
        else:
            continue
        yield distance, _scenario(
            f"scene {scene.id} free", f"freeing scene {scene.id} ({words})",
            Change(kind=ChangeKind.UNPIN, target=scene.id, scenes=(scene.id,),
                   text=f"scene {scene.id} free of its dates ({words})"))


def _before_rules(production: Production) -> Iterator[tuple[int, Scenario]]:
    for rule in production.constraints:
        if rule.kind is not ConstraintKind.BEFORE:
            continue
        words = rule.describe()
        yield EDGE_DAYS, _scenario(
            f"drop: {words}", f"dropping the rule {words}",
            Change(kind=ChangeKind.DROP, target=rule.kind.value, scenes=rule.scenes,
                   text=f"rule dropped: {words}"))


def _end(production: Production, schedule: Schedule) -> Iterator[tuple[int, Scenario]]:
    settings = production.settings
    wrap = schedule.calendar.date_of(schedule.wrap_day) if schedule.wrap_day else None
    if wrap is None:
        return
    if settings.end_date is not None and (settings.end_date - wrap).days <= EDGE_DAYS:
        later = settings.end_date + timedelta(days=RELAX_DAYS)
        yield (settings.end_date - wrap).days, _scenario(
            f"end {_day(later)}", f"a week more, to {_day(later)} instead of "
                                  f"{_day(settings.end_date)}",
            Change(kind=ChangeKind.SETTING, target="end_date", value=later,
                   text=f"end_date {later.isoformat()}"))
    if settings.max_shoot_days is not None and (
            settings.max_shoot_days - schedule.wrap_day <= RELAX_SHOOT_DAYS):
        more = settings.max_shoot_days + RELAX_SHOOT_DAYS
        yield settings.max_shoot_days - schedule.wrap_day, _scenario(
            f"{more} shoot days", f"{more} shoot days at most instead of "
                                  f"{settings.max_shoot_days}",
            Change(kind=ChangeKind.SETTING, target="max_shoot_days", value=more,
                   text=f"max_shoot_days {more}"))


def _day(when: date) -> str:
    """``1 Mar`` (the year is the shoot's)."""
    return f"{when.day} {when:%b}"


# ----- the saving in words --------------------------------------------------------------------------


def saving_sentence(description: str, saving: int, days_saved: int, currency: str) -> str:
    """``getting Mary Hatch from 1 Mar instead of 8 Mar saves 41,000 USD and 2 shoot days``.

    Parameters
    ----------
    description
        The suggestion (``getting Mary Hatch from 1 Mar instead of 8 Mar``).
    saving
        Cost units saved against the base (re-solved); 0 or less saves nothing.
    days_saved
        Shoot days fewer than the base.
    currency
        The production's currency.
    """
    money = to_money(saving)
    if saving <= 0 and days_saved <= 0:
        return f"{description} saves nothing"
    parts = [f"{money:,.0f} {currency}"] if saving > 0 else []
    if days_saved > 0:
        parts.append(f"{days_saved} shoot day{'s' if days_saved != 1 else ''}")
    return f"{description} saves {' and '.join(parts)}"
