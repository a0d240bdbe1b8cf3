"""CP-SAT leaves SIGINT to us: a solve neither takes over Ctrl-C nor leaves it at its default.

Probe rows 52 (the cause, isolated) and 71-72 (D1, D2: the server's Ctrl-C after and during a
solve on a thread), in ``research/reliability-probe.md``.  Run in a child process: a solver
that reset SIGINT would kill the test run itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers.paths import REPOSITORY

# Solves on a worker thread (as the server does), with Ctrl-C sent during the search and after
# it, then solves in explain mode on the main thread and sends Ctrl-C once more.
CHILD = textwrap.dedent("""
    import os, signal, threading, time
    from scheduler.config import SolverConfig
    from scheduler.data import ConstraintKind, SceneConstraint
    from scheduler.inputs import read_production
    from scheduler.model.cp_model import ShootingModel
    from scheduler.solve import solve
    from tests.helpers.productions import production, scene

    caught = []
    stop = threading.Event()
    def on_sigint(signum, frame):
        caught.append(time.monotonic())
        stop.set()
    signal.signal(signal.SIGINT, on_sigint)

    feature = read_production("examples/indie_feature.xlsx")
    model = ShootingModel(feature)
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(
        run=model.solve(SolverConfig(time_limit=60, workers=2), stop=stop)))
    began = time.monotonic()
    worker.start()
    time.sleep(2.0)  # model built, CP-SAT searching
    os.kill(os.getpid(), signal.SIGINT)
    while worker.is_alive():
        worker.join(0.05)
    print("during: caught", len(caught), "interrupted", outcome["run"].interrupted,
          "stopped after %.2f s" % (time.monotonic() - caught[0]))
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.2)
    print("after: caught", len(caught))

    clash = production([scene("1", hours=7), scene("2", hours=7)], max_shoot_days=3,
                       constraints=[SceneConstraint(kind=ConstraintKind.SAME_DAY,
                                                    scenes=("1", "2"))])
    result = solve(clash, SolverConfig(time_limit=5, deterministic=True))
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.2)
    print("explained:", result.status.value, len(result.conflicts), "caught", len(caught))
""")


def test_ctrl_c_reaches_our_handler_during_after_and_after_explaining_a_solve() -> None:
    child = subprocess.run([sys.executable, "-c", CHILD], cwd=REPOSITORY, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 0, child.stderr  # -2 (killed by SIGINT) or -6 (abort) before
    assert "bad_function_call" not in child.stderr
    lines = child.stdout.splitlines()
    during = re.fullmatch(r"during: caught 1 interrupted True stopped after ([\d.]+) s", lines[0])
    assert during is not None, child.stdout
    assert float(during.group(1)) < 2.0  # the stop event, not the 60 s limit, ended it
    assert lines[1] == "after: caught 2"
    assert lines[2].startswith("explained: infeasible") and lines[2].endswith("caught 3")


def test_every_cp_sat_solver_is_made_by_new_solver() -> None:
    """A ``CpSolver()`` made anywhere else would catch SIGINT again."""
    made = [(path.name, line) for path in sorted((REPOSITORY / "scheduler").rglob("*.py"))
            for line in path.read_text(encoding="utf-8").splitlines() if "CpSolver()" in line]
    assert made == [("cp_model.py", "    solver = cp_model.CpSolver()")]
    source = Path(REPOSITORY / "scheduler" / "model" / "cp_model.py").read_text(encoding="utf-8")
    assert "solver.parameters.catch_sigint_signal = False" in source
