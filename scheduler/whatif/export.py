"""A comparison as JSON for programs (``plan-shoot whatif --json``): the rows of the
``Comparison`` sheet with each scenario's effect, notes and solve time, money as numbers in
currency units, dates as ISO text."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from .compare import Comparison


def comparison_document(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON values."""
    return {
        "currency": comparison.currency,
        "time_limit": comparison.time_limit,
        "where": comparison.where,
        "runtime": round(comparison.runtime, 1),
        "interrupted": comparison.interrupted,
        "scenarios": [_plain(asdict(row)) for row in comparison.rows()],
    }


def comparison_to_json(comparison: Comparison) -> str:
    """``comparison_document`` as indented JSON text."""
    return json.dumps(comparison_document(comparison), indent=2, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
