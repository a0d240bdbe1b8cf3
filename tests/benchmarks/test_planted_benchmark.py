"""The planted-production benchmark: one tiny case solved, its row, the table and the files."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from benchmarks.planted import (
    COLUMNS,
    PlantedCase,
    PlantedRow,
    cases,
    markdown,
    run_case,
    table_row,
    write_results,
)

TINY = PlantedCase(20, "feature", 1, time_limit=2.0, deterministic=True)


@pytest.fixture(scope="module")
def row() -> PlantedRow:
    return run_case(TINY)


def test_a_tiny_planted_case_gives_a_valid_row(row: PlantedRow) -> None:
    assert row.scenes == 20
    assert row.planted_valid
    assert row.planted_wrap < row.shoot_days
    assert row.our_cost is not None and math.isfinite(row.our_cost) and row.our_cost > 0
    assert row.valid and row.our_wrap is not None and row.our_wrap <= row.shoot_days
    assert row.lower_bound is not None
    # The planted schedule is valid: no proven bound can exceed its cost.
    assert row.lower_bound <= min(row.our_cost, row.planted_cost)
    assert row.first_schedule_s is not None and row.first_schedule_s <= row.runtime_s
    assert row.peak_memory_mb > 0


def test_the_shares_of_the_gap_add_up(row: PlantedRow) -> None:
    assert row.gap is not None
    assert row.bound_share_at_most is not None and row.schedule_share_at_least is not None
    assert row.bound_share_at_most + row.schedule_share_at_least == pytest.approx(row.gap)
    assert row.bound_share_at_most >= 0 and row.schedule_share_at_least >= 0


def test_the_table_and_files_carry_the_row(row: PlantedRow, tmp_path: Path) -> None:
    text = markdown([row], "uv run python -m benchmarks.planted --sizes 20", 2.0, True)
    paths = write_results([row], text, tmp_path)

    assert len(table_row(row)) == len(COLUMNS)
    assert "SYNTHETIC" in text and "OR-Tools" in text and "cores" in text
    assert "| feature 20 seed 1 | 20 |" in text
    assert paths[0].read_text(encoding="utf-8") == text
    written = list(csv.DictReader(paths[1].open(encoding="utf-8")))
    assert [(r["label"], int(r["our_cost"]), r["valid"]) for r in written] == [
        ("feature 20 seed 1", row.our_cost, "True")]


def test_the_default_cases_are_the_issues() -> None:
    default = cases(None, None, [1, 2, 3], 60.0, False)
    chosen = cases([30], None, [1], 10.0, True)

    assert [(c.num_scenes, c.kind) for c in default] == [(220, "feature")] * 3 + [
        (480, "series")] * 3
    assert [(c.num_scenes, c.kind, c.config().num_workers) for c in chosen] == [
        (30, "feature", 1), (30, "series", 1)]
    assert default[0].config().num_workers == 0  # all cores
