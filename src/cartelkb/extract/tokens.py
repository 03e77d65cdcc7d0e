"""The texts and character offsets of a Doc's tokens, and its text, read once per Doc
and shared.

Every `Token` spaCy hands out is a new Python object, so a list comprehension over the
Doc costs a pass of object creation; the extractors need the token texts and offsets
in several places per article. The lists are kept in `doc.user_data` (as
`cartelkb.extract.sentences` keeps the sentences) and must not be changed by callers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "cartelkb_tokens"


def _tables(doc: Doc) -> tuple[list[str], list[int], list[str]]:
    tables = doc.user_data.get(_KEY)
    if tables is None:
        tables = ([], [], [])
        texts, starts, spaces = tables
        for t in doc:
            texts.append(t.text)
            starts.append(t.idx)
            spaces.append(t.whitespace_)
        doc.user_data[_KEY] = tables
    return tables


def doc_text(doc: Doc) -> str:
    """`doc.text` (which joins every token again on each access)."""
    found = doc.user_data.get(_TEXT_KEY)
    if found is None:
        found = doc.user_data[_TEXT_KEY] = doc.text
    return str(found)


_TEXT_KEY = "cartelkb_text"


def texts(doc: Doc) -> list[str]:
    """The text of each token (`token.text`), by token index."""
    return _tables(doc)[0]


def starts(doc: Doc) -> list[int]:
    """The offset of each token's first character (`token.idx`), by token index."""
    return _tables(doc)[1]


def spaces(doc: Doc) -> list[str]:
    """The whitespace after each token (`token.whitespace_`), by token index."""
    return _tables(doc)[2]


def char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The character offsets of the tokens [start, end) (`doc[start:end]`'s start_char
    and end_char), without building the Span."""
    if end <= start:
        at = starts(doc)[start] if start < len(doc) else len(doc_text(doc))
        return at, at
    words, offsets = texts(doc), starts(doc)
    return offsets[start], offsets[end - 1] + len(words[end - 1])
