"""Expressions made of two: a part of a named day ("the night of Oct. 23", "the week of
March 6") and a month or quarter in a year named from the article's date ("January this
year", "this year's third quarter")."""

from __future__ import annotations

import datetime as dt
import re

from cartelkb.extract.dates.absolute import read_date
from cartelkb.extract.dates.reading import Normalized, Tense, unresolved
from cartelkb.extract.dates.relative import read_relative, shift
from cartelkb.extract.dates.vocabulary import MONTH_PATTERN, PARTS_OF_DAY, SHIFT_STEPS

_PART_OF_RE = re.compile(rf"^(?:the )?({'|'.join(PARTS_OF_DAY)}|week|weekend) of (.+)$")
_YEAR_WORDS = "|".join(sorted(SHIFT_STEPS, key=len, reverse=True))
# "January this year", "Oct. 23 last year", "early March of next year"
_IN_YEAR_RE = re.compile(
    rf"^((?:{MONTH_PATTERN})(?: \d{{1,2}}(?:st|nd|rd|th)?)?),? (?:of )?({_YEAR_WORDS}) year$"
)


_YEARS_RE = re.compile(rf"^({_YEAR_WORDS}) year'?s? (.+)$")


def read_composite(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    """A part of a named day, or a month (or month-day) in a relative year; None otherwise."""
    m = _YEARS_RE.match(t)
    if m:  # "this year's third quarter", "next year's first half"
        if base is None:
            return unresolved()
        found = read_date(f"{m.group(2)} {base.year + SHIFT_STEPS[m.group(1)]}", base, tense)
        if found is None or found.value is None:
            return None
        return Normalized(found.value, found.precision, True, found.kind, found.timex)
    m = _PART_OF_RE.match(t)
    if m:
        part, rest = m.groups()
        day = read_relative(rest, base, tense) or read_date(rest, base, tense)
        if day is None or day.kind != "date":
            return None
        if day.value is None:
            return Normalized(None, None, relative=True, kind="date")
        if day.precision != "day":
            return Normalized(None, None, relative=day.relative, kind="date")
        if part in PARTS_OF_DAY:
            timex = f"{day.value}T{PARTS_OF_DAY[part]}"
            return Normalized(day.value, "day", day.relative, "time", timex)
        week = shift(dt.date.fromisoformat(day.value), part, 0)
        return Normalized(week.value, week.precision, day.relative, "date", week.timex)
    m = _IN_YEAR_RE.match(t)
    if m:
        if base is None:
            return unresolved()
        date_part, which = m.groups()
        found = read_date(f"{date_part} {base.year + SHIFT_STEPS[which]}", base, tense)
        if found is None:
            return None
        return Normalized(found.value, found.precision, True, found.kind, found.timex)
    return None
