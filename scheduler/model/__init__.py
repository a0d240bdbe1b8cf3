"""The CP-SAT model: the only package that imports ortools.

``ShootingModel`` builds and solves the model of a production; ``explain`` says, in producer
language, which rules leave no valid schedule.
"""

from .cp_model import ModelOutcome as ModelOutcome
from .cp_model import ModelSize as ModelSize
from .cp_model import ShootingModel as ShootingModel
from .explain import data_conflicts as data_conflicts
from .explain import explain as explain
from .explain import model_conflicts as model_conflicts
