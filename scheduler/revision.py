"""Schedule revisions: the colour of each revised schedule and what a re-plan changed.

A revised schedule takes the next colour in the industry's order (the WGA's: White for the
first issue, then Blue, Pink, ...; after Cherry the colours come round again as Double White,
Double Blue, ...).  Some shops use another order, so the colours are a parameter.
``ChangeReport`` is what the ``Changes`` sheet, the Summary and the call sheets show of one
re-plan; costs are in cost units (``solution.COST_SCALE``), dates are calendar dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

WGA_COLOURS = ("White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon",
               "Cherry")
_ROUNDS = ("", "Double ", "Triple ", "Quadruple ")
# A shop's own colour order: names of paper colours, at most this many and this long (a
# colour names a page header; a longer list is no colour order any shop prints on).
MAX_COLOURS = 30
MAX_COLOUR_LENGTH = 40
# Letters, spaces, hyphens and apostrophes ("Light Blue", "Blue-Green"): a name that is also a
# formula or a number cannot be mistaken for one in a header.
_COLOUR_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '-])*$")
_ROUND_WORD = re.compile(r"^(?:double|triple|quadruple|\d+x)\b", re.IGNORECASE)


def revision_name(number: int, colours: Sequence[str] = WGA_COLOURS) -> str:
    """The colour of revision ``number`` (0 is the first issue): ``0`` gives ``White``, ``1``
    ``Blue``, ``9`` (one past the last colour) ``Double White``."""
    if number < 0:
        raise ValueError(f"revision {number}: revisions count from 0")
    round_, index = divmod(number, len(colours))
    prefix = _ROUNDS[round_] if round_ < len(_ROUNDS) else f"{round_ + 1}x "
    return f"{prefix}{colours[index]}"


def revision_number(name: str, colours: Sequence[str] = WGA_COLOURS) -> int:
    """The number of a revision's colour (any case), the inverse of ``revision_name``.

    Raises
    ------
    ValueError
        When ``name`` is not a colour of ``colours``, with or without a round's prefix.
    """
    wanted = " ".join(name.split()).casefold()
    for number in range(len(colours) * 8):
        if revision_name(number, colours).casefold() == wanted:
            return number
    raise ValueError(f'"{name}" is not a revision colour ({", ".join(colours)}, then '
                     f"Double {colours[0]}, ...)")


def colour_order_problems(colours: Sequence[str]) -> list[str]:
    """What is wrong with a shop's order of revision colours (``[]`` when it can be used):
    an empty order, too many colours, a name that is no colour's name (digits, symbols, too
    long, or a round's word, ``Double ...``, that ``revision_number`` would misread), a colour
    named twice (any case)."""
    if not colours:
        return ["give the revision colours in order, separated by commas (e.g. White, Blue, "
                "Pink)"]
    if len(colours) > MAX_COLOURS:  # not a colour order at all: its names are not listed
        return [f"{len(colours)} colours; a colour order has at most {MAX_COLOURS}"]
    problems = []
    seen: set[str] = set()
    for colour in colours:
        name = " ".join(colour.split())
        if not _COLOUR_NAME.match(name) or len(name) > MAX_COLOUR_LENGTH:
            problems.append(f'"{colour}" is not a colour name: use letters, spaces and hyphens '
                            f"(at most {MAX_COLOUR_LENGTH} characters)")
        elif _ROUND_WORD.match(name):
            problems.append(f'"{colour}" starts with a round\'s word; the order comes round '
                            f"again as Double {colours[0]}, ... by itself")
        elif name.casefold() in seen:
            problems.append(f'"{colour}" is named twice; each colour comes once in the order')
        seen.add(name.casefold())
    return problems


@dataclass(frozen=True)
class Revision:
    """One issue of the schedule: its number (0 the first), colour and date of issue."""

    number: int
    name: str
    issued: date

    @property
    def label(self) -> str:
        """As call sheets name it: ``BLUE revision of 14 Sep 2026``."""
        return f"{self.name.upper()} revision of {self.issued.day} {self.issued:%b %Y}"


class SceneChangeKind(StrEnum):
    MOVED = "moved"  # planned on another day than in the current schedule
    CUT = "cut"  # omitted from the breakdown since the current schedule
    ADDED = "added"  # new in the breakdown
    NEW_PART = "new part"  # the rest of a part-shot scene, planned anew
    UNFROZEN = "unfrozen"  # on a frozen day that a change made impossible


@dataclass(frozen=True)
class SceneChange:
    """One scene whose day changed; ``before`` / ``after`` are its first shoot dates (``None``
    when it was not, or is no longer, on the schedule); ``reason`` says why when the re-plan
    had no choice (a frozen day made impossible)."""

    scene_id: str
    kind: SceneChangeKind
    before: date | None
    after: date | None
    reason: str = ""


@dataclass(frozen=True)
class DaysChange:
    """The work days a person or a place gains and loses: who to call, who to release, which
    bookings to add or cancel."""

    entity_id: str
    name: str
    added: tuple[date, ...]
    released: tuple[date, ...]


@dataclass(frozen=True)
class ChangeReport:
    """What one re-plan changed, and what it costs.

    Attributes
    ----------
    revision
        The revision the re-plan issues.
    replanned_from
        The first shoot date that was re-planned (earlier days are shot).
    scenes
        Every scene whose day changed, was cut or is new.
    cast, locations
        Each cast member's and location's days added and released (only those with a change).
    cost_current
        The whole production's cost under the current schedule, when it is still valid for the
        edited breakdown (``None`` when it breaks a rule now).
    cost_revised
        The whole production's cost under the revised schedule: what was shot plus what is
        planned (the price of the changes included).
    cost_from_scratch
        A plan of the same remaining work made with no regard to the current one (the price of
        stability is ``cost_revised - cost_from_scratch``), when one was made.
    """

    revision: Revision
    replanned_from: date
    scenes: tuple[SceneChange, ...]
    cast: tuple[DaysChange, ...]
    locations: tuple[DaysChange, ...]
    cost_current: int | None
    cost_revised: int
    cost_from_scratch: int | None = None

    @property
    def moved_scene_ids(self) -> tuple[str, ...]:
        return tuple(change.scene_id for change in self.scenes
                     if change.kind in (SceneChangeKind.MOVED, SceneChangeKind.UNFROZEN))
