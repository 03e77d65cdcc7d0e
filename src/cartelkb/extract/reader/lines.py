"""Tests on one line of text shared by the furniture and header rules: comparison key, sentences.

Also `alternation`, which turns a word list of data/lexicons/reader.toml into a regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cartelkb.lexicon import lexicon

# Furniture and header rules look only at lines this short: a long line is a paragraph even
# when it happens to start with "Subscribe to" or "Click here" (this also keeps their
# regular expressions off multi-megabyte lines).
MAX_FURNITURE_CHARS = 250

# Zero-width characters are invisible in an editor; comparisons must not see them either.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def line_key(line: str) -> str:
    """Comparison form of a line: invisible characters dropped, whitespace (NBSP too) collapsed."""
    return " ".join(line.translate(INVISIBLE).split())


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of `words` (escaped; a space matches any whitespace).

    Longest first, so a word is never cut short by another that begins it ("dated" is
    tried before "date"); the order is fixed, whatever the order of a set.
    """
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) + ")"


# A sentence boundary: a word, sentence punctuation, a space, then a capital.
_BREAK_CANDIDATE = re.compile(r"(?P<word>[^\W_]+)(?P<punct>[.!?])[\"”’)]?\s+[\"“‘'(]?[A-Z0-9]")
# Abbreviations whose full stop does not end a sentence ("Sen. Rubio", "Aug. 29").
_ABBREVIATIONS = lexicon("reader").words("abbreviations")


def has_sentence_break(text: str, *, questions: bool) -> bool:
    """Whether `text` holds more than one sentence.

    Initials and acronyms ("U.S. Troops", "J. Doe") and common abbreviations are not
    boundaries. With `questions` False, "?" and "!" inside do not count (headlines such
    as "Will Trump Strike? Mexico Waits" have them).
    """
    for match in _BREAK_CANDIDATE.finditer(text):
        word, punct = match.group("word"), match.group("punct")
        if punct != ".":
            if questions:
                return True
            continue
        if len(word) == 1 or word.lower() in _ABBREVIATIONS:
            continue
        return True
    return False


def is_sentence(key: str) -> bool:
    """A line of prose: eight words or more ending like a sentence (so not a headline)."""
    core = key.rstrip("\"'”’»)]")
    return len(key.split()) >= 8 and core[-1:] in (".", "?", "!")
