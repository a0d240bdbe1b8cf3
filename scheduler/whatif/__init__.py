"""What-if scenarios: changes to the breakdown, each planned and priced against the base.

A scenario is a name and changes (``Change``: a setting, an availability window, unavailable
dates, a rate, cut scenes, a pin, ...), read from a ``Scenarios`` sheet or suggested from what
binds in the base plan.  The base and every scenario are planned with the same settings
(``plan_production``, risk rounds and all) in local processes or on a Ray cluster, and compared
consistently: a relaxing scenario is never reported dearer than the base, a restricting one
never cheaper (``compare``).

The API, for the CLI (``plan-shoot whatif``) and the upload page::

    from scheduler.whatif import (compare_scenarios, read_scenarios, suggest_scenarios,
                                  write_comparison)

    scenarios = read_scenarios("scenarios.xlsx", production)   # InputError, located
    comparison = compare_scenarios(production, scenarios, SolverConfig(time_limit=60),
                                   parallel=2, on_progress=print, stop=stop_event)
    for row in comparison.rows():                               # the base first
        print(row.scenario, row.status, row.total_cost, row.change_vs_base)
    write_comparison(comparison, "comparison.xlsx", inputs=[breakdown, scenarios_path])

- ``Scenario``, ``Change``, ``ChangeKind``, ``Effect``: the model (``scenario.py``).
- ``read_scenarios(path, production)``: the ``Scenarios`` sheet, every problem located;
  ``write_scenarios_template(path)``: its annotated blank (``sheet.py``).
- ``apply_scenario(production, scenario) -> Production`` (pure), ``scenario_problems`` (the
  breakdown's cross-checks on the changed production), ``change_effect`` (``apply.py``).
- ``compare_scenarios(production, scenarios, config, *, parallel, cluster, risk_aware,
  on_progress, stop) -> Comparison``; ``Comparison.rows()`` gives ``ComparisonRow`` values
  (``compare.py``); where the solves run is ``executors.py``, what a solve is ``tasks.py``.
- ``suggest_scenarios(production, plan, config, ...)``: what binds in the base plan, each relaxed
  in turn, priced, the best re-solved (``suggest.py``).
- ``write_comparison(comparison, path)``: ``COMPARISON.xlsx`` and a schedule workbook per
  scenario (``workbook.py``); ``comparison_to_json`` (``export.py``).
"""

from __future__ import annotations

from .apply import apply_scenario, change_effect, scenario_problems
from .compare import (
    Comparison,
    ComparisonRow,
    Outcome,
    ScenarioProgress,
    compare_scenarios,
    default_parallel,
)
from .scenario import BASE, Change, ChangeKind, Effect, Scenario
from .sheet import read_scenarios, write_scenarios_template
from .workbook import write_comparison

__all__ = [
    "BASE",
    "Change",
    "ChangeKind",
    "Comparison",
    "ComparisonRow",
    "Effect",
    "Outcome",
    "Scenario",
    "ScenarioProgress",
    "apply_scenario",
    "change_effect",
    "compare_scenarios",
    "default_parallel",
    "read_scenarios",
    "scenario_problems",
    "write_comparison",
    "write_scenarios_template",
]
