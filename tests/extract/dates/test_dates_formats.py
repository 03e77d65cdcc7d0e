"""Absolute dates in other formats (cartelkb.extract.dates.formats): the direct reading
of month/day/year agrees with dateparser's, which reads everything else."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.extract.dates import formats


def _dateparser(text: str) -> tuple[dt.date, str | None] | None:
    data = formats._parser().get_date_data(text)
    return None if data.date_obj is None else (data.date_obj.date(), data.period)


@pytest.mark.parametrize("year", [2019, 2020])  # a common year and a leap year
def test_month_day_year_reads_as_dateparser_reads_it(year):
    formats._parse.cache_clear()
    for month in range(1, 14):  # 13: no such month, dateparser's rules decide
        for day in range(1, 32):
            for text in (f"{month}/{day}/{year}", f"{month:02d}/{day:02d}/{year}"):
                assert formats._parse(text) == _dateparser(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/31/2018", (dt.date(2018, 12, 31), "day")),
        ("2/29/2020", (dt.date(2020, 2, 29), "day")),
        ("2/30/2020", None),
        ("29.08.2024", (dt.date(2024, 8, 29), "day")),  # not month first: dateparser
        ("3/4/20", (dt.date(2020, 3, 4), "day")),  # two-digit year: dateparser
    ],
)
def test_parse(text, expected):
    assert formats._parse(text) == expected
