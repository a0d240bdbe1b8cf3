"""The schedule workbook, read back with openpyxl and checked against Schedule's facts."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.data import DayNight, IntExt, Production
from scheduler.day_facts import day_features
from scheduler.excel.styles import DEFAULT_PALETTE, StripPalette
from scheduler.excel.writer import OutputPathError, write_schedule
from scheduler.result import Conflict, Result, SolveStatus
from scheduler.rules import Rule
from scheduler.solution import COST_CATEGORIES, Schedule, Solution, to_money
from scheduler.validate import evaluate
from tests.helpers.productions import actor, production, scene
from tests.helpers.reports import (
    FORMULA_SYNOPSIS,
    SAMPLE_RISK,
    report_production,
    sample_result,
    sample_solution,
)

SCHEDULE_HEADERS = ["Shoot Day", "Date", "Scene", "Part", "Set", "Location", "I/E", "D/N",
                    "Pages", "Hours", "Cast"]
DAYS_HEADERS = ["Shoot Day", "Date", "Planned Hours", "Pages", "Scenes", "Cast", "Extras",
                "Locations", "Moves", "Night", "Ext Share", "Stunt", "VFX", "SFX", "Vehicle",
                "Animal", "Water", "Minors", "New Location", "Weekday", "Day Index",
                "Bottleneck Probability", "Flag", "Actual Hours"]


@pytest.fixture(scope="module")
def sample() -> tuple[Production, Schedule]:
    prod = report_production().check()
    evaluation = evaluate(prod, sample_solution())
    assert evaluation.is_valid, evaluation.violations
    return prod, evaluation.schedule


@pytest.fixture(scope="module")
def workbook(sample: tuple[Production, Schedule],
             tmp_path_factory: pytest.TempPathFactory) -> Any:
    prod, _ = sample
    path = write_schedule(prod, sample_result(prod), tmp_path_factory.mktemp("out") / "s.xlsx",
                          risk=SAMPLE_RISK)
    return openpyxl.load_workbook(path)


def table(sheet: Worksheet, header_row: int = 1) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
    titles = rows[0]
    return [dict(zip(titles, row, strict=True)) for row in rows[1:]]


def fill_of(sheet: Worksheet, row: int, column: int) -> str:
    return str(sheet.cell(row=row, column=column).fill.fgColor.rgb)[-6:]


def test_sheets_in_order(workbook: Any) -> None:
    """Tests that every sheet of the output contract is written, in reading order."""
    assert workbook.sheetnames == ["Summary", "Stripboard", "Schedule", "Gantt",
                                   "Day Out of Days", "Call Sheets", "Days", "Costs", "Notes"]


def test_fixed_headers(workbook: Any) -> None:
    """Tests the two sheets programs read: their headers are exactly the contract's."""
    assert [c.value for c in workbook["Schedule"][1]] == SCHEDULE_HEADERS
    assert [c.value for c in workbook["Days"][1]] == DAYS_HEADERS
    assert [c.value for c in workbook["Summary"][1]] == ["Field", "Value"]


def test_schedule_rows_one_per_scene_per_day(workbook: Any,
                                             sample: tuple[Production, Schedule]) -> None:
    """Tests that every scene appears once per shoot day it occupies, with its date, part,
    hours and cast, and that a day's pages add up to the day's pages."""
    prod, schedule = sample
    rows = table(workbook["Schedule"])
    seen = sorted((row["Scene"], row["Shoot Day"]) for row in rows)
    assert seen == sorted((sc.id, day) for sc in prod.scenes for day in schedule.days_of(sc))
    for row in rows:
        day, sc = row["Shoot Day"], prod.scene_by_id[row["Scene"]]
        assert isinstance(row["Date"], datetime)
        assert row["Date"].date() == schedule.calendar.date_of(day)
        index = day - schedule.days_of(sc)[0]
        assert row["Part"] == f"{index + 1}/{prod.scene_days(sc)}"
        assert row["Hours"] == pytest.approx(prod.part_minutes(sc, index) / 60)
        assert row["Cast"] == ", ".join(sc.cast)
        assert (row["I/E"], row["D/N"]) == (sc.int_ext.value, sc.day_night.value)
    assert {r["Part"] for r in rows if r["Scene"] == "6"} == {"1/2", "2/2"}
    for day in schedule.shooting_days:
        pages = sum(r["Pages"] for r in rows if r["Shoot Day"] == day)
        assert pages == pytest.approx(schedule.eighths_on(day) / 8)


def test_dood_codes_and_totals(workbook: Any, sample: tuple[Production, Schedule]) -> None:
    """Tests DOOD cells and totals against Schedule.cast_days and the cast cost lines,
    including the dropped and picked-up member."""
    prod, schedule = sample
    sheet = workbook["Day Out of Days"]
    header = [c.value for c in sheet[1]]
    day_labels = [c.value for c in sheet[2]]
    day_columns = {int(str(label).split()[1]): i for i, label in enumerate(day_labels)
                   if isinstance(label, str) and label.startswith("Day ")}
    assert sorted(day_columns) == list(range(1, schedule.wrap_day + 1))
    for position, day in enumerate(sorted(day_columns)):
        assert header[day_columns[day]].date() == schedule.calendar.date_of(day)
        assert day_columns[day] == 3 + position
    totals = {name: header.index(name) for name in
              ("Work", "Hold", "Drop", "Start", "Finish", "Paid Days", "Daily Rate", "Cost")}
    cast_lines = {line.item: line for line in schedule.cost_lines if line.category == "cast"}
    rows = {r[0]: r for r in sheet.iter_rows(min_row=3, values_only=True) if r[0] in
            prod.cast_by_id}
    assert set(rows) == set(prod.cast_by_id)
    for cast_id, row in rows.items():
        days = schedule.cast_days[cast_id]
        member = prod.cast_by_id[cast_id]
        for day, column in day_columns.items():
            expected = _expected_code(days.work, days.hold, days.dropped,
                                      days.drop.pickup_day if days.drop else None, day)
            assert (row[column] or "") == expected, (cast_id, day)
        assert row[totals["Work"]] == len(days.work)
        assert row[totals["Hold"]] == len(days.hold)
        assert row[totals["Drop"]] == len(days.dropped)
        assert row[totals["Paid Days"]] == days.paid_days
        assert row[totals["Daily Rate"]] == member.daily_rate
        assert row[totals["Cost"]] == pytest.approx(float(to_money(days.paid_days
                                                                   * member.daily_rate * 60)))
        assert row[totals["Cost"]] == pytest.approx(float(to_money(
            cast_lines[member.label].amount)))
        assert row[totals["Start"]].date() == schedule.calendar.date_of(days.work[0])
    detective = [rows["3"][day_columns[d]] for d in range(1, 13)]
    assert detective == ["SW", *["D"] * 10, "PWF"]
    texts = [c.value for c in sheet["B"] if isinstance(c.value, str)]
    assert any("D marks every shoot day" in text for text in texts)


def _expected_code(work: list[int], hold: list[int], dropped: list[int], pickup: int | None,
                   day: int) -> str:
    if day in hold:
        return "H"
    if day in dropped:
        return "D"
    if day not in work:
        return ""
    if len(work) == 1:
        return "SWF"
    if day == work[0]:
        return "SW"
    if day == pickup:
        return "PWF" if day == work[-1] else "PW"
    return "WF" if day == work[-1] else "W"


def test_costs_sum_to_total_and_budget_headroom(workbook: Any,
                                                sample: tuple[Production, Schedule]) -> None:
    """Tests every cost line, a total row equal to total_cost, and the headroom."""
    _, schedule = sample
    rows = table(workbook["Costs"])
    lines = [r for r in rows if r["Category"] in COST_CATEGORIES]
    assert len(lines) == len(schedule.cost_lines)
    total = next(r for r in rows if r["Category"] == "TOTAL")["Amount"]
    assert sum(Decimal(str(r["Amount"])) for r in lines) == to_money(schedule.total_cost)
    assert Decimal(str(total)) == to_money(schedule.total_cost)
    headroom = next(r for r in rows if r["Category"] == "Headroom")["Amount"]
    assert Decimal(str(headroom)) == Decimal(100_000) - to_money(schedule.total_cost)


def test_costs_say_what_each_rate_is_paid_per(workbook: Any,
                                              sample: tuple[Production, Schedule]) -> None:
    """Tests the Days and Per columns: overtime is one day's, per hour; a company move per
    move; a location's move-in per visit; everything else per day."""
    _, schedule = sample
    rows = [r for r in table(workbook["Costs"]) if r["Category"] in COST_CATEGORIES]
    per = {(r["Category"], r["Item"]): (r["Days"], r["Per"]) for r in rows}
    kinds = set()
    for line in schedule.cost_lines:
        days, unit = per[(line.category, line.item)]
        if line.category == "overtime":
            assert (days, unit) == (1, "hour")
        elif line.category == "moves":
            assert (days, unit) == (line.quantity, "move")
        elif line.item.endswith(" move-in"):
            assert (days, unit) == (line.quantity, "visit")
        else:
            assert (days, unit) == (line.quantity, "day")
        kinds.add(unit)
    assert kinds == {"day", "hour", "move", "visit"}


def test_summary_fields(workbook: Any, sample: tuple[Production, Schedule]) -> None:
    """Tests the Summary's contract fields against Schedule and the result."""
    prod, schedule = sample
    result = sample_result(prod)
    values = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=2,
                                                                      values_only=True)}
    assert values["status"] == "feasible"
    assert Decimal(str(values["total_cost"])) == to_money(schedule.total_cost)
    assert values["gap"] == pytest.approx(result.gap)
    gap_cell = next(row[1] for row in workbook["Summary"].iter_rows() if row[0].value == "gap")
    assert gap_cell.number_format.endswith("%")
    assert values["shoot_days"] == schedule.wrap_day
    assert values["wrap_date"].date() == date(2026, 3, 18)
    assert values["bottleneck_days"] == "10"
    for category in COST_CATEGORIES:
        assert (Decimal(str(values[f"cost_{category}"]))
                == to_money(schedule.cost_by_category[category]))
    assert values["company_moves"] == schedule.total_moves == 1
    assert values["cast_hold_days"] == schedule.total_hold_days


def test_strip_fills_match_int_ext_and_day_night(workbook: Any,
                                                 sample: tuple[Production, Schedule]) -> None:
    """Tests the strip colours by I/E and D/N, and black day breaks after every shoot day."""
    prod, schedule = sample
    sheet = workbook["Stripboard"]
    expected = {
        (IntExt.INT, DayNight.DAY): "FFFFFF", (IntExt.EXT, DayNight.DAY): "FFF2A8",
        (IntExt.INT, DayNight.NIGHT): "BDD7EE", (IntExt.EXT, DayNight.NIGHT): "C6E0B4",
        (IntExt.INT_EXT, DayNight.DAY): "FFF2A8", (IntExt.INT_EXT, DayNight.DAWN): "F8CBDA",
        (IntExt.EXT, DayNight.DUSK): "FBD5B5",
    }
    strips = 0
    day_breaks = []
    for row in range(2, sheet.max_row + 1):
        label = sheet.cell(row=row, column=2).value
        first = sheet.cell(row=row, column=1).value
        if label is not None:
            sc = prod.scene_by_id[str(label).split()[0]]
            colour = fill_of(sheet, row, 1)
            assert colour == expected[(sc.int_ext, sc.day_night)], sc.id
            assert fill_of(sheet, row, 10) == colour
            strips += 1
        elif isinstance(first, str) and first.startswith("END OF DAY"):
            assert fill_of(sheet, row, 1) == "000000"
            day_breaks.append(first)
    assert strips == sum(prod.scene_days(sc) for sc in prod.scenes)
    assert len(day_breaks) == len(schedule.shooting_days)
    assert day_breaks[2] == "END OF DAY 3 — Wed 4 Mar 2026 — 7 4/8 pages — 10:00 h"
    banners = [c.value for c in sheet["A"] if isinstance(c.value, str)]
    assert any(b.startswith("END OF WEEK 1") for b in banners)
    assert any(b.startswith("COMPANY MOVE — Location HOUSE → Location STREET") for b in banners)
    assert any(b.startswith("HOLIDAY — Fri 13 Mar 2026") for b in banners)
    assert any(b.startswith("DAY 6 — Mon 9 Mar 2026 — no scenes") for b in banners)
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"


def test_palette_is_configurable(tmp_path: Path) -> None:
    """Tests that a custom palette colours the strips (INT/EXT counts as EXT)."""
    prod = production([scene("1", int_ext=IntExt.INT_EXT, day_night=DayNight.NIGHT)],
                      max_shoot_days=1)
    result = Result(SolveStatus.OPTIMAL, Schedule(prod, Solution(start_day={"1": 1})))
    path = write_schedule(prod, result, tmp_path / "p.xlsx",
                          palette=StripPalette(ext_night="00FF00", int_night="0000FF"))
    assert fill_of(openpyxl.load_workbook(path)["Stripboard"], 2, 1) == "00FF00"
    assert DEFAULT_PALETTE.colour(IntExt.INT_EXT, DayNight.DAY) == DEFAULT_PALETTE.ext_day


def test_gantt_marks_work_hold_drop_and_dark_dates(workbook: Any,
                                                   sample: tuple[Production, Schedule]) -> None:
    """Tests the Gantt: every calendar date across, cast work/hold/drop fills, weekends and the
    holiday shaded down the column."""
    _, schedule = sample
    sheet = workbook["Gantt"]
    dates = [c.value.date() for c in sheet[1][3:] if isinstance(c.value, datetime)]
    first, last = schedule.calendar.date_of(1), schedule.calendar.date_of(schedule.wrap_day)
    assert dates[0] == first and dates[-1] == last and len(dates) == (last - first).days + 1
    column = {when: 4 + i for i, when in enumerate(dates)}
    rows = {(sheet.cell(r, 1).value, sheet.cell(r, 2).value): r
            for r in range(5, sheet.max_row + 1)}
    detective, actor1 = rows[("cast", "3")], rows[("cast", "1")]
    assert sheet.cell(detective, column[date(2026, 3, 2)]).value == "SW"
    dropped = fill_of(sheet, detective, column[date(2026, 3, 4)])
    worked = fill_of(sheet, detective, column[date(2026, 3, 2)])
    held = fill_of(sheet, actor1, column[date(2026, 3, 9)])  # actor 1 holds on day 6
    assert len({dropped, worked, held}) == 3
    assert sheet.cell(actor1, column[date(2026, 3, 9)]).value == "H"
    weekend = fill_of(sheet, actor1, column[date(2026, 3, 7)])
    holiday = fill_of(sheet, actor1, column[date(2026, 3, 13)])
    assert weekend != holiday and {weekend, holiday}.isdisjoint({dropped, worked, held})
    assert fill_of(sheet, rows[("location", "HOUSE")], column[date(2026, 3, 7)]) == weekend
    crane = rows[("equipment", "CRANE")]  # span billing: used days 3, 4, 7; paid 5 and 6
    assert fill_of(sheet, crane, column[date(2026, 3, 6)]) == held
    assert sheet.freeze_panes == "D5"


def test_days_sheet_features_and_risk(workbook: Any,
                                      sample: tuple[Production, Schedule]) -> None:
    """Tests the Days rows: features as day_features gives them, hand-checked on day 1, the
    risk columns and an empty Actual Hours."""
    _, schedule = sample
    rows = {row["Shoot Day"]: row for row in table(workbook["Days"])}
    assert sorted(rows) == schedule.shooting_days
    for day, row in rows.items():
        for name, value in day_features(schedule, day).items():
            assert row[name] == pytest.approx(value), (day, name)
        assert row["Actual Hours"] is None
    first = rows[1]  # house 2 h INT, then a move and 3 h EXT street with a stunt and a car
    assert (first["Planned Hours"], first["Pages"], first["Scenes"], first["Cast"]) == (
        6, 4, 2, 3)
    assert (first["Moves"], first["Locations"], first["New Location"]) == (1, 2, 1)
    assert first["Ext Share"] == pytest.approx(0.6)
    assert (first["Stunt"], first["Vehicle"], first["Extras"], first["Weekday"]) == (1, 1, 20, 0)
    assert rows[2]["Minors"] == 1 and rows[5]["Night"] == 1 and rows[7]["New Location"] == 0
    assert rows[10]["Flag"] == "yes" and rows[10]["Bottleneck Probability"] == 0.82
    assert rows[2]["Flag"] is None


def test_call_sheets_one_block_per_day(workbook: Any,
                                       sample: tuple[Production, Schedule]) -> None:
    """Tests one call sheet per shoot day with a page break between, the DOOD status of the
    cast, the assumed crew calls, the bottleneck flag and the advance schedule."""
    _, schedule = sample
    sheet = workbook["Call Sheets"]
    texts = [[c.value for c in row] for row in sheet.iter_rows()]
    titles = [i for i, row in enumerate(texts) if str(row[0]).endswith("CALL SHEET")]
    assert len(titles) == len(schedule.shooting_days)
    assert len(sheet.row_breaks.brk) == len(titles) - 1
    day5 = texts[titles[4]:titles[5]]  # the night street day
    assert day5[1][1] == "5 of 12" and day5[1][7] == "17:00 (assumed)"
    day1 = texts[titles[0]:titles[1]]
    assert day1[1][7] == "07:00 (assumed)"
    assert day1[_find(day1, "Actor 3")][:4] == ["3", "Actor 3", "SW", "Detective"]
    assert any(str(row[0]).startswith("Company move: Location HOUSE") for row in day1)
    day10 = texts[titles[8]:titles[9]]
    assert str(day10[2][1]).startswith("82%") and "FLAGGED" in str(day10[2][1])
    assert any(str(row[0]).startswith("ADVANCE SCHEDULE — Day 11") for row in day10)
    day8 = texts[titles[6]:titles[7]]  # day 6 has no scenes, so the 7th block is day 8
    assert day8[1][1] == "8 of 12"
    on_hold = next(row for row in day8 if row[0] == "On hold")
    assert "2 Actor 2" in str(on_hold[1]) and "Actor 3" not in str(on_hold[1])  # 3 is dropped
    last = texts[titles[-1]:]
    assert last[1][7] == "17:00 (assumed)"
    assert any("last shoot day" in str(row[0]) for row in last)


def _find(rows: list[list[Any]], name: str) -> int:
    return next(i for i, row in enumerate(rows) if row[1] == name)


def test_formula_like_text_is_written_as_text(tmp_path: Path) -> None:
    """Tests that text starting like a formula or looking like an error comes back as text."""
    texts = ["=1+2", "+49 170 0000", "-- cut --", "@home", "#N/A"]
    prod = production([scene(str(i), synopsis=text, set_name=text)
                       for i, text in enumerate(texts, start=1)], max_shoot_days=5,
                      title="=HYPERLINK(\"x\")")
    result = Result(SolveStatus.OPTIMAL,
                    Schedule(prod, Solution(start_day={str(i): i for i in range(1, 6)})))
    book = openpyxl.load_workbook(write_schedule(prod, result, tmp_path / "f.xlsx"))
    strips = book["Stripboard"]
    synopses = [strips.cell(r, 10) for r in range(2, strips.max_row + 1)
                if strips.cell(r, 2).value is not None]
    assert [c.value for c in synopses] == texts
    assert all(c.data_type == "s" for c in synopses)
    sets = list(book["Schedule"]["E"][1:])
    assert [c.value for c in sets] == texts and all(c.data_type == "s" for c in sets)
    title = book["Summary"]["B2"]
    assert title.value == "=HYPERLINK(\"x\")" and title.data_type == "s"


def test_sample_formula_synopsis_stays_text(workbook: Any) -> None:
    """Tests the sample's formula-like synopsis on the call sheet."""
    cells = [c for row in workbook["Call Sheets"].iter_rows() for c in row
             if c.value == FORMULA_SYNOPSIS]
    assert cells and all(c.data_type == "s" for c in cells)


def test_infeasible_result_writes_summary_and_notes_only(tmp_path: Path) -> None:
    """Tests a result without a solution: Summary with the status, Notes with the conflicts."""
    prod = report_production()
    conflict = Conflict(Rule.CAST_AVAILABILITY, "scene 2 needs Actor 1, who is away all March",
                        scenes=("2",))
    result = Result(SolveStatus.INFEASIBLE, conflicts=(conflict,), runtime=0.5)
    book = openpyxl.load_workbook(write_schedule(prod, result, tmp_path / "inf.xlsx"))
    assert book.sheetnames == ["Summary", "Notes"]
    values = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert values["status"] == "infeasible" and values["total_cost"] is None
    assert values["conflicts"] == 1
    notes = table(book["Notes"])
    assert any(n["Note"] == conflict.message and Rule.CAST_AVAILABILITY.wording in n["Kind"]
               for n in notes)


def test_no_solution_status(tmp_path: Path) -> None:
    """Tests the 'no solution' status (time limit without a schedule)."""
    prod = production([scene("1")], max_shoot_days=1)
    result = Result(SolveStatus.NO_SOLUTION, notes=("no schedule found in 10 s",))
    book = openpyxl.load_workbook(write_schedule(prod, result, tmp_path / "n.xlsx"))
    assert book.sheetnames == ["Summary", "Notes"]
    assert book["Summary"]["B3"].value == "no solution"
    assert book["Notes"]["B2"].value == "no schedule found in 10 s"


def test_refuses_to_overwrite_the_input(tmp_path: Path) -> None:
    """Tests that the input workbook is never overwritten, however the path is spelled."""
    source = tmp_path / "breakdown.xlsx"
    source.write_bytes(b"the producer's breakdown")
    prod = production([scene("1")], max_shoot_days=1)
    result = Result(SolveStatus.OPTIMAL, Schedule(prod, Solution(start_day={"1": 1})))
    spelled = tmp_path / "sub" / ".." / "breakdown.xlsx"
    (tmp_path / "sub").mkdir()
    for path in (source, spelled):
        with pytest.raises(OutputPathError):
            write_schedule(prod, result, path, input_path=source)
    assert source.read_bytes() == b"the producer's breakdown"
    assert write_schedule(prod, result, tmp_path / "out.xlsx", input_path=source).exists()


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Tests that writing (and rewriting) leaves exactly the workbook in the folder."""
    prod = production([scene("1", cast=("A",))], cast=[actor("A")], max_shoot_days=1)
    result = Result(SolveStatus.OPTIMAL, Schedule(prod, Solution(start_day={"1": 1})))
    target = tmp_path / "schedule.xlsx"
    target.write_bytes(b"an old schedule")
    write_schedule(prod, result, target)
    write_schedule(prod, result, target)
    assert [p.name for p in tmp_path.iterdir()] == ["schedule.xlsx"]
    assert openpyxl.load_workbook(target)["Schedule"]["C2"].value == "1"


@pytest.mark.slow
def test_libreoffice_converts_the_workbook_to_pdf(tmp_path: Path) -> None:
    """Tests that LibreOffice opens the workbook headless and prints every sheet to PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    prod = report_production()
    path = write_schedule(prod, sample_result(prod), tmp_path / "sample.xlsx",
                          risk=SAMPLE_RISK)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(path)], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = (tmp_path / "sample.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    # one page each for the small sheets, one call sheet per shooting day
    assert pages >= 8 + len(Schedule(prod, sample_solution()).shooting_days)


def test_schedule_with_nothing_on_the_calendar(tmp_path: Path) -> None:
    """Tests that an empty assignment (wrap day 0) still gives a readable workbook."""
    prod = production([scene("1", cast=("A",))], cast=[actor("A")], max_shoot_days=2)
    result = Result(SolveStatus.FEASIBLE, Schedule(prod, Solution(start_day={})))
    book = openpyxl.load_workbook(write_schedule(prod, result, tmp_path / "e.xlsx"))
    assert book["Schedule"].max_row == 1
    assert [c.value for c in book["Schedule"][1]] == SCHEDULE_HEADERS
    values = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert values["shoot_days"] == 0 and values["wrap_date"] is None
