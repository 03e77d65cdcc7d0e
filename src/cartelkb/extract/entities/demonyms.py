"""Demonyms as mentions of their country: "Mexican authorities" names Mexico, "Mexicans" not."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from cartelkb.knowledge import Knowledge, KnownEntity
from cartelkb.lexicon import lexicon

LANGUAGE_NOUNS = lexicon("entities").words("language_nouns")


def denoted_country(doc: Doc, ent: Span, kb: Knowledge) -> KnownEntity | None:
    """The country a NORP span mentions, or None when it names people or a language.

    A demonym denotes the country when it modifies a noun ("Mexican authorities",
    "Mexican-U.S."), not when it names people ("Mexicans"); only a country's demonym
    counts ("North American" names a continent's people, not a place in the text).
    """
    entry = kb.demonym(ent.text)
    if entry is None or entry.type != "GPE" or ent.root.tag_ in {"NNPS", "NNS"}:
        return None
    if ent.root.dep_ not in {"amod", "compound", "nmod", "npadvmod"} and not (
        ent.end < len(doc) and doc[ent.end].text == "-"
    ):
        return None
    if names_a_language(doc, ent):
        return None
    return entry


def names_a_language(doc: Doc, ent: Span) -> bool:
    """True when the demonym is a language: "the Spanish word", "Spanish-speaking"."""
    head = ent.root.head
    if head.i != ent.root.i and head.lower_ in LANGUAGE_NOUNS:
        return True
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) and doc[ent.end].text == "-" else None
    return after is not None and after.lower_ in LANGUAGE_NOUNS
