"""Absolute dates in numeric and other formats (8/29/2024, 29.08.2024), read by dateparser.

dateparser is imported only when such a date is met.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from cartelkb.extract.dates.reading import (
    MAX_YEAR,
    MIN_YEAR,
    Normalized,
    Tense,
    day_reading,
    year_reading,
)
from cartelkb.extract.dates.vocabulary import (
    DATEPARSER_WORDS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from cartelkb.extract.dates.years import resolve_month_day
from cartelkb.records import Precision

_ISO_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
# Numeric dates with all three parts, or month/year: "8/29/2024", "29.08.24", "2024/08/29",
# "08/2024". Two short numbers ("3-2", "2018-24") are scores and ranges, not dates.
_NUMERIC_DATE_RE = re.compile(
    r"^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}/\d{4})$"
)
_WEEKDAY_BEFORE_NUMBERS_RE = re.compile(
    r"^(?:" + "|".join([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS]) + r")\.?,? (?=\d)"
)
_YEAR_STATED_RE = re.compile(r"(?<![\d:])\d{4}(?![\d:])|'\d{2}\b|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$")
_MONTH_DAY_YEAR_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# Only dates and their own words: dateparser would read "2024 soldiers" too.
_ALLOWED_WORDS = set(MONTHS) | set(WEEKDAYS) | set(WEEKDAY_ABBREVIATIONS) | DATEPARSER_WORDS


def read_formatted(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    """Absolute dates in the many formats dateparser knows (8/29/2024, 29.08.2024, ...)."""
    m = _ISO_DAY_RE.match(t)
    if m:
        try:
            return day_reading(dt.date(int(m[1]), int(m[2]), int(m[3])), relative=False)
        except ValueError:
            return None
    m = _ISO_MONTH_RE.match(t)
    if m and 1 <= int(m[2]) <= 12:
        return Normalized(t, "month", False, "date", t)
    m = _WEEKDAY_BEFORE_NUMBERS_RE.match(t)
    if m:  # "Mon, 07/22/2024": the weekday adds nothing to a numeric date
        t = t[m.end() :]
    words = re.findall(r"[a-z]+", t)
    has_month = any(w in MONTHS for w in words)
    if not (_NUMERIC_DATE_RE.match(t) or has_month):
        return None
    if any(w not in _ALLOWED_WORDS for w in words):
        return None
    found = _parse(t)
    if found is None:
        return None
    parsed, period = found
    precision: Precision = {"day": "day", "month": "month", "year": "year"}.get(
        period or "day", "day"
    )  # type: ignore[assignment]
    if _YEAR_STATED_RE.search(t) or precision == "year":
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            return None
        if precision == "month":
            return Normalized(f"{parsed:%Y-%m}", "month", False, "date", f"{parsed:%Y-%m}")
        if precision == "year":
            return year_reading(parsed.year)
        return day_reading(parsed, relative=False)
    day = parsed.day if precision == "day" else None
    return resolve_month_day(None, parsed.month, day, base, tense)


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[dt.date, str | None] | None:
    """dateparser's reading of a cleaned expression: its date and period ("day",
    "month", "year"), or None. Remembered per text: dateparser takes about a millisecond
    per call, and an article repeats its dates.

    A valid month/day/year with slashes and a four-digit year ("12/31/2018"), the most
    common format that reaches here, is read directly as dateparser's English reading
    reads it (month first); tests/extract/dates/test_dates_formats.py holds the two
    equal over every month and day."""
    m = _MONTH_DAY_YEAR_RE.match(text)
    if m is not None:
        try:
            return dt.date(int(m[3]), int(m[1]), int(m[2])), "day"
        except ValueError:
            pass  # "13/4/2020", "2/30/2020": dateparser's rules decide
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period


@lru_cache(maxsize=1)
def _parser() -> Any:
    # Imported here: `cartelkb query` and friends must not pay for dateparser. One parser,
    # English only (language detection is slow and misreads short spans), absolute
    # formats only: relative expressions are resolved against the article's date by the
    # other rules.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
