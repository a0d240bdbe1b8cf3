"""plan-shoot: the cheapest shooting schedule that breaks no rule.

The verbs a program uses, in the order of a plan::

    from scheduler import plan_production, read_production, write_schedule

    production = read_production("breakdown.xlsx")   # every problem at once, located
    plan = plan_production(production)                # cheapest schedule, then risk rounds
    write_schedule(production, plan.result, "schedule.xlsx", risk=plan.risk)

``solve`` is the search alone (no risk rounds); ``validate`` checks any schedule against every
rule; ``evaluate_board`` prices a board someone else built.
"""

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

__version__ = "0.1.0"
