"""MiniZinc data files (``.dzn``) of talent scheduling and movie shoot scheduling.

Only what these benchmark files use is read: integers, integer arrays, 2-D arrays written
``[| 1, 0 | 0, 1 |]`` or ``array2d(1..r, 1..c, [...])``, and arrays of integer sets
``[{1, 2}, {3}]``; comments ``%`` and ``/* */``.  Three field conventions exist:

* MiniZinc benchmarks (Stuckey 2008): ``ia`` [actors, scenes], ``c``, ``d``;
* CSPLib prob039: ``rehearsal`` [players, pieces], ``duration``, all costs 1;
* ``actorsToScenes`` (a set of scenes per actor), ``actorsCosts``, ``scenesLength``, with
  scenes numbered from 0 or from 1 (told apart by the numbers used);

and the Optimization Hub movie shoot scheduling fields (``Presence``, ``ActorCost``, ...).
"""

from __future__ import annotations

import re
from pathlib import Path

from .instance import MovieShootInstance, TalentInstance

DznValue = int | list[int] | list[list[int]] | list[set[int]]

_COMMENT = re.compile(r"/\*.*?\*/|%[^\n]*", re.DOTALL)
_INT = re.compile(r"-?\d+")
_RANGE = re.compile(r"(-?\w+)\s*\.\.\s*(-?\w+)")


def parse_dzn(text: str) -> dict[str, DznValue]:
    """Assignments ``name = value;`` of a data file, by name."""
    values: dict[str, DznValue] = {}
    for statement in _COMMENT.sub(" ", text).split(";"):
        if "=" not in statement:
            if statement.strip():
                raise ValueError(f"not an assignment: {statement.strip()[:40]!r}")
            continue
        name, _, expression = statement.partition("=")
        values[name.strip()] = _parse_value(expression.strip(), values)
    return values


def _parse_value(expression: str, known: dict[str, DznValue]) -> DznValue:
    if expression.startswith("array2d"):
        return _parse_array2d(expression, known)
    if expression.startswith("[|"):
        rows = expression.strip("[]").strip("|").split("|")
        return [[int(x) for x in _INT.findall(row)] for row in rows if row.strip()]
    if expression.startswith("[") and "{" in expression:
        return [{int(x) for x in _INT.findall(body)}
                for body in re.findall(r"\{([^}]*)\}", expression)]
    if expression.startswith("["):
        return [int(x) for x in _INT.findall(expression)]
    return int(expression)


def _parse_array2d(expression: str, known: dict[str, DznValue]) -> list[list[int]]:
    ranges = _RANGE.findall(expression)
    if len(ranges) != 2:
        raise ValueError(f"array2d needs two index ranges: {expression[:40]!r}")
    (lo_r, hi_r), (lo_c, hi_c) = ((_bound(lo, known), _bound(hi, known)) for lo, hi in ranges)
    rows, cols = hi_r - lo_r + 1, hi_c - lo_c + 1
    body = expression[expression.index("[") :]
    flat = [int(x) for x in _INT.findall(body)]
    if len(flat) != rows * cols:
        raise ValueError(f"array2d has {len(flat)} values, expected {rows} x {cols}")
    return [flat[r * cols : (r + 1) * cols] for r in range(rows)]


def _bound(token: str, known: dict[str, DznValue]) -> int:
    """An index range end: a number or the name of an integer assigned earlier."""
    if _INT.fullmatch(token):
        return int(token)
    value = known.get(token)
    if not isinstance(value, int):
        raise ValueError(f"unknown integer {token!r} in an index range")
    return value


def _ints(values: dict[str, DznValue], name: str) -> list[int]:
    value = values[name]
    if not isinstance(value, list) or not all(isinstance(x, int) for x in value):
        raise ValueError(f"{name} is not an integer array")
    return [int(x) for x in value if isinstance(x, int)]


def _matrix(values: dict[str, DznValue], name: str) -> list[list[int]]:
    value = values[name]
    if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
        raise ValueError(f"{name} is not a 2-D integer array")
    return [list(row) for row in value if isinstance(row, list)]


def _sets(values: dict[str, DznValue], name: str) -> list[set[int]]:
    value = values[name]
    if not isinstance(value, list) or not all(isinstance(x, set) for x in value):
        raise ValueError(f"{name} is not an array of sets")
    return [set(x) for x in value if isinstance(x, set)]


def read_talent_dzn(path: Path, name: str | None = None) -> TalentInstance:
    """A talent scheduling instance from any of the three ``.dzn`` conventions."""
    values = parse_dzn(path.read_text(encoding="utf-8"))
    name = name or path.stem
    if "ia" in values:
        presence = _matrix(values, "ia")
        return _talent(name, _ints(values, "d"), presence, _ints(values, "c"))
    if "rehearsal" in values:
        presence = _matrix(values, "rehearsal")
        return _talent(name, _ints(values, "duration"), presence, [1] * len(presence))
    if "actorsToScenes" in values:
        durations = _ints(values, "scenesLength")
        scene_sets = _sets(values, "actorsToScenes")
        base = _scene_numbering(scene_sets, len(durations))
        presence = [[1 if s + base in scenes else 0 for s in range(len(durations))]
                    for scenes in scene_sets]
        return _talent(name, durations, presence, _ints(values, "actorsCosts"))
    raise ValueError(f"{path.name}: no talent scheduling fields (ia, rehearsal or "
                     "actorsToScenes)")


def _scene_numbering(scene_sets: list[set[int]], num_scenes: int) -> int:
    """0 when scenes are numbered from 0, 1 when from 1."""
    used = set().union(*scene_sets) if scene_sets else set()
    if 0 in used:
        return 0
    if num_scenes in used:
        return 1
    raise ValueError("cannot tell whether scenes are numbered from 0 or from 1")


def _talent(name: str, durations: list[int], presence: list[list[int]],
            costs: list[int]) -> TalentInstance:
    return TalentInstance(
        name=name,
        durations=tuple(durations),
        presence=tuple(tuple(bool(x) for x in row) for row in presence),
        costs=tuple(costs),
    )


def read_mss_dzn(path: Path, name: str | None = None) -> MovieShootInstance:
    """A movie shoot scheduling instance in the Optimization Hub ``.dzn`` fields."""
    values = parse_dzn(path.read_text(encoding="utf-8"))
    num_precedences = values.get("NumPrecedences", 0)
    precedences = _matrix(values, "Precedences") if num_precedences else []
    if len(precedences) != num_precedences:
        raise ValueError(f"{path.name}: {len(precedences)} precedences, expected "
                         f"{num_precedences}")
    return MovieShootInstance(
        name=name or path.stem,
        durations=tuple(_ints(values, "SceneDuration")),
        presence=tuple(tuple(bool(x) for x in row) for row in _matrix(values, "Presence")),
        costs=tuple(_ints(values, "ActorCost")),
        location_costs=tuple(_ints(values, "LocationCost")),
        scene_locations=tuple(_ints(values, "SceneLocation")),
        precedences=tuple((row[0], row[1]) for row in precedences),
    )
