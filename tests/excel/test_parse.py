"""The cell parsers: documented examples, refusals, round trips, and junk that never raises."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scheduler.data import Billing, CalendarDayType, ConstraintKind, DayNight, IntExt
from scheduler.excel.parse import (
    MAX_MONEY,
    MAX_PAGES,
    Bad,
    DateOrder,
    Ok,
    parse_billing,
    parse_calendar_type,
    parse_constraint_kind,
    parse_date,
    parse_date_format,
    parse_dates,
    parse_day_night,
    parse_eighths,
    parse_id,
    parse_int,
    parse_int_ext,
    parse_list,
    parse_minutes,
    parse_money,
    parse_number,
    parse_text,
    parse_week,
    parse_yes_no,
)
from scheduler.report import dates_text, hours_value, pages_text, work_week_text


def value_of(parsed: Ok[Any] | Bad) -> Any:
    assert isinstance(parsed, Ok), parsed
    return parsed.value


# ----- eighths -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "eighths"), [
    ("2 3/8", 19), ("3/8", 3), ("2", 16), (2, 16), (1.5, 12), ("1.5", 12), ("1/2", 4),
    ("2-3/8", 19), ("2 3/8 pgs", 19), (" 4 ", 32), (0, 0), (2.375, 19), ("1 8/8", 16),
])
def test_eighths_accepts_board_notation_and_decimals(cell: Any, eighths: int) -> None:
    """Tests that page counts are read as eighths, as boards write them."""
    assert value_of(parse_eighths(cell)) == eighths


@pytest.mark.parametrize("cell", ["2 3/9", "1/3", "abc", "-1", -0.5, "2 3/0", "", True,
                                  date(2026, 1, 1), "1,5", "1000", MAX_PAGES + 1])
def test_eighths_refuses_what_is_not_a_page_count(cell: Any) -> None:
    """Tests that thirds, negatives, text and absurd lengths are refused with a reason."""
    result = parse_eighths(cell)
    assert isinstance(result, Bad)
    assert "page" in result.message


def test_eighths_message_matches_the_spec_example() -> None:
    """Tests the message of spec/workbook.md for ``2 3/9``."""
    assert parse_eighths("2 3/9") == Bad('"2 3/9" is not a page count; write eighths like '
                                         '"2 3/8", "3/8" or "2"')


def test_decimal_pages_are_rounded_half_up_with_a_notice() -> None:
    """Tests that 1.3 pages (10.4 eighths) become 1 2/8 and say so; 1.3125 rounds up."""
    rounded = parse_eighths(1.3)
    assert rounded == Ok(10, "1.3 pages rounded to 1 2/8")
    assert value_of(parse_eighths("0.0625")) == 1  # half an eighth rounds up


@given(st.integers(min_value=0, max_value=MAX_PAGES * 8))
def test_eighths_round_trip_as_text_and_number(eighths: int) -> None:
    """Tests that the board notation and the number both read back to the same eighths."""
    assert parse_eighths(pages_text(eighths)) == Ok(eighths)
    assert parse_eighths(eighths / 8) == Ok(eighths)


@pytest.mark.parametrize(("eighths", "text"), [(19, "2 3/8"), (3, "3/8"), (16, "2"), (0, "0")])
def test_format_eighths(eighths: int, text: str) -> None:
    """Tests the board notation of page counts."""
    assert pages_text(eighths) == text


# ----- money -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "amount"), [
    ("$1,250", 1250), ("1250.00", 1250), ("€ 1.250", 1250), ("1.250,00", 1250),
    ("1,250.00", 1250), (1250, 1250), (1250.0, 1250), ("USD 1,250", 1250), ("1250 EUR", 1250),
    ("£12,500,000", 12_500_000), ("1 250", 1250), ("0", 0), ("12,5", 13), ("$0.50", 1),
    ("1'250", 1250),
])
def test_money_accepts_signs_codes_and_separators(cell: Any, amount: int) -> None:
    """Tests the documented money rule: three digits after a separator are thousands."""
    assert value_of(parse_money(cell)) == amount


@pytest.mark.parametrize("cell", ["-100", "$-5", "12,34,5", "1.2.3,4", "abc", "1,2345", "$",
                                  "12 apples", True, date(2026, 1, 1), float("nan"),
                                  float("inf"), MAX_MONEY + 1, "1e5"])
def test_money_refuses_what_is_not_an_amount(cell: Any) -> None:
    """Tests that negatives, bad grouping and non-numbers are refused."""
    assert isinstance(parse_money(cell), Bad)


def test_money_cents_are_rounded_half_up_with_a_notice() -> None:
    """Tests that 1250.50 becomes 1251 with a notice, and 1250.49 becomes 1250."""
    assert parse_money("1250.50") == Ok(1251, '"1250.50" rounded to 1251 (whole currency units)')
    assert value_of(parse_money(1250.49)) == 1250


@given(st.integers(min_value=0, max_value=MAX_MONEY))
def test_money_round_trips_in_every_written_form(amount: int) -> None:
    """Tests plain, US-grouped, dollar, cents and European-grouped forms of one amount."""
    european = f"{amount:,}".replace(",", ".")
    for written in (amount, str(amount), f"{amount:,}", f"${amount:,}", f"{amount:,}.00",
                    f"€ {european}", f"{european},00 EUR"):
        assert parse_money(written) == Ok(amount), written


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_money_with_cents_rounds_half_up(units: int, cents: int) -> None:
    """Tests that ``units.cents`` rounds to the nearest unit, halves up."""
    expected = units + (1 if cents >= 50 else 0)
    assert value_of(parse_money(f"{units}.{cents:02d}")) == expected


# ----- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "expected"), [
    ("2026-03-02", date(2026, 3, 2)), (datetime(2026, 3, 2, 0, 0), date(2026, 3, 2)),
    (date(2026, 3, 2), date(2026, 3, 2)), ("2026/3/2", date(2026, 3, 2)),
    ("2026-03-02 00:00:00", date(2026, 3, 2)), ("2 Mar 2026", date(2026, 3, 2)),
    ("March 2, 2026", date(2026, 3, 2)), ("Mon 2 March 2026", date(2026, 3, 2)),
])
def test_dates_accept_excel_dates_iso_and_month_names(cell: Any, expected: date) -> None:
    """Tests the unambiguous date forms."""
    assert value_of(parse_date(cell)) == expected


def test_slashed_dates_are_ambiguous_without_a_date_format() -> None:
    """Tests that 02/03/2026 is refused unless the Production sheet says how to read it."""
    refused = parse_date("02/03/2026")
    assert isinstance(refused, Bad)
    assert "ambiguous" in refused.message and "date_format" in refused.message
    assert value_of(parse_date("02/03/2026", DateOrder.DMY)) == date(2026, 3, 2)
    assert value_of(parse_date("02/03/2026", DateOrder.MDY)) == date(2026, 2, 3)
    assert isinstance(parse_date("02/03/2026", DateOrder.YMD), Bad)


@pytest.mark.parametrize("cell", ["2026-02-30", "2026-13-01", "31/02/2026", "tomorrow", 46083,
                                  "1899-12-31", "2300-01-01", time(10, 0), True, "2026-3"])
def test_dates_refuse_impossible_and_unreadable_dates(cell: Any) -> None:
    """Tests that impossible dates, serial numbers and far years are refused."""
    assert isinstance(parse_date(cell, DateOrder.DMY), Bad)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_dates_round_trip(when: date) -> None:
    """Tests ISO text, Excel datetimes and day-first text with a date_format."""
    assert parse_date(when.isoformat()) == Ok(when)
    assert parse_date(datetime.combine(when, time())) == Ok(when)
    assert parse_date(f"{when:%d/%m/%Y}", DateOrder.DMY) == Ok(when)
    assert parse_date(f"{when:%m/%d/%Y}", DateOrder.MDY) == Ok(when)


@pytest.mark.parametrize(("text", "order"), [("DD/MM/YYYY", DateOrder.DMY),
                                             ("mm/dd/yyyy", DateOrder.MDY),
                                             ("YYYY-MM-DD", DateOrder.YMD),
                                             ("D.M.YYYY", DateOrder.DMY)])
def test_date_format_names(text: str, order: DateOrder) -> None:
    """Tests the spellings of date_format."""
    assert parse_date_format(text) == Ok(order)


def test_date_lists_expand_ranges_sort_and_drop_repeats() -> None:
    """Tests lists of dates and ranges with every separator."""
    parsed = parse_dates("2026-03-09; 2026-03-02..2026-03-04\n"
                         "2026-03-03, 2026-03-20 to 2026-03-21")
    assert value_of(parsed) == (date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4),
                                date(2026, 3, 9), date(2026, 3, 20), date(2026, 3, 21))
    assert value_of(parse_dates(datetime(2026, 3, 2))) == (date(2026, 3, 2),)
    assert isinstance(parse_dates("2026-03-06..2026-03-02"), Bad)
    assert isinstance(parse_dates("2026-03-02..2036-03-02"), Bad)
    assert isinstance(parse_dates("2026-03-02, soon"), Bad)


@given(st.sets(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), max_size=30))
def test_date_lists_round_trip(dates: set[date]) -> None:
    """Tests that the writers' form (runs as ranges) reads back to the same sorted dates."""
    assert parse_dates(dates_text(sorted(dates))) == Ok(tuple(sorted(dates)))


# ----- durations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "minutes"), [
    (1.5, 90), ("1.5", 90), ("1:30", 90), ("1:30:00", 90), ("2h30", 150), ("2 h", 120),
    ("90 min", 90), ("1.5 hrs", 90), (time(1, 30), 90), (timedelta(hours=26), 1560),
    (datetime(1900, 1, 1, 2, 0), 1560), (0, 0), (11, 660), ("0:50", 50),
])
def test_durations_in_minutes(cell: Any, minutes: int) -> None:
    """Tests hours as numbers, H:MM, unit text and Excel time cells."""
    assert value_of(parse_minutes(cell)) == minutes


@pytest.mark.parametrize("cell", ["-1", -2, "1:75", "soon", datetime(2026, 3, 2, 10, 0), True,
                                  "2001", 10**9])
def test_durations_refuse_what_is_not_a_duration(cell: Any) -> None:
    """Tests that negatives, dates, bad clocks and absurd lengths are refused."""
    assert isinstance(parse_minutes(cell), Bad)


@given(st.integers(min_value=0, max_value=1000 * 60))
def test_durations_round_trip(minutes: int) -> None:
    """Tests that the writers' form of any whole minutes reads back exactly."""
    assert parse_minutes(hours_value(minutes)) == Ok(minutes)


# ----- yes/no, lists, choices, numbers -----------------------------------------------------------


@pytest.mark.parametrize(("cell", "expected"), [
    ("yes", True), ("Y", True), ("TRUE", True), (1, True), ("x", True), (True, True),
    ("no", False), ("n", False), ("false", False), (0, False), (False, False), (0.0, False),
])
def test_yes_no(cell: Any, expected: bool) -> None:
    """Tests every documented spelling of yes and no."""
    assert value_of(parse_yes_no(cell)) is expected


@pytest.mark.parametrize("cell", ["maybe", 2, "", date(2026, 1, 1)])
def test_yes_no_refuses_other_values(cell: Any) -> None:
    """Tests that anything else is refused."""
    assert isinstance(parse_yes_no(cell), Bad)


def test_lists_split_on_commas_semicolons_and_lines() -> None:
    """Tests separators, trimming and dropped empties; numbers are single ids."""
    assert value_of(parse_list(" 1, 2;3\n 4 ;;\n")) == ("1", "2", "3", "4")
    assert value_of(parse_list(7.0)) == ("7",)
    assert value_of(parse_list("")) == ()


item = st.text(alphabet=st.characters(blacklist_characters=",;\n\r",
                                      blacklist_categories=("Cs",)),
               min_size=1).map(str.strip).filter(bool)


@given(st.lists(item, max_size=8), st.sampled_from([",", ";", "\n", ", ", " ; ", "\r\n"]))
def test_lists_round_trip(items: list[str], separator: str) -> None:
    """Tests that joined items split back to the same items."""
    assert parse_list(separator.join(items)) == Ok(tuple(items))


def test_ids_and_text() -> None:
    """Tests that whole numbers lose their ``.0`` and text is trimmed."""
    assert value_of(parse_id(12.0)) == "12"
    assert value_of(parse_id(" 12A ")) == "12A"
    assert isinstance(parse_id(True), Bad)
    assert value_of(parse_text(datetime(2026, 3, 2))) == "2026-03-02"


def test_whole_numbers_and_numbers() -> None:
    """Tests the int and number parsers' ranges."""
    assert value_of(parse_int("12")) == 12
    assert value_of(parse_int(3.0)) == 3
    assert isinstance(parse_int(2.5), Bad)
    assert isinstance(parse_int(-1), Bad)
    assert value_of(parse_number("7.5")) == 7.5
    assert isinstance(parse_number(0), Bad)


def test_choices_accept_board_spellings() -> None:
    """Tests I/E, D/N, billing, constraint kinds and calendar types."""
    assert value_of(parse_int_ext("int./ext.")) is IntExt.INT_EXT
    assert value_of(parse_int_ext("I/E")) is IntExt.INT_EXT
    assert value_of(parse_int_ext("Ext")) is IntExt.EXT
    assert value_of(parse_day_night("n")) is DayNight.NIGHT
    assert value_of(parse_day_night("Dusk")) is DayNight.DUSK
    assert value_of(parse_billing("Span")) is Billing.SPAN
    assert value_of(parse_constraint_kind("Same Day")) is ConstraintKind.SAME_DAY
    assert value_of(parse_constraint_kind("not-on")) is ConstraintKind.NOT_ON
    assert value_of(parse_calendar_type("Holiday")) is CalendarDayType.HOLIDAY
    assert isinstance(parse_int_ext("OUTSIDE"), Bad)
    assert isinstance(parse_day_night("EVENING"), Bad)


def test_work_week() -> None:
    """Tests work weeks through ``scheduler.calendar.parse_work_week`` and their writing."""
    assert value_of(parse_week("Mon-Sat")) == (0, 1, 2, 3, 4, 5)
    assert value_of(parse_week("Mon,Tue,Thu")) == (0, 1, 3)
    assert isinstance(parse_week("weekdays"), Bad)
    assert work_week_text((0, 1, 2, 3, 4)) == "Mon-Fri"
    assert work_week_text((0, 1, 3)) == "Mon,Tue,Thu"


# ----- junk never raises -------------------------------------------------------------------------

PARSERS = [parse_eighths, parse_money, parse_date, parse_dates, parse_minutes, parse_yes_no,
           parse_list, parse_id, parse_text, parse_int, parse_number, parse_int_ext,
           parse_day_night, parse_billing, parse_constraint_kind, parse_calendar_type,
           parse_week, parse_date_format]

cell_values = st.one_of(
    st.text(), st.text(alphabet="0123456789 ./,:-$€hmin;x"), st.integers(),
    st.floats(), st.booleans(), st.none(), st.datetimes(), st.dates(), st.times(),
    st.timedeltas(),
)


@given(cell_values)
def test_parsers_never_raise(cell: Any) -> None:
    """Tests that any cell value gives Ok or Bad from every parser, never an exception."""
    for parser in PARSERS:
        result = parser(cell)
        assert isinstance(result, Ok | Bad)
        if isinstance(result, Bad):
            assert result.message
