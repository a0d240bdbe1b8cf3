"""Size facts of a production for reports: shoot days, pages, estimated hours, capacity use."""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.data import EIGHTHS_PER_PAGE, Production


@dataclass(frozen=True)
class Summary:
    """Size facts of a production: shoot days, pages, estimated hours and capacity use."""

    scenes: int
    shoot_days: int
    eighths: int
    estimated_minutes: int
    capacity_minutes: int

    @property
    def capacity_use(self) -> float:
        return self.estimated_minutes / self.capacity_minutes if self.capacity_minutes else 0.0

    def describe(self) -> str:
        pages, rest = divmod(self.eighths, EIGHTHS_PER_PAGE)
        fraction = f" {rest}/8" if rest else ""
        return (
            f"{self.scenes} scenes, {pages}{fraction} pages, "
            f"{self.estimated_minutes / 60:.1f} h estimated, {self.shoot_days} shoot days "
            f"({self.capacity_minutes / 60:.0f} standard hours): "
            f"{100 * self.capacity_use:.0f} % of capacity"
        )


def summarize(production: Production) -> Summary:
    """Shoot days, pages, estimated hours and the share of the standard hours they fill."""
    days = production.calendar.num_days
    return Summary(
        scenes=len(production.scenes),
        shoot_days=days,
        eighths=sum(s.eighths for s in production.scenes),
        estimated_minutes=sum(production.scene_minutes(s) for s in production.scenes),
        capacity_minutes=days * production.settings.standard_day_minutes,
    )
