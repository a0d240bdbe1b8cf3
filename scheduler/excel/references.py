"""Turn what a user wrote in a list cell (an id, an id in other case, or a name) into an id."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .table import Findings


class Lookup:
    """Ids of one kind of entity (cast, locations, ...) and the names that may stand for them.

    Parameters
    ----------
    kind
        What the entities are, for messages (``cast``, ``location``).
    entities
        Each entity's id and the names that may stand for it (name, character).
    """

    def __init__(self, kind: str, entities: Iterable[tuple[str, Iterable[str]]]) -> None:
        self.kind = kind
        self._ids: set[str] = set()
        self._by_folded_id: dict[str, set[str]] = defaultdict(set)
        self._by_name: dict[str, set[str]] = defaultdict(set)
        for entity_id, names in entities:
            self._ids.add(entity_id)
            self._by_folded_id[entity_id.casefold()].add(entity_id)
            for name in names:
                if name.strip():
                    self._by_name[_fold(name)].add(entity_id)

    def resolve(self, written: str, where: str, findings: Findings) -> str:
        """The id ``written`` stands for; ``written`` itself when nothing matches (the
        cross-checks then report it as unknown) or when it is ambiguous (reported here)."""
        if written in self._ids:
            return written
        for candidates in (self._by_folded_id.get(written.casefold(), set()),
                           self._by_name.get(_fold(written), set())):
            if len(candidates) == 1:
                return next(iter(candidates))
            if len(candidates) > 1:
                ids = ", ".join(sorted(candidates))
                findings.problem(where, f'{self.kind} "{written}" could be any of {ids}; '
                                        "write the id")
                return written
        return written

    def resolve_all(self, written: Iterable[str], where: str, findings: Findings
                    ) -> tuple[str, ...]:
        """Ids of every item of a list cell, in order, without repeats."""
        return tuple(dict.fromkeys(self.resolve(item, where, findings) for item in written))


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()
