"""Tests for cartelkb.extract.entities: sentence -> named mentions, with the real pipeline."""

from __future__ import annotations

import pytest

from cartelkb.extract.entities import extract_mentions
from cartelkb.records import MentionRecord


@pytest.fixture(scope="module")
def mentions_of(nlp):
    cache: dict[str, tuple[str, list[MentionRecord]]] = {}

    def parse(sentence: str) -> list[MentionRecord]:
        if sentence not in cache:
            doc = nlp(sentence)
            cache[sentence] = (doc.text, list(extract_mentions(doc)))
        return cache[sentence][1]

    return parse


def summary(found: list[MentionRecord]) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.text, m.label, m.canonical, m.role) for m in found]


# (text, label, canonical, role): every expected mention must be found, exactly so.
EXPECTED = [
    pytest.param(
        "President-elect Claudia Sheinbaum met U.S. Senator Marco Rubio.",
        [
            ("Claudia Sheinbaum", "PERSON", None, "President-elect"),
            ("Marco Rubio", "PERSON", None, "U.S. Senator"),
        ],
        id="titles-become-roles",
    ),
    pytest.param(
        "Former U.S. President Donald Trump spoke.",
        [("Donald Trump", "PERSON", None, "Former U.S. President")],
        id="role-takes-modifiers",
    ),
    pytest.param(
        # The statistical NER tags both states PERSON here; the gazetteer corrects it.
        "Guerrero and Michoacán are among the most violent states.",
        [("Guerrero", "GPE", "Guerrero", None), ("Michoacán", "GPE", "Michoacán", None)],
        id="knowledge-corrects-ner",
    ),
    pytest.param(
        "The Drug Enforcement Administration (DEA) has expanded its operations in Mexico.",
        [
            ("Drug Enforcement Administration", "ORG", "Drug Enforcement Administration", None),
            ("DEA", "ORG", "Drug Enforcement Administration", None),
            ("Mexico", "GPE", "Mexico", None),
        ],
        id="acronym-in-parentheses",
    ),
    pytest.param(
        "Nemesio Oseguera Cervantes, known as 'El Mencho', leads the cartel.",
        [
            ("Nemesio Oseguera Cervantes", "PERSON", None, None),
            ("El Mencho", "PERSON", None, None),
        ],
        id="nickname-after-known-as",
    ),
    pytest.param(
        "The talks could reshape U.S.-Mexico relations.",
        [("U.S.", "GPE", "United States", None), ("Mexico", "GPE", "Mexico", None)],
        id="hyphenated-compound-of-places",
    ),
    pytest.param(
        "The Mexican government rejected the plan.",
        [
            ("Mexican", "GPE", "Mexico", None),
            ("Mexican government", "ORG", "Government of Mexico", None),
        ],
        id="demonym-government",
    ),
    pytest.param(
        "Critics say the Trump administration wants to send troops.",
        [("Trump", "PERSON", None, None), ("Trump administration", "ORG", None, None)],
        id="administration-nests-person",
    ),
    pytest.param(
        "Mexican officials met American diplomats in Mexico City.",
        [
            ("Mexican", "GPE", "Mexico", None),
            ("American", "GPE", "United States", None),
            ("Mexico City", "GPE", "Mexico City", None),
        ],
        id="demonyms-as-modifiers",
    ),
    pytest.param(
        "Nemesio Oseguera Cervantes leads the Jalisco New Generation Cartel (CJNG).",
        [
            ("Nemesio Oseguera Cervantes", "PERSON", None, None),
            ("Jalisco New Generation Cartel", "ORG", "Jalisco New Generation Cartel", None),
            ("CJNG", "ORG", "Jalisco New Generation Cartel", None),
        ],
        id="cartel-and-acronym",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EXPECTED)
def test_expected_mentions(mentions_of, sentence, expected):
    got = summary(mentions_of(sentence))
    for mention in expected:
        assert mention in got, f"{mention} not in {got}"


@pytest.mark.parametrize(
    ("sentence", "exact"),
    [
        pytest.param(
            "President-elect Claudia Sheinbaum met U.S. Senator Marco Rubio.",
            ["Claudia Sheinbaum", "Marco Rubio"],
            id="country-inside-a-title-is-part-of-the-role",
        ),
        pytest.param(
            "The Mexican government rejected the plan.",
            ["Mexican", "Mexican government"],
            id="no-stray-mentions",
        ),
    ],
)
def test_exact_mention_list(mentions_of, sentence, exact):
    assert [m.text for m in mentions_of(sentence)] == exact


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        pytest.param("Many Mexicans oppose the plan.", "Mexicans", id="plural-people"),
        pytest.param(
            "Mexicans have protested against the violence in Sinaloa.",
            "Mexicans",
            id="plural-people-sentence-start",
        ),
        pytest.param(
            "The United States designated the cartels as Foreign Terrorist Organizations.",
            "Foreign Terrorist Organizations",
            id="designation-category",
        ),
        pytest.param(
            "Donald Trump wants to designate cartels as Foreign Terrorist Organizations.",
            "Foreign Terrorist Organizations",
            id="designation-category-with-person",
        ),
        pytest.param(
            "The Drug Enforcement Administration (DEA) has expanded its operations in Mexico.",
            "The Drug Enforcement Administration",
            id="leading-the-is-trimmed",
        ),
        pytest.param(
            "President-elect Claudia Sheinbaum met U.S. Senator Marco Rubio.",
            "President-elect Claudia Sheinbaum",
            id="title-not-in-name",
        ),
    ],
)
def test_not_a_mention(mentions_of, sentence, absent):
    texts = [m.text for m in mentions_of(sentence)]
    assert absent not in texts


def test_country_still_found_next_to_a_designation(mentions_of):
    sentence = "The United States designated the cartels as Foreign Terrorist Organizations."
    assert summary(mentions_of(sentence)) == [("United States", "GPE", "United States", None)]


def test_compound_offsets_are_exact(mentions_of):
    sentence = "The talks could reshape U.S.-Mexico relations."
    found = [(m.text, m.start, m.end) for m in mentions_of(sentence)]
    us = sentence.index("U.S.-Mexico")
    assert found == [("U.S.", us, us + 4), ("Mexico", us + 5, us + 11)]


def test_acronym_is_defined_and_linked(mentions_of):
    found = mentions_of(
        "The Drug Enforcement Administration (DEA) has expanded its operations in Mexico."
    )
    full = next(m for m in found if m.text == "Drug Enforcement Administration")
    acronym = next(m for m in found if m.text == "DEA")
    assert full.acronym == "DEA"
    assert acronym.alias_of == found.index(full)


def test_nickname_is_alias_of_the_full_name(mentions_of):
    found = mentions_of("Nemesio Oseguera Cervantes, known as 'El Mencho', leads the cartel.")
    full = next(m for m in found if m.text == "Nemesio Oseguera Cervantes")
    nickname = next(m for m in found if m.text == "El Mencho")
    assert nickname.alias_of == found.index(full)
    assert full.alias_of is None


def test_demonym_mention_source(mentions_of):
    found = mentions_of("The Mexican government rejected the plan.")
    assert {m.text: m.source for m in found} == {
        "Mexican": "demonym",
        "Mexican government": "demonym",
    }


ALL_SENTENCES = sorted(
    {p.values[0] for p in EXPECTED}
    | {
        "Mexicans have protested against the violence in Sinaloa.",
        "Joaquín Guzmán Loera and Ovidio Guzmán López were extradited. Guzmán was sentenced.",
        "Sheinbaum’s government said the U.S.’s plan was “unacceptable,” officials said.",
        "WASHINGTON —\nThe DEA and the FBI met in Washington, D.C., on Aug. 29, 2024.",
    }
)


@pytest.mark.parametrize("sentence", ALL_SENTENCES)
def test_every_mention_slices_the_text(nlp, sentence):
    doc = nlp(sentence)
    found = list(extract_mentions(doc))
    assert found, sentence
    for m in found:
        assert doc.text[m.start : m.end] == m.text
        assert m.sent_start <= m.start < m.end <= m.sent_end <= len(doc.text)
        assert m.name and m.name == " ".join(m.name.split())
        if m.alias_of is not None:
            assert 0 <= m.alias_of < len(found) and found[m.alias_of] is not m
    assert [(m.start, m.end) for m in found] == sorted((m.start, m.end) for m in found)
