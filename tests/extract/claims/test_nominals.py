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
