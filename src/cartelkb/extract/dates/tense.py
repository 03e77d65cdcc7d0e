"""The tense of the clause a date sits in, from its governing verb and auxiliaries; whether
the clause narrates a time before another one (the past perfect, reported speech)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cartelkb.extract.dates.reading import Tense
from cartelkb.extract.dates.vocabulary import (
    FUTURE_AUXILIARIES,
    INTENTION_HEADS,
    MODAL_AUXILIARIES,
    REPORTING_VERBS,
    SCHEDULING_PARTICIPLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def narrates_the_past(span: Span) -> bool:
    """Whether the clause of a date speaks from a past reference time, not from the
    article's: the past perfect ("had fled in March": Reichenbach's E < R < S, R given by
    the story) or speech reported in the past ("police said he fled in March").
    """
    verb = _governing_verb(span)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        return True
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.lemma_ in REPORTING_VERBS
        and (head.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children))
    )


def is_adverbial(span: Span) -> bool:
    """Whether a date tells when its clause's event happened ("police arrested him on June
    3, 2009", "In March 2009, troops arrived"), not what a noun is ("the August 1988
    cease-fire", "2009 elections")."""
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "appos"):
        return False
    head = root.head
    if root.dep_ == "pobj":
        head = head.head  # the preposition's head
    return head.pos_ in ("VERB", "AUX")


def clause_tense(span: Span) -> Tense | None:
    """Tense of the clause a date sits in, from its governing verb and auxiliaries.

    "was arrested in August" -> past; "will travel in May" -> future; "runs until December"
    -> future (present with "until": the end point is ahead). Other present and
    present-perfect clauses say nothing.
    """
    token = span.root
    prep = token.head.lower_ if token.dep_ == "pobj" else None
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUXILIARIES or token.lower_ in ("will", "shall"):
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (
        token.dep_ == "xcomp" and token.head.lemma_ in INTENTION_HEADS | SCHEDULING_PARTICIPLES
    ):
        return "future"
    if token.lemma_ in INTENTION_HEADS and token.tag_ in ("VBZ", "VBP") and not auxes:
        return "future"  # "On Tuesday, the league plans to hold a news conference"
    if (
        token.lemma_ in SCHEDULING_PARTICIPLES
        and token.tag_ == "VBN"
        and not any(a.tag_ == "VBD" for a in auxes)
    ):
        return "future"  # "is scheduled for May"
    if words & MODAL_AUXILIARIES:
        return None
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return None
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if prep in ("until", "till"):
        return "future"
    return None
