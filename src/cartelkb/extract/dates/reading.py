"""The reading of one date expression (`Normalized`) and the constructors the rules share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from cartelkb.records import Precision

Kind = Literal["date", "time", "duration", "set", "vague"]
"""What an expression denotes: a calendar point, a clock time, a length, a recurrence, or
a vague reference to the past, present or future."""

Tense = Literal["past", "future"]

# Calendar years the KB stores; outside them a number is a count ("2,000 years ago").
MIN_YEAR, MAX_YEAR = 1000, 2199


@dataclass(frozen=True)
class Normalized:
    """The reading of one date expression.

    `value`/`precision` are what the knowledge base stores: an ISO date at the precision
    the text states (`2024-08-29`/day, `2024-08`/month, `2024`/year, `202`/decade,
    `2013-W11`/week, `2012-SU`/season, `2012-Q3`/quarter), a TIMEX3 duration or set
    (`P3Y`, `PXM`, `P1Y`; precision None), or None when the expression is vague or is
    relative and there is no base date. `relative` says the expression is anchored to the
    article's date (today, last week, Sept. 18), whether or not a base date resolved it.
    `timex` is the TIMEX3 value (TempEval conventions): like `value`, plus clock times
    (`2013-03-22TAF`) and PRESENT_REF / PAST_REF / FUTURE_REF for vague expressions; it is
    for benchmarks, not for the knowledge base, which never stores a guess.
    """

    value: str | None
    precision: Precision | None
    relative: bool = False
    kind: Kind = "date"
    timex: str | None = None


def year_reading(year: int) -> Normalized:
    """A stated calendar year."""
    return Normalized(str(year), "year", False, "date", str(year))


def day_reading(day: dt.date, *, relative: bool) -> Normalized:
    """A calendar day, stated or resolved against the base."""
    return Normalized(day.isoformat(), "day", relative, "date", day.isoformat())


def unresolved() -> Normalized:
    """A relative date with no base date to resolve it against."""
    return Normalized(None, None, relative=True, kind="date", timex=None)
