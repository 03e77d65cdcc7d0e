"""Tests for cartelkb.extract.reader.parse: parse_text's cleaned text, offsets, identity."""

from __future__ import annotations

import hashlib

import pytest

from cartelkb.errors import InputError
from cartelkb.extract.reader import parse_text

from .samples import BODY, JUSTICE_RELEASE


def test_duplicated_title_with_nbsp_is_removed() -> None:
    text = f"Cartels and the State\n\n\u00a0Cartels  and the\u00a0State \n\n{BODY}"
    article = parse_text(text)
    assert article.title == "Cartels and the State"
    assert article.removed == ["\u00a0Cartels  and the\u00a0State "]
    assert article.text.count("Cartels and the State") == 1


def test_cleaning_keeps_characters_and_collapses_blank_runs() -> None:
    text = (
        "\n\n Headline\u00a0With NBSP\n\nAdvertisement\n\n\n\n“Quoted” text\u00a0stays — as is.\n"
        "\n\nSecond paragraph.\n\n\n\n\n"
    )
    article = parse_text(text)
    assert article.text == (
        "Headline\u00a0With NBSP\n\n\n“Quoted” text\u00a0stays — as is.\n\n\nSecond paragraph."
    )
    assert article.removed == ["Advertisement"]


def test_offsets_refer_to_the_cleaned_text() -> None:
    article = parse_text(f"Headline\nAdvertisement\n{BODY}")
    start = article.text.index("Mexico's president")
    assert article.text[start : start + 18] == "Mexico's president"
    assert "Advertisement" not in article.text


def test_updated_stamp_is_dateline_on_top_and_furniture_below() -> None:
    top = parse_text(f"Cartels and the State\nUpdated August 12, 2025\n\n{BODY}")
    assert top.published == "2025-08-12"
    assert top.removed == []
    bottom = parse_text(f"Cartels and the State\n\n{BODY}\nUpdated August 12, 2025")
    assert bottom.published is None
    assert bottom.removed == ["Updated August 12, 2025"]
    assert bottom.text.endswith(BODY)


def test_cleaned_text_is_the_kept_lines_so_offsets_hold() -> None:
    article = parse_text(
        JUSTICE_RELEASE.replace("Tuesday, March 4, 2025\n", "").replace(
            "For Immediate Release\n", "For Immediate Release: March 4, 2025\n"
        )
    )
    assert article.published == "2025-03-04"
    start = article.text.index("A cartel leader")
    assert article.text[start : start + 15] == "A cartel leader"
    assert article.text.split("\n")[1] == "March 4, 2025"
    assert "For Immediate Release:" in article.removed


def test_sha256_is_of_normalized_text_before_furniture_removal() -> None:
    lf = f"Headline\n{BODY}\nAdvertisement\n"
    crlf = lf.replace("\n", "\r\n")
    article = parse_text(crlf)
    assert article.sha256 == hashlib.sha256(lf.encode("utf-8")).hexdigest()
    assert parse_text(lf).sha256 == article.sha256
    # Same cleaned text, different furniture: different source, different identity.
    assert parse_text(f"Headline\n{BODY}\nShare this:\n").text == article.text
    assert parse_text(f"Headline\n{BODY}\nShare this:\n").sha256 != article.sha256


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "only whitespace"),
        (" \n\t\u00a0\n ", "only whitespace"),
        ("Advertisement\nShare this:\nLeave a comment\n", "only page furniture"),
        ("Headline\x00\x00", "NUL bytes"),
    ],
)
def test_parse_text_refuses_non_articles(text: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as info:
        parse_text(text, source_path="feed/item.txt")
    assert "feed/item.txt" in str(info.value)
