"""Vague references to the past, present or future ("recently", "his previous term").

They are kept as records with no value, so the KB knows a claim is dated "recently"
rather than undated. The present ("now", "currently") is the exception: it states the
time of the text, and is stored as TimeML's PRESENT_REF (`reading.present_reading`).
"""

from __future__ import annotations

import re

from cartelkb.extract.dates.durations import duration_value
from cartelkb.extract.dates.reading import PRESENT_REF, Normalized, present_reading
from cartelkb.extract.dates.vocabulary import (
    TERM_DETERMINERS,
    TERM_NOUNS,
    TERM_QUALIFIERS,
    UNIT_FORMS,
    VAGUE,
    VAGUE_PERIOD_ADJECTIVES,
)


def _one_of(words: frozenset[str]) -> str:
    return "|".join(sorted(words))


_PERIOD_RE = re.compile(rf"^(?:the )?({_one_of(VAGUE_PERIOD_ADJECTIVES)}) (\w+)$")
# A term of office is a period with no calendar value: TimeML gives it no TIMEX3.
_TERM_RE = re.compile(
    rf"^(?:(?:{_one_of(TERM_DETERMINERS)}) )?(?:{_one_of(TERM_QUALIFIERS)}) "
    rf"(?:{_one_of(TERM_NOUNS)})$"
)


def read_vague(t: str) -> Normalized | None:
    """The vague reading of cleaned text `t`, with its TIMEX3 reference value (TimeML 1.2
    PAST_REF / FUTURE_REF, or a duration with unknown count), the present reading
    (PRESENT_REF, stored), or None."""
    if t in VAGUE:
        if VAGUE[t] == PRESENT_REF:
            return present_reading()
        return Normalized(None, None, kind="vague", timex=VAGUE[t])
    m = _PERIOD_RE.match(t)
    if m and m.group(2) in UNIT_FORMS:
        unit = UNIT_FORMS[m.group(2)]
        if unit != m.group(2):  # plural: "recent years", "the coming months"
            return Normalized(None, None, kind="vague", timex=duration_value(None, unit))
        if m.group(1) == "recent":  # "the recent week": some recent period
            return Normalized(None, None, kind="vague", timex="PAST_REF")
    if _TERM_RE.match(t):
        return Normalized(None, None, kind="vague", timex=None)
    return None
