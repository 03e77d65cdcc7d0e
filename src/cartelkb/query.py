"""Read side: name -> entity card (aliases, articles, claims), entity lists and claim search."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from cartelkb.errors import NotFoundError
from cartelkb.knowledge import name_key
from cartelkb.store import repository as repo
from cartelkb.store.models import Article, Claim, Entity, EntityAlias, Mention


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleRef(_Out):
    id: int
    title: str | None
    source_path: str
    published: str | None
    mentions: int


class ClaimView(_Out):
    id: int
    article_id: int
    role: Literal["subject", "object", "source"] | None = None
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


class AliasView(_Out):
    alias: str
    kind: str
    rule: str
    evidence: str | None


class EntityCard(_Out):
    """Everything the knowledge base knows about one entity."""

    id: int
    name: str
    type: str
    aliases: list[str]
    roles: list[str] = Field(default_factory=list)
    mention_count: int
    article_count: int
    articles: list[ArticleRef]
    claims: list[ClaimView]
    provenance: list[AliasView]


class LookupResult(_Out):
    query: str
    exact: bool
    entities: list[EntityCard]


class EntitySummary(_Out):
    id: int
    name: str
    type: str
    aliases: list[str]
    mention_count: int
    article_count: int


def claim_view(claim: Claim, role: str | None = None) -> ClaimView:
    return ClaimView(
        id=claim.id,
        article_id=claim.article_id,
        role=role,  # type: ignore[arg-type]
        subject=claim.subject_text,
        subject_entity_id=claim.subject_entity_id,
        action=claim.action,
        action_text=claim.action_text,
        object=claim.object_text,
        object_entity_id=claim.object_entity_id,
        source=claim.source_text,
        source_entity_id=claim.source_entity_id,
        negated=claim.negated,
        negation_cue=claim.negation_cue,
        hedged=claim.hedged,
        hedge_cue=claim.hedge_cue,
        date=claim.date_value,
        sentence=claim.sentence,
        start=claim.start_char,
        end=claim.end_char,
    )


def display_aliases(session: Session, entity: Entity) -> list[str]:
    """Names the entity was seen under (surface, curated), canonical first excluded."""
    names: dict[str, str] = {}
    for alias, key in session.execute(
        select(EntityAlias.alias, EntityAlias.alias_key)
        .where(EntityAlias.entity_id == entity.id, EntityAlias.kind.in_(["surface", "curated"]))
        .order_by(EntityAlias.id)
    ):
        if key != entity.name_key and alias != entity.name:
            names.setdefault(alias, alias)
    return list(names)


def entity_card(session: Session, entity: Entity) -> EntityCard:
    """Build the card of one entity."""
    rows = session.execute(
        select(
            Article.id,
            Article.title,
            Article.source_path,
            Article.published,
            func.count(Mention.id),
        )
        .join(Mention, Mention.article_id == Article.id)
        .where(Mention.entity_id == entity.id)
        .group_by(Article.id)
        # Dated articles in order, then undated ones (explicit: the dialects differ on NULLs).
        .order_by(Article.published.asc().nulls_last(), Article.id)
    ).all()
    articles = [
        ArticleRef(id=r[0], title=r[1], source_path=r[2], published=r[3], mentions=r[4])
        for r in rows
    ]
    roles = sorted(
        {
            r
            for r in session.scalars(
                select(Mention.role).where(
                    Mention.entity_id == entity.id, Mention.role.is_not(None)
                )
            )
            if r
        }
    )
    claims: list[ClaimView] = []
    for role, column in (
        ("subject", Claim.subject_entity_id),
        ("object", Claim.object_entity_id),
        ("source", Claim.source_entity_id),
    ):
        for claim in session.scalars(
            select(Claim).where(column == entity.id).order_by(Claim.article_id, Claim.start_char)
        ):
            claims.append(claim_view(claim, role))
    provenance = [
        AliasView(alias=a.alias, kind=a.kind, rule=a.rule, evidence=a.evidence)
        for a in session.scalars(
            select(EntityAlias).where(EntityAlias.entity_id == entity.id).order_by(EntityAlias.id)
        )
    ]
    return EntityCard(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        aliases=display_aliases(session, entity),
        roles=roles,
        mention_count=sum(a.mentions for a in articles),
        article_count=len(articles),
        articles=articles,
        claims=claims,
        provenance=provenance,
    )


def suggestions(session: Session, name: str, limit: int = 5) -> list[str]:
    """Names close to `name`, for a "did you mean" line."""
    key = name_key(name)
    if not key:
        return []
    names = session.execute(
        select(EntityAlias.alias, EntityAlias.alias_key).where(EntityAlias.kind != "derived")
    ).all()
    by_key = {k: a for a, k in names}
    close = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.6)
    return [by_key[k] for k in close]


def close_matches(session: Session, name: str, limit: int = 10) -> list[Entity]:
    """Entities with a name containing every word of `name` (when no name equals it)."""
    words = name_key(name).split()
    if not words:
        return []
    stmt = (
        select(EntityAlias.entity_id)
        .where(*[EntityAlias.alias_key.contains(w, autoescape=True) for w in words])
        .distinct()
        .limit(limit)
    )
    ids = list(session.scalars(stmt))
    if not ids:
        return []
    return list(session.scalars(select(Entity).where(Entity.id.in_(ids)).order_by(Entity.id)))


def lookup(session: Session, name: str) -> LookupResult:
    """Find entities by name: exact (normalized) first, then close matches.

    Raises:
        NotFoundError: nothing matches; the message carries suggestions.
    """
    entities = repo.find_entities(session, name)
    exact = bool(entities)
    if not entities:
        entities = close_matches(session, name)
    if not entities:
        hint = suggestions(session, name)
        more = f"; did you mean: {', '.join(hint)}?" if hint else ""
        raise NotFoundError(f"no entity matches {name!r}{more}")
    return LookupResult(
        query=name, exact=exact, entities=[entity_card(session, e) for e in entities]
    )


def list_entities(
    session: Session,
    *,
    type_: str | None = None,
    min_mentions: int = 1,
    name: str | None = None,
    limit: int | None = None,
) -> list[EntitySummary]:
    """Entities with their mention and article counts, most mentioned first."""
    counts = (
        select(
            Mention.entity_id.label("entity_id"),
            func.count(Mention.id).label("mentions"),
            func.count(func.distinct(Mention.article_id)).label("articles"),
        )
        .group_by(Mention.entity_id)
        .subquery()
    )
    stmt = (
        select(Entity, func.coalesce(counts.c.mentions, 0), func.coalesce(counts.c.articles, 0))
        .outerjoin(counts, counts.c.entity_id == Entity.id)
        .where(func.coalesce(counts.c.mentions, 0) >= min_mentions)
        .order_by(func.coalesce(counts.c.mentions, 0).desc(), Entity.name)
    )
    if type_:
        types = ["GPE", "LOC"] if type_.upper() in {"GPE", "LOC"} else [type_.upper()]
        stmt = stmt.where(Entity.type.in_(types))
    if name:
        key = name_key(name)
        if not key:  # only punctuation ("%", "_"): no name contains it
            return []
        stmt = stmt.where(Entity.name_key.contains(key, autoescape=True))
    if limit:
        stmt = stmt.limit(limit)
    aliases_of: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(stmt).all()
    ids = [r[0].id for r in rows]
    if ids:
        for entity_id, alias in session.execute(
            select(EntityAlias.entity_id, EntityAlias.alias)
            .where(EntityAlias.entity_id.in_(ids), EntityAlias.kind.in_(["surface", "curated"]))
            .order_by(EntityAlias.id)
        ):
            aliases_of[entity_id].append(alias)
    out = []
    for entity, mentions, articles in rows:
        seen = [a for a in dict.fromkeys(aliases_of[entity.id]) if a != entity.name]
        out.append(
            EntitySummary(
                id=entity.id,
                name=entity.name,
                type=entity.type,
                aliases=seen,
                mention_count=mentions,
                article_count=articles,
            )
        )
    return out


def search_claims(
    session: Session,
    *,
    subject: str | None = None,
    object_: str | None = None,
    source: str | None = None,
    action: str | None = None,
    since: str | None = None,
    until: str | None = None,
    negated: bool | None = None,
    hedged: bool | None = None,
    limit: int | None = None,
) -> list[ClaimView]:
    """Claims filtered by party, action, date and flags (names match entities or text)."""
    stmt = select(Claim).join(Article, Article.id == Claim.article_id)

    def party(column_id, column_text, value: str):  # type: ignore[no-untyped-def]
        ids = [e.id for e in repo.find_entities(session, value)]
        # autoescape: "%" and "_" in the value are literal characters, not LIKE wildcards.
        text_match = column_text.icontains(value, autoescape=True)
        return or_(column_id.in_(ids), text_match) if ids else text_match

    if subject:
        stmt = stmt.where(party(Claim.subject_entity_id, Claim.subject_text, subject))
    if object_:
        stmt = stmt.where(party(Claim.object_entity_id, Claim.object_text, object_))
    if source:
        stmt = stmt.where(party(Claim.source_entity_id, Claim.source_text, source))
    if action:
        stmt = stmt.where(Claim.action.icontains(action, autoescape=True))
    when = func.coalesce(Claim.date_value, Article.published)
    if since:
        stmt = stmt.where(when >= since)
    if until:
        # "2024" must include 2024-12-31: compare on the stated prefix.
        stmt = stmt.where(func.substr(when, 1, len(until)) <= until)
    if negated is not None:
        stmt = stmt.where(Claim.negated.is_(negated))
    if hedged is not None:
        stmt = stmt.where(Claim.hedged.is_(hedged))
    stmt = stmt.order_by(Claim.article_id, Claim.start_char)
    if limit:
        stmt = stmt.limit(limit)
    return [claim_view(c) for c in session.scalars(stmt)]


def entity_names(session: Session, ids: set[int]) -> dict[int, str]:
    """id -> canonical name, for rendering claim parties."""
    if not ids:
        return {}
    other = aliased(Entity)
    return dict(session.execute(select(other.id, other.name).where(other.id.in_(ids))).all())
