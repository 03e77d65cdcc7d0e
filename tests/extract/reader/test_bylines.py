"""Tests for cartelkb.extract.reader.bylines: the byline forms and personal-name shapes."""

from __future__ import annotations

import pytest

from cartelkb.extract.reader import parse_text
from cartelkb.extract.reader.bylines import byline, is_affiliation, is_person_name, name_list

from .samples import BODY


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By: Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Jane Doe, John Roe and Ann Poe", "Jane Doe, John Roe and Ann Poe"),
        ("By Jane Doe and John Roe, Associated Press", "Jane Doe and John Roe"),
        ("By Jane Doe, Reuters", "Jane Doe"),
        ("By Luis de la Cruz for The Dallas Morning News", "Luis de la Cruz"),
        ("Jane Doe, Reuters", "Jane Doe"),
        ("Jane Doe, The Washington Post", "Jane Doe"),
        ("Jane Doe, staff writer", "Jane Doe"),
        ("Jane Doe | Reuters", "Jane Doe"),
        ("Staff writer Jane O'Neil-Smith", "Jane O'Neil-Smith"),
        ("Senior Correspondent: José Ángel Núñez", "José Ángel Núñez"),
        ("Reporter Jane Doe", "Jane Doe"),
        ("Political editor: Jane Doe", "Jane Doe"),
        ("Staff writers Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("Written by Jane Doe", "Jane Doe"),
        ('Written by Robert "Bob" Smith Jr.', 'Robert "Bob" Smith Jr'),
        ("Author: Ana María Salazar", "Ana María Salazar"),
        ("Posted on August 29, 2024 by Jane Doe", "Jane Doe"),
        ("By Jane Doe | Aug. 29, 2024 10:30 AM ET", "Jane Doe"),
        ("Jane Doe, Chicago Tribune on", "Jane Doe"),  # the date after "on" was lost
        ("Tammy Bruce, Department Spokesperson", "Tammy Bruce"),
        # an official's statement: "Name, Title"
        ("Jane Doe, Secretary of Homeland Security", "Jane Doe"),
        ("John Q. Roe, Attorney General", "John Q. Roe"),
        ("Jane Doe, Mexico City Police", None),
        # not a personal byline
        ("By Reuters", None),
        ("By The Associated Press", None),
        ("By Staff Reports", None),
        ("Mexico City, Mexico", None),
        ("According to reporter Jane Doe", None),
        # a title takes one modifier: longer descriptions are not read as bylines
        ("Syndicated investigative reporter Ann B. Cole", None),
        ("Award-winning reporter Jane Doe", None),
        ("Investigative reporter Jane Doe found cartel ledgers in the warehouse.", None),
        ("Jane Doe and John Roe", None),  # two names, nothing saying they are authors
    ],
)
def test_byline(line: str, author: str | None) -> None:
    article = parse_text(f"Cartels and the State\n\n{line}\n\n{BODY}")
    assert article.author == author
    assert line in article.text  # the byline line stays in the text (NER needs the name)


def test_byline_date_combination_sets_both() -> None:
    article = parse_text(f"Cartels and the State\nBy Jane Doe | Aug. 29, 2024\n\n{BODY}")
    assert (article.author, article.published) == ("Jane Doe", "2024-08-29")


# --- the pieces, line by line -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", True),
        ("Luis de la Cruz", True),  # particles inside
        ("J. R. Smith", True),  # initials
        ("Ann B. Cole", True),
        ('Robert "Bob" Smith', True),  # a quoted nickname
        ("Martin Luther King Jr.", True),  # a suffix ends a name of three words or more
        ("José Ángel Núñez", True),
        ("Jane O'Neil-Smith", True),
        ("Jane", False),  # one word
        ("Jane Mary Ann Lee Doe Roe Poe", False),  # seven
        ("The Border Report", False),
        ("Jane Doe Reuters", False),  # a wire
        ("Dallas Morning News", False),  # a media word
        ("de la Cruz", False),  # a particle does not start a name
        ("jane doe", False),
        ("Jane Doe2", False),
    ],
)
def test_is_person_name(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", "Jane Doe"),
        ("Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("Jane Doe, John Roe & Ann Poe.", "Jane Doe, John Roe & Ann Poe"),
        ("Jane Doe, and John Roe", "Jane Doe, and John Roe"),
        ("Jane Doe and Reuters", None),
        ("Jane Doe, Mexico", None),
    ],
)
def test_name_list(text: str, expected: str | None) -> None:
    assert name_list(text) == expected


@pytest.mark.parametrize(
    ("segment", "weak", "author"),
    [
        ("By Jane Doe", False, "Jane Doe"),
        ("By Jane Doe for The Dallas Morning News", False, "Jane Doe"),
        ("By Jane Doe, special to the Times", False, "Jane Doe"),  # after "By": any affiliation
        ("Jane Doe, Reuters", False, None),  # without "By": weak forms only
        ("Jane Doe, Reuters", True, "Jane Doe"),
        ("Jane Doe, Mexico City", True, None),  # no outlet or role after the name
        ("Jane Doe, staff writer", True, "Jane Doe"),
        ("Staff writer Jane Doe", True, "Jane Doe"),
        ("Chief correspondent Jane Doe, Reuters", True, "Jane Doe"),
        ("Staff writer Jane Doe", False, None),  # a title is a weak form
        ("Senior investigative reporter Jane Doe", True, None),  # two modifiers
        ("Jane Doe, Chicago Tribune on", True, "Jane Doe"),
        ("By Reuters", True, None),
        ("Mexico City, Mexico", True, None),
    ],
)
def test_byline_segment(segment: str, weak: bool, author: str | None) -> None:
    assert byline(segment, weak=weak) == author


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reuters", True),
        ("The Associated Press", True),
        ("staff writer", True),
        ("Senior Correspondents", True),  # a plural role
        ("The Dallas Morning News", True),
        ("Department Spokesperson", True),
        ("Ambassador to Mexico", True),  # an official's title
        ("ambassador to Mexico", False),  # in a sentence, not a byline
        ("Mexico City", False),
        ("the morning news", False),  # an outlet's name is capitalized
    ],
)
def test_is_affiliation(text: str, expected: bool) -> None:
    assert is_affiliation(text) is expected


@pytest.mark.parametrize(
    ("segment", "author"),
    [
        ("Ambassador Ken Salazar’s Statement", "Ken Salazar"),
        ("Ken Salazar's Remarks", "Ken Salazar"),
        ("Acting Administrator Anne Milgram’s Testimony", "Anne Milgram"),
        ("Ambassador Salazar’s Statement", None),  # no full name left
        ("Mexico's Statement", None),
        ("The Cartel's Statement", None),
        ("Ken Salazar's Statement on Security", None),  # a headline, not a byline
    ],
)
def test_speaker_line_is_a_byline(segment: str, author: str | None) -> None:
    assert byline(segment) == author


def test_speaker_line_under_the_headline_gives_the_author() -> None:
    article = parse_text(
        "Cooperation Is Closer Than Ever\nAmbassador Ken Salazar’s Statement\n"
        "April 14, 2023\n\nMexico City, April 14, 2023 – The visit shows our shared commitment."
    )
    assert article.author == "Ken Salazar"
    assert article.published == "2023-04-14"
