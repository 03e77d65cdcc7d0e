"""Tests for cartelkb.extract.reader.phrases: the furniture phrase file and its strict loader."""

from __future__ import annotations

from importlib import resources

import pytest

from cartelkb.extract.reader import parse_text
from cartelkb.extract.reader.phrases import parse_phrases
from cartelkb.lexicon import LexiconError

from .samples import BODY

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


# --- the packaged file ---------------------------------------------------------------


def _furniture_file() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    path = resources.files("cartelkb.data").joinpath("furniture.txt")
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or (line.startswith("# ") and not line.startswith("# #")) or line == "#":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif "*" not in line:
            sections[current].append(line)
    return sections


def test_furniture_file_ships_with_the_package_and_has_every_section() -> None:
    assert set(_furniture_file()) == {"line", "masthead", "heading", "end"}
    assert all(_furniture_file().values())


@pytest.mark.parametrize("phrase", _furniture_file()["line"])
def test_every_listed_line_phrase_is_removed(phrase: str) -> None:
    article = parse_text(f"Cartels and the State\n\n{BODY}\n{phrase}\nClosing paragraph stays.")
    assert article.removed == [phrase]


@pytest.mark.parametrize("phrase", _furniture_file()["masthead"])
def test_every_listed_masthead_phrase_is_removed_above_the_headline(phrase: str) -> None:
    article = parse_text(f"{phrase}\nCartels and the State\n\n{BODY}")
    assert article.removed == [phrase]
    assert article.title == "Cartels and the State"


@pytest.mark.parametrize("phrase", _furniture_file()["heading"])
def test_every_listed_heading_is_removed(phrase: str) -> None:
    article = parse_text(f"Cartels and the State\n\n{BODY}\n{phrase}\nClosing paragraph stays.")
    assert article.removed == [phrase]
