"""Scene constraint rows as links between scenes: the fixed start offsets of ``same_day`` and
``consecutive`` rows, which the board builders deal as one block and the explanations follow
along a chain of rows."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from .data import ConstraintKind, Production


def offset_links(production: Production, kind: ConstraintKind,
                 scene_ids: Sequence[str]) -> Iterator[tuple[str, str, int]]:
    """``(a, b, delta)`` for each pair of neighbours ``a, b`` of a ``same_day`` or ``consecutive``
    row: scene ``b`` starts ``delta`` shoot days after scene ``a`` (0 on the same day, the days
    of ``a`` when consecutive).  Other kinds of row fix no offset and give no links."""
    if kind not in (ConstraintKind.SAME_DAY, ConstraintKind.CONSECUTIVE):
        return
    for first, second in itertools.pairwise(scene_ids):
        delta = (production.scene_days(production.scene_by_id[first])
                 if kind is ConstraintKind.CONSECUTIVE else 0)
        yield first, second, delta
