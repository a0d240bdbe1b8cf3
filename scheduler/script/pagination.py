"""Scene lengths in eighths of a page, counted as the industry does: from the printed script.

A script is printed on US Letter in 12-point Courier (10 characters an inch, 6 lines an inch).
With the usual margins a page holds ``LINES_PER_PAGE`` lines; action and scene headings are
about ``ACTION_WIDTH`` characters wide, dialogue ``DIALOGUE_WIDTH``, parentheticals
``PARENTHETICAL_WIDTH``.  The rule, each step a function below:

1. Every element is wrapped at word boundaries to its width; a Fountain line break is kept.
2. One blank line comes before each heading, action paragraph, dialogue cue, transition and
   centred text; none before dialogue and parentheticals (they follow their cue).
3. Lines flow onto pages: blank lines at the top of a page are not printed, a heading or a cue
   never ends a page alone (it moves to the next page with what follows), a speech split across
   two pages costs two lines (``(MORE)`` and the cue again with ``(CONT'D)``), ``===`` starts a
   new page.
4. The right column of dual dialogue prints beside the left one: only the lines it has beyond
   the left one's count.
5. A scene's length is its printed lines (its heading, the blank line before it and everything up
   to the next heading) in eighths of a page: ``ceil(8 * lines / LINES_PER_PAGE)``, at least 1/8.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from ..data import EIGHTHS_PER_PAGE
from .screenplay import Element, Kind, Screenplay, ScriptScene

LINES_PER_PAGE = 55
ACTION_WIDTH = 61
DIALOGUE_WIDTH = 35
PARENTHETICAL_WIDTH = 25
CUE_WIDTH = 38
SPLIT_SPEECH_LINES = 2  # (MORE) at the foot of the page, the cue (CONT'D) at the top of the next
WIDTHS = {Kind.HEADING: ACTION_WIDTH, Kind.ACTION: ACTION_WIDTH, Kind.CENTERED: ACTION_WIDTH,
          Kind.TRANSITION: ACTION_WIDTH, Kind.CHARACTER: CUE_WIDTH,
          Kind.DIALOGUE: DIALOGUE_WIDTH, Kind.LYRIC: DIALOGUE_WIDTH,
          Kind.PARENTHETICAL: PARENTHETICAL_WIDTH}
NO_BLANK_BEFORE = frozenset({Kind.DIALOGUE, Kind.PARENTHETICAL})


@dataclass(frozen=True)
class SceneLength:
    """A scene's printed lines, its length in eighths and the page it starts on."""

    lines: int
    eighths: int
    first_page: int


def wrapped_lines(element: Element) -> int:
    """The printed lines of an element's text at its width (an empty line is a line)."""
    width = WIDTHS.get(element.kind, ACTION_WIDTH)
    return sum(max(1, len(textwrap.wrap(line, width, break_on_hyphens=False)))
               for line in element.text.split("\n"))


def eighths_of_lines(lines: int) -> int:
    """A scene's length in eighths: partial eighths rounded up, at least one."""
    return max(1, math.ceil(EIGHTHS_PER_PAGE * lines / LINES_PER_PAGE))


class _Printer:
    """Flows elements onto pages, counting the lines each scene prints."""

    def __init__(self) -> None:
        self.page = 1
        self.used = 0  # lines printed on the current page
        self.counted = 0  # lines printed for the current scene
        self.left_speech = 0  # lines of the left column of the dialogue just printed

    def new_page(self) -> None:
        if self.used:
            self.page += 1
            self.used = 0

    def blank(self) -> None:
        if self.used:  # not printed at the top of a page
            self.print_lines(1)

    def print_lines(self, lines: int) -> None:
        while lines:
            room = LINES_PER_PAGE - self.used
            if room <= 0:
                self.new_page()
                continue
            taken = min(room, lines)
            self.used += taken
            self.counted += taken
            lines -= taken

    def element(self, element: Element, keep_with_next: int) -> None:
        if element.kind is Kind.PAGE_BREAK:
            self.new_page()
            return
        lines = wrapped_lines(element)
        if element.kind not in NO_BLANK_BEFORE:
            self.blank()
        if element.kind in (Kind.HEADING, Kind.CHARACTER) and (
                LINES_PER_PAGE - self.used < lines + keep_with_next):
            self.new_page()
        if element.kind is Kind.DIALOGUE and LINES_PER_PAGE - self.used < lines:
            lines += SPLIT_SPEECH_LINES
        self.print_lines(lines)


def measure(screenplay: Screenplay) -> list[SceneLength]:
    """The printed length of every scene of ``screenplay`` (see the module's rule)."""
    printer = _Printer()
    _print_elements(printer, screenplay.elements_before_first_scene)
    lengths = []
    for scene in screenplay.scenes:
        printer.counted = 0
        first_page = printer.page if printer.used < LINES_PER_PAGE else printer.page + 1
        _print_elements(printer, scene.elements)
        lengths.append(SceneLength(printer.counted, eighths_of_lines(printer.counted),
                                   first_page))
    return lengths


def _print_elements(printer: _Printer, elements: list[Element]) -> None:
    index = 0
    while index < len(elements):
        element = elements[index]
        if element.kind is Kind.CHARACTER and element.dual:
            # The right column: printed beside the left one, only its extra lines count.
            speech = _speech(elements, index)
            right = sum(wrapped_lines(e) for e in speech)
            printer.print_lines(max(0, right - printer.left_speech))
            index += len(speech)
            continue
        if element.kind is Kind.CHARACTER:
            speech = _speech(elements, index)
            printer.left_speech = sum(wrapped_lines(e) for e in speech)
        printer.element(element, keep_with_next=1 if index + 1 < len(elements) else 0)
        index += 1


def _speech(elements: list[Element], cue: int) -> list[Element]:
    """A cue and the parentheticals and dialogue that follow it."""
    end = cue + 1
    while end < len(elements) and elements[end].kind in NO_BLANK_BEFORE:
        end += 1
    return elements[cue:end]


def stated_or_counted(scene: ScriptScene, counted: SceneLength) -> int:
    """The length the file states, else the counted one."""
    return scene.eighths if scene.eighths is not None else counted.eighths
