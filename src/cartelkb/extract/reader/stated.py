"""Metadata a file states about itself (front matter keys, JSON fields) -> one Metadata.

The keys, shared by YAML front matter and JSON articles (first one present wins):

    title      title
    published  date_publish (news-please), published, date
    author     authors (a list, as news-please writes it), author (text or a list)
    url        url
    outlet     outlet, source, publisher, source_domain (news-please); text, or an
               object with a "name" ({"source": {"name": "Reuters"}})

Other keys are ignored (Jekyll's layout and tags, news-please's date_download, ...).
A stated date may be ISO (2024-08-29, 2024-08, 2024, with a time and zone after it),
written out ("August 29, 2024"), RFC 2822 (RSS: "Thu, 29 Aug 2024 10:00:00 +0000"), or
a YAML date; a time of day and its zone are dropped, the day is the day as written (not
converted to UTC). A value that is not one of these fails the article: a stated date is
the base of the article's relative dates, so a wrong guess would spread.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

from cartelkb.extract.reader.datelines import parse_date
from cartelkb.manifest import Metadata
from cartelkb.records import Precision

KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "published": ("date_publish", "published", "date"),
    "author": ("authors", "author"),
    "url": ("url",),
    "outlet": ("outlet", "source", "publisher", "source_domain"),
}


class FieldError(ValueError):
    """A stated value that cannot be used; the message says which and why."""


# ISO 8601 as feeds and front matter write it: a date, then optionally a time and a zone
# ("2024-08-29T10:00:00Z", "2024-08-29 10:00:00 -0500" as Jekyll writes it).
_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?)?)?)?",
    re.IGNORECASE,
)


def stated_date(value: object, key: str = "date") -> tuple[str, Precision] | None:
    """A stated publication date as (ISO value, precision); None when the value is empty.

    Raises:
        FieldError: the value is not a date in one of the forms listed above.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), "day"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value), "year"  # YAML reads "date: 2024" as a number
    if not isinstance(value, str):
        raise FieldError(f"{key} must be a date, got {value!r}")
    text = " ".join(value.split())
    match = _ISO.fullmatch(text)
    if match:
        return _iso(match, value, key)
    parsed = parse_date(text)
    if parsed is not None:
        return parsed
    try:
        return parsedate_to_datetime(text).date().isoformat(), "day"
    except (TypeError, ValueError, IndexError):
        pass
    raise FieldError(
        f"{key} {value!r} is not a date; write it as YYYY-MM-DD (a time may follow), "
        "YYYY-MM or YYYY"
    )


def _iso(match: re.Match[str], value: str, key: str) -> tuple[str, Precision]:
    year, month, day = match.group("year"), match.group("month"), match.group("day")
    try:
        if day is not None:
            return dt.date(int(year), int(month), int(day)).isoformat(), "day"
        if month is not None:
            dt.date(int(year), int(month), 1)
            return f"{year}-{month}", "month"
    except ValueError:
        raise FieldError(f"{key} {value!r} is not a date (no such day)") from None
    return year, "year"


def _names(value: object, key: str) -> str | None:
    """An author field: text, or a list of names (objects with a "name" count too)."""
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, Mapping):
            item = item.get("name")
        if item is None:
            continue
        if not isinstance(item, str):
            raise FieldError(f"{key} must be a name or a list of names, got {value!r}")
        name = " ".join(item.split())
        if name:
            names.append(name)
    return ", ".join(names) or None


def _text(value: object, key: str, *, named: bool = False) -> str | None:
    if value is None:
        return None
    if named and isinstance(value, Mapping):
        value = value.get("name")
        if value is None:
            return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FieldError(f"{key} must be text, got {value!r}")
    return " ".join(str(value).split()) or None


def _first(fields: Mapping[str, object], name: str) -> tuple[str, object]:
    for key in KEYS[name]:
        value = fields.get(key)
        if value is not None and value != "" and value != []:
            return key, value
    return KEYS[name][0], None


def stated_metadata(fields: Mapping[str, object]) -> Metadata:
    """The metadata in a mapping of front matter keys or JSON fields (see KEYS).

    Keys are matched case-insensitively; empty values count as not stated.

    Raises:
        FieldError: a value of the wrong type, or a date that is not one.
    """
    lowered = {str(k).lower(): v for k, v in fields.items()}
    key, value = _first(lowered, "published")
    published = stated_date(value, key)
    title_key, title = _first(lowered, "title")
    author_key, author = _first(lowered, "author")
    url_key, url = _first(lowered, "url")
    outlet_key, outlet = _first(lowered, "outlet")
    return Metadata(
        title=_text(title, title_key),
        published=published[0] if published else None,
        published_precision=published[1] if published else None,
        author=_names(author, author_key),
        url=_text(url, url_key),
        outlet=_text(outlet, outlet_key, named=True),
    )
