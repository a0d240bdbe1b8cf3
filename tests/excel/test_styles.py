"""The revision colours' header tints."""

from __future__ import annotations

import pytest

from scheduler.excel.styles import (
    HEADER_FILL,
    REVISION_TINTS,
    revision_fill,
    revision_tint,
)
from scheduler.revision import WGA_COLOURS, revision_name


def test_every_wga_colour_has_a_tint() -> None:
    """Tests a tint for each colour of the WGA order, in the order's every round."""
    for number in range(len(WGA_COLOURS) * 3):
        assert revision_tint(revision_name(number)) is not None, revision_name(number)


def contrast_with_black(tint: str) -> float:
    """WCAG 2 contrast ratio of black text on ``tint``."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(tint[i:i + 2], 16)) for i in (0, 2, 4))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return (luminance + 0.05) / 0.05


def test_tints_are_pale_and_distinct() -> None:
    """Tests that black header text stays readable on every tint (WCAG contrast far above
    the 7:1 of level AAA; the grey header's is 15:1) and that no two colours share one."""
    for colour, tint in REVISION_TINTS.items():
        assert contrast_with_black(tint) >= 12, colour
    assert len(set(REVISION_TINTS.values())) == len(REVISION_TINTS)


@pytest.mark.parametrize("name", ["Blue", "BLUE", "blue", "Double Blue", "DOUBLE  blue",
                                  "Triple Blue", "5x Blue"])
def test_names_match_in_any_case_and_round(name: str) -> None:
    """Tests that the rounds of a colour (Double Blue) take its tint, in any case."""
    assert revision_tint(name) == REVISION_TINTS["blue"]


def test_an_unknown_colour_keeps_the_grey_header() -> None:
    """Tests a shop's own colour the table does not know, and no revision at all."""
    assert revision_tint("Lavender") is None
    assert revision_fill("Lavender") is HEADER_FILL
    assert revision_fill(None) is HEADER_FILL
    assert revision_fill("Pink").fgColor.rgb.endswith(REVISION_TINTS["pink"])
