"""Clean-up before an expression is read: case, dashes, possessives, years in words, and
prefixes that keep its value.

The prefixes are leading prepositions, approximators ("about") and modifiers ("early").
"""

from __future__ import annotations

import re

from cartelkb.extract.dates.numbers import spelled_year
from cartelkb.extract.dates.reading import MAX_YEAR, MIN_YEAR
from cartelkb.extract.dates.vocabulary import (
    APPROXIMATORS,
    DROPPED_QUALIFIERS,
    DROPPED_TRAILING_WORDS,
    MODIFIERS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PREPOSITIONS,
    UNIT_FORMS,
)

_DROPPED_TRAILING_RE = re.compile(r"(?: (?:" + "|".join(sorted(DROPPED_TRAILING_WORDS)) + r"))+$")
# Kept before a quarter: a fiscal quarter is no calendar quarter (absolute.py reads it).
_DROPPED_QUALIFIERS_RE = re.compile(
    r"\b(?:" + "|".join(sorted(DROPPED_QUALIFIERS)) + r")\b(?! (?:\w+ )?quarter\b) ?"
)
# "some 20 years" is about 20 years; "some years" is a vague quantity.
_NUMBER_START_RE = re.compile(r"\d|" + "|".join(NUMBERS))


def clean(text: str) -> str:
    """Lowercase, one kind of dash and apostrophe, single spaces, no possessive."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"[\u2013\u2014\u2212]", "-", t)
    t = re.sub(r"\s+", " ", t).strip(' ,;:()"')
    t = re.sub(r"\b(\d{3}0)'s$", r"\1s", t)  # "the 1980's" is the 1980s
    t = re.sub(r"'s?$", "", t).strip()  # possessive: "Friday's", "five years'"
    # "mid-2024", "four-week", "twenty-five" -> words; numeric dates keep their hyphens.
    t = re.sub(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " ", t)
    t = _DROPPED_QUALIFIERS_RE.sub("", t).strip()
    t = _DROPPED_TRAILING_RE.sub("", t)
    return _ordinal_days_as_digits(_spelled_years_as_digits(re.sub(r"\s+", " ", t)))


def _ordinal_days_as_digits(t: str) -> str:
    """ "march eighth", "the twenty first of may" -> "march 8th", "the 21st of may": an
    ordinal right after a month name or right before "of" and one."""
    words = t.split()
    is_month = [w.rstrip(".,") in MONTHS for w in words]
    if not any(is_month):
        return t
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (2, 1):
            ordinal = " ".join(words[i : i + size])
            comma = "," if ordinal.endswith(",") else ""
            ordinal = ordinal.rstrip(",")
            after = i + size
            if (
                len(words[i:after]) == size
                and ordinal in ORDINALS
                and ORDINALS[ordinal] <= 31
                and (
                    (i > 0 and is_month[i - 1])
                    or (after + 1 < len(words) and words[after] == "of" and is_month[after + 1])
                )
            ):
                out.append(f"{ORDINALS[ordinal]}th{comma}")
                i = after
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _spelled_years_as_digits(t: str) -> str:
    """ "in two thousand six" -> "in 2006": a run of number words that spells a year and
    ends the text or comes before a date word, not a unit ("two thousand years")."""
    words = t.split()
    for i in range(len(words)):
        for j in range(len(words), i + 1, -1):
            if j < len(words) and words[j] in UNIT_FORMS:
                continue
            year = spelled_year(words[i:j])
            if year is not None and MIN_YEAR <= year <= MAX_YEAR:
                return " ".join([*words[:i], str(year), *words[j:]])
    return t


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
    """Drop leading prepositions, but not one that begins an approximator ("at least 30
    days": "at" would leave "least 30 days")."""
    while not any(t.startswith(a + " ") for a in APPROXIMATORS):
        first, _, rest = t.partition(" ")
        if first not in PREPOSITIONS or not rest:
            break
        t = rest
    return t


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
