"""Dates in datelines: the formats a header line or a wire dateline writes a date in, never guessed.

`parse_date` reads a string that is only a date; `paragraph_dateline` the date of a wire
dateline opening a first paragraph ("MEXICO CITY, Aug. 29, 2024 (AP) —"). Dates inside
the article's sentences are the business of `cartelkb.extract.dates`.
"""

from __future__ import annotations

import re
from datetime import date

from cartelkb.extract.reader.lines import alternation
from cartelkb.lexicon import lexicon
from cartelkb.records import Precision

_LEX = lexicon("reader")

_MONTHS: dict[str, int] = _LEX.mapping("months")
_MONTH = rf"(?P<month>{alternation(_MONTHS)})\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A clock time needs a colon or am/pm, so "12 News" is not a time.
_CLOCK = r"(?:\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
# Zone abbreviations are matched case-sensitively (ET, EDT, CST, UTC, GMT+1).
_ZONE = r"(?:\s*\(?(?-i:[A-Z]{1,4}T|UTC|GMT|Z)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?"
_TIME = rf"(?:\s*(?:,|at|@|-|–|—|\|)?\s*{_CLOCK}{_ZONE})?"

_ISO_TIME = r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
_DAY_FORMATS = (
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    rf"{_WEEKDAY}{_YEAR}[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}})",
    # cbp.gov: "Mon, 07/22/2024".
    _WEEKDAY + r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/" + _YEAR,
)
# Each format may carry a time of day, which is dropped: the dateline's day is what counts.
# The time may also come first, as in AP's "Updated 3:14 PM EDT, August 12, 2025".
_LEAD_TIME = rf"(?:{_CLOCK}{_ZONE}\s*(?:,|\bon\b|\|)?\s*)?"
_DATE_FORMATS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    *((re.compile(_LEAD_TIME + f + _TIME + _ISO_TIME, re.IGNORECASE), "day") for f in _DAY_FORMATS),
    (re.compile(rf"{_MONTH},?\s+{_YEAR}", re.IGNORECASE), "month"),
)
LABEL_WORDS = alternation(_LEX.phrases("date_labels"))
DATE_LABEL = re.compile(
    rf"^(?P<label>(?:first\s+|last\s+)?{LABEL_WORDS}"
    r"(?:\s+(?:on|at))?)\s*:?\s*",
    re.IGNORECASE,
)
# In a DATE_LABEL label: this date is a revision, not the publication.
UPDATE_LABEL = re.compile(alternation(_LEX.words("update_labels")), re.IGNORECASE)
_YEAR_ONLY = re.compile(_YEAR)
TIME_ONLY = re.compile(rf"{_CLOCK}{_ZONE}", re.IGNORECASE)


def parse_date(text: str, *, allow_year: bool = False) -> tuple[str, Precision] | None:
    """Parse a string that is only a date (optionally with weekday and time of day).

    Never guesses: "August 2024" is ("2024-08", "month"), an impossible day is None, and
    an all-numeric date that reads both ways (03/04/2024) is None.

    Args:
        text: e.g. "Thursday, August 29, 2024", "29 Aug. 2024", "2024-08-29T10:00Z".
        allow_year: accept a bare year ("2024" -> ("2024", "year")).

    Returns:
        (ISO value, precision), or None when `text` is not just a date.
    """
    text = text.strip().rstrip(".,")
    for pattern, precision in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if parts.get("month"):
            month = _MONTHS[parts["month"].lower()]
        elif parts.get("mnum"):
            month = int(parts["mnum"])
        else:  # numeric a/b/yyyy: only when one reading is impossible
            first, second = int(parts["first"]), int(parts["second"])
            if first > 12 >= second:
                parts["day"], month = str(first), second
            elif second > 12 >= first or first == second:
                parts["day"], month = str(second), first
            else:
                return None
        if precision == "month":
            return (f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else None
        try:
            return date(year, month, int(parts["day"])).isoformat(), "day"
        except ValueError:
            return None
    if allow_year and _YEAR_ONLY.fullmatch(text):
        return text, "year"
    return None


# After "PLACE, ": a date, an optional agency in parentheses, then a dash - the
# wire-service dateline that opens a first paragraph ("MEXICO CITY, Aug. 29, 2024 (AP) —").
_AFTER_PLACE = re.compile(
    r"(?P<date>[^()\n–—]{5,40}?[\w.])\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[-–—])\s"
)
PLACE_PARTICLES = _LEX.words("place_particles")


def paragraph_dateline(line: str) -> tuple[str, Precision] | None:
    """The date of a wire dateline opening `line` ("PLACE, DATE (AGENCY) —"), if it is a day."""
    # The place may itself hold commas ("Culiacán, Sinaloa, 29 August 2024 —"), so every
    # comma among the first few is tried as the end of the place.
    for comma in list(re.finditer(r",\s+", line[:80]))[:3]:
        place_words = line[: comma.start()].replace(",", " ").split()
        if not place_words or len(place_words) > 6:
            return None
        if not all(w[0].isupper() or w.lower() in PLACE_PARTICLES for w in place_words):
            return None
        match = _AFTER_PLACE.match(line, comma.end())
        parsed = parse_date(match.group("date")) if match else None
        # Only a full date: "MEXICO CITY, Aug. 29 (Reuters) -" has no year, and guessing
        # it is what we must not do.
        if parsed and parsed[1] == "day":
            return parsed
    return None


# "BROWNSVILLE, Texas - ", "Washington, D.C. – ", "WASHINGTON — ": a place, then a dash.
_PLACE_DASH = re.compile(r"(?P<place>[^\n–—]{2,60}?)\s+(?:--|[-–—])\s+\S")


def opens_with_dateline(line: str) -> bool:
    """Whether `line` opens with a release's dateline place and a dash ("Washington, D.C. –
    Today, ...", "BROWNSVILLE, Texas - The ..."): the lead paragraph, never a headline.

    The place is capitalized words (particles allowed) and holds a comma or is in
    capitals, so a headline "Mexico – U.S. Talks Resume" is not taken for one.
    """
    match = _PLACE_DASH.match(line)
    if match is None:
        return False
    place = match.group("place")
    words = place.replace(",", " ").split()
    if not 0 < len(words) <= 6:
        return False
    if not all(w[0].isupper() or w.lower() in PLACE_PARTICLES for w in words):
        return False
    letters = [ch for ch in place if ch.isalpha()]
    return "," in place or (len(letters) >= 4 and all(ch.isupper() for ch in letters))
