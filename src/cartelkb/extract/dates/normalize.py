"""Text -> reading: `normalize` cleans an expression and tries the rules in turn; datelines."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from cartelkb.extract.dates.absolute import read_date
from cartelkb.extract.dates.anaphora import (
    Anchor,
    Direction,
    anaphoric_direction,
    read_anaphoric,
    referred_precision,
)
from cartelkb.extract.dates.cleaning import (
    clean,
    strip_approximators,
    strip_modifiers,
    strip_prepositions,
)
from cartelkb.extract.dates.clock import read_with_time, split_time
from cartelkb.extract.dates.composite import read_composite
from cartelkb.extract.dates.durations import read_duration
from cartelkb.extract.dates.holidays import read_holiday
from cartelkb.extract.dates.reading import Normalized, Tense
from cartelkb.extract.dates.relative import read_relative
from cartelkb.extract.dates.sets import read_set
from cartelkb.extract.dates.vague import read_vague
from cartelkb.extract.dates.vocabulary import DATELINE_LABELS, YEAR_COMPARISONS
from cartelkb.records import Precision

_HALVES = ("the first half of", "the second half of", "the last half of", "the latter half of")
_DATELINE_LABEL_RE = re.compile(r"^(?:" + "|".join(DATELINE_LABELS) + r")\s*(?::|on)?\s*", re.I)


@lru_cache(maxsize=8192)
def normalize(
    text: str,
    base: dt.date | None,
    *,
    tense: Tense | None = None,
    anchor: Anchor | None = None,
) -> Normalized | None:
    """Read one date expression, resolving relative ones against `base`.

    Args:
        text: the expression, e.g. "Thursday, August 29, 2024", "last week", "recently".
        base: the article's publication date; relative expressions get value None
            without it (but still `relative=True`).
        tense: "past" or "future" when the clause around the expression says so; it
            picks the year of a bare month ("in August") and the week of a bare weekday.
            Without it a bare weekday is the most recent one on or before `base` (news
            convention: "said Friday"), and a bare month or month-day is the occurrence
            nearest to `base` ("Sept. 18" in an article of 2024-08-29 is 2024-09-18).
        anchor: the date of the text that anaphoric expressions ("a year earlier", "the
            following month", "that week") count from (see `anaphora`); `base` when None.

    Returns:
        The reading, or None when `text` is not a date expression at all.
    """
    raw = clean(text)
    if not raw:
        return None
    found = read_vague(raw)
    if found is not None:
        return found
    t = strip_prepositions(raw)
    t = strip_approximators(t)
    if not t:
        return None
    for rule in (read_vague, read_set):
        found = rule(t)
        if found is not None:
            return found
    if anchor is None and base is not None:
        anchor = Anchor.day(base)
    return _date_or_duration(t, base, tense, anchor)


@lru_cache(maxsize=4096)
def is_anaphoric_text(text: str) -> Direction | None:
    """Which way `text` counts from another date of the text ("back" for "a year
    earlier", "on" for "the following month", "same" for "later that week"), or None
    when it does not; read as `normalize` reads it."""
    t = strip_approximators(strip_prepositions(clean(text)))
    return anaphoric_direction(t) or anaphoric_direction(strip_modifiers(t)[0])


def is_year_comparison(text: str) -> bool:
    """Whether `text` compares with the same period a year before ("a year ago", "the
    year-earlier period"; `data/lexicons/dates.toml`, year_comparisons), read as
    `normalize` reads it."""
    return strip_approximators(strip_prepositions(clean(text))) in YEAR_COMPARISONS


def anchor_precision(text: str) -> Precision | None:
    """The precision of the date `text` refers back to when it names one ("the quarter":
    the quarter last named), else None (the most recent date of any precision)."""
    return referred_precision(strip_approximators(strip_prepositions(clean(text))))


def parse_dateline(text: str) -> tuple[str, Precision] | None:
    """Read a line that is only a date ("Thursday, August 29, 2024", "August 2024").

    A leading "Published:"/"Updated:" label and a trailing clock time are tolerated.

    Returns:
        (ISO value, precision), or None when the line is not an absolute date.
    """
    line = _DATELINE_LABEL_RE.sub("", text.strip()).strip()
    if not line or len(line) > 80:
        return None
    found = normalize(line, None)
    if (
        found is None
        or found.relative
        or found.value is None
        or found.precision is None
        or found.kind not in ("date", "time")
    ):
        return None
    return found.value.split("T", 1)[0], found.precision  # the day, not its clock time


def _date_or_duration(
    t: str, base: dt.date | None, tense: Tense | None, anchor: Anchor | None
) -> Normalized | None:
    found = read_anaphoric(t, anchor) or read_composite(t, base, tense)
    if found is not None:
        return found
    # A clock time or part of day ("8 p.m.", "15:00 GMT Saturday", "Friday afternoon").
    time_suffix, rest = split_time(t)
    if time_suffix is not None:
        found = read_with_time(time_suffix, rest, base, tense)
        if found is not None or not strip_modifiers(t)[1]:
            return found
    found = read_relative(t, base, tense) or read_holiday(t, base, tense)
    if found is not None:
        return found
    found = read_duration(t, base)
    if found is not None:
        return found
    found = read_date(t, base, tense)
    if found is not None:
        return found
    stripped, changed = strip_modifiers(t)
    if changed:
        # "the end of the year" is this year; "early December", "late last July".
        stripped = re.sub(r"^(?:the )?(year|month|week|decade|quarter)$", r"this \1", stripped)
        found = (
            read_anaphoric(stripped, anchor)
            or read_composite(stripped, base, tense)
            or read_relative(stripped, base, tense)
            or read_date(stripped, base, tense)
        )
        if found is not None and t.startswith(_HALVES):
            # TIMEX3 has halves of a year (2024-H1); the KB's Precision does not.
            half = "H1" if "first" in t else "H2"
            if found.precision == "year" and found.value:
                return Normalized(found.value, "year", found.relative, "date",
                                  f"{found.value}-{half}")  # fmt: skip
        return found
    return None
