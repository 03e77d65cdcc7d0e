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
            # Both are in data/officials.tsv: the canonical name comes from there.
            ("Claudia Sheinbaum", "PERSON", "Claudia Sheinbaum", "President-elect"),
            ("Marco Rubio", "PERSON", "Marco Rubio", "U.S. Senator"),
        ],
        id="titles-become-roles",
    ),
    pytest.param(
        "Former U.S. President Donald Trump spoke.",
        [("Donald Trump", "PERSON", "Donald Trump", "Former U.S. President")],
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
            # On the SDN list (data/sdn_narcotics.jsonl): its name is the canonical one.
            ("Nemesio Oseguera Cervantes", "PERSON", "Nemesio Oseguera Cervantes", None),
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
        "On Saturday, Cheeks was fired as head coach.",
        [("Cheeks", "PERSON", None, None)],
        id="a-surname-ending-in-s-is-no-plural-noun",
    ),
    pytest.param(
        "Police said Mr Buckley fell.",
        [("Buckley", "PERSON", None, "Mr")],
        id="british-title-without-period",
    ),
    pytest.param(
        "The Mexican government rejected the plan.",
        [("Mexican", "GPE", "Mexico", None)],
        id="demonym-before-government",
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
            # On the SDN list (data/sdn_narcotics.jsonl): its name is the canonical one.
            ("Nemesio Oseguera Cervantes", "PERSON", "Nemesio Oseguera Cervantes", None),
            ("Jalisco New Generation Cartel", "ORG", "Jalisco New Generation Cartel", None),
            ("CJNG", "ORG", "Jalisco New Generation Cartel", None),
        ],
        id="cartel-and-acronym",
    ),
    pytest.param(
        "“We will not relent,” said Under Secretary of the Treasury for Terrorism and "
        "Financial Intelligence Brian E. Nelson.",
        [
            (
                "Brian E. Nelson",
                "PERSON",
                None,
                "Under Secretary of the Treasury for Terrorism and Financial Intelligence",
            )
        ],
        id="long-title-runs-up-to-the-name",
    ),
    pytest.param(
        "Acting U.S. Attorney for the Southern District of California Andrew Haden spoke.",
        [
            (
                "Andrew Haden",
                "PERSON",
                None,
                "Acting U.S. Attorney for the Southern District of California",
            )
        ],
        id="title-with-a-place-inside",
    ),
    pytest.param(
        "He was wanted for the murder of Sheriff's Deputy Juan Escalante in 2008. "
        "Escalante was shot outside his home.",
        [
            ("Juan Escalante", "PERSON", None, "Deputy"),
            ("Escalante", "PERSON", None, None),
        ],
        id="surname-the-ner-missed",
    ),
    pytest.param(
        "The reward targets Joaquín “El Chapo” Guzmán Loera and his sons.",
        [
            ("Joaquín “El Chapo” Guzmán Loera", "PERSON", None, None),
            ("El Chapo", "PERSON", None, None),
        ],
        id="quoted-nickname-inside-a-name",
    ),
    pytest.param(
        'Zambada met with Joaquín "El Chapo" Guzmán in Culiacán.',
        [('Joaquín "El Chapo" Guzmán', "PERSON", None, None)],
        id="straight-quoted-nickname-inside-a-name",
    ),
    pytest.param(
        "Ismael Zambada García, also known as, “El Mayo,” was arrested in El Paso.",
        [
            # The SDN list writes the name without accents.
            ("Ismael Zambada García", "PERSON", "Ismael Zambada Garcia", None),
            ("El Mayo", "PERSON", None, None),
        ],
        id="also-known-as-comma",
    ),
    pytest.param(
        "The order covers the Sinaloa cartel, Jalisco New Generation, Gulf, Northeast and "
        "Carteles Unidos.",
        [
            ("Gulf", "ORG", "Gulf Cartel", None),
            ("Northeast", "ORG", "Cartel del Noreste", None),
            ("Carteles Unidos", "ORG", "Cárteles Unidos", None),
        ],
        id="bare-names-in-a-list-of-cartels",
    ),
    pytest.param(
        "The Department of State has paid rewards since 1986, with the Department paying "
        "more than $135 million.",
        [("Department", "ORG", "Department of State", None)],
        id="head-noun-refers-to-the-named-department",
    ),
    pytest.param(
        "The group trafficked fentanyl into the United States for the Jalisco New Generation.",
        [("Jalisco New Generation", "ORG", "Jalisco New Generation Cartel", None)],
        id="short-form-of-a-cartel",
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
        pytest.param(
            "Agents seized cocaine, meth, fentanyl, and heroin at the port of entry.",
            "fentanyl",
            id="drug-is-no-person",
        ),
        pytest.param(
            "Agents seized cocaine, meth, fentanyl, and heroin at the port of entry.",
            "meth",
            id="drug-is-no-place",
        ),
        pytest.param(
            "“We will not relent,” said Under Secretary of the Treasury for Terrorism and "
            "Financial Intelligence Brian E. Nelson.",
            "Terrorism",
            id="words-of-a-title-are-no-organization",
        ),
        pytest.param(
            "He is charged under the Foreign Narcotics Kingpin Designation Act.",
            "Foreign Narcotics Kingpin Designation Act",
            id="a-law-is-no-organization",
        ),
        pytest.param(
            "The Narcotics Rewards Program (NRP) paid him. The NRP has paid $135 million.",
            "NRP",
            id="a-program-and-its-acronym-are-no-organization",
        ),
        pytest.param(
            "Mexico said the Department would answer.",
            "Department",
            id="head-noun-alone-names-nothing",
        ),
        pytest.param(
            "“Culpable,” he said, using the Spanish word for “guilty.”",
            "Spanish",
            id="a-language-is-no-country",
        ),
        pytest.param(
            "He spoke through a Spanish interpreter in a Spanish-speaking court.",
            "Spanish",
            id="language-modifiers-are-no-country",
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


def test_an_agencys_unit_is_named_with_its_owner(mentions_of):
    found = mentions_of(
        "The case was investigated by the Drug Enforcement Administration's San Diego "
        "Field Division and the FBI's San Diego Field Office."
    )
    names = {m.text: m.name for m in found}
    assert names["San Diego Field Division"] == (
        "Drug Enforcement Administration San Diego Field Division"
    )
    assert (
        names["San Diego Field Office"] == "Federal Bureau of Investigation San Diego Field Office"
    )


@pytest.mark.parametrize(
    ("text", "settled"),
    [
        (
            "Under Zambada's rule the cartel grew. Zambada said he was kidnapped. Zambada left.",
            True,
        ),
        ("Under Zambada's rule the cartel grew. Zambada ran it. Zambada left.", False),
    ],
)
def test_a_lone_name_the_ner_tags_now_person_now_org(nlp, text, settled):
    """Tagged PERSON once and the subject of a speech verb: a person in every mention."""
    from cartelkb.extract.entities.drafts import Draft
    from cartelkb.extract.entities.people import settle_lone_names

    doc = nlp(text)
    positions = [t.i for t in doc if t.text == "Zambada"]
    drafts = [
        Draft(i, i + 1, label) for i, label in zip(positions, ["ORG", "ORG", "PERSON"], strict=True)
    ]
    settle_lone_names(doc, drafts)
    labels = [d.label for d in drafts]
    assert labels == (["PERSON"] * 3 if settled else ["ORG", "ORG", "PERSON"])


def test_a_nickname_met_again_is_the_person(mentions_of):
    found = mentions_of(
        "Zambada is a partner of Joaquin Guzman-Loera, also known as, “El Chapo” and is "
        "charged along with El Chapo's sons."
    )
    assert [m.label for m in found if m.text == "El Chapo"] == ["PERSON", "PERSON"]


def test_quoted_nickname_is_alias_of_the_joined_name(mentions_of):
    found = mentions_of("The reward targets Joaquín “El Chapo” Guzmán Loera and his sons.")
    full = next(m for m in found if m.text.startswith("Joaquín"))
    nickname = next(m for m in found if m.text == "El Chapo")
    assert full.name == "Joaquín Guzmán Loera"
    assert nickname.alias_of == found.index(full)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sheinbaum called the plan “unacceptable” on Tuesday.",
        "The so-called “Remain in Mexico” Policy ended.",
    ],
)
def test_quoted_words_alone_join_no_names(mentions_of, sentence):
    assert all("“" not in m.text for m in mentions_of(sentence))


def test_demonym_mention_source(mentions_of):
    found = mentions_of("The Mexican government rejected the plan.")
    assert {m.text: m.source for m in found} == {
        "Mexican": "demonym",
        "Mexican government": "knowledge",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States government said it would act.",
        "The British government was asked to remove the troops.",
    ],
)
def test_no_government_the_gazetteer_does_not_know(mentions_of, sentence):
    """Only a government the agencies file lists becomes an ORG ("Government of Mexico");
    the country's own mention stays the place."""
    assert [m.canonical for m in mentions_of(sentence) if m.label == "ORG"] == []


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


def test_a_name_the_ner_ran_past_loses_its_trailing_dash_and_function_word(nlp):
    """ "Marco Rubio - from": the NER's span ran on; the name stops at "Rubio", so no
    alias "from" (a surname-like key of the name) comes of it."""
    from spacy.tokens import Span

    doc = nlp("Secretary Marco Rubio - from the State Department spoke on Monday.")
    start = next(t.i for t in doc if t.text == "Marco")
    doc.ents = [Span(doc, start, start + 4, label="PERSON")]  # "Marco Rubio - from"
    [rubio] = [m for m in extract_mentions(doc) if m.label == "PERSON"]
    assert (rubio.name, rubio.text) == ("Marco Rubio", doc.text[rubio.start : rubio.end])
