"""Eighths from the printed script: the rule's constants, wrapping, rounding, and a fixture whose
printed lines were counted by hand."""

from __future__ import annotations

import pytest

from scheduler.script import read_screenplay
from scheduler.script.pagination import (
    ACTION_WIDTH,
    DIALOGUE_WIDTH,
    LINES_PER_PAGE,
    eighths_of_lines,
    measure,
    wrapped_lines,
)
from scheduler.script.screenplay import Element, Kind
from tests.helpers.scripts import COUNTED, CYBER_BOB, needs_shared_scripts

# counted.fountain, printed by hand on paper of 55 lines (widths 61 and 35):
#   1 KITCHEN  heading at the top of page 1 (no blank before), blank, 2 action, blank, ANNA,
#              1 speech, blank, BEN, 1 speech                                      = 10 -> 2/8
#   2 GARDEN   blank, heading, 5 x (blank + 4 action lines)                         = 27 -> 4/8
#   3 HALL     blank, heading, blank, 20 action lines (5 of them on page 2)          = 23 -> 4/8
#   === a page break: page 3
#   4 ATTIC    heading at the top of page 3, blank, 1 action                        =  3 -> 1/8
#   5 STAIRS   blank, heading, blank, action, blank, CARL, 3 speech; DANA ^ beside CARL
#              (2 lines, fewer than CARL's 4: no line more)                          =  9 -> 2/8
#   6 FIELD    blank, heading, blank, 131 characters of action (3 lines of 61), blank, ZED,
#              87 characters of speech (3 lines of 35)                              = 11 -> 2/8
HAND_COUNTED_LINES = [10, 27, 23, 3, 9, 11]
HAND_COUNTED_EIGHTHS = [2, 4, 4, 1, 2, 2]


def within_tolerance(counted: int, by_hand: int) -> bool:
    """The acceptance's tolerance: 2/8 or 20 %."""
    return abs(counted - by_hand) <= max(2, 0.2 * by_hand)


def test_the_constants_of_a_us_letter_courier_page() -> None:
    assert (LINES_PER_PAGE, ACTION_WIDTH, DIALOGUE_WIDTH) == (55, 61, 35)


def test_scenes_of_the_hand_counted_fixture() -> None:
    lengths = measure(read_screenplay(COUNTED))
    assert [length.lines for length in lengths] == HAND_COUNTED_LINES
    assert [length.eighths for length in lengths] == HAND_COUNTED_EIGHTHS
    assert all(within_tolerance(length.eighths, by_hand)
               for length, by_hand in zip(lengths, HAND_COUNTED_EIGHTHS, strict=True))


def test_a_page_break_and_an_overflow_start_new_pages() -> None:
    lengths = measure(read_screenplay(COUNTED))
    assert [length.first_page for length in lengths] == [1, 1, 1, 3, 3, 3]


@pytest.mark.parametrize(("kind", "text", "lines"), [
    (Kind.ACTION, "x" * 61, 1), (Kind.ACTION, ("word " * 13).strip(), 2),
    (Kind.DIALOGUE, ("word " * 7).strip(), 1), (Kind.DIALOGUE, ("word " * 8).strip(), 2),
    (Kind.ACTION, "one\ntwo\n\nfour", 4),
])
def test_elements_wrap_at_their_width(kind: Kind, text: str, lines: int) -> None:
    assert wrapped_lines(Element(kind, text, 1)) == lines


@pytest.mark.parametrize(("lines", "eighths"), [(1, 1), (6, 1), (7, 2), (55, 8), (56, 9),
                                                (110, 16)])
def test_partial_eighths_round_up_and_a_scene_is_at_least_an_eighth(lines: int,
                                                                    eighths: int) -> None:
    assert eighths_of_lines(lines) == eighths


def test_a_speech_split_across_pages_costs_more_and_cont_d() -> None:
    speech = "\n".join(f"Line {i}." for i in range(1, 11))
    filler = "\n".join(f"Filler {i}." for i in range(1, 48))  # page 1 left with 5 lines
    text = f"INT. A - DAY\n\n{filler}\n\nINT. B - DAY\n\nBOB\n{speech}\n"
    from scheduler.script.fountain import parse_fountain

    lengths = measure(parse_fountain(text, "t.fountain"))
    # B: blank, heading, blank, BOB, 10 speech lines split over the page: + (MORE) and cue
    assert lengths[1].lines == 1 + 1 + 1 + 1 + 10 + 2


@needs_shared_scripts
def test_a_scene_of_the_shared_script_counted_by_hand() -> None:
    # EXT. SUBURBAN TRAFFIC INTERSECTION--DAY, printed: blank, heading, blank, 3 action lines,
    # blank, the app's name, blank, 3 action lines, blank, BOSS, 5 lines of speech (two of its
    # three lines are longer than 35 characters), blank, 7 action lines = 27 lines -> 4/8.
    scene = measure(read_screenplay(CYBER_BOB))[1]
    assert (scene.lines, scene.eighths) == (27, 4)


def test_a_title_page_ends_at_a_heading_even_without_a_blank_line() -> None:
    from scheduler.script.fountain import parse_fountain

    screenplay = parse_fountain("Title: X\nINT. ROOM - DAY\n\nA chair.\n", "t.fountain")
    assert screenplay.title == "X" and len(screenplay.scenes) == 1
