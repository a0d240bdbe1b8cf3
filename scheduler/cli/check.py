"""``plan-shoot check`` (read a breakdown and list its problems, or summarise it) and
``plan-shoot template`` (write a blank breakdown workbook)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..data import Production
from ..excel.template import write_template
from ..files import check_outputs
from ..overview import overview_rows, overview_warnings
from .app import app, read_checked, refuse, stderr, stdout, user_errors


@app.command()
def check(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.xlsx",
                                               help="The breakdown workbook.")],
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the production as JSON "
                                                         "(and nothing else) on stdout.")] = False,
) -> None:
    """Read and check a breakdown workbook; list every problem, or summarise it."""
    production = read_checked(input_path)
    if as_json:
        sys.stdout.write(production.to_json() + "\n")
        for notice in production.notices:
            stderr().print(f"notice: {notice}", markup=False)
        return
    print_overview(production)


def print_overview(production: Production) -> None:
    """A one-screen summary of a production: size, load against the calendar, warnings."""
    console = stdout()
    # Text, not markup: a title like "[Night] Shoot" must show as written.
    table = Table(title=Text(production.settings.title, style="bold"), show_header=False,
                  title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("value")
    for label, value in overview_rows(production):
        table.add_row(Text(label), Text(value))
    console.print(table)
    for warning in overview_warnings(production):
        console.print(f"warning: {warning}", markup=False, style="yellow", soft_wrap=True)
    for notice in production.notices:
        console.print(f"notice: {notice}", markup=False, style="dim", soft_wrap=True)
    console.print("OK: the workbook has no problems.", style="green")


@app.command()
def template(
    output: Annotated[Path, typer.Argument(metavar="OUT.xlsx", help="Where to write it.")],
    *,
    force: Annotated[bool, typer.Option("--force", "-f",
                                        help="Replace the file if it exists.")] = False,
    scenarios: Annotated[bool, typer.Option("--scenarios",
                                            help="Write a blank Scenarios workbook for "
                                                 "plan-shoot whatif instead.")] = False,
) -> None:
    """Write a blank, annotated breakdown workbook (or Scenarios workbook) to fill in."""
    with user_errors():
        check_outputs([], {"OUT.xlsx": output})
    if output.exists() and not force:
        refuse(f"{output} exists; use --force to replace it")
    if output.suffix.lower() != ".xlsx":
        refuse(f"{output}: the template is an Excel workbook; name it .xlsx")
    if scenarios:
        from ..whatif.sheet import write_scenarios_template

        with user_errors(writing=output):
            write_scenarios_template(output)
        stdout().print(f"wrote {output}; one row per change (see its Help sheet), then run "
                       f"plan-shoot whatif BREAKDOWN.xlsx --scenarios {output}", markup=False,
                       soft_wrap=True)
        return
    with user_errors(writing=output):
        write_template(output)
    stdout().print(f"wrote {output}; fill in the Production and Scenes sheets, then run "
                   f"plan-shoot check {output}", markup=False, soft_wrap=True)
