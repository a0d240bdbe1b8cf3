"""The JSON export: the same facts as Schedule, in plain JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from scheduler.day_facts import FEATURE_NAMES, day_features
from scheduler.export_json import schedule_to_json
from scheduler.report import pages_text, summary_fields
from scheduler.result import Conflict, Result, SolveStatus
from scheduler.rules import Rule
from scheduler.solution import COST_CATEGORIES, Schedule, to_money
from tests.helpers.reports import (
    BLUE,
    SAMPLE_RISK,
    report_production,
    sample_changes,
    sample_result,
)


def test_summary_and_costs_agree_with_the_schedule() -> None:
    """Tests that total, categories and cost lines are Schedule's, in currency units."""
    prod = report_production()
    result = sample_result(prod)
    assert result.solution is not None
    schedule = Schedule(prod, result.solution)
    document = json.loads(schedule_to_json(prod, result))
    summary = document["summary"]
    assert Decimal(str(summary["total_cost"])) == to_money(schedule.total_cost)
    for category in COST_CATEGORIES:
        assert (Decimal(str(summary[f"cost_{category}"]))
                == to_money(schedule.cost_by_category[category]))
    assert summary["shoot_days"] == schedule.wrap_day == 12
    assert summary["wrap_date"] == "2026-03-18"
    assert summary["status"] == "feasible"
    assert summary["gap"] == result.gap
    lines = document["costs"]["lines"]
    assert len(lines) == len(schedule.cost_lines)
    assert round(sum(line["amount"] for line in lines), 2) == float(to_money(schedule.total_cost))


def test_schedule_rows_cover_every_scene_day() -> None:
    """Tests one row per scene per shoot day it occupies, with the pages of the day."""
    prod = report_production()
    result = sample_result(prod)
    assert result.solution is not None
    schedule = Schedule(prod, result.solution)
    rows = json.loads(schedule_to_json(prod, result))["schedule"]
    seen = sorted((row["scene"], row["shoot_day"]) for row in rows)
    assert seen == sorted((sc.id, day) for sc in prod.scenes for day in schedule.days_of(sc))
    for day in schedule.shooting_days:
        pages = sum(row["pages"] for row in rows if row["shoot_day"] == day)
        assert pages == schedule.eighths_on(day) / 8


def test_days_and_dood_sections() -> None:
    """Tests the day features, the risk fields and the DOOD codes of the export."""
    prod = report_production()
    result = sample_result(prod)
    assert result.solution is not None
    schedule = Schedule(prod, result.solution)
    document = json.loads(schedule_to_json(prod, result, risk=SAMPLE_RISK))
    days = {entry["shoot_day"]: entry for entry in document["days"]}
    assert sorted(days) == schedule.shooting_days
    assert list(days[10]["features"]) == list(FEATURE_NAMES)
    assert days[10]["features"] == day_features(schedule, 10)
    assert days[10]["flag"] is True and days[10]["bottleneck_probability"] == 0.82
    assert days[2]["flag"] is None
    detective = next(m for m in document["day_out_of_days"]["cast"] if m["id"] == "3")
    assert detective["codes"]["1"] == "SW" and detective["codes"]["12"] == "PWF"
    assert detective["drop"] == 10 and detective["paid_days"] == 2
    assert document["summary"]["bottleneck_days"] == "10"


def test_no_solution_keeps_the_conflicts() -> None:
    """Tests an infeasible result: summary with status, conflicts listed, no schedule."""
    prod = report_production()
    conflict = Conflict(Rule.CAST_AVAILABILITY, "scene 2 needs Actor 1, away all March",
                        scenes=("2",), subjects=("1",))
    result = Result(status=SolveStatus.INFEASIBLE, conflicts=(conflict,))
    document = json.loads(schedule_to_json(prod, result))
    assert document["summary"]["status"] == "infeasible"
    assert document["summary"]["total_cost"] is None
    assert document["schedule"] == [] and document["costs"] is None
    assert document["conflicts"][0]["rule"] == "cast_availability"
    assert document["conflicts"][0]["scenes"] == ["2"]


def test_summary_has_baseline_saving_and_headroom() -> None:
    """Tests the producer's extras: saving against the conventional board, budget headroom."""
    prod = report_production()
    result = sample_result(prod)
    assert result.baseline_cost is not None and result.objective is not None
    fields = dict(summary_fields(prod, result))
    assert fields["saving_vs_baseline"] == to_money(result.baseline_cost - result.objective)
    assert fields["budget_headroom"] == Decimal(100_000) - to_money(result.objective)


def test_pages_text() -> None:
    """Tests the board's page notation in eighths."""
    assert [pages_text(e) for e in (0, 3, 8, 19)] == ["0", "3/8", "1", "2 3/8"]


def test_summary_has_expected_bottleneck_days_and_the_risk_premium() -> None:
    """Tests the risk extras: the predicted count of bottleneck days and what less risk cost."""
    prod = report_production()
    result = replace(sample_result(prod), risk_premium=120)  # two currency units, in cost units
    fields = dict(summary_fields(prod, result, SAMPLE_RISK))
    expected = sum(probability for probability, _, _ in SAMPLE_RISK.values())
    assert fields["expected_bottleneck_days"] == round(expected, 2)
    assert fields["risk_premium"] == Decimal(2)
    assert "expected_bottleneck_days" not in dict(summary_fields(prod, result))


def test_summary_shows_the_bound_of_each_category_from_solve() -> None:
    """Tests that a solved schedule's Summary has the counting bound beside each category, each
    at most the schedule's own amount (crew + overtime together), and the least shoot days."""
    from scheduler.config import SolverConfig
    from scheduler.solve import solve

    prod = report_production()
    result = solve(prod, SolverConfig(time_limit=5, deterministic=True))
    assert result.solution is not None
    schedule = Schedule(prod, result.solution)
    fields = dict(summary_fields(prod, result))
    for category in COST_CATEGORIES:
        if category not in ("crew", "overtime"):
            assert fields[f"lower_bound_{category}"] <= to_money(
                schedule.cost_by_category[category])
    joint = fields["lower_bound_crew"] + fields["lower_bound_overtime"]
    assert joint <= fields["cost_crew"] + fields["cost_overtime"]
    assert sum(fields[f"lower_bound_{c}"] for c in COST_CATEGORIES) <= fields["total_cost"]
    assert 1 <= fields["least_shoot_days"] <= schedule.wrap_day


def test_revision_and_changes() -> None:
    """Tests the revision and changes objects of a re-plan: scenes in board order, days by
    person and place, costs in money; none of them for a first schedule."""
    prod = report_production()
    result = sample_result(prod)
    plain = json.loads(schedule_to_json(prod, result))
    assert "revision" not in plain and "changes" not in plain
    document = json.loads(schedule_to_json(prod, result, changes=sample_changes()))
    revision = {"number": 1, "name": "Blue", "date": "2026-03-06",
                "label": "BLUE revision of 6 Mar 2026"}
    assert document["revision"] == revision
    assert document["summary"]["revision"] == "Blue"
    assert document["summary"]["revision_date"] == "2026-03-06"
    changes = document["changes"]
    assert changes["revision"] == revision
    assert changes["replanned_from"] == "2026-03-09"
    assert [(s["scene"], s["kind"], s["before"], s["after"]) for s in changes["scenes"]] == [
        ("9", "unfrozen", "2026-03-10", "2026-03-12"), ("8", "moved", "2026-03-10", "2026-03-16"),
        ("15", "cut", "2026-03-11", None), ("13", "moved", "2026-03-16", "2026-03-10"),
        ("6", "new part", None, "2026-03-17"), ("16", "added", None, "2026-03-18")]
    assert changes["moved_scenes"] == ["13", "8", "9"]
    assert changes["cast"] == [
        {"id": "1", "name": "Actor 1", "added": ["2026-03-12", "2026-03-16", "2026-03-17"],
         "released": ["2026-03-10"]},
        {"id": "3", "name": "Actor 3", "added": [], "released": ["2026-03-17", "2026-03-18"]}]
    assert changes["locations"] == [{"id": "DINER", "name": "Location DINER",
                                     "added": ["2026-03-17"], "released": []}]
    assert changes["costs"] == {"currency": "EUR", "current": 52000.0, "revised": 52450.5,
                                "from_scratch": 51900.0, "price_of_changes": 450.5,
                                "price_of_stability": 550.5}
    only_revision = json.loads(schedule_to_json(prod, result, revision=BLUE))
    assert only_revision["revision"] == revision and "changes" not in only_revision
