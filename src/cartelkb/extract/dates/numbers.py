"""Cardinals in digits or words ("1,500", "twenty-five", "a dozen"), vague counts ("several")
and years in words ("two thousand six", "nineteen ninety-six")."""

from __future__ import annotations

import re

from cartelkb.extract.dates.vocabulary import NUMBERS, VAGUE_QUANTITIES


def number(words: str) -> int | str | None:
    """Cardinal in digits or words; "X" for a vague quantity ("several"); None otherwise."""
    words = words.strip()
    if words in VAGUE_QUANTITIES or words in ("some", "a few more"):
        return "X"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", words):
        value = int(words.replace(",", ""))
        return value if value <= 100000 else None
    if words in NUMBERS:
        return NUMBERS[words]
    total = 0
    current = 0
    for w in words.replace(" and ", " ").split():
        if w in ("a", "one") and current == 0:
            current = 1
        elif w in NUMBERS:
            current += NUMBERS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current if (total + current) > 0 else None


_TEENS = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen", "twenty"}  # fmt: skip
_NUMBER_WORDS = set(NUMBERS) | {"hundred", "thousand", "and", "oh"}


def spelled_year(words: list[str]) -> int | None:
    """A year said in words: "two thousand (and) six", "nineteen ninety six", "nineteen
    oh five", "twenty ten" (the hyphens already spaces); None for other numbers ("twenty
    five" is 25, "nineteen" a count)."""
    if len(words) < 2 or any(w not in _NUMBER_WORDS for w in words):
        return None
    if words[1] == "thousand" and words[0] in ("one", "two"):
        rest = [w for w in words[2:] if w != "and"]
        tail = number(" ".join(rest)) if rest else 0
        return NUMBERS[words[0]] * 1000 + tail if isinstance(tail, int) and tail < 100 else None
    if words[0] in _TEENS and "thousand" not in words and "hundred" not in words:
        rest = words[1:]
        if rest[0] == "oh" and len(rest) == 2 and rest[1] in NUMBERS and NUMBERS[rest[1]] < 10:
            return NUMBERS[words[0]] * 100 + NUMBERS[rest[1]]
        tail = number(" ".join(rest))
        if isinstance(tail, int) and 10 <= tail < 100:
            return NUMBERS[words[0]] * 100 + tail
    return None
