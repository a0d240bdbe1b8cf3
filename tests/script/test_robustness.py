"""Whatever a file holds, the importer returns a checked production or an ``InputError``:
never another exception (which would reach a user as a traceback)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.errors import InputError
from scheduler.script import parse_screenplay
from scheduler.script.breakdown import build_production

# Lines built from the pieces the syntax reacts to, so that the cases are screenplay-like.
PIECES = ["INT. ", "EXT. ", "I/E ", ".", "@", "^", "#1#", "#", "=", "===", "> ", " <", "~",
          "!", "(V.O.)", "(", ")", "[[", "]]", "/*", "*/", " - ", "--", "DAY", "NIGHT",
          "CONTINUOUS", "BOB", "ANNA (10)", "Title:", "\t", "  ", "crowd", "é", "\r", ":"]
LINE = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=6).map("".join)
SCRIPT = st.lists(LINE, max_size=40).map("\n".join)


def import_text(raw: bytes, name: str) -> None:
    try:
        imported = build_production(parse_screenplay(raw, name), today=date(2030, 1, 1))
    except InputError as error:
        assert error.problems  # a refusal says why
        return
    production = imported.production
    assert production.scenes
    assert all(scene.eighths >= 1 for scene in production.scenes if scene.eighths is not None)


@settings(max_examples=150, deadline=None)
@given(SCRIPT)
def test_any_fountain_text_imports_or_is_refused(text: str) -> None:
    import_text(text.encode("utf-8", errors="surrogatepass"), "fuzz.fountain")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_import_or_are_refused(raw: bytes) -> None:
    import_text(raw, "fuzz.fountain")
    import_text(raw, "fuzz.fdx")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(['<Paragraph Type="Scene Heading">', "<Text>", "</Text>",
                                 "</Paragraph>", '<SceneProperties Length="1 3/8"/>',
                                 '<Paragraph Type="Character">', "INT. A - DAY", "BOB",
                                 "<DualDialogue>", "</DualDialogue>", "&amp;", "x"]),
                max_size=30).map("".join))
def test_any_fdx_content_imports_or_is_refused(body: str) -> None:
    raw = f"<FinalDraft><Content>{body}</Content></FinalDraft>".encode()
    import_text(raw, "fuzz.fdx")
