"""The claim extractor's vocabulary: the lexicon entries it reads, as named sets and maps.

The words themselves live in `cartelkb/data/lexicons/`: `claims.toml` (clauses: chains,
voice, objects, event nouns), `attribution.toml` (reporting verbs, statements,
quotation marks), `modality.toml` (hedges and negations) and `reference.toml`
(pronouns, descriptions, group nouns), each entry with a line saying what it is for.
They are read once, when the package is imported; the sets built from two entries are
made here. Add a word to the data file, not to the code.
"""

from __future__ import annotations

from cartelkb.lexicon import lexicon

_CLAUSES = lexicon("claims")
_ATTRIBUTION = lexicon("attribution")
_MODALITY = lexicon("modality")
_REFERENCE = lexicon("reference")

# clauses: actions, chains, voice, objects
RELATIONAL_NOUNS = _CLAUSES.words("relational_nouns")
PARTITIVE_NOUNS = _CLAUSES.words("partitive_nouns")
GERUND_CHAIN = _CLAUSES.words("gerund_chain")
BARE_INFINITIVE_CHAIN = _CLAUSES.words("bare_infinitive_chain")
COMITATIVE_PREPS = _CLAUSES.words("comitative_preps")
MEANS_PREPS = _CLAUSES.words("means_preps")
RESULT_VERBS: dict[str, str] = _CLAUSES.mapping("result_verbs")
FRONTLINE_NOUNS = _CLAUSES.words("frontline_nouns")
CREDIT_VERBS = _CLAUSES.words("credit_verbs")
COURTESY_VERBS = _CLAUSES.words("courtesy_verbs")
INSTRUMENT_VERBS = _CLAUSES.words("instrument_verbs")
OBJECT_CONTROL_VERBS = _CLAUSES.words("object_control_verbs")
GATHERING_VERBS = _CLAUSES.words("gathering_verbs")
LEMMA_SPELLING: dict[str, str] = _CLAUSES.mapping("lemma_spelling")
OPPORTUNITY_NOUNS = _CLAUSES.words("opportunity_nouns")
RAISING_PASSIVE: dict[str, bool] = _CLAUSES.mapping("raising_passive")
RAISING_ADJ: dict[str, bool] = _CLAUSES.mapping("raising_adjectives")
EMOTIVE_FACTIVE_ADJ = _CLAUSES.words("emotive_factive_adjectives")
STATIVE_PARTICIPLES = _CLAUSES.words("stative_participles")
FACTIVE_ADJECTIVES = _CLAUSES.words("factive_adjectives")
LIGHT_VERBS = _CLAUSES.words("light_verbs")
APPROXIMATORS = _CLAUSES.words("approximators")
OBJECT_PREPS = _CLAUSES.words("object_preps")
SUBJECT_SHARING_PREPS = _CLAUSES.words("subject_sharing_preps")
SUBJECT_SHARING_PHRASES = _CLAUSES.words("subject_sharing_phrases")
AFFILIATION_PREPS = _CLAUSES.words("affiliation_preps")
PREPOSITION_LIKE = _CLAUSES.words("preposition_like")
ADJUNCT_PREPS = _CLAUSES.words("adjunct_preps")
NOMINALIZATIONS: dict[str, str] = _CLAUSES.mapping("nominalizations")
INFINITIVE_NOUNS = _CLAUSES.words("infinitive_nouns")
INQUIRY_NOUNS = _CLAUSES.words("inquiry_nouns")
JOINT_NOMINALS = _CLAUSES.words("joint_nominals")
PATIENT_NOMINALS = _CLAUSES.words("patient_nominals")
INTRANSITIVE_NOMINALS: dict[str, str] = _CLAUSES.mapping("intransitive_nominals")
# event nouns -> the prepositions other than "of" that carry their object
NOMINAL_OBJECT_PREPS: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split())
    for noun, preps in _CLAUSES.mapping("nominal_object_preps").items()
}

# further arguments: where, to whom, and prepositions of more than one word
LOCATIVE_PREPS = _CLAUSES.words("locative_preps")
LOCATIVE_VERBS = _CLAUSES.words("locative_verbs")
PLACE_NOUNS = _CLAUSES.words("place_nouns")
COMPLEX_PREPOSITIONS = frozenset(_CLAUSES.phrases("complex_prepositions"))
ADDRESSEE_VERBS = _CLAUSES.words("addressee_verbs")
ADVERBIAL_PHRASES = frozenset(_CLAUSES.phrases("adverbial_phrases"))
HEADLINE_PARTICIPLES: dict[str, str] = _CLAUSES.mapping("headline_participles")
HEADLINE_PRESENT: dict[str, str] = _CLAUSES.mapping("headline_present")
HEADLINE_VERBS = frozenset(HEADLINE_PARTICIPLES) | frozenset(HEADLINE_PRESENT)
ADJECTIVAL_PARTICIPLES: dict[str, str] = _CLAUSES.mapping("adjectival_participles")
AGENTIVE_NOUNS: dict[str, str] = _CLAUSES.mapping("agentive_nouns")
PREDICATE_NOUNS: dict[str, str] = _CLAUSES.mapping("predicate_nouns")
SUPPORT_VERBS = _CLAUSES.words("support_verbs")

# attribution: reporting verbs, statements, quotation marks
SPEECH_VERBS = _ATTRIBUTION.words("speech_verbs")
# a sentence-final participle of speech or evaluation belongs to the main clause's speaker
EVALUATION_PARTICIPLES = _ATTRIBUTION.words("evaluation_participles")
PARTICIPLE_SPEECH = SPEECH_VERBS | EVALUATION_PARTICIPLES
HEDGING_SPEECH = _ATTRIBUTION.words("hedging_speech")
NEGATING_SPEECH = _ATTRIBUTION.words("negating_speech")
REPORT_NOUNS = _ATTRIBUTION.words("report_nouns")
STATEMENT_NOUNS = _ATTRIBUTION.words("statement_nouns")
QUOTE_PAIRS: dict[str, str] = _ATTRIBUTION.mapping("quote_pairs")
TITLE_OFFICES: dict[str, str] = _ATTRIBUTION.mapping("title_offices")
VOICE_NOUNS = _ATTRIBUTION.words("voice_nouns")
VOICE_VERBS = _ATTRIBUTION.words("voice_verbs")
TRANSCRIPT_LABELS = _ATTRIBUTION.words("transcript_labels")

# modality: hedges and negations
HEDGE_MODALS = _MODALITY.words("hedge_modals")
HEDGE_ADVERBS = _MODALITY.words("hedge_adverbs")
HEDGE_NOMINAL_AMODS = _MODALITY.words("hedge_nominal_amods")
HEDGING_CHAIN = _MODALITY.words("hedging_chain")
CONDITIONAL_MARKS = _MODALITY.words("conditional_marks")
MODAL_NOUNS = _MODALITY.words("modal_nouns")
NONFACTIVE_VERBS = _MODALITY.words("nonfactive_verbs")
NEGATION_EXCEPTIONS = _MODALITY.words("negation_exceptions")
UNTIL_WORDS = _MODALITY.words("until_words")
DURATIVE_VERBS = _MODALITY.words("durative_verbs")
ALLEGATION_NOUNS = _MODALITY.words("allegation_nouns")
INABILITY_MODALS = _MODALITY.words("inability_modals")
NEGATIVE_DETERMINERS = _MODALITY.words("negative_determiners")
NEGATIVE_PRONOUNS = _MODALITY.words("negative_pronouns")

# reference: pronouns, descriptions, group nouns
PERSON_PRONOUNS = _REFERENCE.words("person_pronouns")
PLURAL_PRONOUNS = _REFERENCE.words("plural_pronouns")
IT_PRONOUNS = _REFERENCE.words("it_pronouns")
ANIMATE_NOUNS = _REFERENCE.words("animate_nouns")
PLURAL_DETERMINERS = _REFERENCE.words("plural_determiners")
SINGULAR_NUMERALS = _REFERENCE.words("singular_numerals")
EMPTY_SUBJECTS = _REFERENCE.words("empty_subjects")
DEMONSTRATIVES = _REFERENCE.words("demonstratives")
PLURAL_DEMONSTRATIVES = _REFERENCE.words("plural_demonstratives")
RELATIVE_PRONOUNS = _REFERENCE.words("relative_pronouns")
PAIR_NOUNS = _REFERENCE.words("pair_nouns")
PAIR_DETERMINERS = _REFERENCE.words("pair_determiners")
ROLE_NOUNS = _REFERENCE.words("role_nouns")
ORG_NOUNS: dict[str, str] = _REFERENCE.mapping("org_nouns")
COUNTRY_NOUNS = _REFERENCE.words("country_nouns")
EXAMPLE_PREPS = _REFERENCE.words("example_preps")
FIRST_PERSON_SINGULAR = _REFERENCE.words("first_person_singular")
FIRST_PERSON_PLURAL = _REFERENCE.words("first_person_plural")
FIRST_PERSON = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL
MEMBER_NOUNS = _REFERENCE.words("member_nouns")
# the pronouns an antecedent is looked for
REFERRING_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | IT_PRONOUNS
# words that make their phrase plural ("they", "those extradited")
PLURAL_WORDS = PLURAL_PRONOUNS | PLURAL_DETERMINERS
# empty subjects that are never an antecedent ("it" may be one)
EMPTY_NON_IT = EMPTY_SUBJECTS - IT_PRONOUNS
# nouns of people and groups, with roles and relations: a "they" may take their plural
PEOPLE_NOUNS = ANIMATE_NOUNS | ROLE_NOUNS | RELATIONAL_NOUNS
# Nouns for a person defined by another person or a group: a name inside their phrase
# is the other party, never the person meant. ("head" is among them: it is a relational
# noun. The list was once written `RELATIONAL_NOUNS | ROLE_NOUNS - {"head"}`, whose
# difference bound to ROLE_NOUNS alone and so removed nothing.)
PERSON_OF_NOUNS = RELATIONAL_NOUNS | ROLE_NOUNS
