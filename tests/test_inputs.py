"""Reading what the producer brings (a board from a USS file or a schedule workbook) and giving
a USS file back with our board added."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.errors import InputError, PlanShootError
from scheduler.inputs import read_board, read_production, write_uss_stripboard
from scheduler.interop.uss import read_uss_board
from tests.helpers.uss import tiny_document, write_uss_file


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return write_uss_file(tmp_path / "tiny.uss", tiny_document(spec_form=False))


def test_read_board_takes_the_only_stripboard_with_shoot_days(tiny: Path) -> None:
    """Tests that without a name the one stripboard with day breaks is read, and named."""
    solution, name = read_board(tiny)
    assert name == "Human"
    assert solution == read_uss_board(tiny, "Human")


def test_our_stripboard_is_added_to_the_input_and_then_must_be_chosen(
        tiny: Path, tmp_path: Path) -> None:
    """Tests the round trip: the input's boards are kept, ours is added, and with two boards
    with shoot days ``read_board`` asks for a name."""
    production = read_production(tiny)
    human, _ = read_board(tiny)
    target = tmp_path / "ours.uss"
    board = write_uss_stripboard(production, human, target, tiny)
    assert board == "plan-shoot"
    assert read_board(target, board) == (human, board)
    with pytest.raises(PlanShootError, match=r'2 stripboards with shoot days .*"plan-shoot"'):
        read_board(target)


def test_read_board_locates_a_missing_stripboard(tiny: Path) -> None:
    """Tests that an unknown stripboard name is an input error naming the file's boards."""
    with pytest.raises(InputError, match='stripboard "Nope" is not in the file'):
        read_board(tiny, "Nope")
