"""Result records of the read side: plain dataclasses, `to_dict` for JSON, constants."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session


Role = Literal["subject", "object", "source", "argument"]


# "argument": the entity is a further argument of the claim (to whom, where, ...)
ROLES: tuple[Role, ...] = ("subject", "object", "source", "argument")


# claim_arguments roles that repeat the claims columns; the others are further arguments
_CORE_ROLES = ("subject", "object")


# The names users see and search: not "derived" look-up keys (surnames, initials).
SHOWN_KINDS = ("surface", "curated")


DEFAULT_LIMIT = 20  # articles and claims per role on a card; 0 or None: all


def to_dict(view: Any) -> Any:
    """A result (dataclass, or list of them) as JSON-ready dicts."""
    if isinstance(view, list):
        return [dataclasses.asdict(v) for v in view]
    return dataclasses.asdict(view)


@dataclass
class ArticleRef:
    id: int
    title: str | None
    source_path: str
    published: str | None
    mentions: int
    outlet: str | None = None
    url: str | None = None


@dataclass
class ArgumentView:
    """A further argument of a claim (to whom, where, when, ...) with the entities it names."""

    role: str
    preposition: str | None
    text: str
    start: int
    end: int
    entity_ids: list[int] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


@dataclass
class ClaimView:
    id: int
    article_id: int
    role: Role | None
    subject: str | None
    subject_entity_id: int | None
    action: str
    action_text: str
    object: str | None
    object_entity_id: int | None
    source: str | None
    source_entity_id: int | None
    negated: bool
    negation_cue: str | None
    hedged: bool
    hedge_cue: str | None
    date: str | None
    sentence: str
    start: int
    end: int
    # Names of the linked entities and of the article, so the record stands on its own.
    subject_entity: str | None = None
    object_entity: str | None = None
    source_entity: str | None = None
    article_title: str | None = None
    article_published: str | None = None
    # Every entity a coordinated subject or object names ("Mexico and the United
    # States"), in order; empty when it names at most the one above.
    subject_entities: list[str] = field(default_factory=list)
    object_entities: list[str] = field(default_factory=list)
    arguments: list[ArgumentView] = field(default_factory=list)


@dataclass
class AliasView:
    alias: str
    kind: str
    rule: str
    evidence: str | None


@dataclass
class OfficeView:
    office: str
    country: str
    start: int
    end: int | None
    label: str  # "U.S. Secretary of State, 2009–2013"


@dataclass
class SanctionsAliasView:
    name: str
    kind: str  # aka | fka | nka | derived (not in the list: "El Mencho" from 'Mencho')


@dataclass
class SanctionsView:
    """An SDN entry the entity was matched to, with the rule and evidence of the match."""

    sdn_id: int
    sdn_name: str
    name: str
    type: str
    programs: list[str]
    title: str | None
    dob: list[str]
    pob: list[str]
    nationality: list[str]
    citizenship: list[str]
    gender: str | None
    ids: list[str]
    aliases: list[SanctionsAliasView]
    rule: str
    evidence: str
    source: str
    list_date: str | None


@dataclass
class LinkedView:
    """A "Linked To:" target of the entity's SDN entry, and its KB entity if any."""

    from_sdn_id: int
    name: str  # the target's listed name in reading order (as written when not listed)
    sdn_id: int | None
    type: str | None  # the target's class when listed (PERSON, ORG)
    entity_id: int | None
    entity_name: str | None


@dataclass
class QuantityView:
    kind: str
    text: str
    amount: float | None
    unit: str | None
    value: str | None
    approximate: str | None
    item: str | None


@dataclass
class EventView:
    """One typed event with its parties (as written, and the entities they name)."""

    id: int
    article_id: int
    claim_id: int | None
    type: str
    trigger: str
    agent: str | None
    agent_entity_id: int | None
    agent_entity: str | None
    patients: list[str]
    patient_entity_ids: list[int | None]
    patient_entities: list[str | None]
    location: str | None
    location_entity: str | None
    source: str | None
    date: str | None
    negated: bool
    negation_cue: str | None
    hedged: bool
    hedge_cue: str | None
    quantities: list[QuantityView]
    sentence: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    article_title: str | None = None
    article_published: str | None = None
    role: str | None = None  # on an entity card: agent or patient


@dataclass
class RelationEvidence:
    article_id: int
    claim_id: int | None
    rule: str
    hedged: bool
    negated: bool
    sentence: str
    start: int
    end: int


@dataclass
class RelationView:
    """A relation of an entity, the same statements from every article grouped.

    `direction` is "out" when the entity is the subject ("leader of CJNG"), "in" when it
    is the other party ("Ines Coronel Barreras, father-in-law of" this entity).
    """

    direction: Literal["out", "in"]
    type: str
    title: str | None
    other: str | None  # the other party: its entity name, else the words of the text
    other_entity_id: int | None
    article_count: int
    evidence: list[RelationEvidence]


@dataclass
class EntityCard:
    """Everything the knowledge base knows about one entity.

    `articles` and `claims` hold the newest `limit` of each (per role for claims);
    `article_count` and `claim_counts` are the full totals.
    """

    id: int
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mention_count: int
    article_count: int
    claim_counts: dict[str, int]
    articles: list[ArticleRef]
    claims: list[ClaimView]
    provenance: list[AliasView]
    truncated: bool = False
    # Knowledge about the entity from outside the articles (cartelkb.knowledge): the
    # offices of a known official, the SDN entries it was matched to, and the
    # organizations those entries are linked to.
    offices: list[OfficeView] = field(default_factory=list)
    sanctions: list[SanctionsView] = field(default_factory=list)
    linked_organizations: list[LinkedView] = field(default_factory=list)
    relations: list[RelationView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)
    event_count: int = 0


@dataclass
class LookupResult:
    query: str
    exact: bool
    entities: list[EntityCard] = field(default_factory=list)


@dataclass
class EntitySummary:
    id: int
    name: str
    type: str
    aliases: list[str]
    mention_count: int
    article_count: int
