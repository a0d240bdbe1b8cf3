"""Open a USS file safely: size limits, text encoding and JSON syntax, as located problems.

A ``.uss`` file is JSON.  It is refused, with a reason the user can act on, when it is missing,
bigger than ``MAX_USS_BYTES`` (the workbook reader's limit), not UTF-8 text, not JSON, nested
deeper than any schedule needs, or holds text no file can store (a lone ``\\ud800`` escape).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import InputError, Problem
from ...excel.source import MAX_FILE_BYTES

MAX_USS_BYTES = MAX_FILE_BYTES  # the same limit as a breakdown workbook
MAX_NESTING = 32  # a USS document is nested five levels deep; more is not a schedule
USS_ROOT_KEY = "universalScheduleStandard"
# A string, or an unclosed one up to the end: never fails, so the scan stays linear on any text.
_STRINGS = re.compile(r'"(?:[^"\\]+|\\.)*"?')
_BRACKETS = re.compile(r"[\[\]{}]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def load_json(path: str | Path) -> Any:
    """The parsed JSON of a USS file.

    Raises
    ------
    InputError
        When the file cannot be read as JSON; the problem says why and what to do.
    """
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_USS_BYTES:
            raise _refused(name, f"is {size / 1024 / 1024:.1f} MB; a USS file may be at most "
                                 f"{MAX_USS_BYTES // 1024 // 1024} MB")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _refused(name, "does not exist") from None
    except IsADirectoryError:
        raise _refused(name, "is a folder, not a USS file") from None
    except OSError as error:
        raise _refused(name, f"cannot be read ({error.strerror or error})") from None
    return parse_json(raw, name)


def parse_json(raw: bytes, name: str = "the USS file") -> Any:
    """The parsed JSON of the bytes of a USS file (see ``load_json``)."""
    if len(raw) > MAX_USS_BYTES:
        raise _refused(name, f"is larger than {MAX_USS_BYTES // 1024 // 1024} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refused(name, f"is not UTF-8 text (byte {error.start}); a USS file is JSON text"
                       ) from None
    if not text.strip():
        raise _refused(name, "is empty; a USS file is JSON as ThinkCrew, Cinapse or G-Casper "
                             "export it")
    if _nesting_depth(text) > MAX_NESTING:
        raise _refused(name, f"nests objects and arrays more than {MAX_NESTING} deep; it is "
                             "not a USS schedule")
    try:
        tree = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError([Problem(f"line {error.lineno}, column {error.colno}",
                                  f"{name} is not valid JSON ({error.msg}); a USS file is JSON "
                                  "as ThinkCrew, Cinapse or G-Casper export it")]) from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise _refused(name, "holds a number thousands of digits long; it is not a USS "
                             "schedule") from None
    if _SURROGATE_ESCAPE.search(text):  # a pair is one character; a lone half is not text
        broken = [Problem(where, "holds a lone UTF-16 surrogate (an escape like \\ud800 "
                                 "without its pair); write the character itself")
                  for where in _lone_surrogates(tree.get(USS_ROOT_KEY, tree)
                                                if isinstance(tree, dict) else tree)]
        if broken:
            raise InputError(broken)
    return tree


def _nesting_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` outside strings (checked before parsing, so that
    a hostile file cannot exhaust the parser's recursion)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _lone_surrogates(value: Any, path: str = "") -> Iterator[str]:
    """Paths of the texts (keys included) that hold half a surrogate pair: no file can store
    them, so a workbook or USS file written from them would be broken."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            yield path or "file"
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _lone_surrogates(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else key
            if _SURROGATE.search(key):
                yield _SURROGATE.sub("\ufffd", child)
            else:
                yield from _lone_surrogates(item, child)


def _refused(name: str, reason: str) -> InputError:
    return InputError([Problem("", f"{name} {reason}")])
