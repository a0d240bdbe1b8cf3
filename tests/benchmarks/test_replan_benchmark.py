"""The re-planning benchmark: a tiny generated production re-planned after a lost day, its row,
the table and the files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import benchmarks.replan as replan_module
from benchmarks.replan import (
    COLUMNS,
    ReplanRow,
    generated_plan,
    markdown,
    run_case,
    table_row,
    third_of_the_way,
    write_results,
)
from scheduler.config import SolverConfig

CONFIG = SolverConfig(deterministic=True, time_limit=2)


@pytest.fixture(scope="module")
def row() -> ReplanRow:
    return run_case(generated_plan(30, 1), "lost day", CONFIG)


def test_a_lost_day_gives_a_valid_row_that_keeps_the_past(row: ReplanRow) -> None:
    assert row.scenes == 30
    assert row.violations == 0 and row.valid
    assert row.shot_kept and row.frozen_kept
    assert row.moved is not None and row.moved_from_scratch is not None
    assert row.moved <= row.moved_from_scratch
    assert row.people_changed is not None and row.people_changed >= 0
    assert row.cost_revised is not None and row.cost_change == row.cost_revised - row.cost_before
    assert row.first_revision_s is not None and row.first_revision_s <= row.runtime_s


def test_the_table_and_files_carry_the_row(row: ReplanRow, tmp_path: Path) -> None:
    cells = table_row(row)
    assert len(cells) == len(COLUMNS)
    assert cells[:3] == [row.production, "lost day", str(row.moved)]
    text = markdown([row], "uv run python -m benchmarks.replan", 2.0, True)
    assert "| " + " | ".join(cells) + " |" in text
    table, values = write_results([row], text, tmp_path)
    assert table.read_text(encoding="utf-8") == text
    with values.open(encoding="utf-8") as handle:
        (written,) = list(csv.DictReader(handle))
    assert written["disruption"] == "lost day"
    assert int(written["moved"]) == row.moved
    assert written["valid"] == "True"


def test_the_table_names_a_re_plan_moving_over_half_as_many_as_from_scratch(
        row: ReplanRow) -> None:
    costly = ReplanRow(**{**row.__dict__, "moved": 9, "moved_from_scratch": 10})
    assert costly.moved_share == pytest.approx(0.9)
    assert "generated 30 (seed 1), lost day: 9 against 10" in markdown(
        [costly], "uv run python -m benchmarks.replan", 2.0, True)


def test_the_re_plan_starts_a_third_of_the_way_through() -> None:
    plan = generated_plan(30, 1)
    days = sorted(set(plan.dates.values()))
    assert third_of_the_way(plan.dates) == days[len(days) // 3]


def test_a_disruption_that_does_not_fit_the_shoot_gives_a_row_saying_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def too_short(*_: object) -> object:
        raise ValueError("the lead cannot be ill three days")

    monkeypatch.setitem(replan_module.DISRUPTIONS, "lead ill three days", too_short)
    row = run_case(generated_plan(30, 1), "lead ill three days", CONFIG)
    assert row.violations is None and row.moved is None
    assert row.status == "not applicable: the lead cannot be ill three days"
    assert table_row(row)[-3:] == [f"no schedule ({row.status})", "-", "-"]
