"""Name keys: the normalized form every comparison of names in cartelkb goes through."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def strip_accents(text: str) -> str:
    """Remove combining marks: Michoacán -> Michoacan."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Normalize a name for comparison: case, accents, punctuation and a leading "the".

    `U.S.` -> `us`, `Michoacán` -> `michoacan`, `the United States` -> `united states`,
    `Treviño-Morales` -> `trevino morales`.
    """
    text = strip_accents(name).casefold().replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    out = []
    for ch in text:
        if ch.isalnum():
            out.append(ch)
        elif ch in "-/&" or ch.isspace():
            out.append(" ")
        # other punctuation (periods in U.S., apostrophes) is dropped
    words = "".join(out).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def is_function_words(text: str, key: str | None = None) -> bool:
    """Whether a name is only function words ("from", "of the"), so no name at all.

    Written in capitals it is an acronym and a name: "US", "WHO", "LA".

    Args:
        text: the name as written.
        key: its `name_key`, when the caller has it.
    """
    from cartelkb.lexicon import lexicon

    words = (name_key(text) if key is None else key).split()
    if not words or text.isupper():
        return False
    function_words = lexicon("names").words("function_words")
    return all(w in function_words for w in words)
