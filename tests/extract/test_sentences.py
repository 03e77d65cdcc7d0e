"""Tests for cartelkb.extract.sentences: the per-Doc sentence cache agrees with spaCy's own."""

from __future__ import annotations

from cartelkb.extract.sentences import sentence_of, sentences

TEXT = (
    "Mexico's president rejected the offer on Tuesday. Officials said talks would continue.\n\n"
    "The two governments share intelligence on cartel networks. Washington did not comment."
)


def test_sentences_are_the_docs_sentences_computed_once(nlp) -> None:
    doc = nlp(TEXT)
    first = sentences(doc)
    assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in doc.sents]
    assert len(first) >= 3
    assert sentences(doc) is first  # the same list, not rebuilt


def test_sentence_of_every_token_is_its_sentence(nlp) -> None:
    doc = nlp(TEXT)
    for token in doc:
        span = sentence_of(doc, token.i)
        assert (span.start, span.end) == (token.sent.start, token.sent.end)


def test_each_doc_has_its_own_sentences(nlp) -> None:
    one, two = nlp("One sentence here."), nlp("Two sentences here. And here.")
    assert len(sentences(one)) == 1
    assert len(sentences(two)) == 2
