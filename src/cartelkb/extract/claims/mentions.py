"""Fallback mentions from spaCy's NER, for callers that have none of their own."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from cartelkb.extract.sentences import sentences
from cartelkb.extract.tokens import entities
from cartelkb.knowledge import load as load_knowledge
from cartelkb.records import MentionRecord

_MENTION_LABELS = {"PERSON", "ORG", "GPE", "LOC"}


def mentions_from_ents(doc: Doc) -> list[MentionRecord]:
    """Fallback mentions from the NER: names only, demonyms mapped to their country."""
    kb = load_knowledge()
    out: list[MentionRecord] = []
    person_surnames = {
        ent[-1].lower_ for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1
    }
    sents = sentences(doc)
    sent_starts = [s.start for s in sents]
    for ent in entities(doc):
        label = ent.label_
        known = kb.lookup(ent.text)
        canonical = ent.ent_id_ or (known.canonical if known else None)
        if label == "NORP":
            entry = kb.demonym(ent.text)
            if entry is None or ent.root.tag_ in {"NNS", "NNPS"}:
                continue
            label, canonical = entry.type, entry.canonical
        if label not in _MENTION_LABELS:
            continue
        if ent.root.pos_ == "NOUN" and not canonical:
            continue  # "Cartels" tagged ORG: a common noun, not a name
        if label == "ORG" and len(ent) == 1 and ent[0].lower_ in person_surnames:
            label = "PERSON"  # "Trump" tagged ORG where "Donald Trump" is a PERSON
        start = ent.start
        if doc[start].lower_ == "the" and len(ent) > 1:
            start += 1
        span = doc[start : ent.end]
        sent = sents[bisect.bisect_right(sent_starts, ent.start) - 1]
        out.append(
            MentionRecord(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label=label,  # type: ignore[arg-type]
                name=span.text,
                canonical=canonical,
                sent_start=sent.start_char,
                sent_end=sent.end_char,
            )
        )
    return out
