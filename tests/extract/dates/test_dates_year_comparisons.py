"""extract_dates: "a year ago" after a quarter is that quarter a year back."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.extract.dates import extract_dates

BASE = dt.date(1989, 10, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Net rose in the third quarter to $108.8 million from $90.5 million a year ago.",
            [("the third quarter", "1989-Q3"), ("a year ago", "1988-Q3")],
        ),
        (
            "The company posted a loss in the third quarter. A year earlier, it earned "
            "$2.1 million. Sales in the quarter rose.",
            [
                ("the third quarter", "1989-Q3"),
                ("A year earlier", "1988-Q3"),
                ("the quarter", "1989-Q3"),
            ],
        ),  # fmt: skip
        # without a quarter it is the year before the article's
        ("The plant opened a year ago.", [("a year ago", "1988")]),
    ],
)
def test_year_comparisons_count_from_the_quarter_named(nlp, text, expected):
    got = [(r.text, r.value) for r in extract_dates(nlp(text), BASE)]
    assert got == expected


def test_a_quarter_named_sentences_before_is_too_far(nlp):
    text = (
        "The company posted a loss in the third quarter. Its chief executive resigned. "
        "Its shares fell. The plant opened a year ago."
    )
    got = [(r.text, r.value) for r in extract_dates(nlp(text), BASE)]
    assert got[-1] == ("a year ago", "1988")
