"""A production at a glance: its size, its load against the calendar and what to look at before
planning (what ``plan-shoot check`` shows once a workbook has no problems).

The web's upload page has its own shorter list (``web/report.production_facts``).
"""

from __future__ import annotations

from .calendar import long_date
from .data import Production
from .report import pages_text

# Notices of the USS importer that say a placeholder stands for a fact USS lacks.
DEFAULT_NOTICE_PREFIX = "default:"


def overview_rows(production: Production) -> list[tuple[str, str]]:
    """Label and value of each line of a production's overview.

    Parameters
    ----------
    production
        A checked production.

    Returns
    -------
    list of (str, str)
        Scenes, pages, estimated hours against the calendar's standard hours, cast, locations,
        crew and equipment, night share, shoot days and the number of rules between scenes.
    """
    settings, calendar = production.settings, production.calendar
    scene_minutes = [production.scene_minutes(scene) for scene in production.scenes]
    total_minutes = sum(scene_minutes)
    night_minutes = sum(minutes for scene, minutes in zip(production.scenes, scene_minutes,
                                                          strict=True) if scene.is_night)
    capacity = standard_minutes(production)
    load = f" ({total_minutes / capacity:.0%} of capacity)" if capacity else ""
    minors = sum(1 for member in production.cast if member.minor)
    span = (f"{long_date(calendar.dates[0])} to {long_date(calendar.dates[-1])}"
            if calendar.dates else "none")
    return [
        ("Scenes", str(len(production.scenes))),
        ("Pages", pages_text(total_eighths(production))),
        ("Estimated hours", f"{total_minutes / 60:.1f} h against {calendar.num_days} days x "
                            f"{settings.standard_day_minutes / 60:g} h = {capacity / 60:g} h{load}"),
        ("Cast", f"{len(production.cast)}" + (f" ({minors} minor)" if minors else "")),
        ("Locations", str(len(production.locations))),
        ("Crew / equipment", f"{len(production.crew)} / {len(production.equipment)}"),
        ("Night share", f"{night_minutes / total_minutes:.0%} of the hours"
                        if total_minutes else "none"),
        ("Shoot days", f"{calendar.num_days}: {span}"),
        ("Constraints", str(len(production.constraints))),
    ]


def overview_warnings(production: Production) -> list[str]:
    """What is legal but worth a look before planning: more hours than the calendar holds,
    scenes longer than a day."""
    warnings = []
    capacity = standard_minutes(production)
    total = sum(production.scene_minutes(scene) for scene in production.scenes)
    if total > capacity:
        warnings.append(f"the scenes need {total / 60:.1f} h but the calendar holds "
                        f"{capacity / 60:g} standard hours; expect overtime or no schedule")
    long_scenes = [scene.id for scene in production.scenes if production.is_multi_day(scene)]
    if long_scenes:
        warnings.append(f"scenes longer than a day, shot alone over several days: "
                        f"{', '.join(long_scenes)}")
    return warnings


def standard_minutes(production: Production) -> int:
    """Minutes of standard days the calendar holds: every shoot day at the standard length."""
    return production.calendar.num_days * production.settings.standard_day_minutes


def total_eighths(production: Production) -> int:
    """The pages of all scenes, in eighths."""
    return sum(scene.eighths for scene in production.scenes)


def defaults_applied(production: Production) -> int:
    """How many placeholders the USS importer put where USS lacks a fact (its ``default:``
    notices, listed on the Notes sheet)."""
    return sum(1 for notice in production.notices if notice.startswith(DEFAULT_NOTICE_PREFIX))
