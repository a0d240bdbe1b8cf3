"""Sheet ``Call Sheets``: one printable block per shoot day, a page break after each.

Each block: title; on a revised schedule the revision (``Schedule: BLUE revision of 14 Sep
2026``, in the revision's colour); ``Day X of Y``, date and the assumed crew call; the bottleneck
flag with its main drivers (when a risk forecast is given); locations with address and company
moves; scenes; cast with character and DOOD status; special crew, equipment and extras; the next
shoot day's scenes in short form (advance schedule).
"""

from __future__ import annotations

import itertools

from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ...calendar import long_date
from ...data import Scene
from ...dood import DoodCode
from ...report import hours_text, pages_text, parts_in_shooting_order
from .. import styles
from ._cells import banner, fit_height, header, print_setup, put, put_row, widths
from ._report import ScheduleReport, cast_ids

SHEET = "Call Sheets"
LAST_COLUMN = 8
WIDTHS = (11, 26, 7, 8, 7, 7, 12, 46)
SCENE_HEADERS = ("Scene", "Set", "I/E", "D/N", "Pages", "Est.", "Cast", "Synopsis")


def write_call_sheets(workbook: Workbook, report: ScheduleReport) -> None:
    sheet = workbook.create_sheet(SHEET)
    row = 1
    shooting_days = report.schedule.shooting_days
    for index, day in enumerate(shooting_days):
        following = shooting_days[index + 1] if index + 1 < len(shooting_days) else None
        row = _write_block(sheet, row, report, day, following)
        if following is not None:
            sheet.row_breaks.append(Break(id=row))
            row += 1
    widths(sheet, WIDTHS)
    print_setup(sheet, landscape=False)
    sheet.oddHeader.center.text = report.page_header("call sheets")


def _write_block(sheet: Worksheet, row: int, report: ScheduleReport, day: int,
                 following: int | None) -> int:
    banner(sheet, row, f"{report.title} — CALL SHEET", LAST_COLUMN, fill=styles.TITLE_FILL,
           font=styles.TITLE_FONT)
    sheet.row_dimensions[row].height = 22
    row += 1
    if report.revision is not None:
        banner(sheet, row, f"Schedule: {report.revision.label}", LAST_COLUMN,
               fill=report.header_fill, font=styles.BOLD_FONT)
        row += 1
    _label(sheet, row, 1, "Day", f"{day} of {report.schedule.wrap_day}")
    _label(sheet, row, 3, "Date", long_date(report.date_of(day)))
    _label(sheet, row, 7, "Crew call", f"{report.crew_call(day)} (assumed)")
    row += 1
    row = _bottleneck(sheet, row, report, day) + 1
    row = _locations(sheet, row, report, day) + 1
    row = _scenes(sheet, row, report, day) + 1
    row = _cast(sheet, row, report, day) + 1
    row = _special(sheet, row, report, day) + 1
    return _advance(sheet, row, report, following)


def _label(sheet: Worksheet, row: int, column: int, label: str, value: str) -> None:
    put(sheet, row, column, label, font=styles.BOLD_FONT)
    put(sheet, row, column + 1, value, font=styles.SUBTITLE_FONT)


def _section(sheet: Worksheet, row: int, title: str) -> int:
    banner(sheet, row, title, LAST_COLUMN, fill=styles.SECTION_FILL, font=styles.BOLD_FONT)
    return row + 1


def _bottleneck(sheet: Worksheet, row: int, report: ScheduleReport, day: int) -> int:
    put(sheet, row, 1, "Bottleneck", font=styles.BOLD_FONT)
    if report.risk is None or day not in report.risk:
        put(sheet, row, 2, "n/a (no forecast)")
        return row + 1
    probability, flagged, drivers = report.risk[day]
    verdict = "FLAGGED: likely to run over" if flagged else "not flagged"
    font: Font = styles.FLAG_FONT if flagged else styles.BASE_FONT
    put(sheet, row, 2, f"{probability:.0%} — {verdict}", font=font)
    if drivers:
        put(sheet, row, 7, "Drivers", font=styles.BOLD_FONT)
        put(sheet, row, 8, ", ".join(drivers), alignment=styles.LEFT_WRAP)
    return row + 1


def _locations(sheet: Worksheet, row: int, report: ScheduleReport, day: int) -> int:
    row = _section(sheet, row, "LOCATIONS")
    production, schedule = report.production, report.schedule
    visited = schedule.locations_on(day)
    if not visited:
        put(sheet, row, 2, "no location given")
        return row + 1
    for number, location_id in enumerate(visited, start=1):
        location = production.location_by_id.get(location_id)
        put(sheet, row, 1, f"{number}.", alignment=styles.CENTER)
        put(sheet, row, 2, report.location_label(location_id), font=styles.BOLD_FONT)
        put(sheet, row, 3, f"Address: {location.address}" if location and location.address
            else "Address: —")
        row += 1
    move_time = hours_text(production.settings.company_move_minutes)
    for before, after in itertools.pairwise(visited):
        banner(sheet, row, f"Company move: {report.location_label(before)} → "
                           f"{report.location_label(after)} ({move_time} h)",
               LAST_COLUMN, fill=styles.MOVE_FILL, font=styles.BOLD_FONT)
        row += 1
    return row


def _scenes(sheet: Worksheet, row: int, report: ScheduleReport, day: int) -> int:
    schedule = report.schedule
    row = _section(sheet, row, f"SCENES — {pages_text(schedule.eighths_on(day))} pages, "
                               f"{hours_text(schedule.minutes_on(day))} h with moves")
    header(sheet, row, SCENE_HEADERS)
    row += 1
    for part in parts_in_shooting_order(schedule, day):
        scene = part.scene
        fill: PatternFill = report.palette.fill(scene.int_ext, scene.day_night)
        label = scene.id if part.count == 1 else f"{scene.id} ({part.label})"
        pages = pages_text(scene.eighths) if part.index == 0 else "cont."
        put_row(sheet, row, (label, scene.set_name, scene.int_ext.value, scene.day_night.value,
                             pages, hours_text(part.minutes), cast_ids(scene), scene.synopsis),
                fill=fill, alignment=styles.LEFT_WRAP)
        fit_height(sheet, row, ((scene.set_name, WIDTHS[1]), (scene.synopsis, WIDTHS[7]),
                                (cast_ids(scene), WIDTHS[6])))
        row += 1
    return row


def _cast(sheet: Worksheet, row: int, report: ScheduleReport, day: int) -> int:
    row = _section(sheet, row, "CAST")
    header(sheet, row, ("ID", "Name", "Status"))
    _character_cells(sheet, row, "Character", font=styles.HEADER_FONT, fill=styles.HEADER_FILL)
    row += 1
    on_hold = []
    for member in report.dood.rows:
        code = member.codes.get(day)
        if code is DoodCode.HOLD:
            on_hold.append(f"{member.cast_id} {member.name}".strip())
        if code is None or not code.is_work:
            continue
        put_row(sheet, row, (member.cast_id, member.name, code.value), alignment=styles.LEFT)
        _character_cells(sheet, row, member.character)
        row += 1
    if on_hold:
        put(sheet, row, 1, "On hold", font=styles.BOLD_FONT)
        put(sheet, row, 2, "paid, not called: " + "; ".join(on_hold), font=styles.NOTE_FONT)
        row += 1
    return row


def _character_cells(sheet: Worksheet, row: int, text: str, *, font: Font | None = None,
                     fill: PatternFill | None = None) -> None:
    """The character in D, running on over the empty cells to H, so long role names fit."""
    put(sheet, row, 4, text, font=font, fill=fill, alignment=styles.LEFT)
    for column in range(5, LAST_COLUMN + 1):
        put(sheet, row, column, None, fill=fill)


def _special(sheet: Worksheet, row: int, report: ScheduleReport, day: int) -> int:
    row = _section(sheet, row, "SPECIAL CREW, EQUIPMENT, BACKGROUND")
    production, parts = report.production, report.schedule.parts_by_day[day]
    crew = sorted({c for part in parts for c in part.scene.crew})
    equipment = sorted({e for part in parts for e in part.scene.equipment})
    tags = sorted({t for part in parts for t in part.scene.tags})
    extras = sum(part.scene.extras for part in parts)
    lines = [
        ("Crew", ", ".join(production.label_of("crew", c) for c in crew) or "—"),
        ("Equipment", ", ".join(production.label_of("equipment", e) for e in equipment) or "—"),
        ("Background", f"{extras} extras" if extras else "—"),
        ("Notes", ", ".join(tags) if tags else "—"),
    ]
    for label, text in lines:
        put(sheet, row, 1, label, font=styles.BOLD_FONT)
        put(sheet, row, 2, text)
        row += 1
    return row


def _advance(sheet: Worksheet, row: int, report: ScheduleReport, following: int | None) -> int:
    if following is None:
        return _section(sheet, row, "ADVANCE SCHEDULE — this is the last shoot day (wrap)")
    row = _section(sheet, row, f"ADVANCE SCHEDULE — Day {following}, "
                               f"{long_date(report.date_of(following))}")
    for part in parts_in_shooting_order(report.schedule, following):
        scene = part.scene
        label = scene.id if part.count == 1 else f"{scene.id} ({part.label})"
        put(sheet, row, 1, label, font=styles.BOLD_FONT)
        put(sheet, row, 2, f"{_heading(scene)} — {scene.day_night.value} — "
                           f"{pages_text(scene.eighths)} pgs — cast {cast_ids(scene) or '—'}")
        row += 1
    return row


def _heading(scene: Scene) -> str:
    """``INT KITCHEN``; a set already named like a scene heading (``INT. KITCHEN``) as is."""
    if scene.set_name.upper().startswith(("INT", "EXT", "I/E")):
        return scene.set_name
    return f"{scene.int_ext.value} {scene.set_name}".strip()
