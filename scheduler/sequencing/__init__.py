"""Exact and heuristic search for productions that are pure scene orders (talent scheduling,
movie shoot scheduling): see ``problem.is_sequencing_problem``."""

from .problem import SequencingProblem as SequencingProblem
from .problem import is_sequencing_problem as is_sequencing_problem
from .problem import sequencing_obstacles as sequencing_obstacles
from .problem import sequencing_problem as sequencing_problem
from .search import SequencingResult as SequencingResult
from .search import solve_sequencing as solve_sequencing
