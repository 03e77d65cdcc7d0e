"""Bylines and personal names: the forms a byline takes and the shape of a person's name."""

from __future__ import annotations

import re

from cartelkb.extract.reader.lines import alternation
from cartelkb.lexicon import lexicon

_LEX = lexicon("reader")

_ROLE = alternation(_LEX.words("byline_roles")) + "s?"
_BY_PREFIX = re.compile(
    rf"^{alternation(_LEX.phrases('byline_prefixes'))}\s*:?\s+",
    re.IGNORECASE,
)
# "<Role> NAME": a known title, at most one modifier before it ("Reporter Jane Doe",
# "Staff writer Jane Doe", "Senior Correspondent: José Ángel Núñez"), as newspapers print
# a credit line. Anything longer before the name is prose or a self-description.
_TITLE_PREFIX = re.compile(
    rf"^(?:{alternation(_LEX.words('byline_title_modifiers'))}\s+)?"
    rf"{alternation(_LEX.phrases('byline_titles'))}s?\s*[:,]?\s+",
    re.IGNORECASE,
)
_AFFILIATION_CUT = re.compile(r"[,;]\s*|\s+(?:for|of|at|on|with)\s+|\s*\(|\s+[-–—]\s+")
_PARTICLES = _LEX.words("name_particles")
_SUFFIXES = _LEX.words("name_suffixes")
# Words that make a capitalized phrase an outlet or a role rather than a person.
_MEDIA_WORDS = _LEX.words("media_words")
_WIRES = _LEX.words("wires") | frozenset(_LEX.phrases("wire_names"))


_SPEAKER_TITLES = _LEX.words("speaker_titles")
# "Ambassador Ken Salazar's Statement" (state.gov embassy pages): the speaker is the author.
_SPEAKER_LINE = re.compile(
    rf"(?P<who>.+?)['’]s\s+{alternation(_LEX.words('statement_nouns'))}", re.IGNORECASE
)

# "By | Thursday, 13 November 2025": a byline whose author link the scrape dropped.
EMPTY_BYLINE = re.compile(r"by\s*:?", re.IGNORECASE)
_TRAILING_LINK_WORD = re.compile(r"\s+(?:on|at|updated|published|posted|[|·•–—-])$", re.IGNORECASE)


def byline(segment: str, *, weak: bool = True) -> str | None:
    """The personal name(s) in a byline segment, or None if it is not a byline.

    Forms: "By A B [and C D][, Outlet]", "Written by", "Author:", then with `weak`:
    "<Title> A B" ("Staff writer A B", see _TITLE_PREFIX) and "A B, Outlet" / "A B,
    staff writer".
    """
    segment = segment.strip().rstrip(".,;")
    # "Jane Doe, Chicago Tribune on" / "... | ": a scrape that dropped the date after it.
    segment = _TRAILING_LINK_WORD.sub("", segment)
    prefix = _BY_PREFIX.match(segment)
    if prefix:
        return _names_then_affiliation(segment[prefix.end() :], strict=False)
    if not weak:
        return None
    # The names run to the end of the segment (or to an outlet after them).
    title = _TITLE_PREFIX.match(segment)
    if title:
        name = _names_then_affiliation(segment[title.end() :], strict=True)
        if name:
            return name
    speaker = _SPEAKER_LINE.fullmatch(segment)
    if speaker:
        return speaker_name(speaker.group("who"))
    # "Jane Doe, Reuters" / "Jane Doe, staff writer": the affiliation must look like one,
    # or any capitalized pair on the first lines ("Mexico City, Mexico") would be a byline.
    return _names_then_affiliation(segment, strict=True, need_affiliation=True)


def _names_then_affiliation(
    text: str, *, strict: bool, need_affiliation: bool = False
) -> str | None:
    """Split "NAMES[, AFFILIATION]" and return NAMES when they are personal names.

    Cuts are tried from the right, so "Jane Doe, John Roe, Reuters" keeps both names.
    `strict` requires the affiliation to look like an outlet or a role; "By ..." lines
    are a strong enough signal to accept any short affiliation.
    """
    text = text.strip()
    if not need_affiliation:
        names = name_list(text)
        if names:
            return names
    for cut in reversed(list(_AFFILIATION_CUT.finditer(text))):
        names = name_list(text[: cut.start()])
        affiliation = text[cut.end() :].strip(" )")
        if not names or not affiliation or len(affiliation.split()) > 10:
            continue
        if not strict or is_affiliation(affiliation):
            return names
    return None


def is_affiliation(text: str) -> bool:
    """An outlet or a role: a wire service, a role word, or a short capitalized phrase
    ending in a media word ("The Dallas Morning News", "Department Spokesperson")."""
    lowered = text.lower()
    if lowered in _WIRES or re.search(rf"\b{_ROLE}\b", lowered):
        return True
    if is_official_title(text):  # the byline of a statement ("Jane Doe, Secretary of State")
        return True
    words = [w.strip(".,'’\"") for w in text.split()]
    return (
        bool(words)
        and len(words) <= 6
        and words[0][:1].isupper()
        and words[-1].lower() in _MEDIA_WORDS
    )


def is_official_title(text: str) -> bool:
    """An official's title as a byline gives it: capitalized, opening with a title word
    ("Secretary of State", "Attorney General of the United States"), at most 8 words."""
    words = text.split()
    return (
        bool(words)
        and len(words) <= 8
        and text[:1].isupper()
        and words[0].lower().strip(".,") in _SPEAKER_TITLES
    )


def starts_with_title(word: str) -> bool:
    """Whether `word` (lower-case) is an official's title word ("attorney", "secretary")."""
    return word in _SPEAKER_TITLES


def name_list(text: str) -> str | None:
    """`text` if it is one or more personal names ("A B", "A B and C D", "A B, C D & E F")."""
    text = text.strip().rstrip(".,;")
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", text) if p]
    if parts and all(is_person_name(p) for p in parts):
        return text
    return None


def is_person_name(text: str) -> bool:
    """Two to six name tokens: capitalized words, initials, particles (de, van), suffixes."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 6 or tokens[0].lower() == "the":
        return False
    for pos, token in enumerate(tokens):
        core = token.strip("\"'“”‘’()")  # a quoted nickname: Robert "Bob" Smith
        bare = core.rstrip(".,").lower()
        if not core:
            return False
        if bare in _MEDIA_WORDS or bare in _WIRES:
            return False
        if 0 < pos < len(tokens) - 1 and bare in _PARTICLES:
            continue
        if pos == len(tokens) - 1 and pos > 1 and bare in _SUFFIXES:
            continue
        if re.fullmatch(r"(?:[^\W\d_]\.)+", core) and core[0].isupper():
            continue  # initials: J. or J.R.
        if not (core[0].isupper() and all(ch.isalpha() or ch in "'’-." for ch in core)):
            return False
    return True


def speaker_name(text: str) -> str | None:
    """The personal name in "TITLE ... NAME" ("Ambassador Ken Salazar" -> "Ken Salazar"),
    the titles of speaker_titles taken off the front; None when no full name is left."""
    tokens = text.split()
    while tokens and tokens[0].strip(".,").lower() in _SPEAKER_TITLES:
        tokens.pop(0)
    name = " ".join(tokens)
    return name if is_person_name(name) else None
