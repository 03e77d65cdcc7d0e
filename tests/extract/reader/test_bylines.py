"""Tests for cartelkb.extract.reader.bylines: the byline forms and personal-name shapes."""

from __future__ import annotations

import pytest

from cartelkb.extract.reader import parse_text

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
        ("Syndicated investigative reporter Ann B. Cole", "Ann B. Cole"),
        ("Staff writer Jane O'Neil-Smith", "Jane O'Neil-Smith"),
        ("Senior Correspondent: José Ángel Núñez", "José Ángel Núñez"),
        ("Written by Jane Doe", "Jane Doe"),
        ('Written by Robert "Bob" Smith Jr.', 'Robert "Bob" Smith Jr'),
        ("Author: Ana María Salazar", "Ana María Salazar"),
        ("Posted on August 29, 2024 by Jane Doe", "Jane Doe"),
        ("By Jane Doe | Aug. 29, 2024 10:30 AM ET", "Jane Doe"),
        ("Jane Doe, Chicago Tribune on", "Jane Doe"),  # the date after "on" was lost
        ("Tammy Bruce, Department Spokesperson", "Tammy Bruce"),
        # not a personal byline
        ("By Reuters", None),
        ("By The Associated Press", None),
        ("By Staff Reports", None),
        ("Mexico City, Mexico", None),
        ("According to reporter Jane Doe", None),
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
