"""Movie shoot scheduling instances: the Hexaly (LocalSolver) example text format.

Whitespace-separated integers, in the order of the Optimization Hub ``.dzn`` fields: numbers of
actors, scenes, locations and precedences; actor costs; location costs; scene durations; scene
locations (0-based); presence, one row of scenes per actor; precedence pairs (0-based, first
before second).  The ``.dzn`` form of the same instances is read by ``dzn.read_mss_dzn``.
"""

from __future__ import annotations

from pathlib import Path

from .dzn import read_mss_dzn
from .instance import MovieShootInstance

__all__ = ["read_hexaly_mss", "read_mss", "read_mss_dzn"]


def read_hexaly_mss(path: Path, name: str | None = None) -> MovieShootInstance:
    """A movie shoot scheduling instance from a Hexaly-format text file."""
    numbers = [int(token) for token in path.read_text(encoding="utf-8").split()]
    if len(numbers) < 4:
        raise ValueError(f"{path.name}: missing the four counts")
    actors, scenes, locations, precedences = numbers[:4]
    sizes = [actors, locations, scenes, scenes, actors * scenes, 2 * precedences]
    if len(numbers) != 4 + sum(sizes):
        raise ValueError(f"{path.name}: {len(numbers)} numbers, expected {4 + sum(sizes)}")
    fields, at = [], 4
    for size in sizes:
        fields.append(numbers[at : at + size])
        at += size
    actor_costs, location_costs, durations, scene_locations, presence, pairs = fields
    return MovieShootInstance(
        name=name or path.stem,
        durations=tuple(durations),
        presence=tuple(tuple(bool(x) for x in presence[a * scenes : (a + 1) * scenes])
                       for a in range(actors)),
        costs=tuple(actor_costs),
        location_costs=tuple(location_costs),
        scene_locations=tuple(scene_locations),
        precedences=tuple((pairs[2 * k], pairs[2 * k + 1]) for k in range(precedences)),
    )


def read_mss(path: Path, name: str | None = None) -> MovieShootInstance:
    """Either format, by file suffix (``.dzn`` or the Hexaly ``.txt``)."""
    if path.suffix == ".dzn":
        return read_mss_dzn(path, name)
    return read_hexaly_mss(path, name)
