"""Breakdown elements guessed from a scene's action lines: tags, extras and minors.

A guess is a word in the action, never a certainty: the breakdown lists each one in ``Notes``
with the word that caused it, for the 1st AD to confirm or delete.

* Tags (``spec/workbook.md``): ``stunt``, ``vehicle``, ``animal``, ``water``, ``weather``,
  ``crowd`` from the words of ``TAG_WORDS``; ``minor`` when a character is introduced with an
  age under 18 (``TOMMY (10)``, ``TOMMY, 10,``).
* Extras: a number before a crowd word (``SEVEN DINERS``, ``20 PASSENGERS``) is that many; a
  crowd word alone is ``CROWD_EXTRAS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ADULT_AGE = 18
CROWD_EXTRAS = 20  # a "crowd" with no number: a modest background to be confirmed
TAG_WORDS: dict[str, tuple[str, ...]] = {
    "stunt": ("stunt", "fight", "fights", "punch", "punches", "kicks", "tackles",
              "leaps", "jumps off", "crashes into", "explosion", "explodes", "brawl", "gunfight",
              "shoots", "stabs", "thrown", "collapses"),
    "vehicle": ("car", "cars", "truck", "taxi", "cab", "bus", "van", "motorcycle", "drives",
                "driving", "pulls up", "limo", "police cruiser", "ambulance", "traffic",
                "helicopter", "boat", "train", "bicycle", "jeep"),
    "animal": ("dog", "dogs", "cat", "cats", "horse", "horses", "bird", "birds", "chihuahua",
               "chihuahuas", "puppy", "cow", "sheep", "snake", "rat", "rats", "pigeon",
               "pigeons", "goat", "chicken"),
    "water": ("pool", "swims", "swimming", "ocean", "lake", "river", "underwater", "sea",
              "surf", "bathtub", "drowning", "splash", "soaked"),
    "weather": ("rain", "raining", "snow", "snowing", "storm", "thunderstorm", "fog", "hail",
                "blizzard"),
    "crowd": ("crowd", "crowds", "dozens of", "hundreds of", "throng", "audience",
              "passersby", "onlookers", "spectators", "mob", "packed"),
}
PEOPLE_WORDS = ("people", "diners", "patrons", "passengers", "pedestrians", "students",
                "guests", "dancers", "soldiers", "officers", "workers", "shoppers", "customers",
                "kids", "children", "extras", "commuters", "protesters", "fans", "bystanders",
                "onlookers", "passersby", "spectators", "men", "women")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozens of": 24,
                "twenty": 20, "thirty": 30, "fifty": 50, "hundreds of": 100, "a hundred": 100}
_WORD_PATTERNS = {tag: re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b",
                                  re.IGNORECASE) for tag, words in TAG_WORDS.items()}
_COUNT = "|".join([r"\d{1,4}", *map(re.escape, NUMBER_WORDS)])
_HEADS = re.compile(rf"\b({_COUNT})\s+(?:[A-Za-z-]+\s+)?({'|'.join(PEOPLE_WORDS)})\b",
                    re.IGNORECASE)
_CROWD = re.compile(r"\b(crowd|crowds|throng|mob|audience)\b", re.IGNORECASE)
# A name in capitals introduced with an age: "TOMMY (10)", "TOMMY, 10," or "TOMMY, 10."
_AGE = re.compile(r"\b([A-Z][A-Z'.\- ]{1,40}?)\s*(?:\((\d{1,2})\)|,\s*(\d{1,2})\s*[,.;)])")


@dataclass(frozen=True)
class Guess:
    """A guessed value and the words of the script it comes from."""

    value: str
    because: str


def tag_guesses(action: str) -> list[Guess]:
    """The tags the action's words suggest, each with the first word that suggests it."""
    found = []
    for tag, pattern in _WORD_PATTERNS.items():
        match = pattern.search(action)
        if match:
            found.append(Guess(tag, match[1]))
    return found


def extras_guess(action: str) -> Guess | None:
    """The background performers the action suggests (``SEVEN DINERS`` is 7), if any."""
    counts = []
    for match in _HEADS.finditer(action):
        written = match[1].casefold()
        count = int(written) if written.isdigit() else NUMBER_WORDS.get(written, 0)
        counts.append((count, match[0]))
    if counts:
        count, words = max(counts)
        return Guess(str(count), words)
    crowd = _CROWD.search(action)
    return Guess(str(CROWD_EXTRAS), crowd[1]) if crowd else None


def ages(action: str) -> dict[str, int]:
    """Names in capitals introduced with an age in the action: name -> age."""
    found: dict[str, int] = {}
    for match in _AGE.finditer(action):
        name = " ".join(match[1].split())
        age = int(match[2] or match[3])
        found.setdefault(name, age)
    return found


def is_minor(age: int) -> bool:
    """A character younger than ``ADULT_AGE``."""
    return age < ADULT_AGE
