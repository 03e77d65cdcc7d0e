"""Date expressions: spaCy spans -> ISO value at the precision the text states, never more."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from cartelkb.records import DateRecord, Precision

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

Kind = Literal["date", "time", "duration", "set", "vague"]
"""What an expression denotes: a calendar point, a clock time, a length, a recurrence, or
a vague reference to the past, present or future."""

Tense = Literal["past", "future"]


@dataclass(frozen=True)
class Normalized:
    """The reading of one date expression.

    `value`/`precision` are what the knowledge base stores: an ISO date at the precision
    the text states (`2024-08-29`/day, `2024-08`/month, `2024`/year, `202`/decade,
    `2013-W11`/week, `2012-SU`/season, `2012-Q3`/quarter), a TIMEX3 duration or set
    (`P3Y`, `PXM`, `P1Y`; precision None), or None when the expression is vague or is
    relative and there is no base date. `relative` says the expression is anchored to the
    article's date (today, last week, Sept. 18), whether or not a base date resolved it.
    `timex` is the TIMEX3 value (TempEval conventions): like `value`, plus clock times
    (`2013-03-22TAF`) and PRESENT_REF / PAST_REF / FUTURE_REF for vague expressions; it is
    for benchmarks, not for the knowledge base, which never stores a guess.
    """

    value: str | None
    precision: Precision | None
    relative: bool = False
    kind: Kind = "date"
    timex: str | None = None


# --- lexicon ---------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                 "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_WEEKDAY_PREFIX = "(?:(?:" + "|".join([*_WEEKDAYS, *_WEEKDAY_ABBR]) + r")\.?,? )?"
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                 "overnight": "NI"}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty first": 21, "twenty second": 22,
}  # fmt: skip
_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2, "a hundred": 100,
}  # fmt: skip
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
_VAGUE_QUANTITIES = {"several", "few", "a few", "many", "some", "multiple", "numerous",
                     "a number of", "countless", "dozens of", "hundreds of",
                     "thousands of"}  # fmt: skip

# unit -> (TIMEX designator, is a clock unit, multiplier, designator for "X" (unknown) counts)
_UNITS: dict[str, tuple[str, bool, int, str]] = {
    "second": ("S", True, 1, "S"), "minute": ("M", True, 1, "M"), "hour": ("H", True, 1, "H"),
    "day": ("D", False, 1, "D"), "night": ("D", False, 1, "D"), "week": ("W", False, 1, "W"),
    "fortnight": ("W", False, 2, "W"), "month": ("M", False, 1, "M"),
    "quarter": ("M", False, 3, "Q"), "year": ("Y", False, 1, "Y"),
    "decade": ("Y", False, 10, "DE"), "century": ("Y", False, 100, "CE"),
    "weekend": ("WE", False, 1, "WE"),
}  # fmt: skip
_UNIT_FORMS = {
    **{u: u for u in _UNITS}, **{u + "s": u for u in _UNITS}, "centuries": "century",
    "yrs": "year", "yr": "year", "mins": "minute", "hrs": "hour", "secs": "second",
}  # fmt: skip

# Vague expressions: kept as records (value None) so the KB knows a claim is dated
# "recently" rather than undated; the TIMEX3 reference values follow the TimeML 1.2
# guidelines (PRESENT_REF / PAST_REF / FUTURE_REF), None where TimeML has no TIMEX3.
_VAGUE: dict[str, str | None] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "at this time": "PRESENT_REF",
    "at this point": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "historically": "PAST_REF",
    "the past": "PAST_REF", "at the time": "PAST_REF", "at that time": "PAST_REF",
    "back then": "PAST_REF", "in those days": "PAST_REF", "years ago": "PAST_REF",
    "decades ago": "PAST_REF", "long ago": "PAST_REF", "some day": "FUTURE_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "in the years to come": "FUTURE_REF", "the years ahead": "PXY", "someday": "FUTURE_REF",
    "recent": None,
}  # fmt: skip
_TERM_RE = re.compile(
    r"^(?:(?:his|her|their|its|the|a|our|my|your) )?"
    r"(?:previous|first|second|third|fourth|last|current|final|former|next|new|own) "
    r"(?:term|terms|tenure)$"
)

_PREPOSITIONS = {
    "in", "on", "at", "during", "since", "by", "until", "till", "from", "for", "over",
    "throughout", "within", "before", "after", "of", "through", "into",
}  # fmt: skip
_APPROXIMATORS = ("a little over", "a little more than", "a bit more than", "just over",
                  "just under", "well over", "more than", "less than", "fewer than",
                  "at least", "at most", "up to", "close to", "upwards of", "about", "around",
                  "approximately", "roughly", "nearly", "almost", "just", "only", "some",
                  "under", "circa", "ca.", "exactly", "precisely")  # fmt: skip
# Leading modifiers that narrow a period without changing its TIMEX3 value (TimeML's
# `mod` attribute: START, MID, END); "the first half of" keeps the year, as the KB's
# Precision has no halves.
_MODIFIERS = ("the very beginning of", "the very end of", "the beginning of", "beginning of",
              "the start of", "start of", "the end of", "end of", "the middle of", "middle of",
              "the turn of", "the first half of", "the second half of", "the first part of",
              "the latter part of", "the early part of", "the last part of", "the rest of",
              "the remainder of", "the course of", "very early", "very late", "earlier",
              "later", "early", "late", "mid")  # fmt: skip
_DURATION_QUALIFIERS = {
    "past", "last", "next", "coming", "following", "previous", "prior", "preceding",
    "ensuing", "subsequent", "recent", "mere", "full", "whole", "entire", "additional",
    "further", "extra", "more", "consecutive", "straight", "first", "final", "initial", "other",
}  # fmt: skip
_DURATION_SUFFIXES = (("in", "a", "row"), ("from", "now"), ("from", "today"), ("ago",),
                      ("earlier",), ("later",), ("before",), ("after",), ("prior",),
                      ("long",), ("straight",), ("running",), ("old",), ("hence",),
                      ("back",), ("on",))  # fmt: skip
_SET_ADVERBS = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W",
                "daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M",
                "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M"}  # fmt: skip
_CLOCK_RE = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*"
    r"(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\s|$)"
    r"|\b(?P<h2>\d{1,2}):(?P<m2>\d{2})(?::\d{2})?\b"
    r"|\b(?P<word>noon|midday|midnight)\b"
    r"|\b(?P<h3>\d{1,2}) o'clock\b"
)
_TIMEZONE_RE = re.compile(
    r"\b(?:gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|ct|pt|mt|local time)\b"
    r"(?:\s*[+-]\s*\d{1,2})?"
)
_ELAPSED_RE = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]\d)$")
_ISO_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
# Numeric dates with all three parts, or month/year: "8/29/2024", "29.08.24", "2024/08/29",
# "08/2024". Two short numbers ("3-2", "2018-24") are scores and ranges, not dates.
_NUMERIC_DATE_RE = re.compile(
    r"^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}/\d{4})$"
)
_YEAR_STATED_RE = re.compile(r"(?<![\d:])\d{4}(?![\d:])|'\d{2}\b|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$")
_MIN_YEAR, _MAX_YEAR = 1000, 2199


# --- public API ------------------------------------------------------------------------


def normalize(text: str, base: dt.date | None, *, tense: Tense | None = None) -> Normalized | None:
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

    Returns:
        The reading, or None when `text` is not a date expression at all.
    """
    raw = _clean(text)
    if not raw:
        return None
    found = _vague(raw)
    if found is not None:
        return found
    t = _strip_prepositions(raw)
    t = _strip_approximators(t)
    if not t:
        return None
    for rule in (_vague, _set):
        found = rule(t)
        if found is not None:
            return found
    return _date_or_duration(t, base, tense)


def extract_dates(doc: Doc, base: dt.date | None) -> Iterator[DateRecord]:
    """Yield the date expressions of a parsed article, in text order.

    Candidates are spaCy's DATE/TIME entities (adjacent ones merged: "Friday" +
    "afternoon"; ranges split: "2009-2010", "between 12 and 18 months"; ages dropped:
    "22-year-old") plus what the NER does not tag, found with spaCy matchers: vague
    adverbials ("now", "recently", "in the past", "in recent years") and sets ("every
    day", "annually"). Only expressions that `normalize` reads are yielded; dateparser
    only ever sees these short spans. Each entity is read with the tense of its clause
    (see `_tense`), so "was held in August" and "will be held in August" differ.

    Args:
        doc: a Doc from `cartelkb.extract.nlp.load_pipeline()` (tagged, parsed, NER).
        base: the article's publication date, or None.

    Yields:
        Records whose `text == doc.text[start:end]`.
    """
    records: list[DateRecord] = []
    doc_text = doc.text  # Doc.text joins every token on each access: read it once
    for span, parts in _entity_candidates(doc):
        tense = _tense(span)
        for start, end, fixed in parts:
            text = doc_text[start:end]
            found = fixed if fixed is not None else normalize(text, base, tense=tense)
            if found is not None:
                records.append(_record(text, start, end, found))
    taken = [(r.start, r.end) for r in records]
    for span in _matched_spans(doc):
        if any(span.start_char < e and s < span.end_char for s, e in taken):
            continue
        found = normalize(span.text, base)
        if found is not None:
            records.append(_record(span.text, span.start_char, span.end_char, found))
    yield from sorted(records, key=lambda r: (r.start, r.end))


def timex_value(record: DateRecord, base: dt.date | None) -> str | None:
    """The TIMEX3 value of an extracted record, for benchmarks (TempEval conventions).

    The stored `record.value` (already resolved with its sentence's tense) is kept and
    completed with the clock part; vague records map to PRESENT_REF / PAST_REF /
    FUTURE_REF. None when TimeML has no TIMEX3 for the expression ("Recent discussions").
    """
    found = normalize(record.text, base)
    if found is None:
        return record.value
    if record.value is None or found.timex is None:
        return found.timex
    if found.value is not None and found.timex.startswith(found.value):
        return record.value + found.timex[len(found.value) :]
    return record.value


_DATELINE_LABEL_RE = re.compile(r"^(?:published|updated|posted|last updated)\s*(?::|on)?\s*", re.I)


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
    return found.value, found.precision


# --- text cleaning ---------------------------------------------------------------------


def _clean(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"[\u2013\u2014\u2212]", "-", t)
    t = re.sub(r"\s+", " ", t).strip(' ,;:()"')
    t = re.sub(r"'s?$", "", t).strip()  # possessive: "Friday's", "five years'"
    # "mid-2024", "four-week", "twenty-five" -> words; numeric dates keep their hyphens.
    t = re.sub(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " ", t)
    t = re.sub(r"\b(?:fiscal|financial|calendar)\b ?", "", t).strip()
    return re.sub(r"\s+", " ", t)


def _strip_words(t: str, prefixes: tuple[str, ...] | set[str]) -> str:
    changed = True
    while changed:
        changed = False
        for p in prefixes:
            if t.startswith(p + " ") and len(t) > len(p) + 1:
                t = t[len(p) + 1 :]
                changed = True
    return t


def _strip_prepositions(t: str) -> str:
    return _strip_words(t, _PREPOSITIONS)


def _strip_approximators(t: str) -> str:
    stripped = _strip_words(t, _APPROXIMATORS)
    if t.startswith("some ") and not re.match(r"\d|" + "|".join(_NUMBERS), stripped):
        return t  # "some years": a vague quantity, not "some 20 years"
    return stripped


def _strip_modifiers(t: str) -> tuple[str, bool]:
    stripped = _strip_words(t, _MODIFIERS)
    if stripped == t and t.startswith("the "):  # "the late 1990s", "the mid-1980s"
        stripped = _strip_words(t[4:], _MODIFIERS)
        stripped = stripped if stripped != t[4:] else t
    stripped = _strip_words(stripped, _PREPOSITIONS)
    return stripped, stripped != t


# --- rules -----------------------------------------------------------------------------


def _vague(t: str) -> Normalized | None:
    if t in _VAGUE:
        return Normalized(None, None, kind="vague", timex=_VAGUE[t])
    m = re.match(r"^(?:the )?(recent|coming|upcoming) (\w+)$", t)
    if m and m.group(2) in _UNIT_FORMS:
        unit = _UNIT_FORMS[m.group(2)]
        if unit != m.group(2):  # plural: "recent years", "the coming months"
            return Normalized(None, None, kind="vague", timex=_duration_value(None, unit))
        if m.group(1) == "recent":  # "the recent week": some recent period
            return Normalized(None, None, kind="vague", timex="PAST_REF")
    if _TERM_RE.match(t):
        return Normalized(None, None, kind="vague", timex=None)
    return None


def _set(t: str) -> Normalized | None:
    if t in _SET_ADVERBS:
        return _set_record(_SET_ADVERBS[t])
    m = re.match(
        r"^(?:(once|twice|\w+ times) )?(every|each|per|a|an) (?:(other) )?(?:(\S+) )?(\S+)$", t
    )
    if not m:
        return None
    frequency, quantifier, other, count, word = m.groups()
    if quantifier in ("a", "an", "per") and not frequency:
        return None  # "a year" is a duration, "per year" a rate
    n: int | None = 2 if other else 1
    if count is not None:
        number = _number(count)
        if not isinstance(number, int):
            return None
        n = number
    if word in _UNIT_FORMS:
        return _set_record(_duration_value(n, _UNIT_FORMS[word]))
    if count is not None or other:
        return None
    if word in _WEEKDAYS:
        return _set_record(f"XXXX-WXX-{_WEEKDAYS[word] + 1}")
    if word in _PARTS_OF_DAY:
        return _set_record(f"XXXX-XX-XXT{_PARTS_OF_DAY[word]}")
    if word in _SEASONS:
        return _set_record(f"XXXX-{_SEASONS[word]}")
    if word.rstrip(".") in _MONTHS:
        return _set_record(f"XXXX-{_MONTHS[word.rstrip('.')]:02d}")
    if word == "season":
        return Normalized(None, None, kind="set", timex=None)
    return None


def _set_record(value: str) -> Normalized:
    return Normalized(value, None, kind="set", timex=value)


def _date_or_duration(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    m = _ELAPSED_RE.match(t)
    if m:
        # "finishing in 3:07:35": news gives clock times without seconds, elapsed times with.
        h, mins, secs = (int(g) for g in m.groups())
        value = "PT" + "".join(f"{n}{u}" for n, u in ((h, "H"), (mins, "M"), (secs, "S")) if n)
        return Normalized(value, None, kind="duration", timex=value)
    # A clock time or part of day ("8 p.m.", "15:00 GMT Saturday", "Friday afternoon").
    time_suffix, rest = _split_time(t)
    if time_suffix is not None:
        return _with_time(time_suffix, rest, base, tense)
    found = _relative(t, base, tense)
    if found is not None:
        return found
    found = _duration(t, base)
    if found is not None:
        return found
    found = _date(t, base, tense)
    if found is not None:
        return found
    stripped, changed = _strip_modifiers(t)
    if changed:
        # "the end of the year" is this year; "early December", "late last July".
        stripped = re.sub(r"^(?:the )?(year|month|week|decade|quarter)$", r"this \1", stripped)
        found = _relative(stripped, base, tense) or _date(stripped, base, tense)
        if found is not None and t.startswith(("the first half of", "the second half of")):
            half = "H1" if "first" in t else "H2"
            if found.precision == "year" and found.value:
                return Normalized(found.value, "year", found.relative, "date",
                                  f"{found.value}-{half}")  # fmt: skip
        return found
    return None


def _split_time(t: str) -> tuple[str | None, str]:
    m = _CLOCK_RE.search(t)
    suffix: str | None = None
    rest = t
    if m:
        if m.group("word"):
            suffix = "T12:00" if m.group("word") in ("noon", "midday") else "T24:00"
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
        if words and words[-1] in _PARTS_OF_DAY and len(words) > 1:
            suffix = "T" + _PARTS_OF_DAY[words[-1]]
            rest = " ".join(words[:-1])
        elif t == "tonight":
            suffix, rest = "TNI", "today"
        else:
            return None, t
    rest = re.sub(r"\s+", " ", rest).strip(" ,")
    rest = re.sub(r"^(?:on|at|of)\s+|\s+(?:on|at|of)$", "", rest).strip(" ,")
    return suffix, rest


def _with_time(
    suffix: str, rest: str, base: dt.date | None, tense: Tense | None
) -> Normalized | None:
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
    found = _relative(rest, base, tense) or _date(rest, base, tense)
    if found is None or found.kind != "date" or found.precision not in ("day", None):
        return None
    timex = f"{found.value}{suffix}" if found.value else None
    return Normalized(found.value, found.precision, found.relative, "time", timex)


def _relative(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    days = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}  # fmt: skip
    if t in days:
        if base is None:
            return _unresolved()
        return _day(base + dt.timedelta(days=days[t]), relative=True)
    m = re.match(
        r"^(the )?(this past|this coming|this|last|next|past|coming|current|previous|present|same) "
        r"(week|month|year|quarter|decade|century|weekend)$",
        t,
    )
    if m:
        article, which, unit = m.groups()
        if which == "same":
            return None
        if which == "past" or (article and which in ("next", "coming")):
            return None  # "the past year", "the next decade": durations
        if which == "coming" and unit in ("year", "decade", "century"):
            which = "next"
        step = {"this": 0, "current": 0, "present": 0, "last": -1, "previous": -1,
                "this past": -1, "next": 1, "coming": 1, "this coming": 1}[which]  # fmt: skip
        return _shift(base, unit, step)
    if t == "the weekend":
        if base is None:
            return _unresolved()
        # News convention as for weekdays: the latest weekend unless the clause is future.
        on_weekend = base.weekday() >= 5
        return _shift(base, "weekend", 0 if on_weekend or tense == "future" else -1)
    m = re.match(rf"^(?:(last|next|this|this past|this coming|past|coming) )?({_WEEKDAY})$", t)
    if m:
        which, name = m.groups()
        if base is None:
            return _unresolved()
        return _day(_weekday(base, _WEEKDAYS[name], which, tense), relative=True)
    m = re.match(rf"^(last|next|this|this past|past|coming) ({_MONTH})$", t)
    if m:
        which, name = m.groups()
        if base is None:
            return _unresolved()
        month = _MONTHS[name.rstrip(".")]
        if which in ("last", "this past", "past"):
            year = base.year if month < base.month else base.year - 1
        elif which in ("next", "coming"):
            year = base.year if month > base.month else base.year + 1
        else:
            year = base.year
        return Normalized(f"{year}-{month:02d}", "month", True, "date", f"{year}-{month:02d}")
    m = re.match(r"^(?:(last|next|this|this past|past|coming) )?(?:the )?(\w+)$", t)
    if m and m.group(2) in _SEASONS:
        if base is None:
            return _unresolved()
        code = _SEASONS[m.group(2)]
        which = m.group(1) or {"past": "last", "future": "next", None: "this"}[tense]
        year = _season_year(code, base, which)
        value = f"{year}-{code}"
        return Normalized(value, "season", True, "date", value)
    return None


def _shift(base: dt.date | None, unit: str, step: int) -> Normalized:
    if base is None:
        return _unresolved()
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


def _weekday(base: dt.date, weekday: int, which: str | None, tense: Tense | None) -> dt.date:
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if which in ("last", "this past", "past"):
        return base - dt.timedelta(days=back or 7)
    if which in ("next",):
        return base + dt.timedelta(days=ahead or 7)
    if which in ("this coming", "coming") or tense == "future":
        return base + dt.timedelta(days=ahead)
    # News convention: a bare weekday is the latest such day on or before the date line
    # ("the CDC said Friday" in an article of Friday 2013-03-22 is that day).
    return base - dt.timedelta(days=back)


def _season_year(code: str, base: dt.date, which: str) -> int:
    start_month = _SEASON_START[code]

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


def _duration(t: str, base: dt.date | None) -> Normalized | None:
    parsed = _parse_duration(t)
    if parsed is None:
        return None
    n, unit, suffix = parsed
    if suffix == "old":
        return None  # an age ("22-year-old"), not a date
    if suffix in ("ago", "back", "from now", "from today", "hence"):
        sign = 1 if suffix in ("from now", "from today", "hence") else -1
        if n is None or isinstance(n, float):
            if n is None:
                timex = "FUTURE_REF" if sign > 0 else "PAST_REF"
                return Normalized(None, None, kind="vague", timex=timex)
            return None
        return _offset(base, n * sign, unit)
    value = _duration_value(n, unit)
    return Normalized(value, None, kind="duration", timex=value)


def _parse_duration(t: str) -> tuple[int | float | None, str, str | None] | None:
    half = False
    if t.endswith(" and a half"):
        half, t = True, t[: -len(" and a half")]
    words = t.split()
    suffix = None
    for suf in _DURATION_SUFFIXES:
        if len(words) > len(suf) and tuple(words[-len(suf) :]) == suf:
            suffix = " ".join(suf)
            words = words[: -len(suf)]
            break
    if suffix == "on" and words[:1] != ["from"]:
        return None
    if words[:1] == ["from"]:
        words = words[1:]
    if not words or words[-1] not in _UNIT_FORMS:
        return None
    unit_word = words[-1]
    unit = _UNIT_FORMS[unit_word]
    plural = unit_word != unit
    head = words[:-1]
    article = head.pop(0) if head and head[0] in ("the", "a", "an", "another", "those") else None
    qualifiers: list[str] = []
    while head and head[0] in _DURATION_QUALIFIERS:
        qualifiers.append(head.pop(0))
    while head and head[-1] in ("consecutive", "straight", "full", "more", "long", "additional"):
        head.pop()
    n: int | float | None
    if head:
        number = _number(" ".join(head))
        if number == "X":
            n = None
        elif isinstance(number, int):
            n = number
        else:
            return None
    elif plural:
        if qualifiers and set(qualifiers) <= {"first", "final", "initial", "last"}:
            return None  # "the final seconds": a part of something, not a length
        n = None
    elif article in ("a", "an", "another"):
        n = 1
    elif qualifiers and not set(qualifiers) <= {"first", "final", "initial"}:
        n = 1  # "the past year", "the next decade", "the last hour"
    else:
        return None  # "year", "the week", "the first year": no length stated
    if "recent" in qualifiers and n is None:
        return None  # "recent years": vague, handled by _vague
    if half and isinstance(n, int):
        return n + 0.5, unit, suffix
    return n, unit, suffix


def _duration_value(n: int | float | None, unit: str) -> str:
    designator, clock, factor, unknown = _UNITS[unit]
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


def _offset(base: dt.date | None, amount: int, unit: str) -> Normalized | None:
    """Shift the base ("four years ago", "eight years from now") at the unit's precision."""
    designator, clock, factor, _ = _UNITS[unit]
    if clock:
        # "three hours ago": a clock time; the KB stores no time and the day may differ.
        return Normalized(None, None, relative=True, kind="time", timex=None)
    if base is None:
        return _unresolved()
    months = base.year * 12 + base.month - 1 + amount * factor * (12 if designator == "Y" else 1)
    try:
        shifted = base + dt.timedelta(days=amount * factor * (7 if designator == "W" else 1))
    except OverflowError:
        shifted = dt.date.min
    year = months // 12 if designator in ("Y", "M") else shifted.year
    if not _MIN_YEAR <= year <= _MAX_YEAR:
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
    return _day(shifted, relative=True)


def _number(words: str) -> int | str | None:
    """Cardinal in digits or words; "X" for a vague quantity ("several"); None otherwise."""
    words = words.strip()
    if words in _VAGUE_QUANTITIES or words in ("some", "a few more"):
        return "X"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", words):
        value = int(words.replace(",", ""))
        return value if value <= 100000 else None
    if words in _NUMBERS:
        return _NUMBERS[words]
    total = 0
    current = 0
    for w in words.replace(" and ", " ").split():
        if w in ("a", "one") and current == 0:
            current = 1
        elif w in _NUMBERS:
            current += _NUMBERS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current if (total + current) > 0 else None


def _date(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    t = re.sub(r"^the ", "", t)
    m = re.fullmatch(r"(?:year |fy ?)?(\d{4})", t)
    if m:
        year = int(m.group(1))
        return _year(year) if _MIN_YEAR <= year <= _MAX_YEAR else None
    m = re.fullmatch(r"'(\d{2})", t)
    if m:
        return _year(_two_digit_year(int(m.group(1)), base))
    m = re.fullmatch(r"(\d{3})0'?s", t)
    if m and _MIN_YEAR // 10 <= int(m.group(1)) <= _MAX_YEAR // 10:
        return Normalized(m.group(1), "decade", False, "date", m.group(1))
    m = re.fullmatch(r"'?(\d)0'?s|(\w+ties)", t)
    if m and (m.group(1) or m.group(2) in _DECADE_WORDS):
        digit = int(m.group(1)) if m.group(1) else _DECADE_WORDS[m.group(2)]
        decade = _two_digit_year(digit * 10, base) // 10
        return Normalized(str(decade), "decade", False, "date", str(decade))
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century|(\w+(?: \w+)?) century", t)
    if m:
        n = int(m.group(1)) if m.group(1) else _ORDINALS.get(m.group(2) or "")
        if n and 1 <= n <= 22:
            return Normalized(f"{n - 1:02d}", "century", False, "date", f"{n - 1:02d}")
        return None
    found = _season_or_quarter(t, base)
    if found is not None:
        return found
    found = _month_date(t, base, tense)
    if found is not None:
        return found
    return _dateparser_date(t, base, tense)


def _season_or_quarter(t: str, base: dt.date | None) -> Normalized | None:
    m = re.fullmatch(r"(\w+)(?:,? (?:of )?(\d{4}))|(\d{4}) (\w+)", t)
    if m:
        word, year_text = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        year = int(year_text)
        if word in _SEASONS and _MIN_YEAR <= year <= _MAX_YEAR:
            value = f"{year}-{_SEASONS[word]}"
            return Normalized(value, "season", False, "date", value)
    m = re.fullmatch(
        r"(?:(\d{4}) )?(?:(first|second|third|fourth|1st|2nd|3rd|4th) quarter|q([1-4]))"
        r"(?:,? (?:of )?(\d{4}))?",
        t,
    )
    if m:
        q = int(m.group(3)) if m.group(3) else {"first": 1, "1st": 1, "second": 2, "2nd": 2,
                                                "third": 3, "3rd": 3, "fourth": 4,
                                                "4th": 4}[m.group(2)]  # fmt: skip
        year_text = m.group(1) or m.group(4)
        if year_text:
            value = f"{year_text}-Q{q}"
            return Normalized(value, "quarter", False, "date", value)
        if base is None:
            return _unresolved()
        value = f"{base.year}-Q{q}"
        return Normalized(value, "quarter", True, "date", value)
    return None


def _month_date(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    patterns = (
        rf"{_WEEKDAY_PREFIX}(?P<mon>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
        r"(?:,? (?P<year>\d{4}))?",
        rf"{_WEEKDAY_PREFIX}(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
        rf"(?P<mon>{_MONTH})(?:,? (?P<year>\d{{4}}))?",
        rf"(?P<mon>{_MONTH})(?:,| of)? (?P<year>\d{{4}})",
        rf"(?P<mon>{_MONTH})",
    )
    for pattern in patterns:
        m = re.fullmatch(pattern, t)
        if not m:
            continue
        month = _MONTHS[m.group("mon").rstrip(".")]
        groups = m.groupdict()
        day = int(groups["day"]) if groups.get("day") else None
        year = int(groups["year"]) if groups.get("year") else None
        if year is not None and not _MIN_YEAR <= year <= _MAX_YEAR:
            return None
        return _resolve_month_day(year, month, day, base, tense)
    return None


def _resolve_month_day(
    year: int | None, month: int, day: int | None, base: dt.date | None, tense: Tense | None
) -> Normalized | None:
    if day is not None and not 1 <= day <= 31:
        return None
    relative = year is None
    if year is None:
        if base is None:
            return _unresolved()
        year = _pick_year(month, day or 1, base, tense, day is None)
        if year is None:
            return None
    if day is None:
        return Normalized(f"{year}-{month:02d}", "month", relative, "date", f"{year}-{month:02d}")
    try:
        return _day(dt.date(year, month, day), relative=relative)
    except ValueError:
        return None


def _pick_year(
    month: int, day: int, base: dt.date, tense: Tense | None, month_only: bool
) -> int | None:
    """Year of a month (or month-day) the text gives without one.

    Past tense: the latest occurrence on or before the base; future: the first on or
    after; otherwise the nearest occurrence (HeidelTime's news strategy, simplified).
    """
    candidates: list[tuple[int, dt.date]] = []
    for year in (base.year, base.year - 1, base.year + 1):
        try:
            candidates.append((year, dt.date(year, month, 1 if month_only else day)))
        except ValueError:
            continue
    if not candidates:
        return None
    anchor = base.replace(day=1) if month_only else base
    if tense == "past":
        past = [c for c in candidates if c[1] <= anchor]
        return max(past, key=lambda c: c[1])[0] if past else None
    if tense == "future":
        future = [c for c in candidates if c[1] >= anchor]
        return min(future, key=lambda c: c[1])[0] if future else None
    return min(candidates, key=lambda c: abs((c[1] - anchor).days))[0]


def _dateparser_date(t: str, base: dt.date | None, tense: Tense | None) -> Normalized | None:
    """Absolute dates in the many formats dateparser knows (8/29/2024, 29.08.2024, ...)."""
    m = _ISO_DAY_RE.match(t)
    if m:
        try:
            return _day(dt.date(int(m[1]), int(m[2]), int(m[3])), relative=False)
        except ValueError:
            return None
    m = _ISO_MONTH_RE.match(t)
    if m and 1 <= int(m[2]) <= 12:
        return Normalized(t, "month", False, "date", t)
    words = re.findall(r"[a-z]+", t)
    has_month = any(w in _MONTHS for w in words)
    if not (_NUMERIC_DATE_RE.match(t) or has_month):
        return None
    # Only dates and their own words: dateparser would read "2024 soldiers" too.
    allowed = set(_MONTHS) | set(_WEEKDAYS) | set(_WEEKDAY_ABBR) | {"of", "the", "st", "nd",
                                                                    "rd", "th"}  # fmt: skip
    if any(w not in allowed for w in words):
        return None
    data = _parser().get_date_data(t)
    if data.date_obj is None:
        return None
    parsed = data.date_obj.date()
    precision: Precision = {"day": "day", "month": "month", "year": "year"}.get(
        data.period or "day", "day"
    )  # type: ignore[assignment]
    if _YEAR_STATED_RE.search(t) or precision == "year":
        if not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
            return None
        if precision == "month":
            return Normalized(f"{parsed:%Y-%m}", "month", False, "date", f"{parsed:%Y-%m}")
        if precision == "year":
            return _year(parsed.year)
        return _day(parsed, relative=False)
    day = parsed.day if precision == "day" else None
    return _resolve_month_day(None, parsed.month, day, base, tense)


@lru_cache(maxsize=1)
def _parser() -> Any:
    # Imported here: `cartelkb query` and friends must not pay for dateparser. One parser,
    # English only (language detection is slow and misreads short spans), absolute
    # formats only: relative expressions are resolved above against the article's date.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )


def _two_digit_year(yy: int, base: dt.date | None) -> int:
    reference = (base or dt.date.today()).year
    year = reference // 100 * 100 + yy
    return year if year <= reference + 10 else year - 100


def _year(year: int) -> Normalized:
    return Normalized(str(year), "year", False, "date", str(year))


def _day(day: dt.date, *, relative: bool) -> Normalized:
    return Normalized(day.isoformat(), "day", relative, "date", day.isoformat())


def _unresolved() -> Normalized:
    return Normalized(None, None, relative=True, kind="date", timex=None)


def _record(text: str, start: int, end: int, found: Normalized) -> DateRecord:
    return DateRecord(
        text=text,
        start=start,
        end=end,
        value=found.value,
        precision=found.precision,
        relative=found.relative,
        kind=found.kind,
    )


# --- spans in a Doc --------------------------------------------------------------------

_AGE_WORDS = {"age", "ages", "aged"}
_YEAR_RANGE_RE = re.compile(
    r"^(?P<a>\d{4})\s*(?:-|\u2013|\u2014|/|to|through)\s*(?P<b>\d{2}|\d{4})$"
)
_RANGE_RE = re.compile(
    r"^(?:between |from )?(?P<a>.+?)\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\band\b|\buntil\b"
    r"|\btill\b|\bor\b)\s*(?P<b>.+)$",
    re.I,
)
Part = tuple[int, int, Normalized | None]


def _entity_candidates(doc: Doc) -> Iterator[tuple[Span, list[Part]]]:
    """DATE/TIME entities, merged when adjacent, as (span, [(start, end, fixed reading)])."""
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    merged: list[Span] = []
    for ent in ents:
        if merged and merged[-1].end == ent.start and "\n" not in merged[-1][-1].whitespace_:
            merged[-1] = doc[merged[-1].start : ent.end]
        else:
            merged.append(ent)
    for span in merged:
        if _is_age(span) or _is_count(span):
            continue
        yield span, _parts(span)


def _is_age(span: Span) -> bool:
    doc = span.doc
    if span[0].lower_ in _AGE_WORDS:
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in _AGE_WORDS:
        return True
    if span[-1].lower_ in ("old", "-old") or span.text.lower().endswith("-old"):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lower_ == "old"


def _is_count(span: Span) -> bool:
    """A bare number counting a plural noun ("sent 2024 soldiers"): the NER's DATE guess.

    A determiner on the noun keeps the year reading ("the 2024 elections").
    """
    if len(span) != 1 or not span[0].like_num:
        return False
    token = span[0]
    head = token.head
    return (
        token.dep_ == "nummod"
        and head.tag_ in ("NNS", "NNPS")
        and head.lower_ not in _UNIT_FORMS
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )


def _parts(span: Span) -> list[Part]:
    """Split a span into the expressions it holds (ranges hold two)."""
    start, end = span.start_char, span.end_char
    text = span.text
    m = _YEAR_RANGE_RE.match(text)
    if m:
        first = int(m.group("a"))
        second_text = m.group("b")
        second = (
            int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        )
        if _MIN_YEAR <= first < second <= _MAX_YEAR:
            return [
                (start + m.start("a"), start + m.end("a"), _year(first)),
                (start + m.start("b"), start + m.end("b"), _year(second)),
            ]
    if normalize(text, None) is not None:
        return [(start, end, None)]
    m = _RANGE_RE.match(text)
    if m:
        a, b = m.group("a"), m.group("b")
        b_found = _parse_duration(_clean(b))
        a_ok = normalize(a, None) is not None
        if normalize(b, None) is not None and (a_ok or b_found):
            fixed: Normalized | None = None
            if not a_ok and b_found and _number(_clean(a)) is not None:
                # "between 12 and 18 months": the first number takes the second's unit.
                n = _number(_clean(a))
                value = _duration_value(n if isinstance(n, int) else None, b_found[1])
                fixed = Normalized(value, None, kind="duration", timex=value)
            elif not a_ok:
                return []
            return [
                (start + m.start("a"), start + m.end("a"), fixed),
                (start + m.start("b"), start + m.end("b"), None),
            ]
    if "," in text:
        # "40, eight years from now": the NER swallowed a number before the date.
        cut = text.index(",") + 1
        rest = text[cut:]
        offset = len(rest) - len(rest.lstrip())
        if rest.strip() and normalize(rest, None) is not None:
            return [(start + cut + offset, end, None)]
    return []


def _tense(span: Span) -> Tense | None:
    """Tense of the clause a date sits in, from its governing verb and auxiliaries.

    "was arrested in August" -> past; "will travel in May" -> future; "has been postponed
    until Saturday" -> future (present with "until": the end point is ahead). Present and
    present-perfect clauses say nothing.
    """
    token = span.root
    prep = token.head.lower_ if token.dep_ == "pobj" else None
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "wo", "shall"} or token.lower_ in ("will", "shall"):
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (
        token.dep_ == "xcomp" and token.head.lemma_ in ("go", "plan", "expect", "schedule")
    ):
        return "future"
    if (
        token.lemma_ in ("schedule", "plan", "slate", "set", "expect")
        and token.tag_ == "VBN"
        and not any(a.tag_ == "VBD" for a in auxes)
    ):
        return "future"  # "is scheduled for May"
    if words & {"would", "could", "might", "may", "should", "must"}:
        return None
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future" if prep in ("until", "till") else None
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if prep in ("until", "till"):
        return "future"
    return None


_VAGUE_PHRASES = [p for p in _VAGUE if p not in ("years ago", "decades ago", "long ago")]
_UNIT_PLURALS = [u + "s" for u in _UNITS] + ["centuries"]


_WINDOW = 3  # tokens a pattern may reach before or after its required word


@lru_cache(maxsize=4)
def _matchers(vocab: Any) -> tuple[Any, Any, Any]:
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    phrases = PhraseMatcher(vocab, attr="LOWER")
    phrases.add("VAGUE", [Doc(vocab, words=p.split()) for p in _VAGUE_PHRASES])
    tokens = Matcher(vocab)
    tokens.add(
        "VAGUE_UNITS",
        [[{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ["recent", "coming", "upcoming"]}},
          {"LOWER": {"IN": _UNIT_PLURALS}}]],
    )  # fmt: skip
    tokens.add("RECENT", [[{"LOWER": "recent", "POS": "ADJ"}]])
    # Sets the NER leaves out ("kills 200 Americans every day", "meets annually").
    recurring = [*_UNIT_FORMS, *_WEEKDAYS, *_PARTS_OF_DAY, *_SEASONS, "season"]
    tokens.add(
        "SET",
        [[{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": "other", "OP": "?"},
          {"LIKE_NUM": True, "OP": "?"}, {"LOWER": {"IN": recurring}}],
         [{"LOWER": {"IN": ["once", "twice"]}},
          {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}},
          {"LOWER": {"IN": list(_UNIT_FORMS)}}],
         [{"LOWER": {"IN": list(_SET_ADVERBS)}, "POS": "ADV"}]],
    )  # fmt: skip
    tokens.add(
        "TERM",
        [[{"LOWER": {"IN": ["his", "her", "their", "its", "the", "our"]}, "OP": "?"},
          {"LOWER": {"IN": ["previous", "first", "second", "third", "last", "current",
                            "final", "former", "next"]}},
          {"LOWER": {"IN": ["term", "tenure"]}}]],
    )  # fmt: skip
    # Every token pattern above has one of these words (and is at most four tokens long).
    anchor_words = {"recent", "coming", "upcoming", "every", "each", "once", "twice", "term",
                    "tenure", *_SET_ADVERBS}  # fmt: skip
    anchors = PhraseMatcher(vocab, attr="LOWER")
    anchors.add("ANCHOR", [Doc(vocab, words=[w]) for w in sorted(anchor_words)])
    return phrases, tokens, anchors


def _matched_spans(doc: Doc) -> list[Span]:
    """Vague adverbials and sets the NER does not tag ("recently" is an ADV to it)."""
    from spacy.util import filter_spans

    phrases, tokens, anchors = _matchers(doc.vocab)
    spans = [doc[s:e] for _, s, e in phrases(doc)]
    # The token patterns are short and each needs one of a few words: run them only on
    # windows around those words (found by a PhraseMatcher), not from every token.
    seen: set[tuple[int, int]] = set()
    for _, at, _ in anchors(doc):
        lo = max(at - _WINDOW, 0)
        for _, s, e in tokens(doc[lo : at + _WINDOW + 1]):
            if (lo + s, lo + e) not in seen:
                seen.add((lo + s, lo + e))
                spans.append(doc[lo + s : lo + e])
    return [span for span in filter_spans(spans) if _keep_vague(span)]


def _keep_vague(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    text = span.text.lower()
    if after is not None and after.text in ("-",) and not after.whitespace_:
        return False  # "now-defunct", "the past-due": part of a compound adjective
    if text == "soon" and (
        (before is not None and before.lower_ in ("as", "how", "too"))
        or (after is not None and after.lower_ in ("as", "after", "before", "thereafter"))
    ):
        return False  # "as soon as", "soon after": signals, not times
    if text in ("the past", "the future", "the present") and after is not None:
        if after.lower_ in ("of", "tense") or after.like_num:
            return False  # "the future of Mexico", "the past 12 months"
        if after.pos_ in ("ADJ", "NUM", "NOUN", "PROPN"):
            return False  # "the present government", "the past decade"
        if after.lower_ in _UNIT_FORMS or after.lower_ in ("few", "several", "couple"):
            return False
    if text in ("at the time", "at that time") and after is not None and after.lower_ == "of":
        return False
    if text == "recent":
        return after is not None and after.pos_ in ("NOUN", "PROPN")
    return not (text == "now" and before is not None and before.lower_ in ("from", "than"))
