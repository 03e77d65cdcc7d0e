"""spans.parts: an NER span holding an expression and what the NER took in around it."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.extract.dates import extract_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a period and the day it ended: two expressions
        (
            "Net income rose 21% for the fourth quarter ended Aug. 26.",
            [("the fourth quarter", "1989-Q4"), ("Aug. 26", "1989-08-26")],
        ),
        (
            "Sales fell for the six months ended Oct. 1.",
            [("the six months", "P6M"), ("Oct. 1", "1989-10-01")],
        ),
        # words before an expression that the NER took in go
        (
            "The stake was acquired as a result of an Aug. 10, 1988, stock purchase agreement.",
            [("Aug. 10, 1988", "1988-08-10")],
        ),
        ("During the day Friday, the boy played in the yard.", [("Friday", "1989-10-27")]),
        ("The talks will last barely a month.", [("a month", "P1M")]),
    ],
)
def test_spans_keep_the_expressions_they_hold(nlp, text, expected):
    got = [(r.text, r.value) for r in extract_dates(nlp(text), dt.date(1989, 10, 30))]
    assert got == expected


def test_a_dropped_number_is_no_leading_word(nlp):
    # "2 1/2 years" is not "years": the count may not be dropped
    doc = nlp("He spent 2 1/2 years in prison.")
    assert all(r.text != "years" for r in extract_dates(doc, dt.date(1998, 2, 27)))
