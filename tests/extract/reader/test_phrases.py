"""Tests for cartelkb.extract.reader.phrases: the furniture phrase file and its strict loader."""

from __future__ import annotations

import pytest

from cartelkb.extract.reader.phrases import parse_phrases
from cartelkb.lexicon import LexiconError

VALID = """# Page furniture (a comment)
[line]
Share this
#
Published in *
[masthead]
The White House
[heading]
Topics
[end]
###
# # #
"""


def test_valid_file_is_read_by_section() -> None:
    sections = parse_phrases(VALID.splitlines())
    assert sections["end"].exact == {"###", "# # #"}  # end marks, not comments
    assert sections["line"].exact == {"share this"}
    assert sections["line"].first_words == {"share", "published"}
    assert sections["line"].fullmatch("published in news & features")
    assert not sections["line"].fullmatch("published in " + "x" * 61)  # "*" is 60 at most
    assert not sections["masthead"].fullmatch("share this")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Share\n[line]\nPrint", "line 1: phrase before any [section]"),
        ("[line]\nShare\n[footer]\nPrivacy", "line 3: unknown section [footer]; the sections"),
        ("[line\nShare", "line 1: '[line' starts like a section but has no ']'"),
        ("[line]\nShare\n[line]\nPrint", "line 3: section [line] again"),
        ("[line]\nShare\n\n• SHARE:", "line 4: '• SHARE:' repeats line 2"),
        ("[line]\n...", "line 2: '...' is only punctuation"),
        ("[line]\n* - *", "line 2: '* - *' needs words besides '*'"),
        ("[line]\n" + "word " * 60, "line 2: the phrase is over 250 characters"),
        ("[line]\nShare\n[masthead]\nReuters\n[heading]\nTopics", "section [end] is missing"),
        (
            "[line]\nShare\n[masthead]\n[heading]\nTopics\n[end]\n###",
            "[masthead] is missing or empty",
        ),
    ],
)
def test_malformed_file_is_refused_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=r"^demo\.txt") as caught:
        parse_phrases(text.splitlines(), source="demo.txt")
    assert message in str(caught.value)
