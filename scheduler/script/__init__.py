"""From the script to the breakdown: read Fountain and Final Draft screenplays.

``read_screenplay`` parses a ``.fountain`` (or ``.txt`` in Fountain syntax) or ``.fdx`` file into
scenes of printed elements; ``import_script`` turns it into a checked production (scenes, cast,
locations, every default and guess in its notices), which ``write_script_breakdown`` writes as a
breakdown workbook (``start_date`` left blank when no defaults workbook gave one).

Modules: ``source`` (size limit, encoding), ``fountain`` and ``fdx`` (the two syntaxes),
``heading`` (INT/EXT, set, time of day), ``pagination`` (eighths from the printed script),
``guesses`` (tags, extras, minors from the action), ``cast`` and ``breakdown`` (the rows).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from ..data import Production
from ..errors import InputError, Problem
from ..interop.uss.defaults import UssDefaults, read_defaults
from .breakdown import ScriptImport, build_production
from .fdx import parse_fdx
from .fountain import parse_fountain
from .screenplay import Screenplay
from .source import decode_text, read_script_bytes, refused

__all__ = ["FDX_SUFFIXES", "FOUNTAIN_SUFFIXES", "SCRIPT_SUFFIXES", "Screenplay", "ScriptImport",
           "import_script", "is_script", "parse_screenplay", "read_screenplay", "read_script",
           "write_script_breakdown"]

logger = logging.getLogger("scheduler")

FOUNTAIN_SUFFIXES = (".fountain", ".spmd", ".txt")
FDX_SUFFIXES = (".fdx",)
SCRIPT_SUFFIXES = FOUNTAIN_SUFFIXES + FDX_SUFFIXES


def is_script(path: str | Path) -> bool:
    """True when ``path`` is named like a screenplay (``.fountain``, ``.fdx``, ``.txt``)."""
    return Path(path).suffix.lower() in SCRIPT_SUFFIXES


def read_screenplay(path: str | Path) -> Screenplay:
    """The parsed screenplay of a Fountain or Final Draft file.

    Raises
    ------
    InputError
        The file is missing, too big, binary, hostile XML, or not a screenplay.
    """
    path = Path(path)
    return parse_screenplay(read_script_bytes(path), path.name)


def parse_screenplay(raw: bytes, name: str) -> Screenplay:
    """The parsed screenplay of a file's bytes; ``name`` (its file name) decides the syntax,
    and an XML file is read as Final Draft whatever its name."""
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if Path(name).suffix.lower() in FDX_SUFFIXES or head.startswith(b"<"):
        if not head.startswith(b"<"):
            raise refused(name, "is not XML; a Final Draft (.fdx) file is XML")
        return parse_fdx(raw, name)
    notes: list[str] = []
    screenplay = parse_fountain(decode_text(raw, name, notes), name)
    screenplay.notes.extend(notes)
    return screenplay


def import_script(path: str | Path, defaults: str | Path | UssDefaults | None = None, *,
                  today: date | None = None) -> ScriptImport:
    """The production of a screenplay file.

    Parameters
    ----------
    path
        A ``.fountain`` (or ``.txt``) or ``.fdx`` file.
    defaults
        A defaults workbook (the one ``import-uss`` takes) or ``UssDefaults``: rates, fees, pace
        and the start date; without it placeholders apply and the start date is left blank.
    today
        The day a placeholder start date counts from (tests pass a fixed one).

    Raises
    ------
    InputError
        Every problem of the file and of the defaults workbook, located.
    """
    chosen = (defaults if isinstance(defaults, UssDefaults) or defaults is None
              else read_defaults(defaults))
    imported = build_production(read_screenplay(path), chosen, today=today)
    production = imported.production
    logger.info("read %s: %d scenes, %d cast, %d locations", Path(path).name,
                len(production.scenes), len(production.cast), len(production.locations))
    return imported


def read_script(path: str | Path, defaults: str | Path | UssDefaults | None = None) -> Production:
    """The production of a screenplay file, to plan straight away: the defaults workbook must
    give the start date (see ``import_script``).

    Raises
    ------
    InputError
        As ``import_script``; and when no start date is given.
    """
    imported = import_script(path, defaults)
    if not imported.start_date_given:
        raise InputError([Problem("", f"{Path(path).name} has no start date: give start_date "
                                      "in the Production sheet of a defaults workbook "
                                      "(--defaults), or write the breakdown with plan-shoot "
                                      "import-script and fill it in")])
    return imported.production


def write_script_breakdown(imported: ScriptImport, path: str | Path) -> Path:
    """Write the breakdown workbook of an imported script, atomically; ``start_date`` blank
    when no defaults workbook gave one."""
    from ..excel.breakdown import write_breakdown

    blank = () if imported.start_date_given else ("start_date",)
    return write_breakdown(imported.production, path, blank_settings=blank)
