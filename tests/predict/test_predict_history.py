"""Reading history and Days workbooks: labels, and every problem located as Days!CELL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from scheduler.day_facts import FEATURE_NAMES
from scheduler.errors import InputError
from scheduler.excel.days import read_days, read_history
from scheduler.predict.history import PRODUCTION
from tests.helpers.history import (
    EXAMPLE_HISTORY,
    HISTORY_HEADER,
    history_row,
    synthetic_history,
    two_productions,
    write_workbook,
)


def problems_of(path: Path, **options: float) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_history(path, **options)
    return [str(problem) for problem in caught.value.problems]


def column_of(name: str) -> str:
    return get_column_letter(HISTORY_HEADER.index(name) + 1)


def test_example_history_is_labelled_by_the_overrun(tmp_path: Path) -> None:
    history = read_history(EXAMPLE_HISTORY)
    frame = history.frame
    assert history.productions >= 40
    assert len(history) > 1000
    overran = (frame["Bottleneck"] == 1)
    assert history.true_probability is not None
    assert 0.1 < overran.mean() < 0.5
    assert frame["Production"].str.startswith("SYNTHETIC").all()
    assert list(frame.columns[1:20]) == list(FEATURE_NAMES)


def test_label_follows_the_tolerance(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, two_productions())
    assert read_history(path).labels.tolist() == [0, 1, 0, 1]
    # 10.2 h on a 10 h plan is 0.2 h over: a bottleneck only with a tolerance below that.
    assert read_history(path, tolerance_hours=0.1).labels.tolist() == [1, 1, 0, 1]


def test_explicit_bottleneck_column_wins_and_stands_alone(tmp_path: Path) -> None:
    rows = [[*row, flag] for row, flag in zip(two_productions(), ["yes", "no", "no", "Y"],
                                               strict=True)]
    path = write_workbook(tmp_path / "h.xlsx", [*HISTORY_HEADER, "Bottleneck"], rows)
    assert read_history(path).labels.tolist() == [1, 0, 0, 1]
    without_hours = [[*row[:-2], row[-1]] for row in rows]
    path = write_workbook(tmp_path / "b.xlsx", [*HISTORY_HEADER[:-1], "Bottleneck"],
                          without_hours)
    assert read_history(path).labels.tolist() == [1, 0, 0, 1]


def test_schedule_columns_are_skipped_and_unknown_ones_noticed(tmp_path: Path) -> None:
    header = ["Shoot Day", "Date", *HISTORY_HEADER, "Bottleneck Probability", "Flag", "Notes"]
    rows = [[1, None, *row, 0.3, "no", "ok"] for row in two_productions()]
    history = read_history(write_workbook(tmp_path / "h.xlsx", header, rows))
    assert len(history) == 4
    assert history.notices == ('Days!Z1: column "Notes" is not used',)


def test_misspelt_column_is_located_at_its_header(tmp_path: Path) -> None:
    header = list(HISTORY_HEADER)
    header[header.index("Pages")] = "Pagez"
    path = write_workbook(tmp_path / "h.xlsx", header, two_productions())
    assert problems_of(path) == [
        f'Days!{column_of("Pages")}1: column "Pagez" is not a Days column; did you mean "Pages"?'
    ]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    header = [name for name in HISTORY_HEADER if name not in ("Moves", "Night")]
    rows = [[value for name, value in zip(HISTORY_HEADER, row, strict=True)
             if name not in ("Moves", "Night")] for row in two_productions()]
    path = write_workbook(tmp_path / "h.xlsx", header, rows)
    (problem,) = problems_of(path)
    assert problem.startswith(f"Days!{get_column_letter(len(header) + 1)}1: missing column(s): "
                              "Moves, Night;")


def test_missing_actual_hours_column_asks_for_a_label(tmp_path: Path) -> None:
    rows = [row[:-1] for row in two_productions()]
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER[:-1], rows)
    (problem,) = problems_of(path)
    assert problem.startswith("Days!1: no label column: add Actual Hours")


def test_every_bad_cell_is_reported_at_once(tmp_path: Path) -> None:
    rows = two_productions()
    rows[0][HISTORY_HEADER.index("Pages")] = "lots"
    rows[2][HISTORY_HEADER.index("Night")] = 2
    rows[3][HISTORY_HEADER.index("Cast")] = None
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, rows)
    assert problems_of(path) == [
        f'Days!{column_of("Pages")}2: Pages "lots" is not a number; write pages as a decimal '
        "(3.375) or in eighths (3 3/8)",
        f"Days!{column_of('Night')}4: Night 2 is out of range; write 1 (yes) or 0 (no)",
        f"Days!{column_of('Cast')}5: Cast empty; write 0 when there is none",
    ]


def test_hours_and_pages_in_the_producers_notation(tmp_path: Path) -> None:
    rows = two_productions()
    rows[0][HISTORY_HEADER.index("Planned Hours")] = "10:30"
    rows[0][HISTORY_HEADER.index("Pages")] = "3 3/8"
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, rows)
    features = read_history(path).features
    assert features.loc[0, "Planned Hours"] == 10.5
    assert features.loc[0, "Pages"] == 3.375


def test_day_without_an_outcome_is_located(tmp_path: Path) -> None:
    rows = two_productions()
    rows[1][-1] = None
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, rows)
    (problem,) = problems_of(path)
    assert problem.startswith(f"Days!{column_of('Actual Hours')}3: no Actual Hours and no "
                              "Bottleneck value")


def test_single_production_is_refused_with_the_reason(tmp_path: Path) -> None:
    rows = [history_row("A", 10.2), history_row("A", 12.0)]
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, rows)
    (problem,) = problems_of(path)
    assert problem.startswith('Days!A1: all 2 days belong to one production ("A")')
    assert "at least 2" in problem


def test_labels_all_alike_are_refused(tmp_path: Path) -> None:
    rows = [history_row("A", 10.0), history_row("B", 10.0)]
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, rows)
    assert problems_of(path) == ["Days: no day in this history is a bottleneck; the predictor "
                                 "needs both days that overran and days that kept to plan"]


def test_missing_sheet_and_unreadable_file(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "h.xlsx", HISTORY_HEADER, two_productions(), sheet="Past")
    (problem,) = problems_of(path)
    assert problem.startswith("Days: the workbook has no sheet Days (sheets: Past)")
    # Refused as the breakdown reader refuses them, with its words.
    not_a_workbook = tmp_path / "h.csv"
    not_a_workbook.write_text("Production,Planned Hours\n")
    (problem,) = problems_of(not_a_workbook)
    assert problem.startswith(f"{not_a_workbook} is a CSV file")
    (problem,) = problems_of(tmp_path / "absent.xlsx")
    assert problem == f"{tmp_path / 'absent.xlsx'} does not exist; check the path"


def test_read_days_needs_features_only(tmp_path: Path) -> None:
    header = ["Shoot Day", *FEATURE_NAMES]
    rows = [[1, *history_row()[1:-1]], [], [2, *history_row(Night=1)[1:-1]]]
    sheet = read_days(write_workbook(tmp_path / "d.xlsx", header, rows))
    assert sheet.rows == (2, 4)  # the empty row 3 is skipped
    assert sheet.features["Night"].tolist() == [0.0, 1.0]


def test_production_groups_are_small_numbers_in_name_order() -> None:
    """Tests D7: one 32,767-character production name no longer widens every day's group (a
    fixed-width text array took gigabytes); the groups follow the sorted names."""
    history = synthetic_history()
    frame = history.frame.copy()
    first = frame[PRODUCTION].iloc[0]
    frame[PRODUCTION] = frame[PRODUCTION].replace(first, "z" * 32_767)
    groups = replace(history, frame=frame).groups
    assert groups.dtype.kind == "i" and groups.itemsize <= 8
    names = sorted(frame[PRODUCTION].unique())
    assert [names[code] for code in groups] == list(frame[PRODUCTION])
