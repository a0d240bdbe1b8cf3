"""``scheduler`` exports its verbs lazily, and they stay the functions even once the submodules
of the same name (``scheduler.solve``, ``scheduler.validate``) are imported."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers.paths import REPOSITORY

CHILD = """
import sys, scheduler
assert "scheduler.planning" not in sys.modules and "ortools" not in sys.modules
import scheduler.solve, scheduler.validate
from scheduler import *
import scheduler as package
for name in package.__all__:
    assert not isinstance(getattr(package, name), type(sys)), name
print(package.solve.__module__, package.validate.__module__, plan_production.__name__)
"""


def test_the_verbs_load_on_first_use_and_are_not_hidden_by_their_modules() -> None:
    child = subprocess.run([sys.executable, "-c", CHILD], cwd=REPOSITORY, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 0, child.stderr
    assert child.stdout.split() == ["scheduler.solve", "scheduler.validate", "plan_production"]
