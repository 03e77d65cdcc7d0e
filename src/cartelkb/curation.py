"""Curation: users' merge/split/alias/rename/retype decisions, stored by name and replayed
after ingest."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from cartelkb.errors import CartelKBError, NotFoundError
from cartelkb.knowledge import name_key
from cartelkb.store import repository as repo
from cartelkb.store.models import Curation, Entity, EntityAlias, Mention

ACTIONS = ("merge", "split", "alias", "rename", "retype")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"GPE", "LOC"}


def _one(session: Session, name: str) -> Entity:
    """The one entity `name` addresses: `#41` or `41` (its id), else any of its names."""
    found = repo.find_entities(session, name)
    if not found:
        from cartelkb.query import did_you_mean, entity_id_of

        if name.strip().startswith("#") and entity_id_of(name) is not None:
            raise NotFoundError(f"there is no entity {name.strip()}; see `cartelkb entities list`")
        raise NotFoundError(
            f"no entity matches {name!r}{did_you_mean(session, name)} "
            "(see `cartelkb entities list --name ...`)"
        )
    if len(found) > 1:
        listing = ", ".join(f"#{e.id} {e.name} ({e.type})" for e in found)
        raise CartelKBError(
            f"{name!r} matches several entities ({listing}); name one by its id, e.g. "
            f"'#{found[0].id}'"
        )
    return found[0]


def _find(session: Session, key: str, type_: str | None = None) -> Entity | None:
    # Stored decisions name entities by key, never by id (`by_id=False`).
    found = repo.find_entities(session, key, by_id=False)
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
        key = name_key(c.value)
        taken = repo.entity_by_key(session, key, entity.type)
        if taken is not None and taken.id != entity.id:
            # An entity of the type already has the name (one per key and type): it is
            # the one the user named, so the two become one.
            merged = _merge_in(session, entity, taken, article_id)
        entity.name, entity.name_key = c.value, key
    elif c.action == "retype" and c.value:
        if entity.type != c.entity_type or entity.type == c.value:
            return False  # done already (the entity found is of another type)
        taken = repo.entity_by_key(session, entity.name_key, c.value)
        if taken is not None:
            # One entity per name and type: the one already of that type absorbs it.
            merged = _merge_in(session, taken, entity, article_id)
            entity = taken
        else:
            entity.type = c.value
        # Its mentions are of the type now (a place's LOC mentions stay LOC).
        session.execute(
            update(Mention)
            .where(Mention.entity_id == entity.id, Mention.label == c.entity_type)
            .values(label=c.value)
        )
    elif c.action == "merge" and c.other_key:
        other = _other(session, entity, c.other_key, c.value)
        # The kept entity keeps its name: linking may have given it the name of the one
        # merged in (a gazetteer name wins over a surface one).
        _restore_name(session, entity, c.entity_key)
        if other is not None:
            # Mentions of earlier articles come along only if `other` had some there.
            merged = _merge_in(session, entity, other, article_id)
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


def _other(session: Session, entity: Entity, key: str, type_: str | None) -> Entity | None:
    """The entity a replayed merge brings into `entity`: another one known by `key`, of a
    type that may merge (`type_` when recorded), the one named `key` first. None when
    there is none: `entity` has it already (it holds the merged one's names)."""
    found = [
        e
        for e in repo.find_entities(session, key, by_id=False)
        if e.id != entity.id
        and _compatible(entity.type, e.type)
        and (type_ is None or _compatible(type_, e.type))
    ]
    found.sort(key=lambda e: (e.name_key != key, e.id))
    return found[0] if found else None


def _restore_name(session: Session, entity: Entity, key: str) -> None:
    """Give `entity` back the canonical name of `key` it had (one of its aliases)."""
    if entity.name_key == key or repo.entity_by_key(session, key, entity.type) is not None:
        return
    rank = {"curated": 0, "knowledge": 1, "surface": 2}
    names = [
        (rank.get(kind, 3), alias_id, alias)
        for alias_id, alias, kind in session.execute(
            select(EntityAlias.id, EntityAlias.alias, EntityAlias.kind).where(
                EntityAlias.entity_id == entity.id, EntityAlias.alias_key == key
            )
        )
    ]
    if names:
        entity.name, entity.name_key = min(names)[2], key
        session.flush()


def _merge_in(session: Session, keep: Entity, drop: Entity, article_id: int | None) -> bool:
    """`merge_entities`; True when `drop` had mentions in articles besides `article_id`."""
    merged = article_id is not None and (
        session.scalar(
            select(Mention.id)
            .where(Mention.entity_id == drop.id, Mention.article_id != article_id)
            .limit(1)
        )
        is not None
    )
    merge_entities(session, keep, drop)
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
    # Insert-or-get on the unique (name_key, type): the entity already known by the
    # alias, else a new one.
    target, created = repo.insert_or_get_entity(session, moved[0].text, key, entity.type)
    if created:
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
            alias (add alias `value` to name), rename (canonical name becomes `value`;
            an entity of the type already so named is merged in), retype (the type
            becomes `value`: PERSON, ORG, GPE or LOC; an entity of that type and name
            absorbs it).
        name: the entity acted on: `#41` or `41` (its id), or any of its names.
        other: for merge, the entity merged in (an id or a name).

    Returns:
        The entity after the change.
    """
    if action not in ACTIONS:
        raise CartelKBError(f"unknown curation {action!r}; choose one of {', '.join(ACTIONS)}")
    # As an ingest does: no writer links to an entity this decision is deleting.
    repo.lock_for_write(session)
    entity = _one(session, name)
    other_key = None
    if action == "merge":
        assert other is not None
        drop = _one(session, other)
        if drop.id == entity.id:
            raise CartelKBError(f"{name!r} and {other!r} are already one entity (#{entity.id})")
        if not _compatible(entity.type, drop.type):
            raise CartelKBError(
                f"cannot merge {entity.type} #{entity.id} {entity.name} with {drop.type} "
                f"#{drop.id} {drop.name}: they are of different types; if one is mistyped, "
                f"retype it first (cartelkb entities retype '#{drop.id}' {entity.type}), "
                "then merge"
            )
        other_key, value = drop.name_key, drop.type  # the type tells apart namesakes
    elif action == "split":
        assert value is not None
        aliases = {a.alias_key for a in entity.aliases}
        if name_key(value) not in aliases:
            raise NotFoundError(f"{entity.name} has no alias {value!r}")
        if name_key(value) == entity.name_key:
            raise CartelKBError(f"{value!r} is the canonical name; rename the entity first")
    elif action in {"alias", "rename"}:
        assert value is not None
        from cartelkb.knowledge.keys import is_function_words

        if not name_key(value) or is_function_words(value):
            raise CartelKBError(
                f"{value!r} is not a name (only punctuation or function words); give the name"
            )
    elif action == "retype":
        assert value is not None
        value = value.upper()
        if value not in ENTITY_TYPES:
            raise CartelKBError(f"unknown type {value!r}; use {', '.join(ENTITY_TYPES)}")
        if value == entity.type:
            raise CartelKBError(f"#{entity.id} {entity.name} is already {value}")
    c = Curation(
        action=action,
        entity_key=entity.name_key,
        entity_type=entity.type,
        other_key=other_key,
        value=value,
    )
    session.add(c)
    session.flush()
    key = entity.name_key
    _apply(session, c)
    session.flush()
    # The names and types changed: the names found where the NER tagged nothing follow
    # (a name given now, a name two entities no longer share).
    from cartelkb.resolve.known_names import link_known_names

    link_known_names(session)
    if action == "retype":
        # The entity, or the one of the new type that absorbed it.
        result = repo.entity_by_key(session, key, str(value))
        assert result is not None
        return result
    session.refresh(entity)
    return entity
