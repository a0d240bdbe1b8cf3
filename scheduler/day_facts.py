"""The facts of one shoot day: what the ``Days`` sheet shows and the bottleneck predictor reads.

Below both the writers and ``predict`` (which train and score on these features), so that
neither imports the other.

Names and meanings follow ``spec/outputs.md``; counts are integers, ``Night`` and
``New Location`` are 0/1, hours and pages are decimals.
"""

from __future__ import annotations

from .data import IntExt
from .solution import Schedule

FEATURE_NAMES = (
    "Planned Hours", "Pages", "Scenes", "Cast", "Extras", "Locations", "Moves", "Night",
    "Ext Share", "Stunt", "VFX", "SFX", "Vehicle", "Animal", "Water", "Minors", "New Location",
    "Weekday", "Day Index",
)

# Feature name -> scene tag it counts (tags are matched without regard to case).
TAG_FEATURES = {
    "Stunt": "stunt", "VFX": "vfx", "SFX": "sfx", "Vehicle": "vehicle", "Animal": "animal",
    "Water": "water",
}

_EXTERIOR = (IntExt.EXT, IntExt.INT_EXT)


def day_features(schedule: Schedule, day: int) -> dict[str, float | int]:
    """The features of shoot day ``day`` of a schedule, keyed by ``FEATURE_NAMES``.

    Parameters
    ----------
    schedule
        The derived facts of a solution.
    day
        A shoot day number of the calendar.

    Returns
    -------
    dict[str, float | int]
        ``Planned Hours`` (scenes plus moves, as ``Schedule.minutes_on``), ``Pages`` (a multi-day
        scene counts on its first day), ``Scenes`` (scene parts), ``Cast`` (distinct members),
        ``Extras`` (sum over the day's scenes), ``Locations``, ``Moves``, ``Night`` (1 when any
        scene is NIGHT), ``Ext Share`` (share of scene minutes on EXT or INT/EXT scenes),
        one count of scene parts per tag (``Stunt`` ... ``Water``), ``Minors`` (distinct minors
        working), ``New Location`` (1 when a location is used for the first time),
        ``Weekday`` (Mon = 0) and ``Day Index`` (the shoot day number).
    """
    production = schedule.production
    parts = schedule.parts_by_day[day]
    cast = {cast_id for part in parts for cast_id in part.scene.cast}
    scene_minutes = schedule.scene_minutes_on(day)
    exterior_minutes = sum(p.minutes for p in parts if p.scene.int_ext in _EXTERIOR)
    features: dict[str, float | int] = {
        "Planned Hours": round(schedule.minutes_on(day) / 60, 4),
        "Pages": schedule.eighths_on(day) / 8,
        "Scenes": len(parts),
        "Cast": len(cast),
        "Extras": sum(part.scene.extras for part in parts),
        "Locations": len(schedule.locations_on(day)),
        "Moves": schedule.moves_on(day),
        "Night": int(any(part.scene.is_night for part in parts)),
        "Ext Share": round(exterior_minutes / scene_minutes, 4) if scene_minutes else 0.0,
    }
    for name, tag in TAG_FEATURES.items():
        features[name] = sum(1 for part in parts if _has_tag(part.scene.tags, tag))
    features["Minors"] = sum(
        1 for cast_id in cast
        if (member := production.cast_by_id.get(cast_id)) is not None and member.minor
    )
    features["New Location"] = int(_uses_new_location(schedule, day))
    features["Weekday"] = schedule.calendar.date_of(day).weekday()
    features["Day Index"] = day
    return {name: features[name] for name in FEATURE_NAMES}


def _has_tag(tags: tuple[str, ...], tag: str) -> bool:
    return any(t.strip().lower() == tag for t in tags)


def _uses_new_location(schedule: Schedule, day: int) -> bool:
    earlier = {loc for d in range(1, day) for loc in schedule.locations_on(d)}
    return any(loc not in earlier for loc in schedule.locations_on(day))
