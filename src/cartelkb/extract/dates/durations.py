"""Durations as TIMEX3 values ("three years" = P3Y), and those that point back or ahead ("ago").

"the past several months" = PXM, "decades" = PXDE (TIMEX3 only: the KB stores no length
the text does not state); "two years ago" is a date.
"""

from __future__ import annotations

import datetime as dt
import re

from cartelkb.extract.dates.numbers import number
from cartelkb.extract.dates.reading import Normalized
from cartelkb.extract.dates.relative import offset
from cartelkb.extract.dates.vocabulary import (
    DURATION_QUALIFIERS,
    DURATION_SUFFIXES,
    DURATION_TRAILING_WORDS,
    PART_QUALIFIERS,
    UNIT_FORMS,
    UNITS,
)

# Suffixes that turn a duration into a date, and which way they point.
_FORWARD = ("from now", "from today", "hence")
_BACKWARD = ("ago", "back")


def read_duration(t: str, base: dt.date | None) -> Normalized | None:
    """A length of time, or the date it reaches back or ahead to; None for an age."""
    parsed = parse_duration(t)
    if parsed is None:
        return None
    n, unit, suffix = parsed
    if suffix == "old":
        return None  # an age ("22-year-old"), not a date
    if suffix in _BACKWARD or suffix in _FORWARD:
        sign = 1 if suffix in _FORWARD else -1
        if n is None or isinstance(n, float):
            if n is None:
                timex = "FUTURE_REF" if sign > 0 else "PAST_REF"
                return Normalized(None, None, kind="vague", timex=timex)
            return None
        return offset(base, n * sign, unit)
    return duration_reading(n, unit)


def duration_reading(n: int | float | None, unit: str) -> Normalized:
    """A length of `n` units; with an unknown count ("decades", "several months") the
    TIMEX3 value (PXDE, PXM) is kept for benchmarks but the KB stores none: the text
    states no length, and a vague expression has no value."""
    value = duration_value(n, unit)
    return Normalized(value if n is not None else None, None, kind="duration", timex=value)


def parse_duration(t: str) -> tuple[int | float | None, str, str | None] | None:
    """(count, unit, suffix) of a duration; count None when unstated ("years", "several
    days"). None when `t` names no length ("the week", "the first year")."""
    half = False
    if t.endswith(" and a half"):
        half, t = True, t[: -len(" and a half")]
    words = t.split()
    suffix = None
    for suf in DURATION_SUFFIXES:
        if len(words) > len(suf) and tuple(words[-len(suf) :]) == suf:
            suffix = " ".join(suf)
            words = words[: -len(suf)]
            break
    if suffix == "on" and words[:1] != ["from"]:
        return None
    if words[:1] == ["from"]:
        words = words[1:]
    if not words or words[-1] not in UNIT_FORMS:
        return None
    unit_word = words[-1]
    unit = UNIT_FORMS[unit_word]
    plural = unit_word != unit
    head = words[:-1]
    article = head.pop(0) if head and head[0] in ("the", "a", "an", "another", "those") else None
    qualifiers: list[str] = []
    while head and head[0] in DURATION_QUALIFIERS:
        qualifiers.append(head.pop(0))
    while head and head[-1] in DURATION_TRAILING_WORDS:
        head.pop()
    n: int | float | None
    if len(head) == 1 and not plural and re.fullmatch(r"1\d{3}|2[01]\d{2}", head[0]):
        return None  # "the 1988 quarter": a period of that year, not 1988 quarters
    if head:
        count = number(" ".join(head))
        if count == "X":
            n = None
        elif isinstance(count, int):
            n = count
        else:
            return None
    elif plural:
        n = None
    elif article in ("a", "an", "another"):
        n = 1
    elif qualifiers and not set(qualifiers) <= PART_QUALIFIERS:
        n = 1  # "the past year", "the next decade", "the last hour"
    else:
        return None  # "year", "the week", "the first year": no length stated
    if "recent" in qualifiers and n is None:
        return None  # "recent years": vague, handled by vague.read_vague
    if half and isinstance(n, int):
        return n + 0.5, unit, suffix
    return n, unit, suffix


def duration_value(n: int | float | None, unit: str) -> str:
    """The TIMEX3 duration of `n` units; "X" for an unknown count ("decades" = PXDE)."""
    designator, clock, factor, unknown = UNITS[unit]
    prefix = "PT" if clock else "P"
    if n is None:
        return f"{prefix}X{unknown}"
    amount = n * factor
    if isinstance(amount, float):
        if amount.is_integer():
            amount = int(amount)
        elif designator in ("Y", "M") and not clock:
            # "a year and a half" -> P18M: TIMEX3 values use integer counts.
            months = amount * (12 if designator == "Y" else 1)
            return f"P{round(months)}M" if float(months).is_integer() else f"P{amount}{designator}"
    return f"{prefix}{amount}{designator}"
