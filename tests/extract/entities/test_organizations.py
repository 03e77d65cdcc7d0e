"""Tests for cartelkb.extract.entities.organizations: programs and operations are no entities."""

from __future__ import annotations

import pytest

from cartelkb.extract.entities.drafts import Draft
from cartelkb.extract.entities.organizations import refine_organizations
from cartelkb.knowledge import load


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "kept"),
    [
        pytest.param("The Tulum Initiative ended.", 1, 3, "PERSON", False, id="program-as-person"),
        pytest.param("The Harbor Framework ended.", 1, 3, "LOC", False, id="framework-as-place"),
        pytest.param("Operation Red Falcon ended.", 0, 3, "ORG", False, id="operation"),
        pytest.param("The Falcon Group ended.", 1, 3, "ORG", True, id="organization"),
        pytest.param("Operation Bureau Chief Ana Ruiz spoke.", 3, 5, "PERSON", True, id="person"),
    ],
)
def test_programs_and_operations_are_dropped(nlp, text, start, end, label, kept):
    doc = nlp(text)
    out = refine_organizations(doc, [Draft(start, end, label)], load())
    assert bool(out) is kept
