"""Reference: descriptions and possessive pronouns linked to the mention they name."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions

# text, action, the subject's text, the text of the mention it is linked to
CASES = [
    pytest.param(
        "Sinaloa Cartel, a criminal group that operates in Mexico, smuggles fentanyl.",
        "operate in",
        "a criminal group",
        "Sinaloa Cartel",
        id="description-in-apposition-names-what-the-name-names",
    ),
    pytest.param(
        "Claudia Sheinbaum met Senator Marco Rubio in Mexico City. The senator praised the talks.",
        "praise",
        "The senator",
        "Marco Rubio",
        id="role-noun-takes-the-person-with-that-title",
    ),
    pytest.param(
        "The DEA and the Sinaloa Cartel were named in the report. The cartel smuggles "
        "fentanyl into Arizona.",
        "smuggle",
        "The cartel",
        "Sinaloa Cartel",
        id="the-cartel-takes-a-cartel-not-an-agency",
    ),
    pytest.param(
        "The DEA and the Sinaloa Cartel were named in the report. The agency trains police "
        "officers.",
        "train",
        "The agency",
        "DEA",
        id="the-agency-skips-a-nearer-cartel",
    ),
    pytest.param(
        "Mexico rejected the proposal. The government sent troops to the border.",
        "send",
        "The government",
        "Mexico",
        id="the-government-takes-a-country",
    ),
    pytest.param(
        "Donald Trump spoke on Monday. His administration imposed tariffs on Mexico.",
        "impose",
        "His administration",
        "Donald Trump",
        id="possessive-pronoun-takes-its-antecedent",
    ),
    pytest.param(
        "OFAC designated the CJNG and the Los Cuinis Drug Trafficking Organization. These two "
        "organizations have rapidly expanded their criminal empire.",
        "expand",
        "These two organizations",
        "CJNG",
        id="a-pair-of-groups-takes-the-coordinated-names",
    ),
    pytest.param(
        "Eduardo Arellano-Felix was extradited on Friday. Arellano-Felix arrived in San Diego "
        "this afternoon. He is scheduled to make his initial appearance on Tuesday.",
        "make",
        "He",
        "Arellano-Felix",
        id="he-takes-a-name-a-person-bears-whatever-its-label",
    ),
    pytest.param(
        'DEA Administrator Anne Milgram said: "Our agents arrested the cartel leaders."',
        "arrest",
        "Our agents",
        "DEA",
        id="our-agents-are-the-speakers-organization",
    ),
    # a description with a name in apposition stands for that name (Arguments)
    pytest.param(
        "But another gang leader, his brother-in-law Juan Carlos Medina, is still hiding "
        "in Sonora.",
        "hide in",
        "another gang leader, his brother-in-law Juan Carlos Medina",
        "Juan Carlos Medina",
        id="a-relational-description-between-the-description-and-the-name",
    ),
    pytest.param(
        "One of those arrested, Pedro Ortiz Luna, pleaded guilty in Houston.",
        "plead guilty",
        "One of those arrested, Pedro Ortiz Luna",
        "Pedro Ortiz Luna",
        id="the-name-in-apposition",
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Attorney General Merrick Garland said: "Our communities deserve protection."',
            id="our-communities-are-not-the-organization",
        ),
        pytest.param(
            'Attorney General Merrick Garland said: "Our agents arrested the cartel leaders."',
            id="our-agents-are-never-the-speakers-person",
        ),
    ],
)
def test_our_plural_noun_is_not_the_speaker(nlp, text: str) -> None:
    doc = nlp(text)
    claims = [c for c in extract_claims(doc, list(extract_mentions(doc))) if c.source]
    assert claims and claims[0].subject is not None
    assert claims[0].subject.text.startswith("Our")
    assert claims[0].subject.ref_start is None


@pytest.mark.parametrize(("text", "action", "subject", "ref"), CASES)
def test_subject_links_to(nlp, text: str, action: str, subject: str, ref: str) -> None:
    doc = nlp(text)
    claims = [c for c in extract_claims(doc, list(extract_mentions(doc))) if c.action == action]
    assert claims, f"no {action!r} claim"
    arg = claims[0].subject
    assert arg is not None and arg.text == subject
    assert arg.ref_start is not None and text[arg.ref_start : arg.ref_end] == ref


def test_pair_of_groups_takes_a_name_that_stops_before_its_head(nlp) -> None:
    """ "CJNG and its close ally Los Cuinis DTO": the second name ("Los Cuinis") is a
    compound of the appositive's head, and the pair is still found."""
    from cartelkb.records import MentionRecord

    text = (
        "Treasury designated the CJNG and its close ally Los Cuinis DTO. These two "
        "organizations have expanded their criminal empire."
    )
    doc = nlp(text)
    mentions = [
        MentionRecord(
            text=name,
            start=text.index(name),
            end=text.index(name) + len(name),
            label="ORG",
            name=name,
            sent_start=0,
            sent_end=text.index(".") + 1,
        )
        for name in ("Treasury", "CJNG", "Los Cuinis")
    ]
    claims = [c for c in extract_claims(doc, mentions) if c.action == "expand"]
    assert claims and claims[0].subject is not None
    assert text[claims[0].subject.ref_start : claims[0].subject.ref_end] == "CJNG"
