"""Pydantic records that cross pipeline stages, and the JSON export built from them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PERSON", "ORG", "GPE", "LOC"]
"""The entity classes cartelkb stores (NORP demonyms are mapped to their country)."""

Precision = Literal["day", "month", "year", "decade", "century", "week", "season", "quarter"]
"""How much of a date the text states; never more than the text supports."""


DateKind = Literal["date", "time", "duration", "set", "vague"]

MetadataSource = Literal["text", "front matter", "page", "manifest", "option"]
"""Where an article's title, author, date, url and outlet come from, weakest first: read
off its text; the YAML front matter of a .txt/.md file; the page itself (the metadata of
an HTML page, the fields of a JSON article); a manifest row; a command-line option."""

ClaimForm = Literal["clause", "noun", "apposition", "title"]


class Record(BaseModel):
    """Base of all records: unknown fields are an error, so stages cannot drift apart."""

    model_config = ConfigDict(extra="forbid")


class RawArticle(Record):
    """A file read and cleaned: the body text that every character offset refers to."""

    source_path: str = Field(description="Path of the file as given to ingest.")
    sha256: str = Field(
        description="sha256 (hex) of the decoded text before furniture removal; the "
        "article's stable identity."
    )
    text: str = Field(description="Article text after page furniture was removed.")
    title: str | None = Field(None, description="Headline, when the first line is a title.")
    author: str | None = Field(None, description="Byline name, when present.")
    published: str | None = Field(None, description="Publication date (ISO) from a dateline.")
    published_precision: Precision | None = None
    url: str | None = Field(None, description="Where the article was published, when known.")
    outlet: str | None = Field(None, description="Publisher or issuing office, when known.")
    metadata_source: MetadataSource = Field(
        "text",
        description="Where title, author and date come from: read off the text, or stated "
        "outside it (front matter, the page's metadata or JSON fields, a manifest, an "
        "option), which wins over the text.",
    )
    encoding: str = Field("utf-8", description="Encoding the file was decoded with.")
    removed: list[str] = Field(
        default_factory=list, description="Furniture lines or phrases removed from the text."
    )
    warnings: list[str] = Field(default_factory=list, description="Non-fatal reading problems.")


class MentionRecord(Record):
    """A named person, organization or place in the text, with exact offsets."""

    text: str = Field(description="Surface form, exactly `article.text[start:end]`.")
    start: int
    end: int
    label: EntityType
    name: str = Field(description="The name with titles, articles and possessives removed.")
    role: str | None = Field(None, description="Title or role preceding the name (President).")
    canonical: str | None = Field(
        None, description="Canonical name from domain knowledge (U.S. -> United States)."
    )
    acronym: str | None = Field(None, description="Acronym defined next to this name (DEA).")
    alias_of: int | None = Field(
        None, description="Index of another mention this one is an alias of (nickname, aka)."
    )
    source: Literal["model", "knowledge", "demonym", "byline"] = "model"
    sent_start: int
    sent_end: int


class NameCandidateRecord(Record):
    """A run of proper nouns no mention covers: a name the NER may have missed.

    Stored, it is matched against the names the knowledge base holds, now and whenever a
    later ingest teaches it more (`cartelkb.resolve.known_names`).
    """

    text: str = Field(description="Surface form, exactly `article.text[start:end]`.")
    key: str = Field(description="`name_key(text)`: what entity names are matched on.")
    start: int
    end: int
    sent_start: int
    sent_end: int


class RefRecord(Record):
    """A named mention an argument refers to, by its offsets in the article text."""

    start: int
    end: int


class ArgRecord(Record):
    """A claim argument: a span of the sentence and, when it names one, the entity mention."""

    text: str = Field(description="Surface text, exactly `article.text[start:end]`.")
    start: int
    end: int
    ref_start: int | None = Field(
        None,
        description="Offsets of the named mention this argument refers to (may be an "
        "antecedent elsewhere in the article, for pronouns and descriptions).",
    )
    ref_end: int | None = None
    refs: list[RefRecord] = Field(
        default_factory=list,
        description="Every mention the argument refers to when it coordinates several "
        '("Mexico and the United States": both), the one of ref_start/ref_end first; '
        "empty when it refers to at most that one.",
    )


ARG_ROLES = ("recipient", "location", "time")
"""The named roles of a further argument; any other takes its preposition as role."""


class ClaimArgRecord(ArgRecord):
    """A further argument of a claim, beyond its subject and object."""

    role: str = Field(
        description="recipient (to whom: an indirect object, 'said to X'), location "
        "(where), time (when: a date expression of the clause), else the preposition of "
        "another prepositional argument ('against', 'from', 'on behalf of')."
    )
    preposition: str | None = Field(
        None,
        description="The preposition introducing it, lowercase ('to', 'from', 'on behalf "
        "of'); None for an indirect object or a bare time ('today').",
    )


class DateRecord(Record):
    """A date expression with its ISO value at the precision the text supports."""

    text: str
    start: int
    end: int
    value: str | None = Field(
        None,
        description="ISO value (2024-08-29, 2024-08, 2024, 202) or an ISO duration "
        "(P3Y) for durations and sets; None when vague or unresolvable.",
    )
    precision: Precision | None = None
    relative: bool = Field(False, description="Anchored to the article's date (last week).")
    kind: DateKind | None = Field(None, description="date, time, duration, set or vague.")


class ClaimRecord(Record):
    """Who did or said what to whom, according to whom: one clause of one sentence."""

    subject: ArgRecord | None = Field(None, description="Agent; None for an agentless passive.")
    action: str = Field(description="Lemmatized action phrase (reject, offer to send).")
    action_text: str = Field(description="The action words as written.")
    object: ArgRecord | None = None
    source: ArgRecord | None = Field(None, description="Who the claim is attributed to.")
    source_chain: list[ArgRecord] = Field(
        default_factory=list, description="Outer sources (an outlet reporting a speaker)."
    )
    negated: bool = False
    negation_cue: str | None = None
    hedged: bool = False
    hedge_cue: str | None = None
    date: str | None = Field(None, description="Value of a date expression in the clause.")
    sentence: str = Field(description="The sentence, exactly `article.text[start:end]`.")
    start: int
    end: int
    arguments: list[ClaimArgRecord] = Field(
        default_factory=list,
        description="Further arguments in text order: recipient, location, time and other "
        "prepositional arguments ('extradited from Mexico to the United States on Friday').",
    )
    form: ClaimForm = Field(
        "clause",
        description="How the text states it: a clause (a verb or a copula), an event noun "
        "('her rejection of ...'), an apposition ('Zambada, a co-founder of ...') or a title "
        "before a name ('Sinaloa Cartel leader Ismael Zambada').",
    )
    subject_recovered: bool = Field(
        False,
        description="The subject is not a dependent of the claim's own words: shared with "
        "a coordinated or governing clause ('X was arrested and confessed'), or repaired "
        "where the parse left the verb without one.",
    )


EventType = Literal[
    "designation",
    "extradition",
    "arrest",
    "charge",
    "plea",
    "conviction",
    "sentence",
    "sanction",
    "reward",
    "seizure",
    "deployment",
    "tariff",
    "killing",
    "attack",
]
"""The event types (described in `data/lexicons/events.toml`, [event_types])."""

QuantityKind = Literal["money", "drug", "pills", "people", "term", "rate"]

RelationType = Literal["leader_of", "member_of", "relative_of", "position", "associate_of"]


class QuantityRecord(Record):
    """An amount an event states, normalized: money in its currency, drugs in kg, pills,
    people, a prison term, a rate."""

    kind: QuantityKind
    text: str = Field(description="Surface form, exactly `article.text[start:end]`.")
    start: int
    end: int
    amount: float | None = Field(
        None,
        description='The number in `unit`: 5000000.0 for "$5 million", 1814.37 (kg) for '
        '"2 tons"; None for a life term.',
    )
    unit: str | None = Field(
        None,
        description="ISO 4217 code for money (USD, MXN: never converted), kg, pill, person, "
        "year/month/week/day for terms, percent for rates.",
    )
    value: str | None = Field(None, description='A term as an ISO 8601 duration (P25Y) or "life".')
    approximate: str | None = Field(
        None, description="The qualifier written before the amount (more than, up to)."
    )
    item: str | None = Field(None, description="What is counted or weighed (cocaine, goods).")


class EventRecord(Record):
    """A typed event (an extradition, a seizure, ...) read off a claim or an event noun."""

    type: EventType
    trigger: str = Field(description="The word naming the event, exactly `text[start:end]`.")
    trigger_lemma: str
    start: int
    end: int
    claim: int | None = Field(
        None,
        description="Index, in the article's claims, of the claim the event comes from (the "
        "claim of its verb, or the claim whose argument holds its noun).",
    )
    agent: ArgRecord | None = None
    patients: list[ArgRecord] = Field(default_factory=list)
    location: ArgRecord | None = None
    source: ArgRecord | None = Field(None, description="Who the event is attributed to.")
    date: str | None = Field(None, description="Value of the date of the event's clause.")
    negated: bool = False
    negation_cue: str | None = None
    hedged: bool = False
    hedge_cue: str | None = None
    quantities: list[QuantityRecord] = Field(default_factory=list)
    sentence: str = Field(description="The sentence, exactly `text[sentence_start:sentence_end]`.")
    sentence_start: int
    sentence_end: int


class RelationRecord(Record):
    """A relation between a person and a group or another person (leader of, son of, a
    position), read off a copula, an apposition, a possessive or a title."""

    type: RelationType
    subject: ArgRecord
    object: ArgRecord | None = Field(None, description="The other party; None for a bare title.")
    title: str | None = Field(
        None,
        description="The relational word: the kinship word (son), the title (Attorney "
        "General), the noun (business partner).",
    )
    rule: str = Field(description="The construction it was read from (copula, apposition, ...).")
    claim: int | None = Field(None, description="Index of the claim that states it, if any.")
    negated: bool = False
    hedged: bool = False
    hedge_cue: str | None = None
    sentence: str
    start: int
    end: int


class ArticleExtraction(Record):
    """Everything extracted from one article, ready for resolution and storage."""

    article: RawArticle
    mentions: list[MentionRecord] = Field(default_factory=list)
    dates: list[DateRecord] = Field(default_factory=list)
    claims: list[ClaimRecord] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)
    relations: list[RelationRecord] = Field(default_factory=list)
    name_candidates: list[NameCandidateRecord] = Field(default_factory=list)
    model: str


# --- export (the shape scripts and `cartelkb eval` rely on) ---------------------------


class ExportRef(Record):
    text: str
    entity_id: int | None = None
    start: int | None = None
    end: int | None = None


class ExportMention(Record):
    entity_id: int
    text: str
    label: EntityType
    start: int
    end: int
    role: str | None = None


class ExportDate(Record):
    text: str
    value: str | None
    precision: Precision | None
    start: int
    end: int
    relative: bool = False
    kind: DateKind | None = None


class ExportArgument(Record):
    """A further argument of a claim, with every entity it names."""

    role: str
    preposition: str | None = None
    text: str
    start: int
    end: int
    entity_ids: list[int] = Field(default_factory=list)


class ExportClaim(Record):
    id: int
    subject: ExportRef | None
    action: str
    action_text: str
    object: ExportRef | None
    source: ExportRef | None
    negated: bool
    negation_cue: str | None = None
    hedged: bool
    hedge_cue: str | None = None
    date: str | None
    sentence: str
    start: int
    end: int
    subject_entity_ids: list[int] = Field(
        default_factory=list, description="Every entity a coordinated subject names."
    )
    object_entity_ids: list[int] = Field(
        default_factory=list, description="Every entity a coordinated object names."
    )
    arguments: list[ExportArgument] = Field(default_factory=list)


class ExportArticle(Record):
    id: int
    source_path: str
    paths: list[str] = Field(default_factory=list)
    sha256: str
    title: str | None
    author: str | None
    published: str | None
    text: str
    model: str
    extractor_version: str
    mentions: list[ExportMention]
    dates: list[ExportDate]
    claims: list[ExportClaim]


class ExportEntity(Record):
    id: int
    name: str
    type: EntityType
    aliases: list[str]
    mention_count: int = 0
    article_count: int = 0


class Export(Record):
    """The whole knowledge base as one JSON document (`cartelkb export --format json`)."""

    cartelkb_version: str
    articles: list[ExportArticle]
    entities: list[ExportEntity]
