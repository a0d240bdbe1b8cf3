"""The schedule a re-plan revises, from the schedule workbook plan-shoot wrote.

The scenes' first shoot days come from the ``Schedule`` sheet by ``read_schedule_workbook`` (a
person may have moved rows to other days).  A re-plan needs dates, not day numbers: the edited
breakdown may have lost a day, which renumbers every day after it.  So each shoot day is dated
by the ``Date`` the sheet gives for it (the date most of its rows give), and a day whose rows
carry no date by the breakdown's calendar.  The revision is the ``Summary`` sheet's ``revision``
field (a colour, e.g. ``Blue`` or ``BLUE revision of 14 Sep 2026``); without one the schedule is
the first issue, White.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from ..data import Production
from ..errors import InputError, Problem
from ..excel.parse import Bad, parse_int
from ..excel.schema import normalize_name
from ..excel.source import SheetData, load_sheets
from ..replan import CurrentSchedule
from ..revision import WGA_COLOURS, revision_number
from .schedule_workbook import read_schedule_workbook


def read_current_schedule(path: str | Path, production: Production,
                          colours: Sequence[str] = WGA_COLOURS) -> CurrentSchedule:
    """The current schedule of a schedule workbook: scene -> first shoot date, and revision.

    Raises
    ------
    InputError
        The ``Schedule`` sheet's problems (located), a shoot day with no date in the sheet
        and none in the breakdown's calendar, a ``revision`` that is no colour.
    """
    path = Path(path)
    solution = read_schedule_workbook(path)
    sheets, _ = load_sheets(path, wanted=lambda title: normalize_name(title) in
                            {"schedule", "summary"})
    by_name = {normalize_name(sheet.title): sheet for sheet in sheets}
    dated = _dates_of_days(by_name["schedule"]) if "schedule" in by_name else {}
    problems = []
    dates: dict[str, date] = {}
    calendar = production.calendar
    for scene_id, day in solution.start_day.items():
        if day in dated:
            dates[scene_id] = dated[day]
        elif day <= calendar.num_days:
            dates[scene_id] = calendar.date_of(day)
        else:
            problems.append(Problem("Schedule", f"scene {scene_id} is on shoot day {day}, "
                                                "which has no date in the sheet and is past "
                                                "the breakdown's calendar"))
    revision, where = _revision(by_name.get("summary"), colours)
    if where:
        problems.append(Problem(where, "the revision is not a colour of "
                                       f"{', '.join(colours)} (then Double {colours[0]}, ...)"))
    if problems:
        raise InputError(problems)
    return CurrentSchedule(dates, revision)


def _dates_of_days(sheet: SheetData) -> dict[int, date]:
    """Shoot day -> the date most of its rows give."""
    rows = list(sheet.rows)
    if not rows:
        return {}
    columns = {normalize_name(v): i for i, v in enumerate(rows[0][1]) if isinstance(v, str)}
    if "shootday" not in columns or "date" not in columns:
        return {}
    day_at, date_at = columns["shootday"], columns["date"]
    seen: dict[int, Counter[date]] = defaultdict(Counter)
    for _, cells in rows[1:]:
        day = parse_int(cells[day_at] if day_at < len(cells) else None)
        when = cells[date_at] if date_at < len(cells) else None
        if isinstance(when, datetime):
            when = when.date()
        if isinstance(day, Bad) or not isinstance(when, date):
            continue  # read_schedule_workbook has reported a bad day; a row may lack a date
        seen[day.value][when] += 1
    return {day: counts.most_common(1)[0][0] for day, counts in seen.items()}


def _revision(sheet: SheetData | None, colours: Sequence[str]) -> tuple[int, str]:
    """The Summary's revision number (0 without one), and the cell when it is no colour."""
    if sheet is None:
        return 0, ""
    for row, cells in sheet.rows:
        if len(cells) < 2 or normalize_name(cells[0] or "") != "revision" or not cells[1]:
            continue
        words = str(cells[1]).split()
        for length in range(len(words), 0, -1):  # "BLUE revision of 14 Sep": the colour first
            try:
                return revision_number(" ".join(words[:length]), colours), ""
            except ValueError:
                continue
        return 0, f"{sheet.title}!B{row}"
    return 0, ""
