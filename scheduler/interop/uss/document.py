"""A USS file's content as typed, checked objects: breakdowns, categories, elements, boards,
calendars.

Both forms in use are accepted: the one of the USS documentation (``docs/docs.md`` of
UniversalScheduleStandard/UniversalScheduleStandard) and the one of its public samples
(ThinkCrew), which departs from it:

==========================  ==================================  ===================================
what                        documentation                       samples
==========================  ==================================  ===================================
shooting time of a strip    ``time`` (ms)                       ``duration`` (ms)
strip types                 ``scene``, ``day``, ``banner``      ``strip``, ``banner``
category of an element      ``category.elements``               ``element.category``
element DOOD settings       ``doodDropAllow``, ``doodDropDays``  ``isDrop``, ``dropDayCount`` or
                                                                ``doodDayCount``
element days off            ``dayOff`` events                   also ``daysOff`` (weekdays)
a board's strips            ``breakdownIds``, ``day`` strips    ``breakdownArrays``: an array per
                            as day breaks                       day (bare ids join the next day)
==========================  ==================================  ===================================

Every problem is located by its path inside the ``universalScheduleStandard`` object, such as
``breakdowns[12].elements[3]``; references (elements of a strip, strips of a board, the calendar
of a stripboard) are checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from ...errors import InputError
from ...excel.parse import MAX_HOURS, MAX_PAGES, Bad, parse_date
from ..json_fields import JsonReport, Node
from .source import USS_ROOT_KEY

MAX_OBJECTS = 20_000  # strips, elements, ... of one kind: the workbook's row limit
MS_PER_MINUTE = 60_000  # USS gives a strip's shooting time in milliseconds
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")
BOARD_DAY_ARRAYS = "breakdownArrays"  # the samples' key for a board's per-day arrays
BOARD_IDS = "breakdownIds"  # the documentation's key for a board's flat list
# plan-shoot's extension of a calendar (custom keys start with "_"): dates that are shoot dates
# although the week makes them days off, which USS cannot say otherwise.
WORK_DATES = "_workDates"


class StripKind(StrEnum):
    SCENE = "scene"  # a strip to shoot ("strip" in the samples)
    DAY = "day"  # a day break
    BANNER = "banner"  # a text banner: nothing to shoot


_STRIP_KINDS = {"scene": StripKind.SCENE, "strip": StripKind.SCENE, "day": StripKind.DAY,
                "banner": StripKind.BANNER}


@dataclass(frozen=True)
class UssEvent:
    """A dated event of a calendar or an element: ``start``, ``dayOff`` or ``event``."""

    kind: str
    name: str
    date: date
    path: str

    @property
    def label(self) -> str:
        """How the event reads in notes: its name, else its type."""
        return self.name or self.kind


@dataclass(frozen=True)
class UssBreakdown:
    path: str
    id: str
    kind: StripKind
    scene: str
    description: str
    pages: float | None
    duration_ms: float | None
    element_ids: tuple[str, ...]


@dataclass(frozen=True)
class UssCategory:
    path: str
    id: str
    name: str
    ucid: int | None
    element_ids: tuple[str, ...]


@dataclass(frozen=True)
class UssElement:
    path: str
    id: str
    name: str
    board_id: str
    category_id: str | None
    drop_allowed: bool | None
    drop_days: int | None
    weekdays_off: tuple[int, ...]  # USS numbering: 0 = Sunday
    events: tuple[UssEvent, ...]


@dataclass(frozen=True)
class UssBoard:
    """One board of a stripboard: its strips in order, ``None`` marking each day break."""

    path: str
    name: str
    entries: tuple[str | None, ...]
    written_as_day_arrays: bool = False  # the samples' form: one array per day

    @property
    def is_boneyard(self) -> bool:
        return self.name.strip().casefold() == "boneyard"

    @property
    def strip_ids(self) -> list[str]:
        return [entry for entry in self.entries if entry is not None]

    @property
    def has_day_breaks(self) -> bool:
        return None in self.entries

    def days(self) -> list[list[str]]:
        """The strips of each shoot day, in order.  A day break closes a day (an empty day when
        nothing precedes it); strips after the last break make one more day."""
        days: list[list[str]] = [[]]
        for entry in self.entries:
            if entry is None:
                days.append([])
            else:
                days[-1].append(entry)
        if not days[-1]:
            days.pop()
        return days


@dataclass(frozen=True)
class UssStripboard:
    path: str
    id: str
    name: str
    calendar_id: str | None
    boards: tuple[UssBoard, ...]

    @property
    def schedule_board(self) -> UssBoard | None:
        """The board that is shot: the first one that is not the boneyard."""
        return next((board for board in self.boards if not board.is_boneyard), None)

    @property
    def is_scheduled(self) -> bool:
        """True when its board has day breaks, so that it is a schedule, not just an order."""
        board = self.schedule_board
        return board is not None and board.has_day_breaks


@dataclass(frozen=True)
class UssCalendar:
    path: str
    id: str
    name: str
    weekdays_off: tuple[int, ...]  # USS numbering: 0 = Sunday
    events: tuple[UssEvent, ...]
    work_dates: tuple[date, ...] = ()  # plan-shoot's extension: shoot dates on a day off

    @property
    def start(self) -> date | None:
        """The date of the first strip: the earliest ``start`` event."""
        starts = [event.date for event in self.events if event.kind.casefold() == "start"]
        return min(starts) if starts else None


@dataclass(frozen=True)
class UssDocument:
    """The checked content of a USS file."""

    title: str
    breakdowns: tuple[UssBreakdown, ...]
    categories: tuple[UssCategory, ...]
    elements: tuple[UssElement, ...]
    stripboards: tuple[UssStripboard, ...]
    calendars: tuple[UssCalendar, ...]
    unused_fields: tuple[str, ...]

    @property
    def uses_day_arrays(self) -> bool:
        """True when a board is written as per-day arrays (the samples' form)."""
        return any(board.written_as_day_arrays for stripboard in self.stripboards
                   for board in stripboard.boards)

    def stripboard(self, name: str) -> UssStripboard | None:
        """The stripboard of that name (case and surrounding spaces ignored)."""
        wanted = name.strip().casefold()
        return next((board for board in self.stripboards
                     if board.name.strip().casefold() == wanted), None)

    def calendar(self, calendar_id: str | None) -> UssCalendar | None:
        return next((c for c in self.calendars if c.id == calendar_id), None)


def parse_document(tree: Any) -> UssDocument:
    """The typed content of a parsed USS file.

    Raises
    ------
    InputError
        With every problem found, each located by its path in the file.
    """
    report = JsonReport()
    root = Node(tree, "", report)
    if isinstance(tree, dict) and USS_ROOT_KEY in tree:
        root = Node(tree[USS_ROOT_KEY], "", report)
    elif not (isinstance(tree, dict) and "breakdowns" in tree):
        report.problem("file", f"is not a USS file: it has no {USS_ROOT_KEY} object")
        raise InputError(report.problems)
    if not root.is_object("the universalScheduleStandard object"):
        raise InputError(report.problems)
    title = root.text("project") or root.text("name")
    breakdowns = tuple(_each(root, "breakdowns", "the strips of the breakdown",
                             _breakdown))
    categories = tuple(_each(root, "categories", "the element categories", _category))
    elements = tuple(_each(root, "elements", "the breakdown elements", _element))
    calendars = tuple(_each(root, "calendars", "", _calendar))
    kinds = {b.id: b.kind for b in breakdowns}
    stripboards = tuple(_each(root, "stripboards", "",
                              lambda node: _stripboard(node, kinds)))
    _check_unique_ids(report, [breakdowns, categories, elements, calendars, stripboards])
    _check_references(report, breakdowns, categories, elements, stripboards, calendars)
    if report.problems:
        raise InputError(report.problems)
    return UssDocument(title=title, breakdowns=breakdowns, categories=categories,
                       elements=elements, stripboards=stripboards, calendars=calendars,
                       unused_fields=tuple(report.unused_fields()))


# ----- objects -----------------------------------------------------------------------------------


def _each(root: Node, key: str, required_as: str, build: Any) -> list[Any]:
    """``build`` of every object of the array ``key`` (those that are not objects reported)."""
    nodes = root.array(key, required_as=required_as)
    if len(nodes) > MAX_OBJECTS:
        root.report.problem(key, f"has {len(nodes)} items; a USS file may have at most "
                                 f"{MAX_OBJECTS}")
        return []
    built = []
    for node in nodes:
        if node.is_object("an object"):
            item = build(node)
            if item is not None:
                built.append(item)
    return built


def _breakdown(node: Node) -> UssBreakdown | None:
    breakdown_id = node.identifier("id", what="the strip's id")
    kind_node = node.get("type")
    kind = StripKind.SCENE
    if kind_node is not None:
        written = kind_node.value.strip().casefold() if isinstance(kind_node.value, str) else None
        if written not in _STRIP_KINDS:
            kind_node.bad("one of scene, strip, day or banner")
        else:
            kind = _STRIP_KINDS[written]
    # the workbook's limits, so that an imported breakdown reads back
    pages = node.number("pages", maximum=MAX_PAGES)
    duration = node.number("time", "duration", maximum=MAX_HOURS * 60 * MS_PER_MINUTE)
    if breakdown_id is None:
        return None
    return UssBreakdown(path=node.path, id=breakdown_id, kind=kind, scene=node.text("scene"),
                        description=node.text("description"), pages=pages, duration_ms=duration,
                        element_ids=node.identifiers("elements"))


def _category(node: Node) -> UssCategory | None:
    category_id = node.identifier("id", what="the category's id")
    ucid = node.number("ucid")
    if category_id is None:
        return None
    return UssCategory(path=node.path, id=category_id, name=node.text("name"),
                       ucid=int(ucid) if ucid is not None and ucid.is_integer() else None,
                       element_ids=node.identifiers("elements"))


def _element(node: Node) -> UssElement | None:
    element_id = node.identifier("id", what="the element's id")
    drop_days = node.number("doodDropDays", "dropDayCount", "doodDayCount")
    category_id = node.reference("category", what="a category id")
    drop_allowed = node.flag("doodDropAllow", "isDrop")
    weekdays = _weekdays(node, "daysOff")
    events = tuple(_events(node))
    if element_id is None:
        return None
    return UssElement(path=node.path, id=element_id, name=node.text("name"),
                      board_id=node.text("elementId"), category_id=category_id,
                      drop_allowed=drop_allowed,
                      drop_days=int(drop_days) if drop_days is not None else None,
                      weekdays_off=weekdays, events=events)


def _calendar(node: Node) -> UssCalendar | None:
    calendar_id = node.identifier("id", what="the calendar's id")
    weekdays = _weekdays(node, "daysOff")
    events = tuple(_events(node))
    work_dates = tuple(when for item in node.array(WORK_DATES)
                       if (when := _date_value(item)) is not None)
    if calendar_id is None:
        return None
    return UssCalendar(path=node.path, id=calendar_id, name=node.text("name"),
                       weekdays_off=weekdays, events=events, work_dates=work_dates)


def _stripboard(node: Node, kinds: dict[str, StripKind]) -> UssStripboard | None:
    stripboard_id = node.identifier("id", what="the stripboard's id")
    calendar_id = node.reference("calendar", what="a calendar id")
    boards = []
    for board_node in node.array("boards", required_as="its boards (stripboard, boneyard)"):
        if board_node.is_object("a board object"):
            boards.append(_board(board_node, kinds))
    if stripboard_id is None:
        return None
    return UssStripboard(path=node.path, id=stripboard_id, name=node.text("name"),
                         calendar_id=calendar_id, boards=tuple(boards))


def _board(node: Node, kinds: dict[str, StripKind]) -> UssBoard:
    """A board's entries: strip ids in order and ``None`` at each day break."""
    entries: list[str | None] = []
    day_arrays = False
    for item in node.array(BOARD_DAY_ARRAYS, BOARD_IDS):
        if isinstance(item.value, list):  # the samples' form: one array per day
            day_arrays = True
            entries.extend(strip for strip in _strip_ids(item.items(), kinds, breaks=False)
                           if strip is not None)
            entries.append(None)
        else:
            entries.extend(_strip_ids([item], kinds, breaks=True))
    return UssBoard(path=node.path, name=node.text("name"), entries=tuple(entries),
                    written_as_day_arrays=day_arrays)


def _strip_ids(items: list[Node], kinds: dict[str, StripKind],
               breaks: bool) -> list[str | None]:
    """Strip ids of board items; a ``day`` strip is a day break when ``breaks`` (else the day's
    array already makes the break), banners are left out, unknown ids reported."""
    found: list[str | None] = []
    for item in items:
        strip_id = item.as_id("a strip id")
        if strip_id is None:
            continue
        kind = kinds.get(strip_id)
        if kind is None:
            item.report.problem(item.path, f'no strip has id "{strip_id}"')
        elif kind is StripKind.DAY:
            if breaks:
                found.append(None)
        elif kind is StripKind.SCENE:
            found.append(strip_id)
    return found


def _weekdays(node: Node, key: str) -> tuple[int, ...]:
    """Weekday numbers 0 (Sunday) to 6 (Saturday)."""
    days = []
    for item in node.array(key):
        value = item.value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
            days.append(value)
        else:
            item.bad("a weekday number from 0 (Sunday) to 6 (Saturday)")
    return tuple(sorted(set(days)))


def _events(node: Node) -> list[UssEvent]:
    events = []
    for item in node.array("events"):
        if not item.is_object("an event object"):
            continue
        kind = item.text("type")
        name = item.text("name")
        when = _date(item, "date")
        if when is not None:
            events.append(UssEvent(kind=kind, name=name, date=when, path=item.path))
    return events


def _date(node: Node, key: str) -> date | None:
    """The date of an ISO date-time, as written (``2022-08-03T07:00:00.000Z`` is 3 Aug 2022)."""
    value = node.get(key)
    if value is None:
        node.missing(key, "an ISO date like 2022-06-24T08:00:00.000Z")
        return None
    return _date_value(value)


def _date_value(value: Node) -> date | None:
    match = _ISO_DATE.fullmatch(value.value.strip()) if isinstance(value.value, str) else None
    if match is None:
        value.bad("an ISO date like 2022-06-24T08:00:00.000Z")
        return None
    parsed = parse_date(match[1])  # the workbook's check: a real date in a plausible year
    if isinstance(parsed, Bad):
        value.report.problem(value.path, parsed.message)
        return None
    return parsed.value


# ----- cross-checks ------------------------------------------------------------------------------


def _check_unique_ids(report: JsonReport, groups: list[Any]) -> None:
    for objects in groups:
        first_path: dict[str, str] = {}
        for item in objects:
            if item.id in first_path:
                report.problem(f"{item.path}.id", f'"{item.id}" is the id of '
                                                  f"{first_path[item.id]} too; ids must be unique")
            else:
                first_path[item.id] = item.path


def _check_references(report: JsonReport, breakdowns: tuple[UssBreakdown, ...],
                      categories: tuple[UssCategory, ...], elements: tuple[UssElement, ...],
                      stripboards: tuple[UssStripboard, ...],
                      calendars: tuple[UssCalendar, ...]) -> None:
    element_ids = {element.id for element in elements}
    category_ids = {category.id for category in categories}
    calendar_ids = {calendar.id for calendar in calendars}
    for breakdown in breakdowns:
        for index, element_id in enumerate(breakdown.element_ids):
            if element_id not in element_ids:
                report.problem(f"{breakdown.path}.elements[{index}]",
                               f'no element has id "{element_id}"')
    for category in categories:
        for index, element_id in enumerate(category.element_ids):
            if element_id not in element_ids:
                report.problem(f"{category.path}.elements[{index}]",
                               f'no element has id "{element_id}"')
    for element in elements:
        if element.category_id is not None and element.category_id not in category_ids:
            report.problem(f"{element.path}.category",
                           f'no category has id "{element.category_id}"')
    for stripboard in stripboards:
        if stripboard.calendar_id is not None and stripboard.calendar_id not in calendar_ids:
            report.problem(f"{stripboard.path}.calendar",
                           f'no calendar has id "{stripboard.calendar_id}"')
        _check_strips_once(report, stripboard)


def _check_strips_once(report: JsonReport, stripboard: UssStripboard) -> None:
    """A strip is on one board of a stripboard, once."""
    seen: dict[str, str] = {}
    for board in stripboard.boards:
        for strip_id in board.strip_ids:
            if strip_id in seen:
                report.problem(board.path, f'strip "{strip_id}" is on the stripboard twice '
                                           f"(also on {seen[strip_id]}); keep it once")
            else:
                seen[strip_id] = board.path
