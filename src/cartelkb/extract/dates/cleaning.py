"""Clean-up before an expression is read: case, dashes, possessives, prefixes that keep its value.

The prefixes are leading prepositions, approximators ("about") and modifiers ("early").
"""

from __future__ import annotations

import re

from cartelkb.extract.dates.vocabulary import (
    APPROXIMATORS,
    DROPPED_QUALIFIERS,
    MODIFIERS,
    NUMBERS,
    PREPOSITIONS,
)

_DROPPED_QUALIFIERS_RE = re.compile(r"\b(?:" + "|".join(sorted(DROPPED_QUALIFIERS)) + r")\b ?")
# "some 20 years" is about 20 years; "some years" is a vague quantity.
_NUMBER_START_RE = re.compile(r"\d|" + "|".join(NUMBERS))


def clean(text: str) -> str:
    """Lowercase, one kind of dash and apostrophe, single spaces, no possessive."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"[\u2013\u2014\u2212]", "-", t)
    t = re.sub(r"\s+", " ", t).strip(' ,;:()"')
    t = re.sub(r"'s?$", "", t).strip()  # possessive: "Friday's", "five years'"
    # "mid-2024", "four-week", "twenty-five" -> words; numeric dates keep their hyphens.
    t = re.sub(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " ", t)
    t = _DROPPED_QUALIFIERS_RE.sub("", t).strip()
    return re.sub(r"\s+", " ", t)


def strip_words(t: str, prefixes: tuple[str, ...] | frozenset[str]) -> str:
    """Drop leading `prefixes` (each a word or phrase) for as long as one matches."""
    changed = True
    while changed:
        changed = False
        for p in prefixes:
            if t.startswith(p + " ") and len(t) > len(p) + 1:
                t = t[len(p) + 1 :]
                changed = True
    return t


def strip_prepositions(t: str) -> str:
    return strip_words(t, PREPOSITIONS)


def strip_approximators(t: str) -> str:
    stripped = strip_words(t, APPROXIMATORS)
    if t.startswith("some ") and not _NUMBER_START_RE.match(stripped):
        return t  # "some years": a vague quantity, not "some 20 years"
    return stripped


def strip_modifiers(t: str) -> tuple[str, bool]:
    """Drop leading modifiers ("early", "the end of"); says whether one was dropped."""
    stripped = strip_words(t, MODIFIERS)
    if stripped == t and t.startswith("the "):  # "the late 1990s", "the mid-1980s"
        stripped = strip_words(t[4:], MODIFIERS)
        stripped = stripped if stripped != t[4:] else t
    stripped = strip_words(stripped, PREPOSITIONS)
    return stripped, stripped != t
