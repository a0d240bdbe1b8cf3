"""The benchmark runner: family objectives, the case lists, the table and the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from benchmarks.__main__ import main
from benchmarks.formats import MovieShootInstance, TalentInstance
from benchmarks.runner import (
    BenchmarkCase,
    CaseResult,
    RunOutcome,
    markdown_table,
    mss_cases,
    run_case,
    talent_cases,
)
from scheduler.solution import COST_SCALE
from tests.helpers.paths import SHARED

needs_shared = pytest.mark.skipif(
    not (SHARED / "benchmarks" / "talent").is_dir(),
    reason=f"benchmark data not found under {SHARED} (the shared folder beside the checkout)")

TWO_SCENES = TalentInstance("two", durations=(2, 1), presence=((True, True), (True, False)),
                            costs=(3, 5))


def test_family_values_subtract_the_constant_and_scale() -> None:
    total = BenchmarkCase("two", "talent", TWO_SCENES, "total_cost")
    idle = BenchmarkCase("two", "talent", TWO_SCENES, "idle_cost", scale=100)
    assert TWO_SCENES.idle_offset == 3 * 3 + 5 * 2
    assert total.family_value(40 * COST_SCALE) == 40
    assert idle.family_value(40 * COST_SCALE) == (40 - 19) * 100
    assert idle.family_bound(40 * COST_SCALE - 1) == (40 - 19) * 100  # rounded up
    with pytest.raises(ValueError):
        total.family_value(40 * COST_SCALE + 1)


def test_mss_family_value_removes_first_visits_and_worked_days() -> None:
    instance = MovieShootInstance("m", durations=(1, 1), presence=((True, True),), costs=(4,),
                                  location_costs=(7, 9, 11), scene_locations=(0, 2))
    case = BenchmarkCase("m", "mss", instance, "mss")
    assert case.offset == 7 + 11 + 4 * 2  # location 2 is never used
    assert case.family_value((7 + 11 + 4 * 2) * COST_SCALE) == 0


def test_the_table_shows_gap_bound_and_times() -> None:
    case = BenchmarkCase("two", "talent", TWO_SCENES, "total_cost", reference=20,
                         reference_kind="published")
    result = CaseResult(case, [RunOutcome(21 * COST_SCALE, 20 * COST_SCALE, False, 1.25, 3.0,
                                          "feasible")])
    table = markdown_table([result])
    assert "| two | 2 x 2 | total_cost | 20 | 21 | 5.00% | 20 | 1.2 | - |" in table


@needs_shared
def test_the_families_list_every_instance_with_its_reference() -> None:
    talent = {case.name: case for case in talent_cases(SHARED)}
    assert len(talent) == 20
    assert talent["film105"].reference == 849
    assert talent["film117"].reference_kind == "computed"
    assert (talent["csplib_film1"].scale, talent["csplib_film1"].reference) == (100, 14600)
    mss = {case.name: case for case in mss_cases(SHARED)}
    assert list(mss) == ["mss5", "mss10", "mss12", "mss15", "mss20", "mss30", "mss50",
                         "mss100", "mss200", "mss300"]
    assert (mss["mss5"].reference, mss["mss5"].reference_kind) == (9, "computed")
    assert (mss["mss300"].reference, mss["mss300"].reference_kind) == (189104, "annealing")


@needs_shared
def test_a_run_reaches_the_rehearsal_optimum_and_proves_it() -> None:
    case = next(c for c in talent_cases(SHARED) if c.name == "csplib_rehearsal")
    result = run_case(case, "sequencing", time_limit=10, seeds=2, deterministic=True)
    assert len(result.runs) == 2
    assert (result.best, result.bound, result.gap) == (17, 17, 0.0)
    assert result.time_to_proof is not None
    assert result.time_to_best is not None and result.time_to_best <= result.time_to_proof


@needs_shared
def test_the_general_solver_handles_a_converted_instance() -> None:
    case = next(c for c in talent_cases(SHARED) if c.name == "tiny")
    result = run_case(case, "solve", time_limit=5, seeds=1, deterministic=True)
    assert result.best == 29
    assert result.bound is not None and result.bound <= 29


@needs_shared
def test_the_command_line_writes_markdown_and_csv(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["mss", "--only", "mss5", "--engine", "sequencing", "--time-limit", "5",
                 "--shared", str(SHARED), "--results", str(tmp_path)])
    assert code == 0
    assert "| mss5 | 5 x 3 | mss | 9 (c) | 9 | 0.00% | 9 |" in capsys.readouterr().out
    rows = list(csv.DictReader((tmp_path / "mss_sequencing.csv").open(encoding="utf-8")))
    assert [(row["instance"], row["best"], row["lower_bound"]) for row in rows] == [
        ("mss5", "9", "9")]
    assert (tmp_path / "mss_sequencing.md").read_text(encoding="utf-8").startswith("# mss")
