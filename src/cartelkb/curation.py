"""Curation: users' merge/split/alias/rename decisions, stored by name and replayed after ingest."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from cartelkb.errors import CartelKBError, NotFoundError
from cartelkb.knowledge import name_key
from cartelkb.store import repository as repo
from cartelkb.store.models import Curation, Entity, EntityAlias, Mention

ACTIONS = ("merge", "split", "alias", "rename")


def _one(session: Session, name: str) -> Entity:
    found = repo.find_entities(session, name)
    if not found:
        raise NotFoundError(f"no entity matches {name!r}; see `cartelkb entities list`")
    if len(found) > 1:
        listing = ", ".join(f"#{e.id} {e.name} ({e.type})" for e in found)
        raise CartelKBError(f"{name!r} matches several entities ({listing}); use the full name")
    return found[0]


def _find(session: Session, key: str, type_: str | None = None) -> Entity | None:
    found = repo.find_entities(session, key)
    if type_:
        found = [e for e in found if e.type == type_] or found
    return found[0] if found else None


def merge_entities(session: Session, keep: Entity, drop: Entity) -> None:
    """Move everything of `drop` onto `keep` and delete `drop`."""
    if keep.id == drop.id:
        return
    session.execute(update(Mention).where(Mention.entity_id == drop.id).values(entity_id=keep.id))
    for model, column in repo.ENTITY_REFERENCES:
        session.execute(update(model).where(column == drop.id).values({column: keep.id}))
    have = {
        (k, kind)
        for k, kind in session.execute(
            select(EntityAlias.alias_key, EntityAlias.kind).where(EntityAlias.entity_id == keep.id)
        )
    }
    for alias in session.scalars(select(EntityAlias).where(EntityAlias.entity_id == drop.id)):
        if (alias.alias_key, alias.kind) in have:
            session.delete(alias)
        else:
            alias.entity_id = keep.id
            alias.rule = "curated-merge"
            alias.evidence = f"merged from #{drop.id} {drop.name}"
            have.add((alias.alias_key, alias.kind))
    session.flush()
    session.execute(delete(Entity).where(Entity.id == drop.id))
    session.flush()


def _apply(session: Session, c: Curation, article_id: int | None = None) -> bool:
    """Apply one decision; True when a merge brought in mentions of other articles."""
    entity = _find(session, c.entity_key, c.entity_type)
    if entity is None and c.action == "rename" and c.value:
        entity = _find(session, c.value, c.entity_type)
    if entity is None:
        return False
    merged = False
    if c.action == "rename" and c.value:
        entity.name, entity.name_key = c.value, name_key(c.value)
    elif c.action == "merge" and c.other_key:
        other = _find(session, c.other_key)
        if other is not None and other.id != entity.id:
            # Mentions of earlier articles come along only if `other` had some there.
            merged = article_id is not None and (
                session.scalar(
                    select(Mention.id)
                    .where(Mention.entity_id == other.id, Mention.article_id != article_id)
                    .limit(1)
                )
                is not None
            )
            merge_entities(session, entity, other)
    elif c.action == "alias" and c.value:
        key = name_key(c.value)
        exists = session.scalar(
            select(EntityAlias.id).where(
                EntityAlias.entity_id == entity.id, EntityAlias.alias_key == key
            )
        )
        if exists is None:
            session.add(
                EntityAlias(
                    entity_id=entity.id,
                    alias=c.value,
                    alias_key=key,
                    kind="curated",
                    rule="curated-alias",
                    evidence="user",
                )
            )
    elif c.action == "split" and c.value:
        _detach(session, entity, c.value, article_id)
    session.flush()
    return merged


def _detach(session: Session, entity: Entity, alias: str, article_id: int | None = None) -> None:
    key = name_key(alias)
    if key == entity.name_key:
        return
    session.execute(
        delete(EntityAlias).where(EntityAlias.entity_id == entity.id, EntityAlias.alias_key == key)
    )
    mentions = select(Mention).where(Mention.entity_id == entity.id)
    if article_id is not None:
        mentions = mentions.where(Mention.article_id == article_id)
    moved = [m for m in session.scalars(mentions) if name_key(m.text) == key]
    if not moved:
        return
    # The type is compared here, not in SQL: on `name_key = ? AND type = ?` SQLite may
    # choose the type index and scan every entity of the type.
    target = next(
        (
            e
            for e in session.scalars(
                select(Entity).where(Entity.name_key == key).order_by(Entity.id)
            )
            if e.type == entity.type and e.id != entity.id
        ),
        None,
    )
    if target is None:
        target = Entity(name=moved[0].text, name_key=key, type=entity.type)
        session.add(target)
        session.flush()
        session.add(
            EntityAlias(
                entity_id=target.id,
                alias=moved[0].text,
                alias_key=key,
                kind="curated",
                rule="curated-split",
                evidence=f"detached from #{entity.id} {entity.name}",
            )
        )
    for m in moved:
        m.entity_id = target.id
    session.flush()


def apply_curations(session: Session, article_id: int | None = None) -> None:
    """Replay every stored decision, oldest first (idempotent).

    Args:
        article_id: the article just stored, when replaying after each article. A split
            then examines only that article's mentions: the replays after the articles
            before it already moved theirs, so the cost stays O(#curations) however
            large the knowledge base grows. After a merge (which can bring in mentions
            of earlier articles) the remaining decisions look at every mention.
    """
    for c in repo.curations(session):
        if _apply(session, c, article_id):
            article_id = None


def record(
    session: Session, action: str, name: str, *, other: str | None = None, value: str | None = None
) -> Entity:
    """Store a curation decision and apply it now.

    Args:
        action: merge (name absorbs other), split (detach alias `value` from name),
            alias (add alias `value` to name), rename (canonical name becomes `value`).
        name: the entity acted on (any of its names).

    Returns:
        The entity after the change.
    """
    if action not in ACTIONS:
        raise CartelKBError(f"unknown curation {action!r}; choose one of {', '.join(ACTIONS)}")
    entity = _one(session, name)
    if action == "merge":
        assert other is not None
        drop = _one(session, other)
        if drop.id == entity.id:
            raise CartelKBError(f"{name!r} and {other!r} are already one entity (#{entity.id})")
        if not (entity.type == drop.type or {entity.type, drop.type} <= {"GPE", "LOC"}):
            raise CartelKBError(
                f"cannot merge {entity.type} #{entity.id} {entity.name} with {drop.type} "
                f"#{drop.id} {drop.name}: a person, an organization and a place are never one"
            )
        other_key = drop.name_key
    else:
        other_key = None
    if action == "split":
        assert value is not None
        aliases = {a.alias_key for a in entity.aliases}
        if name_key(value) not in aliases:
            raise NotFoundError(f"{entity.name} has no alias {value!r}")
        if name_key(value) == entity.name_key:
            raise CartelKBError(f"{value!r} is the canonical name; rename the entity first")
    c = Curation(
        action=action,
        entity_key=entity.name_key,
        entity_type=entity.type,
        other_key=other_key,
        value=value,
    )
    session.add(c)
    session.flush()
    _apply(session, c)
    session.flush()
    session.refresh(entity)
    return entity
