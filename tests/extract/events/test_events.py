"""Event extraction: one sentence per construction -> the events it must yield."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.dates import extract_dates
from cartelkb.extract.entities import extract_mentions
from cartelkb.extract.events import extract_events
from cartelkb.lexicon import lexicon


def _events(nlp, text: str):
    doc = nlp(text)
    mentions = list(extract_mentions(doc))
    dates = list(extract_dates(doc, None))
    claims = list(extract_claims(doc, mentions, dates))
    return list(extract_events(doc, mentions, claims, dates)), claims


def _row(e):
    return (
        e.type,
        e.trigger,
        e.agent.text if e.agent else None,
        [p.text for p in e.patients],
        [(q.kind, q.amount, q.unit, q.value) for q in e.quantities],
    )


# sentence -> (type, trigger, agent, patients, quantities) of every event, in text order
CASES = [
    (
        "Mexico extradited Ovidio Guzmán López to the United States on Friday.",
        [("extradition", "extradited", "Mexico", ["Ovidio Guzmán López"], [])],
    ),
    (
        "The State Department is offering a reward of up to $5 million for information "
        "leading to the arrest of Rafael Caro Quintero.",
        [
            (
                "reward",
                "reward",
                "The State Department",
                ["Rafael Caro Quintero"],
                [("money", 5000000.0, "USD", None)],
            ),
            ("arrest", "arrest", None, ["Rafael Caro Quintero"], []),
        ],
    ),
    (
        "Police seized 2 tons of cocaine and 4 million fentanyl pills in Sinaloa.",
        [
            (
                "seizure",
                "seized",
                "Police",
                ["2 tons of cocaine", "4 million fentanyl pills"],
                [("drug", 1814.37, "kg", None), ("pills", 4000000.0, "pill", None)],
            )
        ],
    ),
    (
        "Trump said he would impose a 25% tariff on Mexican goods.",
        [("tariff", "tariff", "he", ["Mexican goods"], [("rate", 25.0, "percent", None)])],
    ),
    (
        "Zambada pleaded guilty to drug trafficking charges and was sentenced to life in prison.",
        [
            ("plea", "pleaded", None, ["Zambada"], []),
            ("sentence", "sentenced", None, ["Zambada"], [("term", None, None, "life")]),
        ],
    ),
    (
        "The judge sentenced him to 25 years in prison.",
        [("sentence", "sentenced", "The judge", ["him"], [("term", 25.0, "year", "P25Y")])],
    ),
    (
        "The United States designated CJNG as a Foreign Terrorist Organization.",
        [("designation", "designated", "The United States", ["CJNG"], [])],
    ),
    (
        "Mexico sent 10,000 troops to the border.",
        [
            (
                "deployment",
                "sent",
                "Mexico",
                ["10,000 troops"],
                [("people", 10000.0, "person", None)],
            )
        ],
    ),
    (
        "Mexico transferred 29 fugitives to the United States in February 2025.",
        [
            (
                "extradition",
                "transferred",
                "Mexico",
                ["29 fugitives"],
                [("people", 29.0, "person", None)],
            )
        ],
    ),
    ("Mexico sent a letter to the United States.", []),  # a transfer verb without a person
    (
        "Attorney General Merrick Garland announced the charges against Guzmán's sons.",
        [("charge", "charges", None, ["Guzmán's sons"], [])],
    ),
    (
        "The U.S. Treasury imposed sanctions on 15 Mexican businesses and six individuals.",
        [
            (
                "sanction",
                "sanctions",
                "The U.S. Treasury",
                ["15 Mexican businesses", "six individuals"],
                [("people", 6.0, "person", None)],
            )
        ],
    ),
    (
        "The arrest and extradition of Alfredo Beltran Leyva is a milestone.",
        [
            ("arrest", "arrest", None, ["Alfredo Beltran Leyva"], []),
            ("extradition", "extradition", None, ["Alfredo Beltran Leyva"], []),
        ],
    ),
    ("Very few of the drugs that are killing Americans are made here.", []),
    ("This extradition illustrates our resolve.", []),  # no participant
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_of_a_sentence(nlp, text, expected):
    found, _ = _events(nlp, text)
    assert [_row(e) for e in found] == expected


# sentence -> (negated, negation cue, hedged, hedge cue) of its first event
FLAGS = [
    ("Mexico refused to extradite Caro Quintero.", (True, "refused", False, None)),
    (
        "Mexico has agreed to send Joaquin Guzman to the United States.",
        (False, None, True, "agreed"),
    ),
    ("Mexico may extradite Caro Quintero.", (False, None, True, "may")),
    ("Mexico did not extradite Caro Quintero.", (True, "not", False, None)),
    ("Mexico extradited Caro Quintero.", (False, None, False, None)),
]


@pytest.mark.parametrize(("text", "expected"), FLAGS)
def test_flags_are_inherited_and_added(nlp, text, expected):
    found, _ = _events(nlp, text)
    e = found[0]
    assert (e.negated, e.negation_cue, e.hedged, e.hedge_cue) == expected


def test_event_links_its_claim_date_and_offsets(nlp):
    text = "Mexican authorities arrested Arellano-Felix in Tijuana on October 25, 2008."
    found, claims = _events(nlp, text)
    (e,) = found
    assert e.type == "arrest"
    assert text[e.start : e.end] == "arrested" == e.trigger
    assert e.claim is not None and claims[e.claim].action == "arrest"
    assert e.date == "2008-10-25"
    assert e.location is not None and e.location.text == "Tijuana"
    assert e.sentence == text[e.sentence_start : e.sentence_end]
    for p in e.patients:
        assert text[p.start : p.end] == p.text


def test_every_trigger_names_a_declared_type():
    lex = lexicon("events")
    types = set(lex.mapping("event_types"))
    for entry in ("verb_triggers", "noun_triggers"):
        assert set(lex.mapping(entry).values()) <= types
    assert set(lex.mapping("type_quantities")) <= types
