"""Tests for cartelkb.extract.entities.people: person names read across the article."""

from __future__ import annotations

import pytest

from cartelkb.extract.entities.drafts import Draft
from cartelkb.extract.entities.people import add_missed_surnames, relabel_surnames

TEXT = "Claudia Sheinbaum spoke. Sheinbaum left."


@pytest.mark.parametrize(
    ("lone", "label", "canonical"),
    [
        pytest.param(Draft(4, 5, "ORG", canonical="Sheinbaum Group"), "PERSON", None, id="org"),
        pytest.param(Draft(4, 5, "GPE"), "PERSON", None, id="place"),
        pytest.param(
            Draft(4, 5, "ORG", canonical="Sheinbaum Group", source="knowledge"),
            "ORG",
            "Sheinbaum Group",
            id="ruler-name-stays",
        ),
    ],
)
def test_a_lone_surname_of_a_named_person_is_the_person(nlp, lone, label, canonical):
    doc = nlp(TEXT)
    relabel_surnames(doc, [Draft(0, 2, "PERSON"), lone])
    assert (lone.label, lone.canonical) == (label, canonical)


def test_no_full_name_no_relabelling(nlp):
    doc = nlp(TEXT)
    lone = Draft(4, 5, "ORG")
    relabel_surnames(doc, [Draft(1, 2, "PERSON"), lone])  # "Sheinbaum" alone: no surname
    assert lone.label == "ORG"


@pytest.mark.parametrize(
    ("drafts", "added"),
    [
        pytest.param([(1, 3, "PERSON")], ["Escalante"], id="untagged-surname"),
        pytest.param([(1, 3, "PERSON"), (6, 7, "PERSON")], [], id="already-a-mention"),
        pytest.param([(1, 3, "ORG")], [], id="only-surnames-of-persons"),
        pytest.param([(2, 3, "PERSON")], [], id="only-surnames-of-full-names"),
    ],
)
def test_add_missed_surnames(nlp, drafts, added):
    # The NER tags "Juan Escalante" and leaves the second "Escalante" untagged.
    doc = nlp("Deputy Juan Escalante was shot. Escalante died.")
    before = [Draft(start, end, label) for start, end, label in drafts]
    after = add_missed_surnames(doc, before)
    new = [d for d in after if all(d is not b for b in before)]
    assert [(doc[d.start : d.end].text, d.label) for d in new] == [(t, "PERSON") for t in added]


def test_a_name_tagged_in_the_text_is_found_again_in_a_title_case_heading(nlp):
    """Every word of a Title Case heading is tagged a proper noun, so its neighbours do
    not make the name part of a longer one there; in running text they still do."""
    from cartelkb.extract.entities.people import add_repeated_names

    heading = "Sixers Hire Maurice Cheeks as Head Coach\n"
    doc = nlp(heading + "Maurice Cheeks was introduced as the head coach on Monday.\n")
    tagged = [Draft(e.start, e.end, e.label_) for e in doc.ents if e.text == "Maurice Cheeks"]
    assert [doc[d.start : d.end].start_char for d in tagged] == [len(heading)]
    found = add_repeated_names(doc, tagged)
    assert [
        (doc[d.start : d.end].text, doc[d.start : d.end].start_char, d.label) for d in found
    ] == [
        ("Maurice Cheeks", heading.index("Maurice"), "PERSON"),
        ("Maurice Cheeks", len(heading), "PERSON"),
    ]
    prose = nlp("Coach Maurice Cheeks Junior spoke. Maurice Cheeks was introduced on Monday.")
    prose.ents = []  # only the neighbours can tell "Maurice Cheeks Junior" apart
    assert [t.pos_ for t in prose[0:4]] == ["PROPN"] * 4
    body = [Draft(6, 8, "PERSON")]
    assert prose[6:8].text == "Maurice Cheeks"
    assert add_repeated_names(prose, body) == body
