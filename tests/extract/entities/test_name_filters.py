"""Tests for the drafting filters of cartelkb.extract.entities.drafts: spans that are no
name, organizations named like persons, and offices glued before a person's name."""

from __future__ import annotations

import pytest

from cartelkb.extract.entities.drafts import model_drafts
from cartelkb.knowledge import load


def _drafts(nlp, text: str, name: str, label: str):
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label, alignment_mode="expand")
    assert span is not None
    doc.ents = [span]
    return doc, span, model_drafts(doc, load())


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        pytest.param(
            "Agents seized fentanyl powder in a truck.",
            "fentanyl powder",
            "PERSON",
            id="lower-case-words",
        ),
        pytest.param(
            "Tourists love the beach city every spring.", "beach city", "GPE", id="lower-case-place"
        ),
        pytest.param(
            "Covid-19 slowed the talks last year.", "Covid-19", "PERSON", id="digit-in-person"
        ),
        pytest.param("The law (S. 331/P.L. 119-26) passed.", "P.L.", "GPE", id="initials-alone"),
        pytest.param(
            "The hearing examined the Mexican Drug Cartels and their routes.",
            "Mexican Drug Cartels",
            "ORG",
            id="plural-description",
        ),
        pytest.param(
            "Agents target Transnational Criminal Organizations at the border.",
            "Transnational Criminal Organizations",
            "ORG",
            id="plural-description-organizations",
        ),
    ],
)
def test_spans_that_are_no_name_are_dropped(nlp, text, name, label):
    _, _, drafts = _drafts(nlp, text, name, label)
    assert drafts == []


def test_a_place_that_is_one_verb_is_dropped(nlp):
    doc, span, drafts = _drafts(nlp, "They stop guns from Entering the country.", "Entering", "GPE")
    assert doc[span.start].tag_ == "VBG"
    assert drafts == []


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        pytest.param(
            "Police sought de la Fuente for weeks.", "de la Fuente", "PERSON", id="particle"
        ),
        pytest.param(
            "Agents arrested Jorge Ramirez-Soto on Monday.",
            "Jorge Ramirez-Soto",
            "PERSON",
            id="person",
        ),
        pytest.param("Trucks crossed into Sonora at night.", "Sonora", "GPE", id="place"),
        pytest.param("Shots rang out on 117th Street.", "117th Street", "LOC", id="ordinal"),
        pytest.param(
            "Leaders of the Jalisco Cartel were charged.", "Jalisco Cartel", "ORG", id="cartel"
        ),
        pytest.param("The United Nations met in Geneva.", "United Nations", "ORG", id="plural"),
    ],
)
def test_names_stay(nlp, text, name, label):
    _, _, drafts = _drafts(nlp, text, name, label)
    assert [d.label for d in drafts] == [label]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        pytest.param("Jorge Ramirez-Soto", "PERSON", id="given-name-and-surname"),
        pytest.param("Jorge Ramirez Organization", "ORG", id="organization-word"),
        pytest.param("Ramirez-Soto Partners", "ORG", id="no-known-given-name"),
    ],
)
def test_an_unknown_org_named_like_a_person_is_the_person(nlp, name, label):
    _, _, [draft] = _drafts(nlp, f"Prosecutors charged {name} in Texas.", name, "ORG")
    assert draft.label == label


def test_an_office_word_is_not_taken_in_as_a_given_name(nlp):
    text = "said the chief of the Tucson Field Division Mark T. Doyle on Friday."
    doc, span, [draft] = _drafts(nlp, text, "Mark T. Doyle", "PERSON")
    assert doc[draft.start : draft.end].text == "Mark T. Doyle"


def test_the_number_of_a_legislature_s_session_is_no_part_of_its_name(nlp):
    doc, _, [draft] = _drafts(nlp, "The bill passed the 118th Congress.", "118th Congress", "ORG")
    assert doc[draft.start : draft.end].text == "Congress"


def test_a_district_cut_before_its_place_takes_the_place_in(nlp):
    doc = nlp("He was sentenced in the Southern District of Arizona on Monday.")
    district = doc.char_span(24, 41, label="LOC")
    place = doc.char_span(45, 52, label="GPE")
    doc.ents = [district, place]
    drafts = model_drafts(doc, load())
    texts = sorted(doc[d.start : d.end].text for d in drafts)
    assert texts == ["Arizona", "Southern District of Arizona"]
