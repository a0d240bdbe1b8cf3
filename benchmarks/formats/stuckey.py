"""The talent scheduling format of the Stuckey data page (people.eng.unimelb.edu.au/pstuckey).

Line 1 is the name (``small2 opti 56`` in two files; instances are named by file here).  Then
the number of scenes and of actors (on one line or two), one row per actor of ``n`` 0/1 values
followed by the actor's daily cost, and the ``n`` scene durations.  Whitespace and line breaks
are otherwise free.
"""

from __future__ import annotations

from pathlib import Path

from .instance import TalentInstance


def read_stuckey(path: Path, name: str | None = None) -> TalentInstance:
    """A talent scheduling instance from a Stuckey-format file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        raise ValueError(f"{path.name}: empty file")
    numbers = [int(token) for line in lines[1:] for token in line.split()]
    if len(numbers) < 2:
        raise ValueError(f"{path.name}: no scene and actor counts")
    num_scenes, num_actors = numbers[0], numbers[1]
    expected = 2 + num_actors * (num_scenes + 1) + num_scenes
    if len(numbers) != expected:
        raise ValueError(f"{path.name}: {len(numbers)} numbers, expected {expected} for "
                         f"{num_scenes} scenes and {num_actors} actors")
    rows = [numbers[2 + a * (num_scenes + 1) : 2 + (a + 1) * (num_scenes + 1)]
            for a in range(num_actors)]
    durations = numbers[2 + num_actors * (num_scenes + 1) :]
    return TalentInstance(
        name=name or path.stem,
        durations=tuple(durations),
        presence=tuple(tuple(bool(x) for x in row[:num_scenes]) for row in rows),
        costs=tuple(row[num_scenes] for row in rows),
    )
