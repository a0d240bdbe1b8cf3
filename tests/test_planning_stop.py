"""The stop event ends every stage of ``plan_production``: the cheapest plan, the pricing between
stages and the risk rounds; the plan kept is valid and says it was stopped by the user.

Probe rows 48-49 (D3): the risk rounds ran on for 27-56 s after Ctrl-C, unmarked.  The stages
are found by the planner's log lines, as the CLI's SIGINT tests find them with ``-v``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.planning import Plan, plan_production
from scheduler.solution import Schedule
from scheduler.validate import validate

# Short: a stop ends the stages sooner anyway; one worker, for the shared test machines.
CONFIG = SolverConfig(time_limit=3, workers=1)


class StopAt(logging.Handler):
    """Sets ``stop`` when the planner logs a message starting with ``stage``."""

    def __init__(self, stage: str, stop: threading.Event) -> None:
        super().__init__(logging.INFO)
        self.stage, self.stop, self.seen = stage, stop, False

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith(self.stage):
            self.seen = True
            self.stop.set()


@pytest.fixture
def scheduler_log() -> Iterator[logging.Logger]:
    logger = logging.getLogger("scheduler")
    level = logger.level
    logger.setLevel(logging.INFO)
    yield logger
    logger.setLevel(level)


def plan_stopped_at(production: Production, stage: str, logger: logging.Logger) -> Plan:
    stop = threading.Event()
    handler = StopAt(stage, stop)
    logger.addHandler(handler)
    try:
        plan = plan_production(production, CONFIG, stop=stop)
    finally:
        logger.removeHandler(handler)
    assert handler.seen, f"the planner never reached {stage!r}"
    return plan


def assert_valid_and_stopped(production: Production, plan: Plan) -> None:
    assert plan.result.interrupted
    assert "stopped by you" in dict(plan.summary())["status"]
    assert plan.result.solution is not None
    assert validate(production, plan.result.solution) == []
    assert plan.risk is not None
    assert set(plan.risk) == set(Schedule(production, plan.result.solution).shooting_days)


def test_a_stop_in_the_cheapest_plan_runs_no_risk_round(indie_feature, scheduler_log):
    plan = plan_stopped_at(indie_feature, "CP-SAT:", scheduler_log)
    assert [report.number for report in plan.rounds] == [0]
    assert_valid_and_stopped(indie_feature, plan)


def test_a_stop_between_stages_runs_no_risk_round(indie_feature, scheduler_log):
    plan = plan_stopped_at(indie_feature, "planning: pricing the risk", scheduler_log)
    assert [report.number for report in plan.rounds] == [0]
    assert_valid_and_stopped(indie_feature, plan)


def test_a_stop_in_the_first_risk_round_runs_no_second(indie_feature, scheduler_log):
    plan = plan_stopped_at(indie_feature, "planning: risk round 1", scheduler_log)
    assert [report.number for report in plan.rounds] in ([0], [0, 1])
    assert_valid_and_stopped(indie_feature, plan)
