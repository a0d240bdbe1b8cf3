"""What the shoot has done so far: one scene's progress, as a ``Progress`` sheet gives it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ShotStatus(StrEnum):
    SHOT = "shot"
    PART_SHOT = "part shot"  # the rest becomes a new part of the scene, planned anew
    NOT_SHOT = "not shot"  # planned before the re-plan's date, but still to shoot


@dataclass(frozen=True)
class SceneProgress:
    """One scene's progress.

    Attributes
    ----------
    scene_id
        The scene.
    status
        Shot, part shot or not shot.
    eighths_left, minutes_left
        For a part-shot scene, what is left of it: pages (in eighths) or shooting minutes (at
        least one of them).
    where
        Where it was read (``Progress!A4``), for messages.
    """

    scene_id: str
    status: ShotStatus
    eighths_left: int | None = None
    minutes_left: int | None = None
    where: str = ""
