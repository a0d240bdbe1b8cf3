"""Breakdown workbooks built in code for the excel tests (no binary fixtures in the repository).

``sample_production`` is a small production using every sheet and most columns, in the reader's
normal form.  ``messy_rows`` describes the same production the way a hurried line producer might
write it: synonym headers, shuffled columns, text dates, ``$1,250``, names instead of ids, lists
split by ``;`` and new lines, blank rows, unknown columns.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from scheduler.data import (
    Availability,
    Billing,
    CalendarDayType,
    CalendarEntry,
    CastMember,
    ConstraintKind,
    DayNight,
    IntExt,
    Location,
    Production,
    Resource,
    Scene,
    SceneConstraint,
    Settings,
)
from scheduler.excel.breakdown import write_breakdown
from scheduler.excel.safe import set_cell

MONDAY = date(2026, 3, 2)
FORMULA_LOOKING_SYNOPSIS = "=the family argues"

Rows = list[list[Any]]


def sample_production() -> Production:
    """Six scenes at three locations, three cast (one a minor), crew, equipment, rules."""
    settings = Settings(
        title="Harbour Lights", start_date=MONDAY, end_date=date(2026, 3, 20),
        holidays=(date(2026, 3, 9),), standard_day_minutes=600, max_day_minutes=720,
        overtime_cost_per_hour=900, pages_per_day_eighths=36, crew_day_cost=8000,
        company_move_cost=1500, company_move_minutes=45, budget=250_000, currency="EUR",
        time_limit_s=30,
    )
    scenes = (
        Scene(id="1", int_ext=IntExt.EXT, day_night=DayNight.DAY, set_name="EXT. HARBOUR - DAY",
              location="DOCK", eighths=19, cast=("1", "2"), extras=12, crew=("STC",),
              equipment=("BOAT",), tags=("water", "stunt"), synopsis="Ana arrives by boat",
              story_day="1"),
        Scene(id="2", int_ext=IntExt.INT, day_night=DayNight.NIGHT, set_name="INT. KITCHEN",
              location="HSE", eighths=12, cast=("1", "2")),
        Scene(id="3", set_name="INT. EVA'S ROOM", location="HSE", eighths=6, cast=("1", "3"),
              tags=("minor",), earliest=date(2026, 3, 4)),
        Scene(id="4A", int_ext=IntExt.EXT, day_night=DayNight.DUSK, set_name="EXT. CAFE TERRACE",
              location="CAFE", eighths=24, est_minutes=270, cast=("2",),
              latest=date(2026, 3, 13)),
        Scene(id="4B", int_ext=IntExt.INT_EXT, day_night=DayNight.DAWN, set_name="INT./EXT. CAR",
              location="CAFE", eighths=1, est_minutes=50, cast=("1",), equipment=("CRANE",),
              tags=("vehicle",)),
        Scene(id="5", set_name="INT. HALL", location="HSE", eighths=16, cast=("1", "2", "3"),
              shoot_on=date(2026, 3, 11), synopsis=FORMULA_LOOKING_SYNOPSIS),
    )
    cast = (
        CastMember(id="1", name="Maya Lind", character="Ana", daily_rate=1250,
                   availability=Availability(unavailable=(date(2026, 3, 5), date(2026, 3, 6)))),
        CastMember(id="2", name="Tom Berg", character="Jonas", daily_rate=900, drop_pickup=True,
                   availability=Availability(available_to=date(2026, 3, 19))),
        CastMember(id="3", name="Lily Park", character="Little Eva", daily_rate=400, minor=True,
                   max_minutes=360),
    )
    locations = (
        Location(id="HSE", name="Harbour House", address="1 Quay St", daily_fee=1200,
                 move_in_cost=2500, zone="north"),
        Location(id="DOCK", name="Old Dock", daily_fee=800, zone="north",
                 availability=Availability(available_from=date(2026, 3, 4),
                                           unavailable=(date(2026, 3, 12),))),
        Location(id="CAFE", name="Blue Cafe", daily_fee=500),
    )
    crew = (
        Resource(id="DP", name="Dana Rossi", role="Director of Photography", daily_rate=1100,
                 billing=Billing.SPAN, every_day=True),
        Resource(id="STC", role="Stunt Coordinator", daily_rate=700,
                 availability=Availability(available_from=date(2026, 3, 3))),
    )
    equipment = (
        Resource(id="CRANE", name="Techno crane", daily_rate=1500,
                 availability=Availability(unavailable=(date(2026, 3, 10), date(2026, 3, 11)))),
        Resource(id="BOAT", name="Picture boat", daily_rate=600, billing=Billing.SPAN),
    )
    constraints = (
        SceneConstraint(kind=ConstraintKind.BEFORE, scenes=("1", "2"), note="establish"),
        SceneConstraint(kind=ConstraintKind.NOT_ON, scenes=("3",), dates=(date(2026, 3, 16),)),
        SceneConstraint(kind=ConstraintKind.SAME_DAY, scenes=("4A", "4B")),
    )
    calendar_entries = (
        CalendarEntry(date=date(2026, 3, 14), type=CalendarDayType.WORK),
        CalendarEntry(date=date(2026, 3, 17), type=CalendarDayType.OFF),
    )
    return Production(settings=settings, scenes=scenes, cast=cast, locations=locations,
                      crew=crew, equipment=equipment, constraints=constraints,
                      calendar_entries=calendar_entries)


def messy_rows() -> dict[str, Rows]:
    """``sample_production`` as a hurried line producer writes it (same production)."""
    return {
        "Settings": [
            ["Harbour Lights - setup sheet"],
            [],
            ["Setting", "Value"],
            ["Title", "Harbour Lights"],
            ["Start Date", "2026-03-02"],
            ["Wrap Date", datetime(2026, 3, 20)],
            ["Work Week", "mon - fri"],
            ["Holidays", "2026-03-09"],
            ["Standard Day", "10:00"],
            ["Max Day Hours", 12],
            ["Overtime", "€900"],
            ["Pace", "4 4/8"],
            ["Crew Day Cost", "8.000"],
            ["Company Move Cost", "1,500.00"],
            ["Move Time", "0:45"],
            ["Max Locations", 2],
            ["Split Days", "n"],
            ["Turnaround", "Y"],
            ["drop_pickup_min_days", 10],
            ["Budget", "$250,000"],
            ["Currency", "EUR"],
            ["Time Limit", 30],
            ["Producer", "Someone"],
        ],
        "Breakdown": [
            ["Description", "Sc #", "Page Count", "D/N", "I/E", "Set Name", "Loc",
             "Cast Members", "Est. Time", "BG", "Special Crew", "Elements", "Tags",
             "Not Before", "Deadline", "Pin", "Story Day", "Notes"],
            ["Ana arrives by boat", 1, "2 3/8", "Day", "Ext", "EXT. HARBOUR - DAY", "Old Dock",
             "Maya Lind; Jonas", None, 12, "STC", "BOAT", "Water, STUNT", None, None, None, 1,
             "check tide tables"],
            [],
            [None, 2, 1.5, "N", "INT.", "INT. KITCHEN", "hse", "1\n2", None, None, None, None,
             None, None, None, None, None, None],
            [None, 3, "6/8", "D", "int", "INT. EVA'S ROOM", "HSE", "1;3", None, 0, None, None,
             "minor", "2026-03-04", None, None, None, None],
            [None, "4A", 3, "DUSK", "EXT", "EXT. CAFE TERRACE", "CAFE", "Tom Berg", "4:30", None,
             None, None, None, None, "13 Mar 2026", None, None, None],
            [None, "4B", "1/8", "dawn", "I/E", "INT./EXT. CAR", "Blue Cafe", "Ana", "50 min",
             None, None, "Techno crane", "vehicle", None, None, None, None, None],
            [],
            [FORMULA_LOOKING_SYNOPSIS, 5, "2", "DAY", "INT", "INT. HALL", "HSE", "1, 2, 3", None,
             None, None, None, None, None, None, "2026-03-11", None, None],
        ],
        "Cast List": [
            ["Cast #", "Actor", "Role", "Day Rate", "Not Available", "Avail To", "Drop/Pickup",
             "Minor", "Max Hours", "Agent"],
            [1, "Maya Lind", "Ana", "$1,250", "2026-03-05..2026-03-06", None, "no", None, None,
             "CAA"],
            [2, "Tom Berg", "Jonas", "900.00", None, "2026-03-19", "yes", "n", None, None],
            [3, "Lily Park", "Little Eva", 400, None, None, None, "x", "6:00", None],
        ],
        "Locs": [
            ["Code", "Location Name", "Addr", "Fee", "Move-In", "Avail From", "Blackout",
             "Area"],
            ["HSE", "Harbour House", "1 Quay St", "1,200", "2500", None, None, "north"],
            ["DOCK", "Old Dock", None, 800, None, "2026-03-04", "2026-03-12", "north"],
            ["CAFE", "Blue Cafe", None, "€ 500", 0, None, None, None],
        ],
        "Crew List": [
            ["#", "Name", "Position", "Rate", "Billed", "Everyday", "From"],
            ["DP", "Dana Rossi", "Director of Photography", 1100, "Span", "Y", None],
            ["STC", None, "Stunt Coordinator", 700, "daily", None, "2026-03-03"],
        ],
        "Gear": [
            ["Code", "Item", "Rate", "Billing", "Blackout"],
            ["CRANE", "Techno crane", 1500, "day", "2026-03-10 to 2026-03-11"],
            ["BOAT", "Picture boat", "600", "hold", None],
        ],
        "Rules": [
            ["Type", "Scene", "Date", "Comment"],
            ["before", "1;2", None, "establish"],
            ["Not On", 3, "2026-03-16", None],
            ["same day", "4a, 4B", None, None],
        ],
        "Calendar": [
            ["Day", "Status"],
            [datetime(2026, 3, 14), "Working"],
            ["2026-03-17", "Day Off"],
        ],
    }


def write_rows(path: Path, sheets: dict[str, Rows]) -> Path:
    """A workbook with the given rows per sheet (text that looks like a formula stays text)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        worksheet = workbook.create_sheet(title)
        for row, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                if value is not None:
                    set_cell(worksheet, row, column, value)
    workbook.save(path)
    return path


def write_sample(path: Path, production: Production | None = None) -> Path:
    """The canonical breakdown workbook of ``production`` (default: the sample)."""
    return write_breakdown(production or sample_production(), path)


def edit_cells(path: Path, edits: dict[str, Any]) -> Path:
    """Set cells given as ``"Sheet!F3"``; a text starting with ``=`` becomes a formula."""
    workbook = load_workbook(path)
    for where, value in edits.items():
        sheet, _, cell = where.partition("!")
        workbook[sheet][cell] = value
    workbook.save(path)
    return path


def add_cached_value(path: Path, sheet_number: int, cell: str, value: str) -> Path:
    """Give a formula cell the saved value Excel would have written (openpyxl writes none)."""
    member = f"xl/worksheets/sheet{sheet_number}.xml"
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    xml = contents[member].decode()
    pattern = re.compile(rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?')
    xml, count = pattern.subn(rf"\1\2<v>{value}</v>", xml)
    assert count == 1, f"no formula at {cell}"
    contents[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    return path
