"""Dates relative to the article's date: today, last week, a bare weekday, last May, "ago".

Also this coming month, this summer, and shifts by a count of units ("four years ago").
"""

from __future__ import annotations

import datetime as dt
import re

from cartelkb.extract.dates.reading import (
    MAX_YEAR,
    MIN_YEAR,
    Normalized,
    Tense,
    day_reading,
    unresolved,
)
from cartelkb.extract.dates.vocabulary import (
    MONTH_PATTERN,
    MONTHS,
    RELATIVE_DAYS,
    SEASON_START_MONTHS,
    SEASONS,
    SHIFT_STEPS,
    UNITS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
)
from cartelkb.records import Precision

# "past" and "same" are read here too, to be refused: "the past year" is a duration and
# "the same week" refers to another date of the text.
_SHIFT_WORDS = "|".join(sorted([*SHIFT_STEPS, "past", "same"], key=len, reverse=True))
_SHIFT_RE = re.compile(
    rf"^(the )?({_SHIFT_WORDS}) (week|month|year|quarter|decade|century|weekend)$"
)
_LATEST_RE = re.compile(r"^the (?:latest|most recent) (week|month|quarter)$")
_WEEKDAY_RE = re.compile(
    rf"^(?:(last|next|this|this past|this coming|past|coming) )?({WEEKDAY_PATTERN})$"
)
_MONTH_RE = re.compile(rf"^(last|next|this|this past|past|coming) ({MONTH_PATTERN})$")
_SEASON_RE = re.compile(r"^(?:(last|next|this|this past|past|coming) )?(?:the )?(\w+)$")


def read_relative(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    """A date named relative to `base` (unresolved without one), or None.

    `tense` picks the week of a bare weekday and the year of a bare season.
    """
    if t in RELATIVE_DAYS:
        if base is None:
            return unresolved()
        return day_reading(base + dt.timedelta(days=RELATIVE_DAYS[t]), relative=True)
    m = _LATEST_RE.match(t)
    if m:
        # "the latest quarter": the last one to have ended, as results are reported
        return shift(base, m.group(1), -1)
    m = _SHIFT_RE.match(t)
    if m:
        article, which, unit = m.groups()
        if which == "same":
            return None
        if which == "past" or (article and which in ("next", "coming")):
            return None  # "the past year", "the next decade": durations
        return shift(base, unit, SHIFT_STEPS[which])
    if t == "the weekend":
        if base is None:
            return unresolved()
        # News convention as for weekdays: the latest weekend unless the clause is future.
        on_weekend = base.weekday() >= 5
        return shift(base, "weekend", 0 if on_weekend or tense == "future" else -1)
    m = _WEEKDAY_RE.match(t)
    if m:
        which, name = m.groups()
        if base is None:
            return unresolved()
        return day_reading(weekday(base, WEEKDAYS[name], which, tense), relative=True)
    m = _MONTH_RE.match(t)
    if m:
        which, name = m.groups()
        if base is None:
            return unresolved()
        month = MONTHS[name.rstrip(".")]
        if which in ("last", "this past", "past"):
            year = base.year if month < base.month else base.year - 1
        elif which in ("next", "coming"):
            year = base.year if month > base.month else base.year + 1
        else:
            year = base.year
        return Normalized(f"{year}-{month:02d}", "month", True, "date", f"{year}-{month:02d}")
    m = _SEASON_RE.match(t)
    if m and m.group(2) in SEASONS:
        if base is None:
            return unresolved()
        code = SEASONS[m.group(2)]
        which = m.group(1) or {"past": "last", "future": "next", None: "this"}[tense]
        year = season_year(code, base, which)
        value = f"{year}-{code}"
        return Normalized(value, "season", True, "date", value)
    return None


def shift(base: dt.date | None, unit: str, step: int) -> Normalized:
    """The calendar `unit` holding `base`, moved by `step` units ("last week": -1)."""
    if base is None:
        return unresolved()
    value: str
    precision: Precision | None
    if unit == "year":
        value, precision = f"{base.year + step}", "year"
    elif unit == "month":
        y, m = divmod(base.year * 12 + base.month - 1 + step, 12)
        value, precision = f"{y}-{m + 1:02d}", "month"
    elif unit in ("week", "weekend"):
        y, w, _ = (base + dt.timedelta(weeks=step)).isocalendar()
        value, precision = f"{y}-W{w:02d}", "week"
        if unit == "weekend":
            value += "-WE"
    elif unit == "quarter":
        q = base.year * 4 + (base.month - 1) // 3 + step
        value, precision = f"{q // 4}-Q{q % 4 + 1}", "quarter"
    elif unit == "decade":
        value, precision = f"{base.year // 10 + step}", "decade"
    else:  # century, TIMEX3-style: "20" is the 2000s
        value, precision = f"{base.year // 100 + step}", "century"
    return Normalized(value, precision, True, "date", value)


def weekday(base: dt.date, day: int, which: str | None, tense: Tense | None) -> dt.date:
    """The weekday `day` (Monday 0) that "last"/"next"/"this coming" or the tense picks."""
    back = (base.weekday() - day) % 7
    ahead = (day - base.weekday()) % 7
    if which in ("last", "this past", "past"):
        return base - dt.timedelta(days=back or 7)
    if which in ("next",):
        return base + dt.timedelta(days=ahead or 7)
    if which in ("this coming", "coming") or tense == "future":
        return base + dt.timedelta(days=ahead)
    # News convention: a bare weekday is the latest such day on or before the date line
    # ("the CDC said Friday" in an article of Friday 2013-03-22 is that day).
    return base - dt.timedelta(days=back)


def season_year(code: str, base: dt.date, which: str) -> int:
    """The year of the season `code` that "last"/"next"/"this" picks, seen from `base`."""
    start_month = SEASON_START_MONTHS[code]

    def bounds(year: int) -> tuple[dt.date, dt.date]:
        start = dt.date(year, start_month, 1)
        y, m = divmod(year * 12 + start_month - 1 + 3, 12)
        return start, dt.date(y, m + 1, 1)

    years = range(base.year - 2, base.year + 2)
    if which in ("last", "past", "this past"):
        return max(y for y in years if bounds(y)[1] <= base)
    if which in ("next", "coming"):
        return min(y for y in years if bounds(y)[0] > base)
    for y in years:
        start, end = bounds(y)
        if start <= base < end:
            return y
    return base.year


def offset(base: dt.date | None, amount: int, unit: str) -> Normalized | None:
    """Shift the base ("four years ago", "eight years from now") at the unit's precision."""
    designator, clock, factor, _ = UNITS[unit]
    if clock:
        # "three hours ago": a clock time; the KB stores no time and the day may differ.
        return Normalized(None, None, relative=True, kind="time", timex=None)
    if base is None:
        return unresolved()
    months = base.year * 12 + base.month - 1 + amount * factor * (12 if designator == "Y" else 1)
    try:
        shifted = base + dt.timedelta(days=amount * factor * (7 if designator == "W" else 1))
    except OverflowError:
        shifted = dt.date.min
    year = months // 12 if designator in ("Y", "M") else shifted.year
    if not MIN_YEAR <= year <= MAX_YEAR:
        # "2,000 years ago": outside the calendar years the KB stores.
        return Normalized(
            None, None, kind="vague", timex="PAST_REF" if amount < 0 else "FUTURE_REF"
        )
    if designator == "Y":
        return Normalized(str(year), "year", True, "date", str(year))
    if designator == "M":
        value = f"{year}-{months % 12 + 1:02d}"
        return Normalized(value, "month", True, "date", value)
    if designator in ("W", "WE"):
        y, w, _ = shifted.isocalendar()
        return Normalized(f"{y}-W{w:02d}", "week", True, "date", f"{y}-W{w:02d}")
    return day_reading(shifted, relative=True)
