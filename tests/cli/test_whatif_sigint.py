"""Ctrl-C during ``plan-shoot whatif``: the comparison of what was finished is written, the
scenarios still solving keep their best, and the pool's processes (which get the terminal's
Ctrl-C too) do not die of it.  A real process group and a real signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from scheduler.excel.breakdown import write_breakdown
from tests.helpers.paths import EXAMPLES, REPOSITORY
from tests.helpers.workbooks import write_rows

STAGE_TIMEOUT_SECONDS = 120.0


@pytest.mark.slow  # a 90-scene base plan, a pool of two processes, then the signal
def test_ctrl_c_while_the_scenarios_solve_writes_the_comparison(tmp_path: Path) -> None:
    from scheduler.inputs import read_production

    breakdown = write_breakdown(read_production(EXAMPLES / "indie_feature.xlsx"),
                                tmp_path / "indie.xlsx")
    scenarios = write_rows(tmp_path / "scenarios.xlsx", {"Scenarios": [
        ("scenario", "change", "id", "value"), ("cut 44", "cut", "44", None),
        ("crane dearer", "rate", "CRANE", "3200"), ("cut 45", "cut", "45", None)]})
    out = tmp_path / "comparison.xlsx"
    process = subprocess.Popen(
        [sys.executable, "-m", "scheduler", "-v", "whatif", str(breakdown), "--scenarios",
         str(scenarios), "-o", str(out), "--time-limit", "8", "--parallel", "2",
         "--risk-blind"],
        cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "COLUMNS": "200"})
    assert process.stderr is not None
    deadline = time.monotonic() + STAGE_TIMEOUT_SECONDS
    seen = []
    for line in process.stderr:
        seen.append(line)
        if "what if: planning" in line or time.monotonic() > deadline:
            break
    assert any("what if: planning 3 scenario(s)" in line for line in seen), seen
    time.sleep(3)  # the first two scenarios are solving in the pool
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole group
    stdout, stderr = process.communicate(timeout=STAGE_TIMEOUT_SECONDS)
    assert process.returncode == 0, stdout + stderr
    rows = list(openpyxl.load_workbook(out)["Comparison"].iter_rows(values_only=True))
    statuses = {row[0]: row[2] for row in rows[1:]}
    assert statuses["base"] in ("optimal", "feasible")
    assert statuses["cut 45"] == "stopped"  # never started
    assert statuses["cut 44"] in ("optimal", "feasible")  # stopped mid-solve: its best
    assert "failed" not in statuses.values(), statuses
    assert "stopped by you" in stdout
