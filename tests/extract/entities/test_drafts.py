"""Tests for cartelkb.extract.entities.drafts: span trimming and the heading filter."""

from __future__ import annotations

import pytest

from cartelkb.extract.entities.drafts import (
    Draft,
    administration_heads,
    corroborated,
    dateline_places,
    directional_place,
    is_heading,
    model_drafts,
    trim,
)
from cartelkb.extract.sentences import sentences
from cartelkb.knowledge import load


@pytest.mark.parametrize(
    ("text", "start", "end", "trimmed"),
    [
        pytest.param("He met the DEA's agents.", 2, 5, "DEA", id="article-and-possessive"),
        pytest.param("The cartels' leaders fled.", 0, 3, "cartels", id="plural-possessive"),
        pytest.param("Officials left Sinaloa.", 2, 4, "Sinaloa", id="sentence-period"),
        pytest.param(
            "They flew to the U.S. on Monday.", 3, 5, "U.S.", id="abbreviation-keeps-period"
        ),
        pytest.param("Officials left Sinaloa.", 3, 4, "", id="punctuation-alone-is-empty"),
        pytest.param(
            "EL PASO, TX - Jane Roe-Diaz was charged.", 3, 9, "Jane Roe-Diaz", id="dateline-dash"
        ),
        pytest.param(
            "FILE - Border Patrol agents wait.", 0, 4, "Border Patrol", id="caption-marker-dash"
        ),
        pytest.param(
            "Roe-Diaz - Jones Inc. merged.", 0, 6, "Roe-Diaz - Jones Inc.", id="not-capitals"
        ),
    ],
)
def test_trim(nlp, text, start, end, trimmed):
    doc = nlp(text)
    first, last = trim(doc, start, end)
    assert doc[first:last].text == trimmed


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Key Discussions on Bilateral Security", True),
        ("U.S. and Mexico Reach a Deal", True),
        ("The talks continued on Wednesday, officials said.", False),
        ("Who Is Ovidio Guzmán?", False),  # sentence-final punctuation
        ("Mexico", False),  # one capitalized word is no heading
        ("what the talks mean for the border", False),
    ],
)
def test_is_heading(nlp, text, heading):
    [sent] = sentences(nlp(text))
    assert is_heading(sent) is heading


# (text, drafts as (token start, token end, label, canonical), texts of the drafts kept)
CORROBORATION = [
    pytest.param(
        "Sheinbaum and Trump Discuss Border Security",
        [(0, 1, "ORG", None), (2, 6, "ORG", None)],
        [],
        id="names-only-in-a-heading-go",
    ),
    pytest.param(
        "U.S. and Mexico Reach a Deal",
        [(0, 1, "GPE", "United States"), (2, 3, "GPE", "Mexico")],
        ["U.S.", "Mexico"],
        id="gazetteer-names-stay",
    ),
    pytest.param(
        "Bilateral Security Group Meets\n\nOfficials of the Bilateral Security Group met.",
        [(0, 3, "ORG", None), (8, 11, "ORG", None)],
        ["Bilateral Security Group", "Bilateral Security Group"],
        id="named-again-in-the-body",
    ),
    pytest.param(
        "Rubio Visits Mexico City\n\nSecretary of State Marco Rubio arrived.",
        [(0, 1, "PERSON", None), (8, 10, "PERSON", None)],
        ["Rubio", "Marco Rubio"],
        id="a-persons-surname-the-body-names",
    ),
    pytest.param(
        "Rubio Visits Mexico City\n\nSecretary of State Marco Rubio arrived.",
        [(0, 1, "ORG", None), (8, 10, "PERSON", None)],
        ["Marco Rubio"],
        id="the-surname-rule-is-for-persons",
    ),
    pytest.param(
        "Remarks by Governor Ana Vela",
        [(3, 5, "PERSON", None)],
        ["Ana Vela"],
        id="a-heading-person-after-a-title",
    ),
    pytest.param(
        "Remarks by Ana Vela",
        [(2, 4, "PERSON", None)],
        ["Ana Vela"],
        id="a-heading-person-after-by",
    ),
    pytest.param(
        "Remarks on Ana Vela",
        [(2, 4, "PERSON", None)],
        [],
        id="a-heading-person-alone-goes",
    ),
]


@pytest.mark.parametrize(("text", "specs", "kept"), CORROBORATION)
def test_corroborated(nlp, text, specs, kept):
    doc = nlp(text)
    drafts = [
        Draft(start, end, label, canonical=canonical) for start, end, label, canonical in specs
    ]
    assert [doc[d.start : d.end].text for d in corroborated(doc, drafts, load())] == kept


@pytest.mark.parametrize(
    ("text", "start", "end", "heads"),
    [
        pytest.param("It was the Biden Administration.", 3, 5, ["Joe Biden"], id="one-surname"),
        pytest.param(
            "The Biden-Harris Administration acted.",
            1,
            5,
            ["Joe Biden", "Kamala Harris"],
            id="two-surnames-joined-by-a-hyphen",
        ),
        pytest.param(
            "The Trump Administration Build on Progress",
            1,
            6,
            ["Donald Trump"],
            id="a-heading-span-running-past-administration",
        ),
        pytest.param("The Drug Enforcement Administration acted.", 1, 4, [], id="an-agency"),
        pytest.param("The Trump Tower was sold.", 1, 3, [], id="no-administration"),
    ],
)
def test_administration_heads(nlp, text, start, end, heads):
    found = administration_heads(nlp(text), start, end, load())
    assert [(d.label, d.canonical) for d in found] == [("PERSON", h) for h in heads]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param(
            "Treasury Acts\n\nWASHINGTON – The Treasury acted today.",
            [("WASHINGTON", "Washington, D.C.")],
            id="dateline-city-and-dash",
        ),
        pytest.param(
            "OCT 22 - WASHINGTON – The agency acted today.",
            [("WASHINGTON", "Washington, D.C.")],
            id="after-the-date",
        ),
        pytest.param(
            "The agency acted today. It said WASHINGTON – and more.",
            [],
            id="not-at-a-line-start",
        ),
        pytest.param("FENTANYL – The agency acted today.", [], id="not-a-known-place"),
        pytest.param("WASHINGTON said the agency acted.", [], id="no-dash"),
    ],
)
def test_dateline_places(nlp, text, places):
    doc = nlp(text)
    found = [d for d in dateline_places(doc, [], load())]
    assert [(doc[d.start : d.end].text, d.canonical) for d in found] == places


@pytest.mark.parametrize(
    ("text", "start", "end", "canonical"),
    [
        pytest.param("Violence grew in Northern Tamaulipas.", 3, 5, "Tamaulipas", id="region"),
        pytest.param("Violence grew in Northern Ireland.", 3, 5, None, id="unknown-place"),
        pytest.param("Violence grew in Tamaulipas.", 3, 4, None, id="no-direction"),
    ],
)
def test_directional_place(nlp, text, start, end, canonical):
    entry = directional_place(nlp(text), start, end, load())
    assert (entry.canonical if entry else None) == canonical


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        pytest.param("Trucks crossed the Pharr International Bridge.", 3, 6, "LOC", id="a-bridge"),
        pytest.param("Officials of the Zapata Family Cartel met.", 3, 6, "ORG", id="org-head"),
    ],
)
def test_facilities_are_places_unless_named_as_organizations(nlp, text, start, end, label):
    from spacy.tokens import Span

    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label="FAC")]
    [draft] = model_drafts(doc, load())
    assert (draft.start, draft.end, draft.label) == (start, end, label)


@pytest.mark.parametrize(
    ("text", "index", "kept"),
    [
        pytest.param("Fans cheered the Chargers on Sunday.", 3, True, id="plural-mid-sentence"),
        pytest.param("Cartels like CJNG grew.", 0, False, id="plural-noun-at-sentence-start"),
    ],
)
def test_capitalized_plural_is_a_name_only_inside_a_sentence(nlp, text, index, kept):
    from spacy.tokens import Span

    doc = nlp(text)
    assert doc[index].tag_ in {"NNS", "NNPS"}
    doc.ents = [Span(doc, index, index + 1, label="ORG")]
    assert bool(model_drafts(doc, load())) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "Opening Statement of Senator Jane Doerr\n\nThank you all for coming today.",
            ["Jane Doerr"],
            id="a-titled-speaker-named-only-in-the-heading",
        ),
        pytest.param(
            "Opening Statement of Jane Doerr\n\nThank you all for coming today.",
            [],
            id="no-title-no-corroboration",
        ),
    ],
)
def test_a_title_corroborates_a_heading_person(nlp, text, kept):
    doc = nlp(text)
    drafts = [Draft(d.start, d.end, "PERSON") for d in model_drafts(doc, load())]
    drafts = [d for d in drafts if doc[d.start : d.end].text == "Jane Doerr"]
    found = corroborated(doc, drafts, load())
    assert [doc[d.start : d.end].text for d in found] == kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Attorney General Maria Okafor Delivers Remarks at Joint Press Conference",
            "Maria Okafor",
            id="a-headline-verb",
        ),
        pytest.param(
            "Ambassador Tom Hadley’s Statement on the Charges", "Tom Hadley", id="possessive"
        ),
    ],
)
def test_a_persons_name_ends_before_a_headline_verb_or_possessive(nlp, text, name):
    doc = nlp(text)
    people = [doc[d.start : d.end].text for d in model_drafts(doc, load()) if d.label == "PERSON"]
    assert people == [name]


def test_undersecretary_is_a_title(nlp):
    from cartelkb.extract.entities import extract_mentions

    doc = nlp("Statement by Treasury Undersecretary Marsh\n\nI want to thank our partners.\n")
    people = [(m.text, m.role) for m in extract_mentions(doc) if m.label == "PERSON"]
    assert people == [("Marsh", "Undersecretary")]
