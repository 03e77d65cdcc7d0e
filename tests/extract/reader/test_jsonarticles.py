"""Tests for cartelkb.extract.reader.jsonarticles, and .json files through read_article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cartelkb.errors import InputError
from cartelkb.extract.reader import read_article
from cartelkb.extract.reader.jsonarticles import json_article
from cartelkb.extract.reader.stated import FieldError

from .samples import BODY, write

# The fields news-please writes for one article (its JSON output, one file per article).
NEWS_PLEASE = {
    "authors": ["Jane Doe"],
    "date_download": "2024-08-30 08:00:00",
    "date_modify": None,
    "date_publish": "2024-08-29 10:15:00",
    "description": "Mexico's president rejected the offer.",
    "filename": "https%3A%2F%2Fexample.com%2Fsheinbaum.json",
    "image_url": "https://example.com/photo.jpg",
    "language": "en",
    "localpath": None,
    "maintext": BODY,
    "source_domain": "example.com",
    "title": "Sheinbaum Rejects U.S. Troops",
    "title_page": None,
    "title_rss": None,
    "url": "https://example.com/sheinbaum",
}


def test_news_please_article() -> None:
    text, meta, warnings = json_article(NEWS_PLEASE)
    assert text == "Sheinbaum Rejects U.S. Troops\n\n" + BODY  # the headline first
    assert meta.title == "Sheinbaum Rejects U.S. Troops"
    assert (meta.published, meta.published_precision) == ("2024-08-29", "day")
    assert (meta.author, meta.url, meta.outlet) == (
        "Jane Doe",
        "https://example.com/sheinbaum",
        "example.com",
    )
    assert warnings == []


@pytest.mark.parametrize("field", ["text", "content", "body"])
def test_common_text_fields(field: str) -> None:
    text, meta, _ = json_article({field: BODY, "published": "2024-08", "outlet": "AP"})
    assert text == BODY
    assert (meta.published, meta.outlet) == ("2024-08", "AP")


def test_the_title_is_not_repeated_when_the_text_starts_with_it() -> None:
    text, _, _ = json_article({"title": "Cartel Talks", "text": "Cartel Talks\n" + BODY})
    assert text == "Cartel Talks\n" + BODY


def test_maintext_comes_before_the_other_text_fields() -> None:
    text, _, _ = json_article({"text": "ignored", "maintext": BODY})
    assert text == BODY


def test_another_language_is_warned_about() -> None:
    _, _, warnings = json_article({**NEWS_PLEASE, "language": "es"})
    assert warnings == [
        "its language is 'es'; the pipeline is English, so names, dates and claims may be missed"
    ]


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ([NEWS_PLEASE], "holds a JSON array, not an article object"),
        ("text", "holds a JSON string"),
        ({"title": "No text"}, "is JSON but not an article: it has none of the text fields"),
        ({"maintext": "   "}, "none of the text fields"),
        ({"path": "a.txt", "title": "x"}, "it looks like a manifest row"),
        ({"maintext": ["a", "b"]}, "its maintext must be text, got a JSON array"),
        ({"maintext": BODY, "date_publish": "someday"}, "is not a date"),
    ],
)
def test_not_an_article(obj: object, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        json_article(obj)


def test_json_file_through_read_article(tmp_path: Path) -> None:
    path = write(tmp_path, "article.json", json.dumps(NEWS_PLEASE).encode())
    article = read_article(path)
    assert article.title == "Sheinbaum Rejects U.S. Troops"
    assert article.published == "2024-08-29"
    assert article.metadata_source == "page"
    assert article.text.startswith("Sheinbaum Rejects U.S. Troops\n\nMexico's president")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"title": "x", "maintext": ', "is not valid JSON"),
        (b'{"maintext": "a"}\n{"maintext": "b"}\n', "name the file .jsonl"),
        (b'[{"maintext": "a"}]', "holds a JSON array"),
        (b'{"articles": [], "version": 1}', "is JSON but not an article"),
    ],
)
def test_a_json_file_that_is_not_an_article_is_refused(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = write(tmp_path, "x.json", data)
    with pytest.raises(InputError, match=f"Cannot read article {path}: .*{message}"):
        read_article(path)
