"""The furniture phrase file data/furniture.txt: reading it, and matching a whole line against it.

The literal template lines (the .gov banner, skip links, release labels, footers) are
listed in a data file, so adding a site's wording needs no code; the shapes with a
variable part (share rows, counts, credits) are the regular expressions of `furniture`.
The file's format is documented at its top.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cartelkb.extract.reader.lines import MAX_FURNITURE_CHARS, line_key
from cartelkb.lexicon import LexiconError

SECTIONS = ("line", "masthead", "heading", "end")
_WILDCARD = r"[^\n]{0,60}?"
# "# text" is a comment; "###" and "# # #" are phrases (end-of-release marks).
_COMMENT_LINE = re.compile(r"#(?:\s+[^#\s]|\s*$)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "´": "'", "“": '"', "”": '"', "„": '"'})
BULLET = re.compile(r"^(?:[•·▪►]|\*(?=\s))\s*")
# Final stops, and a dangling dash ("Remarks as Delivered –"); a phrase of only dashes and
# digits ("-30-") keeps its dashes, as stripping compares the same on both sides.
_FINAL_PUNCT = re.compile(r"[\s.:!;–—]+$")


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


_FILE = "furniture.txt"


def parse_phrases(lines: Iterable[str], source: str = _FILE) -> dict[str, Section]:
    """Validate the lines of a furniture phrase file: section name -> its phrases.

    As strict as `cartelkb.lexicon`: a line starting with "[" must be one of the known
    sections, each section comes once and is not empty, every phrase is under a section,
    can match some line (not empty once compared, a "*" phrase has letters or digits of
    its own, not longer than the lines furniture rules look at) and is listed once.

    Args:
        lines: the file's lines.
        source: the file's name, for messages.

    Raises:
        LexiconError: naming `source` and the line number.
    """
    found: dict[str, set[str]] = {}
    first_seen: dict[tuple[str, str], int] = {}
    section: str | None = None
    for number, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text or _COMMENT_LINE.match(text):
            continue
        where = f"{source} line {number}"
        if text.startswith("["):
            if not text.endswith("]"):
                raise LexiconError(f"{where}: {text!r} starts like a section but has no ']'")
            section = text[1:-1]
            if section not in SECTIONS:
                raise LexiconError(
                    f"{where}: unknown section {text}; the sections are "
                    + ", ".join(f"[{name}]" for name in SECTIONS)
                )
            if section in found:
                raise LexiconError(f"{where}: section {text} again; list each section once")
            found[section] = set()
            continue
        if section is None:
            raise LexiconError(f"{where}: phrase before any [section]")
        key = line_key(text)
        form = phrase_form(key)
        if not form:
            raise LexiconError(f"{where}: {text!r} is only punctuation, which is ignored")
        if "*" in form and not any(ch.isalnum() for ch in form.replace("*", "")):
            raise LexiconError(f"{where}: {text!r} needs words besides '*'")
        if len(key.replace("*", "")) > MAX_FURNITURE_CHARS:
            raise LexiconError(
                f"{where}: the phrase is over {MAX_FURNITURE_CHARS} characters; "
                "furniture rules do not look at lines that long"
            )
        if (section, form) in first_seen:
            raise LexiconError(
                f"{where}: {text!r} repeats line {first_seen[section, form]} "
                "(case, quotes, bullets and final stops are ignored)"
            )
        first_seen[section, form] = number
        found[section].add(form)
    for name in SECTIONS:
        if not found.get(name):
            raise LexiconError(f"{source}: section [{name}] is missing or empty")
    sections = {}
    for name in SECTIONS:
        forms = found[name]
        wild = sorted(f for f in forms if "*" in f)
        pattern = "|".join(_WILDCARD.join(map(re.escape, f.split("*"))) for f in wild)
        sections[name] = Section(
            exact=frozenset(f for f in forms if "*" not in f),
            wildcard=re.compile(pattern or r"(?!)"),
            first_words=frozenset(f.split(" ", 1)[0] for f in forms),
        )
    return sections


@lru_cache(maxsize=1)
def furniture_phrases() -> dict[str, Section]:
    """The phrases of data/furniture.txt, validated, read once per process."""
    path = resources.files("cartelkb.data").joinpath(_FILE)
    with path.open(encoding="utf-8") as fh:
        return parse_phrases(fh)


def is_phrase(key: str, *sections: str) -> bool:
    """Whether the whole line `key` is a furniture phrase of one of `sections`."""
    if len(key) > MAX_FURNITURE_CHARS:
        return False
    form = phrase_form(key)
    phrases = furniture_phrases()
    return any(phrases[name].fullmatch(form) for name in sections)
