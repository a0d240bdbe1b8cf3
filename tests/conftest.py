"""Session fixtures: the example productions, read once (a ``Production`` is frozen)."""

from __future__ import annotations

import pytest

from scheduler.data import Production
from scheduler.inputs import read_production
from tests.helpers.paths import EXAMPLES


@pytest.fixture(scope="session")
def short_film() -> Production:
    """The short film example (*The Last Ferry*): 30 scenes on a calendar filled to the last hour."""
    return read_production(EXAMPLES / "short_film.xlsx")


@pytest.fixture(scope="session")
def indie_feature() -> Production:
    """The indie feature example (*Second Helpings*): 90 scenes, the README's first command."""
    return read_production(EXAMPLES / "indie_feature.xlsx")
