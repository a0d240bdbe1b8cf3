"""Tiny USS documents built in code, in the documentation's form or the samples' form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers.paths import SHARED

SHARED_USS = SHARED / "research" / "data" / "uss"
FULL_SAMPLE = SHARED_USS / "full_sample_schedule.uss"
SMALL_SAMPLE = SHARED_USS / "small_sample_schedule.uss"

CATEGORIES = {  # id: (name, ucid)
    "cat-set": ("Set", 0), "cat-ie": ("INT/EXT", 1), "cat-dn": ("Day/Night", 2),
    "cat-unit": ("Unit", 4), "cat-loc": ("Location", 6), "cat-cast": ("Cast Members", 100),
    "cat-bg": ("Background Actors", 101), "cat-stunts": ("Stunts", 102),
    "cat-props": ("Props", 104),
}


def element(element_id: str, category: str, name: str, board_id: str = "",
            **extra: Any) -> dict[str, Any]:
    """An element in the documentation's form; ``category`` is a key of ``CATEGORIES``."""
    return {"id": element_id, "created": None, "doodDropAllow": False, "doodDropDays": 10,
            "doodHoldAllow": True, "doodInclude": True, "elementId": board_id,
            "elementIdLock": False, "events": [], "linkedElements": [], "name": name,
            "_category": category, **extra}


def strip(strip_id: str, scene: str, pages: float, elements: list[str],
          **extra: Any) -> dict[str, Any]:
    return {"id": strip_id, "comments": None, "created": None, "description": f"scene {scene}",
            "elements": elements, "pages": pages, "scene": scene, "scriptPage": None,
            "time": None, "type": "scene", **extra}


def day_break(strip_id: str) -> dict[str, Any]:
    return {"id": strip_id, "type": "day", "created": None, "elements": [], "pages": None,
            "scene": None, "description": None, "time": None}


def tiny_elements() -> list[dict[str, Any]]:
    return [
        element("e-int", "cat-ie", "INT"), element("e-ext", "cat-ie", "EXT"),
        element("e-ei", "cat-ie", "E/I"),
        element("e-day", "cat-dn", "DAY"), element("e-night", "cat-dn", "NIGHT"),
        element("e-evening", "cat-dn", "EVENING"), element("e-magic", "cat-dn", "MAGIC HOUR"),
        element("e-kitchen", "cat-set", "HOUSE - KITCHEN"),
        element("e-porch", "cat-set", "HOUSE - PORCH"), element("e-bank", "cat-set", "BANK"),
        element("e-bridge", "cat-set", "BRIDGE"),
        element("e-stage", "cat-loc", "Stage 5"),
        element("e-george", "cat-cast", "GEORGE", "1", doodDropAllow=True),
        element("e-mary", "cat-cast", "MARY", "2", daysOff=[5]),
        element("e-potter", "cat-cast", "POTTER", "3", events=[
            {"id": "ev1", "type": "dayOff", "name": "dayOff", "date": "2026-03-04T08:00:00Z"}]),
        element("e-crowd", "cat-bg", "25 Pedestrians"), element("e-nurse", "cat-bg", "Nurse"),
        element("e-stunt", "cat-stunts", "Stunt Double"),
        element("e-second", "cat-unit", "Second"), element("e-cane", "cat-props", "Cane"),
    ]


def tiny_strips() -> list[dict[str, Any]]:
    return [
        strip("s1", "1", 1.5, ["e-int", "e-day", "e-kitchen", "e-george", "e-mary", "e-cane"]),
        strip("s2", "2", 0.375, ["e-ext", "e-night", "e-porch", "e-george", "e-crowd",
                                 "e-nurse"]),
        strip("s3", "2", 2.0, ["e-int", "e-day", "e-bank", "e-potter", "e-stage"]),
        strip("s4", "", 0.25, ["e-ei", "e-evening", "e-bridge", "e-george", "e-stunt",
                               "e-second"]),
        strip("s5", "5", 0.625, ["e-ext", "e-magic", "e-bridge", "e-mary"], time=5_400_000),
        {"id": "banner", "type": "banner", "description": "WEEK ONE", "elements": [],
         "pages": None, "scene": None},
    ]


def tiny_calendar(calendar_id: str = "cal1") -> dict[str, Any]:
    """Starts Monday 2 Mar 2026, weekends off, a holiday on Wednesday 4 Mar, travel on 5 Mar."""
    return {"id": calendar_id, "name": "Start 2 Mar", "daysOff": [0, 6], "events": [
        {"id": "c1", "type": "start", "name": None, "date": "2026-03-02T08:00:00.000Z"},
        {"id": "c2", "type": "dayOff", "name": "holiday", "date": "2026-03-04T08:00:00.000Z"},
        {"id": "c3", "type": "event", "name": "travel", "date": "2026-03-05T08:00:00.000Z"},
    ]}


def tiny_document(spec_form: bool = True) -> dict[str, Any]:
    """Five strips (two share scene number 2, one has none) and one banner, three cast, a
    calendar and two stripboards: "Human" (3 days: s1 s3 | s2 | s4 s5) and "Order" (no days).

    ``spec_form``: categories list their elements, boards are flat lists with day strips;
    otherwise elements name their category and boards are per-day arrays (the samples)."""
    elements = tiny_elements()
    strips = tiny_strips()
    categories = [{"id": cid, "name": name, "ucid": ucid, "created": None,
                   **({"elements": [e["id"] for e in elements if e["_category"] == cid]}
                      if spec_form else {})}
                  for cid, (name, ucid) in CATEGORIES.items()]
    for item in elements:
        category = item.pop("_category")
        if not spec_form:
            item["category"] = category
    if spec_form:
        strips += [day_break("d1"), day_break("d2")]
        human = {"id": "b1", "name": "stripboard",
                 "breakdownIds": ["s1", "s3", "d1", "s2", "d2", "banner", "s4", "s5"]}
    else:
        human = {"id": "b1", "name": "stripboard",
                 "breakdownArrays": [["s1", "s3"], "s2", [], [], ["s4", "s5"]]}
    boneyard = {"id": "b2", "name": "boneyard", "breakdownIds": []}
    order = {"id": "b3", "name": "stripboard",
             "breakdownIds": ["s1", "s2", "s3", "s4", "s5", "banner"]}
    return {"universalScheduleStandard": {
        "id": "doc1", "project": "Tiny Life", "name": "Tiny", "version": "1.0.0",
        "breakdowns": strips, "categories": categories, "elements": elements,
        "calendars": [tiny_calendar()],
        "stripboards": [
            {"id": "sb1", "name": "Human", "calendar": "cal1", "boards": [human, boneyard]},
            {"id": "sb2", "name": "Order", "calendar": "cal1", "boards": [order]},
        ],
    }}


def write_uss_file(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
