"""Titles before a person's name: the role it states, and where the name itself begins."""

from __future__ import annotations

from spacy.tokens import Doc

from cartelkb.extract.sentences import sentence_of
from cartelkb.extract.tokens import span_text
from cartelkb.knowledge import Knowledge
from cartelkb.lexicon import lexicon

_LEXICON = lexicon("entities")
TITLE_GLUE = _LEXICON.words("title_glue")
TITLE_MODIFIERS = _LEXICON.words("title_modifiers")
PERSON_LEAD = _LEXICON.words("person_span_lead")
TITLE_CHAIN_MAX = 14  # tokens between the title word and the name, at most


def match_title(doc: Doc, start: int, kb: Knowledge, sent_start: int) -> tuple[int, str] | None:
    """Find a title (President, U.S. Senator, former US President...) just before `start`.

    Returns:
        (token index where the title begins, the title text) or None.
    """
    best: tuple[int, str] | None = None
    titles = kb.title_set
    for first in range(max(sent_start, start - 5), start):
        text = span_text(doc, first, start)
        if text in titles:
            best = (first, text)
            break
    if best is None:
        best = title_chain(doc, start, kb, sent_start)
    if best is None:
        return None
    first = best[0]
    # Widen over modifiers that belong to the role: "former", a country or its possessive.
    while first > sent_start:
        prev = doc[first - 1]
        if prev.lower_ in TITLE_MODIFIERS or (
            prev.ent_type_ in {"GPE", "NORP"} and prev.text not in {",", "and"}
        ):
            first -= 1
        elif prev.tag_ == "POS" and first - 2 >= sent_start and doc[first - 2].ent_type_ == "GPE":
            first -= 2
        else:
            break
    return first, span_text(doc, first, start)


def title_chain(doc: Doc, start: int, kb: Knowledge, sent_start: int) -> tuple[int, str] | None:
    """A title that runs on up to the name: "Under Secretary of the Treasury for Terrorism
    and Financial Intelligence Brian E. Nelson" -> the words before "Brian".

    Walks back over capitalized words and title glue (of, for, and, the) and stops at a
    person, a demonym, or any other lower-case word; the chain must begin with a known
    title and not end in glue.

    Returns:
        (token index where the title begins, the title text) or None.
    """
    first = start
    while first > sent_start and start - first < TITLE_CHAIN_MAX:
        prev = doc[first - 1]
        capitalized = prev.is_alpha and prev.text[:1].isupper()
        if prev.ent_type_ in {"PERSON", "NORP"} or not (
            capitalized
            or prev.ent_type_ in {"GPE", "LOC", "ORG"}  # "U.S." in "U.S. Attorney for"
            or prev.lower_ in TITLE_GLUE
            or prev.text in {"'s", "’s"}
        ):
            break
        first -= 1
    if first == start or doc[start - 1].lower_ in TITLE_GLUE:
        return None
    for i in range(first, start):
        for width in (4, 3, 2, 1):
            if i + width <= start and span_text(doc, i, i + width) in kb.title_set:
                if i + width < start and doc[i + width].lower_ not in TITLE_GLUE:
                    # "Secretary Smith Director" is no chain: after the title word the
                    # chain goes on with "of"/"for", or the name follows at once.
                    continue
                return i, span_text(doc, i, start)
    return None


def extend_given_names(doc: Doc, start: int, kb: Knowledge) -> int:
    """Take in given names the NER left out ("Ovidio [Guzmán López]")."""
    sent_start = sentence_of(doc, start).start
    if title_chain(doc, start, kb, sent_start) is not None:
        return start  # the capitalized words before the name belong to a title
    steps = 0
    while start > sent_start and steps < 2:
        prev = doc[start - 1]
        if not (
            prev.pos_ == "PROPN"
            and prev.ent_type_ == ""
            and prev.is_alpha
            and prev.text[:1].isupper()
            and not prev.is_upper
            and prev.text not in kb.title_set
            and prev.lower_ not in PERSON_LEAD  # "[Field] Division William R. Sherman"
            and kb.lookup(prev.text) is None
        ):
            break
        start -= 1
        steps += 1
    return start


def strip_leading_title(doc: Doc, start: int, end: int, kb: Knowledge) -> tuple[int, str | None]:
    """A title inside the entity span ("President Sheinbaum") moves to the role."""
    for cut in range(min(end - 1, start + 5), start, -1):
        text = span_text(doc, start, cut)
        if text in kb.title_set:
            return cut, text
    return start, None
