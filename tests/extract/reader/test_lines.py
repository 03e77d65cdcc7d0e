"""Tests for cartelkb.extract.reader.lines: comparison keys, sentence tests, word alternations."""

from __future__ import annotations

import re

import pytest

from cartelkb.extract.reader.lines import alternation, has_sentence_break, is_sentence, line_key


def test_line_key_drops_invisible_characters_and_collapses_whitespace() -> None:
    assert line_key("  Cartel\u00a0Talks \u200bResume\t ") == "Cartel Talks Resume"


@pytest.mark.parametrize(
    ("text", "questions", "expected"),
    [
        ("Mexico rejected the offer. Officials met again.", True, True),
        ("He said “Never.” Then he left", True, True),
        ("U.S. Troops Arrive in Texas", True, False),  # initials
        ("J. Doe Reports From Sinaloa", True, False),
        ("Sen. Rubio Meets Sheinbaum", True, False),  # abbreviations
        ("Aug. 29 Talks Resume", True, False),
        ("Talks ended. then more", True, False),  # no capital after the stop
        ("Will Trump Strike? Mexico Waits", True, True),
        ("Will Trump Strike? Mexico Waits", False, False),
    ],
)
def test_has_sentence_break(text: str, questions: bool, expected: bool) -> None:
    assert has_sentence_break(text, questions=questions) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Officials in both countries said the talks would resume.", True),
        ('Officials in both countries said the talks "would resume."', True),
        ("Did officials in both countries say the talks would resume?", True),
        ("The talks resumed on Tuesday.", False),  # five words: a headline can be this
        ("Officials in both countries said the talks would resume", False),
    ],
)
def test_is_sentence(line: str, expected: bool) -> None:
    assert is_sentence(line) is expected


def test_alternation_tries_longer_words_first_and_escapes() -> None:
    match = re.match(alternation(["date", "dated"]), "dated")
    assert match is not None and match.group() == "dated"
    assert re.fullmatch(alternation({"written by"}), "written \t by")
    assert re.fullmatch(alternation(["a.b"]), "a.b")
    assert not re.fullmatch(alternation(["a.b"]), "axb")
    # the same pattern whatever the order of the words
    assert alternation({"staff", "writer", "editor"}) == alternation(["editor", "writer", "staff"])
