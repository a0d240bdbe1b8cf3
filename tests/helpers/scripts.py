"""Fixtures of the screenplay tests: the syntax fixture and its FDX twin, the hand-counted one,
and the shared public-domain scripts.

The two Fountain fixtures are written here as text (and put on disk once, in a temporary folder,
for the commands that read a path), so that the repository holds no script files of its own
beside the shared public-domain ones.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.helpers.paths import SHARED

FIXTURES = Path(__file__).resolve().parents[1] / "script" / "fixtures"

# Every Fountain syntax case the importer reads; its FDX twin is ``fixtures/diner.fdx``.
DINER_FOUNTAIN_TEXT = """Title: _**The Night Diner**_
Credit: written by
Author: Test Writer
Draft date: 1 May 2030

/* An old opening, cut:
INT. OLD OPENING - DAY

NOBODY
This scene is in the boneyard.
*/

# ACT ONE

INT. DINER - COUNTER - NIGHT #1#

= Anna opens the diner alone.

ANNA opens up. [[Check the neon sign rig.]] Rain beats on the windows.

ANNA (V.O.)
I never wanted this place.

ANNA (CONT'D)
But here I am.

BEN (O.S.)
Anna? You there?

INT. DINER - KITCHEN - CONTINUOUS #2#

BEN (30s) carries a crate. TOMMY (10) follows him with a puppy.

BEN
Where do these go?

ANNA
Anywhere.

TOMMY ^
Can I keep him?

@McCLANE
Nobody move.

EXT. PARKING LOT--DAWN #3#

A crowd of twenty people waits. A car pulls up.

JOSÉ
¡Buenos días!

===

.SNIPER SCOPE POV #4#

The crosshairs drift over the lot.

ext. rooftop #5#

MARIA looks down.

MARIA
(whispering)
There he is.

> CUT TO:

INT./EXT. BEN'S CAR - MOVING - LATER #6#

Ben drives.

RADIO ANNOUNCER (V.O.)
Traffic is heavy on the bridge.

BEN
Great.

I/E DINER - EVENING #7#

ANNA
Closing time.
"""

# Laid out line by line by the pagination rule, its eighths counted by hand (2/4/4/1/2/2).
COUNTED_TEXT = """INT. KITCHEN - DAY #1#

Line one of action.
Line two of action.

ANNA
Hello there.

BEN
Hi.

EXT. GARDEN - NIGHT #2#

Paragraph 1 line 1.
Paragraph 1 line 2.
Paragraph 1 line 3.
Paragraph 1 line 4.

Paragraph 2 line 1.
Paragraph 2 line 2.
Paragraph 2 line 3.
Paragraph 2 line 4.

Paragraph 3 line 1.
Paragraph 3 line 2.
Paragraph 3 line 3.
Paragraph 3 line 4.

Paragraph 4 line 1.
Paragraph 4 line 2.
Paragraph 4 line 3.
Paragraph 4 line 4.

Paragraph 5 line 1.
Paragraph 5 line 2.
Paragraph 5 line 3.
Paragraph 5 line 4.

INT. HALL - DAY #3#

Hall line 1.
Hall line 2.
Hall line 3.
Hall line 4.
Hall line 5.
Hall line 6.
Hall line 7.
Hall line 8.
Hall line 9.
Hall line 10.
Hall line 11.
Hall line 12.
Hall line 13.
Hall line 14.
Hall line 15.
Hall line 16.
Hall line 17.
Hall line 18.
Hall line 19.
Hall line 20.

===

INT. ATTIC - DAY #4#

Dust.

INT. STAIRS - NIGHT #5#

Two of them.

CARL
One.
Two.
Three.

DANA ^
Uno.

EXT. FIELD - DAY #6#

aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaaaaa

ZED
bbbbbbbbbb bbbbbbbbbb bbbbbbbbbb bbbbbbbbbb bbbbbbbbbb bbbbbbbbbb bbbbbbbbbb bbbbbbbbbb
"""


def _written_fixtures() -> Path:
    """A temporary folder holding the Fountain fixtures, removed when the tests end."""
    folder = Path(tempfile.mkdtemp(prefix="plan-shoot-scripts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    (folder / "diner.fountain").write_text(DINER_FOUNTAIN_TEXT, encoding="utf-8")
    (folder / "counted.fountain").write_text(COUNTED_TEXT, encoding="utf-8")
    return folder


_WRITTEN = _written_fixtures()
DINER_FOUNTAIN = _WRITTEN / "diner.fountain"
DINER_FDX = FIXTURES / "diner.fdx"
COUNTED = _WRITTEN / "counted.fountain"
SHARED_SCRIPTS = SHARED / "research" / "data" / "scripts"
CYBER_BOB = SHARED_SCRIPTS / "Cyber_Bob_ep00001.fountain"

needs_shared_scripts = pytest.mark.skipif(
    not CYBER_BOB.is_file(),
    reason=f"the shared public-domain screenplays are not at {SHARED_SCRIPTS} (the shared "
           "folder beside the checkout)")
