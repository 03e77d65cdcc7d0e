"""Clock times and parts of the day ("8 p.m.", "15:00 GMT Saturday", "Friday afternoon").

The KB stores the day they are on; a clock time on a day it reads is stored with it as
an ISO 8601 date and time ("15:00 GMT Saturday" is `2013-03-16T15:00`, precision day: the
interval it falls in), a part of the day only as its day ("Friday afternoon" is
`2013-03-22`; `2013-03-22TAF` is its TIMEX3 value, which ISO 8601 has no form for).
"""

from __future__ import annotations

import datetime as dt
import re

from cartelkb.extract.dates.absolute import read_date
from cartelkb.extract.dates.reading import Normalized, Tense
from cartelkb.extract.dates.relative import read_relative
from cartelkb.extract.dates.vocabulary import CLOCK_WORDS, PARTS_OF_DAY, TIME_ZONES

_CLOCK_RE = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*"
    r"(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\s|$)"
    r"|\b(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::\d{2})?\b"
    rf"|\b(?P<word>{'|'.join(CLOCK_WORDS)})\b"
    r"|\b(?P<h3>\d{1,2}) o'clock\b"
)
# An ISO 8601 time of day; T24:00 ("midnight", the end of its day) has no datetime.
_ISO_CLOCK_RE = re.compile(r"T(?:[01]\d|2[0-3]):[0-5]\d")
_TIMEZONE_RE = re.compile(r"\b(?:" + "|".join(TIME_ZONES) + r")\b(?:\s*[+-]\s*\d{1,2})?")


def split_time(t: str) -> tuple[str | None, str]:
    """(TIMEX3 time suffix such as "T20:00" or "TAF", the rest of `t`); (None, t) when
    `t` holds no clock time or part of day."""
    m = _CLOCK_RE.search(t)
    suffix: str | None = None
    rest = t
    if m:
        if m.group("word"):
            suffix = CLOCK_WORDS[m.group("word")]
        else:
            h = int(m.group("h") or m.group("h2") or m.group("h3"))
            mins = int(m.group("m") or m.group("m2") or 0)
            ampm = (m.group("ampm") or "").replace(".", "")
            if ampm == "pm" and h < 12:
                h += 12
            elif ampm == "am" and h == 12:
                h = 0
            if h > 24 or mins > 59:
                return None, t
            suffix = f"T{h:02d}:{mins:02d}"
        rest = (t[: m.start()] + " " + t[m.end() :]).strip()
        rest = _TIMEZONE_RE.sub(" ", rest)
    else:
        words = t.split()
        if words and words[-1] in PARTS_OF_DAY and len(words) > 1:
            suffix = "T" + PARTS_OF_DAY[words[-1]]
            rest = " ".join(words[:-1])
        elif t == "tonight":
            suffix, rest = "TNI", "today"
        else:
            return None, t
    rest = re.sub(r"\s+", " ", rest).strip(" ,")
    rest = re.sub(r"^(?:on|at|of)\s+|\s+(?:on|at|of)$", "", rest).strip(" ,")
    return suffix, rest


def read_with_time(
    suffix: str, rest: str, base: dt.date | None, tense: Tense | None
) -> Normalized | None:
    """The day `rest` names, with the clock `suffix` in its TIMEX3 value; None when `rest`
    is no single day."""
    if rest == "this":
        rest = "today"
    if rest in ("", "the", "that"):
        # A clock time alone: on the article's day by TIMEX convention; the KB stores no
        # day it cannot read.
        if rest == "that":
            return None
        timex = f"{base.isoformat()}{suffix}" if base else None
        return Normalized(None, None, relative=True, kind="time", timex=timex)
    if rest == "last" and suffix == "TNI":
        rest = "yesterday"
    found = read_relative(rest, base, tense) or read_date(rest, base, tense)
    if found is None or found.kind != "date" or found.precision not in ("day", None):
        return None
    timex = f"{found.value}{suffix}" if found.value else None
    value = found.value
    if value is not None and found.precision == "day" and _ISO_CLOCK_RE.fullmatch(suffix):
        value = timex  # "4 a.m. EDT Thursday": 2000-04-06T04:00, an ISO date and time
    return Normalized(value, found.precision, found.relative, "time", timex)
