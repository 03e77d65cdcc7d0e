"""cleaning.strip_prepositions: a preposition that begins an approximator stays with it."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.extract.dates import normalize
from cartelkb.extract.dates.cleaning import strip_prepositions


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("at least 30 days", "at least 30 days"),
        ("for at least 30 days", "at least 30 days"),
        ("in 2024", "2024"),
        ("from until friday", "friday"),
    ],
)
def test_strip_prepositions(text, stripped):
    assert strip_prepositions(text) == stripped


@pytest.mark.parametrize(
    ("text", "value"),
    [("at least 72 hours", "PT72H"), ("for at least 20 more years", "P20Y")],
)
def test_at_least_is_an_approximator(text, value):
    found = normalize(text, dt.date(2000, 4, 14))
    assert found is not None and found.value == value
