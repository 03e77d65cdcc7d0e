"""Arguments: a description with a name in apposition stands for that name."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions


@pytest.mark.parametrize(
    ("text", "action", "subject", "ref"),
    [
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
    ],
)
def test_a_description_stands_for_the_name_in_apposition(nlp, text, action, subject, ref):
    doc = nlp(text)
    claims = [c for c in extract_claims(doc, list(extract_mentions(doc))) if c.action == action]
    assert claims, f"no {action!r} claim"
    arg = claims[0].subject
    assert arg is not None and arg.text == subject
    assert arg.ref_start is not None and text[arg.ref_start : arg.ref_end] == ref
