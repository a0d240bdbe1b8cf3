"""Tiny productions built in code for tests of the core modules."""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduler.data import CastMember, Location, Production, Resource, Scene, Settings

MONDAY = date(2026, 3, 2)


def production(scenes: list[Scene], **parts: Any) -> Production:
    """A production starting Monday 2 Mar 2026 with the given scenes and other parts.

    Settings fields may be passed directly as keywords (``crew_day_cost=100``).
    """
    entity_keys = {"cast", "locations", "crew", "equipment", "constraints", "calendar_entries"}
    entities = {k: tuple(v) for k, v in parts.items() if k in entity_keys}
    settings = {k: v for k, v in parts.items() if k not in entity_keys}
    settings.setdefault("start_date", MONDAY)
    return Production(settings=Settings(**settings), scenes=tuple(scenes), **entities)


def scene(scene_id: str, hours: float = 2, **fields: Any) -> Scene:
    return Scene(id=scene_id, est_minutes=round(hours * 60), **fields)


def actor(cast_id: str, rate: int = 100, **fields: Any) -> CastMember:
    return CastMember(id=cast_id, name=f"Actor {cast_id}", daily_rate=rate, **fields)


def place(location_id: str, fee: int = 0, **fields: Any) -> Location:
    return Location(id=location_id, name=f"Location {location_id}", daily_fee=fee, **fields)


def resource(resource_id: str, rate: int = 0, **fields: Any) -> Resource:
    return Resource(id=resource_id, name=resource_id, daily_rate=rate, **fields)
