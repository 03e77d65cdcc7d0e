"""Calendar dates the text states: years, decades, centuries, seasons, quarters, month-day-year.

"Aug. 29, 2024", "the 29th of August", "May 2010", "summer 2012", "the third quarter".
"""

from __future__ import annotations

import datetime as dt
import re

from cartelkb.extract.dates.formats import read_formatted
from cartelkb.extract.dates.reading import (
    MAX_YEAR,
    MIN_YEAR,
    Normalized,
    Tense,
    unresolved,
    year_reading,
)
from cartelkb.extract.dates.vocabulary import (
    DECADE_WORDS,
    MONTH_PATTERN,
    MONTHS,
    ORDINALS,
    QUARTER_ORDINALS,
    SEASONS,
    WEEKDAY_PREFIX_PATTERN,
)
from cartelkb.extract.dates.years import pick_year, resolve_month_day, two_digit_year

_QUARTER_WORDS = "|".join(QUARTER_ORDINALS)
_MONTH_DAY_PATTERNS = tuple(
    re.compile(p)
    for p in (
        rf"{WEEKDAY_PREFIX_PATTERN}(?P<mon>{MONTH_PATTERN}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
        r"(?:,? (?P<year>\d{4}))?",
        rf"{WEEKDAY_PREFIX_PATTERN}(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
        rf"(?P<mon>{MONTH_PATTERN})(?:,? (?P<year>\d{{4}}))?",
        rf"(?P<mon>{MONTH_PATTERN})(?:,| of)? (?P<year>\d{{4}})",
        rf"(?P<mon>{MONTH_PATTERN})",
    )
)


def read_date(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    """A calendar date in cleaned text `t`, or None.

    A month or month-day without a year is relative: its year comes from `base` and
    `tense` (see `years.pick_year`). Formats this module does not know go to dateparser.
    """
    t = re.sub(r"^the ", "", t)
    m = re.fullmatch(r"(?:year |fy ?)?(\d{4})", t)
    if m:
        year = int(m.group(1))
        return year_reading(year) if MIN_YEAR <= year <= MAX_YEAR else None
    m = re.fullmatch(r"(\d{4}) (?:quarter|period|season|fiscal year)", t)
    if m:  # "the 1988 quarter": a period in that year, not 1988 quarters
        year = int(m.group(1))
        return year_reading(year) if MIN_YEAR <= year <= MAX_YEAR else None
    m = re.fullmatch(r"'(\d{2})", t)
    if m:
        return year_reading(two_digit_year(int(m.group(1)), base))
    m = re.fullmatch(r"(\d{3})0'?s", t)
    if m and MIN_YEAR // 10 <= int(m.group(1)) <= MAX_YEAR // 10:
        return Normalized(m.group(1), "decade", False, "date", m.group(1))
    m = re.fullmatch(r"'?(\d)0'?s|(\w+ties)", t)
    if m and (m.group(1) or m.group(2) in DECADE_WORDS):
        digit = int(m.group(1)) if m.group(1) else DECADE_WORDS[m.group(2)]
        decade = two_digit_year(digit * 10, base) // 10
        return Normalized(str(decade), "decade", False, "date", str(decade))
    # "a 21st century border": the article belongs to the noun, not the century
    m = re.fullmatch(r"(?:an? )?(?:(\d{1,2})(?:st|nd|rd|th) century|(\w+(?: \w+)?) century)", t)
    if m:
        n = int(m.group(1)) if m.group(1) else ORDINALS.get(m.group(2) or "")
        if n and 1 <= n <= 22:
            return Normalized(f"{n - 1:02d}", "century", False, "date", f"{n - 1:02d}")
        return None
    found = _season_or_quarter(t, base)
    if found is not None:
        return found
    found = _month_date(t, base, tense)
    if found is not None:
        return found
    return read_formatted(t, base, tense)


def _season_or_quarter(t: str, base: dt.date | None) -> Normalized | None:
    m = re.fullmatch(r"(\w+)(?:,? (?:of )?(\d{4}))|(\d{4}) (\w+)", t)
    if m:
        word, year_text = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        year = int(year_text)
        if word in SEASONS and MIN_YEAR <= year <= MAX_YEAR:
            value = f"{year}-{SEASONS[word]}"
            return Normalized(value, "season", False, "date", value)
    m = re.fullmatch(
        rf"(?:(\d{{4}}) )?((?:fiscal|financial) )?(?:({_QUARTER_WORDS}) quarter|q([1-4]))"
        rf"(?:,? (?:of )?(\d{{4}}))?",
        t,
    )
    if m:
        fiscal, q = m.group(2), int(m.group(4)) if m.group(4) else QUARTER_ORDINALS[m.group(3)]
        year_text = m.group(1) or m.group(5)
        if year_text:
            value = f"{year_text}-Q{q}"
            return Normalized(value, "quarter", False, "date", value)
        if base is None:
            return unresolved()
        # The nearest such quarter, as for a bare month: "the fourth quarter" in a
        # January article is last year's. Not the clause's tense: "will report
        # third-quarter results" in November speaks of the quarter just ended.
        # A fiscal quarter's months are the company's: it is of the fiscal year under way.
        picked = base.year if fiscal else pick_year(3 * q - 2, 1, base, None, True)
        if picked is None:
            return None
        value = f"{picked}-Q{q}"
        return Normalized(value, "quarter", True, "date", value)
    return None


def _month_date(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    for pattern in _MONTH_DAY_PATTERNS:
        m = pattern.fullmatch(t)
        if not m:
            continue
        month = MONTHS[m.group("mon").rstrip(".")]
        groups = m.groupdict()
        day = int(groups["day"]) if groups.get("day") else None
        year = int(groups["year"]) if groups.get("year") else None
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return resolve_month_day(year, month, day, base, tense)
    return None
