"""The event and relation extractors' vocabulary: the entries of `lexicons/events.toml`.

Read once, when the package is imported. Add a word to the data file, not to the code.
"""

from __future__ import annotations

from cartelkb.lexicon import lexicon

_EVENTS = lexicon("events")

# event types and triggers
EVENT_TYPES: dict[str, str] = _EVENTS.mapping("event_types")
VERB_TRIGGERS: dict[str, str] = _EVENTS.mapping("verb_triggers")
NOUN_TRIGGERS: dict[str, str] = _EVENTS.mapping("noun_triggers")
TRANSFER_VERBS = _EVENTS.words("transfer_verbs")
TRANSFER_PARTICLES = _EVENTS.words("transfer_particles")
AS_DESIGNATION_VERBS = _EVENTS.words("as_designation_verbs")
DESIGNATION_LABELS = _EVENTS.words("designation_labels")
TERM_VERBS = _EVENTS.words("term_verbs")
LIGHT_VERBS: dict[str, str] = _EVENTS.mapping("light_verbs")
SUBJECT_PATIENT_VERBS = _EVENTS.words("subject_patient_verbs")
INANIMATE_AGENTS = _EVENTS.words("inanimate_agents")
LIGHT_NOUNS = _EVENTS.words("light_nouns")
POSSESSOR_PATIENT_TYPES = _EVENTS.words("possessor_patient_types")
PATIENT_PREPS = _EVENTS.words("patient_preps")
LOCATION_PREPS = _EVENTS.words("location_preps")
IRREALIS_HEADS = _EVENTS.words("irrealis_heads")
NEGATING_HEADS = _EVENTS.words("negating_heads")
PURPOSE_NOUNS = _EVENTS.words("purpose_nouns")

# quantities
TYPE_QUANTITIES: dict[str, frozenset[str]] = {
    k: frozenset(v.split(",")) for k, v in _EVENTS.mapping("type_quantities").items()
}
NUMBER_WORDS: dict[str, int] = _EVENTS.mapping("number_words")
NUMBER_SCALES: dict[str, int] = _EVENTS.mapping("number_scales")
CURRENCY_PREFIXES: dict[str, str] = _EVENTS.mapping("currency_prefixes")
CURRENCY_WORDS: dict[str, str] = _EVENTS.mapping("currency_words")
MASS_UNITS: dict[str, float] = {k: float(v) for k, v in _EVENTS.mapping("mass_units").items()}
PILL_NOUNS = _EVENTS.words("pill_nouns")
TERM_UNITS: dict[str, str] = _EVENTS.mapping("term_units")
LIFE_TERMS = _EVENTS.words("life_terms")
PERCENT_WORDS = _EVENTS.phrases("percent_words")
APPROXIMATORS = _EVENTS.phrases("approximators")
PEOPLE_NOUNS = _EVENTS.words("people_nouns")
TROOP_NOUNS = _EVENTS.words("troop_nouns")
EVENT_COUNT_TYPES = _EVENTS.words("event_count_types")

# relations
RELATION_NOUNS: dict[str, str] = _EVENTS.mapping("relation_nouns")
KINSHIP_NOUNS = _EVENTS.words("kinship_nouns")
POSITION_NOUNS = _EVENTS.words("position_nouns")
CRIMINAL_GROUP_WORDS = _EVENTS.words("criminal_group_words")
RELATION_HEDGES = _EVENTS.words("relation_hedges")


def _check() -> None:
    """Every type a trigger names is a declared event type (a typo fails at import)."""
    from cartelkb.lexicon import LexiconError

    for entry, table in (
        ("verb_triggers", VERB_TRIGGERS),
        ("noun_triggers", NOUN_TRIGGERS),
        ("type_quantities", TYPE_QUANTITIES),
    ):
        for word, value in table.items():
            name = value if isinstance(value, str) else word
            if name not in EVENT_TYPES:
                raise LexiconError(f"lexicons/events.toml: [{entry}] {word!r}: no type {name!r}")


_check()
