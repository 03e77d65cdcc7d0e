"""Cardinals in digits or words ("1,500", "twenty-five", "a dozen") and vague counts ("several")."""

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
