"""What the pages show of what-if jobs: the "What if..." panel of a result page, a what-if
job's live lines (one per scenario) and its comparison table, as plain values for the
templates (which format nothing themselves)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..calendar import long_date
from ..solution import to_money
from ..whatif import BASE
from .jobs import Job, JobState
from .report import money_text
from .whatif_form import (
    DEFAULT_SUGGEST,
    MAX_SUGGEST,
    ROWS,
    SATURDAY,
    FieldProblem,
    window_text,
)
from .whatif_jobs import ComparisonSnapshot, RowSnapshot, ScenarioLine, whatif_of

# The table's columns, the exactly (the Comparison sheet's), in order.
TABLE_COLUMNS = ("Scenario", "Changes", "Status", "Total Cost", "Change vs Base", "Shoot Days",
                 "Wrap Date", "Cast Hold Days", "Company Moves", "Expected Bottleneck Days",
                 "Lower Bound")
STATE_WORDS = {"solving": "solving", "better": "solving", "done": "done"}


def whatif_panel_values(job: Job, settings_longest: float, *,
                        values: dict[str, str] | None = None,
                        problems: list[FieldProblem] | None = None) -> dict[str, Any]:
    """The "What if..." panel of ``job``'s result page: its choices, what was filled in (after a
    refusal) and each problem at its field."""
    production = job.production
    errors: dict[str, list[str]] = {}
    general = []
    for problem in problems or []:
        if problem.field:
            errors.setdefault(problem.field, []).append(problem.message)
        else:
            general.append(problem.message)
    filled = {"suggest_count": str(DEFAULT_SUGGEST), **(values or {})}
    return {
        "can_whatif": job.state is JobState.DONE and whatif_of(job) is None,
        "whatif_rows": list(range(1, ROWS + 1)),
        "whatif_cast": [(member.id, f"{member.label} ({window_text(member.availability)})")
                        for member in production.cast],
        "whatif_locations": [(place.id, place.label) for place in production.locations],
        "whatif_saturdays": SATURDAY not in production.settings.work_week,
        "whatif_values": filled, "whatif_errors": errors, "whatif_general": general,
        "whatif_max_suggest": MAX_SUGGEST,
        "whatif_time_limit": f"{job.time_limit:g}",
        "whatif_longest": f"{settings_longest:g}",
    }


@dataclass(frozen=True)
class LineView:
    """A scenario's progress line as the page writes it."""

    name: str
    state: str
    elapsed: str
    cost: str
    status: str

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "state": self.state, "elapsed": self.elapsed,
                "cost": self.cost, "status": self.status}


def line_views(job: Job) -> list[LineView]:
    """One line per scenario seen so far (the base first)."""
    run = whatif_of(job)
    if run is None:
        return []
    currency = job.production.settings.currency
    asked = {BASE.name, *(scenario.name for scenario in run.request.scenarios)}
    return [_line_view(line, currency, suggested=line.name not in asked)
            for line in run.lines()]


def _line_view(line: ScenarioLine, currency: str, *, suggested: bool) -> LineView:
    """A suggestion's line says so: it is priced by a short solve first, and only the best
    are solved again."""
    cost = money_text(to_money(line.cost), currency) if line.cost is not None else "-"
    name = f"{line.name} (suggestion)" if suggested else line.name
    return LineView(name, STATE_WORDS.get(line.state, line.state), f"{line.elapsed:.0f} s",
                    cost, line.status)


def whatif_status(job: Job) -> dict[str, Any]:
    """What ``/status`` and the events add for a what-if job: its scenario lines."""
    if whatif_of(job) is None:
        return {}
    return {"whatif": True, "scenarios": [line.as_json() for line in line_views(job)]}


@dataclass(frozen=True)
class TableRow:
    """One row of the comparison table, in ``TABLE_COLUMNS`` order, and its extras."""

    cells: tuple[str, ...]
    tone: str  # "cheaper", "dearer" or "" (the change against the base)
    notes: tuple[str, ...]
    schedule_index: int | None  # its workbook's download, by row number


def table_rows(comparison: ComparisonSnapshot) -> list[TableRow]:
    """The comparison's rows as the page writes them (money with the currency)."""
    return [_table_row(index, row, comparison.currency)
            for index, row in enumerate(comparison.rows)]


def _table_row(index: int, row: RowSnapshot, currency: str) -> TableRow:
    changes = f"{row.changes} ({row.effect})" if row.effect else row.changes
    cells = (row.scenario, changes, row.status, _money(row.total_cost, currency),
             _change(row.change_vs_base, currency, index), _number(row.shoot_days),
             long_date(row.wrap_date) if row.wrap_date is not None else "-",
             _number(row.cast_hold_days), _number(row.company_moves),
             f"{row.expected_bottleneck_days:.2f}" if row.expected_bottleneck_days is not None
             else "-", _money(row.lower_bound, currency))
    tone = ""
    if index and row.change_vs_base is not None and row.change_vs_base != 0:
        tone = "cheaper" if row.change_vs_base < 0 else "dearer"
    return TableRow(cells, tone, row.notes,
                    index if row.schedule_file is not None else None)


def _money(amount: Decimal | None, currency: str) -> str:
    return money_text(amount, currency) if amount is not None else "-"


def _change(amount: Decimal | None, currency: str, index: int) -> str:
    if amount is None:
        return "-"
    if index == 0:
        return "-"  # the base against itself
    return ("+" if amount > 0 else "") + money_text(amount, currency)


def _number(value: int | None) -> str:
    return str(value) if value is not None else "-"


def whatif_result_values(job: Job, keep_minutes: str) -> dict[str, Any]:
    """The what-if result page: the table, the downloads, where and how long it solved."""
    run = whatif_of(job)
    assert run is not None and run.comparison is not None
    comparison = run.comparison
    return {
        "job": job, "title": job.production.settings.title, "columns": TABLE_COLUMNS,
        "rows": table_rows(comparison), "comparison": comparison,
        "parent_id": run.request.parent_id, "keep_minutes": keep_minutes,
        "suggested": run.request.suggest,
    }
