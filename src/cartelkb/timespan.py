"""ISO date values as the intervals they cover: "2024-08" is [2024-08-01, 2024-09-01).

The knowledge base stores a date at the precision the text states (`2024-08-29`,
`2024-08`, `2024`, the decade `202`, the century `20`, the week `2013-W11`, the season
`2012-SU`, the quarter `2012-Q3`). Comparing such values as text puts "summer 2023"
outside June 2023 and "the 2020s" outside 2024; as half-open intervals [start, end) of
days they compare by overlap, whatever their precision. Durations (`P3Y`), sets,
values with unknown digits (`XXXX-06`) and TimeML's references to the present, past or
future (`PRESENT_REF`, stored for "now") cover no interval.

Seasons follow the meteorological convention (northern hemisphere): spring March–May,
summer June–August, fall September–November, winter December to February, the winter
of 2024 starting in December 2024 (TIMEX3 leaves the months open; ISO 8601-2 numbers
seasons 21–24 without fixing them either).
"""

from __future__ import annotations

import datetime as dt
import re

from cartelkb.errors import ConfigError

Interval = tuple[dt.date, dt.date]
"""[start, end): the first day covered and the first day after."""

_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")


def _month_start(year: int, month: int) -> dt.date:
    """The first day of `month` of `year`, months past 12 rolling into later years."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, 1)


def interval(value: str | None) -> Interval | None:
    """The days an ISO date value covers, or None (no value, a duration, a set, X digits,
    PRESENT_REF / PAST_REF / FUTURE_REF).

    >>> interval("2024-08")
    (datetime.date(2024, 8, 1), datetime.date(2024, 9, 1))
    """
    if not value or value.startswith("P") or "X" in value or value.endswith("_REF"):
        return None
    value = value.split("T", 1)[0]  # a clock time narrows a day; the day is what we index
    try:
        if m := _DAY.fullmatch(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day + dt.timedelta(days=1)
        if m := _MONTH.fullmatch(value):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                return None
            return _month_start(year, month), _month_start(year, month + 1)
        if _YEAR.fullmatch(value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        if _DECADE.fullmatch(value):
            year = int(value) * 10
            return dt.date(max(year, 1), 1, 1), dt.date(year + 10, 1, 1)
        if _CENTURY.fullmatch(value):
            year = int(value) * 100
            return dt.date(max(year, 1), 1, 1), dt.date(year + 100, 1, 1)
        if m := _WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=7)
        if m := _SEASON.fullmatch(value):
            start = _month_start(int(m[1]), _SEASON_MONTHS[m[2]])
            return start, _month_start(start.year, start.month + 3)
        if m := _QUARTER.fullmatch(value):
            year, quarter = int(m[1]), int(m[2])
            return _month_start(year, 3 * quarter - 2), _month_start(year, 3 * quarter + 1)
        if m := _HALF.fullmatch(value):
            year, half = int(m[1]), int(m[2])
            return _month_start(year, 6 * half - 5), _month_start(year, 6 * half + 1)
    except ValueError:  # 2024-02-30, week 54, year 0
        return None
    return None


def bounds(value: str | None) -> tuple[str | None, str | None]:
    """`interval(value)` as two ISO day strings (what the start/end columns hold)."""
    found = interval(value)
    if found is None:
        return None, None
    return found[0].isoformat(), found[1].isoformat()


def period(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The bounds `--since` and `--until` set: (first day of since, day after until).

    A date overlaps the period when its interval ends after the first and starts before
    the second; either is None when its option is not given.

    Raises:
        ConfigError: either is not a date, or --since is after --until.
    """
    after = parse_filter(since, "--since")[0] if since is not None else None
    before = parse_filter(until, "--until")[1] if until is not None else None
    if after is not None and before is not None and after >= before:
        assert since is not None and until is not None
        raise ConfigError(
            f"--since {since.strip()} is after --until {until.strip()}: nothing can be dated "
            "in that period; swap them"
        )
    return after, before


def parse_filter(text: str, option: str) -> Interval:
    """A `--since`/`--until` value (YYYY, YYYY-MM or YYYY-MM-DD) as the interval it names.

    Raises:
        ConfigError: the value is not one of those forms, or not a real date.
    """
    text = text.strip()
    found = None
    if _DAY.fullmatch(text) or _MONTH.fullmatch(text) or _YEAR.fullmatch(text):
        found = interval(text)
    if found is None:
        raise ConfigError(
            f"{option} {text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD "
            "(e.g. 2024, 2024-06, 2024-06-15)"
        )
    return found
