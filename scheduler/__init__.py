"""plan-shoot: the cheapest shooting schedule that breaks no rule."""

from .config import SolverConfig as SolverConfig
from .data import Production as Production
from .errors import InputError as InputError
from .errors import Problem as Problem
from .result import Result as Result
from .result import SolveStatus as SolveStatus
from .solution import Schedule as Schedule
from .solution import Solution as Solution

__version__ = "0.1.0"
