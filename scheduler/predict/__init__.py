"""Bottleneck prediction: history, model and risk (predict, then optimise).

The features of a day are ``scheduler.day_facts`` (the writers show them too).

- ``history``: ``label_history`` (past productions, labelled) and ``DaysSheet`` (days to score),
  from a ``Days`` sheet that ``scheduler.excel.days`` reads (``read_history``, ``read_days``):
  ``history`` opens no file.
- ``model``: ``train``, ``evaluate`` (cross-validated by production), ``save``, ``load``,
  ``load_default`` (the model shipped in ``default_model/``, trained on SYNTHETIC data).
- ``risk``: ``score_days`` (probability, flag, drivers), ``scene_risk_weights`` (data for the CP
  model), ``true_expected_bottleneck_days`` (the benchmark under the known true process).
- ``synthetic``: the known process behind the synthetic example history.
- ``commands``: ``train_command`` and ``predict_command`` for the CLI.

The names below are imported on first use, so that planning without the predictor does not
load LightGBM and scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "HistoryFrame": "history",
    "DaysSheet": "history",
    "label_history": "history",
    "FEATURES": "model",
    "TrainedModel": "model",
    "EvaluationReport": "model",
    "train": "model",
    "evaluate": "model",
    "save": "model",
    "load": "model",
    "load_default": "model",
    "DayRisk": "risk",
    "score_days": "risk",
    "scene_risk_weights": "risk",
    "true_expected_bottleneck_days": "risk",
    "true_probability": "synthetic",
    "train_command": "commands",
    "predict_command": "commands",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
