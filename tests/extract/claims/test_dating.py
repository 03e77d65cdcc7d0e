"""Which date expressions can date a claim: calendar points, never durations or sets."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims.dating import is_point_in_time
from cartelkb.records import DateRecord


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("2023-09-12", "date", True),
        ("2023-09", "date", True),
        ("2023", "date", True),
        ("P30Y", "duration", False),
        ("P1D", "set", False),
        ("XXXX-WXX-5", "set", False),
        ("P6M", "date", False),  # a period value, whatever the kind says
        ("2024-XX-05", "date", False),  # unresolved digits
        ("PAST_REF", "vague", False),
        ("PRESENT_REF", "date", False),  # "now": no calendar day
        ("2023-SU", "date", True),  # a season covers days
        ("202", "date", True),  # the 2020s
        (None, "date", False),
    ],
)
def test_is_point_in_time(value: str | None, kind: str, expected: bool) -> None:
    date = DateRecord(text="x", start=0, end=1, value=value, kind=kind)
    assert is_point_in_time(date) is expected
