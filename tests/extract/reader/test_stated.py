"""Tests for cartelkb.extract.reader.stated: the metadata keys files state, and their values."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.extract.reader.stated import FieldError, stated_date, stated_metadata
from cartelkb.manifest import Metadata


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-29", ("2024-08-29", "day")),
        ("2024-08", ("2024-08", "month")),
        ("2024", ("2024", "year")),
        ("2024-08-29T23:30:00-05:00", ("2024-08-29", "day")),  # the day as written, not UTC
        ("2024-08-29T10:00:00Z", ("2024-08-29", "day")),
        ("2024-08-29 10:00:00 -0500", ("2024-08-29", "day")),  # Jekyll
        ("2024-08-29 10:00:00", ("2024-08-29", "day")),  # news-please
        ("2024-08-29T10:00:00.123+02:00", ("2024-08-29", "day")),
        ("August 29, 2024", ("2024-08-29", "day")),
        ("29 Aug. 2024", ("2024-08-29", "day")),
        ("Thu, 29 Aug 2024 10:00:00 +0000", ("2024-08-29", "day")),  # RSS (RFC 2822)
        (dt.date(2024, 8, 29), ("2024-08-29", "day")),  # YAML dates
        (dt.datetime(2024, 8, 29, 23, 0), ("2024-08-29", "day")),
        (2024, ("2024", "year")),  # YAML reads "date: 2024" as a number
        (None, None),
        ("", None),
    ],
)
def test_stated_date(value: object, expected: tuple[str, str] | None) -> None:
    assert stated_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yesterday", "is not a date"),
        ("2024-02-30", "no such day"),
        ("2024-13", "no such day"),
        ("03/04/2024", "is not a date"),  # reads both ways: never guessed
        (["2024-08-29"], "must be a date"),
        (True, "must be a date"),
        (12, "must be a date"),
    ],
)
def test_stated_date_refuses(value: object, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        stated_date(value, "published")


def test_stated_metadata_news_please_fields() -> None:
    meta = stated_metadata(
        {
            "title": "Mexico Extradites Cartel Leader",
            "maintext": "...",
            "authors": ["Jane Doe", "John Roe"],
            "date_publish": "2024-08-29 10:00:00",
            "date_modify": "2024-09-01 10:00:00",
            "url": "https://apnews.com/article/x",
            "source_domain": "apnews.com",
            "description": "A teaser.",
            "language": "en",
        }
    )
    assert meta == Metadata(
        title="Mexico Extradites Cartel Leader",
        published="2024-08-29",
        published_precision="day",
        author="Jane Doe, John Roe",
        url="https://apnews.com/article/x",
        outlet="apnews.com",
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"date": "2024-08", "published": "2024-08-29"}, {"published": "2024-08-29"}),
        ({"Title": "  Cartel\n Talks  "}, {"title": "Cartel Talks"}),  # keys in any case
        ({"author": "Jane Doe"}, {"author": "Jane Doe"}),
        ({"author": [{"name": "Jane Doe"}, "John Roe"]}, {"author": "Jane Doe, John Roe"}),
        ({"authors": [], "author": "Jane Doe"}, {"author": "Jane Doe"}),  # empty: not stated
        ({"publisher": "U.S. Department of Justice"}, {"outlet": "U.S. Department of Justice"}),
        ({"source": {"id": "reuters", "name": "Reuters"}}, {"outlet": "Reuters"}),
        ({"outlet": "AP", "source": "Reuters"}, {"outlet": "AP"}),
        ({"title": 1984}, {"title": "1984"}),
        ({"layout": "post", "tags": ["mexico"]}, {}),  # other keys are ignored
    ],
)
def test_stated_metadata_keys(fields: dict[str, object], expected: dict[str, str]) -> None:
    meta = stated_metadata(fields)
    stated = {k: v for k, v in vars(meta).items() if v is not None and k != "published_precision"}
    assert stated == expected


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ["a", "b"]}, "title must be text"),
        ({"authors": [1, 2]}, "authors must be a name or a list of names"),
        ({"url": {"href": "x"}}, "url must be text"),
        ({"date": "soon"}, "date 'soon' is not a date"),
    ],
)
def test_stated_metadata_refuses_wrong_types(fields: dict[str, object], message: str) -> None:
    with pytest.raises(FieldError, match=message):
        stated_metadata(fields)
