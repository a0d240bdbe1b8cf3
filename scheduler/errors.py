"""Typed errors that become clean exit codes at the CLI edge."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .subjects import Places, Subject


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in the input, e.g. ``Scenes!F14: pages "2 3/9" is not ...``.

    Parameters
    ----------
    where
        The place the reader gives it: ``Sheet!CELL``, ``Sheet!ROW`` or ``Sheet`` for a
        workbook, a path for a USS file (empty when the problem has no place).
    message
        What is wrong and what is expected, in the user's words.
    subject
        What the problem is about in the production's terms, for a reader to place it (a
        cross-check knows its subject, not its place).  Not part of equality, so that one
        message at one place is reported once.
    """

    where: str
    message: str
    subject: Subject | None = field(default=None, compare=False)

    @classmethod
    def about(cls, subject: Subject, message: str) -> Problem:
        """A problem with a subject and no place yet (see ``located``)."""
        return cls("", message, subject)

    def located(self, places: Places | None) -> Problem:
        """The problem at its subject's place in ``places`` (unchanged without a subject, a
        place already, or no places)."""
        if self.where or self.subject is None or places is None:
            return self
        return replace(self, where=places.of(self.subject))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class PlanShootError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(PlanShootError):
    """The input has one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        lines = "\n".join(str(problem) for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the input:\n{lines}")


def _problem_order(problem: Problem) -> tuple[str, int, str, str]:
    """Sort by sheet, then row number, then column, so messages read top to bottom."""
    sheet, _, cell = problem.where.partition("!")
    column = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (sheet, int(digits) if digits else 0, column, problem.message)
