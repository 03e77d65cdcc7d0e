"""Tests for cartelkb.extract.reader.frontmatter, and front matter through read_article."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from cartelkb.errors import InputError
from cartelkb.extract.reader import read_article
from cartelkb.extract.reader.frontmatter import split_front_matter
from cartelkb.extract.reader.stated import FieldError

from .samples import BODY, write

FRONT = """---
title: "Sheinbaum Rejects U.S. Troops"
date: 2024-08-29
author: [Jane Doe, John Roe]
url: https://example.com/sheinbaum-troops
publisher: Example News
layout: post
---
"""
TEXT = "Mexico Says No to Troops\n\n" + BODY


@pytest.mark.parametrize(
    ("text", "fields", "rest"),
    [
        ("---\ntitle: A\n---\nBody", {"title": "A"}, "Body"),
        ("---\ntitle: A\n...\nBody", {"title": "A"}, "Body"),  # Pandoc's closing line
        ("---  \ntitle: A\n---  \n\nBody", {"title": "A"}, "\nBody"),
        ("---\n---\nBody", {}, "Body"),  # an empty block is a block
        ("---\ndate: 2024-08-29\n---\n", {"date": dt.date(2024, 8, 29)}, ""),
        ("Body\n---\ntitle: A\n---\n", None, "Body\n---\ntitle: A\n---\n"),  # not at the top
        ("---\nA rule line, then text with no closing line.", None, None),
        ("----\ntitle: A\n----\nBody", None, None),  # four dashes: a rule, not a block
    ],
)
def test_split_front_matter(text: str, fields: dict[str, object] | None, rest: str | None) -> None:
    assert split_front_matter(text) == (fields, text if rest is None else rest)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\nBody", "is not valid YAML"),
        ("---\ntitle: A\n  bad: indent\n---\nBody", r"is not valid YAML: .* at line 3"),
        ("---\n- a list\n- of items\n---\nBody", "is not a YAML mapping"),
        ("---\nJust a sentence between rules.\n---\nBody", "is not a YAML mapping"),
    ],
)
def test_malformed_front_matter(text: str, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        split_front_matter(text)


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story"])
def test_front_matter_is_removed_and_wins_over_the_text(tmp_path: Path, name: str) -> None:
    article = read_article(write(tmp_path, name, (FRONT + TEXT).encode()))
    assert article.text == TEXT  # offsets refer to the text after the block
    assert article.title == "Sheinbaum Rejects U.S. Troops"  # not the text's headline
    assert (article.published, article.published_precision) == ("2024-08-29", "day")
    assert article.author == "Jane Doe, John Roe"
    assert article.url == "https://example.com/sheinbaum-troops"
    assert article.outlet == "Example News"
    assert article.metadata_source == "front matter"


def test_front_matter_is_not_part_of_the_identity(tmp_path: Path) -> None:
    """The block is metadata stated outside the text, as a manifest row is: the same text
    with or without (or with edited) front matter is the same article."""
    plain = read_article(write(tmp_path, "a.txt", TEXT.encode()))
    fronted = read_article(write(tmp_path, "b.txt", (FRONT + TEXT).encode()))
    edited = read_article(write(tmp_path, "c.txt", (FRONT.replace("29", "30") + TEXT).encode()))
    assert plain.sha256 == fronted.sha256 == edited.sha256
    assert plain.sha256 == hashlib.sha256(TEXT.encode()).hexdigest()
    assert plain.metadata_source == "text"


def test_a_block_stating_nothing_leaves_the_text_metadata(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.md", ("---\nlayout: post\n---\n" + TEXT).encode()))
    assert article.title == "Mexico Says No to Troops"
    assert article.metadata_source == "text"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("---\ntitle: [unclosed\n---\n", "front matter .* is not valid YAML"),
        ("---\ndate: next week\n---\n", "date 'next week' is not a date"),
        ("---\ntitle: {a: 1}\n---\n", "title must be text"),
    ],
)
def test_a_bad_block_fails_the_file_with_a_reason(tmp_path: Path, block: str, message: str) -> None:
    path = write(tmp_path, "bad.txt", (block + TEXT).encode())
    with pytest.raises(InputError, match=f"Cannot read article {path}: .*{message}"):
        read_article(path)


def test_front_matter_with_windows_line_endings_and_a_bom(tmp_path: Path) -> None:
    data = ("\ufeff" + FRONT + TEXT).replace("\n", "\r\n").encode()
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.title == "Sheinbaum Rejects U.S. Troops"
    assert article.text == TEXT
