"""The ``Scenarios`` sheet: its reader and its annotated blank.

Columns ``scenario`` (its name; rows with the same name combine), ``change``, ``id`` and
``value``.  The workbook is read through the breakdown's door (``excel.source.load_sheets``:
size limits, XML attacks and zip bombs refused) and parsed with the breakdown's cell parsers;
every problem is located (``Scenarios!C4: ...``) and reported at once, like the breakdown's.
Ids are checked against the production: a cast member, location, crew member or piece of
equipment by id or name (``cast:1`` when two kinds share an id), scenes by id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from ..calendar import short_date
from ..data import Production, Settings
from ..errors import InputError, Problem
from ..excel.entities import SETTINGS_FIELDS
from ..excel.parse import Bad, parse_date, parse_dates, parse_list, parse_money, shown
from ..excel.safe import save_atomically, set_cell
from ..excel.schema import PRODUCTION, Column, Kind, SheetSpec, normalize_name
from ..excel.source import load_sheets
from ..excel.table import PARSERS, Findings, ParseContext, Record, read_table
from ..report import date_runs_text
from ..subjects import EntityKind
from ..wording import describe_availability
from .apply import ENTITY_FIELDS, change_effect, entity_of
from .scenario import BASE_NAME, Change, ChangeKind, Scenario

SCENARIOS = SheetSpec(
    name="Scenarios",
    synonyms=("Scenario", "What If", "What-If", "Alternatives"),
    required=True,
    help="one row per change; rows with the same scenario name make one scenario",
    columns=(
        Column("scenario", Kind.TEXT, "the scenario's name; rows with the same name combine",
               ("name", "scenario name", "what if", "alternative"), required=True),
        Column("change", Kind.TEXT, "setting, available, unavailable, available_on, free, "
                                    "rate, cut, pin, unpin or drop",
               ("kind", "type", "change kind"), required=True),
        Column("id", Kind.ID, "a Production field, a cast, location, crew or equipment id "
                              "or name, scene ids, or a rule's kind",
               ("what", "target", "field", "ids")),
        Column("value", Kind.TEXT, "the new value, a date range, dates, a rate or a date",
               ("to", "new value", "values")),
    ),
)

# What each change's id and value are, with an example (the template's Help sheet).
CHANGE_HELP: dict[ChangeKind, tuple[str, str, str, str]] = {
    ChangeKind.SETTING: ("a Production field", "its new value", "work_week", "Mon-Sat"),
    ChangeKind.AVAILABLE: ("a cast, location, crew or equipment id or name",
                           "the window first..last (either end may be left open)", "Mary Hatch",
                           "2027-03-01..2027-04-30"),
    ChangeKind.UNAVAILABLE: ("an id or name", "dates or ranges added to its unavailable dates",
                             "L3", "2027-03-15..2027-03-19"),
    ChangeKind.AVAILABLE_ON: ("an id or name", "dates or ranges taken off its unavailable dates",
                              "2", "2027-03-22"),
    ChangeKind.FREE: ("an id or name", "(none) no availability limits at all", "L2", ""),
    ChangeKind.RATE: ("an id or name", "the new daily rate (cast, crew, equipment) or fee "
                                       "(location)", "1", "1800"),
    ChangeKind.CUT: ("scene ids", "(none) the scenes are cut", "44, 45", ""),
    ChangeKind.PIN: ("a scene id", "the date it is shot on", "12", "2027-03-10"),
    ChangeKind.UNPIN: ("scene ids", "(none) their shoot_on, earliest and latest are dropped",
                       "12", ""),
    ChangeKind.DROP: ("a rule's kind (before, same_day, different_day, consecutive, not_on)",
                      "its scenes, as on the Constraints sheet", "before", "12, 14"),
}
ENTITY_PREFIXES = {normalize_name(kind.value): kind for kind in ENTITY_FIELDS}
# ``setting`` fields a scenario may not change: they say what the breakdown is, not a choice.
FIXED_SETTINGS = frozenset({"title", "date_format"})
RANGE_MARK = ".."


def read_scenarios(path: str | Path, production: Production) -> tuple[Scenario, ...]:
    """The scenarios of a workbook's ``Scenarios`` sheet, checked against ``production``.

    Raises
    ------
    InputError
        Every problem, located (``Scenarios!C4: ...``): no such sheet, a change not understood,
        an id the production does not have, a value that cannot be read, a scenario named
        ``base``.
    """
    path = Path(path)
    sheets, _ = load_sheets(path, wanted=SCENARIOS.matches)
    if not sheets:
        raise InputError([Problem(SCENARIOS.name, "sheet Scenarios is missing; add it "
                                                   f"({SCENARIOS.help})")])
    findings = Findings()
    records = read_table(sheets[0], SCENARIOS, ParseContext(), findings)
    changes: dict[str, list[Change]] = {}
    for record in records:
        read = _change(record, production, findings)
        name = _name(record, findings)
        if read is not None and name is not None:
            changes.setdefault(name, []).append(read)
    if not records and not findings.problems:
        findings.problem(sheets[0].title, "no scenarios; add one row per change under the "
                                          "header row")
    if findings.problems:
        raise InputError(list(findings.problems))
    return tuple(Scenario(name=name, changes=tuple(items)) for name, items in changes.items())


def _name(record: Record, findings: Findings) -> str | None:
    name: str = record.get("scenario") or ""
    if not name:
        if "scenario" not in record.failed:
            findings.problem(record.cell("scenario"), "the scenario's name is empty; name it")
        return None
    if normalize_name(name) == BASE_NAME:
        findings.problem(record.cell("scenario"), f'"{name}" is the breakdown unchanged; '
                                                  "give the scenario another name")
        return None
    return name


@dataclass(frozen=True)
class _Row:
    """One row being read: its record, the production and where problems go."""

    record: Record
    production: Production
    findings: Findings

    @property
    def target(self) -> str:
        return str(self.record.get("id") or "")

    @property
    def value(self) -> str:
        return str(self.record.get("value") or "")

    def problem(self, column: str, message: str) -> None:
        self.findings.problem(self.record.cell(column), message)

    def needs(self, column: str, what: str) -> bool:
        """Whether the column has a value; reports it empty (once) when it has not."""
        if (self.target if column == "id" else self.value):
            return True
        if column not in self.record.failed:
            self.problem(column, f"{column} is empty; give {what}")
        return False


def _change(record: Record, production: Production, findings: Findings) -> Change | None:
    row = _Row(record, production, findings)
    written = str(record.get("change") or "")
    kind = next((kind for kind in ChangeKind if normalize_name(kind.value) ==
                 normalize_name(written)), None)
    if kind is None:
        if "change" not in record.failed:
            row.problem("change", f'change "{written}" is not understood; write one of '
                                  + ", ".join(kind.value for kind in ChangeKind))
        return None
    change = READERS[kind](row)
    if change is None:
        return None
    return change.model_copy(update={"where": record.cell("change"),
                                     "effect": change_effect(production, change)})


# ----- one reader per kind of change ---------------------------------------------------------------


def _setting(row: _Row) -> Change | None:
    if not row.needs("id", "a Production field such as work_week or end_date"):
        return None
    column = PRODUCTION.column(row.target)
    if column is None or column.name in FIXED_SETTINGS:
        row.problem("id", f'"{row.target}" is not a Production field a scenario can change; '
                          "write one such as work_week, end_date, max_day_hours, budget")
        return None
    attribute = SETTINGS_FIELDS[column.name]
    value = None
    if row.value:
        parsed = PARSERS[column.kind](row.value, ParseContext())
        if isinstance(parsed, Bad):
            row.problem("value", f"{column.name} {parsed.message}")
            return None
        value = parsed.value
    elif column.required:
        row.problem("value", f"{column.name} cannot be empty")
        return None
    try:
        Settings.model_validate({**row.production.settings.model_dump(), attribute: value})
    except ValidationError as error:
        row.problem("value", f"{column.name} {str(error.errors()[0]['msg']).lower()}")
        return None
    shown_value = row.value or "(none)"
    return Change(kind=ChangeKind.SETTING, target=attribute, value=value,
                  text=f"{column.name} {shown_value}")


def _available(row: _Row) -> Change | None:
    entity = _entity(row)
    window = _window(row) if row.needs("value", "a window first..last, like "
                                                "2027-03-01..2027-04-30") else None
    if entity is None or window is None:
        return None
    kind, entity_id, label = entity
    first, last = window
    return Change(kind=ChangeKind.AVAILABLE, target=entity_id, entity=kind, window=window,
                  text=f"{label} available {short_date(first) if first else 'from the start'}"
                       f" to {short_date(last) if last else 'the wrap'}")


def _window(row: _Row) -> tuple[date | None, date | None] | None:
    text = row.value
    if RANGE_MARK not in text:
        row.problem("value", f"{shown(text)} is not a window; write first..last, like "
                             "2027-03-01..2027-04-30 (either end may be left open)")
        return None
    ends: list[date | None] = []
    for part in text.split(RANGE_MARK, 1):
        if not part.strip():
            ends.append(None)
            continue
        parsed = parse_date(part.strip())
        if isinstance(parsed, Bad):
            row.problem("value", f"window {parsed.message}")
            return None
        ends.append(parsed.value)
    first, last = ends
    if first is not None and last is not None and last < first:
        row.problem("value", f"{shown(text)} ends before it starts; write first..last")
        return None
    return first, last


def _dates_change(kind: ChangeKind, verb: str) -> Callable[[_Row], Change | None]:
    def read(row: _Row) -> Change | None:
        entity = _entity(row)
        if not row.needs("value", "dates or ranges like 2027-03-15..2027-03-19"):
            return None
        parsed = parse_dates(row.value)
        if isinstance(parsed, Bad):
            row.problem("value", f"dates {parsed.message}")
            return None
        if entity is None:
            return None
        entity_kind, entity_id, label = entity
        return Change(kind=kind, target=entity_id, entity=entity_kind, dates=parsed.value,
                      text=f"{label} {verb} {date_runs_text(parsed.value)}")
    return read


def _free(row: _Row) -> Change | None:
    entity = _entity(row)
    if entity is None:
        return None
    kind, entity_id, label = entity
    was = describe_availability(entity_of(row.production, kind, entity_id).availability)
    return Change(kind=ChangeKind.FREE, target=entity_id, entity=kind,
                  text=f"{label} free every day (was {was})")


def _rate(row: _Row) -> Change | None:
    entity = _entity(row)
    if not row.needs("value", "the new daily rate, like 1800"):
        return None
    parsed = parse_money(row.value)
    if isinstance(parsed, Bad):
        row.problem("value", f"rate {parsed.message}")
        return None
    if entity is None:
        return None
    kind, entity_id, label = entity
    noun = "fee" if kind is EntityKind.LOCATION else "rate"
    currency = row.production.settings.currency
    return Change(kind=ChangeKind.RATE, target=entity_id, entity=kind, amount=parsed.value,
                  text=f"{label} at a daily {noun} of {parsed.value:,} {currency}")


def _cut(row: _Row) -> Change | None:
    scenes = _scenes(row)
    if not scenes:
        return None
    return Change(kind=ChangeKind.CUT, scenes=scenes,
                  text=f"scene{'s' if len(scenes) > 1 else ''} {', '.join(scenes)} cut")


def _pin(row: _Row) -> Change | None:
    scenes = _scenes(row)
    if not row.needs("value", "the date the scene is shot on"):
        return None
    parsed = parse_date(row.value)
    if isinstance(parsed, Bad):
        row.problem("value", f"pin {parsed.message}")
        return None
    if len(scenes) > 1:
        row.problem("id", "a pin is for one scene; give each scene its own row")
    if len(scenes) != 1:
        return None
    return Change(kind=ChangeKind.PIN, target=scenes[0], scenes=scenes, dates=(parsed.value,),
                  text=f"scene {scenes[0]} pinned to {short_date(parsed.value)}")


def _unpin(row: _Row) -> Change | None:
    scenes = _scenes(row)
    if not scenes:
        return None
    return Change(kind=ChangeKind.UNPIN, scenes=scenes,
                  text=f"scene{'s' if len(scenes) > 1 else ''} {', '.join(scenes)} free of "
                       "their dates (shoot_on, earliest, latest)")


def _drop(row: _Row) -> Change | None:
    if not row.needs("id", "the rule's kind, like before") or not row.needs(
            "value", "the rule's scenes, like 12, 14"):
        return None
    parsed = parse_list(row.value)
    scenes = parsed.value if not isinstance(parsed, Bad) else ()
    kind = normalize_name(row.target)
    rule = next((rule for rule in row.production.constraints
                 if normalize_name(rule.kind.value) == kind and rule.scenes == scenes), None)
    if rule is None:
        row.problem("id", f"no {row.target} rule of scenes {', '.join(scenes)} on the "
                          "Constraints sheet; write the rule's kind and its scenes in order")
        return None
    return Change(kind=ChangeKind.DROP, target=rule.kind.value, scenes=rule.scenes,
                  text=f"rule dropped: {rule.describe()}")


READERS: dict[ChangeKind, Callable[[_Row], Change | None]] = {
    ChangeKind.SETTING: _setting,
    ChangeKind.AVAILABLE: _available,
    ChangeKind.UNAVAILABLE: _dates_change(ChangeKind.UNAVAILABLE, "not available on"),
    ChangeKind.AVAILABLE_ON: _dates_change(ChangeKind.AVAILABLE_ON, "available after all on"),
    ChangeKind.FREE: _free,
    ChangeKind.RATE: _rate,
    ChangeKind.CUT: _cut,
    ChangeKind.PIN: _pin,
    ChangeKind.UNPIN: _unpin,
    ChangeKind.DROP: _drop,
}


# ----- ids against the production ---------------------------------------------------------------


def _entity(row: _Row) -> tuple[EntityKind, str, str] | None:
    """(kind, id, label) of the cast member, location, crew member or piece of equipment the
    row names (by id or name; ``cast:1`` picks a kind)."""
    if not row.needs("id", "a cast, location, crew or equipment id or name"):
        return None
    kinds = list(ENTITY_FIELDS)
    written = row.target
    prefix, colon, rest = written.partition(":")
    if colon and normalize_name(prefix) in ENTITY_PREFIXES:
        kinds, written = [ENTITY_PREFIXES[normalize_name(prefix)]], rest.strip()
    found = _by_id(row.production, kinds, written) or _by_name(row.production, kinds, written)
    if not found:
        row.problem("id", f'"{row.target}" is no cast member, location, crew member or piece '
                          "of equipment of the breakdown; write its id or name")
        return None
    if len(found) > 1:
        named = " and ".join(f"{kind.value}:{entity_id}" for kind, entity_id, _ in found)
        row.problem("id", f'"{row.target}" is both {named}; write one of those')
        return None
    return found[0]


def _by_id(production: Production, kinds: list[EntityKind],
           written: str) -> list[tuple[EntityKind, str, str]]:
    return [(kind, entity.id, entity.label) for kind in kinds
            for entity in getattr(production, ENTITY_FIELDS[kind]) if entity.id == written]


def _by_name(production: Production, kinds: list[EntityKind],
             written: str) -> list[tuple[EntityKind, str, str]]:
    key = normalize_name(written)
    return [(kind, entity.id, entity.label) for kind in kinds
            for entity in getattr(production, ENTITY_FIELDS[kind])
            if key in {normalize_name(name) for name in _names(entity) if name}]


def _names(entity: object) -> tuple[str, ...]:
    return tuple(str(getattr(entity, name, "") or "") for name in ("name", "character"))


def _scenes(row: _Row) -> tuple[str, ...]:
    """The scene ids the row names, each on the breakdown; ``()`` with the problems said."""
    if not row.needs("id", "scene ids, like 44, 45"):
        return ()
    parsed = parse_list(row.target)
    scenes = parsed.value if not isinstance(parsed, Bad) else ()
    unknown = [scene for scene in scenes if scene not in row.production.scene_by_id]
    if unknown:
        row.problem("id", f"scene{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
                          "not on the Scenes sheet (or omitted)")
        return ()
    return scenes


# ----- the annotated blank ---------------------------------------------------------------------


def write_scenarios_template(path: str | Path) -> Path:
    """Write a blank ``Scenarios`` workbook: the headers with what each column means, a
    drop-down of the changes, and a ``Help`` sheet with each change's id, value and an example.

    Returns
    -------
    Path
        The path written (atomically).
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SCENARIOS.name
    for index, column in enumerate(SCENARIOS.columns, start=1):
        cell = set_cell(sheet, 1, index, column.name)
        comment = Comment(f"{column.name}: {column.help}.", "plan-shoot")
        comment.width, comment.height = 320, 80
        cell.comment = comment
        sheet.column_dimensions[cell.column_letter].width = 22
    choices = DataValidation(type="list", formula1='"' + ",".join(kind.value for kind in
                                                                   ChangeKind) + '"',
                             allow_blank=True, showErrorMessage=True, errorTitle="Not a change",
                             error="Pick one of the changes (see the Help sheet)")
    sheet.add_data_validation(choices)
    choices.add("B2:B500")
    sheet.freeze_panes = "A2"
    help_sheet = workbook.create_sheet("Help")
    for index, header in enumerate(("change", "id", "value", "example id", "example value"),
                                   start=1):
        set_cell(help_sheet, 1, index, header)
        help_sheet.column_dimensions[chr(ord("A") + index - 1)].width = 40
    for row, (kind, texts) in enumerate(CHANGE_HELP.items(), start=2):
        for index, text in enumerate((kind.value, *texts), start=1):
            set_cell(help_sheet, row, index, text)
    return save_atomically(workbook, path)
