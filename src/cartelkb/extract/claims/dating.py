"""A claim's date: the point-in-time expression inside its own clause."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cartelkb.extract.claims.syntax import CLAUSE_DEPS
from cartelkb.records import DateRecord
from cartelkb.timespan import interval

if TYPE_CHECKING:
    from spacy.tokens import Token

    from cartelkb.extract.claims.context import Article


def is_point_in_time(date: DateRecord) -> bool:
    """Whether a date expression can date a claim: a calendar point at some precision.

    Durations ("life plus 30 years" -> P30Y), sets ("daily", "every Friday" -> P1D,
    XXXX-WXX-5) and vague references say how long or how often, not when (TIMEX3
    types DURATION and SET, Pustejovsky et al. 2003); values with X digits are unresolved,
    and PRESENT_REF ("now") names no calendar day: a point is a value that covers an
    interval of days (`cartelkb.timespan.interval`).
    """
    if date.kind in {"duration", "set", "vague"}:
        return False
    return interval(date.value) is not None


class ClaimDates:
    """The article's point-in-time dates, found by clause."""

    def __init__(self, article: Article, dates: Sequence[DateRecord]) -> None:
        self.article = article
        self.dates = sorted((d for d in dates if is_point_in_time(d)), key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]

    def date_of(self, head: Token) -> str | None:
        """The value of the first point-in-time expression inside the clause headed by `head`."""
        if not self.dates:
            return None
        sent = self.article.sent(head)
        lo = bisect.bisect_left(self.date_starts, sent.start_char)
        for d in self.dates[lo:]:
            if d.start >= sent.end_char:
                break
            first = bisect.bisect_right(self.article.tok_starts, d.start) - 1
            if _in_clause(self.article.doc[first], head):
                return d.value
        return None


def _in_clause(tok: Token, head: Token) -> bool:
    """Whether `tok` is one of the clause's own tokens: in the subtree of `head`, and not
    inside an embedded clause with claims of its own (a verb below `head` attached as
    ccomp, conj, advcl, ...). Read up the token's chain of heads, not off the subtree."""
    cur = tok
    while cur.i != head.i:
        if cur.dep_ in CLAUSE_DEPS and cur.pos_ in {"VERB", "AUX"}:
            return False
        parent = cur.head
        if parent.i == cur.i:
            return False  # the sentence's root, and `head` was not on the way
        cur = parent
    return True
