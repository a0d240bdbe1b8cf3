"""Apply a scenario to a production, and say how each change moves it.

``apply_scenario`` is a pure function ``Production -> Production``: each change is one small
function that copies the part it changes (``model_copy(update=...)``).  The changed production is
then checked with the same cross-checks as a breakdown (``checks.check_production``):
``scenario_problems`` lists what a scenario broke (a pin on a day off, every scene cut), which the
comparison reports as that scenario's status instead of planning it.

``change_effect`` classifies a change against the production it changes (``scenario.Effect``):
relaxing when every schedule valid before stays valid and costs no more, restricting when the
reverse holds, neutral when neither validity nor cost moves, mixed otherwise.  A longer work week
is mixed, not relaxing: the crew is paid every calendar shoot day to the wrap, so the same
schedule costs more with Saturdays in the week.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..checks import check_production
from ..data import (
    Availability,
    CastMember,
    ConstraintKind,
    Location,
    Production,
    Resource,
    Scene,
    SceneConstraint,
)
from ..subjects import EntityKind
from .scenario import Change, ChangeKind, Effect, Scenario

# Settings whose higher value allows more schedules and costs none of them more.
HIGHER_RELAXES = frozenset({"max_day_minutes", "max_shoot_days", "max_locations_per_day",
                            "budget", "end_date"})
# Settings whose lower value makes every schedule cost no more (and none invalid).
LOWER_RELAXES = frozenset({"crew_day_cost", "overtime_cost_per_hour", "company_move_cost",
                           "company_move_minutes", "drop_pickup_min_days"})
# Yes/no settings and the value that allows more.
RELAXING_FLAGS = {"allow_split_days": True, "night_turnaround": False}
# Settings that change neither what is valid nor what it costs (the planner's own knobs, words).
NEUTRAL_SETTINGS = frozenset({"title", "currency", "time_limit_s", "change_cost",
                              "bottleneck_day_cost"})
# Rules and the fewest scenes each needs to mean anything, once scenes are cut.
LEAST_SCENES = {ConstraintKind.NOT_ON: 1}
DEFAULT_LEAST_SCENES = 2


def apply_scenario(production: Production, scenario: Scenario) -> Production:
    """The production with every change of ``scenario`` made, in order.

    Parameters
    ----------
    production
        The base production (unchanged: productions are frozen).
    scenario
        Changes checked against ``production`` (ids it has).

    Returns
    -------
    Production
        The changed production, not checked yet (see ``scenario_problems``); its derived facts
        (calendar, allowed days) are computed afresh.
    """
    changed = production
    for change in scenario.changes:
        changed = APPLIERS[change.kind](changed, change)
    return changed.model_copy(update={"current_plan": ()})


def scenario_problems(production: Production) -> list[str]:
    """What makes a changed production impossible to plan, in producer words (empty when it
    can be planned): the breakdown's own cross-checks."""
    if not production.scenes:
        return ["every scene is cut; nothing is left to plan"]
    return [problem.message for problem in check_production(production)]


# ----- one function per kind of change ----------------------------------------------------------


def _set_setting(production: Production, change: Change) -> Production:
    settings = production.settings.model_copy(update={change.target: change.value})
    return production.model_copy(update={"settings": settings})


def _set_window(production: Production, change: Change) -> Production:
    first, last = change.window
    return _with_availability(production, change, lambda old: Availability(
        available_from=first, available_to=last, unavailable=old.unavailable))


def _add_unavailable(production: Production, change: Change) -> Production:
    return _with_availability(production, change, lambda old: old.model_copy(update={
        "unavailable": tuple(sorted(set(old.unavailable) | set(change.dates)))}))


def _remove_unavailable(production: Production, change: Change) -> Production:
    return _with_availability(production, change, lambda old: old.model_copy(update={
        "unavailable": tuple(when for when in old.unavailable if when not in change.dates)}))


def _free(production: Production, change: Change) -> Production:
    return _with_availability(production, change, lambda old: Availability())


def _set_rate(production: Production, change: Change) -> Production:
    field = "daily_fee" if change.entity is EntityKind.LOCATION else "daily_rate"
    return _with_entity(production, change, lambda entity: entity.model_copy(
        update={field: change.amount}))


def _cut(production: Production, change: Change) -> Production:
    cut = set(change.scenes)
    scenes = tuple(scene for scene in production.scenes if scene.id not in cut)
    rules = tuple(rule for rule in (_without(rule, cut) for rule in production.constraints)
                  if rule is not None)
    return production.model_copy(update={"scenes": scenes, "constraints": rules})


def _without(rule: SceneConstraint, cut: set[str]) -> SceneConstraint | None:
    """A rule without the cut scenes; ``None`` when too few of its scenes are left."""
    kept = tuple(scene for scene in rule.scenes if scene not in cut)
    if len(kept) < LEAST_SCENES.get(rule.kind, DEFAULT_LEAST_SCENES):
        return None
    if rule.kind is ConstraintKind.BEFORE and rule.scenes[0] in cut:
        return None  # "12 before 14, 15": without 12 nothing is ordered
    return rule.model_copy(update={"scenes": kept})


def _pin(production: Production, change: Change) -> Production:
    return _with_scene(production, change.target, lambda scene: scene.model_copy(
        update={"shoot_on": change.dates[0]}))


def _unpin(production: Production, change: Change) -> Production:
    changed = production
    for scene_id in change.scenes:
        changed = _with_scene(changed, scene_id, lambda scene: scene.model_copy(
            update={"shoot_on": None, "earliest": None, "latest": None}))
    return changed


def _drop_rule(production: Production, change: Change) -> Production:
    rules = tuple(rule for rule in production.constraints
                  if not (rule.kind.value == change.target and rule.scenes == change.scenes))
    return production.model_copy(update={"constraints": rules})


APPLIERS: dict[ChangeKind, Callable[[Production, Change], Production]] = {
    ChangeKind.SETTING: _set_setting,
    ChangeKind.AVAILABLE: _set_window,
    ChangeKind.UNAVAILABLE: _add_unavailable,
    ChangeKind.AVAILABLE_ON: _remove_unavailable,
    ChangeKind.FREE: _free,
    ChangeKind.RATE: _set_rate,
    ChangeKind.CUT: _cut,
    ChangeKind.PIN: _pin,
    ChangeKind.UNPIN: _unpin,
    ChangeKind.DROP: _drop_rule,
}

# The production's tuple of each kind of entity.
ENTITY_FIELDS = {EntityKind.CAST: "cast", EntityKind.LOCATION: "locations",
                 EntityKind.CREW: "crew", EntityKind.EQUIPMENT: "equipment"}

Entity = CastMember | Location | Resource


def entity_of(production: Production, kind: EntityKind, entity_id: str) -> Entity:
    """The cast member, location, crew member or piece of equipment ``entity_id``."""
    entities: tuple[Entity, ...] = getattr(production, ENTITY_FIELDS[kind])
    return next(entity for entity in entities if entity.id == entity_id)


def _with_entity(production: Production, change: Change,
                 update: Callable[[Any], Entity]) -> Production:
    assert change.entity is not None, "an entity change names its entity"
    field = ENTITY_FIELDS[change.entity]
    entities = tuple(update(entity) if entity.id == change.target else entity
                     for entity in getattr(production, field))
    return production.model_copy(update={field: entities})


def _with_availability(production: Production, change: Change,
                       update: Callable[[Availability], Availability]) -> Production:
    return _with_entity(production, change, lambda entity: entity.model_copy(
        update={"availability": update(entity.availability)}))


def _with_scene(production: Production, scene_id: str,
                update: Callable[[Scene], Scene]) -> Production:
    scenes = tuple(update(scene) if scene.id == scene_id else scene
                   for scene in production.scenes)
    return production.model_copy(update={"scenes": scenes})


# ----- how a change moves the production ----------------------------------------------------------


def change_effect(production: Production, change: Change) -> Effect:
    """Whether ``change`` relaxes or restricts ``production`` (see ``scenario.Effect``)."""
    return EFFECTS[change.kind](production, change)


def _setting_effect(production: Production, change: Change) -> Effect:
    name, new = change.target, change.value
    old = getattr(production.settings, name)
    if old == new or name in NEUTRAL_SETTINGS:
        return Effect.NEUTRAL
    if name in RELAXING_FLAGS:
        return Effect.RELAXING if new == RELAXING_FLAGS[name] else Effect.RESTRICTING
    if name in HIGHER_RELAXES:
        return _ordered_effect(old, new, higher_relaxes=True,
                               none_is_unbounded=name == "budget")
    if name in LOWER_RELAXES:
        return _ordered_effect(old, new, higher_relaxes=False, none_is_unbounded=False)
    return Effect.MIXED


def _ordered_effect(old: Any, new: Any, *, higher_relaxes: bool,
                    none_is_unbounded: bool) -> Effect:
    """A bound moved: ``None`` is no bound at all for a budget; for the end date and the most
    shoot days it is a calendar of another length (mixed)."""
    if old is None or new is None:
        if not none_is_unbounded:
            return Effect.MIXED
        relaxes = new is None
    else:
        relaxes = (new > old) == higher_relaxes
    return Effect.RELAXING if relaxes else Effect.RESTRICTING


def _window_effect(production: Production, change: Change) -> Effect:
    assert change.entity is not None
    old = entity_of(production, change.entity, change.target).availability
    first, last = change.window
    wider = _covers(first, old.available_from, later=False) and _covers(
        last, old.available_to, later=True)
    narrower = _covers(old.available_from, first, later=False) and _covers(
        old.available_to, last, later=True)
    if wider and narrower:
        return Effect.NEUTRAL
    if wider:
        return Effect.RELAXING
    return Effect.RESTRICTING if narrower else Effect.MIXED


def _covers(bound: date | None, other: date | None, *, later: bool) -> bool:
    """Whether a window edge ``bound`` reaches at least as far as ``other`` (``None`` is
    open)."""
    if bound is None:
        return True
    if other is None:
        return False
    return bound >= other if later else bound <= other


def _unavailable_effect(production: Production, change: Change) -> Effect:
    assert change.entity is not None
    old = set(entity_of(production, change.entity, change.target).availability.unavailable)
    return Effect.RESTRICTING if set(change.dates) - old else Effect.NEUTRAL


def _available_on_effect(production: Production, change: Change) -> Effect:
    assert change.entity is not None
    old = set(entity_of(production, change.entity, change.target).availability.unavailable)
    return Effect.RELAXING if set(change.dates) & old else Effect.NEUTRAL


def _free_effect(production: Production, change: Change) -> Effect:
    assert change.entity is not None
    old = entity_of(production, change.entity, change.target).availability
    return Effect.NEUTRAL if old == Availability() else Effect.RELAXING


def _rate_effect(production: Production, change: Change) -> Effect:
    assert change.entity is not None and change.amount is not None
    entity = entity_of(production, change.entity, change.target)
    old = entity.daily_fee if isinstance(entity, Location) else entity.daily_rate
    if change.amount == old:
        return Effect.NEUTRAL
    return Effect.RELAXING if change.amount < old else Effect.RESTRICTING


def _pin_effect(production: Production, change: Change) -> Effect:
    """A pin restricts a free scene; moving a scene's pin to another date is mixed."""
    old = production.scene_by_id[change.target].shoot_on
    if old is None:
        return Effect.RESTRICTING
    return Effect.NEUTRAL if old == change.dates[0] else Effect.MIXED


EFFECTS: dict[ChangeKind, Callable[[Production, Change], Effect]] = {
    ChangeKind.SETTING: _setting_effect,
    ChangeKind.AVAILABLE: _window_effect,
    ChangeKind.UNAVAILABLE: _unavailable_effect,
    ChangeKind.AVAILABLE_ON: _available_on_effect,
    ChangeKind.FREE: _free_effect,
    ChangeKind.RATE: _rate_effect,
    ChangeKind.CUT: lambda production, change: Effect.RELAXING,
    ChangeKind.PIN: _pin_effect,
    ChangeKind.UNPIN: lambda production, change: Effect.RELAXING,
    ChangeKind.DROP: lambda production, change: Effect.RELAXING,
}
