"""The token tables (cartelkb.extract.tokens) and the parse look-ups read off them
(claims.syntax) answer exactly what spaCy's Token and Span attributes answer."""

from __future__ import annotations

import pytest

from cartelkb.extract import tokens
from cartelkb.extract.claims.syntax import child_of, child_words, has_child, subtree_indices

TEXTS = [
    "WASHINGTON – The Drug Enforcement Administration said Friday that agents had\n"
    'arrested two men, Juan Roe and Pedro Poe, in Sinaloa.  "We will not rest," she said.\n',
    "Mexico and the United States, according to officials, agreed to share intelligence "
    "on the cartels that ship fentanyl north; the talks, which began in May, continue.",
    "",
    "   ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_tables_match_the_tokens(nlp, text):
    doc = nlp(text)
    assert tokens.texts(doc) == [t.text for t in doc]
    assert tokens.starts(doc) == [t.idx for t in doc]
    assert tokens.spaces(doc) == [t.whitespace_ for t in doc]
    assert tokens.deps(doc) == [t.dep_ for t in doc]
    assert tokens.lowers(doc) == [t.lower_ for t in doc]
    assert [list(kids) for kids in tokens.children(doc)] == [[c.i for c in t.children] for t in doc]
    assert tokens.doc_text(doc) == doc.text
    assert [(e.start, e.end, e.label_) for e in tokens.entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    assert tokens.heads(doc) == [t.head.i for t in doc]
    assert tokens.poses(doc) == [t.pos_ for t in doc]
    assert tokens.tags(doc) == [t.tag_ for t in doc]
    assert tokens.lemmas(doc) == [t.lemma_ for t in doc]
    assert tokens.tokens(doc) == list(doc)
    assert [[c.i for c in kids] for kids in tokens.child_tokens(doc)] == [
        list(kids) for kids in tokens.children(doc)
    ]
    for t in doc:
        assert list(tokens.children_of(t)) == list(t.children)


@pytest.mark.parametrize("text", TEXTS[:2])
def test_span_text_and_bounds_match_spans(nlp, text):
    doc = nlp(text)
    n = len(doc)
    for start in range(n):
        for end in range(start + 1, min(n, start + 6) + 1):
            span = doc[start:end]
            assert tokens.span_text(doc, start, end) == span.text
            assert tokens.char_bounds(doc, start, end) == (span.start_char, span.end_char)
    assert tokens.span_text(doc, 3, 3) == ""


def test_tables_are_computed_once_per_doc(nlp):
    doc = nlp(TEXTS[0])
    assert tokens.texts(doc) is tokens.texts(doc)
    assert tokens.children(doc) is tokens.children(doc)
    assert tokens.tokens(doc) is tokens.tokens(doc)
    assert tokens.poses(doc) is tokens.poses(doc)
    assert tokens.child_tokens(doc) is tokens.child_tokens(doc)
    assert tokens.entities(doc) is tokens.entities(doc)


@pytest.mark.parametrize("text", TEXTS[:2])
def test_parse_lookups_match_spacy(nlp, text):
    doc = nlp(text)
    for tok in doc:
        assert subtree_indices(tok) == [t.i for t in tok.subtree]
        for dep in ("nsubj", "dobj", "prep", "conj", "det", "poss"):
            expected = next((c for c in tok.children if c.dep_ == dep), None)
            found = child_of(tok, dep)
            assert (found.i if found is not None else None) == (
                expected.i if expected is not None else None
            )
            assert has_child(tok, dep) == (expected is not None)
        assert child_words(tok, frozenset({"det", "nummod"})) == {
            c.lower_ for c in tok.children if c.dep_ in {"det", "nummod"}
        }
    according = next(t for t in doc if t.lower_ == "according") if "according" in text else None
    if according is not None:
        to = child_of(according, "prep", lower="to")
        assert to is not None and to.lower_ == "to"
        assert child_of(according, "prep", lower="from") is None


def test_tables_of_docs_from_other_vocabs_read_their_own_strings(nlp):
    """The strings are looked up per StringStore: a Doc of another vocab in between (a
    blank pipeline, words its store alone has) gives its own words, then the pipeline's
    Doc its own again."""
    import spacy

    blank = spacy.blank("en")
    first = nlp(TEXTS[0])
    assert tokens.lemmas(first) == [t.lemma_ for t in first]
    other = blank("Zyxwvut Qponmlk arrived.")
    assert tokens.texts(other) == ["Zyxwvut", "Qponmlk", "arrived", "."]
    assert tokens.deps(other) == [""] * 4
    again = nlp(TEXTS[1])
    assert tokens.texts(again) == [t.text for t in again]
    assert tokens.tags(again) == [t.tag_ for t in again]


@pytest.mark.parametrize("text", TEXTS[:2])
def test_labelled_tokens_match_the_sentence_scan(nlp, text):
    doc = nlp(text)
    for sent in doc.sents:
        for labels in ({"nsubj"}, {"nsubj", "nsubjpass"}, {"advcl", "acl", "punct"}):
            assert [t.i for t in tokens.labelled(sent, labels)] == [
                t.i for t in sent if t.dep_ in labels
            ]
