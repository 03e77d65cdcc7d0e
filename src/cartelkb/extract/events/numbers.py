"""Numbers as written in English and Spanish news text: digits, words and scales -> float.

"1,186" -> 1186, "3.5" -> 3.5, "4 million" -> 4e6, "one thousand" -> 1000, "twenty-five"
-> 25, "5 millones" -> 5e6, "mil millones" -> 1e9. The words are in `lexicons/events.toml`
([number_words], [number_scales]). Vague plurals ("thousands", "millions of doses") are
not numbers: they name no amount.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cartelkb.extract.events.vocab import NUMBER_SCALES, NUMBER_WORDS

# "1,186", "100,000", "3.5", "2": digit groups of three after the first, one decimal part.
# A European "1.186" (a thousands dot) is read as 1.186: the corpus is US English.
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_HYPHENS = {"-", "‐", "–"}


def parse_digits(text: str) -> float | None:
    """A numeral written in digits, or None ("1,186" -> 1186.0)."""
    if not _DIGITS.fullmatch(text):
        return None
    return float(text.replace(",", ""))


def is_number_word(word: str) -> bool:
    """Whether a word is part of a number (a digit numeral, a number word, a scale)."""
    low = word.lower()
    return parse_digits(word) is not None or low in NUMBER_WORDS or low in NUMBER_SCALES


def read_number(words: Sequence[str], start: int = 0) -> tuple[float, int] | None:
    """The number that begins at `words[start]`, and the index just after it.

    Hyphens between number words are read through ("twenty-five"); a scale multiplies
    what comes before it ("4 million", "two thousand six" = 2006). A scale word alone
    ("million") is not a number.

    >>> read_number(["5", "millones", "de", "dólares"])
    (5000000.0, 2)
    """
    total = 0.0
    current: float | None = None
    i = start
    seen_any = False
    while i < len(words):
        word = words[i]
        low = word.lower()
        digits = parse_digits(word)
        two = f"{low} {words[i + 1].lower()}" if i + 1 < len(words) else ""
        if two in NUMBER_SCALES:
            scale, width = float(NUMBER_SCALES[two]), 2
        elif low in NUMBER_SCALES:
            scale, width = float(NUMBER_SCALES[low]), 1
        else:
            scale, width = 0.0, 0
        if digits is not None or low in NUMBER_WORDS:
            if current is not None and digits is not None:
                break  # "2 3": two numbers
            value = digits if digits is not None else float(NUMBER_WORDS[low])
            current = (current or 0.0) + value
            seen_any = True
            i += 1
        elif width:
            if not seen_any:
                if low == "mil" or two == "mil millones":
                    current = 1.0  # Spanish "mil" alone is a thousand
                else:
                    return None
            if scale == 100:
                current = (current or 1.0) * scale
            else:
                total += (current or 1.0) * scale
                current = None
            seen_any = True
            i += width
        elif (
            word in _HYPHENS
            and seen_any
            and i + 1 < len(words)
            and words[i + 1].lower() in NUMBER_WORDS
            and current is not None
            and current % 100 >= 20
        ):
            i += 1  # "twenty-five"
        else:
            break
    if not seen_any:
        return None
    return total + (current or 0.0), i
