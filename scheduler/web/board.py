"""The board as an HTML Gantt: shoot days across, each day's strips in shooting order, coloured
by INT/EXT and time of day with the workbook's palette, bottleneck days marked with their drivers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..excel.styles import DEFAULT_PALETTE, StripPalette
from ..report import RiskByDay, hours_text, pages_text, parts_in_shooting_order
from ..solution import ScenePart, Schedule


def strip_class(colour: str) -> str:
    """CSS class of a strip colour (see ``pages.palette_css``)."""
    return f"strip-{colour.lower()}"


@dataclass(frozen=True)
class Strip:
    """One scene part on one day."""

    scene: str
    part: str  # "2/3" for a multi-day scene, "" otherwise
    set_name: str
    location: str
    int_ext: str
    day_night: str
    pages: str
    hours: str
    cast: str
    synopsis: str
    css_class: str

    @property
    def tooltip(self) -> str:
        part = f" (part {self.part})" if self.part else ""
        lines = [f"Scene {self.scene}{part}: {self.int_ext} {self.set_name} - {self.day_night}",
                 f"{self.pages} pages, {self.hours} h" + (f", cast {self.cast}" if self.cast
                                                          else "")]
        if self.location:
            lines.append(f"at {self.location}")
        if self.synopsis:
            lines.append(self.synopsis)
        return "\n".join(lines)


@dataclass(frozen=True)
class BoardDay:
    """One shoot day's column."""

    day: int
    date: date
    strips: tuple[Strip, ...]
    hours: str
    pages: str
    moves: int
    overtime: bool
    probability: float | None
    flagged: bool
    drivers: tuple[str, ...]
    starts_week: bool  # the first shoot day of a new calendar week

    @property
    def date_text(self) -> str:
        return f"{self.date:%a} {self.date.day} {self.date:%b}"

    @property
    def chance_text(self) -> str:
        """The chance of an overrun in whole percent (``82%``); empty when not forecast."""
        return f"{self.probability * 100:.0f}%" if self.probability is not None else ""


@dataclass(frozen=True)
class Board:
    days: tuple[BoardDay, ...]
    legend: tuple[tuple[str, str], ...]  # (label, css class)


def build_board(schedule: Schedule, risk: RiskByDay | None,
                palette: StripPalette = DEFAULT_PALETTE) -> Board:
    """Every shoot day from day 1 to the wrap day (a day without scenes is an empty column).

    Parameters
    ----------
    schedule
        The derived facts of the solution.
    risk
        Shoot day -> (probability, flagged, drivers), or None.
    palette
        Strip colours (the schedule workbook's by default).
    """
    days = []
    previous: date | None = None
    for day in range(1, schedule.wrap_day + 1):
        when = schedule.calendar.date_of(day)
        probability, flagged, drivers = (risk or {}).get(day, (None, False, ()))
        days.append(BoardDay(
            day=day, date=when,
            strips=tuple(_strip(schedule, part, palette)
                         for part in parts_in_shooting_order(schedule, day)),
            hours=hours_text(schedule.minutes_on(day)),
            pages=pages_text(schedule.eighths_on(day)),
            moves=schedule.moves_on(day),
            overtime=schedule.overtime_minutes_on(day) > 0,
            probability=probability, flagged=bool(flagged), drivers=tuple(drivers),
            starts_week=previous is not None and _week(when) != _week(previous),
        ))
        previous = when
    legend = tuple((label, strip_class(colour)) for label, colour in palette.legend())
    return Board(tuple(days), legend)


def _week(when: date) -> tuple[int, int]:
    year, week, _ = when.isocalendar()
    return year, week


def _strip(schedule: Schedule, part: ScenePart, palette: StripPalette) -> Strip:
    scene = part.scene
    location = schedule.production.location_by_id.get(scene.location or "")
    return Strip(
        scene=scene.id,
        part=part.label if part.count > 1 else "",
        set_name=scene.set_name,
        location=location.label if location else (scene.location or ""),
        int_ext=scene.int_ext.value,
        day_night=scene.day_night.value,
        pages=pages_text(scene.eighths if part.index == 0 else 0),
        hours=hours_text(part.minutes),
        cast=", ".join(scene.cast),
        synopsis=scene.synopsis,
        css_class=strip_class(palette.colour(scene.int_ext, scene.day_night)),
    )


def flagged_days(board: Board) -> Sequence[BoardDay]:
    """The days the bottleneck model flags, in order."""
    return [day for day in board.days if day.flagged]
