"""Named days: holidays with a fixed date ("Christmas"), a weekday of a month
("Thanksgiving": the fourth Thursday of November) or a day from Easter ("Good Friday").

TimeML gives a holiday the day it falls on (Thanksgiving Day 1999 = 1999-11-25);
HeidelTime resolves the same list with such rules. The year is the stated one ("Christmas
2010"), else the occurrence nearest to the article's date, the latest before it in the
past tense and the next one in the future ("last Christmas", "next Easter" likewise);
"Easter week" is the week holding the day.
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
from cartelkb.extract.dates.relative import shift
from cartelkb.extract.dates.vocabulary import HOLIDAYS, WEEKDAY_ABBREVIATIONS

_NAMES = "|".join(sorted((re.escape(h) for h in HOLIDAYS), key=len, reverse=True))
_HOLIDAY_RE = re.compile(
    rf"^(?:(last|this|next|this past|this coming) )?(?:the )?({_NAMES})(?: (week|weekend))?"
    r"(?:,? (?:of )?(\d{4}))?$"
)


def holiday_day(rule: str, year: int) -> dt.date:
    """The day a holiday `rule` of the lexicon falls on in `year`: "12-25" (fixed), "4 thu
    11" (the fourth Thursday of November; -1 for the last), "easter -2" (from Easter)."""
    parts = rule.split()
    if parts[0] == "easter":
        return _easter(year) + dt.timedelta(days=int(parts[1]))
    if len(parts) == 1:
        month, day = (int(p) for p in rule.split("-"))
        return dt.date(year, month, day)
    nth, weekday, month = int(parts[0]), WEEKDAY_ABBREVIATIONS[parts[1]], int(parts[2])
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def read_holiday(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    """The day of a named holiday in cleaned text `t`, or None when `t` names none."""
    m = _HOLIDAY_RE.match(t)
    if not m:
        return None
    which, name, unit, year_text = m.groups()
    rule = HOLIDAYS[name]
    if year_text:
        year = int(year_text)
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return _reading(holiday_day(rule, year), unit, relative=False)
    if base is None:
        return unresolved()
    days = [holiday_day(rule, y) for y in (base.year - 1, base.year, base.year + 1)]
    # a week is compared by its Monday: Easter week has begun on the Monday after Palm Sunday
    start = {d: d - dt.timedelta(days=d.weekday()) if unit else d for d in days}
    if which in ("last", "this past") or (which is None and tense == "past"):
        day = max(d for d in days if start[d] <= base)
    elif which in ("next", "this coming") or (which is None and tense == "future"):
        day = min(d for d in days if d >= base)
    else:
        day = min(days, key=lambda d: abs((start[d] - base).days))
    return _reading(day, unit, relative=True)


def _reading(day: dt.date, unit: str | None, *, relative: bool) -> Normalized:
    """The holiday's day, or the week holding it ("Easter week")."""
    if unit is None:
        return day_reading(day, relative=relative)
    week = shift(day, unit, 0)
    return Normalized(week.value, week.precision, relative, "date", week.timex)


def _easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian; the anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)
