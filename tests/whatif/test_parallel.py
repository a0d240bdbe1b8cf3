"""Where the solves run changes nothing in deterministic mode: the same table from this
process, from two local processes and from a local Ray cluster of two CPUs."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest

from scheduler.config import SolverConfig
from scheduler.whatif import ChangeKind, Comparison, ComparisonRow, compare_scenarios
from scheduler.whatif.compare import ScenarioProgress
from scheduler.whatif.executors import InProcess, LocalPool
from tests.helpers.whatif import change, scenario, whatif_production

PRODUCTION = whatif_production()
QUICK = SolverConfig(deterministic=True, time_limit=1)
SCENARIOS = [
    scenario("cut 6", change(PRODUCTION, ChangeKind.CUT, scenes=("6",))),
    scenario("pin 4", change(PRODUCTION, ChangeKind.PIN, target="4",
                             dates=(date(2026, 3, 10),))),
    scenario("longer", change(PRODUCTION, ChangeKind.SETTING, target="max_shoot_days",
                              value=10)),
]


def table(comparison: Comparison) -> list[ComparisonRow]:
    """The rows without the solve times (the only thing that may differ)."""
    return [replace(row, runtime=0.0) for row in comparison.rows()]


@pytest.fixture(scope="module")
def in_process() -> Comparison:
    return compare_scenarios(PRODUCTION, SCENARIOS, QUICK, parallel=1)


def test_two_local_processes_give_the_same_table(in_process: Comparison) -> None:
    seen: list[ScenarioProgress] = []
    pooled = compare_scenarios(PRODUCTION, SCENARIOS, QUICK, parallel=2, on_progress=seen.append)
    assert pooled.where == "2 local processes" and in_process.where == "this process"
    assert table(pooled) == table(in_process)
    finished = {progress.name for progress in seen if progress.state == "done"}
    assert finished == {"base", "cut 6", "pin 4", "longer"}


@pytest.mark.parametrize("processes", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_stopped_comparison_marks_the_scenarios_not_started(processes: int) -> None:
    stop = threading.Event()
    stop.set()
    executor = LocalPool(processes, stop) if processes > 1 else InProcess(stop)
    try:
        stopped = compare_scenarios(PRODUCTION, SCENARIOS, QUICK, executor=executor, stop=stop)
    finally:
        executor.close()
    assert stopped.interrupted
    assert all(outcome.status == "stopped" for outcome in stopped.outcomes), stopped.rows()


@pytest.mark.slow  # Ray starts in about 12 s and its workers import the planner in 10 more
def test_a_local_ray_cluster_gives_the_same_table(in_process: Comparison,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")  # before Ray loads: see RayCluster
    ray = pytest.importorskip("ray", reason="Ray is the optional extra plan-shoot[cluster] "
                                            "(uv sync --extra cluster)")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        on_ray = compare_scenarios(PRODUCTION, SCENARIOS, QUICK, cluster="auto")
    finally:
        ray.shutdown()
    assert on_ray.where.startswith("Ray at auto (2 CPUs)")
    assert table(on_ray) == table(in_process)
