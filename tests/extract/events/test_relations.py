"""Relations: copulas, appositions, titles and possessives -> typed relations."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions
from cartelkb.extract.events import extract_relations


def _relations(nlp, text: str):
    doc = nlp(text)
    mentions = list(extract_mentions(doc))
    claims = list(extract_claims(doc, mentions, []))
    out = []
    for r in extract_relations(doc, mentions, claims):
        obj = r.object
        target = None
        if obj is not None:
            target = text[obj.ref_start : obj.ref_end] if obj.ref_start is not None else obj.text
        out.append((r.subject.text, r.type, r.title, target, r.rule, r.hedged))
    return out


# sentence -> (subject, type, title, object (its linked name), rule, hedged), in order
CASES = [
    (
        "Ismael Zambada is a member of the Sinaloa Cartel.",
        [("Ismael Zambada", "member_of", "member", "Sinaloa Cartel", "copula", False)],
    ),
    (
        "El Mencho, the alleged leader of CJNG, was indicted.",
        [("El Mencho", "leader_of", "leader", "CJNG", "apposition", True)],
    ),
    (
        "Ovidio Guzmán López, a son of El Chapo, was extradited.",
        [("Ovidio Guzmán López", "relative_of", "son", "El Chapo", "apposition", False)],
    ),
    (
        "CJNG leader Nemesio Oseguera was not captured.",
        [("Nemesio Oseguera", "leader_of", "leader", "CJNG", "title", False)],
    ),
    (
        "Attorney General Merrick Garland spoke.",
        [("Merrick Garland", "position", "Attorney General", None, "title", False)],
    ),
    (
        "DEA Acting Administrator Michele M. Leonhart spoke.",
        [("Michele M. Leonhart", "position", "Acting Administrator", "DEA", "title", False)],
    ),
    (
        "Anne Milgram, the head of the DEA, spoke.",
        [("Anne Milgram", "position", "head", "DEA", "apposition", False)],
    ),
    (
        "Guzmán's sons run the Chapitos faction.",
        [("Guzmán's sons", "relative_of", "son", "Guzmán", "possessive", False)],
    ),
    (
        "Zambada-Garcia is a long-time business partner of Joaquin Guzman-Loera.",
        [
            (
                "Zambada-Garcia",
                "associate_of",
                "business partner",
                "Joaquin Guzman-Loera",
                "copula",
                False,
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_relations_of_a_sentence(nlp, text, expected):
    assert _relations(nlp, text) == expected


def test_a_possessive_pronoun_takes_the_person_named_before(nlp):
    text = (
        "Los Cunis leader Abigael Gonzalez Valencia was captured in February. But another "
        "cartel chief, his brother-in-law Nemesio Oseguera Cervantes, is still at large."
    )
    found = _relations(nlp, text)
    assert (
        "Abigael Gonzalez Valencia",
        "leader_of",
        "leader",
        "Los Cunis",
        "title",
        False,
    ) in found
    assert (
        "Nemesio Oseguera Cervantes",
        "relative_of",
        "brother-in-law",
        "Abigael Gonzalez Valencia",
        "possessive",
        False,
    ) in found
