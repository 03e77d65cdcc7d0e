"""extract_dates: a clause's tense reads only the dates that tell when its event happened."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.extract.dates import extract_dates


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        # a date of an adjective or a noun is not the past verb's time: the nearest one
        (
            "The board declared a dividend, payable Dec. 7 to holders of record Nov. 22.",
            dt.date(1989, 10, 27),
            [("Dec. 7", "1989-12-07"), ("Nov. 22", "1989-11-22")],
        ),
        # the adverbial of a past verb keeps the past
        ("The dividend was paid Dec. 7.", dt.date(1989, 10, 27), [("Dec. 7", "1988-12-07")]),
    ],
)
def test_only_adverbial_dates_take_the_clause_tense(nlp, text, base, expected):
    got = [(r.text, r.value) for r in extract_dates(nlp(text), base)]
    assert got == expected
