"""Negation and hedging cues of legal releases and statements: one sentence per rule."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions


def _claim(nlp, text: str, action: str):
    doc = nlp(text)
    found = [c for c in extract_claims(doc, list(extract_mentions(doc))) if c.action == action]
    assert found, action
    return found[0]


# sentence, action, (negation cue, hedge cue)
CASES = [
    pytest.param(
        "We will not rest until the cartels are dismantled.",
        "rest",
        ("not", None),
        id="durative-not-until-is-negated",
    ),
    pytest.param(
        "The DEA did not notify them until 3:30 p.m.",
        "notify",
        (None, None),
        id="punctual-not-until-happened-then",
    ),
    pytest.param(
        "He allegedly smuggled cocaine into the United States.",
        "smuggle",
        (None, "allegedly"),
        id="allegedly",
    ),
    pytest.param(
        "According to the indictment, he laundered money for the cartel.",
        "launder",
        (None, "indictment"),
        id="according-to-the-indictment",
    ),
    pytest.param(
        "He was charged with smuggling cocaine.",
        "charge",
        (None, None),
        id="charged-with-is-no-hedge",
    ),
    pytest.param(
        "Eduardo Arellano-Felix, 55, one of the alleged members of the AFO, was extradited.",
        "be member of",
        (None, "alleged"),
        id="alleged-relation-in-an-apposition",
    ),
    pytest.param(
        "Eduardo Arellano-Felix, 55, one of the alleged members of the AFO, was extradited.",
        "extradite",
        (None, None),
        id="alleged-member-was-extradited-asserted",
    ),
    pytest.param(
        "The government could not demonstrate that the assistance was effective.",
        "demonstrate",
        ("not", None),
        id="could-not-is-inability-not-a-hedge",
    ),
    pytest.param(
        "Concern is growing that the violence will spread into the United States.",
        "spread into",
        (None, "Concern"),
        id="concern-that",
    ),
    pytest.param(
        "We hope to achieve similar success against the ten new targets.",
        "hope to achieve",
        (None, "hope"),
        id="hope-to",
    ),
    pytest.param(
        "Mexico to Send Drug Lord to US",
        "send",
        (None, "to"),
        id="headline-infinitive-is-future",
    ),
]


@pytest.mark.parametrize(("sentence", "action", "cues"), CASES)
def test_cues(nlp, sentence, action, cues):
    claim = _claim(nlp, sentence, action)
    assert (claim.negation_cue, claim.hedge_cue) == cues
    assert (claim.negated, claim.hedged) == (cues[0] is not None, cues[1] is not None)
