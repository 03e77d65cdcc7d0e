"""Further arguments of claims (recipient, location, time, prepositional) and coordination."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions
from cartelkb.records import ClaimRecord


def _claims(nlp, text: str) -> list[ClaimRecord]:
    doc = nlp(text)
    return list(extract_claims(doc, list(extract_mentions(doc))))


def _claim(claims: list[ClaimRecord], action: str) -> ClaimRecord:
    found = [c for c in claims if c.action == action]
    assert found, f"no {action!r} claim in {[c.action for c in claims]}"
    return found[0]


# sentence, action, (subject, object), further arguments as (role, preposition, text)
CASES = [
    pytest.param(
        "Guzmán was extradited from Mexico to the United States on Friday.",
        "extradite",
        (None, "Guzmán"),
        [("from", "from", "Mexico"), ("to", "to", "the United States"), ("time", "on", "Friday")],
        id="agentless-passive-keeps-its-prepositions",
    ),
    pytest.param(
        "He gave the money to the cartel.",
        "give",
        ("He", "the money"),
        [("recipient", "to", "the cartel")],
        id="recipient-to",
    ),
    pytest.param(
        "He gave the cartel the money.",
        "give",
        ("He", "the money"),
        [("recipient", None, "the cartel")],
        id="indirect-object",
    ),
    pytest.param(
        "Sheinbaum said to reporters that Mexico would not accept troops.",
        "say",
        ("Sheinbaum", "Mexico would not accept troops"),
        [("recipient", "to", "reporters")],
        id="said-to",
    ),
    pytest.param(
        "Laura Duffy told reporters that the cartel was finished.",
        "tell",
        ("Laura Duffy", "the cartel was finished"),
        [("recipient", None, "reporters")],
        id="told-hearer-that-clause",
    ),
    pytest.param(
        "The DEA agents met with Mexican officials at the border on behalf of the Attorney "
        "General.",
        "meet with",
        ("The DEA agents", "Mexican officials"),
        [
            ("location", "at", "the border"),
            ("on behalf of", "on behalf of", "the Attorney General"),
        ],
        id="location-and-complex-preposition",
    ),
    pytest.param(
        "Mexican marines arrested Ovidio Guzmán in Culiacán last week.",
        "arrest",
        ("Mexican marines", "Ovidio Guzmán"),
        [("location", "in", "Culiacán"), ("time", None, "last week")],
        id="place-name-and-bare-time",
    ),
    pytest.param(
        "Treasury sanctioned the men for their role in the cartel.",
        "sanction",
        ("Treasury", "the men"),
        [("for", "for", "their role in the cartel")],
        id="preposition-as-role",
    ),
    pytest.param(
        "Police detained him, in fact, near the border.",
        "detain",
        ("Police", "him"),
        [("location", "near", "the border")],
        id="fixed-adverbial-phrase-is-no-argument",
    ),
    pytest.param(
        "Sheinbaum met with Biden in Mexico City according to the ministry.",
        "meet with",
        ("Sheinbaum", "Biden"),
        [("location", "in", "Mexico City")],
        id="according-to-is-the-source",
    ),
]


@pytest.mark.parametrize(("sentence", "action", "parties", "expected"), CASES)
def test_further_arguments(nlp, sentence, action, parties, expected):
    claim = _claim(_claims(nlp, sentence), action)
    assert (_text(claim.subject), _text(claim.object)) == parties
    assert [(a.role, a.preposition, a.text) for a in claim.arguments] == expected
    for a in claim.arguments:
        assert sentence[a.start : a.end] == a.text


def _text(arg) -> str | None:
    return arg.text if arg is not None else None


# event nouns: the object comes from "of" or the noun's own preposition, never from a
# phrase saying whence or whither; a patient noun's possessor is who undergoes it
NOMINALS = [
    pytest.param(
        "His extradition from Mexico was approved.",
        "extradite",
        (None, "His"),
        [("from", "from", "Mexico")],
        id="possessor-of-patient-noun",
    ),
    pytest.param(
        "The extradition of Caro Quintero to the United States was approved.",
        "extradite",
        (None, "Caro Quintero"),
        [("to", "to", "the United States")],
        id="of-object-and-destination",
    ),
    pytest.param(
        "Today's extradition of Alfredo Beltran Leyva is an important step.",
        "extradite",
        (None, "Alfredo Beltran Leyva"),
        [("time", None, "Today")],
        id="temporal-possessor-is-when",
    ),
    pytest.param(
        "The attack on the convoy by CJNG gunmen killed two soldiers.",
        "attack",
        ("CJNG gunmen", "the convoy"),
        [],
        id="noun-own-object-preposition",
    ),
    pytest.param(
        "The Department of Justice's indictment against 28 defendants shows resolve.",
        "indict",
        ("The Department of Justice", "28 defendants"),
        [],
        id="indictment-against",
    ),
]


@pytest.mark.parametrize(("sentence", "action", "parties", "expected"), NOMINALS)
def test_nominal_arguments(nlp, sentence, action, parties, expected):
    claim = _claim(_claims(nlp, sentence), action)
    assert (_text(claim.subject), _text(claim.object)) == parties
    assert [(a.role, a.preposition, a.text) for a in claim.arguments] == expected


# coordination: an argument naming several entities links every one
COORDINATED = [
    pytest.param(
        "Mexico and the United States signed the agreement.",
        "sign",
        "subject",
        ["Mexico", "United States"],
        id="subject",
    ),
    pytest.param(
        "He sold the weapons to Mexico and Colombia.",
        "sell",
        "recipient",
        ["Mexico", "Colombia"],
        id="further-argument",
    ),
    pytest.param(
        "Mexico signed the agreement.",
        "sign",
        "subject",
        [],
        id="one-name-no-members",
    ),
]


@pytest.mark.parametrize(("sentence", "action", "where", "names"), COORDINATED)
def test_coordinated_arguments_link_every_entity(nlp, sentence, action, where, names):
    claim = _claim(_claims(nlp, sentence), action)
    if where == "subject":
        arg = claim.subject
    else:
        arg = next(a for a in claim.arguments if a.role == where)
    assert arg is not None
    assert [sentence[r.start : r.end] for r in arg.refs] == names
    if names:
        assert (arg.refs[0].start, arg.refs[0].end) == (arg.ref_start, arg.ref_end)
