"""``plan-shoot import-uss``: turn a Universal Schedule Standard file into a breakdown workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..calendar import long_date
from ..files import check_outputs
from ..inputs import is_uss
from ..overview import defaults_applied, total_eighths
from ..report import pages_text
from .app import DefaultsOption, app, read_checked, refuse, stdout, user_errors


@app.command("import-uss")
def import_uss_command(
    input_path: Annotated[Path, typer.Argument(metavar="FILE.uss",
                                               help="A Universal Schedule Standard file.")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="BREAKDOWN.xlsx",
                                         help="The breakdown workbook to write.")],
    defaults: DefaultsOption = None,
    board: Annotated[str | None, typer.Option("--board", metavar="NAME",
                                              help="The stripboard whose calendar and number "
                                                   "of days to take (default: the first with "
                                                   "day breaks).")] = None,
    force: Annotated[bool, typer.Option("--force", "-f",
                                        help="Replace BREAKDOWN.xlsx if it exists.")] = False,
) -> None:
    """Turn a USS file into a breakdown workbook; the Notes sheet says what was assumed."""
    from ..excel.breakdown import write_breakdown

    if output.suffix.lower() != ".xlsx":
        refuse(f"{output}: the breakdown is an Excel workbook; name it .xlsx")
    if not is_uss(input_path):
        refuse(f"{input_path}: import-uss reads Universal Schedule Standard files, named .uss; "
               "rename it if it is one")
    with user_errors():
        check_outputs([input_path, defaults], {"-o": output})
    if output.exists() and not force:  # a filled-in breakdown is hours of work
        refuse(f"{output} exists; use --force to replace it")
    production = read_checked(input_path, defaults, board)
    with user_errors(writing=output):
        write_breakdown(production, output)
    stdout().print(f"wrote {output}: {len(production.scenes)} scenes, "
                   f"{pages_text(total_eighths(production))} pages, "
                   f"{len(production.cast)} cast, {len(production.locations)} locations, "
                   f"a calendar of {production.calendar.num_days} shoot days from "
                   f"{long_date(production.settings.start_date)}; "
                   f"{defaults_applied(production)} defaults applied (sheet Notes). "
                   f"Next: plan-shoot check {output}", markup=False, soft_wrap=True)
