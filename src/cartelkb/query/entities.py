"""Entities: cards (aliases, roles, offices, sanctions, claims by role), lists, suggestions."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from cartelkb.errors import NotFoundError
from cartelkb.knowledge import name_key
from cartelkb.query.claims import _role_filter, _with_arguments, claim_view, claims_select
from cartelkb.query.events import _entity_events, entity_relations
from cartelkb.query.names import display_aliases, find_entity_ids
from cartelkb.query.views import (
    DEFAULT_LIMIT,
    ROLES,
    SHOWN_KINDS,
    AliasView,
    ArticleRef,
    ClaimView,
    EntityCard,
    EntitySummary,
    LinkedView,
    LookupResult,
    OfficeView,
    SanctionsAliasView,
    SanctionsView,
)
from cartelkb.store.schema import (
    articles,
    claims,
    entities,
    entity_aliases,
    mentions,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session


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


def did_you_mean(db: Db, name: str) -> str:
    """ "; did you mean: A, B?" for a message about `name`, or "" without suggestions."""
    hint = suggestions(db, name)
    return f"; did you mean: {', '.join(hint)}?" if hint else ""


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
        raise NotFoundError(f"no entity matches {name!r}{did_you_mean(db, name)}")
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


def unknown_names(db: Db, names: list[str | None]) -> list[str]:
    """A line for each given name no entity goes by, with suggestions (for a search that
    found nothing: the name may be misspelled)."""
    lines = []
    for name in names:
        if not name or find_entity_ids(db, name):
            continue
        lines.append(f"No entity is named {name!r}{did_you_mean(db, name)}")
    return lines
