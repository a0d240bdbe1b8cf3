"""A small but complete production with a hand-made valid schedule, for the report tests.

Two weeks of shooting from Monday 2 Mar 2026 with a holiday (Fri 13 Mar), a company move, a
two-day scene, a night, dawn and dusk, an empty paid day, a span-billed crane, every-day crew, a
minor, overtime, and a cast member (3) dropped after day 1 and picked up on day 12.

``sample_changes`` is a re-plan's change report for it, made by hand: the Blue revision issued
Fri 6 Mar, re-planned from Mon 9 Mar, with every kind of scene change.
"""

from __future__ import annotations

from datetime import date

from scheduler.data import Billing, DayNight, IntExt, Production
from scheduler.result import Result, SolveStatus
from scheduler.revision import ChangeReport, DaysChange, Revision, SceneChange, SceneChangeKind
from scheduler.solution import COST_SCALE, Schedule, Solution
from tests.helpers.productions import actor, place, production, resource, scene

FORMULA_SYNOPSIS = "=SUM(A1:A9) is what the accountant types"

START_DAYS = {
    "1": 1, "2": 1,  # Mon 2 Mar: house, then a move to the street
    "4": 2, "5": 2,  # Tue 3 Mar: dawn and day at the house with the minor
    "6": 3,  # Wed 4 + Thu 5 Mar: the two-day diner scene
    "7": 5,  # Fri 6 Mar: street at night (the weekend follows)
    # Mon 9 Mar (day 6): no scenes, a paid crew day
    "8": 7, "9": 7,  # Tue 10 Mar: diner at dusk and day
    "11": 8,  # Wed 11 Mar
    "12": 9,  # Thu 12 Mar; Fri 13 Mar is a holiday
    "13": 10,  # Mon 16 Mar: a long day with overtime
    "14": 11,  # Tue 17 Mar
    "10": 12,  # Wed 18 Mar: night street; cast 3 is picked up
}


def report_production() -> Production:
    night, dawn, dusk = DayNight.NIGHT, DayNight.DAWN, DayNight.DUSK
    ext, int_ext = IntExt.EXT, IntExt.INT_EXT
    scenes = [
        scene("1", 2, set_name="KITCHEN", location="HOUSE", cast=("1", "2", "3"), eighths=12,
              synopsis=FORMULA_SYNOPSIS),
        scene("2", 3, int_ext=ext, set_name="MAIN STREET", location="STREET", cast=("1", "3"),
              eighths=20, extras=20, tags=("stunt", "vehicle"), crew=("STUNT",),
              equipment=("CAR",), synopsis="Mara chases the car"),
        scene("4", 2, int_ext=int_ext, day_night=dawn, set_name="PORCH", location="HOUSE",
              cast=("1", "4"), eighths=5, synopsis="+ first light on the porch"),
        scene("5", 3, set_name="LIVING ROOM", location="HOUSE", cast=("2", "4"), eighths=14,
              synopsis="Tom reads to the kid"),
        scene("6", 20, set_name="DINER", location="DINER", cast=("1", "2"), eighths=60,
              equipment=("CRANE",), synopsis="The long confession"),
        scene("7", 4, int_ext=ext, day_night=night, set_name="MAIN STREET", location="STREET",
              cast=("1", "2"), eighths=18, tags=("vfx",), crew=("GAFFER",),
              synopsis="Rain and neon"),
        scene("8", 2, int_ext=ext, day_night=dusk, set_name="DINER PARKING", location="DINER",
              cast=("2",), eighths=6, equipment=("CRANE",), synopsis="Tom leaves at sunset"),
        scene("9", 3, set_name="DINER", location="DINER", cast=("1",), eighths=10,
              synopsis="-- a phone call"),
        scene("10", 5, int_ext=ext, day_night=night, set_name="ALLEY", location="STREET",
              cast=("2", "3"), eighths=16, tags=("water",), synopsis="The detective returns"),
        scene("11", 6, set_name="BEDROOM", location="HOUSE", cast=("1",), eighths=24,
              synopsis="Mara packs"),
        scene("12", 5, int_ext=ext, set_name="MAIN STREET", location="STREET", cast=("2",),
              eighths=20, tags=("water",), synopsis="@ the fountain"),
        scene("13", 11.5, set_name="DINER", location="DINER", cast=("1", "2"), eighths=44,
              extras=12, synopsis="Closing time"),
        scene("14", 4, int_ext=ext, set_name="GARDEN", location="HOUSE", cast=("1",),
              eighths=13, synopsis="#N/A in the garden"),
    ]
    return production(
        scenes,
        title="The Long Night",
        currency="EUR",
        max_shoot_days=15,
        holidays=(date(2026, 3, 13),),
        crew_day_cost=1000,
        overtime_cost_per_hour=150,
        company_move_cost=500,
        budget=100_000,
        cast=[
            actor("1", rate=900, character="Mara"),
            actor("2", rate=700, character="Tom"),
            actor("3", rate=1200, character="Detective", drop_pickup=True),
            actor("4", rate=300, character="Kid", minor=True, max_minutes=300),
        ],
        locations=[
            place("HOUSE", fee=200, address="12 Elm Road"),
            place("STREET", fee=100, address="Main Street, north end"),
            place("DINER", fee=300, move_in_cost=250, address="Route 9 Diner"),
        ],
        crew=[
            resource("DIR", rate=800, every_day=True, role="Director"),
            resource("STUNT", rate=400, role="Stunt coordinator"),
            resource("GAFFER", rate=300, billing=Billing.SPAN, role="Night gaffer"),
        ],
        equipment=[
            resource("CRANE", rate=250, billing=Billing.SPAN),
            resource("CAR", rate=150),
        ],
    )


def sample_solution() -> Solution:
    return Solution(start_day=dict(START_DAYS))


def sample_result(production: Production | None = None) -> Result:
    """A feasible result whose objective is the schedule's cost, with a bound and a baseline."""
    production = production or report_production()
    schedule = Schedule(production, sample_solution())
    cost = schedule.total_cost
    return Result(status=SolveStatus.FEASIBLE, schedule=schedule, lower_bound=cost * 9 // 10,
                  runtime=1.25, baseline_cost=cost * 6 // 5,
                  notes=("search stopped at the time limit",))


# Day -> (probability, flagged, drivers) as a bottleneck predictor would give.
SAMPLE_RISK = {
    1: (0.35, False, ("company move",)),
    10: (0.82, True, ("11:30 h planned", "12 extras")),
}


BLUE = Revision(number=1, name="Blue", issued=date(2026, 3, 6))
FORMULA_REASON = "-1 day: Actor 1 is unavailable on Tue 10 Mar 2026"


def sample_changes(*, current_valid: bool = True, from_scratch: bool = True) -> ChangeReport:
    """A re-plan from Mon 9 Mar, listed out of order on purpose: the writers sort it.

    Costs: current 52,000.00, revised 52,450.50, from scratch 51,900.00 (so the changes cost
    450.50 and stability 550.50).
    """
    moved, cut, added = SceneChangeKind.MOVED, SceneChangeKind.CUT, SceneChangeKind.ADDED
    scenes = (
        SceneChange("13", moved, date(2026, 3, 16), date(2026, 3, 10)),
        SceneChange("16", added, None, date(2026, 3, 18)),
        SceneChange("8", moved, date(2026, 3, 10), date(2026, 3, 16)),
        SceneChange("15", cut, date(2026, 3, 11), None),  # no longer in the breakdown
        SceneChange("6", SceneChangeKind.NEW_PART, None, date(2026, 3, 17),
                    "part shot: 3 pages left"),
        SceneChange("9", SceneChangeKind.UNFROZEN, date(2026, 3, 10), date(2026, 3, 12),
                    FORMULA_REASON),
    )
    cast = (
        DaysChange("3", "Actor 3", added=(), released=(date(2026, 3, 18), date(2026, 3, 17))),
        DaysChange("1", "Actor 1", added=(date(2026, 3, 12), date(2026, 3, 16),
                                          date(2026, 3, 17)),
                   released=(date(2026, 3, 10),)),
    )
    locations = (DaysChange("DINER", "Location DINER", added=(date(2026, 3, 17),),
                            released=()),)
    return ChangeReport(
        revision=BLUE, replanned_from=date(2026, 3, 9), scenes=scenes, cast=cast,
        locations=locations, cost_current=52_000 * COST_SCALE if current_valid else None,
        cost_revised=52_450 * COST_SCALE + COST_SCALE // 2,
        cost_from_scratch=51_900 * COST_SCALE if from_scratch else None)
