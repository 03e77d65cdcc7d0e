"""The sentences of a Doc, computed once per Doc and shared by the extractors.

`Doc.sents` rebuilds every Span on each access (a pass over all tokens), and
`Token.sent` scans the Doc; the extractors ask for sentences thousands of times per
article, so the list and its start offsets are kept in `doc.user_data`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from cartelkb.extract.tokens import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_KEY = "cartelkb_sents"


def _index(doc: Doc) -> tuple[list[Span], list[int]]:
    index = doc.user_data.get(_KEY)
    if index is None:
        sents = list(doc.sents)
        index = (sents, [s.start for s in sents])
        doc.user_data[_KEY] = index
    return index


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, in order (the same list on every call)."""
    return _index(doc)[0]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`."""
    sents, starts = _index(doc)
    return sents[bisect_right(starts, i) - 1]


def sentence_end(doc: Doc, sent: Span) -> int:
    """Where the sentence's text ends, trailing whitespace (a line break) left out."""
    text = doc_text(doc)
    end = sent.end_char
    while end > sent.start_char and text[end - 1].isspace():
        end -= 1
    return end
