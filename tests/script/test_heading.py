"""Scene headings: INT/EXT, the set, the time of day and its light."""

from __future__ import annotations

import pytest

from scheduler.data import DayNight, IntExt
from scheduler.script.heading import main_location, parse_heading


@pytest.mark.parametrize(("heading", "int_ext", "set_name", "light"), [
    ("INT. DINER - KITCHEN - NIGHT", IntExt.INT, "DINER - KITCHEN", DayNight.NIGHT),
    ("EXT. PARK--DAY", IntExt.EXT, "PARK", DayNight.DAY),
    ("INT./EXT. CAR - MOVING - DAY", IntExt.INT_EXT, "CAR - MOVING", DayNight.DAY),
    ("I/E CAR - DUSK", IntExt.INT_EXT, "CAR", DayNight.DUSK),
    ("EST. CITY - DAWN", IntExt.EXT, "CITY", DayNight.DAWN),
    ("int. house - morning", IntExt.INT, "house", DayNight.DAY),
    ("EXT. FARM - AFTERNOON", IntExt.EXT, "FARM", DayNight.DAY),
    ("INT. BAR - EVENING", IntExt.INT, "BAR", DayNight.NIGHT),
    ("INT. BAR – NIGHT (FLASHBACK)", IntExt.INT, "BAR", DayNight.NIGHT),
    ("INT. DINER - KITCHEN", IntExt.INT, "DINER - KITCHEN", None),
    ("SNIPER SCOPE POV", None, "SNIPER SCOPE POV", None),
])
def test_headings(heading: str, int_ext: IntExt | None, set_name: str,
                  light: DayNight | None) -> None:
    parsed = parse_heading(heading)
    assert (parsed.int_ext, parsed.set_name, parsed.day_night) == (int_ext, set_name, light)
    assert not parsed.carried


@pytest.mark.parametrize("time", ["CONTINUOUS", "LATER", "MOMENTS LATER", "SAME",
                                  "SAME TIME"])
def test_times_that_carry_the_previous_light(time: str) -> None:
    parsed = parse_heading(f"INT. HALL - {time}")
    assert parsed.carried and parsed.day_night is None and parsed.set_name == "HALL"


def test_the_location_is_the_part_before_the_first_dash() -> None:
    assert main_location("DINER - KITCHEN") == main_location("DINER - COUNTER") == "DINER"
    assert main_location("PARK") == "PARK"
