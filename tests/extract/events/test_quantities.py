"""Quantity normalization: phrase -> (kind, amount, unit, value), and number parsing."""

from __future__ import annotations

import pytest

from cartelkb.extract.events.numbers import read_number
from cartelkb.extract.events.quantities import find_quantities


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["1,186", "arrests"], (1186.0, 1)),
        (["5", "millones", "de", "dólares"], (5000000.0, 2)),
        (["one", "thousand", "people"], (1000.0, 2)),
        (["twenty", "-", "five", "years"], (25.0, 3)),
        (["3.5", "billion"], (3500000000.0, 2)),
        (["mil", "millones"], (1000000000.0, 2)),
        (["seven", "hundred", "fifty"], (750.0, 3)),
        (["million"], None),  # a scale alone is no number
        (["thousands"], None),  # a vague plural is no number
    ],
)
def test_read_number(words, expected):
    assert read_number(words) == expected


# text, then (kind, surface, amount, unit, value, approximate) of each quantity found
CASES = [
    ("A reward of $5 million.", [("money", "$5 million", 5000000.0, "USD", None, None)]),
    ("A reward of US$10 million.", [("money", "US$10 million", 10000000.0, "USD", None, None)]),
    (
        "He got (USD$10 million reward).",
        [("money", "USD$10 million", 10000000.0, "USD", None, None)],
    ),
    (
        "He got (USD $10 million reward).",
        [("money", "USD $10 million", 10000000.0, "USD", None, None)],
    ),
    (
        "Ofrecen 5 millones de dólares.",
        [("money", "5 millones de dólares", 5000000.0, "USD", None, None)],
    ),
    (
        "They seized 100 million pesos.",
        [("money", "100 million pesos", 100000000.0, "MXN", None, None)],
    ),
    ("A fine of MXN 20 million.", [("money", "MXN 20 million", 20000000.0, "MXN", None, None)]),
    (
        "Rewards of up to $5 million each.",
        [("money", "$5 million", 5000000.0, "USD", None, "up to")],
    ),
    ("Police seized 2 tons of cocaine.", [("drug", "2 tons", 1814.37, "kg", None, None)]),
    (
        "Police seized 2 metric tons of cocaine.",
        [("drug", "2 metric tons", 2000.0, "kg", None, None)],
    ),
    ("Police seized 2 tonnes of cocaine.", [("drug", "2 tonnes", 2000.0, "kg", None, None)]),
    ("They seized 1,200 pounds of meth.", [("drug", "1,200 pounds", 544.31, "kg", None, None)]),
    ("They seized 62 kilograms of cocaine.", [("drug", "62 kilograms", 62.0, "kg", None, None)]),
    ("They seized 500 grams of heroin.", [("drug", "500 grams", 0.5, "kg", None, None)]),
    (
        "Agents seized more than 4,700 pounds of fentanyl.",
        [("drug", "4,700 pounds", 2131.88, "kg", None, "more than")],
    ),
    (
        "Agents seized 4 million fentanyl pills.",
        [("pills", "4 million fentanyl pills", 4000000.0, "pill", None, None)],
    ),
    ("Mexico sent 29 fugitives.", [("people", "29 fugitives", 29.0, "person", None, None)]),
    ("Mexico sent 10,000 troops.", [("people", "10,000 troops", 10000.0, "person", None, None)]),
    (
        "The raids led to 1,186 arrests.",
        [("people", "1,186 arrests", 1186.0, "person", None, None)],
    ),
    ("He was sentenced to 25 years in prison.", [("term", "25 years", 25.0, "year", "P25Y", None)]),
    (
        "He was sentenced to 30 years and 6 months.",
        [("term", "30 years and 6 months", 30.0, None, "P30Y6M", None)],
    ),
    ("She received a 10-year sentence.", [("term", "10-year", 10.0, "year", "P10Y", None)]),
    ("He was sentenced to life in prison.", [("term", "life", None, None, "life", None)]),
    ("He will serve a life sentence.", [("term", "life", None, None, "life", None)]),
    ("Trump imposed a 25% tariff.", [("rate", "25%", 25.0, "percent", None, None)]),
    ("Tariffs of 25 percent apply.", [("rate", "25 percent", 25.0, "percent", None, None)]),
    ("Thousands of troops were deployed.", []),  # vague: no amount
    ("One of the leaders was extradited.", []),  # "one of" counts nothing
    ("The phone number is (202) 307-7977.", []),  # a number without a unit
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_quantities(nlp, text, expected):
    doc = nlp(text)
    found = []
    for sent in doc.sents:
        for q in find_quantities(doc, sent):
            start, end = q.span(doc)
            found.append((q.kind, doc.text[start:end], q.amount, q.unit, q.value, q.approximate))
    assert found == expected
