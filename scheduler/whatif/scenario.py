"""What a scenario is: a name and changes to the breakdown, each relaxing, restricting or
neither.

A change is already checked against the production it changes (ids known, values parsed into
model units) by whoever made it: the ``Scenarios`` sheet's reader (``sheet.read_scenarios``) or
the suggestions (``suggest.suggest_scenarios``).  ``apply.apply_scenario`` turns a scenario into
the changed production.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..subjects import EntityKind

BASE_NAME = "base"


class ChangeKind(StrEnum):
    """What a change does (the ``change`` column of the ``Scenarios`` sheet)."""

    SETTING = "setting"  # a Production field takes a new value
    AVAILABLE = "available"  # an entity's availability window becomes the range given
    UNAVAILABLE = "unavailable"  # dates added to an entity's unavailable dates
    AVAILABLE_ON = "available_on"  # dates taken off an entity's unavailable dates
    FREE = "free"  # no availability limits for an entity
    RATE = "rate"  # an entity's daily rate or fee
    CUT = "cut"  # scenes cut
    PIN = "pin"  # a scene shot on a date
    UNPIN = "unpin"  # a scene's shoot_on, earliest and latest dates dropped
    DROP = "drop"  # a rule of the Constraints sheet dropped


class Effect(StrEnum):
    """How a change moves the production, for the consistency of the comparison.

    Relaxing: every schedule valid before stays valid and costs no more (more availability, a
    later end date, cut scenes, a lower rate).  Restricting: every schedule valid after was
    valid before and cost no more (a pin, added unavailable dates, a higher rate).  Neutral:
    neither validity nor cost changes (the title, the currency).  Mixed: neither relaxing nor
    restricting (a different work week, a shorter standard day).
    """

    RELAXING = "relaxing"
    RESTRICTING = "restricting"
    NEUTRAL = "neutral"
    MIXED = "mixed"


def combined_effect(effects: list[Effect]) -> Effect:
    """The effect of several changes made together."""
    moving = {effect for effect in effects if effect is not Effect.NEUTRAL}
    if not moving:
        return Effect.NEUTRAL
    if len(moving) == 1:
        return moving.pop()
    return Effect.MIXED


class Change(BaseModel):
    """One change of a scenario, in model units.

    Attributes
    ----------
    kind
        What it changes.
    target
        A ``Settings`` attribute (``SETTING``), an entity id (``AVAILABLE``, ``UNAVAILABLE``,
        ``AVAILABLE_ON``, ``FREE``, ``RATE``), a scene id (``PIN``, ``UNPIN``), a rule's kind
        (``DROP``) or ``""`` (``CUT``).
    entity
        The kind of entity ``target`` is (cast, location, crew, equipment), when it is one.
    scenes
        The scenes cut (``CUT``), the scenes of the rule dropped (``DROP``) or unpinned.
    dates
        The dates added or taken off (``UNAVAILABLE``, ``AVAILABLE_ON``), the pin's date.
    window
        The new availability window (``AVAILABLE``): first and last date, ``None`` for open.
    amount
        The new rate or fee (``RATE``), in whole currency units.
    value
        The setting's new value in model units (``SETTING``): minutes, eighths, dates, ...
    text
        The change in a producer's words (``Mary Hatch available 1 Mar 2027 to 30 Apr
        2027``).
    effect
        Relaxing, restricting, neutral or mixed (``apply.change_effect``).
    where
        Where it was written (``Scenarios!C4``); ``""`` for a suggestion.
    """

    model_config = ConfigDict(frozen=True)

    kind: ChangeKind
    target: str = ""
    entity: EntityKind | None = None
    scenes: tuple[str, ...] = ()
    dates: tuple[date, ...] = ()
    window: tuple[date | None, date | None] = (None, None)
    amount: int | None = None
    value: Any = None
    text: str = ""
    effect: Effect = Effect.MIXED
    where: str = ""


class Scenario(BaseModel):
    """A named alternative to the breakdown: its changes, made together.

    Attributes
    ----------
    name
        As written in the ``scenario`` column (rows with the same name combine); ``base`` is
        the breakdown unchanged.
    changes
        What it changes, in sheet order.
    description
        A sentence for a producer (a suggestion's: ``getting Mary Hatch from 1 Mar instead of
        8 Mar saves 41,000 USD and 2 shoot days``); ``""`` for a scenario of the sheet, whose
        changes say it.
    suggested
        Made by ``suggest.suggest_scenarios``, not read from a sheet.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    changes: tuple[Change, ...] = ()
    description: str = ""
    suggested: bool = False

    @property
    def effect(self) -> Effect:
        """The effect of all its changes together."""
        return combined_effect([change.effect for change in self.changes])

    @property
    def changes_text(self) -> str:
        """Its changes in a producer's words, one after another."""
        if not self.changes:
            return "the breakdown as it is"
        return "; ".join(change.text for change in self.changes)


BASE = Scenario(name=BASE_NAME)
