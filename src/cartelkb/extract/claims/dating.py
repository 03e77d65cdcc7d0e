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
        clause: set[int] | None = None
        for d in self.dates[lo:]:
            if d.start >= sent.end_char:
                break
            if clause is None:
                clause = self._clause_tokens(head)
            first = bisect.bisect_right(self.article.tok_starts, d.start) - 1
            if first in clause:
                return d.value
        return None

    def _clause_tokens(self, head: Token) -> set[int]:
        """The clause's own tokens: its subtree minus embedded clauses with their own claims."""
        tokens = {t.i for t in head.subtree}
        for tok in head.subtree:
            if (
                tok.i != head.i
                and tok.i in tokens
                and tok.dep_ in CLAUSE_DEPS
                and (tok.pos_ in {"VERB", "AUX"})
            ):
                tokens -= {t.i for t in tok.subtree}
        return tokens
