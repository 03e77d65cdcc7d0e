"""clock: a clock time on a day is stored as an ISO date and time, a part of day as its day."""

from __future__ import annotations

import datetime as dt

import pytest

from cartelkb.extract.dates import normalize
from cartelkb.timespan import interval

WED = dt.date(2000, 4, 5)


@pytest.mark.parametrize(
    ("text", "value", "timex"),
    [
        ("4 a.m. EDT Thursday", "2000-04-06T04:00", "2000-04-06T04:00"),
        ("10 p.m. Wednesday", "2000-04-05T22:00", "2000-04-05T22:00"),
        ("noon Thursday", "2000-04-06T12:00", "2000-04-06T12:00"),
        # ISO 8601 has no form for a part of the day, nor a datetime for 24:00
        ("Thursday afternoon", "2000-04-06", "2000-04-06TAF"),
        ("midnight Thursday", "2000-04-06", "2000-04-06T24:00"),
        # a clock time alone names no day the KB can read
        ("10 p.m.", None, "2000-04-05T22:00"),
    ],
)
def test_clock_times_on_a_day_keep_their_time(text, value, timex):
    found = normalize(text, WED, tense="future")
    assert found is not None
    assert (found.value, found.timex) == (value, timex)
    if value is not None:
        assert found.precision == "day"


def test_a_stored_clock_time_covers_its_day():
    assert interval("2000-04-06T04:00") == (dt.date(2000, 4, 6), dt.date(2000, 4, 7))
