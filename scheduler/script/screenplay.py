"""A screenplay as the importers read it: scenes of printed elements, before any breakdown.

Both readers (``fountain`` and ``fdx``) produce a ``Screenplay``; ``pagination`` measures its
scenes in eighths and ``breakdown`` turns it into a production.  Every element keeps the line of
the file it came from, so that a problem or a guess can say where it is (``script.fountain:212``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of printed element a scene holds (those that take room on a page)."""

    HEADING = "heading"
    ACTION = "action"
    CHARACTER = "character"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    CENTERED = "centered"
    LYRIC = "lyric"
    PAGE_BREAK = "page break"


@dataclass(frozen=True)
class Element:
    """One printed paragraph: its kind, its text (lines kept) and the file line it starts on."""

    kind: Kind
    text: str
    line: int
    dual: bool = False  # the right column of dual dialogue (printed beside the left one)


@dataclass
class ScriptScene:
    """A scene as the script has it.

    Parameters
    ----------
    heading
        The scene heading as written, without its scene number (``INT. DINER - NIGHT``).
    line
        The file line of the heading.
    number
        The script's scene number (``12A``), ``None`` when the script has none.
    elements
        The printed elements from the heading (included) to the next heading.
    eighths
        The length the file states (FDX ``SceneProperties Length``), ``None`` when it states none.
    page
        The page the file states the scene starts on (FDX ``SceneProperties Page``).
    synopsis
        A synopsis the writer gave (Fountain ``= ...``, FDX ``SceneProperties Title``).
    tagged
        Breakdown elements the writer tagged in the scene (FDX ``TagData``): category -> names.
    """

    heading: str
    line: int
    number: str | None = None
    elements: list[Element] = field(default_factory=list)
    eighths: int | None = None
    page: str | None = None
    synopsis: str = ""
    tagged: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Screenplay:
    """A parsed screenplay: its title page fields, its scenes, and what the reader noticed."""

    source: str  # the file's name, the prefix of every located message
    title: str = ""
    title_page: dict[str, str] = field(default_factory=dict)
    scenes: list[ScriptScene] = field(default_factory=list)
    elements_before_first_scene: list[Element] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def at(self, line: int) -> str:
        """``script.fountain:212``, where a message about line 212 points."""
        return f"{self.source}:{line}"
