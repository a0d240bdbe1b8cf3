"""Pure parsers of cell values: each returns ``Ok(value)`` or ``Bad(message)``, never raises.

A message says what is wrong and what is expected, without the column name (the reader adds it
and the cell): ``"2 3/9" is not a page count; write eighths like "2 3/8"``.

The rules, decided once:

* **Eighths** (pages): ``2 3/8``, ``3/8``, ``2``, a fraction that is a whole number of eighths
  (``1/2``), or a decimal, rounded half up to the nearest eighth (with a notice when rounding
  changed it).  ``2 3/9`` is refused.
* **Money**: a number, optionally with a currency sign or code (``$``, ``€``, ``USD``) and
  thousands separators.  A ``,`` or ``.`` followed by exactly three digits is a thousands
  separator, followed by one or two digits a decimal point (no currency has three decimals), so
  ``$1,250`` and ``€ 1.250`` are 1250 and ``1250.50`` and ``1.250,50`` are 1250.50.  Amounts are
  whole currency units, rounded half up, with a notice when cents were dropped.  Negative amounts
  are refused.
* **Dates**: Excel date cells, text ``YYYY-MM-DD`` (or with ``/`` or ``.``), month names
  (``2 Mar 2026``, ``March 2, 2026``).  ``02/03/2026`` is refused as ambiguous unless the
  Production sheet's ``date_format`` says ``DD/MM/YYYY`` or ``MM/DD/YYYY``.  Years 1900-2199.
* **Hours** (durations, in minutes): a number of hours (``1.5``), ``H:MM``, ``2h30``, ``90 min``,
  or an Excel time cell.
* **Yes/no**: yes/no, y/n, true/false, 1/0, x (yes).
* **Lists**: split on ``,``, ``;`` and new lines, trimmed, empty items dropped.
* **Date lists**: a list of dates and ranges ``2026-03-02..2026-03-06`` (or ``... to ...``),
  returned sorted without repeats.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Generic, TypeAlias, TypeVar

from ..calendar import WEEKDAY_NAMES, parse_work_week
from ..data import (
    EIGHTHS_PER_PAGE,
    MINUTES_PER_HOUR,
    Billing,
    CalendarDayType,
    ConstraintKind,
    DayNight,
    IntExt,
)
from ..report import pages_text

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ExcelError:
    """A cell showing an Excel error such as ``#REF!`` (not text that happens to read so)."""

    code: str

    def __str__(self) -> str:
        return self.code


CellValue: TypeAlias = (str | int | float | bool | date | datetime | time | timedelta | ExcelError
                        | None)

MAX_PAGES = 999
MAX_HOURS = 1000
MAX_MONEY = 10**12
MAX_INT = 10**6
MAX_NUMBER = 10**7
MIN_YEAR, MAX_YEAR = 1900, 2199
MAX_RANGE_DAYS = 3 * 366  # a longer range of dates is surely a typo


@dataclass(frozen=True, slots=True)
class Ok(Generic[T]):
    """A parsed value, with a notice when parsing changed it (e.g. rounding)."""

    value: T
    notice: str = ""


@dataclass(frozen=True, slots=True)
class Bad:
    """A value that could not be parsed: what is wrong and what is expected."""

    message: str


Parsed: TypeAlias = Ok[T] | Bad


class DateOrder(StrEnum):
    """How numeric text dates are written (from the Production sheet's ``date_format``)."""

    YMD = "YYYY-MM-DD"
    DMY = "DD/MM/YYYY"
    MDY = "MM/DD/YYYY"


# ----- shared helpers ----------------------------------------------------------------------------


def shown(value: CellValue) -> str:
    """A cell value as a message quotes it: text in quotes (shortened), dates as ISO."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return '"' + text.replace("\n", " ") + '"'
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _decimal(value: int | float | str) -> Decimal | None:
    """A finite Decimal of a number or numeric text, else ``None``."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        number = Decimal(str(value).strip()) if isinstance(value, str) else Decimal(repr(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _round_half_up(number: Decimal) -> int:
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _is_number(value: CellValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# ----- text, ids, lists --------------------------------------------------------------------------


def parse_text(value: CellValue) -> Parsed[str]:
    """Any cell as trimmed text (numbers without a trailing ``.0``, dates as ISO)."""
    if isinstance(value, datetime):
        return Ok(value.date().isoformat() if value.time() == time() else value.isoformat(" "))
    if isinstance(value, date | time):
        return Ok(value.isoformat())
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return Ok(str(int(value)))
    if isinstance(value, bool):
        return Ok("yes" if value else "no")
    return Ok("" if value is None else str(value).strip())


def parse_id(value: CellValue) -> Parsed[str]:
    """An id: text or a whole number (``12`` and ``12.0`` are both ``"12"``)."""
    if isinstance(value, bool):
        return Bad(f"{shown(value)} is TRUE/FALSE, not an id; write a number or a short code")
    if isinstance(value, date | time | timedelta):
        return Bad(f"{shown(value)} is a date or time, not an id; format the cell as text")
    return parse_text(value)


_LIST_SEPARATORS = re.compile(r"[,;\n\r]+")


def parse_list(value: CellValue) -> Parsed[tuple[str, ...]]:
    """Items separated by ``,``, ``;`` or new lines, trimmed, empties dropped."""
    if not isinstance(value, str):
        single = parse_id(value)
        if isinstance(single, Bad):
            return single
        return Ok((single.value,) if single.value else ())
    items = (item.strip() for item in _LIST_SEPARATORS.split(value))
    return Ok(tuple(item for item in items if item))


# ----- numbers -----------------------------------------------------------------------------------


def parse_int(value: CellValue, maximum: int = MAX_INT) -> Parsed[int]:
    """A whole number from 0 to ``maximum``."""
    number = _number_of(value)
    if number is None or number != number.to_integral_value():
        return Bad(f"{shown(value)} is not a whole number; write a number like 3")
    if number < 0:
        return Bad(f"{shown(value)} is negative; write 0 or more")
    if number > maximum:
        return Bad(f"{shown(value)} is too large; write at most {maximum}")
    return Ok(int(number))


def parse_number(value: CellValue, maximum: float = MAX_NUMBER) -> Parsed[float]:
    """A number greater than 0 and at most ``maximum``."""
    number = _number_of(value)
    if number is None:
        return Bad(f"{shown(value)} is not a number; write a number like 60")
    if number <= 0 or number > Decimal(maximum):
        return Bad(f"{shown(value)} is out of range; write a number above 0 and at most "
                   f"{maximum:g}")
    return Ok(float(number))


def _number_of(value: CellValue) -> Decimal | None:
    if _is_number(value):
        return _decimal(value)  # type: ignore[arg-type]
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?(\d+\.?\d*|\.\d+)\s*", value):
        return _decimal(value)
    return None


_FRACTION = re.compile(r"(?:(\d+)(?:\s+|\s*-\s*))?(\d+)\s*/\s*(\d+)")
_DECIMAL = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_PAGE_WORDS = re.compile(r"\s*(pages|page|pgs|pg|p)\s*$")


def parse_eighths(value: CellValue) -> Parsed[int]:
    """Script length in eighths of a page: ``2 3/8`` -> 19, ``1.5`` -> 12."""
    expected = 'write eighths like "2 3/8", "3/8" or "2"'
    if _is_number(value):
        return _eighths_of_decimal(_decimal(value), shown(value), expected)  # type: ignore[arg-type]
    if not isinstance(value, str):
        return Bad(f"{shown(value)} is not a page count; {expected}")
    text = _PAGE_WORDS.sub("", value.strip().lower())
    fraction = _FRACTION.fullmatch(text)
    if fraction:
        whole, numerator, denominator = (int(g) if g else 0 for g in fraction.groups())
        if denominator == 0 or (numerator * EIGHTHS_PER_PAGE) % denominator:
            return Bad(f"{shown(value)} is not a page count; {expected}")
        eighths = whole * EIGHTHS_PER_PAGE + numerator * EIGHTHS_PER_PAGE // denominator
        return _eighths_in_range(eighths, value)
    if _DECIMAL.fullmatch(text):
        return _eighths_of_decimal(_decimal(text), shown(value), expected)
    return Bad(f"{shown(value)} is not a page count; {expected}")


def _eighths_of_decimal(number: Decimal | None, raw: str, expected: str) -> Parsed[int]:
    if number is None:
        return Bad(f"{raw} is not a page count; {expected}")
    if number < 0:
        return Bad(f"{raw} is a negative page count; {expected}")
    exact = number * EIGHTHS_PER_PAGE
    if exact > MAX_PAGES * EIGHTHS_PER_PAGE:
        return Bad(f"{raw} is too many pages; write at most {MAX_PAGES}")
    eighths = _round_half_up(exact)
    if eighths != exact:
        return Ok(eighths, f"{raw} pages rounded to {pages_text(eighths)}")
    return Ok(eighths)


def _eighths_in_range(eighths: int, raw: CellValue) -> Parsed[int]:
    if eighths > MAX_PAGES * EIGHTHS_PER_PAGE:
        return Bad(f"{shown(raw)} is too many pages; write at most {MAX_PAGES}")
    return Ok(eighths)


# ----- durations ---------------------------------------------------------------------------------

_CLOCK = re.compile(r"(\d+):([0-5]\d)(?::([0-5]\d))?")
_UNITS = re.compile(
    r"(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(\d+)\s*(?:m|min|mins|minutes)?)?")
_EXCEL_TIME_EPOCH = datetime(1899, 12, 31)  # serial 0 as openpyxl reads times past a day
_EXCEL_TIME_LIMIT = datetime(1900, 2, 28)  # Excel's leap-year bug starts after this


def parse_minutes(value: CellValue, maximum_hours: int = MAX_HOURS) -> Parsed[int]:
    """A duration in whole minutes: hours as a number, ``H:MM``, ``2h30``, or an Excel time."""
    expected = 'write hours like 1.5 or "1:30"'
    minutes = _minutes_of(value)
    if minutes is None:
        return Bad(f"{shown(value)} is not a duration; {expected}")
    if minutes < 0:
        return Bad(f"{shown(value)} is negative; {expected}")
    if minutes > maximum_hours * MINUTES_PER_HOUR:
        return Bad(f"{shown(value)} is too long; write at most {maximum_hours} hours")
    return Ok(int(minutes))


def _minutes_of(value: CellValue) -> Decimal | None:
    if _is_number(value):
        hours = _decimal(value)  # type: ignore[arg-type]
        return None if hours is None else _rounded_minutes(hours * MINUTES_PER_HOUR)
    if isinstance(value, timedelta):
        return _rounded_minutes(Decimal(value.total_seconds()) / 60)
    if isinstance(value, datetime):
        # A time past 24 h in an h:mm cell comes as a date in Excel's first days
        # (openpyxl: serial 1 = 1900-01-01); a real date is not a duration.
        if value >= _EXCEL_TIME_LIMIT:
            return None
        return _rounded_minutes(Decimal((value - _EXCEL_TIME_EPOCH).total_seconds()) / 60)
    if isinstance(value, time):
        return Decimal(value.hour * 60 + value.minute + round(value.second / 60))
    if isinstance(value, str):
        return _minutes_of_text(value.strip().lower())
    return None


def _rounded_minutes(minutes: Decimal) -> Decimal:
    if abs(minutes) > MAX_HOURS * MINUTES_PER_HOUR * 10:
        return minutes
    return Decimal(_round_half_up(minutes))


def _minutes_of_text(text: str) -> Decimal | None:
    clock = _CLOCK.fullmatch(text)
    if clock:
        hours, minutes, seconds = (int(g) if g else 0 for g in clock.groups())
        return Decimal(hours * 60 + minutes + round(seconds / 60))
    if _DECIMAL.fullmatch(text) or re.fullmatch(r"-\d+(\.\d*)?", text):
        number = _decimal(text)
        return None if number is None else _rounded_minutes(number * MINUTES_PER_HOUR)
    units = _UNITS.fullmatch(text)
    if units and any(units.groups()) and not text.isdigit():
        hours_part = _decimal(units.group(1) or "0") or Decimal(0)
        return _rounded_minutes(hours_part * MINUTES_PER_HOUR + int(units.group(2) or 0))
    return None


# ----- money -------------------------------------------------------------------------------------

_CURRENCY_SIGNS = "$€£¥₹₩₽₺₪₱¢"
_CURRENCY_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "SEK", "NOK", "DKK",
                   "INR", "ZAR", "MXN", "BRL", "PLN", "CZK", "HUF", "ISK", "KR", "US", "A", "C",
                   "R", "NZ", "HK", "HKD", "SGD", "CNY", "KRW", "TRY", "ILS")
_CODES = "|".join(sorted(_CURRENCY_CODES, key=len, reverse=True))
_MONEY_AFFIX = re.compile(
    rf"^(?:{_CODES})?[{_CURRENCY_SIGNS}]?|"
    rf"[{_CURRENCY_SIGNS}]?(?:{_CODES})?$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f']+")


def parse_money(value: CellValue) -> Parsed[int]:
    """Whole currency units: ``$1,250`` -> 1250, ``1250.50`` -> 1251 (with a notice)."""
    expected = 'write an amount like 1250 or "$1,250"'
    if _is_number(value):
        amount = _decimal(value)  # type: ignore[arg-type]
    elif isinstance(value, str):
        amount = _amount_of_text(value)
    else:
        amount = None
    if amount is None:
        return Bad(f"{shown(value)} is not an amount of money; {expected}")
    if amount < 0:
        return Bad(f"{shown(value)} is negative; {expected}")
    if amount > MAX_MONEY:
        return Bad(f"{shown(value)} is too large; write at most {MAX_MONEY:,}")
    whole = _round_half_up(amount)
    if whole != amount:
        return Ok(whole, f"{shown(value)} rounded to {whole} (whole currency units)")
    return Ok(whole)


def _amount_of_text(text: str) -> Decimal | None:
    core = _SPACES.sub("", text)
    core = _MONEY_AFFIX.sub("", core)
    core = _MONEY_AFFIX.sub("", core)  # a sign after a code: "USD$"
    if core.startswith("-"):
        number = _amount_of_text(core[1:])
        return None if number is None else -number
    if not core or not re.fullmatch(r"[\d.,]+", core) or not core[-1].isdigit():
        return None
    separators = {ch for ch in core if ch in ",."}
    if not separators:
        return _decimal(core)
    if len(separators) == 2:
        decimal_mark = max(",.", key=core.rfind)
        thousands_mark = "," if decimal_mark == "." else "."
        whole, _, cents = core.rpartition(decimal_mark)
        if len(cents) > 2 or not _grouped(whole, thousands_mark):
            return None
        return _decimal(whole.replace(thousands_mark, "") + "." + cents)
    mark = separators.pop()
    parts = core.split(mark)
    if len(parts) == 2 and 1 <= len(parts[1]) <= 2:
        return _decimal((parts[0] or "0") + "." + parts[1])
    if _grouped(core, mark):
        return _decimal(core.replace(mark, ""))
    return None


def _grouped(text: str, mark: str) -> bool:
    """``1,250,000`` style: 1-3 digits, then groups of exactly three."""
    return re.fullmatch(rf"\d{{1,3}}(?:{re.escape(mark)}\d{{3}})*", text) is not None


# ----- dates -------------------------------------------------------------------------------------

_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_NAMED_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y")
_WEEKDAY_PREFIX = re.compile(
    r"^(?:" + "|".join(name.lower() for name in WEEKDAY_NAMES) + r")[a-z]*\.?,?\s+")


def parse_date(value: CellValue, order: DateOrder | None = None) -> Parsed[date]:
    """A date from an Excel date cell or text (see the module docstring)."""
    expected = "write YYYY-MM-DD or use an Excel date"
    if isinstance(value, datetime):
        return _date_in_range(value.date(), value)
    if isinstance(value, date):
        return _date_in_range(value, value)
    if _is_number(value):
        return Bad(f"{shown(value)} is a number, not a date; {expected}")
    if not isinstance(value, str):
        return Bad(f"{shown(value)} is not a date; {expected}")
    text = value.strip()
    iso = _ISO.fullmatch(text)
    if iso:
        return _make_date(int(iso[1]), int(iso[2]), int(iso[3]), value)
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        first, second, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        if order is DateOrder.DMY:
            return _make_date(year, second, first, value)
        if order is DateOrder.MDY:
            return _make_date(year, first, second, value)
        return Bad(f"{shown(value)} is ambiguous (day/month or month/day?); {expected}, or set "
                   "date_format on sheet Production to DD/MM/YYYY or MM/DD/YYYY")
    named = _named_date(text)
    if named is not None:
        return _date_in_range(named, value)
    return Bad(f"{shown(value)} is not a date; {expected}")


def _named_date(text: str) -> date | None:
    cleaned = _WEEKDAY_PREFIX.sub("", text.lower()).replace(",", " ")
    cleaned = " ".join(cleaned.split())
    for pattern in _NAMED_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def _make_date(year: int, month: int, day: int, raw: CellValue) -> Parsed[date]:
    try:
        made = date(year, month, day)
    except ValueError:
        return Bad(f"{shown(raw)} is not a date on the calendar; write YYYY-MM-DD")
    return _date_in_range(made, raw)


def _date_in_range(when: date, raw: CellValue) -> Parsed[date]:
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        return Bad(f"{shown(raw)} is out of range; write a date between {MIN_YEAR} and {MAX_YEAR}")
    return Ok(when)


_RANGE = re.compile(r"\s*(.+?)\s*(?:\.\.|\s+to\s+|\s+[–—]\s+)\s*(.+?)\s*", re.IGNORECASE)


def parse_dates(value: CellValue, order: DateOrder | None = None) -> Parsed[tuple[date, ...]]:
    """Dates and ranges ``2026-03-02..2026-03-06``, sorted, without repeats."""
    if not isinstance(value, str):
        single = parse_date(value, order)
        return single if isinstance(single, Bad) else Ok((single.value,))
    found: set[date] = set()
    for item in _LIST_SEPARATORS.split(value):
        if not item.strip():
            continue
        parsed = _date_or_range(item, order)
        if isinstance(parsed, Bad):
            return parsed
        found.update(parsed.value)
    return Ok(tuple(sorted(found)))


def _date_or_range(item: str, order: DateOrder | None) -> Parsed[list[date]]:
    bounds = _RANGE.fullmatch(item)
    if bounds is None:
        single = parse_date(item, order)
        return single if isinstance(single, Bad) else Ok([single.value])
    first, last = parse_date(bounds[1], order), parse_date(bounds[2], order)
    if isinstance(first, Bad):
        return first
    if isinstance(last, Bad):
        return last
    span = (last.value - first.value).days
    if span < 0:
        return Bad(f"range {shown(item.strip())} ends before it starts; write first..last")
    if span > MAX_RANGE_DAYS:
        return Bad(f"range {shown(item.strip())} is longer than {MAX_RANGE_DAYS} days")
    return Ok([first.value + timedelta(days=k) for k in range(span + 1)])


def parse_date_format(value: CellValue) -> Parsed[DateOrder]:
    """``DD/MM/YYYY``, ``MM/DD/YYYY`` or ``YYYY-MM-DD`` (any separators) as a ``DateOrder``."""
    letters = "".join(ch for ch in str(value).upper() if ch in "DMY")
    order = "".join(dict.fromkeys(letters))
    by_order = {"YMD": DateOrder.YMD, "DMY": DateOrder.DMY, "MDY": DateOrder.MDY}
    if order in by_order and isinstance(value, str):
        return Ok(by_order[order])
    return Bad(f"{shown(value)} is not a date format; write DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD")


# ----- yes/no, choices, work week ----------------------------------------------------------------

_YES = frozenset(("yes", "y", "true", "1", "x", "✓", "✔"))
_NO = frozenset(("no", "n", "false", "0"))


def parse_yes_no(value: CellValue) -> Parsed[bool]:
    """yes/no, y/n, true/false, 1/0, or x for yes."""
    if isinstance(value, bool):
        return Ok(value)
    text = parse_text(value)
    key = text.value.lower() if isinstance(text, Ok) else ""
    if key in _YES:
        return Ok(True)
    if key in _NO:
        return Ok(False)
    return Bad(f"{shown(value)} is not yes or no; write yes or no")


def _choice_key(value: CellValue) -> str:
    return re.sub(r"[\s.]+", "", str(value)).upper() if isinstance(value, str) else ""


_INT_EXT = {"INT": IntExt.INT, "I": IntExt.INT, "INTERIOR": IntExt.INT,
            "EXT": IntExt.EXT, "E": IntExt.EXT, "EXTERIOR": IntExt.EXT,
            "INT/EXT": IntExt.INT_EXT, "I/E": IntExt.INT_EXT, "EXT/INT": IntExt.INT_EXT,
            "E/I": IntExt.INT_EXT, "INT-EXT": IntExt.INT_EXT, "EXT-INT": IntExt.INT_EXT,
            "INTEXT": IntExt.INT_EXT}
_DAY_NIGHT = {"DAY": DayNight.DAY, "D": DayNight.DAY, "MORNING": DayNight.DAY,
              "AFTERNOON": DayNight.DAY, "NIGHT": DayNight.NIGHT, "N": DayNight.NIGHT,
              "DAWN": DayNight.DAWN, "SUNRISE": DayNight.DAWN, "DUSK": DayNight.DUSK,
              "SUNSET": DayNight.DUSK}
_BILLING = {"DAY": Billing.DAY, "DAILY": Billing.DAY, "PERDAY": Billing.DAY,
            "SPAN": Billing.SPAN, "HOLD": Billing.SPAN, "RUN": Billing.SPAN}
_CONSTRAINT_KINDS = {re.sub(r"[_\-]", "", kind.value).upper(): kind for kind in ConstraintKind}
_CALENDAR_TYPES = {"OFF": CalendarDayType.OFF, "DAYOFF": CalendarDayType.OFF,
                   "DARK": CalendarDayType.OFF, "HOLIDAY": CalendarDayType.HOLIDAY,
                   "WORK": CalendarDayType.WORK, "WORKING": CalendarDayType.WORK,
                   "WORKDAY": CalendarDayType.WORK}


def parse_int_ext(value: CellValue) -> Parsed[IntExt]:
    """``INT``, ``EXT`` or ``INT/EXT`` (also ``I``, ``E``, ``I/E``, ``INT.``)."""
    found = _INT_EXT.get(_choice_key(value))
    return Ok(found) if found else Bad(f"{shown(value)} is not INT, EXT or INT/EXT")


def parse_day_night(value: CellValue) -> Parsed[DayNight]:
    """``DAY``, ``NIGHT``, ``DAWN`` or ``DUSK`` (also ``D``, ``N``)."""
    found = _DAY_NIGHT.get(_choice_key(value))
    return Ok(found) if found else Bad(f"{shown(value)} is not DAY, NIGHT, DAWN or DUSK")


def parse_billing(value: CellValue) -> Parsed[Billing]:
    """``day`` (paid per day used) or ``span`` (paid from first to last use)."""
    found = _BILLING.get(_choice_key(value).replace("-", ""))
    return Ok(found) if found else Bad(f"{shown(value)} is not a billing; write day or span")


def parse_constraint_kind(value: CellValue) -> Parsed[ConstraintKind]:
    """``before``, ``same_day``, ``different_day``, ``consecutive`` or ``not_on``."""
    found = _CONSTRAINT_KINDS.get(re.sub(r"[_\-]", "", _choice_key(value)))
    if found:
        return Ok(found)
    return Bad(f"{shown(value)} is not a constraint kind; write before, same_day, "
               "different_day, consecutive or not_on")


def parse_calendar_type(value: CellValue) -> Parsed[CalendarDayType]:
    """``off``, ``holiday`` or ``work``."""
    found = _CALENDAR_TYPES.get(_choice_key(value).replace("-", ""))
    return Ok(found) if found else Bad(f"{shown(value)} is not off, holiday or work")


def parse_week(value: CellValue) -> Parsed[tuple[int, ...]]:
    """Working weekdays (``Mon-Fri``, ``Mon,Tue,Thu``) as ``date.weekday()`` numbers."""
    days = parse_work_week(value) if isinstance(value, str) else None
    if days is None:
        return Bad(f"{shown(value)} is not a work week; write Mon-Fri, Mon-Sat, Mon-Sun or a "
                   "list like Mon,Tue,Thu")
    return Ok(days)
