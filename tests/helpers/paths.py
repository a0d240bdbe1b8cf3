"""Where the tests find the repository's examples and the shared folder beside it."""

from __future__ import annotations

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLES = REPOSITORY / "examples"
SHARED = REPOSITORY / ".." / "shared"
