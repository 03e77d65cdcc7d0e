"""Which tokens name an event, and of which type: verbs, event nouns, transfer verbs,
"identified as" designations, "ordered to life" sentences; headline capitals included."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from cartelkb.extract.events.vocab import (
    AS_DESIGNATION_VERBS,
    DESIGNATION_LABELS,
    LIFE_TERMS,
    LIGHT_NOUNS,
    NOUN_TRIGGERS,
    TERM_UNITS,
    TERM_VERBS,
    TRANSFER_VERBS,
    VERB_TRIGGERS,
)
from cartelkb.extract.tokens import children_of

_VOWELS = set("aeiou")
_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}


def _verb_forms(lemma: str) -> set[str]:
    """The regular inflections of a verb (for headline words the tagger calls PROPN)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", stem + "ed", stem + "ing"}
    if (
        len(lemma) <= 5
        and len(lemma) >= 3
        and lemma[-1] not in _VOWELS | {"w", "x", "y"}
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # expelled, nabbed
    if lemma.endswith("ead"):
        forms.add(lemma[:-3] + "ed")  # plead -> pled
    return forms


_VERBS = set(VERB_TRIGGERS) | TRANSFER_VERBS | AS_DESIGNATION_VERBS | TERM_VERBS
VERB_FORMS: dict[str, str] = {f: v for v in sorted(_VERBS) for f in _verb_forms(v)}
NOUN_FORMS: dict[str, str] = {f: n for n in NOUN_TRIGGERS for f in (n, n + "s")}
# a token is a trigger only if its lowercase form or its lemma is one of these (checked
# first: almost no token is, and the tests below read several attributes of each)
_FORMS = frozenset(VERB_FORMS) | frozenset(NOUN_FORMS)
_LEMMAS = frozenset(_VERBS) | frozenset(NOUN_TRIGGERS)


@dataclass
class Trigger:
    """A token naming an event; `type` is None for a transfer verb until its patient
    says whether it is an extradition or a deployment."""

    tok: Token
    lemma: str
    type: str | None
    verbal: bool
    transfer: bool = False


def may_trigger(lower: str, lemma: str) -> bool:
    """Whether a token's lowercase form or its lemma is any trigger's: `classify` says
    None to every other token, so a scan may skip them on the token tables."""
    return lower in _FORMS or lemma.lower() in _LEMMAS


def _lemma(tok: Token) -> tuple[str, bool] | None:
    """The trigger lemma of a token and whether it is verbal, or None."""
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if not may_trigger(low, lemma):
        return None
    if tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ not in {"VERB", "NOUN"}):
        # headlines: "Eduardo Arellano-Felix Extradited From Mexico", "Treasury Sanctions"
        verb = VERB_FORMS.get(low)
        noun = NOUN_FORMS.get(low)
        has_args = any(c.dep_ in {"dobj", "nsubj", "nsubjpass", "agent"} for c in children_of(tok))
        if verb is not None and (noun is None or has_args or low.endswith(("ed", "ing"))):
            return verb, True
        if noun is not None:
            return noun, False
        return None
    if tok.pos_ in {"VERB", "AUX"} or (tok.tag_ in _VERB_TAGS and tok.pos_ != "NOUN"):
        if lemma in _VERBS:
            return lemma, True
        if VERB_FORMS.get(low) in _VERBS:
            return VERB_FORMS[low], True
        return None
    if tok.pos_ in {"NOUN", "ADJ"} and lemma in NOUN_TRIGGERS:
        return lemma, False
    if tok.pos_ == "NOUN" and low in NOUN_FORMS:
        return NOUN_FORMS[low], False
    return None


def classify(tok: Token) -> Trigger | None:
    """The trigger a token is, or None."""
    found = _lemma(tok)
    if found is None:
        return None
    lemma, verbal = found
    if verbal:
        if lemma in VERB_TRIGGERS:
            return Trigger(tok, lemma, VERB_TRIGGERS[lemma], True)
        if lemma in TRANSFER_VERBS:
            return Trigger(tok, lemma, None, True, transfer=True)
        if lemma in AS_DESIGNATION_VERBS and _as_label(tok):
            return Trigger(tok, lemma, "designation", True)
        if lemma in TERM_VERBS and _term_complement(tok):
            return Trigger(tok, lemma, "sentence", True)
        return None
    if tok.dep_ == "compound" and tok.head.lemma_.lower() not in LIGHT_NOUNS:
        return None  # "the arrest operation", "the extradition effort"
    if tok.head.lower_ == "in" and tok.dep_ == "pobj" and lemma == "charge":
        return None  # "in charge of"
    return Trigger(tok, lemma, NOUN_TRIGGERS[lemma], False)


def _as_label(verb: Token) -> bool:
    """ "identified ... as significant foreign narcotics traffickers": a designation label."""
    for child in children_of(verb):
        if child.dep_ == "prep" and child.lower_ == "as":
            return any(t.lemma_.lower() in DESIGNATION_LABELS for t in child.subtree)
    return False


def _term_complement(verb: Token) -> bool:
    """ "ordered to life in federal prison", "condemned to 20 years": a prison term."""
    for child in children_of(verb):
        if child.dep_ == "prep" and child.lower_ == "to":
            for pobj in children_of(child):
                if pobj.dep_ != "pobj":
                    continue
                if pobj.lower_ in LIFE_TERMS:
                    return True
                if pobj.lower_ in TERM_UNITS and any(c.like_num for c in children_of(pobj)):
                    return True
    return False
