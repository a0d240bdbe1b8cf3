"""Re-plan mid-shoot: the least change to the current schedule that keeps every rule.

The past is fixed (each scene planned before the re-plan's date is shot on its date, unless a
``Progress`` sheet says otherwise), the first shoot days from that date keep their scenes
(their call sheets are out), and the rest is planned for the least cost plus a price per scene
moved off its day (``Settings.change_cost``), warm-started from the current plan.  The
minimal-perturbation problem of El Sakkout & Wallace (2000) and Barták, Müller & Rudová (2004).
"""

from __future__ import annotations

from .changes import change_report
from .core import CurrentSchedule, Replan, replan
from .prepare import PreparedReplan, next_part_id, prepare_replan
from .progress import SceneProgress, ShotStatus

__all__ = ["CurrentSchedule", "PreparedReplan", "Replan", "SceneProgress", "ShotStatus",
           "change_report", "next_part_id", "prepare_replan", "replan"]
