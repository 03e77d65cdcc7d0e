"""Tests for cartelkb.knowledge.keys: which names are function words only, so no name."""

from __future__ import annotations

import pytest

from cartelkb.knowledge.keys import is_function_words


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("from", True),
        ("of the", True),
        ("From", True),  # a headline's capital does not make it a name
        ("de la", True),
        ("", False),
        ("Rubio", False),
        ("rubio from", False),  # one word that is a name is enough
        ("US", False),  # acronyms are names: the United States, not "us"
        ("U.S.", False),
        ("WHO", False),
        ("LA", False),
    ],
)
def test_is_function_words(text, junk):
    assert is_function_words(text) is junk
