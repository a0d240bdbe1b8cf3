"""Training, evaluation, save/load and the shipped default model."""

from __future__ import annotations

import itertools
import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from scheduler.errors import InputError
from scheduler.excel.days import read_history
from scheduler.predict.model import (
    FEATURES,
    LOAD_FEATURES,
    METADATA_FILE,
    MODEL_FILE,
    THRESHOLD_GRID,
    TrainedModel,
    evaluate,
    load,
    load_default,
    save,
    train,
)
from tests.helpers.history import EXAMPLE_HISTORY, day, synthetic_history


@pytest.fixture(scope="module")
def model() -> TrainedModel:
    return train(synthetic_history(), seed=0)


def rows_of(productions: int = 12) -> list[dict[str, float]]:
    features = synthetic_history(productions).features
    return [dict(zip(features.columns, map(float, row), strict=True))
            for row in features.itertuples(index=False)]


def test_same_seed_gives_the_same_predictions(model: TrainedModel) -> None:
    again = train(synthetic_history(), seed=0)
    rows = rows_of()
    assert again.predict_proba(rows) == model.predict_proba(rows)
    other_seed = train(synthetic_history(), seed=1)
    assert other_seed.predict_proba(rows) != model.predict_proba(rows)


def test_save_and_load_round_trip_without_pickle(model: TrainedModel, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = save(model, tmp_path / "model")
    assert sorted(p.name for p in folder.iterdir()) == sorted([MODEL_FILE, METADATA_FILE])
    assert (folder / MODEL_FILE).read_text().startswith("tree")

    def no_pickle(*args: object, **kwargs: object) -> None:
        raise AssertionError("a model must load without pickle")

    monkeypatch.setattr(pickle, "load", no_pickle)
    monkeypatch.setattr(pickle, "loads", no_pickle)
    loaded = load(folder)
    rows = rows_of()
    assert loaded.predict_proba(rows) == model.predict_proba(rows)
    assert loaded.metadata == json.loads(json.dumps(model.metadata))
    assert loaded.threshold == model.threshold


def test_metadata_describes_the_model(model: TrainedModel) -> None:
    metadata = model.metadata
    assert metadata["features"] == list(FEATURES)
    assert metadata["training"]["days"] == len(synthetic_history())
    assert metadata["training"]["synthetic"] is True
    assert {"lightgbm_version", "sklearn_version", "trained_at", "threshold"} <= set(metadata)
    assert set(model.typical_day) == set(FEATURES)


def test_load_refuses_what_is_not_a_model(model: TrainedModel, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the bottleneck model"):
        load(tmp_path / "nothing")
    folder = save(model, tmp_path / "model")
    (folder / MODEL_FILE).write_text("not a model")
    with pytest.raises(InputError, match="is not a LightGBM text model"):
        load(folder)
    metadata = dict(model.metadata, features=["Planned Hours"])
    (folder / METADATA_FILE).write_text(json.dumps(metadata))
    with pytest.raises(InputError, match="trained on other day features"):
        load(folder)


@pytest.mark.parametrize("feature", LOAD_FEATURES)
def test_more_load_never_lowers_the_probability(model: TrainedModel, feature: str) -> None:
    steps = {"Planned Hours": 0.5, "Pages": 0.5, "Moves": 1, "Extras": 10}[feature]
    for row in rows_of()[::10]:
        ladder = [dict(row, **{feature: row[feature] + steps * k}) for k in range(12)]
        probabilities = model.predict_proba(ladder)
        assert all(b >= a for a, b in itertools.pairwise(probabilities))


def test_risky_day_scores_above_an_ordinary_one(model: TrainedModel) -> None:
    ordinary, risky = model.predict_proba([
        day(),
        day(**{"Planned Hours": 12.5, "Moves": 1, "Locations": 2, "Night": 1, "Stunt": 2}),
    ])
    assert risky > ordinary + 0.2


def test_cross_validation_nears_the_ceiling_and_beats_planned_hours() -> None:
    history = read_history(EXAMPLE_HISTORY)
    report = evaluate(history, folds=5)
    assert report.ceiling_auc is not None and report.ceiling_brier is not None
    assert report.model.auc >= report.ceiling_auc - 0.05
    assert report.model.auc > report.baseline.auc
    assert report.model.brier < report.baseline.brier
    assert report.folds == 5 and report.productions == history.productions
    assert sum(b.days for b in report.model.calibration) == len(history)
    assert report.threshold in THRESHOLD_GRID
    assert 0 < report.recall <= 1 and 0 < report.precision <= 1


def test_calibration_table_is_consistent() -> None:
    history = synthetic_history(8)
    report = evaluate(history, folds=3)
    for scores in (report.model, report.baseline):
        assert sum(b.days for b in scores.calibration) == len(history)
        for b in scores.calibration:
            assert b.low <= b.mean_predicted <= b.high
    # The rate of bottlenecks over all bins is the history's rate.
    rate = sum(b.days * b.observed_rate for b in report.model.calibration) / len(history)
    assert rate == pytest.approx(history.labels.mean(), abs=1e-3)


def test_default_model_is_the_example_history_model() -> None:
    model = load_default()
    assert model.features == FEATURES
    history = read_history(EXAMPLE_HISTORY)
    assert model.metadata["training"]["days"] == len(history)
    assert model.metadata["training"]["synthetic"] is True
    evaluation = model.metadata["evaluation"]
    assert evaluation is not None and model.threshold == evaluation["threshold"]
    probabilities = np.array(model.predict_proba(history.features.to_dict(orient="records")))
    flagged = probabilities >= model.threshold
    # The flagged days of the training history overran far more often than the rest.
    assert history.labels[flagged].mean() > 2 * history.labels[~flagged].mean()


def test_a_model_file_from_another_save_is_refused(model: TrainedModel, tmp_path: Path) -> None:
    """Tests D16: a save killed between its two replaces leaves the new model.txt beside the
    old metadata.json; load refuses the pair instead of using a model its metadata misdescribes."""
    folder = save(model, tmp_path / "model")
    old_metadata = (folder / METADATA_FILE).read_text()
    other = train(synthetic_history(), seed=1)
    save(other, folder)
    (folder / METADATA_FILE).write_text(old_metadata)  # as if killed after model.txt
    with pytest.raises(InputError, match=r"is not the model metadata\.json describes"):
        load(folder)
