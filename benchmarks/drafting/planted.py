"""Planted productions: a compact, valid schedule fixed first and every window drawn tight
around it (see ``benchmarks.generator``), so the planted schedule's cost bounds the optimum.
"""

from __future__ import annotations

import math

from scheduler.data import Production
from scheduler.solution import Solution

from .profiles import Tightness
from .reference_board import reference_board
from .script import ProductionGenerator

# Around a planted schedule: stop dates, location windows of a few days, leads' blocked dates.
TIGHT = Tightness(
    supporting_margin=(0, 2),
    supporting_chance=0.9,
    day_player_margin=(0, 2),
    day_player_chance=0.9,
    minor_margin=(0, 3),
    minor_chance=0.6,
    lead_blocked_dates=(3, 8),
    location_margin=(0, 2),
    location_chance=0.9,
    resource_margin=(0, 2),
    resource_chance=0.9,
    unavailable_chance=0.5,
    unavailable_dates=(1, 4),
    blocks_on_board_days=True,
    not_on_reach=5,
    scene_window_margin=(0, 3),
    scenes_per_scene_window=20,
    scenes_per_pin=250,
    scenes_per_one_date_pin=80,
    scenes_per_before=40,
    scenes_per_same_day=50,
    scenes_per_consecutive=80,
    scenes_per_different_day=60,
    scenes_per_not_on=40,
)


# A planted production's calendar is this much longer than the planted wrap day (drawn).
PLANTED_SLACK = (0.25, 0.35)


class PlantedProductionGenerator(ProductionGenerator):
    """Drafts a planted production: the compact reference board is the planted schedule, the
    calendar runs 25-35 % past its wrap and every window is drawn ``TIGHT`` around it."""

    planted = True
    tightness = TIGHT

    def size_calendar(self, draft: Production) -> Solution:
        """The compact board is the planted schedule; the calendar runs 25-35 % past its wrap."""
        planted = reference_board(draft)
        slack = self.rng.uniform(*PLANTED_SLACK)
        self.num_days = math.ceil(self.wrap_day(draft, planted) * (1 + slack))
        return planted
