"""Nominal events: who does what an event noun names."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions


def _nominal(nlp, text: str, action: str) -> tuple[str | None, str | None]:
    doc = nlp(text)
    [claim] = [
        c
        for c in extract_claims(doc, list(extract_mentions(doc)))
        if c.action == action and c.form == "noun"
    ]
    return (
        claim.subject.text if claim.subject else None,
        claim.object.text if claim.object else None,
    )


@pytest.mark.parametrize(
    ("text", "action", "expected"),
    [
        pytest.param(
            "The Mexican Navy ran a patrol along the coast, leading to the seizure of two "
            "tons of cocaine.",
            "seize",
            ("The Mexican Navy", "two tons of cocaine"),
            id="a-named-agent-leads-to-its-deed",
        ),
        pytest.param(
            "Ortega ran logistics for the Zetas, which resulted in the importation of cocaine "
            "into Texas.",
            "import",
            ("the Zetas", "cocaine"),
            id="a-relative-clause-results-in-its-antecedents-deed",
        ),
        pytest.param(
            "The long investigation led to the arrest of three smugglers.",
            "arrest",
            (None, "three smugglers"),
            id="an-investigation-is-no-agent",
        ),
    ],
)
def test_a_result_verbs_named_subject_does_the_event(nlp, text, action, expected):
    assert _nominal(nlp, text, action) == expected


def test_an_infinitive_the_parser_hung_on_the_governing_verb_is_the_nouns(nlp):
    """ "the resolve of Peru and Chile to pursue ...": the parser makes "pursue" a
    complement of "underscores"; it is what the resolve is to do."""
    text = (
        "“The conviction of Ortega underscores the resolve of Peru and Chile to pursue the "
        "gang leaders,” said Ana Ruiz."
    )
    doc = nlp(text)
    assert next(t for t in doc if t.text == "pursue").dep_ == "xcomp"  # the misattachment
    [claim] = [
        c
        for c in extract_claims(doc, list(extract_mentions(doc)))
        if c.action == "resolve to pursue"
    ]
    assert claim.subject is not None and claim.subject.text == "Peru and Chile"
    assert claim.object is not None and claim.object.text == "the gang leaders"
    # the conviction is an event, no speaker: the quotation's speaker is the source
    assert claim.source is not None and claim.source.text == "Ana Ruiz"


def test_an_adverb_may_stand_between_the_noun_and_its_infinitive(nlp):
    doc = nlp("Colombia denied Peruvian requests earlier to hand over the fugitive.")
    claims = [c for c in extract_claims(doc, list(extract_mentions(doc))) if c.form == "noun"]
    assert [(c.subject.text if c.subject else None, c.action) for c in claims] == [
        ("Peruvian", "request to hand")
    ]


def test_the_of_complement_of_an_intransitive_event_noun_does_it(nlp):
    text = "The escape of Pedro Ruiz Salas from a federal prison embarrassed the government."
    assert _nominal(nlp, text, "escape") == ("Pedro Ruiz Salas", None)


def test_an_intransitive_event_noun_without_its_doer_gives_no_claim(nlp):
    doc = nlp("The escape of them surprised nobody.")
    claims = extract_claims(doc, list(extract_mentions(doc)))
    assert [c for c in claims if c.form == "noun"] == []
