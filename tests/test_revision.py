"""Revision colours in the WGA order and the change report's derived facts."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.revision import (
    WGA_COLOURS,
    ChangeReport,
    Revision,
    SceneChange,
    SceneChangeKind,
    revision_name,
    revision_number,
)


@pytest.mark.parametrize(("number", "name"), [
    (0, "White"), (1, "Blue"), (2, "Pink"), (8, "Cherry"), (9, "Double White"),
    (10, "Double Blue"), (18, "Triple White"),
])
def test_colours_follow_the_wga_order_then_come_round_again(number: int, name: str) -> None:
    """Tests the colour of each revision number, past the ninth colour too."""
    assert revision_name(number) == name
    assert revision_number(name.upper()) == number


def test_a_shop_may_use_its_own_order() -> None:
    """Tests a custom colour order (Salmon before Buff)."""
    colours = ("White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Salmon", "Buff")
    assert revision_name(6, colours) == "Salmon"
    assert revision_number("double white", colours) == len(colours)


def test_an_unknown_colour_is_refused_with_the_order() -> None:
    """Tests that a colour not in the order is named in the error, with the order."""
    with pytest.raises(ValueError, match='"Mauve" is not a revision colour'):
        revision_number("Mauve")
    with pytest.raises(ValueError):
        revision_name(-1)
    assert len(WGA_COLOURS) == 9


def test_the_report_names_its_moved_scenes_and_its_label() -> None:
    """Tests the label call sheets print and the scenes counted as moved."""
    revision = Revision(1, "Blue", date(2026, 9, 14))
    report = ChangeReport(
        revision=revision, replanned_from=date(2026, 9, 15),
        scenes=(SceneChange("4", SceneChangeKind.MOVED, date(2026, 9, 16), date(2026, 9, 18)),
                SceneChange("9", SceneChangeKind.CUT, date(2026, 9, 20), None),
                SceneChange("12", SceneChangeKind.UNFROZEN, date(2026, 9, 15), date(2026, 9, 21),
                            "MARY is unavailable on 15 Sep")),
        cast=(), locations=(), cost_current=None, cost_revised=100)
    assert revision.label == "BLUE revision of 14 Sep 2026"
    assert report.moved_scene_ids == ("4", "12")
