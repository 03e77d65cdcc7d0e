"""Name spans the linker depends on: determiners trimmed, names split at a nickname
rejoined, an office's name kept out of the person after it (the real pipeline)."""

from __future__ import annotations

import pytest

from cartelkb.extract.entities import extract_mentions


@pytest.fixture(scope="module")
def names_of(nlp):
    def parse(sentence: str) -> list[tuple[str, str]]:
        return [(m.name, m.label) for m in extract_mentions(nlp(sentence))]

    return parse


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        pytest.param(
            "We will use every power of this Department of Justice against the cartels.",
            ("Department of Justice", "ORG"),
            "this Department of Justice",
            id="demonstrative-is-no-part-of-the-name",
        ),
        pytest.param(
            'Mexican authorities arrested Néstor Isidro "El Nini" Pérez Salas, a security chief '
            "of the Chapitos, on Tuesday.",
            ("Néstor Isidro Pérez Salas", "PERSON"),
            "Isidro Pérez Salas",
            id="two-given-names-before-a-quoted-nickname",
        ),
        pytest.param(
            'Néstor Isidro "El Nini" Pérez Salas was arrested.',
            ("Néstor Isidro Pérez Salas", "PERSON"),
            "Pérez Salas",
            id="at-the-start-of-a-sentence",
        ),
    ],
)
def test_name_spans(names_of, sentence, present, absent):
    found = names_of(sentence)
    assert present in found
    assert all(name != absent for name, _ in found)


def test_indefinite_designation_is_no_entity(names_of):
    found = names_of("The State Department designated the cartel a Foreign Terrorist Organization.")
    assert all("Foreign Terrorist Organization" not in name for name, _ in found)


def test_nickname_is_an_alias_of_the_rejoined_person(nlp):
    found = list(extract_mentions(nlp('Police said Joaquín "El Chapo" Guzmán escaped.')))
    person = next(i for i, m in enumerate(found) if m.name == "Joaquín Guzmán")
    nickname = next(m for m in found if m.name == "El Chapo")
    assert nickname.label == "PERSON" and nickname.alias_of == person
