"""Attribution: who a claim is according to."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions


@pytest.mark.parametrize(
    ("text", "action", "source"),
    [
        pytest.param(
            "“The conviction of Ortega underscores the resolve of Peru and Chile to pursue "
            "the gang leaders,” said Ana Ruiz.",
            "resolve to pursue",
            "Ana Ruiz",
            id="an-event-underscoring-something-is-no-source",
        ),
        pytest.param(
            "The minister emphasized the extradition of two brothers to Peru.",
            "extradite",
            "The minister",
            id="a-speaker-emphasizing-an-event-is-its-source",
        ),
    ],
)
def test_source_of_an_event_noun_in_a_reported_object(nlp, text, action, source):
    doc = nlp(text)
    claims = [c for c in extract_claims(doc, list(extract_mentions(doc))) if c.action == action]
    assert claims and claims[0].source is not None
    assert claims[0].source.text == source
