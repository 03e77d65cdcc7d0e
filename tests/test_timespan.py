"""ISO date values as intervals of days, and the --since/--until values."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.errors import ConfigError
from cartelkb.timespan import bounds, interval, parse_filter, period

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-29", (D(2024, 8, 29), D(2024, 8, 30))),
        ("2024-12-31", (D(2024, 12, 31), D(2025, 1, 1))),
        ("2024-02", (D(2024, 2, 1), D(2024, 3, 1))),
        ("2024-12", (D(2024, 12, 1), D(2025, 1, 1))),
        ("2024", (D(2024, 1, 1), D(2025, 1, 1))),
        ("202", (D(2020, 1, 1), D(2030, 1, 1))),  # the 2020s
        ("199", (D(1990, 1, 1), D(2000, 1, 1))),
        ("20", (D(2000, 1, 1), D(2100, 1, 1))),  # the 21st century (TIMEX3 "20")
        ("2013-W11", (D(2013, 3, 11), D(2013, 3, 18))),  # ISO week: Monday to Monday
        ("2020-W53", (D(2020, 12, 28), D(2021, 1, 4))),
        ("2023-SU", (D(2023, 6, 1), D(2023, 9, 1))),
        ("2023-SP", (D(2023, 3, 1), D(2023, 6, 1))),
        ("2023-FA", (D(2023, 9, 1), D(2023, 12, 1))),
        ("2023-WI", (D(2023, 12, 1), D(2024, 3, 1))),  # winter runs into the next year
        ("2012-Q3", (D(2012, 7, 1), D(2012, 10, 1))),
        ("2012-Q4", (D(2012, 10, 1), D(2013, 1, 1))),
        ("2012-H2", (D(2012, 7, 1), D(2013, 1, 1))),
        ("2013-03-22TAF", (D(2013, 3, 22), D(2013, 3, 23))),  # a time of day narrows a day
    ],
)
def test_interval_of_each_precision(value, expected):
    assert interval(value) == expected
    assert bounds(value) == (expected[0].isoformat(), expected[1].isoformat())


@pytest.mark.parametrize(
    "value",
    [None, "", "P3Y", "PXM", "P1D", "XXXX-06", "2024-XX", "XXXX-WXX-5", "2024-13", "2024-02-30",
     "2021-W54", "PRESENT_REF", "next week", "2024-Q5"],
)  # fmt: skip
def test_no_interval_for_durations_sets_unknowns_and_non_dates(value):
    assert interval(value) is None
    assert bounds(value) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", (D(2024, 1, 1), D(2025, 1, 1))),
        (" 2024-06 ", (D(2024, 6, 1), D(2024, 7, 1))),
        ("2024-06-15", (D(2024, 6, 15), D(2024, 6, 16))),
    ],
)
def test_filter_values(text, expected):
    assert parse_filter(text, "--since") == expected


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "June 2024", "202", "2024-SU", "", "x"])
def test_filter_values_that_are_not_dates(text):
    with pytest.raises(ConfigError, match=r"--until .* is not a date"):
        parse_filter(text, "--until")


@pytest.mark.parametrize(
    ("since", "until", "bounds_"),
    [
        ("2024", "2024", (dt.date(2024, 1, 1), dt.date(2025, 1, 1))),
        ("2024-06", "2024", (dt.date(2024, 6, 1), dt.date(2025, 1, 1))),
        ("2023", "2024-01-01", (dt.date(2023, 1, 1), dt.date(2024, 1, 2))),
        (None, "2020", (None, dt.date(2021, 1, 1))),
        ("2020", None, (dt.date(2020, 1, 1), None)),
        (None, None, (None, None)),
    ],
)
def test_ranges_that_name_a_period(since, until, bounds_):
    assert period(since, until) == bounds_


@pytest.mark.parametrize(("since", "until"), [("2025", "2024"), ("2024-06-02", "2024-06-01")])
def test_a_reversed_range_is_a_clear_error(since, until):
    with pytest.raises(ConfigError, match=f"--since {since} is after --until {until}"):
        period(since, until)
