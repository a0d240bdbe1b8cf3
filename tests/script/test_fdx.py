"""The Final Draft reader: exact eighths, tagged elements, dual dialogue, and hostile XML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scheduler.data import Production
from scheduler.errors import InputError
from scheduler.script import import_script, parse_screenplay, read_screenplay
from scheduler.script.fdx import eighths_of
from scheduler.script.screenplay import Kind
from tests.helpers.scripts import DINER_FDX, DINER_FOUNTAIN

TODAY = date(2030, 1, 1)
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&lol3;</Text></Paragraph></Content>
</FinalDraft>
"""


def fdx(paragraphs: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<FinalDraft DocumentType="Script">\n'
            f"<Content>\n{paragraphs}\n</Content>\n</FinalDraft>\n").encode()


def problems(raw: bytes, name: str = "bad.fdx") -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_screenplay(raw, name)
    return [str(problem) for problem in caught.value.problems]


def test_scene_properties_give_exact_eighths() -> None:
    production = import_script(DINER_FDX, today=TODAY).production
    stated = {"1": 3, "2": 2, "3": 9, "4": 1, "5": 2, "7": 1}
    assert {s.id: s.eighths for s in production.scenes if s.id in stated} == stated


def test_a_scene_without_scene_properties_is_counted_from_the_page() -> None:
    production = import_script(DINER_FDX, today=TODAY).production
    assert production.scene_by_id["6"].eighths == 2
    assert any("pages of 1 scene(s) counted" in note for note in production.notices)


@pytest.mark.parametrize(("written", "eighths"), [("1 3/8", 11), ("3/8", 3), ("2", 16),
                                                  (" 0 7/8 ", 7), ("1 9/8", None),
                                                  ("one", None), ("1.5", None)])
def test_lengths(written: str, eighths: int | None) -> None:
    assert eighths_of(written) == eighths


def test_the_fountain_and_fdx_of_one_screenplay_give_the_same_breakdown() -> None:
    fountain = import_script(DINER_FOUNTAIN, today=TODAY).production
    final_draft = import_script(DINER_FDX, today=TODAY).production

    def breakdown(production: Production) -> tuple[list[object], ...]:
        scenes = [(s.id, s.int_ext, s.day_night, s.set_name, s.location, s.cast)
                  for s in production.scenes]
        cast = [(m.id, m.character) for m in production.cast]
        return scenes, cast, [location.id for location in production.locations]

    assert breakdown(fountain) == breakdown(final_draft)
    assert fountain.settings.title == final_draft.settings.title == "The Night Diner"


def test_tagged_elements_become_tags_and_extras() -> None:
    production = import_script(DINER_FDX, today=TODAY).production
    assert "animal" in production.scene_by_id["2"].tags
    assert production.scene_by_id["3"].extras == 20
    notes = production.notices
    assert "diner.fdx:68: tagged extras 20 Waiting Customers: 20 extras" in notes
    assert ("diner.fdx:29: tagged Props: Crate of bottles; not used by the planner (kept here "
            "for the departments)") in notes


def test_dual_dialogue_marks_the_second_speaker() -> None:
    kitchen = read_screenplay(DINER_FDX).scenes[1]
    cues = [(e.text, e.dual) for e in kitchen.elements if e.kind is Kind.CHARACTER]
    assert cues == [("BEN", False), ("ANNA", False), ("TOMMY", True), ("McCLANE", False)]


def test_billion_laughs_is_refused() -> None:
    found = problems(BILLION_LAUGHS)
    assert len(found) == 1 and "document type or entities" in found[0]


def test_external_entities_are_refused() -> None:
    raw = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           b"<FinalDraft><Content/></FinalDraft>")
    assert "document type or entities" in problems(raw)[0]


def test_broken_xml_is_located_by_line() -> None:
    raw = fdx('<Paragraph Type="Action">\n<Text>unclosed</Paragraph>')
    assert problems(raw)[0].startswith("bad.fdx:5: not well-formed XML")


def test_xml_that_is_not_final_draft_is_refused() -> None:
    assert "not a Final Draft screenplay" in problems(b"<svg><g/></svg>")[0]


def test_every_bad_length_is_located_at_its_heading() -> None:
    raw = fdx('<Paragraph Type="Scene Heading"><SceneProperties Length="lots"/>'
              "<Text>INT. A - DAY</Text></Paragraph>\n"
              '<Paragraph Type="Scene Heading"><SceneProperties Length="1 9/8"/>'
              "<Text>INT. B - DAY</Text></Paragraph>")
    found = problems(raw)
    assert [line.split(": ")[0] for line in found] == ["bad.fdx:4", "bad.fdx:5"]
    assert 'scene length "lots"' in found[0]


def test_an_fdx_without_scene_headings_is_not_a_screenplay(tmp_path: Path) -> None:
    path = tmp_path / "notes.fdx"
    path.write_bytes(fdx('<Paragraph Type="Action"><Text>Just notes.</Text></Paragraph>'))
    with pytest.raises(InputError) as caught:
        import_script(path)
    assert "no scene headings found" in str(caught.value)
