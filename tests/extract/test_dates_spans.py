"""cartelkb.extract.dates.spans: which DATE/TIME entities are candidates, and how they split."""

from __future__ import annotations

import pytest

from cartelkb.extract.dates.spans import entity_candidates


def candidates(doc) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """(candidate span, [(part text, TIMEX3 value the split fixed, or None)])."""
    text = doc.text
    return [
        (span.text, [(text[s:e], fixed.timex if fixed else None) for s, e, fixed in parts])
        for span, parts in entity_candidates(doc)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # adjacent entities are one expression
        (
            "The raid happened Friday afternoon.",
            [("Friday afternoon", [("Friday afternoon", None)])],
        ),
        # ... unless together they are none: then each is read alone
        # a span no rule reads may hold two expressions, or end in one after "of"
        (
            "The talks lasted two days this week.",
            [("two days this week", [("two days", None), ("this week", None)])],
        ),
        (
            "It rained for three days last week in Sinaloa.",
            [("three days last week", [("three days", None), ("last week", None)])],
        ),
        (
            "The arrest marks the end of a 20 year investigation.",
            [("the end of a 20 year", [("a 20 year", None)])],
        ),
        (
            "Sales fell in the year ended March 31, 2011.",
            [("the year ended March 31, 2011", [("March 31, 2011", None)])],
        ),
        # ranges hold two: years are read at once, a shared unit goes to the first number
        (
            "The swine flu pandemic of 2009-2010 killed thousands.",
            [("2009-2010", [("2009", "2009"), ("2010", "2010")])],
        ),
        (
            "Talks ran from Monday to Wednesday.",
            [("Monday to Wednesday", [("Monday", None), ("Wednesday", None)])],
        ),
        (
            "The sentence is between 12 and 18 months.",
            [("between 12 and 18 months", [("12", "P12M"), ("18 months", None)])],
        ),
        # ages are no dates; the date beside them is
        ("The 22-year-old suspect was arrested on Monday.", [("Monday", [("Monday", None)])]),
        ("The suspect, aged 35, was arrested in 2019.", [("2019", [("2019", None)])]),
        ("He was 40 years old in 2010.", [("2010", [("2010", None)])]),
        # a number counting a plural noun is no year; one with a determiner is
        (
            "The U.S. sent 2024 soldiers to the border in March.",
            [("March", [("March", None)])],
        ),
        (
            "Both parties are preparing for the 2024 elections.",
            [("2024", [("2024", None)])],
        ),
        # a decade takes back the "'s" the tokenizer split off
        ("Cartels grew in the 1990\u2019s.", [("1990\u2019s", [("1990\u2019s", None)])]),
        # a season naming a kind of thing is no time
        ("Students on spring break were robbed.", []),
        # a span that holds no expression the rules read yields no part
        ("The fiscal years 2022-23 were hard.", [("The fiscal years 2022-23", [])]),
    ],
)
def test_entity_candidates(nlp, text, expected):
    assert candidates(nlp(text)) == expected
