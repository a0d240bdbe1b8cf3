"""``plan-shoot import-script``: a breakdown workbook from a Fountain or Final Draft screenplay."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..calendar import long_date
from ..files import same_file
from ..overview import total_eighths
from ..report import pages_text
from ..script import import_script, is_script, write_script_breakdown
from .app import DefaultsOption, app, refuse, stdout, user_errors


@app.command("import-script")
def import_script_command(
    input_path: Annotated[Path, typer.Argument(
        metavar="SCRIPT", help="A screenplay: Fountain (.fountain, .txt) or Final Draft (.fdx).")],
    *,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="BREAKDOWN.xlsx",
                                         help="The breakdown workbook to write.")],
    defaults: DefaultsOption = None,
) -> None:
    """Turn a screenplay into a breakdown workbook: scenes, cast, locations; the Notes sheet
    lists every default and guess to check."""
    if output.suffix.lower() != ".xlsx":
        refuse(f"{output}: the breakdown is an Excel workbook; name it .xlsx")
    if not is_script(input_path):
        refuse(f"{input_path}: import-script reads screenplays in Fountain (.fountain, .txt) or "
               "Final Draft (.fdx); export the script in one of them")
    if same_file(input_path, output):
        refuse(f"{output} is the script itself; write the breakdown to another file")
    with user_errors(input_path, report_bugs=True):  # never a traceback for a user's file
        imported = import_script(input_path, defaults)
    with user_errors(writing=output):
        write_script_breakdown(imported, output)
    production = imported.production
    guesses = sum(1 for note in production.notices if note.startswith("guess:"))
    if imported.start_date_given:
        start = f"shooting from {long_date(production.settings.start_date)}"
        after = f"Next: plan-shoot {output}"
    else:
        start = "no start date yet"
        after = f"Next: fill start_date in its Production sheet, then plan-shoot check {output}"
    stdout().print(f"wrote {output}: {len(production.scenes)} scenes, "
                   f"{pages_text(total_eighths(production))} pages, "
                   f"{len(production.cast)} cast, {len(production.locations)} locations, "
                   f"{start}; {guesses} guesses to check (sheet Notes). {after}",
                   markup=False, soft_wrap=True)
