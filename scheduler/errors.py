"""Typed errors that become clean exit codes at the CLI edge."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in the input, e.g. ``Scenes!F14: pages "2 3/9" is not ...``.

    Parameters
    ----------
    where
        ``Sheet!CELL``, ``Sheet!ROW`` or ``Sheet`` (empty when the problem has no place).
    message
        What is wrong and what is expected, in the user's words.
    """

    where: str
    message: str

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
