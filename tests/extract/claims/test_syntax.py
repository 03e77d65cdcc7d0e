"""Parse corrections: a sentence-final speech participle goes back to the speaker's clause."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims.syntax import misattached_participles

# text -> {participle: the verb it is given back to}
CASES = [
    pytest.param(
        "Ebrard rejected claims suggesting that Mexico was preparing retaliatory tariffs, "
        "calling them “pure speculation”.",
        {"calling": "rejected"},
        id="object-participle",
    ),
    pytest.param(
        "Sheinbaum dismissed reports suggesting that the U.S. was planning strikes, calling "
        "the idea unacceptable.",
        {"calling": "dismissed"},
        id="inside-an-embedded-clause",
    ),
    pytest.param(
        "Ebrard said the tariffs would hurt both economies, warning of retaliation.",
        {"warning": "said"},
        id="out-of-the-complement",
    ),
    pytest.param(
        "Ebrard rejected the tariffs, calling them unfair.",
        {},
        id="already-on-the-main-verb",
    ),
    pytest.param(
        "The troops arrived in Sinaloa, ending weeks of violence.",
        {},
        id="not-a-speech-participle",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_misattached_participles(nlp, text: str, expected: dict[str, str]) -> None:
    doc = nlp(text)
    moved: dict[str, str] = {}
    for sent in doc.sents:
        moved.update({doc[i].text: root.text for i, root in misattached_participles(sent).items()})
    assert moved == expected
