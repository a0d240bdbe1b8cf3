"""What the result page says besides the board: headline, summary, costs, Day Out of Days,
conflicts and notes, all taken from the same functions as the schedule workbook and the JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..calendar import long_date
from ..data import Production
from ..dood import DoodCode, DoodRow, day_out_of_days
from ..planning import Plan
from ..report import SummaryValue, pages_text, summary_fields
from ..result import Result, SolveStatus
from ..solution import COST_CATEGORIES, Schedule, to_money

# The Summary sheet's fields that ``Plan.summary`` leaves out, shown after its rows.
_MORE_LABELS = {
    "budget": "Budget", "scenes": "Scenes", "pages": "Pages",
    "shooting_days_with_scenes": "Days with scenes", "budget_headroom": "Budget headroom",
    "conflicts": "Conflicting rules",
}
_COST_LABELS = {"crew": "Crew days", "overtime": "Overtime", "cast": "Cast",
                "locations": "Locations", "moves": "Company moves",
                "crew_special": "Special crew", "equipment": "Equipment",
                "changes": "Scenes moved"}


def money_text(amount: Decimal | float | int, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


@dataclass(frozen=True)
class Headline:
    """The status in one sentence, and its tone (a CSS class)."""

    status: str
    text: str
    tone: str  # good, warn, bad


def headline(result: Result) -> Headline:
    """What the status means for the producer."""
    status = result.status
    stopped = " You stopped the search: this is the best schedule found until then." \
        if result.interrupted else ""
    if status is SolveStatus.OPTIMAL:
        return Headline(status.value, "The cheapest schedule that breaks no rule, proven "
                                      "optimal." + stopped, "good")
    if status is SolveStatus.FEASIBLE:
        gap = f" It costs at most {result.gap:.1%} more than the cheapest possible." \
            if result.gap is not None else ""
        return Headline(status.value, "A schedule that breaks no rule." + gap + stopped, "good")
    if status is SolveStatus.INFEASIBLE:
        return Headline(status.value, "No schedule can satisfy every rule: the rules below "
                                      "collide. Change one of them in the workbook and upload "
                                      "it again.", "bad")
    if status is SolveStatus.NO_SOLUTION:
        return Headline(status.value, f"No schedule was found in {result.runtime:.0f} s, and "
                                      "none was ruled out either. Try again with a longer time "
                                      "limit." + (" You stopped the search." if result.interrupted
                                                  else ""), "warn")
    return Headline(status.value, "The solver could not handle this production; this is a bug "
                                  "in plan-shoot, please report it.", "bad")


@dataclass(frozen=True)
class SummaryLine:
    label: str
    value: str


def summary_lines(production: Production, plan: Plan) -> list[SummaryLine]:
    """The plan's summary as the CLI prints it (``Plan.summary``), then the Summary sheet's
    other facts: budget, scenes and pages, days with scenes, budget headroom, conflicts."""
    lines = [SummaryLine(label.strip(), text) for label, text in plan.summary()]
    currency = production.settings.currency
    lines += [SummaryLine(_MORE_LABELS[name], _value_text(value, currency))
              for name, value in summary_fields(production, plan.result, plan.risk)
              if name in _MORE_LABELS]
    return lines


def _value_text(value: SummaryValue, currency: str) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, Decimal):
        return money_text(value, currency)
    if isinstance(value, date):
        return long_date(value)
    return str(value)


@dataclass(frozen=True)
class CategoryCost:
    """What one cost category comes to, and its share of the total (for the bar)."""

    label: str
    amount: str
    share: float


def category_costs(schedule: Schedule) -> list[CategoryCost]:
    """Cost by category, as the Summary sheet's ``cost_*`` rows."""
    amounts = {c: to_money(schedule.cost_by_category[c]) for c in COST_CATEGORIES}
    total = sum(amounts.values(), Decimal(0))
    currency = schedule.production.settings.currency
    return [CategoryCost(_COST_LABELS[c], money_text(amount, currency),
                     float(amount / total) if total else 0.0)
            for c, amount in amounts.items()]


@dataclass(frozen=True)
class DoodCell:
    code: str
    css_class: str
    meaning: str


@dataclass(frozen=True)
class DoodLine:
    """A cast member's row of the Day Out of Days (``dood.DoodRow``), with a cell per day and
    its dates and cost as the page writes them."""

    row: DoodRow
    cells: tuple[DoodCell, ...]
    currency: str

    @property
    def start(self) -> str:
        return _short(self.row.start)

    @property
    def finish(self) -> str:
        return _short(self.row.finish)

    @property
    def cost(self) -> str:
        return money_text(self.row.cost_money, self.currency)


@dataclass(frozen=True)
class DoodTable:
    days: tuple[tuple[int, str], ...]  # (shoot day, "4 Mar")
    lines: tuple[DoodLine, ...]
    legend: tuple[tuple[str, str, str], ...]  # (code, css class, meaning)


def dood_table(schedule: Schedule) -> DoodTable:
    """The Day Out of Days of ``dood.day_out_of_days``, with a CSS class per code."""
    dood = day_out_of_days(schedule)
    currency = schedule.production.settings.currency
    empty = DoodCell("", "", "")
    lines = tuple(
        DoodLine(row, tuple(_dood_cell(row.codes[day]) if day in row.codes else empty
                            for day in dood.days), currency)
        for row in dood.rows)
    days = tuple((day, f"{when.day} {when:%b}") for day, when in zip(dood.days, dood.dates,
                                                                       strict=True))
    legend = tuple((code.value, _dood_class(code), code.meaning) for code in DoodCode)
    return DoodTable(days, lines, legend)


def _dood_cell(code: DoodCode) -> DoodCell:
    return DoodCell(code.value, _dood_class(code), code.meaning)


def _dood_class(code: DoodCode) -> str:
    if code is DoodCode.HOLD:
        return "dood-hold"
    if code is DoodCode.DROP:
        return "dood-drop"
    return "dood-work"


def _short(when: date | None) -> str:
    return f"{when.day} {when:%b}" if when else "-"


@dataclass(frozen=True)
class ConflictLine:
    rule: str
    message: str


def conflict_lines(result: Result) -> list[ConflictLine]:
    """The rules that collide, in producer language (from the explanation of infeasibility)."""
    return [ConflictLine(conflict.rule.wording, conflict.message) for conflict in result.conflicts]


def notes(production: Production, result: Result) -> list[str]:
    """Notices of the reader and notes of the solve (as the Notes sheet has them)."""
    return [*production.notices, *result.notes]


def production_facts(production: Production) -> list[SummaryLine]:
    """What was uploaded, in a few lines (the solve page shows them while the search runs)."""
    dates = production.calendar.dates
    span = (f"{len(dates)} available, {long_date(dates[0])} to {long_date(dates[-1])}"
            if dates else "none")
    eighths = sum(scene.eighths for scene in production.scenes)
    return [
        SummaryLine("Scenes", f"{len(production.scenes)} ({pages_text(eighths)} pages)"),
        SummaryLine("Cast", str(len(production.cast))),
        SummaryLine("Locations", str(len(production.locations))),
        SummaryLine("Crew / equipment", f"{len(production.crew)} / {len(production.equipment)}"),
        SummaryLine("Shoot days", span),
        SummaryLine("Rules between scenes", str(len(production.constraints))),
    ]
