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


@pytest.fixture(scope="module")
def known_of(nlp):
    def parse(text: str) -> list[tuple[str, str, str | None]]:
        return [(m.text, m.label, m.canonical) for m in extract_mentions(nlp(text))]

    return parse


@pytest.mark.parametrize(
    ("text", "present"),
    [
        pytest.param(
            "Opening Statement of Senator Mary Okafor\n\nThe committee met on Monday to "
            "discuss border security.",
            ("Mary Okafor", "PERSON", None),
            id="heading-person-after-a-title",
        ),
        pytest.param(
            "Progress in Sanctions Work\n\nBy: Daniel Whitcombe\n\nThe office froze many "
            "accounts this year.",
            ("Daniel Whitcombe", "PERSON", None),
            id="byline-person",
        ),
        pytest.param(
            "Attorney General Jeff Sessions Announces Charges Against Traffickers\n\nThe "
            "charges were filed in Texas.",
            ("Jeff Sessions", "PERSON", "Jeff Sessions"),
            id="known-person-run-into-a-heading",
        ),
        pytest.param(
            "The minister thanked Acting Administrator Dhillon for his help.",
            ("Dhillon", "PERSON", "Uttam Dhillon"),
            id="untagged-official-surname-after-a-title",
        ),
        pytest.param(
            "The Mexican government rejected the request.",
            ("Mexican government", "ORG", "Government of Mexico"),
            id="demonym-government",
        ),
        pytest.param(
            "The request was granted by the government of Mexico last week.",
            ("government of Mexico", "ORG", "Government of Mexico"),
            id="government-of-country",
        ),
    ],
)
def test_names_introduced_or_governments(known_of, text, present):
    assert present in known_of(text)


def test_government_as_a_modifier_is_not_named(known_of):
    found = known_of("Senior Mexican government officials met the delegation.")
    assert not any(label == "ORG" for _, label, _ in found)
    assert ("Mexican", "GPE", "Mexico") in found


def test_heading_title_words_alone_still_need_corroboration(known_of):
    # A title-case heading without a title or byline: its "names" stand only if the body
    # has them.
    found = known_of("Key Discussions on Bilateral Security\n\nThe talks went well.")
    assert found == []


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "He appeared before U.S. Magistrate Judge Ann Lowe of the District of Arizona.",
            ("Ann Lowe", "PERSON", None),
            "U.S. Magistrate",
            id="a-title-is-no-organization",
        ),
        pytest.param(
            "The arrest was announced by Phoenix Division Special Agent in Charge Maria Soto "
            "of the Drug Enforcement Administration.",
            ("Phoenix Division", "ORG", None),
            "Phoenix Division Special",
            id="an-office-ends-where-the-title-after-it-begins",
        ),
    ],
)
def test_titles_kept_out_of_organizations(known_of, text, present, absent):
    found = known_of(text)
    assert present in found
    assert absent not in [t for t, _, _ in found]


def test_what_a_title_leaves_of_an_organization_is_dropped_if_a_demonym(nlp):
    from cartelkb.extract.entities.drafts import Draft
    from cartelkb.extract.entities.mentions import _cut_at_titles
    from cartelkb.knowledge import load

    doc = nlp("Readout of Mexican Interior Secretary Luis Ortega's Visit")
    org = Draft(2, 4, "ORG")  # the NER's "Mexican Interior"
    person = Draft(5, 7, "PERSON", role="Interior Secretary", role_start=3)
    assert _cut_at_titles(doc, [org, person], load()) == [person]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The bill orders the Secretary of State to report on the cartels within a year.",
            [],
            id="a-title-without-a-person-names-no-department",
        ),
        pytest.param(
            "The Department of State funds the program. Auditors found that State and the "
            "embassy lack data on results.",
            [
                ("Department of State", "ORG", "Department of State"),
                ("State", "ORG", "Department of State"),
            ],
            id="a-departments-short-name",
        ),
    ],
)
def test_department_short_names(known_of, text, expected):
    assert [m for m in known_of(text) if m[1] == "ORG"] == expected


def test_place_slash_family_names_are_the_cartel(known_of):
    found = known_of(
        "Analysts named four groups: the Tijuana/Arellano Felix organization (AFO), the Gulf "
        "cartel and the Juárez/Carrillo Fuentes organization (CFO). Later reports listed "
        "Tijuana/AFO and Juárez/CFO as dominant."
    )
    assert ("Tijuana/Arellano Felix organization", "ORG", "Tijuana Cartel") in found
    assert ("Juárez/Carrillo Fuentes organization", "ORG", "Juárez Cartel") in found
    assert ("Juárez/CFO", "ORG", "Juárez Cartel") in found


def test_a_slash_without_a_known_cartel_is_left_alone(known_of):
    found = known_of("The Smith/Jones Group filed the report.")
    assert all(canonical is None for _, label, canonical in found if label == "ORG")


def test_groups_named_with_a_spanish_article(known_of):
    found = known_of(
        '"The Los Gavilanes drug trafficking organization is one of the most violent in '
        'Guerrero," he said. Four men tied to the Los Gavilanes cartel were arrested. Los '
        "Gavilanes leader Juan Perez was captured in 2015."
    )
    assert [m for m in found if m[0] == "Los Gavilanes"] == [("Los Gavilanes", "ORG", None)] * 3


@pytest.mark.parametrize(
    "text", ["Los Angeles police arrested two men.", "Las Vegas is far from the border."]
)
def test_places_named_with_a_spanish_article_stay_places(known_of, text):
    assert all(label == "GPE" for _, label, _ in known_of(text))


def test_a_country_cut_off_an_organization_joins_it(known_of):
    found = known_of("He will appear on Monday in U.S. District Court in Phoenix before a judge.")
    assert ("U.S. District Court", "ORG", None) in found
    assert ("U.S.", "GPE", "United States") in found


def test_a_heading_name_run_into_the_next_word_is_cut_to_the_bodys_name(known_of):
    found = known_of(
        "Jane Okafor Returns to Lead the Festival\nFestival founder Jane Okafor will return "
        "to lead the event for a second time, organizers said."
    )
    assert found == [("Jane Okafor", "PERSON", None)] * 2
