"""Read side: name -> entity card (aliases, articles, claims), entity lists and claim search.

Core queries over store/schema.py's lightweight tables, and plain dataclasses for the
results: `cartelkb query` must start fast, so this module imports neither the ORM nor
pydantic models (nor, of course, spaCy or dateparser). Every function takes a Core
Connection or an ORM Session: both execute these statements.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, or_, select, union_all

from cartelkb.errors import NotFoundError
from cartelkb.knowledge import name_key
from cartelkb.store.schema import (
    articles,
    claim_arguments,
    claims,
    entities,
    entity_aliases,
    event_patients,
    event_quantities,
    events,
    mentions,
    relations,
)
from cartelkb.timespan import parse_filter

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


_SUBJECT, _OBJECT, _SOURCE = (
    entities.alias(f"{r}_entity") for r in ("subject", "object", "source")
)


def claims_select() -> Any:
    """Claims with their article's title and date and their linked entities' names."""
    return (
        select(
            claims.c.id,
            claims.c.article_id,
            claims.c.subject_text,
            claims.c.subject_entity_id,
            claims.c.action,
            claims.c.action_text,
            claims.c.object_text,
            claims.c.object_entity_id,
            claims.c.source_text,
            claims.c.source_entity_id,
            claims.c.negated,
            claims.c.negation_cue,
            claims.c.hedged,
            claims.c.hedge_cue,
            claims.c.date_value,
            claims.c.sentence,
            claims.c.start_char,
            claims.c.end_char,
            _SUBJECT.c.name.label("subject_entity"),
            _OBJECT.c.name.label("object_entity"),
            _SOURCE.c.name.label("source_entity"),
            articles.c.title.label("article_title"),
            articles.c.published.label("article_published"),
        )
        .select_from(claims)
        .join(articles, articles.c.id == claims.c.article_id)
        .outerjoin(_SUBJECT, _SUBJECT.c.id == claims.c.subject_entity_id)
        .outerjoin(_OBJECT, _OBJECT.c.id == claims.c.object_entity_id)
        .outerjoin(_SOURCE, _SOURCE.c.id == claims.c.source_entity_id)
    )


def claim_view(row: Any, role: Role | None = None) -> ClaimView:
    return ClaimView(
        id=row.id,
        article_id=row.article_id,
        role=role,
        subject=row.subject_text,
        subject_entity_id=row.subject_entity_id,
        action=row.action,
        action_text=row.action_text,
        object=row.object_text,
        object_entity_id=row.object_entity_id,
        source=row.source_text,
        source_entity_id=row.source_entity_id,
        negated=bool(row.negated),
        negation_cue=row.negation_cue,
        hedged=bool(row.hedged),
        hedge_cue=row.hedge_cue,
        date=row.date_value,
        sentence=row.sentence,
        start=row.start_char,
        end=row.end_char,
        subject_entity=row.subject_entity,
        object_entity=row.object_entity,
        source_entity=row.source_entity,
        article_title=row.article_title,
        article_published=row.article_published,
    )


def _with_arguments(db: Db, views: list[ClaimView]) -> list[ClaimView]:
    """Attach the claim_arguments rows of these claims: further arguments, and the
    entities of coordinated subjects and objects."""
    if not views:
        return views
    by_id = {v.id: v for v in views}
    rows = db.execute(
        select(
            claim_arguments.c.claim_id,
            claim_arguments.c.position,
            claim_arguments.c.role,
            claim_arguments.c.preposition,
            claim_arguments.c.text,
            claim_arguments.c.start_char,
            claim_arguments.c.end_char,
            claim_arguments.c.entity_id,
            entities.c.name,
        )
        .outerjoin(entities, entities.c.id == claim_arguments.c.entity_id)
        .where(claim_arguments.c.claim_id.in_(list(by_id)))
        .order_by(claim_arguments.c.claim_id, claim_arguments.c.position, claim_arguments.c.id)
    )
    core: dict[tuple[int, str], list[str]] = defaultdict(list)
    further: dict[tuple[int, int], ArgumentView] = {}
    for r in rows:
        if r.role in _CORE_ROLES:
            if r.name is not None:
                core[(r.claim_id, r.role)].append(r.name)
            continue
        view = further.get((r.claim_id, r.position))
        if view is None:
            view = ArgumentView(r.role, r.preposition, r.text, r.start_char, r.end_char)
            further[(r.claim_id, r.position)] = view
            by_id[r.claim_id].arguments.append(view)
        if r.entity_id is not None:
            view.entity_ids.append(r.entity_id)
            view.entities.append(r.name)
    for (claim_id, role), names in core.items():
        if len(names) > 1:
            setattr(by_id[claim_id], f"{role}_entities", names)
    return views


def _role_filter(role: Role, entity_ids: list[int]) -> Any:
    """Claims where one of these entities has this role (a coordinated member too)."""
    if role == "argument":
        return claims.c.id.in_(
            select(claim_arguments.c.claim_id).where(
                claim_arguments.c.entity_id.in_(entity_ids),
                claim_arguments.c.role.not_in(_CORE_ROLES),
            )
        )
    column = claims.c[f"{role}_entity_id"]
    if role not in _CORE_ROLES:
        return column.in_(entity_ids)
    members = select(claim_arguments.c.claim_id).where(
        claim_arguments.c.entity_id.in_(entity_ids), claim_arguments.c.role == role
    )
    return or_(column.in_(entity_ids), claims.c.id.in_(members))


_ENTITY_ID = re.compile(r"#?([0-9]+)")


def entity_id_of(name: str) -> int | None:
    """The entity id `name` addresses ("#41" or "41"), or None when it is not one."""
    found = _ENTITY_ID.fullmatch(name.strip())
    return int(found.group(1)) if found else None


def find_entity_ids(db: Db, name: str, *, by_id: bool = True) -> list[int]:
    """Ids of entities whose canonical name or a shown alias equals `name` (normalized).

    `#41` (or `41`, when entity 41 exists) is entity 41. A name known only as a derived
    key (a surname such as "Oseguera", initials) is the fall-back. Every look-up is an
    equality on an indexed key column.

    Args:
        by_id: read `#41` and `41` as ids (False for stored names, never ids).
    """
    entity_id = entity_id_of(name) if by_id else None
    if entity_id is not None:
        found = db.scalar(select(entities.c.id).where(entities.c.id == entity_id))
        if found is not None or name.strip().startswith("#"):
            return [] if found is None else [found]
    key = name_key(name)
    if not key:
        return []
    by_name = select(entities.c.id).where(entities.c.name_key == key)
    by_alias = select(entity_aliases.c.entity_id).where(
        entity_aliases.c.alias_key == key, entity_aliases.c.kind != "derived"
    )
    ids = set(db.scalars(union_all(by_name, by_alias)))
    if not ids:
        ids = set(
            db.scalars(select(entity_aliases.c.entity_id).where(entity_aliases.c.alias_key == key))
        )
    return sorted(ids)


def display_aliases(db: Db, entity_id: int, name: str, key: str) -> list[str]:
    """Names the entity was seen under (surface, curated), the canonical one excluded."""
    names: dict[str, None] = {}
    for alias, alias_key in db.execute(
        select(entity_aliases.c.alias, entity_aliases.c.alias_key)
        .where(entity_aliases.c.entity_id == entity_id, entity_aliases.c.kind.in_(SHOWN_KINDS))
        .order_by(entity_aliases.c.id)
    ):
        if alias_key != key and alias != name:
            names.setdefault(alias)
    return list(names)


def entity_card(db: Db, entity: Any, *, limit: int | None = DEFAULT_LIMIT) -> EntityCard:
    """Build the card of one entity (a row with id, name, name_key, type).

    Args:
        limit: newest articles, and newest claims per role, to include; None or 0: all.
    """
    limit = limit or None
    per_article = (
        select(mentions.c.article_id, func.count().label("n"))
        .where(mentions.c.entity_id == entity.id)
        .group_by(mentions.c.article_id)
        .subquery()
    )
    article_count, mention_count = db.execute(
        select(func.count(), func.coalesce(func.sum(per_article.c.n), 0))
    ).one()
    # Newest first (undated last, on both dialects), then by id: what is new comes first.
    rows = db.execute(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.source_path,
            articles.c.published,
            per_article.c.n,
            articles.c.outlet,
            articles.c.url,
        )
        .join(per_article, per_article.c.article_id == articles.c.id)
        .order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
        .limit(limit)
    ).all()
    refs = [
        ArticleRef(r.id, r.title, r.source_path, r.published, r.n, r.outlet, r.url) for r in rows
    ]
    roles = sorted(
        r
        for r in db.scalars(
            select(mentions.c.role)
            .where(mentions.c.entity_id == entity.id, mentions.c.role.is_not(None))
            .distinct()
        )
        if r
    )
    found: list[ClaimView] = []
    counts: dict[str, int] = {}
    for role in ROLES:
        where = _role_filter(role, [entity.id])
        counts[role] = db.scalar(select(func.count()).select_from(claims).where(where)) or 0
        if not counts[role]:
            continue
        found.extend(
            claim_view(row, role)
            for row in db.execute(
                claims_select()
                .where(where)
                .order_by(claims.c.article_id.desc(), claims.c.start_char, claims.c.id)
                .limit(limit)
            )
        )
    _with_arguments(db, found)
    sanctions = sanctions_of(db, entity.id) if entity.type in {"PERSON", "ORG"} else []
    provenance = [
        AliasView(r.alias, r.kind, r.rule, r.evidence)
        for r in db.execute(
            select(
                entity_aliases.c.alias,
                entity_aliases.c.kind,
                entity_aliases.c.rule,
                entity_aliases.c.evidence,
            )
            .where(entity_aliases.c.entity_id == entity.id)
            .order_by(entity_aliases.c.id)
        )
    ]
    entity_events, event_count = _entity_events(db, entity.id, limit)
    return EntityCard(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        aliases=display_aliases(db, entity.id, entity.name, entity.name_key),
        roles=roles,
        mention_count=int(mention_count),
        article_count=int(article_count),
        claim_counts=counts,
        articles=refs,
        claims=found,
        provenance=provenance,
        truncated=len(refs) < article_count
        or len(found) < sum(counts.values())
        or len(entity_events) < event_count,
        offices=offices_of(entity.name),
        sanctions=sanctions,
        linked_organizations=linked_organizations(db, sanctions),
        relations=entity_relations(db, entity.id),
        events=entity_events,
        event_count=event_count,
    )


def offices_of(name: str) -> list[OfficeView]:
    """The offices of the official `name` denotes (data/officials.tsv), oldest first."""
    from cartelkb.knowledge.officials import official_named

    official = official_named(name)
    if official is None:
        return []
    return [
        OfficeView(o.office, o.country, o.start, o.end, o.label)
        for o in sorted(official.offices, key=lambda o: o.start)
    ]


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("; ") if v]


def sanctions_of(db: Db, entity_id: int) -> list[SanctionsView]:
    """The SDN entries an entity was matched to (`sanctions.match_entities`)."""
    from cartelkb.store.schema import entity_sanctions, sanctions_aliases, sanctions_entries

    s = sanctions_entries
    rows = db.execute(
        select(s, entity_sanctions.c.rule, entity_sanctions.c.evidence)
        .join(entity_sanctions, entity_sanctions.c.sdn_id == s.c.sdn_id)
        .where(entity_sanctions.c.entity_id == entity_id)
        .order_by(s.c.sdn_id)
    ).all()
    if not rows:
        return []
    aliases: dict[int, list[SanctionsAliasView]] = defaultdict(list)
    for sdn_id, alias, kind in db.execute(
        select(sanctions_aliases.c.sdn_id, sanctions_aliases.c.alias, sanctions_aliases.c.kind)
        .where(sanctions_aliases.c.sdn_id.in_([r.sdn_id for r in rows]))
        .order_by(sanctions_aliases.c.id)
    ):
        aliases[sdn_id].append(SanctionsAliasView(alias, kind))
    return [
        SanctionsView(
            sdn_id=r.sdn_id,
            sdn_name=r.sdn_name,
            name=r.name,
            type=r.type,
            programs=_split(r.programs),
            title=r.title,
            dob=_split(r.dob),
            pob=_split(r.pob),
            nationality=_split(r.nationality),
            citizenship=_split(r.citizenship),
            gender=r.gender,
            ids=_split(r.ids),
            aliases=aliases[r.sdn_id],
            rule=r.rule,
            evidence=r.evidence,
            source=r.source,
            list_date=r.list_date,
        )
        for r in rows
    ]


def linked_organizations(db: Db, found: list[SanctionsView]) -> list[LinkedView]:
    """The "Linked To:" targets of the entries, each with the KB entity matched to it."""
    from cartelkb.store.schema import entity_sanctions, sanctions_entries, sanctions_links

    if not found:
        return []
    target = sanctions_entries.alias("target")
    rows = db.execute(
        select(
            sanctions_links.c.sdn_id,
            sanctions_links.c.target_name,
            sanctions_links.c.target_sdn_id,
            target.c.name.label("listed_name"),
            target.c.type.label("target_type"),
            entities.c.id.label("entity_id"),
            entities.c.name.label("entity_name"),
        )
        .outerjoin(target, target.c.sdn_id == sanctions_links.c.target_sdn_id)
        .outerjoin(entity_sanctions, entity_sanctions.c.sdn_id == sanctions_links.c.target_sdn_id)
        .outerjoin(entities, entities.c.id == entity_sanctions.c.entity_id)
        .where(sanctions_links.c.sdn_id.in_([f.sdn_id for f in found]))
        .order_by(sanctions_links.c.id, entities.c.id)
    ).all()
    return [
        LinkedView(
            from_sdn_id=r.sdn_id,
            name=r.listed_name or r.target_name,
            sdn_id=r.target_sdn_id,
            type=r.target_type,
            entity_id=r.entity_id,
            entity_name=r.entity_name,
        )
        for r in rows
    ]


def suggestions(db: Db, name: str, limit: int = 5) -> list[str]:
    """Names close to `name`, for a "did you mean" line.

    Candidates share the first letter of the normalized name (a range on the indexed
    key), so the cost does not grow with the whole vocabulary of the knowledge base.
    """
    key = name_key(name)
    if not key:
        return []
    bare = _without_article(key)
    # Aliases (every name an entity was seen or curated under, not only canonical ones)
    # starting like `name`, and nicknames that do after their article ("El Chapo" for
    # "Chapo"): ranges on the indexed key. Each suggestion names its entity.
    starts = {key[0], bare[0], *(f"{a} {bare[0]}" for a in NICKNAME_ARTICLES)}
    names = db.execute(
        select(entity_aliases.c.alias, entity_aliases.c.alias_key, entities.c.name)
        .join(entities, entities.c.id == entity_aliases.c.entity_id)
        .where(
            entity_aliases.c.kind != "derived",
            or_(*(_starting(entity_aliases.c.alias_key, s) for s in sorted(starts))),
        )
    ).all()
    scored: dict[str, float] = {}
    shown: dict[str, str] = {}
    for alias, alias_key, entity_name in names:
        ratio = max(
            difflib.SequenceMatcher(None, key, alias_key).ratio(),
            difflib.SequenceMatcher(None, bare, _without_article(alias_key)).ratio(),
        )
        label = alias if name_key(entity_name) == alias_key else f"{alias} ({entity_name})"
        if ratio >= 0.6 and ratio > scored.get(entity_name, 0.0):
            scored[entity_name], shown[entity_name] = ratio, label
    best = sorted(scored, key=lambda n: (-scored[n], n))[:limit]
    return [shown[n] for n in best]


# Articles of Spanish nicknames: "El Chapo", "La Tuta", "Los Chapitos".
NICKNAME_ARTICLES = ("el", "la", "los", "las")


def _starting(column: Any, prefix: str) -> Any:
    """`column` starts with `prefix`, as a range the column's index serves."""
    return (column >= prefix) & (column < prefix + "\U0010ffff")


def _without_article(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if first in NICKNAME_ARTICLES and rest else key


def _entity_rows(db: Db, ids: list[int]) -> list[Any]:
    if not ids:
        return []
    return list(
        db.execute(
            select(entities.c.id, entities.c.name, entities.c.name_key, entities.c.type)
            .where(entities.c.id.in_(ids))
            .order_by(entities.c.id)
        )
    )


def close_matches(db: Db, name: str, limit: int = 10) -> list[Any]:
    """Entities with a name containing every word of `name` (when no name equals it)."""
    words = name_key(name).split()
    if not words:
        return []
    stmt = (
        select(entity_aliases.c.entity_id)
        .where(*[entity_aliases.c.alias_key.contains(w, autoescape=True) for w in words])
        .distinct()
        .limit(limit)
    )
    return _entity_rows(db, list(db.scalars(stmt)))


def lookup(db: Db, name: str, *, limit: int | None = DEFAULT_LIMIT) -> LookupResult:
    """Find entities by name: exact (normalized) first, then close matches.

    Args:
        limit: articles and claims per role shown on each card (None or 0: all).

    Raises:
        NotFoundError: nothing matches; the message carries suggestions.
    """
    found = _entity_rows(db, find_entity_ids(db, name))
    exact = bool(found)
    if not found:
        found = close_matches(db, name)
    if not found:
        hint = suggestions(db, name)
        more = f"; did you mean: {', '.join(hint)}?" if hint else ""
        raise NotFoundError(f"no entity matches {name!r}{more}")
    return LookupResult(
        query=name, exact=exact, entities=[entity_card(db, e, limit=limit) for e in found]
    )


def list_entities(
    db: Db,
    *,
    type_: str | None = None,
    min_mentions: int = 1,
    name: str | None = None,
    limit: int | None = None,
) -> list[EntitySummary]:
    """Entities with their mention and article counts, most mentioned first."""
    counts = (
        select(
            mentions.c.entity_id.label("entity_id"),
            func.count(mentions.c.id).label("mentions"),
            func.count(func.distinct(mentions.c.article_id)).label("articles"),
        )
        .group_by(mentions.c.entity_id)
        .subquery()
    )
    n_mentions = func.coalesce(counts.c.mentions, 0)
    stmt = (
        select(
            entities.c.id,
            entities.c.name,
            entities.c.type,
            n_mentions.label("mentions"),
            func.coalesce(counts.c.articles, 0).label("articles"),
        )
        .outerjoin(counts, counts.c.entity_id == entities.c.id)
        .where(n_mentions >= min_mentions)
        .order_by(n_mentions.desc(), entities.c.name, entities.c.id)
    )
    if type_:
        types = ["GPE", "LOC"] if type_.upper() in {"GPE", "LOC"} else [type_.upper()]
        stmt = stmt.where(entities.c.type.in_(types))
    if name:
        key = name_key(name)
        if not key:  # only punctuation ("%", "_"): no name contains it
            return []
        # The canonical name or any name it goes by (`--name Chapo` finds Guzmán Loera).
        by_alias = select(entity_aliases.c.entity_id).where(
            entity_aliases.c.alias_key.contains(key, autoescape=True),
            entity_aliases.c.kind != "derived",
        )
        stmt = stmt.where(
            or_(entities.c.name_key.contains(key, autoescape=True), entities.c.id.in_(by_alias))
        )
    if limit:
        stmt = stmt.limit(limit)
    rows = db.execute(stmt).all()
    aliases_of: dict[int, list[str]] = defaultdict(list)
    ids = [r.id for r in rows]
    if ids:
        for entity_id, alias in db.execute(
            select(entity_aliases.c.entity_id, entity_aliases.c.alias)
            .where(entity_aliases.c.entity_id.in_(ids), entity_aliases.c.kind.in_(SHOWN_KINDS))
            .order_by(entity_aliases.c.id)
        ):
            aliases_of[entity_id].append(alias)
    return [
        EntitySummary(
            id=r.id,
            name=r.name,
            type=r.type,
            aliases=[a for a in dict.fromkeys(aliases_of[r.id]) if a != r.name],
            mention_count=r.mentions,
            article_count=r.articles,
        )
        for r in rows
    ]


def search_claims(
    db: Db,
    *,
    subject: str | None = None,
    object_: str | None = None,
    source: str | None = None,
    action: str | None = None,
    action_contains: str | None = None,
    location: str | None = None,
    recipient: str | None = None,
    article: int | None = None,
    sourced: bool | None = None,
    since: str | None = None,
    until: str | None = None,
    negated: bool | None = None,
    hedged: bool | None = None,
    limit: int | None = None,
) -> list[ClaimView]:
    """Claims filtered by party, action, article, source, date and flags.

    Args:
        subject, object_, source: a name (any alias of an entity) or words of the text;
            a member of a coordination counts ("Mexico" finds "the US and Mexico").
        action: the action lemma exactly ("reject", "plead guilty to"), any case.
        action_contains: words the action contains ("extradit").
        location, recipient: a further argument saying where ("Culiacán") or to whom,
            by name or words of its text.
        article: only claims of this article id.
        sourced: True: only claims attributed to someone (a speaker, a document); False:
            only claims in the article's own voice.
        since, until: the claim's date (else its article's) overlaps this period or a
            later / earlier one (YYYY, YYYY-MM or YYYY-MM-DD).
    """
    stmt = claims_select()

    def party(role: Role, value: str) -> Any:
        ids = find_entity_ids(db, value)
        # autoescape: "%" and "_" in the value are literal characters, not LIKE wildcards.
        text_match = claims.c[f"{role}_text"].icontains(value, autoescape=True)
        return or_(_role_filter(role, ids), text_match) if ids else text_match

    def further(role: str, value: str) -> Any:
        ids = find_entity_ids(db, value)
        match = claim_arguments.c.text.icontains(value, autoescape=True)
        if ids:
            match = or_(claim_arguments.c.entity_id.in_(ids), match)
        return claims.c.id.in_(
            select(claim_arguments.c.claim_id).where(claim_arguments.c.role == role, match)
        )

    parties: tuple[tuple[Role, str | None], ...] = (
        ("subject", subject),
        ("object", object_),
        ("source", source),
    )
    for role, value in parties:
        if value:
            stmt = stmt.where(party(role, value))
    for name, value in (("location", location), ("recipient", recipient)):
        if value:
            stmt = stmt.where(further(name, value))
    if action is not None:
        stmt = stmt.where(func.lower(claims.c.action) == " ".join(action.lower().split()))
    if action_contains:
        stmt = stmt.where(claims.c.action.icontains(action_contains, autoescape=True))
    if article is not None:
        stmt = stmt.where(claims.c.article_id == article)
    if sourced is not None:
        has = claims.c.source_text.is_not(None)
        stmt = stmt.where(has if sourced else ~has)
    # A claim's time is its own date, else its article's; each is the interval of days
    # its value covers, and a filter keeps the claims whose interval overlaps the one
    # named: --since 2024-06 keeps "summer 2024" and "2024", --until 2024 all of 2024.
    starts = func.coalesce(claims.c.date_start, articles.c.published_start)
    ends = func.coalesce(claims.c.date_end, articles.c.published_end)
    if since is not None:
        stmt = stmt.where(ends > parse_filter(since, "--since")[0])
    if until is not None:
        stmt = stmt.where(starts < parse_filter(until, "--until")[1])
    for flag, wanted in ((claims.c.negated, negated), (claims.c.hedged, hedged)):
        if wanted is not None:
            stmt = stmt.where(flag.is_(wanted))
    stmt = stmt.order_by(claims.c.article_id, claims.c.start_char, claims.c.id)
    if limit:
        stmt = stmt.limit(limit)
    return _with_arguments(db, [claim_view(row) for row in db.execute(stmt)])


@dataclass
class ArticleSummary:
    id: int
    published: str | None
    title: str | None
    outlet: str | None
    url: str | None
    source_path: str
    mentions: int
    entities: int
    dates: int
    claims: int


def list_articles(
    db: Db,
    *,
    title: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[ArticleSummary]:
    """Articles newest first (undated last), with how much was extracted from each.

    Args:
        title: words the title contains; outlet: words the outlet contains.
        since, until: the publication date overlaps this period or a later / earlier one.
    """
    from cartelkb.store.schema import dates

    def count(table: Any, what: Any, label: str) -> Any:
        return (
            select(table.c.article_id, func.count(what).label(label))
            .group_by(table.c.article_id)
            .subquery()
        )

    m = count(mentions, mentions.c.id, "n")
    e = count(mentions, mentions.c.entity_id.distinct(), "n")
    d = count(dates, dates.c.id, "n")
    c = count(claims, claims.c.id, "n")
    stmt = (
        select(
            articles.c.id,
            articles.c.published,
            articles.c.title,
            articles.c.outlet,
            articles.c.url,
            articles.c.source_path,
            func.coalesce(m.c.n, 0).label("mentions"),
            func.coalesce(e.c.n, 0).label("entities"),
            func.coalesce(d.c.n, 0).label("dates"),
            func.coalesce(c.c.n, 0).label("claims"),
        )
        .outerjoin(m, m.c.article_id == articles.c.id)
        .outerjoin(e, e.c.article_id == articles.c.id)
        .outerjoin(d, d.c.article_id == articles.c.id)
        .outerjoin(c, c.c.article_id == articles.c.id)
    )
    if title:
        stmt = stmt.where(articles.c.title.icontains(title, autoescape=True))
    if outlet:
        stmt = stmt.where(articles.c.outlet.icontains(outlet, autoescape=True))
    if since is not None:
        stmt = stmt.where(articles.c.published_end > parse_filter(since, "--since")[0])
    if until is not None:
        stmt = stmt.where(articles.c.published_start < parse_filter(until, "--until")[1])
    stmt = stmt.order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
    if limit:
        stmt = stmt.limit(limit)
    return [ArticleSummary(**row._mapping) for row in db.execute(stmt)]


@dataclass
class SearchHit:
    """A search match: an article (its title or text) or a claim (its sentence)."""

    kind: Literal["article", "claim"]
    article_id: int
    claim_id: int | None
    title: str | None
    published: str | None
    snippet: str
    rank: float


_FTS_TOKEN = re.compile(r'-?"[^"]*"|\S+')


def fts5_query(text: str) -> str:
    """A search in the usual web syntax as an FTS5 query: words (all must occur),
    "quoted phrases", OR between alternatives, -word to exclude, word* for a prefix.

    Every word is quoted, so punctuation ("U.S.", "Guzmán-López") is never FTS5 syntax.

    Raises:
        ConfigError: nothing to search for (only exclusions, or no words).
    """
    positive: list[str] = []
    negative: list[str] = []
    for token in _FTS_TOKEN.findall(text):
        negated = token.startswith("-") and len(token) > 1
        token = token[1:] if negated else token
        if token == "OR" and not negated:
            if positive and positive[-1] != "OR":
                positive.append("OR")
            continue
        prefix = token.endswith("*") and len(token.strip('"*')) > 0
        bare = token.strip('"').rstrip("*") if prefix else token.strip('"')
        if not bare.strip():
            continue
        term = '"' + bare.replace('"', '""') + '"' + ("*" if prefix else "")
        (negative if negated else positive).append(term)
    while positive and positive[-1] == "OR":
        positive.pop()
    if not positive:
        from cartelkb.errors import ConfigError

        raise ConfigError(f"nothing to search for in {text!r}: give at least one word")
    query = " ".join(positive)
    for term in negative:
        query = f"({query}) NOT {term}"
    return query


def search(
    db: Db, text: str, *, kinds: tuple[str, ...] = ("article", "claim"), limit: int = 20
) -> list[SearchHit]:
    """Full-text search over article titles and texts and claim sentences, best first.

    SQLite: FTS5 (`articles_fts`, `claims_fts`), ranked by bm25; PostgreSQL: to_tsvector
    indexes, ranked by ts_rank (websearch syntax on both; see `fts5_query`).
    """
    from sqlalchemy import text as sql

    dialect = db.get_bind().dialect.name if hasattr(db, "get_bind") else db.dialect.name
    hits: list[SearchHit] = []
    if dialect == "sqlite":
        query = fts5_query(text)
        statements = {
            "article": "SELECT a.id AS article_id, NULL AS claim_id, a.title, a.published, "
            "snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n",
            "claim": "SELECT c.article_id, c.id AS claim_id, a.title, a.published, c.start_char, "
            "snippet(claims_fts, 0, '[', ']', '…', 24) AS snippet, bm25(claims_fts) AS rank "
            "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
            "JOIN articles a ON a.id = c.article_id "
            "WHERE claims_fts MATCH :q ORDER BY rank LIMIT :n",
        }
        params: dict[str, Any] = {"q": query}
    else:
        fts5_query(text)  # the same refusal of an empty search
        doc = "to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text)"
        options = "'MaxWords=24, MinWords=8, StartSel=[, StopSel=]'"
        statements = {
            "article": "SELECT a.id AS article_id, NULL AS claim_id, a.title, a.published, "
            f"ts_headline('simple', a.text, q, {options}) AS snippet, "
            f"-ts_rank({doc}, q) AS rank FROM articles a, "
            "websearch_to_tsquery('simple', :q) q "
            f"WHERE {doc} @@ q ORDER BY rank, a.id LIMIT :n",
            "claim": "SELECT c.article_id, c.id AS claim_id, a.title, a.published, c.start_char, "
            f"ts_headline('simple', c.sentence, q, {options}) AS snippet, "
            "-ts_rank(to_tsvector('simple', c.sentence), q) AS rank "
            "FROM claims c JOIN articles a ON a.id = c.article_id, "
            "websearch_to_tsquery('simple', :q) q "
            "WHERE to_tsvector('simple', c.sentence) @@ q ORDER BY rank, c.id LIMIT :n",
        }
        params = {"q": text}
    for kind in kinds:
        # A sentence holding several claims is one hit (its first claim): ask for more
        # rows than shown and keep each sentence once.
        seen: set[tuple[int, int]] = set()
        found = 0
        for row in db.execute(sql(statements[kind]), {**params, "n": limit * 4}):
            if kind == "claim":
                sentence = (row.article_id, row.start_char)
                if sentence in seen:
                    continue
                seen.add(sentence)
            if found == limit:
                break
            found += 1
            hits.append(
                SearchHit(
                    kind=kind,  # type: ignore[arg-type]
                    article_id=row.article_id,
                    claim_id=row.claim_id,
                    title=row.title,
                    published=row.published,
                    snippet=" ".join(row.snippet.split()),
                    rank=round(float(row.rank), 4),
                )
            )
    return hits


# --- events and relations ---------------------------------------------------------------

_AGENT, _LOCATION = (entities.alias(f"{r}_entity") for r in ("agent", "location"))


def _events_select() -> Any:
    return (
        select(
            events,
            _AGENT.c.name.label("agent_entity"),
            _LOCATION.c.name.label("location_entity"),
            articles.c.title.label("article_title"),
            articles.c.published.label("article_published"),
        )
        .select_from(events)
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(_AGENT, _AGENT.c.id == events.c.agent_entity_id)
        .outerjoin(_LOCATION, _LOCATION.c.id == events.c.location_entity_id)
    )


def _event_views(db: Db, rows: list[Any], role_of: dict[int, str] | None = None) -> list[EventView]:
    """Events with their patients and quantities (two look-ups for all of them)."""
    ids = [r.id for r in rows]
    patients: dict[int, list[Any]] = defaultdict(list)
    amounts: dict[int, list[QuantityView]] = defaultdict(list)
    if ids:
        for p in db.execute(
            select(
                event_patients.c.event_id,
                event_patients.c.text,
                event_patients.c.entity_id,
                entities.c.name,
            )
            .outerjoin(entities, entities.c.id == event_patients.c.entity_id)
            .where(event_patients.c.event_id.in_(ids))
            .order_by(event_patients.c.event_id, event_patients.c.position)
        ):
            patients[p.event_id].append(p)
        for q in db.execute(
            select(event_quantities)
            .where(event_quantities.c.event_id.in_(ids))
            .order_by(event_quantities.c.event_id, event_quantities.c.start_char)
        ):
            amounts[q.event_id].append(
                QuantityView(q.kind, q.text, q.amount, q.unit, q.value, q.approximate, q.item)
            )
    return [
        EventView(
            id=r.id,
            article_id=r.article_id,
            claim_id=r.claim_id,
            type=r.type,
            trigger=r.trigger,
            agent=r.agent_text,
            agent_entity_id=r.agent_entity_id,
            agent_entity=r.agent_entity,
            patients=[p.text for p in patients[r.id]],
            patient_entity_ids=[p.entity_id for p in patients[r.id]],
            patient_entities=[p.name for p in patients[r.id]],
            location=r.location_text,
            location_entity=r.location_entity,
            source=r.source_text,
            date=r.date_value,
            negated=bool(r.negated),
            negation_cue=r.negation_cue,
            hedged=bool(r.hedged),
            hedge_cue=r.hedge_cue,
            quantities=amounts[r.id],
            sentence=r.sentence,
            start=r.start_char,
            end=r.end_char,
            trigger_start=r.trigger_start,
            trigger_end=r.trigger_end,
            article_title=r.article_title,
            article_published=r.article_published,
            role=(role_of or {}).get(r.id),
        )
        for r in rows
    ]


def _entity_events(db: Db, entity_id: int, limit: int | None) -> tuple[list[EventView], int]:
    """An entity's events as agent or patient, newest articles first, and their number."""
    as_patient = select(event_patients.c.event_id).where(event_patients.c.entity_id == entity_id)
    where = or_(events.c.agent_entity_id == entity_id, events.c.id.in_(as_patient))
    total = db.scalar(select(func.count()).select_from(events).where(where)) or 0
    if not total:
        return [], 0
    rows = list(
        db.execute(
            _events_select()
            .where(where)
            .order_by(events.c.article_id.desc(), events.c.trigger_start, events.c.id)
            .limit(limit)
        )
    )
    patient_of = set(db.scalars(as_patient))
    role_of = {r.id: "patient" if r.id in patient_of else "agent" for r in rows}
    return _event_views(db, rows, role_of), int(total)


def search_events(
    db: Db,
    *,
    type_: str | None = None,
    entity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_amount: float | None = None,
    currency: str = "USD",
    article: int | None = None,
    negated: bool | None = None,
    hedged: bool | None = None,
    limit: int | None = None,
) -> list[EventView]:
    """Events filtered by type, party, date, amount and flags, in text order.

    Args:
        type_: an event type (extradition, seizure, ...; see `lexicons/events.toml`).
        entity: a name (any alias) or words of the text, as the agent or a patient.
        since, until: the event's date (else its article's) overlaps this period or a
            later / earlier one (YYYY, YYYY-MM or YYYY-MM-DD), as for claims.
        min_amount: only events stating a sum of money of at least this much in
            `currency` (amounts are never converted between currencies).
    """
    stmt = _events_select()
    if type_:
        stmt = stmt.where(events.c.type == type_.strip().lower())
    if entity:
        ids = find_entity_ids(db, entity)
        patients = select(event_patients.c.event_id).where(
            event_patients.c.text.icontains(entity, autoescape=True)
        )
        conditions = [
            events.c.agent_text.icontains(entity, autoescape=True),
            events.c.id.in_(patients),
        ]
        if ids:
            conditions.append(events.c.agent_entity_id.in_(ids))
            conditions.append(
                events.c.id.in_(
                    select(event_patients.c.event_id).where(event_patients.c.entity_id.in_(ids))
                )
            )
        stmt = stmt.where(or_(*conditions))
    starts = func.coalesce(events.c.date_start, articles.c.published_start)
    ends = func.coalesce(events.c.date_end, articles.c.published_end)
    if since is not None:
        stmt = stmt.where(ends > parse_filter(since, "--since")[0])
    if until is not None:
        stmt = stmt.where(starts < parse_filter(until, "--until")[1])
    if min_amount is not None:
        stmt = stmt.where(
            events.c.id.in_(
                select(event_quantities.c.event_id).where(
                    event_quantities.c.kind == "money",
                    event_quantities.c.unit == currency.upper(),
                    event_quantities.c.amount >= min_amount,
                )
            )
        )
    if article is not None:
        stmt = stmt.where(events.c.article_id == article)
    for flag, wanted in ((events.c.negated, negated), (events.c.hedged, hedged)):
        if wanted is not None:
            stmt = stmt.where(flag.is_(wanted))
    stmt = stmt.order_by(events.c.article_id, events.c.trigger_start, events.c.id)
    if limit:
        stmt = stmt.limit(limit)
    return _event_views(db, list(db.execute(stmt)))


def entity_relations(db: Db, entity_id: int) -> list[RelationView]:
    """An entity's relations, each statement once with the articles that make it."""
    other = entities.alias("other_entity")
    groups: dict[tuple[Any, ...], RelationView] = {}
    seen_articles: dict[tuple[Any, ...], set[int]] = defaultdict(set)
    for direction, mine, theirs, their_text in (
        (
            "out",
            relations.c.subject_entity_id,
            relations.c.object_entity_id,
            relations.c.object_text,
        ),
        (
            "in",
            relations.c.object_entity_id,
            relations.c.subject_entity_id,
            relations.c.subject_text,
        ),
    ):
        rows = db.execute(
            select(relations, other.c.name.label("other_name"), their_text.label("their_text"))
            .outerjoin(other, other.c.id == theirs)
            .where(mine == entity_id)
            .order_by(relations.c.article_id, relations.c.start_char, relations.c.id)
        )
        for r in rows:
            other_id = r.object_entity_id if direction == "out" else r.subject_entity_id
            name = r.other_name or r.their_text
            key = (direction, r.type, (r.title or "").lower(), other_id or (name or "").lower())
            view = groups.get(key)
            if view is None:
                view = groups[key] = RelationView(
                    direction=direction,  # type: ignore[arg-type]
                    type=r.type,
                    title=r.title,
                    other=name,
                    other_entity_id=other_id,
                    article_count=0,
                    evidence=[],
                )
            view.evidence.append(
                RelationEvidence(
                    r.article_id, r.claim_id, r.rule, bool(r.hedged), bool(r.negated),
                    r.sentence, r.start_char, r.end_char,
                )
            )  # fmt: skip
            seen_articles[key].add(r.article_id)
            view.article_count = len(seen_articles[key])
    return sorted(groups.values(), key=lambda v: (v.direction != "out", -v.article_count, v.type))
