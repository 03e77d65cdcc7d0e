"""The word lists, mappings and cue words of the date rules, in one place."""

from __future__ import annotations

from typing import Any

# --- the calendar ------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3,
                         "thurs": 3, "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI"}  # fmt: skip
CLOCK_WORDS = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}
TIME_ZONES = ("gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt",
              "pst", "pdt", "et", "ct", "pt", "mt", "local time")  # fmt: skip
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4}  # fmt: skip
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty first": 21, "twenty second": 22,
}  # fmt: skip
DATEPARSER_WORDS = frozenset({"of", "the", "st", "nd", "rd", "th"})
DROPPED_QUALIFIERS = frozenset({"fiscal", "financial", "calendar"})
DATELINE_LABELS = ("published", "updated", "posted", "last updated")

# Regular-expression pieces for the names above; months longest first, so "sept" is
# tried before "sep".
MONTH_PATTERN = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_PATTERN = "(?:" + "|".join(WEEKDAYS) + ")"
WEEKDAY_PREFIX_PATTERN = "(?:(?:" + "|".join([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS]) + r")\.?,? )?"

# --- numbers and units -------------------------------------------------------------------

NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2, "a hundred": 100,
}  # fmt: skip
VAGUE_QUANTITIES = frozenset({"several", "few", "a few", "many", "some", "multiple", "numerous",
                              "a number of", "countless", "dozens of", "hundreds of",
                              "thousands of"})  # fmt: skip

# unit -> (TIMEX designator, is a clock unit, multiplier, designator for "X" (unknown) counts)
UNITS: dict[str, tuple[str, bool, int, str]] = {
    "second": ("S", True, 1, "S"), "minute": ("M", True, 1, "M"), "hour": ("H", True, 1, "H"),
    "day": ("D", False, 1, "D"), "night": ("D", False, 1, "D"), "week": ("W", False, 1, "W"),
    "fortnight": ("W", False, 2, "W"), "month": ("M", False, 1, "M"),
    "quarter": ("M", False, 3, "Q"), "year": ("Y", False, 1, "Y"),
    "decade": ("Y", False, 10, "DE"), "century": ("Y", False, 100, "CE"),
    "weekend": ("WE", False, 1, "WE"),
}  # fmt: skip
UNIT_FORMS = {
    **{u: u for u in UNITS}, **{u + "s": u for u in UNITS}, "centuries": "century",
    "yrs": "year", "yr": "year", "mins": "minute", "hrs": "hour", "secs": "second",
}  # fmt: skip

# --- what surrounds an expression --------------------------------------------------------

PREPOSITIONS = frozenset({
    "in", "on", "at", "during", "since", "by", "until", "till", "from", "for", "over",
    "throughout", "within", "before", "after", "of", "through", "into",
})  # fmt: skip
APPROXIMATORS = ("a little over", "a little more than", "a bit more than", "just over",
                 "just under", "well over", "more than", "less than", "fewer than",
                 "at least", "at most", "up to", "close to", "upwards of", "about", "around",
                 "approximately", "roughly", "nearly", "almost", "just", "only", "some",
                 "under", "circa", "ca.", "exactly", "precisely")  # fmt: skip
# Leading modifiers that narrow a period without changing its TIMEX3 value (TimeML's
# `mod` attribute: START, MID, END); "the first half of" keeps the year, as the KB's
# Precision has no halves.
MODIFIERS = ("the very beginning of", "the very end of", "the beginning of", "beginning of",
             "the start of", "start of", "the end of", "end of", "the middle of", "middle of",
             "the turn of", "the first half of", "the second half of", "the first part of",
             "the latter part of", "the early part of", "the last part of", "the rest of",
             "the remainder of", "the course of", "very early", "very late", "earlier",
             "later", "early", "late", "mid")  # fmt: skip
DURATION_QUALIFIERS = frozenset({
    "past", "last", "next", "coming", "following", "previous", "prior", "preceding",
    "ensuing", "subsequent", "recent", "mere", "full", "whole", "entire", "additional",
    "further", "extra", "more", "consecutive", "straight", "first", "final", "initial", "other",
})  # fmt: skip
DURATION_TRAILING_WORDS = frozenset({"consecutive", "straight", "full", "more", "long",
                                     "additional"})  # fmt: skip
PART_QUALIFIERS = frozenset({"first", "final", "initial"})
DURATION_SUFFIXES = (("in", "a", "row"), ("from", "now"), ("from", "today"), ("ago",),
                     ("earlier",), ("later",), ("before",), ("after",), ("prior",),
                     ("long",), ("straight",), ("running",), ("old",), ("hence",),
                     ("back",), ("on",))  # fmt: skip
AGE_WORDS = frozenset({"age", "ages", "aged"})

# --- relative expressions ----------------------------------------------------------------

RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}  # fmt: skip
SHIFT_STEPS = {"this": 0, "current": 0, "present": 0, "last": -1, "previous": -1,
               "this past": -1, "next": 1, "coming": 1, "this coming": 1}  # fmt: skip

# --- vague expressions and sets ----------------------------------------------------------

# Vague expressions: kept as records (value None) so the KB knows a claim is dated
# "recently" rather than undated; the TIMEX3 reference values follow the TimeML 1.2
# guidelines (PRESENT_REF / PAST_REF / FUTURE_REF), None where TimeML has no TIMEX3.
VAGUE: dict[str, str | None] = {
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
VAGUE_UNSEARCHED = ("years ago", "decades ago", "long ago")
VAGUE_PERIOD_ADJECTIVES = frozenset({"recent", "coming", "upcoming"})
TERM_DETERMINERS = frozenset({"his", "her", "their", "its", "the", "a", "our", "my", "your"})
TERM_QUALIFIERS = frozenset({"previous", "first", "second", "third", "fourth", "last",
                             "current", "final", "former", "next", "new", "own"})  # fmt: skip
TERM_NOUNS = frozenset({"term", "terms", "tenure"})
SET_ADVERBS = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W",
               "daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M",
               "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M"}  # fmt: skip
SOON_SIGNAL_BEFORE = frozenset({"as", "how", "too"})
SOON_SIGNAL_AFTER = frozenset({"as", "after", "before", "thereafter"})

# --- tense of the clause -----------------------------------------------------------------

FUTURE_AUXILIARIES = frozenset({"will", "'ll", "wo", "shall"})
MODAL_AUXILIARIES = frozenset({"would", "could", "might", "may", "should", "must"})
INTENTION_HEADS = frozenset({"go", "plan", "expect", "schedule"})
SCHEDULING_PARTICIPLES = frozenset({"schedule", "plan", "slate", "set", "expect"})

_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "term_pattern": [
        [{"LOWER": {"IN": ["his", "her", "their", "its", "the", "our"]}, "OP": "?"},
         {"LOWER": {"IN": ["previous", "first", "second", "third", "last", "current",
                           "final", "former", "next"]}},
         {"LOWER": {"IN": ["term", "tenure"]}}],
    ],
    "recent_pattern": [[{"LOWER": "recent", "POS": "ADJ"}]],
}  # fmt: skip


def matcher_patterns(key: str) -> list[list[dict[str, Any]]]:
    """The spaCy Matcher patterns of entry `key` (`term_pattern`, `recent_pattern`)."""
    return [[dict(tok) for tok in pattern] for pattern in _PATTERNS[key]]
