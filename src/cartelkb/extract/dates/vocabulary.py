"""The date lexicon (`data/lexicons/dates.toml`) as the typed tables the date rules read."""

from __future__ import annotations

from typing import Any

from cartelkb.lexicon import LexiconError, lexicon

_LEXICON = lexicon("dates")


def _units_of(key: str, units: dict[str, str], keys: set[str] | frozenset[str]) -> None:
    # The unit tables must agree: a typo in one would silently count a unit as 1.
    unknown = set(keys) - set(units)
    if unknown:
        raise LexiconError(
            f"lexicons/dates.toml: [{key}] names units not in [units]: {', '.join(sorted(unknown))}"
        )


# --- the calendar ------------------------------------------------------------------------

MONTHS: dict[str, int] = _LEXICON.mapping("months")
WEEKDAYS: dict[str, int] = _LEXICON.mapping("weekdays")
WEEKDAY_ABBREVIATIONS: dict[str, int] = _LEXICON.mapping("weekday_abbreviations")
SEASONS: dict[str, str] = _LEXICON.mapping("seasons")
SEASON_START_MONTHS: dict[str, int] = _LEXICON.mapping("season_start_months")
HOLIDAYS: dict[str, str] = _LEXICON.mapping("holidays")
PARTS_OF_DAY: dict[str, str] = _LEXICON.mapping("parts_of_day")
CLOCK_WORDS: dict[str, str] = _LEXICON.mapping("clock_words")
TIME_ZONES: tuple[str, ...] = _LEXICON.phrases("time_zones")
QUARTER_ORDINALS: dict[str, int] = _LEXICON.mapping("quarter_ordinals")
DECADE_WORDS: dict[str, int] = _LEXICON.mapping("decade_words")
ORDINALS: dict[str, int] = _LEXICON.mapping("ordinals")
DATEPARSER_WORDS: frozenset[str] = _LEXICON.words("dateparser_words")
DROPPED_QUALIFIERS: frozenset[str] = _LEXICON.words("dropped_qualifiers")
DROPPED_TRAILING_WORDS: tuple[str, ...] = _LEXICON.phrases("dropped_trailing_words")
DATELINE_LABELS: tuple[str, ...] = _LEXICON.phrases("dateline_labels")

# Regular-expression pieces for the names above; months longest first, so "sept" is
# tried before "sep".
MONTH_PATTERN = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_PATTERN = "(?:" + "|".join(WEEKDAYS) + ")"
WEEKDAY_PREFIX_PATTERN = "(?:(?:" + "|".join([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS]) + r")\.?,? )?"

# --- numbers and units -------------------------------------------------------------------

NUMBERS: dict[str, int] = _LEXICON.mapping("numbers")
VAGUE_QUANTITIES: frozenset[str] = frozenset(_LEXICON.phrases("vague_quantities"))

_designators: dict[str, str] = _LEXICON.mapping("units")
_clock_units = _LEXICON.words("clock_units")
_multiples: dict[str, int] = _LEXICON.mapping("unit_multiples")
_unknown: dict[str, str] = _LEXICON.mapping("unknown_count_designators")
_units_of("clock_units", _designators, _clock_units)
_units_of("unit_multiples", _designators, set(_multiples))
_units_of("unknown_count_designators", _designators, set(_unknown))

UNITS: dict[str, tuple[str, bool, int, str]] = {
    unit: (
        designator,
        unit in _clock_units,
        _multiples.get(unit, 1),
        _unknown.get(unit, designator),
    )
    for unit, designator in _designators.items()
}
"""unit -> (TIMEX designator, is a clock unit, multiplier, designator for "X" (unknown) counts)"""

UNIT_FORMS: dict[str, str] = {
    **{u: u for u in UNITS},
    **{u + "s": u for u in UNITS},
    **_LEXICON.mapping("irregular_unit_forms"),
}
"""Every spelling of a unit (singular, plural, abbreviation) -> the unit."""

# --- what surrounds an expression --------------------------------------------------------

PREPOSITIONS: frozenset[str] = _LEXICON.words("prepositions")
APPROXIMATORS: tuple[str, ...] = _LEXICON.phrases("approximators")
MODIFIERS: tuple[str, ...] = _LEXICON.phrases("modifiers")
DURATION_QUALIFIERS: frozenset[str] = _LEXICON.words("duration_qualifiers")
DURATION_TRAILING_WORDS: frozenset[str] = _LEXICON.words("duration_trailing_words")
PART_QUALIFIERS: frozenset[str] = _LEXICON.words("part_qualifiers")
DURATION_SUFFIXES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in _LEXICON.phrases("duration_suffixes")
)
AGE_WORDS: frozenset[str] = _LEXICON.words("age_words")

# --- relative expressions ----------------------------------------------------------------

RELATIVE_DAYS: dict[str, int] = _LEXICON.mapping("relative_days")
SHIFT_STEPS: dict[str, int] = _LEXICON.mapping("shift_steps")
ANAPHORIC_NEXT: frozenset[str] = _LEXICON.words("anaphoric_next")
ANAPHORIC_PREVIOUS: frozenset[str] = _LEXICON.words("anaphoric_previous")
ANAPHORIC_SAME: tuple[str, ...] = _LEXICON.phrases("anaphoric_same")
YEAR_COMPARISONS: frozenset[str] = frozenset(_LEXICON.phrases("year_comparisons"))

# --- vague expressions and sets ----------------------------------------------------------

VAGUE: dict[str, str | None] = {
    **_LEXICON.mapping("vague"),
    **{p: None for p in _LEXICON.phrases("vague_without_timex")},
}
"""Vague phrase -> TIMEX3 value, None where TimeML has no TIMEX3 for it."""
VAGUE_UNSEARCHED: tuple[str, ...] = _LEXICON.phrases("vague_unsearched")
VAGUE_PERIOD_ADJECTIVES: frozenset[str] = _LEXICON.words("vague_period_adjectives")
TERM_DETERMINERS: frozenset[str] = _LEXICON.words("term_determiners")
TERM_QUALIFIERS: frozenset[str] = _LEXICON.words("term_qualifiers")
TERM_NOUNS: frozenset[str] = _LEXICON.words("term_nouns")
SET_ADVERBS: dict[str, str] = _LEXICON.mapping("set_adverbs")
SET_INTENSIFIERS: frozenset[str] = _LEXICON.words("set_intensifiers")
SOON_SIGNAL_BEFORE: frozenset[str] = _LEXICON.words("soon_signal_before")
SOON_SIGNAL_AFTER: frozenset[str] = _LEXICON.words("soon_signal_after")

# --- tense of the clause -----------------------------------------------------------------

FUTURE_AUXILIARIES: frozenset[str] = _LEXICON.words("future_auxiliaries")
MODAL_AUXILIARIES: frozenset[str] = _LEXICON.words("modal_auxiliaries")
INTENTION_HEADS: frozenset[str] = _LEXICON.words("intention_heads")
SCHEDULING_PARTICIPLES: frozenset[str] = _LEXICON.words("scheduling_participles")
REPORTING_VERBS: frozenset[str] = _LEXICON.words("reporting_verbs")


def matcher_patterns(key: str) -> list[list[dict[str, Any]]]:
    """The spaCy Matcher patterns of entry `key` (`term_pattern`, `recent_pattern`)."""
    return _LEXICON.patterns(key)
