"""Tests for cartelkb.knowledge.officials and the officials' place in the gazetteer."""

from __future__ import annotations

from cartelkb.knowledge import load, ruler_patterns
from cartelkb.knowledge.officials import Office, load_officials, official_named


def test_every_row_is_read_and_people_with_two_offices_are_one_official():
    officials = load_officials()
    assert len(officials) == 105
    assert sum(len(o.offices) for o in officials) == 110
    medina = official_named("Eduardo Medina Mora")
    assert medina is not None
    assert [o.label for o in medina.offices] == [
        "Secretary of Public Security of Mexico (SSP), 2005–2006",
        "Attorney General of Mexico (PGR), 2006–2009",
        "Mexican Ambassador to the United States, 2013–2015",
    ]


def test_short_forms_accents_and_maternal_surnames():
    amlo = official_named("AMLO")
    assert amlo is not None and amlo.name == "Andrés Manuel López Obrador"
    assert official_named("Andres Manuel Lopez Obrador") is amlo
    assert official_named("López Obrador") is amlo
    bondi = official_named("Pamela Bondi")
    assert bondi is not None and bondi.name == "Pam Bondi"
    assert official_named("Claudia Sheinbaum Pardo") is official_named("Claudia Sheinbaum")
    assert official_named("Sheinbaum") is None  # a bare surname is the resolver's business


def test_an_office_held_now_has_no_end():
    assert (
        Office("President of Mexico", "MX", 2024, None).label == "President of Mexico, since 2024"
    )
    trump = official_named("Donald J. Trump")
    assert trump is not None
    assert [(o.start, o.end) for o in trump.offices] == [(2017, 2021), (2025, None)]


def test_officials_are_persons_in_the_gazetteer():
    kb = load()
    entry = kb.lookup("Pamela Bondi")
    assert entry is not None
    assert (entry.canonical, entry.type, entry.kind) == ("Pam Bondi", "PERSON", "officials")
    assert kb.lookup("Andres Manuel Lopez Obrador").canonical == "Andrés Manuel López Obrador"
    patterns = {(p["pattern"], p["label"]) for p in ruler_patterns()}
    assert ("AMLO", "PERSON") in patterns
    assert ("Andres Manuel Lopez Obrador", "PERSON") in patterns  # accentless variant
