"""The Fountain reader: every syntax case of fountain.io, and what messy scripts do."""

from __future__ import annotations

import pytest

from scheduler.script import parse_screenplay, read_screenplay
from scheduler.script.fountain import character_name, extensions_of, parse_fountain, plain
from scheduler.script.screenplay import Kind, ScriptScene
from tests.helpers.scripts import DINER_FOUNTAIN


def kinds(scene: ScriptScene) -> list[Kind]:
    return [element.kind for element in scene.elements]


def test_the_title_page_gives_the_title_without_emphasis() -> None:
    screenplay = read_screenplay(DINER_FOUNTAIN)
    assert screenplay.title == "The Night Diner"
    assert screenplay.title_page["author"] == "Test Writer"
    assert screenplay.title_page["draft date"] == "1 May 2030"


def test_multi_line_title_page_values_are_joined() -> None:
    screenplay = parse_fountain("Title:\n\tFIRST LINE\n\tSECOND LINE\nAuthor: Me\n\n"
                                "INT. ROOM - DAY\n\nA chair.\n", "t.fountain")
    assert screenplay.title == "FIRST LINE / SECOND LINE"
    assert [scene.heading for scene in screenplay.scenes] == ["INT. ROOM - DAY"]


def test_headings_numbers_boneyard_sections_and_forced_headings() -> None:
    screenplay = read_screenplay(DINER_FOUNTAIN)
    assert [(s.number, s.heading) for s in screenplay.scenes] == [
        ("1", "INT. DINER - COUNTER - NIGHT"), ("2", "INT. DINER - KITCHEN - CONTINUOUS"),
        ("3", "EXT. PARKING LOT--DAWN"), ("4", "SNIPER SCOPE POV"), ("5", "ext. rooftop"),
        ("6", "INT./EXT. BEN'S CAR - MOVING - LATER"), ("7", "I/E DINER - EVENING")]
    assert [s.line for s in screenplay.scenes] == [15, 30, 46, 55, 59, 69, 79]


def test_notes_are_cut_and_synopses_kept() -> None:
    first = read_screenplay(DINER_FOUNTAIN).scenes[0]
    action = next(e for e in first.elements if e.kind is Kind.ACTION)
    assert action.text == "ANNA opens up.  Rain beats on the windows."
    assert first.synopsis == "Anna opens the diner alone."


def test_dialogue_cues_extensions_dual_and_forced_characters() -> None:
    scenes = read_screenplay(DINER_FOUNTAIN).scenes
    cues = [(e.text, e.dual) for e in scenes[1].elements if e.kind is Kind.CHARACTER]
    assert cues == [("BEN", False), ("ANNA", False), ("TOMMY ^", True), ("@McCLANE", False)]
    assert kinds(scenes[4]) == [Kind.HEADING, Kind.ACTION, Kind.CHARACTER, Kind.PARENTHETICAL,
                                Kind.DIALOGUE, Kind.TRANSITION]


def test_page_break_is_an_element() -> None:
    scenes = read_screenplay(DINER_FOUNTAIN).scenes
    assert kinds(scenes[2])[-1] is Kind.PAGE_BREAK


def test_windows_line_ends_and_a_byte_order_mark_read_the_same() -> None:
    raw = DINER_FOUNTAIN.read_bytes()
    windows = b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")
    unix, crlf = parse_screenplay(raw, "a.fountain"), parse_screenplay(windows, "a.fountain")
    assert [(s.heading, s.line, s.elements) for s in crlf.scenes] == [
        (s.heading, s.line, s.elements) for s in unix.scenes]
    assert crlf.title == unix.title


def test_text_that_is_not_utf8_is_read_as_windows_1252_and_noted() -> None:
    raw = "INT. CAFÉ - DAY\n\nJOSÉ\nHola.\n".encode("cp1252")
    screenplay = parse_screenplay(raw, "old.fountain")
    assert screenplay.scenes[0].heading == "INT. CAFÉ - DAY"
    assert any("Windows-1252" in note for note in screenplay.notes)


def test_heading_without_a_blank_line_after_it_is_still_a_heading() -> None:
    screenplay = parse_fountain("INT. ROOM - DAY\nA chair.\n\nEXT. YARD - NIGHT\n\nDark.\n",
                                "t.fountain")
    assert [s.heading for s in screenplay.scenes] == ["INT. ROOM - DAY", "EXT. YARD - NIGHT"]
    assert kinds(screenplay.scenes[0]) == [Kind.HEADING, Kind.ACTION]


def test_centred_text_lyrics_and_forced_action() -> None:
    screenplay = parse_fountain("INT. ROOM - DAY\n\n> THE END <\n\n~La la la\n\n!SHOUTING "
                                "IN CAPS\nstill action\n", "t.fountain")
    assert kinds(screenplay.scenes[0]) == [Kind.HEADING, Kind.CENTERED, Kind.LYRIC, Kind.ACTION]


def test_a_boneyard_left_open_hides_nothing() -> None:
    screenplay = parse_fountain("INT. ROOM - DAY\n\n/* never closed\n\nEXT. YARD - DAY\n\nX.\n",
                                "t.fountain")
    assert len(screenplay.scenes) == 2


@pytest.mark.parametrize(("cue", "name", "extensions"), [
    ("BOB (V.O.)", "BOB", ["VO"]), ("BOB (CONT'D)", "BOB", ["CONTD"]),
    ("MARY JANE (O.S.) (CONT'D)", "MARY JANE", ["OS", "CONTD"]), ("@McCLANE", "McCLANE", []),
    ("TOMMY ^", "TOMMY", []), ("JOSÉ (cont'd)", "JOSÉ", ["CONTD"]),
])
def test_character_names_lose_their_extensions(cue: str, name: str,
                                               extensions: list[str]) -> None:
    assert character_name(cue) == name
    assert extensions_of(cue) == extensions


def test_emphasis_marks_are_removed() -> None:
    assert plain("**bold** *italic* _under_ ***both***") == "bold italic under both"


def test_a_heading_in_capitals_starts_a_scene_without_a_blank_line_before_it() -> None:
    screenplay = parse_fountain("INT. ROOM - DAY\n\nQuiet.\n\nCUT TO:\nEXT. YARD - NIGHT\n\n"
                                "BOB\nHi.\nINT. is a word here.\n", "t.fountain")
    assert [s.heading for s in screenplay.scenes] == ["INT. ROOM - DAY", "EXT. YARD - NIGHT"]
    speech = screenplay.scenes[1].elements[-1]
    assert (speech.kind, speech.text) == (Kind.DIALOGUE, "Hi.\nINT. is a word here.")


def test_scene_numbers_printed_around_a_heading_are_read() -> None:
    screenplay = parse_fountain("12 INT. HOUSE - DAY 12\n\nQuiet.\n\n12A EXT. ROAD - DAY\n\n"
                                "Dust.\n\n13 INT. CAR - DAY 14\n\nNot a heading.\n",
                                "t.txt")
    assert [(s.number, s.heading) for s in screenplay.scenes] == [
        ("12", "INT. HOUSE - DAY"), ("12A", "EXT. ROAD - DAY")]
