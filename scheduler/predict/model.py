"""The bottleneck model: train, evaluate by production, save and load (no pickle).

A small LightGBM classifier on the day features of ``spec/outputs.md``, kept outside the CP model
(predict, then optimise): its probabilities become data (flags on call sheets, risk weights of
scenes), never hard rules.  The model may only rise with the load of a day (planned hours, pages,
company moves, extras): monotone constraints say so, so a longer day is never predicted safer.

``evaluate`` is honest about what the model knows: grouped cross-validation never splits a
production, so every prediction is for a production the model has not seen.  It compares the
model with a planned-hours-only logistic regression (what a producer's rule of thumb knows) and,
on a synthetic history whose true probabilities are known, with the ceiling AUC.

``save`` writes LightGBM's text model and a ``metadata.json``; ``load`` reads them back with
``lgb.Booster(model_str=...)``, never pickle, so a model directory is safe to share.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np
import numpy.typing as npt
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

from ..day_facts import FEATURE_NAMES
from ..days_sheet import DECIMAL_KINDS, FEATURE_KINDS
from ..errors import InputError, Problem
from .history import HistoryFrame

logger = logging.getLogger("scheduler")

FEATURES: tuple[str, ...] = FEATURE_NAMES
# The load of a day: more of any of these never makes a day safer.
LOAD_FEATURES = ("Planned Hours", "Pages", "Moves", "Extras")

NUM_TREES = 250
# Small and regularised: a history has a few thousand days at most.  Deterministic on one thread.
PARAMS: dict[str, Any] = {
    "objective": "binary",
    "num_leaves": 7,
    "learning_rate": 0.03,
    "min_data_in_leaf": 30,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "monotone_constraints": [1 if name in LOAD_FEATURES else 0 for name in FEATURES],
    "monotone_constraints_method": "basic",  # strict: never lower the probability
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "verbose": -1,
}

DEFAULT_THRESHOLD = 0.5
THRESHOLD_GRID = tuple(round(0.05 + 0.01 * step, 2) for step in range(91))
CALIBRATION_BINS = 10

MODEL_FILE = "model.txt"
METADATA_FILE = "metadata.json"
MAX_MODEL_BYTES = 50 * 1024 * 1024  # a model of a few hundred trees is well under 1 MB
MAX_METADATA_BYTES = 1024 * 1024
MODEL_HASH = "model_sha256"  # in metadata.json: the hash of the model.txt saved with it
MODEL_FORMAT = "plan-shoot bottleneck model 1"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "default_model"


def _booster_name(feature: str) -> str:
    return feature.replace(" ", "_")  # LightGBM feature names may not hold spaces


# ----- the trained model ------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainedModel:
    """A trained booster and what is known about it.

    Attributes
    ----------
    booster
        The LightGBM booster (binary objective: it predicts probabilities).
    metadata
        ``features``, ``threshold`` (a day at or above it is flagged), ``typical_day`` (the
        median day of the history), versions, training facts and the evaluation when known.
    """

    booster: lgb.Booster
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(self.metadata.get("features", FEATURES))

    @property
    def threshold(self) -> float:
        return float(self.metadata.get("threshold", DEFAULT_THRESHOLD))

    @property
    def typical_day(self) -> dict[str, float]:
        """The median day of the training history (used to weigh single scenes)."""
        return {name: float(value) for name, value in self.metadata["typical_day"].items()}

    def matrix(self, rows: Sequence[Mapping[str, float]]) -> npt.NDArray[np.float64]:
        """The feature matrix of day rows, in the model's feature order."""
        missing = [name for name in self.features if rows and name not in rows[0]]
        if missing:
            raise ValueError(f"day features lack {', '.join(missing)}")
        return np.array([[float(row[name]) for name in self.features] for row in rows],
                        dtype=float).reshape(len(rows), len(self.features))

    def predict_proba(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        """Bottleneck probability of each day.

        Parameters
        ----------
        rows
            Day features keyed by feature name (as ``day_features`` returns them).

        Returns
        -------
        list[float]
            One probability per row.
        """
        if not rows:
            return []
        return [float(p) for p in self.booster.predict(self.matrix(rows))]

    def contributions(self, rows: Sequence[Mapping[str, float]]) -> npt.NDArray[np.float64]:
        """Each feature's SHAP contribution to each day's log-odds; the last column is the bias."""
        if not rows:
            return np.zeros((0, len(self.features) + 1))
        return np.asarray(self.booster.predict(self.matrix(rows), pred_contrib=True),
                          dtype=float)


def train(history: HistoryFrame, seed: int = 0, *, threshold: float = DEFAULT_THRESHOLD,
          threshold_rule: str = "default", evaluation: EvaluationReport | None = None
          ) -> TrainedModel:
    """Train the bottleneck model on every day of a history.

    Parameters
    ----------
    history
        Labelled days of past productions.
    seed
        Seed of LightGBM's bagging and feature sampling: the same seed gives the same model.
    threshold
        Decision threshold stored with the model (``train_command`` passes the F1-optimal one
        found by ``evaluate``).
    threshold_rule
        How the threshold was chosen, for the metadata.
    evaluation
        The cross-validated evaluation to store with the model, when there is one.

    Returns
    -------
    TrainedModel
        The booster and its metadata.
    """
    booster = _fit(history.features.to_numpy(dtype=float), history.labels, seed)
    labels = history.labels
    metadata: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "features": list(FEATURES),
        "threshold": threshold,
        "threshold_rule": threshold_rule,
        "tolerance_hours": history.tolerance_hours,
        "seed": seed,
        "num_trees": NUM_TREES,
        "params": {k: v for k, v in PARAMS.items() if k != "verbose"},
        "lightgbm_version": lgb.__version__,
        "sklearn_version": sklearn.__version__,
        "trained_at": datetime.now(UTC).date().isoformat(),
        "training": {
            "source": Path(history.source).name,
            "days": len(history),
            "productions": history.productions,
            "bottleneck_rate": round(float(labels.mean()), 4),
            # A history with known true probabilities is the synthetic example, not real data.
            "synthetic": history.true_probability is not None,
        },
        "typical_day": _typical_day(history),
        "evaluation": evaluation.to_dict() if evaluation is not None else None,
    }
    return TrainedModel(booster, metadata)


def _fit(features: npt.NDArray[np.float64], labels: npt.NDArray[np.int_],
         seed: int) -> lgb.Booster:
    dataset = lgb.Dataset(features, labels, feature_name=[_booster_name(f) for f in FEATURES],
                          params={"verbose": -1})
    return lgb.train({**PARAMS, "seed": seed}, dataset, num_boost_round=NUM_TREES)


def _typical_day(history: HistoryFrame) -> dict[str, float]:
    """The median of every feature; counts and flags stay whole."""
    medians = history.features.median()
    return {name: round(float(medians[name]), 4) if FEATURE_KINDS[name] in DECIMAL_KINDS
            else float(round(float(medians[name]))) for name in FEATURES}


# ----- evaluation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalibrationBin:
    """Days whose predicted probability fell in ``[low, high)``, and how often they overran."""

    low: float
    high: float
    days: int
    mean_predicted: float
    observed_rate: float


@dataclass(frozen=True)
class Scores:
    """Out-of-fold quality of one predictor."""

    auc: float
    brier: float
    calibration: tuple[CalibrationBin, ...]


@dataclass(frozen=True)
class EvaluationReport:
    """Grouped cross-validation of the model against the planned-hours baseline and the ceiling.

    Attributes
    ----------
    days, productions, bottleneck_rate, folds
        The history and how it was split (no production is ever split).
    model
        The LightGBM model's out-of-fold AUC, Brier score and reliability table.
    baseline
        The same for a logistic regression on ``Planned Hours`` alone.
    ceiling_auc, ceiling_brier
        AUC and Brier score of the true probabilities (synthetic histories only): no model can
        expect to do better.
    threshold
        The F1-optimal decision threshold on the out-of-fold predictions.
    precision, recall, flagged_share
        At that threshold: share of flagged days that overran, share of overruns flagged, share
        of days flagged.
    """

    days: int
    productions: int
    bottleneck_rate: float
    folds: int
    model: Scores
    baseline: Scores
    ceiling_auc: float | None
    ceiling_brier: float | None
    threshold: float
    precision: float
    recall: float
    flagged_share: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for ``metadata.json``)."""
        return asdict(self)

    def lines(self) -> list[str]:
        """The report in a producer's words, one line each (the CLI prints them)."""
        lines = [
            f"history: {self.days} days of {self.productions} productions, "
            f"{self.bottleneck_rate:.0%} of them bottlenecks",
            f"cross-validation: {self.folds} folds, whole productions held out",
            f"model AUC {self.model.auc:.3f}, Brier {self.model.brier:.3f}",
            f"planned-hours-only baseline AUC {self.baseline.auc:.3f}, "
            f"Brier {self.baseline.brier:.3f}",
        ]
        if self.ceiling_auc is not None and self.ceiling_brier is not None:
            lines.append(f"ceiling (true probabilities) AUC {self.ceiling_auc:.3f}, "
                         f"Brier {self.ceiling_brier:.3f}")
        lines.append(f"flag threshold {self.threshold:.2f} (best F1): flags "
                     f"{self.flagged_share:.0%} of days, catches {self.recall:.0%} of overruns, "
                     f"{self.precision:.0%} of flagged days overran")
        lines.append("calibration (predicted -> observed):")
        lines += [f"  {b.low:.1f}-{b.high:.1f}: {b.days:4d} days, predicted "
                  f"{b.mean_predicted:.0%}, observed {b.observed_rate:.0%}"
                  for b in self.model.calibration]
        return lines


def evaluate(history: HistoryFrame, folds: int = 5, seed: int = 0) -> EvaluationReport:
    """Cross-validate the model by production.

    Parameters
    ----------
    history
        Labelled days of at least two productions, with both outcomes present.
    folds
        Number of folds, at least 2 (fewer when there are fewer productions).
    seed
        Seed of the models trained on each fold.

    Returns
    -------
    EvaluationReport
        AUC, Brier score and calibration of the model and the baseline, the ceiling when the
        true probabilities are known, and the F1-optimal threshold.
    """
    if folds < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    features = history.features.to_numpy(dtype=float)
    labels = history.labels
    hours = features[:, FEATURES.index("Planned Hours")].reshape(-1, 1)
    splits = min(folds, history.productions)
    model_predictions = np.zeros(len(labels))
    baseline_predictions = np.zeros(len(labels))
    for train_rows, test_rows in GroupKFold(n_splits=splits).split(features, labels,
                                                                    history.groups):
        booster = _fit(features[train_rows], labels[train_rows], seed)
        model_predictions[test_rows] = booster.predict(features[test_rows])
        baseline_predictions[test_rows] = _hours_baseline(hours[train_rows], labels[train_rows],
                                                          hours[test_rows])
    truth = history.true_probability
    threshold, precision, recall, flagged = _best_threshold(labels, model_predictions)
    report = EvaluationReport(
        days=len(labels),
        productions=history.productions,
        bottleneck_rate=round(float(labels.mean()), 4),
        folds=splits,
        model=_scores(labels, model_predictions),
        baseline=_scores(labels, baseline_predictions),
        ceiling_auc=float(roc_auc_score(labels, truth)) if truth is not None else None,
        ceiling_brier=float(brier_score_loss(labels, truth)) if truth is not None else None,
        threshold=threshold,
        precision=precision,
        recall=recall,
        flagged_share=flagged,
    )
    logger.info("bottleneck model: AUC %.3f (baseline %.3f, ceiling %s)", report.model.auc,
                report.baseline.auc, report.ceiling_auc)
    return report


def _hours_baseline(train_hours: npt.NDArray[np.float64], train_labels: npt.NDArray[np.int_],
                    test_hours: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    if len(set(train_labels.tolist())) < 2:
        return np.full(len(test_hours), float(train_labels.mean()))
    regression = LogisticRegression().fit(train_hours, train_labels)
    probabilities: npt.NDArray[np.float64] = regression.predict_proba(test_hours)[:, 1]
    return probabilities


def _scores(labels: npt.NDArray[np.int_], predictions: npt.NDArray[np.float64]) -> Scores:
    return Scores(float(roc_auc_score(labels, predictions)),
                  float(brier_score_loss(labels, predictions)),
                  _calibration(labels, predictions))


def _calibration(labels: npt.NDArray[np.int_],
                 predictions: npt.NDArray[np.float64]) -> tuple[CalibrationBin, ...]:
    bins = np.minimum((predictions * CALIBRATION_BINS).astype(int), CALIBRATION_BINS - 1)
    table = []
    for index in range(CALIBRATION_BINS):
        inside = bins == index
        if inside.any():
            table.append(CalibrationBin(
                low=index / CALIBRATION_BINS, high=(index + 1) / CALIBRATION_BINS,
                days=int(inside.sum()),
                mean_predicted=round(float(predictions[inside].mean()), 4),
                observed_rate=round(float(labels[inside].mean()), 4)))
    return tuple(table)


def _best_threshold(labels: npt.NDArray[np.int_],
                    predictions: npt.NDArray[np.float64]) -> tuple[float, float, float, float]:
    """The threshold of best F1 (ties go to the higher one: fewer false alarms), with its
    precision, recall and share of days flagged."""
    best = (-1.0, DEFAULT_THRESHOLD, 0.0, 0.0, 0.0)
    positives = int(labels.sum())
    for threshold in THRESHOLD_GRID:
        flagged = predictions >= threshold
        hits = int((flagged & (labels == 1)).sum())
        if not flagged.any() or not positives:
            continue
        precision, recall = hits / int(flagged.sum()), hits / positives
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        if f1 >= best[0]:
            best = (f1, threshold, precision, recall, float(flagged.mean()))
    _, threshold, precision, recall, share = best
    return threshold, round(precision, 4), round(recall, 4), round(share, 4)


# ----- save and load ----------------------------------------------------------------------------


def save(model: TrainedModel, directory: str | Path) -> Path:
    """Write ``model.txt`` (LightGBM's text model) and ``metadata.json`` into ``directory``.

    Each file is written to a temporary name and moved into place, so a crash never leaves a
    half-written model.

    Returns
    -------
    Path
        The directory.
    """
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise InputError([Problem(str(target), "is a file; the model goes into a folder")])
    try:
        target.mkdir(parents=True, exist_ok=True)
        model_text = model.booster.model_to_string()
        # The metadata names its model file by hash, and is written second: a save killed
        # between the two replaces leaves a pair that ``load`` refuses, not a mismatched model.
        metadata = {**model.metadata, MODEL_HASH: _sha256(model_text)}
        _write_atomically(target / MODEL_FILE, model_text)
        _write_atomically(target / METADATA_FILE,
                          json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        raise InputError([Problem(str(target), f"cannot write the model there "
                                               f"({error.strerror})")]) from error
    logger.info("bottleneck model saved to %s", target)
    return target


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def load(directory: str | Path) -> TrainedModel:
    """Read a model written by ``save`` (no pickle: LightGBM's text format and JSON).

    Raises
    ------
    InputError
        When the folder holds no model, or one made for other features.
    """
    folder = Path(directory)
    texts = {name: _read_model_file(folder / name, limit)
             for name, limit in ((MODEL_FILE, MAX_MODEL_BYTES),
                                 (METADATA_FILE, MAX_METADATA_BYTES))}
    return _from_texts(texts[MODEL_FILE], texts[METADATA_FILE], str(folder))


def _read_model_file(path: Path, limit: int) -> str:
    """The text of a file of a model folder, refused when it is larger than any model saved
    by ``save`` or is not UTF-8 text."""
    try:
        if path.stat().st_size > limit:
            raise InputError([Problem(str(path), f"is larger than {limit // 1024 // 1024} MB; "
                                                 "it is not a bottleneck model saved by "
                                                 "plan-shoot train")])
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError([Problem(str(path), f"cannot read the bottleneck model "
                                             f"({error.strerror}); train one with plan-shoot "
                                             "train")]) from error
    except UnicodeDecodeError as error:
        raise InputError([Problem(str(path), "is not text; it is not a bottleneck model saved "
                                             "by plan-shoot train")]) from error


def load_default() -> TrainedModel:
    """The model shipped with plan-shoot, trained on the SYNTHETIC example history."""
    folder = resources.files(__package__ or "scheduler.predict") / "default_model"
    return _from_texts((folder / MODEL_FILE).read_text(encoding="utf-8"),
                       (folder / METADATA_FILE).read_text(encoding="utf-8"),
                       "the default bottleneck model")


def _from_texts(model_text: str, metadata_text: str, where: str) -> TrainedModel:
    try:
        metadata = json.loads(metadata_text)
    except json.JSONDecodeError as error:
        raise InputError([Problem(f"{where}/{METADATA_FILE}",
                                  f"is not valid JSON ({error.msg})")]) from error
    except (ValueError, RecursionError) as error:  # a 5,000-digit number, deep nesting
        raise InputError([Problem(f"{where}/{METADATA_FILE}",
                                  "is not the metadata of a bottleneck model (it nests too "
                                  "deep or holds a number too long)")]) from error
    if not isinstance(metadata, dict) or metadata.get("format") != MODEL_FORMAT:
        raise InputError([Problem(f"{where}/{METADATA_FILE}",
                                  f'is not a plan-shoot bottleneck model ("{MODEL_FORMAT}")')])
    if tuple(metadata.get("features", ())) != FEATURES:
        raise InputError([Problem(f"{where}/{METADATA_FILE}",
                                  "the model was trained on other day features than this "
                                  "version of plan-shoot computes; train it again")])
    try:
        booster = lgb.Booster(model_str=model_text)
    except lgb.basic.LightGBMError as error:
        raise InputError([Problem(f"{where}/{MODEL_FILE}",
                                  f"is not a LightGBM text model ({error})")]) from error
    if booster.feature_name() != [_booster_name(f) for f in FEATURES]:
        raise InputError([Problem(f"{where}/{MODEL_FILE}",
                                  "its features do not match metadata.json; train it again")])
    expected = metadata.pop(MODEL_HASH, None)  # absent from models saved before it was added
    if expected is not None and expected != _sha256(model_text):
        raise InputError([Problem(f"{where}/{MODEL_FILE}",
                                  f"is not the model {METADATA_FILE} describes (a save was "
                                  "interrupted); train it again")])
    return TrainedModel(booster, metadata)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
