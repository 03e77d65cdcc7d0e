"""Tests for cartelkb.knowledge.load and ruler_patterns with the SDN entries among them."""

from __future__ import annotations

import pytest

from cartelkb.knowledge import Knowledge, KnownEntity, load, name_key, ruler_patterns, strip_accents


def test_the_public_api_still_imports():
    assert name_key("the U.S.") == "us"
    assert strip_accents("Michoacán") == "Michoacan"
    assert isinstance(load(), Knowledge)
    assert isinstance(load().entities[0], KnownEntity)


@pytest.mark.parametrize(
    ("name", "canonical", "type_", "kind"),
    [
        ("El Mencho", "Nemesio Oseguera Cervantes", "PERSON", "sanctions"),
        ("Mencho", "Nemesio Oseguera Cervantes", "PERSON", "sanctions"),
        ("Nemesio Oseguera Cervantes", "Nemesio Oseguera Cervantes", "PERSON", "sanctions"),
        ("El Mayo", "Ismael Zambada Garcia", "PERSON", "sanctions"),
        ("Los Cuinis", "Los Cuinis", "ORG", "sanctions"),
        # A name the gazetteer already has stays the gazetteer's entry.
        ("Cartel de Jalisco Nueva Generacion", "Jalisco New Generation Cartel", "ORG", "cartels"),
        ("Sinaloa Cartel", "Sinaloa Cartel", "ORG", "cartels"),
    ],
)
def test_sdn_names_in_the_gazetteer(name, canonical, type_, kind):
    entry = load().lookup(name)
    assert entry is not None
    assert (entry.canonical, entry.type, entry.kind) == (canonical, type_, kind)


def test_the_sdn_reference_is_kept():
    assert load().lookup("El Mencho").ref == "SDN 17674"


@pytest.mark.parametrize("name", ["Mayo", "El Chino", "Moreno", "Chapo"])
def test_common_words_shared_nicknames_and_surnames_are_not_sdn_names(name):
    entry = load().lookup(name)
    assert entry is None or entry.kind != "sanctions"


def test_one_word_sdn_aliases_are_no_ruler_patterns():
    sanctions = {e.canonical for e in load().entities if e.kind == "sanctions"}
    forms = {p["pattern"] for p in ruler_patterns() if p["id"] in sanctions}
    assert "El Mencho" in forms
    assert "Nemesio Oseguera Cervantes" in forms
    assert "Mencho" not in forms
    assert all(len(str(f).split()) >= 2 for f in forms)


def test_counts():
    kinds: dict[str, int] = {}
    for e in load().entities:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    assert kinds["officials"] == 105
    assert kinds["sanctions"] == 1906


@pytest.mark.parametrize(
    ("name", "canonical", "type_"),
    [
        # In federal reporting the bare city is the capital, as in a WASHINGTON dateline.
        ("Washington", "Washington, D.C.", "GPE"),
        ("Southern Border", "Southwest border", "LOC"),
        ("Senate Drug Caucus", "Senate Caucus on International Narcotics Control", "ORG"),
        ("La Familia Cartel", "La Familia Michoacana", "ORG"),
        ("VOA", "Voice of America", "ORG"),
        ("Carrillo Fuentes Organization", "Juárez Cartel", "ORG"),
    ],
)
def test_institutions_and_places_of_border_reporting(name, canonical, type_):
    entry = load().lookup(name)
    assert entry is not None
    assert (entry.canonical, entry.type) == (canonical, type_)


def test_a_government_is_no_gazetteer_name():
    """No "Government of X" entry: the text's "Mexican government" stays the country's
    demonym (commit 6ecc333, tests/extract/test_entities.py)."""
    assert load().lookup("Mexican government") is None


@pytest.mark.parametrize(
    ("word", "given"),
    [
        ("donald", True),  # an official: Donald Trump
        ("joaquin", True),  # an SDN entry: Joaquín Guzmán Loera
        ("trump", False),  # a surname
        ("cartel", False),
    ],
)
def test_given_names_are_the_first_words_of_known_persons(word, given):
    assert (word in load().given_names) is given


@pytest.mark.parametrize("name", ["Manzanillo", "Salina Cruz"])
def test_pacific_ports_are_places(name):
    entry = load().lookup(name)
    assert entry is not None and entry.type == "GPE"


def test_a_port_named_after_a_person_is_not_a_gazetteer_place():
    # Lázaro Cárdenas is a port and a president: the text's own tagging decides.
    assert load().lookup("Lazaro Cardenas") is None
