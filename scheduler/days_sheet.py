"""The ``Days`` sheet, spelled once: its columns, in the order the writer lays them out, and
what each feature column holds.

One row per shoot day (``spec/outputs.md``).  The schedule writer writes it
(``excel/sheets/days.py``), ``plan-shoot predict`` fills in ``Bottleneck Probability`` and
``Flag``, and a history workbook stacks the Days sheets of past productions, with a
``Production`` column first and each day's outcome (``Actual Hours`` or ``Bottleneck``).  The
reader (``excel/days.py``) and the predictor (``predict/``) take every name from here.
"""

from __future__ import annotations

from enum import StrEnum

from .day_facts import FEATURE_NAMES

SHEET = "Days"

SHOOT_DAY = "Shoot Day"
DATE = "Date"
PROBABILITY = "Bottleneck Probability"
FLAG = "Flag"
ACTUAL_HOURS = "Actual Hours"
# Columns of a history workbook, beside what the writer writes.
PRODUCTION = "Production"
BOTTLENECK = "Bottleneck"
TRUE_PROBABILITY = "True Probability"  # the synthetic example only: for evaluation, never learnt

# The header row of the schedule workbook's Days sheet.
WRITTEN_COLUMNS = (SHOOT_DAY, DATE, *FEATURE_NAMES, PROBABILITY, FLAG, ACTUAL_HOURS)
# What plan-shoot writes besides the features: neither features nor outcomes.
SCHEDULE_COLUMNS = (SHOOT_DAY, DATE, PROBABILITY, FLAG)
# A day's outcome, which makes it a day to learn from: the hours it took, or a yes/no.
OUTCOME_COLUMNS = (ACTUAL_HOURS, BOTTLENECK)


class FeatureKind(StrEnum):
    """What a feature column holds, which decides how its cells are read and checked."""

    HOURS = "hours"  # a decimal or H:MM, at most 24
    PAGES = "pages"  # a decimal or eighths (3 3/8)
    FLAG = "flag"  # 1 (yes) or 0 (no)
    SHARE = "share"  # between 0 and 1
    COUNT = "count"  # a whole number, 0 or more
    WEEKDAY = "weekday"  # Mon = 0 ... Sun = 6, or a weekday name; follows from a Date
    DAY_INDEX = "day index"  # the shoot day number, 1 or more; follows from a Date


_KINDS = {
    "Planned Hours": FeatureKind.HOURS,
    "Pages": FeatureKind.PAGES,
    "Night": FeatureKind.FLAG,
    "New Location": FeatureKind.FLAG,
    "Ext Share": FeatureKind.SHARE,
    "Weekday": FeatureKind.WEEKDAY,
    "Day Index": FeatureKind.DAY_INDEX,
}
# Each feature column, in FEATURE_NAMES order, with what it holds (the rest are counts).
FEATURE_KINDS: dict[str, FeatureKind] = {
    name: _KINDS.get(name, FeatureKind.COUNT) for name in FEATURE_NAMES}
# The kinds whose values are decimals; the others are whole numbers.
DECIMAL_KINDS = frozenset({FeatureKind.HOURS, FeatureKind.PAGES, FeatureKind.SHARE})


def feature_of_kind(kind: FeatureKind) -> str:
    """The one feature column that holds ``kind`` (``Weekday``, ``Planned Hours``, ...)."""
    (name,) = (name for name, held in FEATURE_KINDS.items() if held is kind)
    return name
