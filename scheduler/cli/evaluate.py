"""``plan-shoot evaluate``: the days, holds, moves, rule breaks and cost of a board someone
built, under our rules and costs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..calendar import long_date
from ..data import Production
from ..evaluate import BoardReport, evaluate_board
from ..inputs import is_uss, read_board
from ..solution import to_money
from .app import DefaultsOption, app, read_checked, refuse, stdout, user_errors

MAX_BREAKS_SHOWN = 12  # rule breaks of a board listed on screen


@app.command()
def evaluate(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT",
                                               help="The breakdown: a workbook or a .uss file.")],
    *,
    board: Annotated[str | None, typer.Option("--board", metavar="NAME",
                                              help="A stripboard of the USS input (or of the "
                                                   "USS file given with --schedule).")] = None,
    schedule_path: Annotated[Path | None, typer.Option("--schedule", metavar="FILE",
                                                       help="A schedule workbook plan-shoot "
                                                            "wrote, or a USS file's "
                                                            "stripboard.")] = None,
    defaults: DefaultsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the evaluation as JSON "
                                                         "(and nothing else) on stdout.")
                       ] = False,
) -> None:
    """Days, cast holds, moves, rule breaks and cost of a board someone built, under our rules
    and costs."""
    if board is None and schedule_path is None:
        refuse("give the board to evaluate: --board NAME (a stripboard of a USS input) or "
               "--schedule FILE")
    if board is not None and schedule_path is None and not is_uss(input_path):
        refuse(f"--board names a stripboard of a USS file; {input_path} is not one "
               "(use --schedule FILE)")
    uses_input_board = schedule_path is None and is_uss(input_path)
    production = read_checked(input_path, defaults, board if uses_input_board else None)
    source = schedule_path or input_path
    with user_errors(source):
        solution, name = read_board(source, board)
    report = evaluate_board(production, solution, name)
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(production.settings.currency), indent=2,
                                    ensure_ascii=False) + "\n")
        return
    _print_board(production, report)


def _print_board(production: Production, report: BoardReport) -> None:
    console = stdout()
    currency = production.settings.currency
    table = Table(title=Text(f"{production.settings.title}: {report.name}"), show_header=False,
                  title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("value")
    wrap = (f" (wrap {long_date(production.calendar.date_of(report.wrap_day))})"
            if 1 <= report.wrap_day <= production.calendar.num_days else "")
    table.add_row("shoot days", f"{report.shoot_days}{wrap}")
    table.add_row("cast work days", str(report.cast_work_days))
    table.add_row("cast hold days", str(report.cast_hold_days))
    table.add_row("company moves", str(report.company_moves))
    for category, amount in report.cost_by_category.items():
        if amount:
            table.add_row(f"  {category}", f"{to_money(amount):,}")
    table.add_row("total cost", f"{to_money(report.total_cost):,} {currency}")
    breaks = ", ".join(f"{rule.value} {count}" for rule, count in report.breaks_by_rule.items())
    table.add_row("rule breaks", Text(f"{len(report.violations)}: {breaks}" if breaks else "none"))
    if report.unscheduled:
        table.add_row("not on the board", Text(", ".join(report.unscheduled)))
    console.print(table)
    shown = report.violations[:MAX_BREAKS_SHOWN]
    for violation in shown:
        console.print(f"- {violation}", markup=False, soft_wrap=True)
    if len(report.violations) > len(shown):
        console.print(f"... and {len(report.violations) - len(shown)} more (--json lists "
                      "them all)", markup=False)
