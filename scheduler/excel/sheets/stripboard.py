"""Sheet ``Stripboard``: the board as the 1st AD reads it, one coloured strip per scene part.

Strips run in shooting order; within a day they are grouped by location, with a banner for each
company move.  A black day-break row closes every shoot day, an orange row every shooting week,
and red rows mark holidays that fall between two shoot days.  A revised board opens with a row
naming its revision (``The Long Night — STRIPBOARD — BLUE revision of 14 Sep 2026``); that row
and the column headers take the revision's colour, and the printed page header names it too.
After a re-plan, the strips of scenes on a new day (moved, new, unfrozen) carry the scripts'
revision mark ``*`` after the scene number.
"""

from __future__ import annotations

from datetime import date, timedelta

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...calendar import long_date
from ...data import CalendarDayType
from ...report import hours_text, pages_text, parts_in_shooting_order
from ...solution import ScenePart
from .. import styles
from ._cells import banner, fit_height, header, print_setup, put, widths
from ._report import ScheduleReport, cast_ids

SHEET = "Stripboard"
HEADERS = ("Day", "Scene", "I/E", "Set", "D/N", "Pages", "Est. Time", "Cast", "Location",
           "Synopsis")
WIDTHS = (6, 10, 8, 32, 7, 7, 9, 16, 22, 56)
LAST_COLUMN = len(HEADERS)
CHANGE_MARK = "*"  # the revision mark of scripts: this strip is on a new day since the last issue
_STRIP_ALIGNMENT = {1: styles.CENTER, 2: styles.LEFT, 3: styles.CENTER, 4: styles.LEFT_WRAP_MIDDLE,
                    5: styles.CENTER, 6: styles.CENTER, 7: styles.CENTER, 8: styles.LEFT,
                    9: styles.LEFT_WRAP_MIDDLE, 10: styles.LEFT_WRAP_MIDDLE}


def write_stripboard(workbook: Workbook, report: ScheduleReport) -> None:
    sheet = workbook.create_sheet(SHEET)
    header_row = _revision_banner(sheet, report)
    header(sheet, header_row, HEADERS, fill=report.header_fill)
    row = header_row + 1
    schedule = report.schedule
    week, week_days, week_eighths = 1, 0, 0
    for day in range(1, schedule.wrap_day + 1):
        row = _write_day(sheet, row, report, day)
        week_days += 1
        week_eighths += schedule.eighths_on(day)
        if day == schedule.wrap_day:
            break
        this_week, next_weeks = _holidays_between(report, day)
        row = _holiday_banners(sheet, row, this_week)
        if _new_week(report.date_of(day), report.date_of(day + 1)):
            banner(sheet, row, f"END OF WEEK {week} — {week_days} shoot days — "
                               f"{pages_text(week_eighths)} pages",
                   LAST_COLUMN, fill=styles.WEEK_BREAK_FILL, font=styles.BOLD_FONT)
            row += 1
            week, week_days, week_eighths = week + 1, 0, 0
        row = _holiday_banners(sheet, row, next_weeks)
    widths(sheet, WIDTHS)
    sheet.freeze_panes = f"A{header_row + 1}"
    print_setup(sheet, title_rows=f"1:{header_row}")
    sheet.oddHeader.center.text = report.page_header("stripboard")


def _revision_banner(sheet: Worksheet, report: ScheduleReport) -> int:
    """A revised board opens with its revision, as a header board does, so that the 1st AD
    sees which board this is on screen too; the row of the column headers is returned."""
    if report.revision is None:
        return 1
    text = f"{report.title} — STRIPBOARD — {report.revision.label}"
    if report.changes is not None:
        text += f" — {CHANGE_MARK} on a new day since the last issue (see Changes)"
    banner(sheet, 1, text, LAST_COLUMN, fill=report.header_fill, font=styles.SUBTITLE_FONT)
    return 2


def _write_day(sheet: Worksheet, row: int, report: ScheduleReport, day: int) -> int:
    schedule = report.schedule
    when = report.date_of(day)
    parts = parts_in_shooting_order(schedule, day)
    if not parts:
        banner(sheet, row, f"DAY {day} — {long_date(when)} — no scenes scheduled "
                           "(a paid crew day)",
               LAST_COLUMN, fill=styles.FREE_DAY_FILL, font=styles.BOLD_FONT)
        return row + 1
    previous_location: str | None = None
    for part in parts:
        location = part.scene.location
        if previous_location and location and location != previous_location:
            banner(sheet, row, f"COMPANY MOVE — {report.location_label(previous_location)} → "
                               f"{report.location_label(location)} — "
                               f"{hours_text(report.production.settings.company_move_minutes)} h",
                   LAST_COLUMN, fill=styles.MOVE_FILL, font=styles.BOLD_FONT)
            row += 1
        previous_location = location or previous_location
        _write_strip(sheet, row, report, day, part)
        row += 1
    banner(sheet, row, f"END OF DAY {day} — {long_date(when)} — "
                       f"{pages_text(schedule.eighths_on(day))} pages — "
                       f"{hours_text(schedule.minutes_on(day))} h",
           LAST_COLUMN, fill=styles.DAY_BREAK_FILL, font=styles.DAY_BREAK_FONT)
    return row + 1


def _write_strip(sheet: Worksheet, row: int, report: ScheduleReport, day: int,
                 part: ScenePart) -> None:
    scene = part.scene
    scene_label = scene.id if part.count == 1 else f"{scene.id} ({part.label})"
    if scene.id in report.changed_scene_ids:
        scene_label = f"{scene_label} {CHANGE_MARK}"
    pages = pages_text(scene.eighths) if part.index == 0 else "cont."
    values = (day, scene_label, scene.int_ext.value, scene.set_name, scene.day_night.value,
              pages, hours_text(part.minutes), cast_ids(scene),
              report.location_label(scene.location), scene.synopsis)
    fill = report.palette.fill(scene.int_ext, scene.day_night)
    for column, value in enumerate(values, start=1):
        put(sheet, row, column, value, fill=fill, alignment=_STRIP_ALIGNMENT[column],
            font=styles.BOLD_FONT if column == 2 else None, border=True)
    fit_height(sheet, row, ((scene.set_name, WIDTHS[3]), (scene.synopsis, WIDTHS[9]),
                            (report.location_label(scene.location), WIDTHS[8])))


def _holidays_between(report: ScheduleReport, day: int) -> tuple[list[date], list[date]]:
    """Holidays strictly between shoot day ``day`` and the next one: those in the week of
    ``day`` (shown before the week break) and those after it."""
    holidays = _holiday_dates(report)
    this = report.date_of(day)
    span = (report.date_of(day + 1) - this).days
    between = [this + timedelta(days=k) for k in range(1, span)]
    found = [when for when in between if when in holidays]
    return ([w for w in found if not _new_week(this, w)], [w for w in found if _new_week(this, w)])


def _holiday_banners(sheet: Worksheet, row: int, holidays: list[date]) -> int:
    for when in holidays:
        banner(sheet, row, f"HOLIDAY — {long_date(when)}", LAST_COLUMN,
               fill=styles.HOLIDAY_FILL, font=styles.BOLD_FONT)
        row += 1
    return row


def _holiday_dates(report: ScheduleReport) -> set[date]:
    production = report.production
    return set(production.settings.holidays) | {
        entry.date for entry in production.calendar_entries
        if entry.type is CalendarDayType.HOLIDAY
    }


def _new_week(this: date, following: date) -> bool:
    return this.isocalendar()[:2] != following.isocalendar()[:2]
