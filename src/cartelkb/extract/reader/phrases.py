"""The furniture phrase file data/furniture.txt: reading it, and matching a whole line against it.

The literal template lines (the .gov banner, skip links, release labels, footers) are
listed in a data file, so adding a site's wording needs no code; the shapes with a
variable part (share rows, counts, credits) are the regular expressions of `furniture`.
The file's format is documented at its top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cartelkb.extract.reader.lines import MAX_FURNITURE_CHARS, line_key

SECTIONS = ("line", "masthead", "heading", "end")
_WILDCARD = r"[^\n]{0,60}?"
# "# text" is a comment; "###" and "# # #" are phrases (end-of-release marks).
_COMMENT_LINE = re.compile(r"#(?:\s+[^#\s]|\s*$)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "´": "'", "“": '"', "”": '"', "„": '"'})
BULLET = re.compile(r"^(?:[•·▪►]|\*(?=\s))\s*")
_FINAL_PUNCT = re.compile(r"[\s.:!;]+$")


def phrase_form(key: str) -> str:
    """Comparison form of a line for furniture phrases: casefolded, straight quotes, no
    leading bullet, no final stop."""
    return _FINAL_PUNCT.sub("", BULLET.sub("", key.translate(_QUOTES).casefold()))


@dataclass(frozen=True)
class Section:
    """The phrases of one section of furniture.txt: exact forms, and those with a "*"."""

    exact: frozenset[str]
    wildcard: re.Pattern[str]
    first_words: frozenset[str]

    def fullmatch(self, form: str) -> bool:
        return form in self.exact or self.wildcard.fullmatch(form) is not None


@lru_cache(maxsize=1)
def furniture_phrases() -> dict[str, Section]:
    """Read data/furniture.txt once per process: section name -> its phrases."""
    found: dict[str, set[str]] = {name: set() for name in SECTIONS}
    section: str | None = None
    path = resources.files("cartelkb.data").joinpath("furniture.txt")
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            text = raw.strip()
            if not text or _COMMENT_LINE.match(text):
                continue
            if text.startswith("[") and text.endswith("]"):
                section = text[1:-1]
                if section not in found:
                    raise ValueError(f"furniture.txt line {number}: unknown section {text}")
                continue
            if section is None:
                raise ValueError(f"furniture.txt line {number}: phrase before any [section]")
            found[section].add(phrase_form(line_key(text)))
    sections = {}
    for name, forms in found.items():
        wild = sorted(f for f in forms if "*" in f)
        pattern = "|".join(_WILDCARD.join(map(re.escape, f.split("*"))) for f in wild)
        sections[name] = Section(
            exact=frozenset(f for f in forms if "*" not in f),
            wildcard=re.compile(pattern or r"(?!)"),
            first_words=frozenset(f.split(" ", 1)[0] for f in forms),
        )
    return sections


def is_phrase(key: str, *sections: str) -> bool:
    """Whether the whole line `key` is a furniture phrase of one of `sections`."""
    if len(key) > MAX_FURNITURE_CHARS:
        return False
    form = phrase_form(key)
    phrases = furniture_phrases()
    return any(phrases[name].fullmatch(form) for name in sections)
