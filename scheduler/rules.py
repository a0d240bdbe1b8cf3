"""Names of the hard rules, shared by the validator, the CP-SAT model and the explanations.

The value of each member is the stable machine name; ``title`` is what a producer reads.
"""

from __future__ import annotations

from enum import StrEnum


class Rule(StrEnum):
    SCENE_SCHEDULED = "scene_scheduled"
    MULTI_DAY_ALONE = "multi_day_alone"
    CALENDAR_END = "calendar_end"
    DAY_HOURS = "day_hours"
    CAST_AVAILABILITY = "cast_availability"
    LOCATION_AVAILABILITY = "location_availability"
    CREW_AVAILABILITY = "crew_availability"
    EQUIPMENT_AVAILABILITY = "equipment_availability"
    EVERY_DAY_CREW = "every_day_crew"
    SCENE_WINDOW = "scene_window"
    PINNED_DATE = "pinned_date"
    BEFORE = "before"
    SAME_DAY = "same_day"
    DIFFERENT_DAY = "different_day"
    CONSECUTIVE = "consecutive"
    NOT_ON = "not_on"
    MAX_LOCATIONS = "max_locations_per_day"
    ZONES = "zones"
    SPLIT_DAY = "split_day"
    NIGHT_TURNAROUND = "night_turnaround"
    DAWN_DUSK = "dawn_dusk"
    MINOR_NIGHT = "minor_night"
    MINOR_HOURS = "minor_hours"
    BUDGET = "budget"

    @property
    def wording(self) -> str:
        return _TITLES[self]


_TITLES = {
    Rule.SCENE_SCHEDULED: "every scene is shot exactly once",
    Rule.MULTI_DAY_ALONE: "a scene longer than a day is shot alone on consecutive shoot days",
    Rule.CALENDAR_END: "everything is shot within the calendar",
    Rule.DAY_HOURS: "a day's hours, moves included, stay within max_day_hours",
    Rule.CAST_AVAILABILITY: "cast work only on dates they are available",
    Rule.LOCATION_AVAILABILITY: "locations are used only on dates they are available",
    Rule.CREW_AVAILABILITY: "special crew work only on dates they are available",
    Rule.EQUIPMENT_AVAILABILITY: "equipment is used only on dates it is available",
    Rule.EVERY_DAY_CREW: "no shooting when every-day crew are unavailable",
    Rule.SCENE_WINDOW: "scenes are shot within their earliest and latest dates",
    Rule.PINNED_DATE: "pinned scenes are shot on their date",
    Rule.BEFORE: "ordering: a scene before others",
    Rule.SAME_DAY: "scenes shot on the same day",
    Rule.DIFFERENT_DAY: "scenes shot on different days",
    Rule.CONSECUTIVE: "scenes shot on consecutive shoot days",
    Rule.NOT_ON: "scenes not shot on listed dates",
    Rule.MAX_LOCATIONS: "at most max_locations_per_day locations a day",
    Rule.ZONES: "locations in different zones do not share a day",
    Rule.SPLIT_DAY: "no day mixes DAY and NIGHT scenes (allow_split_days = no)",
    Rule.NIGHT_TURNAROUND: "a night shoot day is not followed by a day shoot day on the next date",
    Rule.DAWN_DUSK: "at most one DAWN and one DUSK scene a day",
    Rule.MINOR_NIGHT: "minors do not work NIGHT scenes",
    Rule.MINOR_HOURS: "minors work at most their max_hours a day",
    Rule.BUDGET: "the total cost stays within the budget",
}

# The availability rule of each kind of resource a scene needs.
AVAILABILITY_RULES = {
    "cast": Rule.CAST_AVAILABILITY,
    "location": Rule.LOCATION_AVAILABILITY,
    "crew": Rule.CREW_AVAILABILITY,
    "equipment": Rule.EQUIPMENT_AVAILABILITY,
}
