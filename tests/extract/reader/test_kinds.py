"""Tests for cartelkb.extract.reader.kinds: the kind of a file, and content -> article by kind."""

from __future__ import annotations

import pytest

from cartelkb.extract.reader.kinds import DEFAULT_PATTERNS, article_from_text, kind_of

from .samples import ARTICLE


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("A.TXT", "text"),
        ("notes", "text"),
        ("story.rst", "text"),
        ("a.md", "markdown"),
        ("a.markdown", "markdown"),
        ("page.html", "html"),
        ("PAGE.HTM", "html"),
        ("article.json", "json"),
        ("corpus.jsonl", "jsonl"),
        ("corpus.ndjson", "jsonl"),
    ],
)
def test_kind_of(name: str, kind: str) -> None:
    assert kind_of(name) == kind


def test_default_patterns_are_the_supported_kinds() -> None:
    assert DEFAULT_PATTERNS == ("*.txt", "*.md", "*.html", "*.htm", "*.json", "*.jsonl")


def test_text_is_read_as_before() -> None:
    from cartelkb.extract.reader import parse_text

    assert article_from_text(ARTICLE, "a.txt") == parse_text(ARTICLE, "a.txt")


def test_markdown_marks_go_only_for_markdown() -> None:
    text = "# Cartel *Talks* Resume\n\nMexico's **security** cabinet met on Tuesday."
    assert article_from_text(text, "a.md", "markdown").text == (
        "Cartel Talks Resume\n\nMexico's security cabinet met on Tuesday."
    )
    assert article_from_text(text, "a.txt", "text").text == text
