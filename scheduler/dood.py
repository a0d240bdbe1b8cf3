"""Day Out of Days: each cast member's status on each shoot day, and their totals.

Everything here follows from ``solution.Schedule`` (work, hold and drop days, paid days), so the
DOOD, the cost report and the solver always agree.  No openpyxl: the workbook, the JSON export and
a future web page all read the same rows.

Codes (the union of the incumbents' conventions, ``research/industry.md`` section 1.3):

``SW``   start work: first work day
``W``    work
``WF``   work finish: last work day
``SWF``  start, work and finish on a single day (the only work day)
``H``    hold: a paid shoot day between the first and the last work day without work
``D``    drop: an unpaid shoot day between a legal drop and the pick-up
``PW``   pick-up work: the first work day after a drop
``PWF``  pick-up, work and finish: the pick-up day is also the last work day

Drop convention: some tools put ``D`` on the last paid day before the drop ("work, then drop");
here ``D`` marks each shoot day the member is off payroll, so that the count of ``D`` cells is
the number of shoot days the drop saves.  The last work day before a drop keeps its work code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .solution import COST_SCALE, CastDays, Schedule, to_money


class DoodCode(StrEnum):
    START_WORK = "SW"
    WORK = "W"
    WORK_FINISH = "WF"
    START_WORK_FINISH = "SWF"
    HOLD = "H"
    DROP = "D"
    PICKUP_WORK = "PW"
    PICKUP_WORK_FINISH = "PWF"

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]

    @property
    def is_work(self) -> bool:
        return self not in (DoodCode.HOLD, DoodCode.DROP)


_MEANINGS = {
    DoodCode.START_WORK: "start work: first work day (paid)",
    DoodCode.WORK: "work (paid)",
    DoodCode.WORK_FINISH: "work finish: last work day (paid)",
    DoodCode.START_WORK_FINISH: "start, work and finish on one day: the only work day (paid)",
    DoodCode.HOLD: "hold: a shoot day between first and last work day without work (paid)",
    DoodCode.DROP: "drop: a shoot day off payroll between a legal drop and the pick-up (unpaid)",
    DoodCode.PICKUP_WORK: "pick-up work: first work day after a drop (paid)",
    DoodCode.PICKUP_WORK_FINISH: "pick-up day that is also the last work day (paid)",
}

DROP_CONVENTION = (
    "D marks every shoot day a dropped cast member is off payroll, from the day after their "
    "last work day before the drop to the day before the pick-up (PW); the last work day before "
    "the drop keeps its work code (SW or W)."
)


def code_on(days: CastDays, day: int) -> DoodCode | None:
    """The DOOD code of one cast member on one shoot day, or ``None`` (blank).

    Parameters
    ----------
    days
        The member's work, hold and drop days from ``Schedule.cast_days``.
    day
        A shoot day number.
    """
    if day in days.hold:
        return DoodCode.HOLD
    if day in days.dropped:
        return DoodCode.DROP
    if day not in days.work:
        return None
    first, last = day == days.first, day == days.last
    picked_up = days.drop is not None and day == days.drop.pickup_day
    if first and last:
        return DoodCode.START_WORK_FINISH
    if first:
        return DoodCode.START_WORK
    if picked_up:
        return DoodCode.PICKUP_WORK_FINISH if last else DoodCode.PICKUP_WORK
    return DoodCode.WORK_FINISH if last else DoodCode.WORK


@dataclass(frozen=True)
class DoodRow:
    """One cast member's line of the Day Out of Days; ``cost`` is in cost units."""

    cast_id: str
    name: str
    character: str
    codes: dict[int, DoodCode]
    work_days: int
    hold_days: int
    drop_days: int
    start: date | None
    finish: date | None
    paid_days: int
    daily_rate: int
    cost: int

    @property
    def cost_money(self) -> Decimal:
        return to_money(self.cost)


@dataclass(frozen=True)
class DayOutOfDays:
    """The shoot days across (1 to the wrap day, with their dates) and one row per cast member."""

    days: tuple[int, ...]
    dates: tuple[date, ...]
    rows: tuple[DoodRow, ...]

    def row_of(self, cast_id: str) -> DoodRow:
        for row in self.rows:
            if row.cast_id == cast_id:
                return row
        raise KeyError(cast_id)


def day_out_of_days(schedule: Schedule) -> DayOutOfDays:
    """The Day Out of Days of a schedule: every cast member, in breakdown (board) order.

    Parameters
    ----------
    schedule
        The derived facts of a solution.

    Returns
    -------
    DayOutOfDays
        Codes per shoot day from day 1 to the wrap day and totals per member; ``paid_days`` and
        ``cost`` equal the member's line in ``Schedule.cost_lines``.
    """
    calendar = schedule.calendar
    days = tuple(range(1, schedule.wrap_day + 1))
    rows = []
    for member in schedule.production.cast:
        cast_days = schedule.cast_days[member.id]
        codes = {day: code for day in days if (code := code_on(cast_days, day)) is not None}
        rows.append(DoodRow(
            cast_id=member.id,
            name=member.name,
            character=member.character,
            codes=codes,
            work_days=len(cast_days.work),
            hold_days=len(cast_days.hold),
            drop_days=len(cast_days.dropped),
            start=calendar.date_of(cast_days.first) if cast_days.first else None,
            finish=calendar.date_of(cast_days.last) if cast_days.last else None,
            paid_days=cast_days.paid_days,
            daily_rate=member.daily_rate,
            cost=cast_days.paid_days * member.daily_rate * COST_SCALE,
        ))
    return DayOutOfDays(days=days, dates=tuple(calendar.date_of(d) for d in days),
                        rows=tuple(rows))
