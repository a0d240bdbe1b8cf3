"""Read a parsed JSON tree field by field, each problem located by its path.

A USS file is untrusted input.  Every value is checked for its type as it is read, and every
problem is collected (not raised), located like ``breakdowns[12].pages``, so that the user sees
all of them at once.  The keys present in each kind of object and the keys actually read are
counted, so that the importer can list the fields it does not use.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem

_INDEX = re.compile(r"\[\d+\]")
_SHOWN_TEXT = 40  # characters of a bad value quoted in a message


@dataclass
class JsonReport:
    """Problems found so far, and which keys of which kind of object were present and read."""

    problems: list[Problem] = field(default_factory=list)
    present: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    read: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def unused_fields(self) -> list[str]:
        """``breakdowns[].comments (12 of 174)``: keys present in the file but never read."""
        unused = []
        for pattern, keys in sorted(self.present.items()):
            objects = self.present[pattern][""]
            for key, count in sorted(keys.items()):
                if key and key not in self.read[pattern]:
                    where = f"{pattern}.{key}" if pattern else key
                    unused.append(f"{where} ({count} of {objects})" if objects > 1 else where)
        return unused


@dataclass(frozen=True)
class Node:
    """A value of the JSON tree, with its path (for messages) and the shared report."""

    value: Any
    path: str
    report: JsonReport

    # ----- navigation ----------------------------------------------------------------------

    @property
    def pattern(self) -> str:
        """The path without indices: every breakdown shares ``breakdowns[]``."""
        return _INDEX.sub("[]", self.path)

    def is_object(self, what: str) -> bool:
        """True for a JSON object; else reports that ``what`` was expected."""
        if isinstance(self.value, dict):
            counts = self.report.present[self.pattern]
            counts[""] += 1  # the number of such objects
            counts.update(str(key) for key in self.value)
            return True
        self.report.problem(self.path or "file", f"is {_kind(self.value)}, not {what}")
        return False

    def get(self, *names: str) -> Node | None:
        """The first of ``names`` present in this object (spec and sample spellings), marked
        read; ``None`` when none is present or its value is ``null``."""
        if not isinstance(self.value, dict):
            return None
        for name in names:
            if name in self.value:
                self.report.read[self.pattern].add(name)
                if self.value[name] is None:
                    return None
                return Node(self.value[name], self._child_path(name), self.report)
        return None

    def items(self) -> list[Node]:
        """Elements of a JSON array (the caller checked it is one)."""
        return [Node(value, f"{self.path}[{index}]", self.report)
                for index, value in enumerate(self.value)]

    def _child_path(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def missing(self, name: str, what: str) -> None:
        self.report.problem(self._child_path(name), f"is missing; give {what}")

    def bad(self, expected: str) -> None:
        self.report.problem(self.path, f"is {_kind(self.value)}, not {expected}")

    # ----- typed values --------------------------------------------------------------------

    def text(self, *names: str) -> str:
        """Trimmed text of the first present field (``""`` when absent or null); numbers are
        taken as text, anything else is reported."""
        node = self.get(*names)
        if node is None:
            return ""
        if isinstance(node.value, str):
            return node.value.strip()
        if isinstance(node.value, int | float) and not isinstance(node.value, bool):
            return _number_text(node.value)
        node.bad("text")
        return ""

    def identifier(self, *names: str, what: str) -> str | None:
        """A required id (see ``as_id``); reported when missing."""
        node = self.get(*names)
        if node is None:
            self.missing(names[0], what)
            return None
        return node.as_id(what)

    def reference(self, *names: str, what: str) -> str | None:
        """An optional id (see ``as_id``): ``None`` when absent, null or ``""``."""
        node = self.get(*names)
        if node is None or _is_blank_text(node.value):
            return None
        return node.as_id(what)

    def as_id(self, what: str = "an id") -> str | None:
        """This value as an id: trimmed non-empty text, or a whole number as text (ids and the
        references to them are read alike); else reported as not ``what``."""
        if isinstance(self.value, str) and self.value.strip():
            return self.value.strip()
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            return str(self.value)
        self.bad(what)
        return None

    def number(self, *names: str, minimum: float = 0.0,
               maximum: float = math.inf) -> float | None:
        """A number from ``minimum`` to ``maximum`` (``None`` when absent, null or bad)."""
        node = self.get(*names)
        if node is None or _is_blank_text(node.value):
            return None
        value = _numeric_text(node.value) if isinstance(node.value, str) else node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            node.bad("a number")
            return None
        number = _as_float(value)
        if not minimum <= number <= maximum:  # NaN and infinity fail too
            limits = (f"of at least {_number_text(minimum)}" if maximum == math.inf else
                      f"from {_number_text(minimum)} to {_number_text(maximum)}")
            self.report.problem(node.path, f"is {_shortened(_number_text(value))}; it must be "
                                           f"a number {limits}")
            return None
        return number

    def flag(self, *names: str) -> bool | None:
        """A JSON ``true``/``false`` (``None`` when absent or null)."""
        node = self.get(*names)
        if node is None or _is_blank_text(node.value):
            return None
        if isinstance(node.value, bool):
            return node.value
        node.bad("true or false")
        return None

    def array(self, *names: str, required_as: str = "") -> list[Node]:
        """Elements of an array field; absent or null is an empty array unless
        ``required_as`` names what it should hold."""
        node = self.get(*names)
        if node is None or _is_blank_text(node.value):
            if required_as:
                self.missing(names[0], required_as)
            return []
        if not isinstance(node.value, list):
            node.bad("an array")
            return []
        return node.items()

    def identifiers(self, *names: str) -> tuple[str, ...]:
        """An array of ids (see ``as_id``); bad items are reported and skipped."""
        return tuple(found for item in self.array(*names) if (found := item.as_id()) is not None)


def _is_blank_text(value: Any) -> bool:
    """The spec lets writers put ``""`` in a key they do not use."""
    return isinstance(value, str) and not value.strip()


def _numeric_text(text: str) -> float | str:
    """``"1.25"`` as a number (a lenient reading of a number written as text), else the text."""
    try:
        return float(text)
    except ValueError:
        return text


def _as_float(value: int | float) -> float:
    """``value`` as a float; infinity for an integer too large for one."""
    try:
        return float(value)
    except OverflowError:
        return math.inf


def _kind(value: Any) -> str:
    """How a message names a JSON value's type, with the value when it is short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {_shortened(_number_text(value))}"
    if isinstance(value, str):
        return f'the text "{_shortened(value)}"'
    if isinstance(value, list):
        return "an array"
    return "an object"


def _number_text(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _shortened(text: str) -> str:
    return text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 3] + "..."
