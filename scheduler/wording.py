"""Producer wording of a production's rules: availability windows, constraint rows, and why a
scene has no possible shoot day.  The cross-checks and the infeasibility explanations use it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .calendar import short_date
from .data import Availability, ConstraintKind, Production, Scene, SceneConstraint

UNAVAILABLE_DATES_SHOWN = 4


def describe_availability(availability: Availability) -> str:
    """The window and the dates off, e.g. ``available 3 Mar 2026 to 7 Mar 2026``."""
    parts = []
    if availability.available_from or availability.available_to:
        lo = short_date(availability.available_from) if availability.available_from else "start"
        hi = short_date(availability.available_to) if availability.available_to else "wrap"
        parts.append(f"available {lo} to {hi}")
    if availability.unavailable:
        shown = ", ".join(short_date(d) for d in availability.unavailable[:UNAVAILABLE_DATES_SHOWN])
        hidden = len(availability.unavailable) - UNAVAILABLE_DATES_SHOWN
        more = f" and {hidden} more" if hidden > 0 else ""
        parts.append(f"not on {shown}{more}")
    return "; ".join(parts) or "always available"


def describe_constraint(rule: SceneConstraint) -> str:
    """A constraint row as a sentence, e.g. ``scene 4 before scenes 5, 6``."""
    joined = ", ".join(rule.scenes)
    if rule.kind is ConstraintKind.NOT_ON:
        return f"scenes {joined} not on {', '.join(short_date(d) for d in rule.dates)}"
    wording = {
        ConstraintKind.BEFORE: f"scene {rule.scenes[0]} before "
        f"{'scene' if len(rule.scenes) == 2 else 'scenes'} {', '.join(rule.scenes[1:])}",
        ConstraintKind.SAME_DAY: f"scenes {joined} on the same day",
        ConstraintKind.DIFFERENT_DAY: f"scenes {joined} on different days",
        ConstraintKind.CONSECUTIVE: f"scenes {joined} on consecutive shoot days",
    }
    return wording[rule.kind]


def explain_no_day(production: Production, scene: Scene) -> str:
    """Why a scene has no possible day: each window that blocks it, and the calendar."""
    calendar = production.calendar
    reasons = []
    if scene.earliest or scene.latest or scene.shoot_on:
        reasons.append(_scene_window(scene))
    for kind, entity_id, availability in production.resource_availability(scene):
        if not all(availability.allows(d) for d in calendar.dates):
            label = production.label_of(kind, entity_id)
            reasons.append(f"{kind} {label} ({describe_availability(availability)})")
    for member in production.every_day_crew:
        if not all(member.availability.allows(d) for d in calendar.dates):
            reasons.append(f"every-day crew {member.label} "
                           f"({describe_availability(member.availability)})")
    reasons.append(f"the calendar runs {short_date(calendar.dates[0])} to "
                   f"{short_date(calendar.dates[-1])} ({calendar.num_days} shoot days)")
    if production.is_multi_day(scene):
        reasons.append(f"the scene needs {production.scene_days(scene)} consecutive shoot days")
    return "; ".join(reasons)


def _scene_window(scene: Scene) -> str:
    if scene.shoot_on:
        return f"pinned to {short_date(scene.shoot_on)}"
    lo = short_date(scene.earliest) if scene.earliest else "start"
    hi = short_date(scene.latest) if scene.latest else "wrap"
    return f"scene window {lo} to {hi}"


def unavailable_stretch(dates: Sequence[date], availability: Availability, when: date) -> str:
    """The stretch of shoot ``dates`` around ``when`` on which someone (or something) is
    unavailable: ``unavailable on 3 Oct 2026``, ``unavailable from 3 Oct 2026 to 5 Oct 2026``,
    ``unavailable from 3 Oct 2026 to the end date`` (through the last of ``dates``)."""
    if when not in dates:
        return f"unavailable on {short_date(when)}"
    first = last = dates.index(when)
    while first > 0 and not availability.allows(dates[first - 1]):
        first -= 1
    while last + 1 < len(dates) and not availability.allows(dates[last + 1]):
        last += 1
    if last == len(dates) - 1 and last > first:
        return f"unavailable from {short_date(dates[first])} to the end date"
    if last == first:
        return f"unavailable on {short_date(when)}"
    return f"unavailable from {short_date(dates[first])} to {short_date(dates[last])}"
