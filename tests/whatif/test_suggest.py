"""Suggestions: what binds in the base plan, each relaxed in turn, priced, the best re-solved,
the saving in a producer's words."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.config import SolverConfig
from scheduler.data import Production
from scheduler.solve import solve
from scheduler.whatif import ChangeKind, Effect, compare_scenarios
from scheduler.whatif.compare import assert_consistent
from scheduler.whatif.suggest import saving_sentence, suggest_scenarios
from tests.helpers.productions import COST_SCALE
from tests.helpers.whatif import whatif_production

PRODUCTION = whatif_production()
QUICK = SolverConfig(deterministic=True, time_limit=1)


def test_what_binds_is_relaxed_one_limit_at_a_time() -> None:
    schedule = solve(PRODUCTION, QUICK).schedule
    assert schedule is not None
    suggested = {item.name: item for item in suggest_scenarios(PRODUCTION, schedule)}
    assert all(item.effect is Effect.RELAXING and item.suggested
               for item in suggested.values())
    # Actor 1 arrives on Wednesday 4 Mar and works that week: the window opens a week earlier,
    # which is before the shoot starts on Monday 2 Mar.
    early = suggested["Actor 1 from 2 Mar"]
    assert early.changes[0].kind is ChangeKind.AVAILABLE
    assert early.changes[0].window == (None, None)
    assert early.description == "getting Actor 1 from 2 Mar instead of 4 Mar"
    assert "scene 5 free" in suggested  # pinned
    assert any(item.changes[0].kind is ChangeKind.DROP for item in suggested.values())


def test_the_best_suggestions_are_re_solved_and_worded() -> None:
    comparison = compare_scenarios(PRODUCTION, [], QUICK, parallel=1, suggest=2,
                                   risk_aware=False)
    assert len(comparison.scenarios) == 2
    assert assert_consistent(comparison) == []
    base_cost = comparison.base.cost
    for outcome in comparison.scenarios:
        assert outcome.scenario.suggested and outcome.cost is not None
        assert base_cost is not None and outcome.cost <= base_cost
        assert " saves " in outcome.scenario.description
        assert outcome.runtime > 0  # re-solved, not the price of the short solve


def test_the_saving_in_words() -> None:
    assert saving_sentence("getting Mary Hatch from 1 Mar instead of 8 Mar",
                           41_000 * COST_SCALE, 2, "USD") == (
        "getting Mary Hatch from 1 Mar instead of 8 Mar saves 41,000 USD and 2 shoot days")
    assert saving_sentence("x", 0, 0, "USD") == "x saves nothing"
    assert saving_sentence("x", 0, 1, "EUR") == "x saves 1 shoot day"


@pytest.mark.slow  # five re-solves of the 90-scene feature after the pricing
def test_suggest_five_on_the_indie_feature(indie_feature: Production) -> None:
    # Not deterministic: a deterministic limit bounds CP-SAT's own time, not the wall clock of
    # the first schedules of a 90-scene feature (about 20 s each on a busy 2-core machine).
    config = SolverConfig(time_limit=5)
    comparison = compare_scenarios(indie_feature, [], config, suggest=5, risk_aware=False)
    assert len(comparison.scenarios) == 5
    assert assert_consistent(comparison) == []
    for outcome in comparison.scenarios:
        assert outcome.schedule is not None
        assert " saves " in outcome.scenario.description
    assert date(2026, 8, 31) == indie_feature.settings.start_date
