"""Read a Final Draft screenplay (``.fdx``, XML) into a ``Screenplay``.

The XML is parsed with ``defusedxml``: a document type with entities (the billion laughs),
external entities and DTDs are refused.  What is read:

* ``Content/Paragraph`` by ``Type``: ``Scene Heading`` (its ``Number``, and its
  ``SceneProperties`` ``Length`` in eighths such as ``1 3/8`` and ``Page``, exact when present),
  ``Action``, ``Character``, ``Parenthetical``, ``Dialogue``, ``Transition``, ``Shot`` (as
  action), ``General`` (as action); paragraphs inside ``DualDialogue`` are the two columns.
* ``TagData``, Final Draft's tagged breakdown elements: ``TagCategories/TagCategory`` (``Id``,
  ``Name``), ``TagDefinitions/TagDefinition`` (``CatId``, ``Id``, ``Label``), ``Tags/Tag``
  (``Number``, ``DefId``), and the ``TagNumber`` of the ``Text`` runs of a scene's paragraphs:
  each scene gets the labels tagged in it, by category name.
* ``TitlePage``: the first centred lines are the title.

Every problem is located by the file's line (``script.fdx:212: ...``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..data import EIGHTHS_PER_PAGE
from ..errors import InputError, Problem
from .screenplay import Element, Kind, Screenplay, ScriptScene
from .source import refused

PARAGRAPH_KINDS = {
    "scene heading": Kind.HEADING, "action": Kind.ACTION, "general": Kind.ACTION,
    "shot": Kind.ACTION, "character": Kind.CHARACTER, "parenthetical": Kind.PARENTHETICAL,
    "dialogue": Kind.DIALOGUE, "transition": Kind.TRANSITION, "lyrics": Kind.LYRIC,
}
_LENGTH = re.compile(r"^\s*(?:(\d{1,4})\s+)?(?:(\d{1,2})/8|(\d{1,4}))\s*$")


class _LineTreeBuilder(ElementTree.TreeBuilder):
    """A tree builder that remembers the file line of each element."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}  # id(element) -> line
        self.expat: Any = None

    def start(self, tag: Any, attrs: Any) -> ElementTree.Element:
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.expat.CurrentLineNumber if self.expat else 0
        return element


def parse_fdx(raw: bytes, source: str) -> Screenplay:
    """The screenplay of a Final Draft file's bytes.

    Raises
    ------
    InputError
        The file is not XML, is hostile XML, is not a Final Draft document or has no content;
        or its scene lengths cannot be read (each at its line).
    """
    root, lines = _parse_xml(raw, source)
    if root.tag != "FinalDraft":
        raise refused(source, f"is XML but not a Final Draft screenplay (its root is "
                              f"<{root.tag}>, not <FinalDraft>)")
    content = root.find("Content")
    if content is None:
        raise refused(source, "is a Final Draft file without a <Content> (no script)")
    screenplay = Screenplay(source=source)
    screenplay.title = _title(root)
    tag_labels = _tag_labels(root)
    problems: list[Problem] = []
    for paragraph, dual in _paragraphs(content):
        _read_paragraph(paragraph, dual, lines.get(id(paragraph), 0), screenplay, tag_labels,
                        problems)
    if problems:
        raise InputError(problems)
    return screenplay


def _parse_xml(raw: bytes, source: str) -> tuple[ElementTree.Element, dict[int, int]]:
    builder = _LineTreeBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
    try:
        parser.feed(raw)
        return parser.close(), builder.lines
    except DefusedXmlException as error:
        raise refused(source, f"is refused: its XML declares a document type or entities "
                              f"({type(error).__name__}), which a Final Draft file never "
                              "needs and which can exhaust memory") from None
    except ElementTree.ParseError as error:
        line, column = error.position
        raise InputError([Problem(f"{source}:{line}", f"not well-formed XML (column "
                                                      f"{column}); a Final Draft file is XML")]
                         ) from None


def _paragraphs(content: ElementTree.Element) -> list[tuple[ElementTree.Element, bool]]:
    """The paragraphs in order; those in the second column of dual dialogue marked."""
    found: list[tuple[ElementTree.Element, bool]] = []
    for paragraph in content.iter("Paragraph"):
        found.append((paragraph, False))
    # In <DualDialogue>, the second cue and what follows it are the right column.
    right: set[int] = set()
    for dual in content.iter("DualDialogue"):
        cues = 0
        for paragraph in dual.iter("Paragraph"):
            if (paragraph.get("Type") or "").casefold() == "character":
                cues += 1
            if cues >= 2:
                right.add(id(paragraph))
    return [(paragraph, id(paragraph) in right) for paragraph, _ in found
            if paragraph.find("DualDialogue") is None]


def _text(paragraph: ElementTree.Element) -> str:
    """The paragraph's text: its ``Text`` runs joined (line breaks kept)."""
    return "".join(run.text or "" for run in paragraph.findall("Text")).strip()


def _read_paragraph(paragraph: ElementTree.Element, dual: bool, line: int,
                    screenplay: Screenplay, tag_labels: dict[str, tuple[str, str]],
                    problems: list[Problem]) -> None:
    kind = PARAGRAPH_KINDS.get((paragraph.get("Type") or "").casefold())
    text = _text(paragraph)
    if kind is Kind.HEADING:
        scene = ScriptScene(heading=" ".join(text.split()), line=line,
                            number=(paragraph.get("Number") or "").strip() or None)
        _scene_properties(paragraph, scene, screenplay, problems)
        scene.elements.append(Element(Kind.HEADING, scene.heading, line))
        screenplay.scenes.append(scene)
    elif kind is not None and text:
        element = Element(kind, text, line, dual)
        target = (screenplay.scenes[-1].elements if screenplay.scenes
                  else screenplay.elements_before_first_scene)
        target.append(element)
    if screenplay.scenes:
        _collect_tags(paragraph, screenplay.scenes[-1], tag_labels)


def _scene_properties(paragraph: ElementTree.Element, scene: ScriptScene,
                      screenplay: Screenplay, problems: list[Problem]) -> None:
    properties = paragraph.find("SceneProperties")
    if properties is None:
        return
    scene.page = (properties.get("Page") or "").strip() or None
    scene.synopsis = " ".join((properties.get("Title") or "").split())
    length = properties.get("Length")
    if length is None or not length.strip():
        return
    eighths = eighths_of(length)
    if eighths is None:
        problems.append(Problem(screenplay.at(scene.line),
                                f'scene length "{length}" is not a page count in eighths '
                                '(like "1 3/8", "3/8" or "2")'))
    else:
        scene.eighths = eighths


def eighths_of(length: str) -> int | None:
    """``1 3/8`` -> 11, ``3/8`` -> 3, ``2`` -> 16; ``None`` when it is not such a length."""
    match = _LENGTH.match(length)
    if not match:
        return None
    whole, eighths, pages = match.groups()
    if pages is not None:
        return int(pages) * EIGHTHS_PER_PAGE
    if int(eighths) >= EIGHTHS_PER_PAGE and whole is not None:
        return None  # "1 9/8" is no page count
    return int(whole or 0) * EIGHTHS_PER_PAGE + int(eighths)


def _tag_labels(root: ElementTree.Element) -> dict[str, tuple[str, str]]:
    """Tag number -> (category name, label), from ``TagData``."""
    data = root.find("TagData")
    if data is None:
        return {}
    categories = {c.get("Id"): c.get("Name") or "" for c in data.iter("TagCategory")}
    definitions = {d.get("Id"): (categories.get(d.get("CatId"), ""), d.get("Label") or "")
                   for d in data.iter("TagDefinition")}
    labels = {}
    for tag in data.iter("Tag"):
        definition = tag.findtext("DefId")
        if tag.get("Number") and definition in definitions:
            labels[tag.get("Number") or ""] = definitions[definition]
    return labels


def _collect_tags(paragraph: ElementTree.Element, scene: ScriptScene,
                  tag_labels: dict[str, tuple[str, str]]) -> None:
    for run in paragraph.findall("Text"):
        number = run.get("TagNumber")
        if number and number in tag_labels:
            category, label = tag_labels[number]
            label = " ".join(label.split())
            names = scene.tagged.setdefault(category, [])
            if label and label not in names:
                names.append(label)


def _title(root: ElementTree.Element) -> str:
    """The title page's first line of text, as the writer typed it."""
    page = root.find("TitlePage")
    if page is None:
        return ""
    for paragraph in page.iter("Paragraph"):
        text = " ".join(_text(paragraph).split())
        if text:
            return text
    return ""
