"""Reading a USS file: every problem at once, located by its path; both forms of boards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scheduler.errors import InputError
from scheduler.interop.uss import read_uss_boards, read_uss_document
from scheduler.interop.uss import source as uss_source
from tests.helpers.uss import tiny_document, write_uss_file


def problems_of(path: Path) -> dict[str, str]:
    with pytest.raises(InputError) as caught:
        read_uss_document(path)
    return {problem.where: problem.message for problem in caught.value.problems}


def test_not_json_is_one_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.uss"
    path.write_text('{"universalScheduleStandard": {"breakdowns": [}', encoding="utf-8")
    problems = problems_of(path)
    assert list(problems) == ["line 1, column 47"]
    assert "is not valid JSON" in problems["line 1, column 47"]


def test_every_type_id_and_reference_problem_is_reported_at_once(tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["breakdowns"][0]["pages"] = "one and a half"
    root["breakdowns"].append({"type": "scene", "scene": "9", "pages": 1})  # no id
    root["breakdowns"][2]["elements"].append("no-such-element")
    root["elements"][0]["daysOff"] = [7]
    root["stripboards"][0]["boards"][0]["breakdownIds"].append("no-such-strip")
    root["stripboards"][0]["calendar"] = "no-such-calendar"
    root["calendars"][0]["events"][0]["date"] = "2 March 2026"
    problems = problems_of(write_uss_file(tmp_path / "bad.uss", document))
    assert set(problems) == {
        "breakdowns[0].pages", "breakdowns[8].id", "breakdowns[2].elements[5]",
        "elements[0].daysOff[0]", "stripboards[0].boards[0].breakdownIds[8]",
        "stripboards[0].calendar", "calendars[0].events[0].date",
    }
    assert problems["breakdowns[0].pages"] == 'is the text "one and a half", not a number'
    assert problems["breakdowns[2].elements[5]"] == 'no element has id "no-such-element"'


def test_numbers_written_as_text_and_empty_strings_are_accepted(tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["breakdowns"][0]["pages"] = "1.5"
    root["breakdowns"][1]["time"] = ""
    read = read_uss_document(write_uss_file(tmp_path / "lenient.uss", document))
    assert read.breakdowns[0].pages == 1.5
    assert read.breakdowns[1].duration_ms is None


def test_duplicate_ids_and_a_strip_twice_on_a_stripboard(tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["elements"][1]["id"] = root["elements"][0]["id"]
    root["stripboards"][0]["boards"][1]["breakdownIds"] = ["s1"]
    problems = problems_of(write_uss_file(tmp_path / "twice.uss", document))
    assert "elements[0]" in problems["elements[1].id"]
    assert 'strip "s1" is on the stripboard twice' in problems["stripboards[0].boards[1]"]


def test_a_json_file_that_is_not_uss(tmp_path: Path) -> None:
    path = write_uss_file(tmp_path / "list.uss", [1, 2, 3])  # type: ignore[arg-type]
    assert "has no universalScheduleStandard object" in problems_of(path)["file"]


def test_size_and_nesting_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_uss_file(tmp_path / "big.uss", tiny_document())
    monkeypatch.setattr(uss_source, "MAX_USS_BYTES", 100)
    assert "a USS file may be at most" in problems_of(path)[""]
    monkeypatch.undo()
    deep = tmp_path / "deep.uss"
    deep.write_text("[" * 40 + "]" * 40, encoding="utf-8")
    assert "nests objects and arrays more than" in problems_of(deep)[""]
    text = tmp_path / "latin1.uss"
    text.write_bytes('{"name": "Café"}'.encode("latin-1"))
    assert "is not UTF-8 text" in problems_of(text)[""]


@pytest.mark.parametrize("spec_form", [True, False])
def test_boards_of_both_forms_give_the_same_days(tmp_path: Path, spec_form: bool) -> None:
    """Tests day strips (documentation) and per-day arrays with a bare id joining the next day
    and an empty array as an empty day (samples): both are days 1 | 2 | 3."""
    path = write_uss_file(tmp_path / "t.uss", tiny_document(spec_form))
    document = read_uss_document(path)
    human = document.stripboard("human")
    assert human is not None and human.schedule_board is not None
    expected = [["s1", "s3"], ["s2"], ["s4", "s5"]] if spec_form else \
        [["s1", "s3"], ["s2"], [], ["s4", "s5"]]
    assert human.schedule_board.days() == expected
    assert document.uses_day_arrays is not spec_form
    boards = read_uss_boards(path)
    assert list(boards) == ["Human"]  # "Order" has no day breaks
    last = 3 if spec_form else 4
    assert boards["Human"].start_day == {"1": 1, "2 (2)": 1, "2": 2, "strip-4": last, "5": last}


def test_unused_fields_are_counted(tmp_path: Path) -> None:
    document = tiny_document()
    document["universalScheduleStandard"]["breakdowns"][0]["_mine"] = 1
    read = read_uss_document(write_uss_file(tmp_path / "t.uss", document))
    assert "breakdowns[].comments (5 of 8)" in read.unused_fields
    assert "breakdowns[]._mine (1 of 8)" in read.unused_fields
    assert not any(field.startswith("breakdowns[].pages") for field in read.unused_fields)


def test_the_sample_form_with_json_text_round_trips(tmp_path: Path) -> None:
    """A file written by json.dumps with non-ASCII text and a BOM reads."""
    document = tiny_document(spec_form=False)
    document["universalScheduleStandard"]["project"] = "La Vie est Belle – Été"
    path = tmp_path / "bom.uss"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document, ensure_ascii=False).encode())
    assert read_uss_document(path).title == "La Vie est Belle – Été"


def test_hostile_values_are_located_problems_not_crashes(tmp_path: Path) -> None:
    """Numbers too large for a float or a workbook, a date the calendar cannot reach, text with
    half a surrogate pair (a workbook could not store it)."""
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["breakdowns"][0]["pages"] = 10**400
    root["breakdowns"][1]["pages"] = 1000  # the workbook allows 999
    root["calendars"][0]["events"][0]["date"] = "9999-12-31T00:00:00.000Z"
    problems = problems_of(write_uss_file(tmp_path / "big.uss", document))
    assert set(problems) == {"breakdowns[0].pages", "breakdowns[1].pages",
                             "calendars[0].events[0].date"}
    assert problems["breakdowns[1].pages"] == "is 1000; it must be a number from 0 to 999"
    assert "out of range" in problems["calendars[0].events[0].date"]
    digits = tmp_path / "digits.uss"
    digits.write_text('{"breakdowns": [{"pages": ' + "9" * 5000 + "}]}", encoding="utf-8")
    assert "thousands of digits" in problems_of(digits)[""]
    surrogate = tmp_path / "surrogate.uss"
    surrogate.write_text(json.dumps(tiny_document()).replace('"scene 1"', '"scene \\ud800"'),
                         encoding="utf-8")
    assert "lone UTF-16 surrogate" in problems_of(surrogate)["breakdowns[0].description"]


def test_an_unclosed_string_full_of_escaped_quotes_is_refused_at_once(tmp_path: Path) -> None:
    """The nesting check before parsing stays linear (it was quadratic on such text)."""
    path = tmp_path / "unclosed.uss"
    path.write_text('{"a": "' + '\\"' * 500_000, encoding="utf-8")
    assert "is not valid JSON" in " ".join(problems_of(path).values())


def test_numeric_ids_are_read_alike_in_strips_and_boards(tmp_path: Path) -> None:
    document = tiny_document()
    root = document["universalScheduleStandard"]
    root["breakdowns"][0]["id"] = 77
    for stripboard in root["stripboards"]:
        ids = stripboard["boards"][0]["breakdownIds"]
        ids[ids.index("s1")] = 77
    boards = read_uss_boards(write_uss_file(tmp_path / "numbers.uss", document))
    assert boards["Human"].start_day["1"] == 1
