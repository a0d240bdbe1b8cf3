"""Sheet ``Changes``: what a re-plan changed and what it costs, for the producer and the 1st AD.

This sheet is our addition to the output contract (``spec/outputs.md`` lists the sheets of a
first schedule): a revised schedule is only usable when the people who send the calls can see,
without comparing two boards strip by strip, which scenes moved, whom to call and release, which
bookings to add or cancel, and what the revision costs.  It is written only with a
``ChangeReport`` (``write_schedule(..., changes=...)``), after ``Summary``.

The sheet reads top to bottom, one block after another (columns A to F):

- a heading in the revision's colour: ``<title> — CHANGES — BLUE revision of 14 Sep 2026 —
  re-planned from Mon 14 Sep 2026``, and one line counting what changed;
- ``SCENES``: ``Scene``, ``Set``, ``Change`` (``moved``, ``cut``, ``added``, ``new part``,
  ``unfrozen``), ``Old date``, ``New date`` (Excel dates, empty for a scene not on that
  schedule), ``Reason``; sorted by old date, new scenes last by their new date;
- ``CAST``: ``ID``, ``Name``, ``Days added``, ``Days released`` (counts), ``Call on``,
  ``Release from`` (the dates, runs of consecutive dates as ranges); one row per cast member
  whose work days changed, the first to change first;
- ``LOCATIONS``: the same columns for each location's bookings gained and lost (``Book on``,
  ``Cancel``);
- ``COSTS``: ``Plan``, ``Amount``, ``Currency``, ``Note``: the current plan (``no longer
  valid`` when it breaks a rule of the edited breakdown), the revised plan (what was shot plus
  what is planned), the plan from scratch for the same remaining work (``not made`` when none
  was), the price of the changes (revised minus current) and the price of stability (revised
  minus from scratch); amounts in the production's currency with the ``Costs`` sheet's format.

Header rows take the revision's colour; text is written with ``set_cell`` (formula-like text
stays text).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...calendar import long_date
from ...report import change_costs, change_rows, date_runs_text, days_changes_in_order
from ...revision import ChangeReport, DaysChange, SceneChangeKind
from .. import styles
from ._cells import banner, fit_height, header, print_setup, put, put_row, widths
from ._report import ScheduleReport

SHEET = "Changes"
LAST_COLUMN = 6
WIDTHS = (20, 28, 12, 16, 40, 48)
SCENE_HEADERS = ("Scene", "Set", "Change", "Old date", "New date", "Reason")
CAST_HEADERS = ("ID", "Name", "Days added", "Days released", "Call on", "Release from")
LOCATION_HEADERS = ("ID", "Name", "Days gained", "Days lost", "Book on", "Cancel")
COST_HEADERS = ("Plan", "Amount", "Currency", "Note")
_DATE_FORMATS = {3: styles.DATE_FORMAT, 4: styles.DATE_FORMAT}


def write_changes(workbook: Workbook, report: ScheduleReport, changes: ChangeReport) -> None:
    """The ``Changes`` sheet of a re-plan (the module docstring is its contract)."""
    sheet = workbook.create_sheet(SHEET)
    row = _heading(sheet, report, changes) + 1
    row = _scenes(sheet, row, report, changes) + 1
    row = _days(sheet, row, report, "CAST — who to call, who to release", CAST_HEADERS,
                changes.cast, "no cast member's work days changed") + 1
    row = _days(sheet, row, report, "LOCATIONS — bookings gained and lost", LOCATION_HEADERS,
                changes.locations, "no location booking changed") + 1
    _costs(sheet, row, report, changes)
    widths(sheet, WIDTHS)
    print_setup(sheet, landscape=True)
    sheet.oddHeader.center.text = report.page_header("changes")
    sheet.sheet_properties.tabColor = report.header_fill.fgColor.rgb


def _heading(sheet: Worksheet, report: ScheduleReport, changes: ChangeReport) -> int:
    banner(sheet, 1, f"{report.title} — CHANGES — {changes.revision.label} — re-planned from "
                     f"{long_date(changes.replanned_from)}",
           LAST_COLUMN, fill=report.header_fill, font=styles.SUBTITLE_FONT)
    sheet.row_dimensions[1].height = 20
    put(sheet, 2, 1, counts_text(changes), font=styles.NOTE_FONT)
    return 3


def counts_text(changes: ChangeReport) -> str:
    """One line of what changed: ``2 scenes moved, 1 cut; 2 cast members, 1 location``."""
    kinds = [change.kind for change in changes.scenes]
    scene_counts = [f"{kinds.count(kind)} {_kind_word(kind, kinds.count(kind))}"
                    for kind in SceneChangeKind if kind in kinds]
    people = _plural(len(changes.cast), "cast member")
    places = _plural(len(changes.locations), "location")
    return (f"{', '.join(scene_counts) or 'no scene changed'}; days changed for {people} and "
            f"{places}")


def _kind_word(kind: SceneChangeKind, count: int) -> str:
    if kind is SceneChangeKind.NEW_PART:
        return "new parts" if count > 1 else "new part"
    noun = "scenes" if count > 1 else "scene"
    return f"{noun} {kind.value}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _section(sheet: Worksheet, row: int, title: str, report: ScheduleReport,
             titles: Sequence[str]) -> int:
    banner(sheet, row, title, LAST_COLUMN, fill=styles.SECTION_FILL, font=styles.BOLD_FONT)
    header(sheet, row + 1, titles, fill=report.header_fill)
    return row + 2


def _none(sheet: Worksheet, row: int, text: str) -> int:
    put(sheet, row, 1, text, font=styles.NOTE_FONT)
    return row + 1


def _scenes(sheet: Worksheet, row: int, report: ScheduleReport, changes: ChangeReport) -> int:
    row = _section(sheet, row, "SCENES — moved, cut, new", report, SCENE_HEADERS)
    rows = change_rows(report.production, changes)
    if not rows:
        return _none(sheet, row, "no scene changed")
    for item in rows:
        values: tuple[str | date | None, ...] = (item.scene, item.set_name, item.kind,
                                                 item.before, item.after, item.reason)
        put_row(sheet, row, values, alignment=styles.LEFT_WRAP, number_formats=_DATE_FORMATS)
        fit_height(sheet, row, ((item.set_name, WIDTHS[1]), (item.reason, WIDTHS[5])))
        row += 1
    return row


def _days(sheet: Worksheet, row: int, report: ScheduleReport, title: str,
          titles: Sequence[str], entries: tuple[DaysChange, ...], empty: str) -> int:
    row = _section(sheet, row, title, report, titles)
    if not entries:
        return _none(sheet, row, empty)
    for entry in days_changes_in_order(entries):
        called, released = date_runs_text(entry.added), date_runs_text(entry.released)
        put_row(sheet, row, (entry.entity_id, entry.name, len(set(entry.added)),
                             len(set(entry.released)), called, released),
                alignment=styles.LEFT_WRAP)
        fit_height(sheet, row, ((called, WIDTHS[4]), (released, WIDTHS[5])))
        row += 1
    return row


def _costs(sheet: Worksheet, row: int, report: ScheduleReport, changes: ChangeReport) -> int:
    row = _section(sheet, row, "COSTS — the whole production, shot and planned", report,
                   COST_HEADERS)
    costs = change_costs(changes)
    currency = report.production.settings.currency
    lines: list[tuple[str, Decimal | None, str, str]] = [
        ("Current plan", costs.current, "no longer valid",
         "the current schedule on the edited breakdown"),
        ("Revised plan", costs.revised, "", "what was shot plus what is planned"),
        ("From scratch", costs.from_scratch, "not made",
         "the same remaining work planned with no regard to the current schedule"),
        ("Price of the changes", costs.price_of_changes, "n/a",
         "revised plan minus current plan"),
        ("Price of stability", costs.price_of_stability, "n/a",
         "revised plan minus from scratch: what keeping to the current days costs"),
    ]
    for label, amount, missing, note in lines:
        put(sheet, row, 1, label, font=styles.BOLD_FONT, border=True)
        if amount is None:
            put(sheet, row, 2, missing, border=True, alignment=styles.RIGHT)
        else:
            put(sheet, row, 2, amount, number_format=styles.MONEY_FORMAT, border=True)
        put(sheet, row, 3, currency if amount is not None else None, border=True,
            alignment=styles.CENTER)
        put(sheet, row, 4, note, font=styles.NOTE_FONT)
        row += 1
    return row
