"""The result page's "What if..." form: the common scenarios a producer asks about, filled
without a spreadsheet, each row one ``whatif.Scenario``.

The rows (``ROWS`` of each kind where a producer may want two alternatives side by side):

- move a cast member's window: the cast member and a new first date, last date or both (a
  date left empty keeps that end of the current window), an ``available`` change;
- add Saturdays: the work week plus Saturday, a ``setting`` change of ``work_week``;
- lose a location: the location and the first date it is lost; it is then unavailable on every
  shoot date of the calendar from that date to the end (``unavailable`` dates);
- cut scenes: scene ids, a ``cut`` change;
- suggest: ``compare_scenarios``' ``suggest``, the K relaxations of what binds in the base plan
  that save the most.

Every problem of the form is found at once and located at its field (``FieldProblem``), so
that the page shows each one next to the field it is about; nothing here raises anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..calendar import WEEKDAY_NAMES, short_date
from ..data import Availability, Production
from ..excel.parse import Bad, parse_date, parse_list
from ..subjects import EntityKind
from ..whatif import Change, ChangeKind, Scenario, change_effect

ROWS = 2  # rows of each kind that can be filled (two alternatives side by side)
SATURDAY = 5  # ``date.weekday()`` of a Saturday
DEFAULT_SUGGEST = 3
MAX_SUGGEST = 5  # each suggestion is one more full solve in the page's longest solve
MAX_FIELD_CHARACTERS = 2000  # a scene list longer than this is no producer's question


@dataclass(frozen=True)
class FieldProblem:
    """One problem of the form, at its field.

    Attributes
    ----------
    field
        The form field's name (``cast_from_1``); ``""`` for the form as a whole.
    label
        The field as the page labels it (``Cast window 1, from``).
    message
        What is wrong and what to write instead.
    """

    field: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label}: {self.message}" if self.label else self.message


class WhatIfRefused(Exception):
    """The form cannot be run: every problem, located at its field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class WhatIfAsk:
    """What the form asks: the scenarios of its filled rows and how many suggestions."""

    scenarios: tuple[Scenario, ...]
    suggest: int


def form_fields() -> tuple[str, ...]:
    """Every field name of the form (the page, the tests and the size of the form)."""
    rows = range(1, ROWS + 1)
    return (*(f"{name}_{row}" for row in rows for name in ("cast", "cast_from", "cast_to")),
            "saturdays",
            *(f"{name}_{row}" for row in rows for name in ("location", "location_from")),
            *(f"cut_{row}" for row in rows), "suggest", "suggest_count")


def read_whatif_form(production: Production, values: Mapping[str, str]) -> WhatIfAsk:
    """The scenarios the form asks for, checked against ``production``.

    Parameters
    ----------
    production
        The production of the job whose result page holds the form.
    values
        The form's fields (missing ones are empty).

    Raises
    ------
    WhatIfRefused
        Every problem of the form, each at its field.
    """
    form = _Form(production, {name: str(values.get(name, "")).strip() for name in form_fields()})
    found: list[Scenario | None] = []
    for row in range(1, ROWS + 1):
        found.append(_cast_window(form, row))
    found.append(_saturdays(form))
    for row in range(1, ROWS + 1):
        found.append(_lost_location(form, row))
    for row in range(1, ROWS + 1):
        found.append(_cut(form, row))
    suggest = _suggest(form)
    scenarios = _uniquely_named([scenario for scenario in found if scenario is not None])
    if not scenarios and not suggest and not form.problems:
        form.problem("", "", "fill in at least one row, or tick Suggest")
    if form.problems:
        raise WhatIfRefused(form.problems)
    return WhatIfAsk(tuple(scenarios), suggest)


@dataclass
class _Form:
    production: Production
    values: dict[str, str]

    def __post_init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def problem(self, field: str, label: str, message: str) -> None:
        self.problems.append(FieldProblem(field, label, message))

    def text(self, field: str, label: str) -> str:
        """The field's text; a problem (and ``""``) when it is too long to be a real answer."""
        text = self.values[field]
        if len(text) > MAX_FIELD_CHARACTERS:
            self.problem(field, label, f"{len(text):,} characters; give at most "
                                       f"{MAX_FIELD_CHARACTERS:,}")
            return ""
        return text

    def date(self, field: str, label: str) -> date | None:
        """The field's date (None when empty); a problem when it is not a date."""
        text = self.text(field, label)
        if not text:
            return None
        parsed = parse_date(text, None)
        if isinstance(parsed, Bad) or parsed.value is None:
            self.problem(field, label, f'"{text}" is not a date; write YYYY-MM-DD')
            return None
        return parsed.value


def _change(production: Production, change: Change) -> Change:
    """``change`` with its effect on ``production`` (relaxing, restricting, ...)."""
    return change.model_copy(update={"effect": change_effect(production, change)})


# ----- one function per row kind -------------------------------------------------------------


def _cast_window(form: _Form, row: int) -> Scenario | None:
    """Move a cast member's window: a new first date, a new last date, or both (a date left
    empty keeps that end of the current window)."""
    label = f"Cast window {row}"
    cast_id = form.text(f"cast_{row}", f"{label}, cast member")
    given_first = form.date(f"cast_from_{row}", f"{label}, from")
    given_last = form.date(f"cast_to_{row}", f"{label}, to")
    dated = bool(form.values[f"cast_from_{row}"] or form.values[f"cast_to_{row}"])
    if not cast_id:
        if dated:
            form.problem(f"cast_{row}", f"{label}, cast member",
                         "choose the cast member whose window moves")
        return None
    member = form.production.cast_by_id.get(cast_id)
    if member is None:
        form.problem(f"cast_{row}", f"{label}, cast member",
                     f'"{cast_id}" is not on the Cast sheet')
        return None
    if not dated:
        form.problem(f"cast_from_{row}", f"{label}, from",
                     f"give the first date {member.label} is available, the last, or both")
        return None
    if given_first is None and given_last is None:
        return None  # a date not understood: its problem is said
    old = member.availability
    first = given_first or old.available_from
    last = given_last or old.available_to
    if first is not None and last is not None and last < first:
        field = "to" if given_last is not None else "from"
        form.problem(f"cast_{field}_{row}", f"{label}, {field}",
                     f"the window would end on {short_date(last)}, before it starts on "
                     f"{short_date(first)}")
        return None
    text = (f"{member.label} available {short_date(first) if first else 'from the start'} "
            f"to {short_date(last) if last else 'the wrap'} (was {window_text(old)})")
    change = _change(form.production, Change(
        kind=ChangeKind.AVAILABLE, target=member.id, entity=EntityKind.CAST,
        window=(first, last), text=text, where=label))
    return Scenario(name=f"{member.label} window", changes=(change,))


def window_text(availability: Availability) -> str:
    """A window in words: ``4 Mar 2026 to the wrap``, or ``no window``."""
    first, last = availability.available_from, availability.available_to
    if first is None and last is None:
        return "no window"
    return (f"{short_date(first) if first else 'the start'} to "
            f"{short_date(last) if last else 'the wrap'}")


def _saturdays(form: _Form) -> Scenario | None:
    """Add Saturdays: six-day weeks (the crew is paid each calendar shoot day: mixed)."""
    if not form.values["saturdays"]:
        return None
    week = form.production.settings.work_week
    if SATURDAY in week:
        form.problem("saturdays", "Add Saturdays", "Saturday is a shoot day of the work "
                                                   "week already")
        return None
    longer = tuple(sorted({*week, SATURDAY}))
    days = ", ".join(WEEKDAY_NAMES[day] for day in longer)
    change = _change(form.production, Change(
        kind=ChangeKind.SETTING, target="work_week", value=longer,
        text=f"work_week {days} (Saturdays added)", where="Add Saturdays"))
    return Scenario(name="Saturdays", changes=(change,))


def _lost_location(form: _Form, row: int) -> Scenario | None:
    """Lose a location from a date: unavailable on every shoot date from it to the end."""
    label = f"Lost location {row}"
    location_id = form.text(f"location_{row}", f"{label}, location")
    first = form.date(f"location_from_{row}", f"{label}, from")
    if not location_id:
        if form.values[f"location_from_{row}"]:
            form.problem(f"location_{row}", f"{label}, location", "choose the location lost")
        return None
    location = form.production.location_by_id.get(location_id)
    if location is None:
        form.problem(f"location_{row}", f"{label}, location",
                     f'"{location_id}" is not on the Locations sheet')
        return None
    if first is None:
        if not form.values[f"location_from_{row}"]:
            form.problem(f"location_from_{row}", f"{label}, from",
                         f"give the first date {location.label} is lost")
        return None
    calendar = form.production.calendar
    lost = tuple(when for when in calendar.dates if when >= first)
    if not lost:
        last = calendar.dates[-1] if calendar.dates else None
        form.problem(f"location_from_{row}", f"{label}, from",
                     f"{short_date(first)} is after the last shoot date of the calendar"
                     + (f", {short_date(last)}" if last else ""))
        return None
    change = _change(form.production, Change(
        kind=ChangeKind.UNAVAILABLE, target=location.id, entity=EntityKind.LOCATION,
        dates=lost, text=f"{location.label} lost from {short_date(first)} to the end",
        where=label))
    return Scenario(name=f"lose {location.label}", changes=(change,))


def _cut(form: _Form, row: int) -> Scenario | None:
    """Cut scenes: their ids, each on the breakdown."""
    label = f"Cut scenes {row}"
    text = form.text(f"cut_{row}", label)
    if not text:
        return None
    parsed = parse_list(text)
    scenes = parsed.value if not isinstance(parsed, Bad) else ()
    unknown = [scene for scene in scenes if scene not in form.production.scene_by_id]
    if unknown:
        form.problem(f"cut_{row}", label, f"scene{'s' if len(unknown) > 1 else ''} "
                                          f"{', '.join(unknown)} not on the Scenes sheet")
        return None
    if not scenes:
        form.problem(f"cut_{row}", label, "give scene ids, like 44, 45")
        return None
    if set(scenes) >= set(form.production.scene_by_id):
        form.problem(f"cut_{row}", label, "every scene would be cut; nothing is left to plan")
        return None
    listed = ", ".join(dict.fromkeys(scenes))
    change = _change(form.production, Change(
        kind=ChangeKind.CUT, scenes=tuple(dict.fromkeys(scenes)),
        text=f"scene{'s' if len(scenes) > 1 else ''} {listed} cut", where=label))
    return Scenario(name=f"cut {listed}"[:60], changes=(change,))


def _suggest(form: _Form) -> int:
    """How many suggestions (0 when Suggest is not ticked)."""
    if not form.values["suggest"]:
        return 0
    text = form.values["suggest_count"] or str(DEFAULT_SUGGEST)
    count = int(text) if text.isdigit() and len(text) <= 3 else -1
    if not 1 <= count <= MAX_SUGGEST:
        form.problem("suggest_count", "Suggest", f'"{text}" is not a number of suggestions; '
                                                 f"give 1 to {MAX_SUGGEST}")
        return 0
    return count


def _uniquely_named(scenarios: list[Scenario]) -> list[Scenario]:
    """The scenarios, a second one of the same name numbered (``Saturdays 2``)."""
    taken: set[str] = set()
    named = []
    for scenario in scenarios:
        name, count = scenario.name, 1
        while name.lower() in taken:
            count += 1
            name = f"{scenario.name} {count}"
        taken.add(name.lower())
        named.append(scenario.model_copy(update={"name": name}))
    return named
