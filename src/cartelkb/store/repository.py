"""Upserts and look-ups on the knowledge base; takes a session, never commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from cartelkb.knowledge import name_key
from cartelkb.records import ArgRecord, ArticleExtraction, MentionRecord
from cartelkb.resolve import COMPATIBLE, Alias, Cluster, person_partial_keys
from cartelkb.store.models import (
    Article,
    ArticlePath,
    Claim,
    Curation,
    DateExpression,
    Entity,
    EntityAlias,
    Mention,
)

WRITE_LOCK_ID = 7_214_402  # arbitrary constant for PostgreSQL's advisory lock


def lock_for_write(session: Session) -> None:
    """Serialize knowledge-base writers so two processes never create one entity twice.

    SQLite already holds its write lock from `BEGIN IMMEDIATE` (see db.make_engine);
    PostgreSQL takes a transaction-scoped advisory lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": WRITE_LOCK_ID})


# --- articles ---------------------------------------------------------------------------


def article_by_sha(session: Session, sha256: str) -> Article | None:
    return session.scalar(select(Article).where(Article.sha256 == sha256))


def article_by_path(session: Session, path: str) -> Article | None:
    return session.scalar(select(Article).join(ArticlePath).where(ArticlePath.path == path))


def add_path(session: Session, article: Article, path: str) -> bool:
    """Record another path for an article; returns True when the path was new."""
    existing = session.scalar(select(ArticlePath).where(ArticlePath.path == path))
    if existing is not None:
        if existing.article_id == article.id:
            return False
        # The path now holds this content: move it from the article it named before.
        old_id = existing.article_id
        existing.article_id = article.id
        session.flush()
        _drop_if_pathless(session, old_id)
        return True
    session.add(ArticlePath(article_id=article.id, path=path))
    session.flush()
    return True


def _drop_if_pathless(session: Session, article_id: int) -> None:
    remaining = session.scalar(
        select(func.count()).select_from(ArticlePath).where(ArticlePath.article_id == article_id)
    )
    if not remaining:
        delete_article(session, article_id)


def delete_article(session: Session, article_id: int) -> None:
    """Delete an article with its mentions, dates and claims; prune orphaned entities."""
    entity_ids = set(
        session.scalars(select(Mention.entity_id).where(Mention.article_id == article_id))
    )
    for model in (Mention, DateExpression, Claim, ArticlePath):
        session.execute(delete(model).where(model.article_id == article_id))
    session.execute(delete(Article).where(Article.id == article_id))
    session.flush()
    prune_entities(session, entity_ids)


def prune_entities(session: Session, entity_ids: Iterable[int]) -> int:
    """Remove entities no longer mentioned anywhere (curation decisions live elsewhere)."""
    ids = list(entity_ids)
    if not ids:
        return 0
    still = set(
        session.scalars(select(Mention.entity_id).where(Mention.entity_id.in_(ids)).distinct())
    )
    orphans = [i for i in ids if i not in still]
    if orphans:
        for column in (Claim.subject_entity_id, Claim.object_entity_id, Claim.source_entity_id):
            session.execute(update(Claim).where(column.in_(orphans)).values({column: None}))
        session.execute(delete(EntityAlias).where(EntityAlias.entity_id.in_(orphans)))
        session.execute(delete(Entity).where(Entity.id.in_(orphans)))
        session.flush()
    return len(orphans)


# --- entities ---------------------------------------------------------------------------


def entities_by_alias_keys(
    session: Session, keys: Iterable[str], types: Iterable[str], kinds: Iterable[str] | None = None
) -> dict[int, set[str]]:
    """Entities having any of `keys` as an alias key (indexed look-up).

    Returns:
        entity id -> the keys it matched.
    """
    keys = list(set(keys))
    if not keys:
        return {}
    stmt = (
        select(EntityAlias.entity_id, EntityAlias.alias_key)
        .join(Entity, Entity.id == EntityAlias.entity_id)
        .where(EntityAlias.alias_key.in_(keys), Entity.type.in_(list(types)))
    )
    if kinds is not None:
        stmt = stmt.where(EntityAlias.kind.in_(list(kinds)))
    found: dict[int, set[str]] = {}
    for entity_id, key in session.execute(stmt):
        found.setdefault(entity_id, set()).add(key)
    return found


def _best(found: dict[int, set[str]]) -> int:
    return sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0][0]


def link_cluster(session: Session, cluster: Cluster) -> Entity:
    """Find the knowledge-base entity a cluster denotes, or create it.

    Look-ups go through the indexed alias keys only, so the cost does not grow with
    the number of entities. Rules: a shared full name, gazetteer entry or acronym; a
    bare surname to the one person known by it (never when two people share it); a
    full name to the one bare-surname entity it completes.
    """
    types = COMPATIBLE[cluster.label]
    strong = cluster.keys({"surface", "knowledge"})
    if cluster.label != "PERSON":
        strong |= cluster.keys({"derived"})
    found = entities_by_alias_keys(
        session, strong, types, kinds={"surface", "knowledge", "curated"}
    )
    if cluster.label != "PERSON":
        found_derived = entities_by_alias_keys(session, strong, types, kinds={"derived"})
        for entity_id, keys in found_derived.items():
            found.setdefault(entity_id, set()).update(keys)
    entity: Entity | None = None
    rule = "same-name"
    if found:
        best = _best(found)
        entity = session.get(Entity, best)
        rule = "same-name" if cluster.key in found[best] else "alias"
    elif cluster.is_single_token_person or (
        cluster.label in {"ORG", "GPE", "LOC"}
        and not cluster.from_knowledge
        and len(cluster.key.split()) == 1
    ):
        # A bare surname: link to the one person it is the surname of.
        derived = entities_by_alias_keys(session, {cluster.key}, {"PERSON"}, kinds={"derived"})
        if len(derived) == 1:
            entity = session.get(Entity, next(iter(derived)))
            rule = "surname"
            cluster.label = "PERSON"
    elif cluster.label == "PERSON":
        # A full name completing a person known so far by surname only.
        partial = person_partial_keys(cluster.name)
        if partial:
            rows = session.scalars(
                select(Entity).where(Entity.name_key.in_(partial), Entity.type == "PERSON")
            ).all()
            if len(rows) == 1 and len(rows[0].name_key.split()) == 1:
                entity = rows[0]
                rule = "surname"
    if entity is None:
        entity = Entity(name=cluster.name, name_key=cluster.key, type=cluster.label)
        session.add(entity)
        session.flush()
        rule = "new"
    elif _fuller(cluster, entity):
        entity.name = cluster.name
        entity.name_key = cluster.key
    _add_aliases(session, entity, cluster.aliases, rule)
    return entity


def _fuller(cluster: Cluster, entity: Entity) -> bool:
    """Whether the cluster's name is a better canonical name than the entity's."""
    if cluster.label != entity.type and not (
        cluster.label in {"GPE", "LOC"} and entity.type in {"GPE", "LOC"}
    ):
        return False
    if cluster.from_knowledge:
        return entity.name_key != cluster.key
    return len(cluster.key.split()) > len(entity.name_key.split())


def _add_aliases(session: Session, entity: Entity, aliases: Sequence[Alias], rule: str) -> None:
    existing = {
        (key, kind)
        for key, kind in session.execute(
            select(EntityAlias.alias_key, EntityAlias.kind).where(
                EntityAlias.entity_id == entity.id
            )
        )
    }
    for alias in aliases:
        if (alias.key, alias.kind) in existing or not alias.key:
            continue
        existing.add((alias.key, alias.kind))
        evidence = alias.evidence
        if rule not in {"new", "same-name"} and alias.kind == "surface":
            evidence = f"linked by {rule}" + (f"; {evidence}" if evidence else "")
        session.add(
            EntityAlias(
                entity_id=entity.id,
                alias=alias.text,
                alias_key=alias.key,
                kind=alias.kind,
                rule=alias.rule if rule in {"new", "same-name"} else rule,
                evidence=evidence,
            )
        )
    session.flush()


# --- storing one article ----------------------------------------------------------------


def _ref_entity(
    arg: ArgRecord | None, mentions: Sequence[MentionRecord], entity_of: list[int]
) -> int | None:
    if arg is None:
        return None
    start, end = arg.ref_start, arg.ref_end
    if start is None or end is None:
        return None
    for i, m in enumerate(mentions):
        if m.start == start and m.end == end:
            return entity_of[i]
    for i, m in enumerate(mentions):
        if m.start >= start and m.end <= end:
            return entity_of[i]
    return None


def store_extraction(
    session: Session,
    extraction: ArticleExtraction,
    clusters: Sequence[Cluster],
    assignment: Sequence[int],
    *,
    extractor_version: str,
) -> Article:
    """Write one article with its mentions, dates and claims, linking entities."""
    raw = extraction.article
    article = Article(
        sha256=raw.sha256,
        source_path=raw.source_path,
        title=raw.title,
        author=raw.author,
        published=raw.published,
        published_precision=raw.published_precision,
        text=raw.text,
        encoding=raw.encoding,
        model=extraction.model,
        extractor_version=extractor_version,
    )
    session.add(article)
    session.flush()
    add_path(session, article, raw.source_path)
    cluster_entity = [link_cluster(session, c).id for c in clusters]
    entity_of = [cluster_entity[a] for a in assignment]
    session.add_all(
        Mention(
            article_id=article.id,
            entity_id=entity_of[i],
            text=m.text,
            label=clusters[assignment[i]].label if m.label != "LOC" else m.label,
            role=m.role,
            source=m.source,
            start_char=m.start,
            end_char=m.end,
            sentence_start=m.sent_start,
            sentence_end=m.sent_end,
        )
        for i, m in enumerate(extraction.mentions)
    )
    session.add_all(
        DateExpression(
            article_id=article.id,
            text=d.text,
            value=d.value,
            precision=d.precision,
            relative=d.relative,
            start_char=d.start,
            end_char=d.end,
        )
        for d in extraction.dates
    )
    for c in extraction.claims:
        session.add(
            Claim(
                article_id=article.id,
                subject_text=c.subject.text if c.subject else None,
                subject_entity_id=_ref_entity(c.subject, extraction.mentions, entity_of),
                subject_start=c.subject.start if c.subject else None,
                subject_end=c.subject.end if c.subject else None,
                action=c.action,
                action_text=c.action_text,
                object_text=c.object.text if c.object else None,
                object_entity_id=_ref_entity(c.object, extraction.mentions, entity_of),
                object_start=c.object.start if c.object else None,
                object_end=c.object.end if c.object else None,
                source_text=c.source.text if c.source else None,
                source_entity_id=_ref_entity(c.source, extraction.mentions, entity_of),
                source_start=c.source.start if c.source else None,
                source_end=c.source.end if c.source else None,
                negated=c.negated,
                negation_cue=c.negation_cue,
                hedged=c.hedged,
                hedge_cue=c.hedge_cue,
                date_value=c.date,
                sentence=c.sentence,
                start_char=c.start,
                end_char=c.end,
            )
        )
    session.flush()
    return article


# --- look-ups for the read side ---------------------------------------------------------


def find_entities(session: Session, name: str) -> list[Entity]:
    """Entities whose canonical name or an alias equals `name` (normalized)."""
    key = name_key(name)
    if not key:
        return []
    ids = set(session.scalars(select(Entity.id).where(Entity.name_key == key)))
    ids |= set(
        session.scalars(
            select(EntityAlias.entity_id).where(
                EntityAlias.alias_key == key, EntityAlias.kind != "derived"
            )
        )
    )
    if not ids:
        # A surname known as a derived key (e.g. "Oseguera") still finds its person.
        ids = set(
            session.scalars(select(EntityAlias.entity_id).where(EntityAlias.alias_key == key))
        )
    if not ids:
        return []
    return list(session.scalars(select(Entity).where(Entity.id.in_(ids)).order_by(Entity.id)))


def curations(session: Session) -> list[Curation]:
    return list(session.scalars(select(Curation).order_by(Curation.id)))
