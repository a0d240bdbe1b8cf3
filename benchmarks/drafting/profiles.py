"""What each kind of synthetic production looks like (pace, calendar, money), and how tightly
its windows and rules are drawn around the reference board (``Tightness``; ``GENEROUS`` by
default).
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("feature", "series", "short")


@dataclass(frozen=True)
class Tightness:
    """How tightly windows and rules are drawn around the reference board.

    Margins are in shoot days, drawn on each side of the days a person, place or item works;
    a chance is the share of them that get a window at all.  ``scenes_per_*`` gives how many
    scenes carry a rule: one plus the number of scenes divided by it
    (``scenes_per_one_date_pin``: the number of scenes divided by it, none when 0).
    """

    supporting_margin: tuple[int, int]
    supporting_chance: float
    day_player_margin: tuple[int, int]
    day_player_chance: float
    minor_margin: tuple[int, int]
    minor_chance: float
    lead_blocked_dates: tuple[int, int]
    location_margin: tuple[int, int]
    location_chance: float
    resource_margin: tuple[int, int]
    resource_chance: float
    # Unavailable dates inside a window, on days its holder does not work on the board.
    unavailable_chance: float
    unavailable_dates: tuple[int, int]
    # Leads' blocked dates and not-on dates fall on the board's shoot days, not anywhere.
    blocks_on_board_days: bool
    # Not-on dates within this many shoot days of the scene's board day (0: anywhere).
    not_on_reach: int
    scene_window_margin: tuple[int, int]
    scenes_per_scene_window: int
    scenes_per_pin: int
    scenes_per_one_date_pin: int
    scenes_per_before: int
    scenes_per_same_day: int
    scenes_per_consecutive: int
    scenes_per_different_day: int
    scenes_per_not_on: int


# Around a reference board with spare days: room to move, a cheaper schedule is left to find.
GENEROUS = Tightness(
    supporting_margin=(2, 8),
    supporting_chance=0.6,
    day_player_margin=(1, 6),
    day_player_chance=0.7,
    minor_margin=(3, 10),
    minor_chance=0.3,
    lead_blocked_dates=(0, 2),
    location_margin=(2, 10),
    location_chance=0.5,
    resource_margin=(3, 10),
    resource_chance=0.5,
    unavailable_chance=0.35,
    unavailable_dates=(1, 3),
    blocks_on_board_days=False,
    not_on_reach=0,
    scene_window_margin=(3, 12),
    scenes_per_scene_window=150,
    scenes_per_pin=250,
    scenes_per_one_date_pin=0,
    scenes_per_before=120,
    scenes_per_same_day=150,
    scenes_per_consecutive=200,
    scenes_per_different_day=200,
    scenes_per_not_on=150,
)


# ----- economics and pace of each kind of production ------------------------------------------


@dataclass(frozen=True)
class Profile:
    """Pace, calendar and money of one kind of production (ranges are drawn per production)."""

    pages_per_day: tuple[float, ...]
    standard_day_hours: tuple[int, ...]
    work_weeks: tuple[tuple[int, ...], ...]
    crew_day_cost: tuple[int, int]
    lead_rate: tuple[int, int]
    supporting_rate: tuple[int, int]
    day_player_rate: tuple[int, int]
    minor_rate: tuple[int, int]
    director_rate: tuple[int, int]
    dp_rate: tuple[int, int]
    overtime_cost_per_hour: tuple[int, int]
    company_move_cost: tuple[int, int]
    stage_fee: tuple[int, int]
    practical_fee: tuple[int, int]
    move_in_cost: tuple[int, int]
    money_scale: float  # multiplies equipment and specialist rates
    scenes_per_episode: int = 0  # 0: not episodic


MON_FRI = (0, 1, 2, 3, 4)
MON_SAT = (0, 1, 2, 3, 4, 5)

PROFILES = {
    "feature": Profile(
        pages_per_day=(3.5, 4.0, 4.5),
        standard_day_hours=(11, 12),
        work_weeks=(MON_FRI, MON_SAT),
        crew_day_cost=(25_000, 60_000),
        lead_rate=(1_500, 5_000),
        supporting_rate=(900, 1_500),
        day_player_rate=(300, 1_000),
        minor_rate=(700, 1_100),
        director_rate=(3_000, 6_000),
        dp_rate=(1_800, 2_800),
        overtime_cost_per_hour=(3_000, 6_000),
        company_move_cost=(2_500, 8_000),
        stage_fee=(2_500, 6_000),
        practical_fee=(1_500, 7_500),
        move_in_cost=(2_000, 12_000),
        money_scale=1.0,
    ),
    "series": Profile(
        pages_per_day=(6.0, 6.5, 7.0),
        standard_day_hours=(11, 12),
        work_weeks=(MON_FRI,),
        crew_day_cost=(45_000, 90_000),
        lead_rate=(2_500, 5_000),
        supporting_rate=(1_000, 1_800),
        day_player_rate=(400, 1_000),
        minor_rate=(800, 1_200),
        director_rate=(3_500, 6_000),
        dp_rate=(2_000, 3_000),
        overtime_cost_per_hour=(5_000, 9_000),
        company_move_cost=(4_000, 10_000),
        stage_fee=(3_000, 7_000),
        practical_fee=(2_000, 9_000),
        move_in_cost=(3_000, 15_000),
        money_scale=1.1,
        scenes_per_episode=40,
    ),
    "short": Profile(
        pages_per_day=(4.0, 5.0),
        standard_day_hours=(10, 11),
        work_weeks=(MON_FRI, MON_SAT),
        crew_day_cost=(2_500, 6_000),
        lead_rate=(200, 450),
        supporting_rate=(150, 300),
        day_player_rate=(125, 225),
        minor_rate=(150, 250),
        director_rate=(300, 600),
        dp_rate=(350, 700),
        overtime_cost_per_hour=(300, 700),
        company_move_cost=(300, 900),
        stage_fee=(400, 900),
        practical_fee=(150, 900),
        move_in_cost=(100, 600),
        money_scale=0.3,
    ),
}
