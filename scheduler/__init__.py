"""plan-shoot: the cheapest shooting schedule that breaks no rule.

The verbs a program uses, in the order of a plan::

    from scheduler import plan_production, read_production, write_schedule

    production = read_production("breakdown.xlsx")   # every problem at once, located
    plan = plan_production(production)                # cheapest schedule, then risk rounds
    write_schedule(production, plan.result, "schedule.xlsx", risk=plan.risk)

``solve`` is the search alone (no risk rounds); ``validate`` checks any schedule against every
rule; ``evaluate_board`` prices a board someone else built; ``read_scenarios``,
``compare_scenarios`` and ``write_comparison`` plan what-if scenarios against the base
(``scheduler.whatif``).

The names load on first use (PEP 562): ``plan-shoot`` starts, installs its Ctrl-C handling and
shows ``--help`` without first importing the solver, LightGBM and pandas (seconds).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import SolverConfig as SolverConfig
    from .data import Production as Production
    from .errors import InputError as InputError
    from .errors import Problem as Problem
    from .evaluate import BoardReport as BoardReport
    from .evaluate import evaluate_board as evaluate_board
    from .excel import write_schedule as write_schedule
    from .inputs import read_production as read_production
    from .planning import Plan as Plan
    from .planning import plan_production as plan_production
    from .result import Conflict as Conflict
    from .result import Result as Result
    from .result import SolveStatus as SolveStatus
    from .solution import Schedule as Schedule
    from .solution import Solution as Solution
    from .solve import solve as solve
    from .validate import Violation as Violation
    from .validate import validate as validate
    from .whatif import compare_scenarios as compare_scenarios
    from .whatif import read_scenarios as read_scenarios
    from .whatif import write_comparison as write_comparison

__version__ = "0.1.0"

# Public name -> the module that defines it.
_EXPORTS = {
    "SolverConfig": ".config",
    "Production": ".data",
    "InputError": ".errors",
    "Problem": ".errors",
    "BoardReport": ".evaluate",
    "evaluate_board": ".evaluate",
    "write_schedule": ".excel",
    "read_production": ".inputs",
    "Plan": ".planning",
    "plan_production": ".planning",
    "Conflict": ".result",
    "Result": ".result",
    "SolveStatus": ".result",
    "Schedule": ".solution",
    "Solution": ".solution",
    "solve": ".solve",
    "Violation": ".validate",
    "validate": ".validate",
    "compare_scenarios": ".whatif",
    "read_scenarios": ".whatif",
    "write_comparison": ".whatif",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (and keep the name, so it loads once)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """The package, keeping its verbs: importing the submodule ``scheduler.solve`` (or
    ``validate``) binds the module to the package's attribute of the same name, which would hide
    the function ``solve`` that ``from scheduler import solve`` promises."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
