"""Dates counted from another date of the text: "a year earlier", "the following month".

TimeML marks such expressions `temporalFunction="true"` with an `anchorTimeID`: the time
they are computed from, which is the document date for deictic ones ("last week") and
another time expression for anaphoric ones ("the following year" after "May 22, 1995";
Pustejovsky et al. 2003, TimeML 1.2.1 guidelines, TIMEX3 attributes). Mani and Wilson
(2000, "Robust temporal processing of news", ACL) resolve the anaphoric ones against a
reference time that moves through the story, the most recent date mentioned, and the
deictic ones against the document date; HeidelTime's "narrative" document type does the
same for all relative expressions (Strötgen and Gertz 2013, "Multilingual and
cross-domain temporal tagging", LRE 47(2)). The caller (`extract`) chooses the anchor;
this module only computes from it:

- a shift by a count of units: "a year earlier", "two days later", "three months before";
- the unit after or before the anchor's: "the following month", "the previous year",
  "the next day", "the day before";
- the unit holding the anchor: "that week", "the same day", "that night", and in a
  results story the period reported on ("the quarter", "the latest period") and the
  one a year before ("year-earlier", "the year-ago quarter").

A value keeps no more precision than both the anchor and the expression state: "a year
earlier" than May 3, 2010 is 2009 (as "a year ago" is a year), than the third quarter of
1989 the third quarter of 1988 (a whole number of years moves a quarter exactly), and
"the next day" after "October 1998" has no value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from cartelkb.extract.dates.durations import parse_duration
from cartelkb.extract.dates.reading import Normalized, day_reading, unresolved
from cartelkb.extract.dates.relative import offset, shift, weekday
from cartelkb.extract.dates.vocabulary import (
    ANAPHORIC_NEXT,
    ANAPHORIC_PREVIOUS,
    ANAPHORIC_SAME,
    PARTS_OF_DAY,
    UNITS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
)
from cartelkb.records import Precision
from cartelkb.timespan import interval

_CALENDAR_UNITS = ("day", "week", "weekend", "month", "quarter", "year", "decade", "century")
_UNIT_PATTERN = "|".join([*_CALENDAR_UNITS, *PARTS_OF_DAY])
_STEP_WORDS = "|".join(sorted([*ANAPHORIC_NEXT, *ANAPHORIC_PREVIOUS], key=len, reverse=True))
_DAY_UNITS = "|".join(["day", *PARTS_OF_DAY])
# "the following month", "the previous Friday"; "next" only for a day ("the next
# morning"): "the next year" is more often a length ("over the next year", P1Y).
_STEP_RE = re.compile(
    rf"^the (?:({_STEP_WORDS}) ({_UNIT_PATTERN}|{WEEKDAY_PATTERN})|(next) ({_DAY_UNITS}))$"
)
# "the day before", "the year after"
_BEFORE_AFTER_RE = re.compile(rf"^the ({_UNIT_PATTERN}) (before|after)$")
# "that week", "the same day", "that same night"
_SAME_RE = re.compile(
    rf"^(?:{'|'.join(sorted(ANAPHORIC_SAME, key=len, reverse=True))}) ({_UNIT_PATTERN})$"
)
# "the quarter", "the period": in a results story, the period it reports on
_DEFINITE_RE = re.compile(r"^the (quarter|period)$")
# "year-earlier", "the year-ago quarter", "the comparable year-earlier period"
_YEAR_AGO_RE = re.compile(
    r"^(?:the )?(?:comparable |corresponding )?year (?:earlier|ago)(?: (quarter|period))?$"
)
# Suffixes that count a duration from the anchor, and which way.
_EARLIER = ("earlier", "before", "prior")
_LATER = ("later", "after")
# Calendar units that a value of each precision lies within ("that year" after a month).
_WITHIN: dict[str, tuple[str, ...]] = {
    "day": ("day",),
    "week": ("day", "week"),
    "weekend": ("day",),
    "month": ("day", "month"),
    "quarter": ("day", "month", "quarter"),
    "year": ("day", "week", "month", "quarter", "season", "year"),
    "decade": ("day", "week", "month", "quarter", "season", "year", "decade"),
    "century": ("day", "week", "month", "quarter", "season", "year", "decade", "century"),
}


@dataclass(frozen=True)
class Anchor:
    """A calendar date of the text (or the article's date) that later expressions count from."""

    value: str
    precision: Precision
    start: dt.date
    end: dt.date
    base: bool = False  # the article's date, not a date of the text

    @classmethod
    def of(cls, value: str | None, precision: Precision | None) -> Anchor | None:
        """The anchor a stored value can be, or None (a duration, PRESENT_REF, a decade)."""
        if value is None or precision not in ("day", "week", "month", "quarter", "season", "year"):
            return None
        found = interval(value)
        if found is None:
            return None
        return cls(value, precision, found[0], found[1])

    @classmethod
    def day(cls, day: dt.date) -> Anchor:
        """The article's date as the anchor of last resort."""
        return cls(day.isoformat(), "day", day, day + dt.timedelta(days=1), base=True)


Direction = Literal["back", "on", "same"]


def anaphoric_direction(t: str) -> Direction | None:
    """Which way cleaned text `t` counts from another date: "back" ("a year earlier",
    "the previous day"), "on" ("two days later", "the following month"), "same" ("that
    week"); None when it does not count from one."""
    m = _STEP_RE.match(t)
    if m:
        return "back" if m.group(1) in ANAPHORIC_PREVIOUS else "on"
    m = _BEFORE_AFTER_RE.match(t)
    if m:
        return "back" if m.group(2) == "before" else "on"
    if _SAME_RE.match(t) or _DEFINITE_RE.match(t):
        return "same"
    if _YEAR_AGO_RE.match(t):
        return "back"
    parsed = parse_duration(t)
    if parsed is not None and parsed[2] in _EARLIER:
        return "back"
    if parsed is not None and parsed[2] in _LATER:
        return "on"
    return None


def referred_precision(t: str) -> Precision | None:
    """ "the quarter", "the year-ago quarter" refer to the quarter last named, however far
    back (a results story names its quarter once, then a year, a day...); None for the
    others, which count from the most recent date."""
    m = _DEFINITE_RE.match(t) or _YEAR_AGO_RE.match(t)
    return "quarter" if m and m.group(1) == "quarter" else None


def read_anaphoric(t: str, anchor: Anchor | None) -> Normalized | None:
    """The date cleaned text `t` names counting from `anchor`, or None when `t` is no such
    expression; unresolved (value None) without an anchor or when the anchor is too coarse.
    """
    if anaphoric_direction(t) is None:
        return None
    if anchor is None:
        return unresolved()
    m = _STEP_RE.match(t)
    if m:
        which, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        step = -1 if which in ANAPHORIC_PREVIOUS else 1
        if unit in WEEKDAYS:
            if anchor.precision != "day":
                return unresolved()
            day = weekday(anchor.start, WEEKDAYS[unit], "next" if step > 0 else "last", None)
            return day_reading(day, relative=True)
        return _unit(anchor, unit, step)
    m = _BEFORE_AFTER_RE.match(t)
    if m:
        unit, which = m.groups()
        return _unit(anchor, unit, 1 if which == "after" else -1)
    m = _SAME_RE.match(t)
    if m:
        return _unit(anchor, m.group(1), 0)
    m = _DEFINITE_RE.match(t)
    if m:
        if anchor.base:
            return unresolved()  # "the quarter" with no period named before it
        if m.group(1) == "period":
            return Normalized(anchor.value, anchor.precision, True, "date", anchor.value)
        return _unit(anchor, "quarter", 0)
    m = _YEAR_AGO_RE.match(t)
    if m:
        if m.group(1) == "quarter":
            if anchor.precision not in _WITHIN["quarter"]:
                return unresolved()
            return shift(anchor.start, "quarter", -4)
        return _count(anchor, -1, "year")
    parsed = parse_duration(t)
    assert parsed is not None
    n, unit, suffix = parsed
    if not isinstance(n, int):
        return Normalized(None, None, relative=True, kind="vague", timex=None)  # "years later"
    return _count(anchor, n if suffix in _LATER else -n, unit)


def _unit(anchor: Anchor, unit: str, step: int) -> Normalized:
    """The calendar `unit` (or part of day) holding the anchor, moved by `step` units."""
    if unit in PARTS_OF_DAY:
        if anchor.precision != "day":
            return unresolved()
        day = anchor.start + dt.timedelta(days=step)
        suffix = "T" + PARTS_OF_DAY[unit]
        return Normalized(day.isoformat(), "day", True, "time", day.isoformat() + suffix)
    if anchor.precision not in _WITHIN[unit]:
        return unresolved()  # "the next day" after "October 1998"
    if unit == "day":
        return day_reading(anchor.start + dt.timedelta(days=step), relative=True)
    if anchor.precision == "week" and unit == "year":
        return unresolved()  # an ISO week may straddle two years
    return shift(anchor.start, unit, step)


def _count(anchor: Anchor, amount: int, unit: str) -> Normalized:
    """`amount` units from the anchor: from a day as "ago" counts from the article's date
    (at the unit's precision); a period moves whole when the units add up to whole periods."""
    if anchor.precision == "day":
        found = offset(anchor.start, amount, unit)
        return found if found is not None else unresolved()
    designator, clock, factor, _ = UNITS[unit]
    if clock:
        return unresolved()
    count = amount * factor
    months = count * (12 if designator == "Y" else 1) if designator in ("Y", "M") else None
    if anchor.precision == "week":
        days = count * (7 if designator == "W" else 1) if designator in ("W", "D") else None
        if days is None or days % 7:
            return unresolved()
        return shift(anchor.start, "week", days // 7)
    if months is None:
        return unresolved()
    if anchor.precision == "month":
        return shift(anchor.start, "month", months)
    if anchor.precision == "quarter" and months % 3 == 0:
        return shift(anchor.start, "quarter", months // 3)
    if anchor.precision in ("year", "season") and months % 12 == 0:
        if anchor.precision == "year":
            return shift(anchor.start, "year", months // 12)
        year, code = anchor.value.split("-")
        value = f"{int(year) + months // 12}-{code}"
        return Normalized(value, "season", True, "date", value)
    return unresolved()
