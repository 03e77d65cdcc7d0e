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
    `2013-W11`/week, `2012-SU`/season, `2012-Q3`/quarter; a clock time on a day as an
    ISO date and time, `2000-04-06T04:00`/day), a TIMEX3 duration or set
    (`P3Y`, `P1Y`; precision None), TimeML's PRESENT_REF for the present ("now",
    "currently"; precision None), or None when the expression is vague ("recently",
    "for decades") or is relative and there is no base date to resolve it. `relative`
    says the expression is anchored to the article's date or to another date of the text
    (today, last week, Sept. 18, a year later), whether or not it was resolved.
    `timex` is the TIMEX3 value (TempEval conventions): like `value`, plus parts of the
    day (`2013-03-22TAF`), clock times without a day, PAST_REF / FUTURE_REF and unknown
    counts (`PXY`) for vague expressions; it is for benchmarks, not for the knowledge
    base, which never stores a guess.
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


PRESENT_REF = "PRESENT_REF"


def present_reading() -> Normalized:
    """The present ("now", "currently"): TimeML's PRESENT_REF, the time of the text.

    TimeML 1.2.1 gives "now" and its kin the value PRESENT_REF (type DATE): the present
    moment, no calendar day. The knowledge base stores it, since it is what the text
    states (the claim holds at the time of writing), but it is no point on the calendar:
    `cartelkb.timespan.interval` gives it no interval and claims take no date from it.
    """
    return Normalized(PRESENT_REF, None, relative=True, kind="date", timex=PRESENT_REF)


def unresolved() -> Normalized:
    """A relative date with no base date to resolve it against."""
    return Normalized(None, None, relative=True, kind="date", timex=None)
