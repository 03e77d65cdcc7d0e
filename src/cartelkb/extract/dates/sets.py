"""Recurrences (TIMEX3 sets): "annually", "every other week", "twice a year", "on Mondays"."""

from __future__ import annotations

import re

from cartelkb.extract.dates.durations import duration_value
from cartelkb.extract.dates.numbers import number
from cartelkb.extract.dates.reading import Normalized
from cartelkb.extract.dates.vocabulary import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    SET_INTENSIFIERS,
    UNIT_FORMS,
    WEEKDAYS,
)

_INTENSIFIER_RE = re.compile(rf"^(every|each) (?:{'|'.join(SET_INTENSIFIERS)}) ")
_PLURAL_WEEKDAY_RE = re.compile(r"^(\w+day)(?:s|(?: (\w+)s))$")
_SET_RE = re.compile(
    r"^(?:(once|twice|\w+ times) )?(every|each|per|a|an) (?:(other) )?(?:(\S+) )?(\S+)$"
)


def read_set(t: str) -> Normalized | None:
    """The TIMEX3 set value of a recurrence in cleaned text `t`, or None."""
    if t in SET_ADVERBS:
        return _set_reading(SET_ADVERBS[t])
    m = _PLURAL_WEEKDAY_RE.match(t)
    if m and m.group(1) in WEEKDAYS and (m.group(2) is None or m.group(2) in PARTS_OF_DAY):
        # "on Tuesdays", "Friday nights": the weekday (and part of it) every week
        part = f"T{PARTS_OF_DAY[m.group(2)]}" if m.group(2) else ""
        return _set_reading(f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}{part}")
    t = _INTENSIFIER_RE.sub(r"\1 ", t)  # "every single day" is every day
    m = _SET_RE.match(t)
    if not m:
        return None
    frequency, quantifier, other, count, word = m.groups()
    if quantifier in ("a", "an", "per") and not frequency:
        return None  # "a year" is a duration, "per year" a rate
    n: int | None = 2 if other else 1
    if count is not None:
        stated = number(count)
        if not isinstance(stated, int):
            return None
        n = stated
    if word in UNIT_FORMS:
        return _set_reading(duration_value(n, UNIT_FORMS[word]))
    if count is not None or other:
        return None
    if word in WEEKDAYS:
        return _set_reading(f"XXXX-WXX-{WEEKDAYS[word] + 1}")
    if word in PARTS_OF_DAY:
        return _set_reading(f"XXXX-XX-XXT{PARTS_OF_DAY[word]}")
    if word in SEASONS:
        return _set_reading(f"XXXX-{SEASONS[word]}")
    if word.rstrip(".") in MONTHS:
        return _set_reading(f"XXXX-{MONTHS[word.rstrip('.')]:02d}")
    return None


def _set_reading(value: str) -> Normalized:
    return Normalized(value, None, kind="set", timex=value)
