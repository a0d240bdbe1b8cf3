"""What every schedule sheet reads: the production, the result, the derived facts, the risk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from openpyxl.styles import PatternFill

from ...data import Production, Scene
from ...dood import DayOutOfDays, day_out_of_days
from ...report import RiskByDay, issued_revision
from ...result import Result
from ...revision import ChangeReport, Revision
from ...solution import Schedule
from ..styles import StripPalette, revision_fill

# Crew call assumptions, stated on the Notes sheet and the call sheets.
DAY_CREW_CALL = "07:00"
NIGHT_CREW_CALL = "17:00"
SPLIT_CREW_CALL = "12:00"


@dataclass
class ScheduleReport:
    """A production and its result, ready to be written sheet by sheet; built once per
    workbook."""

    production: Production
    result: Result
    risk: RiskByDay | None
    palette: StripPalette
    revision: Revision | None = None
    changes: ChangeReport | None = None

    def __post_init__(self) -> None:
        # A re-plan's report names the revision it issues when no other is given.
        self.revision = issued_revision(self.revision, self.changes)

    @property
    def header_fill(self) -> PatternFill:
        """The fill of header rows: the revision's colour on a revised schedule, else grey."""
        return revision_fill(self.revision.name if self.revision else None)

    @cached_property
    def changed_scene_ids(self) -> frozenset[str]:
        """The scenes a re-plan put on a new day (moved, new, unfrozen): the revised board
        marks their strips, as a revised script page stars its changed lines."""
        if self.changes is None:
            return frozenset()
        return frozenset(change.scene_id for change in self.changes.scenes
                         if change.after is not None)

    def page_header(self, what: str) -> str:
        """The printed page header: ``The Long Night — stripboard — BLUE revision of ...``."""
        text = f"{self.title} — {what}"
        return f"{text} — {self.revision.label}" if self.revision else text

    @property
    def schedule(self) -> Schedule:
        """The schedule's facts, built once by the solve; only the sheets of a schedule read
        them."""
        if self.result.schedule is None:
            raise ValueError(f"{self.result.status.value}: there is no schedule to write")
        return self.result.schedule

    @cached_property
    def dood(self) -> DayOutOfDays:
        return day_out_of_days(self.schedule)

    @property
    def title(self) -> str:
        return self.production.settings.title

    def date_of(self, day: int) -> date:
        return self.schedule.calendar.date_of(day)

    def location_label(self, location_id: str | None) -> str:
        if not location_id:
            return ""
        location = self.production.location_by_id.get(location_id)
        return location.label if location is not None else location_id

    def crew_call(self, day: int) -> str:
        """Assumed crew call: 07:00 for a day shoot, 17:00 for an all-night day, 12:00 for a
        split day that mixes day and night scenes."""
        parts = self.schedule.parts_by_day[day]
        nights = sum(1 for part in parts if part.scene.is_night)
        if parts and nights == len(parts):
            return NIGHT_CREW_CALL
        return SPLIT_CREW_CALL if nights else DAY_CREW_CALL


def cast_ids(scene: Scene) -> str:
    return ", ".join(scene.cast)


def crew_call_assumption() -> str:
    return (f"Crew call is assumed at {DAY_CREW_CALL} on day shoots, {NIGHT_CREW_CALL} on days "
            f"with only NIGHT scenes and {SPLIT_CREW_CALL} on split days (day and night scenes); "
            "adjust on the call sheets before sending them.")
