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
