"""The re-plan's short form: lost days and unavailable cast marked on the page instead of an
edited breakdown uploaded.  Each becomes what a producer would write in the breakdown: an
``off`` Calendar row, an unavailable date of the cast member."""

from __future__ import annotations

import re
from datetime import date

from ..data import CalendarDayType, CalendarEntry, Production
from ..errors import Problem
from ..excel.parse import Bad, parse_date

MAX_MARKED = 100  # dates in one field; more is not a re-plan's disruption but a new calendar
_SEPARATORS = re.compile(r"[,;\s]+")


def dates_of(text: str, field: str) -> tuple[list[date], list[Problem]]:
    """The dates of a field (separated by commas, semicolons or spaces), and a located problem
    for each one not understood."""
    words = [word for word in _SEPARATORS.split(text.strip()) if word]
    if len(words) > MAX_MARKED:
        return [], [Problem(field, f"{len(words)} dates; give at most {MAX_MARKED}")]
    dates, problems = [], []
    for word in words:
        parsed = parse_date(word, None)
        if isinstance(parsed, Bad) or parsed.value is None:
            problems.append(Problem(field, f'"{word}" is not a date; write YYYY-MM-DD'))
        else:
            dates.append(parsed.value)
    return dates, problems


def unavailable_of(production: Production, cast_id: str, text: str
                   ) -> tuple[dict[str, list[date]], list[Problem]]:
    """The cast member chosen and the dates they cannot work."""
    dates, problems = dates_of(text, "Unavailable dates")
    if not dates:
        return {}, problems
    if cast_id not in production.cast_by_id:
        return {}, [*problems, Problem("Cast member", f'"{cast_id}" is not on the Cast sheet')]
    return {cast_id: dates}, problems


def disrupted(production: Production, lost: list[date],
              unavailable: dict[str, list[date]]) -> Production:
    """The production with the lost days off and the cast unavailable on their dates.

    Raises
    ------
    InputError
        When the production no longer holds (a scene left without a day), every problem.
    """
    entries = (*(entry for entry in production.calendar_entries if entry.date not in lost),
               *(CalendarEntry(date=when, type=CalendarDayType.OFF) for when in sorted(set(lost))))
    cast = tuple(
        member.model_copy(update={"availability": member.availability.model_copy(update={
            "unavailable": tuple(sorted({*member.availability.unavailable,
                                         *unavailable[member.id]}))})})
        if member.id in unavailable else member for member in production.cast)
    edited = production.model_copy(update={"calendar_entries": entries, "cast": cast})
    return edited.check()

