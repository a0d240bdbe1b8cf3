"""Read a Fountain screenplay (fountain.io) into a ``Screenplay``.

The published syntax, and what real scripts do beside it:

* the title page (``Key: value`` lines at the top, values possibly on indented lines below);
* scene headings: a line starting ``INT``, ``EXT``, ``EST``, ``INT./EXT``, ``INT/EXT`` or ``I/E``
  (any case) followed by a dot or a space, or forced with a leading ``.``; a scene number at the
  end between ``#`` (``INT. DINER - NIGHT #12A#``).  The spec wants blank lines around a
  heading; scripts that forget the one after it are read the same, and a heading in capitals
  needs none before it (``CUT TO:`` on the line above).  Numbers printed around a heading, as
  in a script saved as text (``12 INT. HOUSE - DAY 12``), are its scene number;
* characters: a line in capitals (an extension like ``(V.O.)`` or ``(CONT'D)`` may be in lower
  case) directly followed by dialogue, or forced with ``@``; ``^`` at the end marks the second
  speaker of dual dialogue; parentheticals ``(...)`` in the dialogue;
* transitions (capitals ending ``TO:``, or forced ``>``), centred text ``>...<``, lyrics ``~``,
  forced action ``!``, page breaks ``===``;
* what is not printed: notes ``[[...]]``, the boneyard ``/* ... */``, sections ``#`` and
  synopses ``=`` (a synopsis inside a scene becomes that scene's synopsis).

Windows line ends, a byte-order mark and non-ASCII names are read as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .screenplay import Element, Kind, Screenplay, ScriptScene

HEADING = re.compile(r"^(?:INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT|EXT|EST|I\s*/\s*E|E\s*/\s*I)"
                     r"(?:\.|\s)", re.IGNORECASE)
FORCED_HEADING = re.compile(r"^\.(?=[^.\s])")
SCENE_NUMBER = re.compile(r"\s*#([^#\s]+)#\s*$")
PRINTED_NUMBERS = re.compile(r"^(\d{1,4}[A-Z]{0,3})\.?\s+(.+?)(?:\s+(\d{1,4}[A-Z]{0,3})\.?)?$")
TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z ]{0,30}):\s*(.*)$")
PAGE_BREAK = re.compile(r"^\s*={3,}\s*$")
TRANSITION = re.compile(r"^[^a-z]*TO:$")
EXTENSIONS = re.compile(r"(\s*\([^)]*\))+\s*$")
# Notes and the boneyard are cut out before the lines are read; a line that held nothing else
# disappears (it must not act as a blank line that ends a dialogue block).
_CUT = "\x01"
_BONEYARD = re.compile(r"/\*.*?\*/", re.DOTALL)
_NOTE = re.compile(r"\[\[.*?\]\]", re.DOTALL)
_EMPHASIS = re.compile(r"(\*{1,3}|_)(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Line:
    """A line of the script body with its number in the file (1-based)."""

    number: int
    text: str


def parse_fountain(text: str, source: str) -> Screenplay:
    """The screenplay written in Fountain ``text`` (line ends already ``\\n``).

    Parameters
    ----------
    text
        The file's text.
    source
        The file's name, for located notes (``script.fountain:212``).
    """
    screenplay = Screenplay(source=source)
    lines = _printed_lines(text)
    body = _read_title_page(lines, screenplay)
    for block in _blocks(body):
        _read_block(block, screenplay)
    return screenplay


def plain(text: str) -> str:
    """Text without Fountain's emphasis marks (``*italic*``, ``**bold**``, ``_underline_``)
    and escapes."""
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return text.replace("\\", "")


def character_name(cue: str) -> str:
    """The character of a dialogue cue: ``@`` and ``^`` removed, extensions like ``(V.O.)`` or
    ``(CONT'D)`` stripped, spaces single."""
    name = cue.strip().removeprefix("@").rstrip("^").strip()
    return " ".join(EXTENSIONS.sub("", plain(name)).split())


def extensions_of(cue: str) -> list[str]:
    """The extensions of a dialogue cue, upper case without dots: ``["VO"]``, ``["CONTD"]``."""
    return [re.sub(r"[^A-Z]", "", part.upper())
            for part in re.findall(r"\(([^)]*)\)", cue.rstrip("^ "))]


# ----- lines -------------------------------------------------------------------------------------


def _printed_lines(text: str) -> list[Line]:
    """The lines of the file without notes and boneyard, numbered as in the file."""
    def cut(match: re.Match[str]) -> str:
        return _CUT + "\n" * match.group().count("\n") + _CUT

    text = _NOTE.sub(cut, _BONEYARD.sub(cut, text))
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if _CUT in raw:
            raw = raw.replace(_CUT, "")
            if not raw.strip():
                continue
        lines.append(Line(number, raw.rstrip() if raw.strip() else raw))
    return lines


def _is_blank(line: Line) -> bool:
    # Two spaces are Fountain's deliberate empty line inside a block.
    return not line.text.strip() and line.text != "  "


def _read_title_page(lines: list[Line], screenplay: Screenplay) -> list[Line]:
    """Read the title page at the top, if any; the lines after it."""
    start = next((i for i, line in enumerate(lines) if not _is_blank(line)), len(lines))
    if start == len(lines):
        return []
    first = lines[start].text
    if not TITLE_KEY.match(first) or _heading_text(first) is not None:
        return lines
    key = ""
    index = start
    while (index < len(lines) and not _is_blank(lines[index])
           and _heading_text(lines[index].text) is None):  # a heading ends it, blank or not
        text = lines[index].text
        match = TITLE_KEY.match(text) if not text[:1].isspace() else None
        if match:
            key = match[1].strip().casefold()
            screenplay.title_page[key] = plain(match[2].strip())
        elif key:
            value = plain(text.strip())
            joined = screenplay.title_page[key]
            screenplay.title_page[key] = f"{joined} / {value}" if joined else value
        index += 1
    screenplay.title = screenplay.title_page.get("title", "")
    return lines[index:]


def _blocks(lines: list[Line]) -> Iterator[list[Line]]:
    """Runs of non-blank lines; sections, synopses and page breaks stand alone."""
    block: list[Line] = []
    for line in lines:
        if _is_blank(line):
            if block:
                yield block
            block = []
        elif _stands_alone(line.text):
            if block:
                yield block
            yield [line]
            block = []
        elif block and _is_unmistakable_heading(line.text):
            yield block
            block = [line]
        else:
            block.append(line)
    if block:
        yield block


def _stands_alone(text: str) -> bool:
    stripped = text.strip()
    return bool(PAGE_BREAK.match(stripped)) or stripped.startswith("#") or (
        stripped.startswith("=") and not stripped.startswith("=="))


# ----- blocks ------------------------------------------------------------------------------------


def _read_block(block: list[Line], screenplay: Screenplay) -> None:
    first = block[0]
    stripped = first.text.strip()
    if PAGE_BREAK.match(stripped):
        _add(screenplay, Element(Kind.PAGE_BREAK, "", first.number))
        return
    if stripped.startswith("#"):
        return  # a section: the writer's outline, not printed
    if stripped.startswith("="):
        synopsis = plain(stripped[1:].strip())
        if screenplay.scenes and not screenplay.scenes[-1].synopsis:
            screenplay.scenes[-1].synopsis = synopsis
        return
    heading = _heading_text(first.text)
    if heading is not None:
        _start_scene(heading, first.number, screenplay)
        if len(block) > 1:
            _read_block(block[1:], screenplay)
        return
    if len(block) > 1 and _is_character(stripped):
        _read_dialogue(block, screenplay)
        return
    for element in _other_elements(block):
        _add(screenplay, element)


def _heading_text(text: str) -> str | None:
    """The heading of a scene-heading line (forced ``.`` removed), else ``None``.  A heading
    between scene numbers, as a script printed to text has them (``12 INT. HOUSE - DAY 12``),
    is given as ``INT. HOUSE - DAY #12#``."""
    stripped = text.strip()
    if FORCED_HEADING.match(stripped):
        return stripped[1:].strip()
    if HEADING.match(stripped + " "):
        return stripped
    printed = PRINTED_NUMBERS.match(stripped)
    if printed and HEADING.match(printed[2] + " ") and printed[3] in (None, printed[1]):
        return f"{printed[2]} #{printed[1]}#"
    return None


def _is_unmistakable_heading(text: str) -> bool:
    """A heading in capitals (``INT. HOUSE - DAY``): it starts a scene even without the blank
    line before it (after ``CUT TO:``, say), as no action or speech starts so."""
    heading = _heading_text(text)
    return heading is not None and not text.strip().startswith(".") and \
        heading == heading.upper()


def _start_scene(heading: str, line: int, screenplay: Screenplay) -> None:
    number = None
    match = SCENE_NUMBER.search(heading)
    if match:
        number = match[1]
        heading = heading[: match.start()]
    heading = " ".join(plain(heading).split())
    scene = ScriptScene(heading=heading, line=line, number=number)
    scene.elements.append(Element(Kind.HEADING, heading, line))
    screenplay.scenes.append(scene)


def _is_character(text: str) -> bool:
    """A dialogue cue: forced with ``@``, or a name in capitals (extensions in any case)."""
    if text.startswith("@"):
        return len(text) > 1
    if text.startswith(("!", ">", "~", "[[")):
        return False
    name = character_name(text)
    has_letter = any(ch.isalpha() for ch in name)
    return has_letter and name == name.upper() and not TRANSITION.match(text)


def _read_dialogue(block: list[Line], screenplay: Screenplay) -> None:
    cue = block[0]
    dual = cue.text.rstrip().endswith("^")
    _add(screenplay, Element(Kind.CHARACTER, cue.text.strip(), cue.number, dual))
    speech: list[Line] = []

    def flush() -> None:
        if speech:
            text = "\n".join(plain(line.text.strip()) for line in speech)
            _add(screenplay, Element(Kind.DIALOGUE, text, speech[0].number, dual))
            speech.clear()

    for line in block[1:]:
        stripped = line.text.strip()
        if stripped.startswith("(") and stripped.endswith(")"):
            flush()
            _add(screenplay, Element(Kind.PARENTHETICAL, stripped, line.number, dual))
        else:
            speech.append(line)
    flush()


def _other_elements(block: list[Line]) -> Iterator[Element]:
    """Transitions, centred text, lyrics, or action (the lines of a paragraph kept)."""
    first = block[0]
    stripped = first.text.strip()
    if len(block) == 1 and stripped.startswith(">") and stripped.endswith("<"):
        yield Element(Kind.CENTERED, plain(stripped[1:-1].strip()), first.number)
    elif len(block) == 1 and stripped.startswith(">"):
        yield Element(Kind.TRANSITION, plain(stripped[1:].strip()), first.number)
    elif len(block) == 1 and TRANSITION.match(stripped):
        yield Element(Kind.TRANSITION, stripped, first.number)
    elif all(line.text.strip().startswith("~") for line in block):
        yield Element(Kind.LYRIC, "\n".join(line.text.strip()[1:] for line in block),
                      first.number)
    else:
        text = "\n".join(plain(line.text.strip()) for line in block)
        yield Element(Kind.ACTION, text.removeprefix("!"), first.number)


def _add(screenplay: Screenplay, element: Element) -> None:
    if screenplay.scenes:
        screenplay.scenes[-1].elements.append(element)
    else:
        screenplay.elements_before_first_scene.append(element)
