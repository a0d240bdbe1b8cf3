"""Sheet ``Gantt``: every calendar date from the first to the last shoot date across; a row for
every location, cast member, crew member and piece of equipment.

A dark cell is a day worked or used, a light one a paid hold day (cast holds; span-billed crew
and equipment between first and last use; every-day crew on shoot days without scenes), a red
one a dropped day.  Weekends, holidays and other dark dates are shaded down the whole column.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from openpyxl.styles import PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...calendar import WEEKDAY_NAMES
from ...data import Billing, CalendarDayType, Resource
from ...dood import DoodCode
from .. import styles
from ._cells import fill_row, pages_across, print_setup, put, put_row, widths
from ._report import ScheduleReport

SHEET = "Gantt"
LABEL_HEADERS = ("Kind", "ID", "Name")
FIRST_DATE_COLUMN = len(LABEL_HEADERS) + 1
LABEL_WIDTHS = (10, 8, 24)
DATE_WIDTH = 3.6
HEADER_ROWS = 4  # date, weekday, shoot day, table header


class Use(Enum):
    WORK = "work"
    HOLD = "hold"
    DROP = "drop"


class DarkDate(Enum):
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    DARK = "dark"


_DARK_FILLS = {DarkDate.WEEKEND: styles.WEEKEND_FILL, DarkDate.HOLIDAY: styles.HOLIDAY_FILL,
               DarkDate.DARK: styles.DARK_FILL}
_DARK_LABELS = {DarkDate.WEEKEND: "weekend", DarkDate.HOLIDAY: "holiday",
                DarkDate.DARK: "day off (no shooting)"}


def write_gantt(workbook: Workbook, report: ScheduleReport) -> None:
    sheet = workbook.create_sheet(SHEET)
    dates = _dates(report)
    dark = {when: why for when in dates if (why := _dark_kind(report, when)) is not None}
    _header(sheet, report, dates, dark)
    row = HEADER_ROWS + 1
    for title, rows in _sections(report):
        put(sheet, row, 1, title, font=styles.BOLD_FONT, fill=styles.SECTION_FILL)
        fill_row(sheet, row, range(2, FIRST_DATE_COLUMN + len(dates)), styles.SECTION_FILL)
        row += 1
        for kind, entity_id, name, uses, codes in rows:
            put_row(sheet, row, (kind, entity_id, name), alignment=styles.LEFT)
            work_fill = styles.LOCATION_FILL if kind == "location" else styles.WORK_FILL
            for offset, when in enumerate(dates):
                _day_cell(sheet, row, FIRST_DATE_COLUMN + offset, report, when, dark,
                          uses, codes, work_fill)
            row += 1
    _legend(sheet, row + 1)
    widths(sheet, LABEL_WIDTHS)
    widths(sheet, [DATE_WIDTH] * len(dates), first_column=FIRST_DATE_COLUMN)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROWS + 1, column=FIRST_DATE_COLUMN).coordinate
    sheet.sheet_view.zoomScale = 85
    print_setup(sheet, title_rows=f"1:{HEADER_ROWS}",
                pages_wide=pages_across(sum(LABEL_WIDTHS) + DATE_WIDTH * len(dates),
                                        repeated_width=sum(LABEL_WIDTHS)))
    sheet.print_title_cols = "A:C"
    sheet.oddHeader.center.text = f"{report.title} — calendar"


GanttRow = tuple[str, str, str, dict[int, Use], dict[int, str]]


def _sections(report: ScheduleReport) -> list[tuple[str, list[GanttRow]]]:
    production, schedule = report.production, report.schedule
    locations: list[GanttRow] = [
        ("location", loc.id, loc.label, dict.fromkeys(schedule.location_days(loc.id), Use.WORK),
         {}) for loc in production.locations
    ]
    cast: list[GanttRow] = []
    for member in production.cast:
        days = schedule.cast_days[member.id]
        uses = {**dict.fromkeys(days.work, Use.WORK), **dict.fromkeys(days.hold, Use.HOLD),
                **dict.fromkeys(days.dropped, Use.DROP)}
        codes = {day: code.value for day, code in report.dood.row_of(member.id).codes.items()}
        cast.append(("cast", member.id, member.label, uses, codes))
    crew: list[GanttRow] = [("crew", r.id, r.label, _resource_uses(report, r, "crew"), {})
                            for r in production.crew]
    equipment: list[GanttRow] = [
        ("equipment", r.id, r.label, _resource_uses(report, r, "equipment"), {})
        for r in production.equipment
    ]
    sections = [("LOCATIONS", locations), ("CAST", cast), ("CREW", crew),
                ("EQUIPMENT", equipment)]
    return [(title, rows) for title, rows in sections if rows]


def _resource_uses(report: ScheduleReport, resource: Resource, kind: str) -> dict[int, Use]:
    """Days used, and the paid days without use: every-day crew on empty shoot days up to the
    wrap, span billing between first and last use."""
    schedule = report.schedule
    if resource.every_day:
        return {day: Use.WORK if schedule.parts_by_day[day] else Use.HOLD
                for day in range(1, schedule.wrap_day + 1)}
    used = schedule.resource_days(resource, kind)
    uses = dict.fromkeys(used, Use.WORK)
    if used and resource.billing is Billing.SPAN:
        for day in range(used[0], used[-1] + 1):
            uses.setdefault(day, Use.HOLD)
    return uses


def _day_cell(sheet: Worksheet, row: int, column: int, report: ScheduleReport, when: date,
              dark: dict[date, DarkDate], uses: dict[int, Use], codes: dict[int, str],
              work_fill: PatternFill) -> None:
    if when in dark:
        put(sheet, row, column, None, fill=_DARK_FILLS[dark[when]], border=True)
        return
    day = report.schedule.calendar.day_of(when)
    use = uses.get(day) if day is not None else None
    code = codes.get(day or 0)
    if use is None:
        put(sheet, row, column, None, border=True)
    elif use is Use.WORK:
        put(sheet, row, column, code, font=styles.WORK_FONT, fill=work_fill,
            alignment=styles.CENTER, border=True)
    elif use is Use.HOLD:
        put(sheet, row, column, code, font=styles.SMALL_FONT, fill=styles.HOLD_FILL,
            alignment=styles.CENTER, border=True)
    else:
        put(sheet, row, column, code, font=styles.SMALL_BOLD_FONT, fill=styles.DROP_FILL,
            alignment=styles.CENTER, border=True)


def _dates(report: ScheduleReport) -> list[date]:
    if not report.schedule.wrap_day:
        return []
    first, last = report.date_of(1), report.date_of(report.schedule.wrap_day)
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def _dark_kind(report: ScheduleReport, when: date) -> DarkDate | None:
    """Why a date between the first and last shoot date has no shooting, or ``None``."""
    calendar = report.schedule.calendar
    if calendar.day_of(when) is not None:
        return None
    production = report.production
    holidays = set(production.settings.holidays) | {
        e.date for e in production.calendar_entries if e.type is CalendarDayType.HOLIDAY
    }
    if when in holidays:
        return DarkDate.HOLIDAY
    if when.weekday() not in calendar.work_week:
        return DarkDate.WEEKEND
    return DarkDate.DARK


def _header(sheet: Worksheet, report: ScheduleReport, dates: list[date],
            dark: dict[date, DarkDate]) -> None:
    put(sheet, 1, 1, report.title, font=styles.SUBTITLE_FONT, alignment=styles.LEFT_WRAP)
    sheet.merge_cells(start_row=1, start_column=1, end_row=HEADER_ROWS - 1, end_column=2)
    for row, label in ((1, "Date"), (2, "Weekday"), (3, "Shoot day")):
        put(sheet, row, 3, label, font=styles.SMALL_BOLD_FONT, alignment=styles.RIGHT)
    for column, title in enumerate(LABEL_HEADERS, start=1):
        put(sheet, HEADER_ROWS, column, title, font=styles.HEADER_FONT, fill=styles.HEADER_FILL,
            border=True)
    for offset, when in enumerate(dates):
        column = FIRST_DATE_COLUMN + offset
        day = report.schedule.calendar.day_of(when)
        put(sheet, 1, column, when, font=styles.SMALL_BOLD_FONT, alignment=styles.ROTATED,
            number_format="d mmm", fill=styles.HEADER_FILL, border=True)
        weekday_fill = _DARK_FILLS[dark[when]] if when in dark else styles.HEADER_FILL
        put(sheet, 2, column, WEEKDAY_NAMES[when.weekday()][:2], font=styles.SMALL_FONT,
            alignment=styles.CENTER, fill=weekday_fill, border=True)
        put(sheet, 3, column, day, font=styles.SMALL_FONT, alignment=styles.CENTER,
            fill=styles.HEADER_FILL, border=True)
        put(sheet, HEADER_ROWS, column, None, fill=styles.HEADER_FILL, border=True)
    sheet.row_dimensions[1].height = 40


def _legend(sheet: Worksheet, row: int) -> None:
    put(sheet, row, 3, "Legend", font=styles.BOLD_FONT)
    entries: list[tuple[PatternFill, str]] = [
        (styles.WORK_FILL, f"worked / used (cast cells show the DOOD code, "
                           f"{DoodCode.START_WORK.value} ... {DoodCode.WORK_FINISH.value})"),
        (styles.LOCATION_FILL, "location in use"),
        (styles.HOLD_FILL, "paid hold day (not working)"),
        (styles.DROP_FILL, "dropped day (off payroll)"),
        *((_DARK_FILLS[kind], _DARK_LABELS[kind]) for kind in DarkDate),
    ]
    for offset, (fill, text) in enumerate(entries, start=1):
        put(sheet, row + offset, FIRST_DATE_COLUMN, None, fill=fill, border=True)
        put(sheet, row + offset, FIRST_DATE_COLUMN + 1, text)
