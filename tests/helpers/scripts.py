"""Fixtures of the screenplay tests: the syntax fixture and its FDX twin, the hand-counted one,
and the shared public-domain scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.paths import SHARED

FIXTURES = Path(__file__).resolve().parents[1] / "script" / "fixtures"
DINER_FOUNTAIN = FIXTURES / "diner.fountain"
DINER_FDX = FIXTURES / "diner.fdx"
COUNTED = FIXTURES / "counted.fountain"
SHARED_SCRIPTS = SHARED / "research" / "data" / "scripts"
CYBER_BOB = SHARED_SCRIPTS / "Cyber_Bob_ep00001.fountain"

needs_shared_scripts = pytest.mark.skipif(
    not CYBER_BOB.is_file(),
    reason=f"the shared public-domain screenplays are not at {SHARED_SCRIPTS} (the shared "
           "folder beside the checkout)")
