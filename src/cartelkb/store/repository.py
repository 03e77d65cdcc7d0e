"""Upserts and look-ups on the knowledge base; takes a session, never commits."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Table, delete, func, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from cartelkb.store.models import (
    KNOWN_NAME_SOURCE,
    Article,
    ArticlePath,
    Base,
    Claim,
    ClaimArgument,
    Curation,
    DateExpression,
    Entity,
    EntityAlias,
    Event,
    EventPatient,
    EventQuantity,
    Mention,
    NameCandidate,
    Relation,
)

if TYPE_CHECKING:
    # Types only: the read side (`cartelkb query`) imports this module and must not pay
    # for the pydantic records and the resolver it never uses.
    from cartelkb.records import ArgRecord, ArticleExtraction, ClaimRecord, MentionRecord
    from cartelkb.resolve import Cluster

_V = TypeVar("_V", bound=Hashable)

WRITE_LOCK_ID = 7_214_402  # arbitrary constant for PostgreSQL's advisory lock


IN_CHUNK = 500  # values per IN (...) list, well under SQLite's bound-parameter limit


def in_chunks(values: Iterable[_V]) -> Iterator[list[_V]]:
    """The distinct values, sorted, in lists of at most `IN_CHUNK` (for `IN (...)`)."""
    items = sorted(set(values), key=str)
    for i in range(0, len(items), IN_CHUNK):
        yield items[i : i + IN_CHUNK]


def lock_for_write(session: Session) -> None:
    """Serialize knowledge-base writers so two processes never create one entity twice.

    SQLite already holds its write lock from `BEGIN IMMEDIATE` (see db.make_engine);
    PostgreSQL takes a transaction-scoped advisory lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": WRITE_LOCK_ID})


def insert_missing(
    session: Session, model: type[Base], rows: Sequence[dict[str, object]], unique: Sequence[str]
) -> None:
    """Insert rows, skipping those whose `unique` columns are already taken.

    `INSERT ... ON CONFLICT DO NOTHING` in the dialect's own syntax (SQLite and
    PostgreSQL), so a row another writer inserted first is not an error.
    """
    if not rows:
        return
    table = cast(Table, model.__table__)
    dialect = session.get_bind().dialect.name
    stmt: Executable
    # Rows are passed as executemany parameters, not baked into a VALUES list, so the
    # statement is compiled once per table, not once per distinct number of rows.
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt = pg_insert(table).on_conflict_do_nothing(index_elements=unique)
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table).on_conflict_do_nothing(index_elements=unique)
    else:
        stmt = insert(table)
    session.flush()
    session.execute(stmt, list(rows))


# --- articles ---------------------------------------------------------------------------


def article_by_sha(session: Session, sha256: str) -> Article | None:
    return session.scalar(select(Article).where(Article.sha256 == sha256))


def article_by_path(session: Session, path: str) -> Article | None:
    return session.scalar(select(Article).join(ArticlePath).where(ArticlePath.path == path))


METADATA_COLUMNS = ("title", "author", "url", "outlet", "metadata_source")


def restate_metadata(session: Session, article: Article, raw: Any) -> bool:
    """Give a stored article the metadata stated for it now (a manifest, an option);
    returns whether anything changed. The publication date is not changed here: its
    relative dates depend on it, so a new date means a new extraction."""
    changed = False
    for name in METADATA_COLUMNS:
        value = getattr(raw, name)
        if value is not None and getattr(article, name) != value:
            setattr(article, name, value)
            changed = True
    return changed


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
    insert_missing(session, ArticlePath, [{"article_id": article.id, "path": path}], ["path"])
    return True


def _drop_if_pathless(session: Session, article_id: int) -> None:
    remaining = session.scalar(
        select(func.count()).select_from(ArticlePath).where(ArticlePath.article_id == article_id)
    )
    if not remaining:
        delete_article(session, article_id)


def delete_article(session: Session, article_id: int, *, prune: bool = True) -> set[int]:
    """Delete an article with its mentions, dates and claims; prune orphaned entities.

    Args:
        prune: False when the article is about to be stored again (re-extraction): its
            entities are kept for the new extraction to link to, so they keep their ids,
            and the caller prunes the returned ones that are still orphans afterwards.

    Returns:
        The ids of the entities the article mentioned.
    """
    entity_ids = set(
        session.scalars(select(Mention.entity_id).where(Mention.article_id == article_id))
    )
    events = select(Event.id).where(Event.article_id == article_id)
    for child in (EventPatient, EventQuantity):
        session.execute(delete(child).where(child.event_id.in_(events)))
    session.execute(
        delete(ClaimArgument).where(
            ClaimArgument.claim_id.in_(select(Claim.id).where(Claim.article_id == article_id))
        )
    )
    for model in (Event, Relation, Mention, NameCandidate, DateExpression, Claim, ArticlePath):
        session.execute(delete(model).where(model.article_id == article_id))
    session.execute(delete(Article).where(Article.id == article_id))
    session.flush()
    if prune:
        prune_entities(session, entity_ids)
    return entity_ids


# Every column that refers to an entity besides mentions and aliases: pruning an entity
# clears them, merging two (curation.merge_entities) moves them.
ENTITY_REFERENCES = (
    (Claim, Claim.subject_entity_id),
    (Claim, Claim.object_entity_id),
    (Claim, Claim.source_entity_id),
    (ClaimArgument, ClaimArgument.entity_id),
    (Event, Event.agent_entity_id),
    (Event, Event.location_entity_id),
    (Event, Event.source_entity_id),
    (EventPatient, EventPatient.entity_id),
    (Relation, Relation.subject_entity_id),
    (Relation, Relation.object_entity_id),
)


def prune_entities(session: Session, entity_ids: Iterable[int]) -> int:
    """Remove entities no longer mentioned anywhere (curation decisions live elsewhere)."""
    ids = list(entity_ids)
    if not ids:
        return 0
    # A mention found by a known name (derived from the others) keeps no entity alive.
    still = set(
        session.scalars(
            select(Mention.entity_id)
            .where(Mention.entity_id.in_(ids), Mention.source != KNOWN_NAME_SOURCE)
            .distinct()
        )
    )
    orphans = [i for i in ids if i not in still]
    if orphans:
        session.execute(delete(Mention).where(Mention.entity_id.in_(orphans)))
        for model, column in ENTITY_REFERENCES:
            session.execute(update(model).where(column.in_(orphans)).values({column: None}))
        session.execute(delete(EntityAlias).where(EntityAlias.entity_id.in_(orphans)))
        session.execute(delete(Entity).where(Entity.id.in_(orphans)))
        session.flush()
    return len(orphans)


# --- entities ---------------------------------------------------------------------------


def entity_by_key(session: Session, key: str, type_: str) -> Entity | None:
    """The entity with this name key and type (unique: `uq_entities_name_key_type`)."""
    return session.scalar(select(Entity).where(Entity.name_key == key, Entity.type == type_))


def insert_or_get_entity(session: Session, name: str, key: str, type_: str) -> tuple[Entity, bool]:
    """The entity of (`key`, `type_`), inserted with `name` when there is none.

    `INSERT ... ON CONFLICT DO NOTHING RETURNING id`, then a look-up when nothing was
    inserted: an entity another writer inserted first (committed, or committed while
    this statement waited for it on PostgreSQL) is returned, never duplicated or an error.

    Returns:
        (the entity, whether this call created it)
    """
    table = cast(Table, Entity.__table__)
    dialect = session.get_bind().dialect.name
    row = {"name": name, "name_key": key, "type": type_}
    session.flush()
    if dialect in {"postgresql", "sqlite"}:
        stmt: Any
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = pg_insert(table)
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            stmt = sqlite_insert(table)
        stmt = (
            stmt.values(row)
            .on_conflict_do_nothing(index_elements=["name_key", "type"])
            .returning(table.c.id)
        )
        new_id = session.execute(stmt).scalar()
        if new_id is not None:
            entity = session.get(Entity, new_id)
            assert entity is not None
            return entity, True
        found = entity_by_key(session, key, type_)
        if found is None:  # pragma: no cover - the conflicting row was deleted meanwhile
            raise RuntimeError(f"entity ({key!r}, {type_}) conflicted but is not there")
        return found, False
    found = entity_by_key(session, key, type_)
    if found is not None:
        return found, False
    entity = Entity(**row)
    session.add(entity)
    session.flush()
    return entity, True


def insert_aliases(session: Session, rows: Sequence[dict[str, object]]) -> int:
    """Insert entity_aliases rows (an existing (entity, key, kind) is skipped), leaving
    out junk: a key of function words only ("from" of "Marco Rubio - from").

    Returns:
        How many rows were left out as junk.
    """
    from cartelkb.knowledge.keys import is_function_words

    kept = [r for r in rows if not is_function_words(str(r["alias"]), str(r["alias_key"]))]
    insert_missing(session, EntityAlias, kept, ["entity_id", "alias_key", "kind"])
    return len(rows) - len(kept)


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


# --- storing one article ----------------------------------------------------------------


def _argument_columns(role: str, arg: ArgRecord | None, refs: _MentionRefs) -> dict[str, Any]:
    """The four claims columns of one argument (subject, object or source)."""
    return {
        f"{role}_text": arg.text if arg else None,
        f"{role}_entity_id": refs.entity(arg),
        f"{role}_start": arg.start if arg else None,
        f"{role}_end": arg.end if arg else None,
    }


class _MentionRefs:
    """The entity of a mention, by its offsets: exact offsets hashed, else the first
    mention inside them (an argument may point at a span holding the name)."""

    def __init__(self, mentions: Sequence[MentionRecord], entity_of: list[int]) -> None:
        self.mentions, self.entity_of = mentions, entity_of
        self.exact: dict[tuple[int, int], int] = {}
        for i, m in enumerate(mentions):
            self.exact.setdefault((m.start, m.end), entity_of[i])

    def entity(self, arg: ArgRecord | None) -> int | None:
        if arg is None or arg.ref_start is None or arg.ref_end is None:
            return None
        return self._at(arg.ref_start, arg.ref_end)

    def entities(self, arg: ArgRecord) -> list[int]:
        """Every entity an argument names: its coordinated members, else its one link."""
        spans = [(r.start, r.end) for r in arg.refs]
        if not spans and arg.ref_start is not None and arg.ref_end is not None:
            spans = [(arg.ref_start, arg.ref_end)]
        found = (self._at(start, end) for start, end in spans)
        return [e for e in found if e is not None]

    def _at(self, start: int, end: int) -> int | None:
        found = self.exact.get((start, end))
        if found is not None:
            return found
        for i, m in enumerate(self.mentions):
            if m.start >= start and m.end <= end:
                return self.entity_of[i]
        return None


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _interval_columns(prefix: str, value: str | None, bounds: Any) -> dict[str, date | None]:
    """`<prefix>_start`/`<prefix>_end`: the days an ISO value covers (cartelkb.timespan)."""
    start, end = bounds(value)
    return {f"{prefix}_start": _day(start), f"{prefix}_end": _day(end)}


def store_extraction(
    session: Session,
    extraction: ArticleExtraction,
    clusters: Sequence[Cluster],
    assignment: Sequence[int],
    *,
    extractor_version: str,
    article_id: int | None = None,
) -> Article:
    """Write one article with its mentions, dates and claims, linking entities.

    Args:
        article_id: the id to store it under (a re-extracted article keeps its id).
    """
    # Imported here: curation imports this module and never links, and the linker
    # brings the resolver and the pydantic records with it.
    from cartelkb.resolve.link import LinkIndex, link_cluster
    from cartelkb.timespan import bounds

    raw = extraction.article
    published = bounds(raw.published)
    article = Article(
        id=article_id,
        sha256=raw.sha256,
        source_path=raw.source_path,
        title=raw.title,
        author=raw.author,
        published=raw.published,
        published_precision=raw.published_precision,
        published_start=_day(published[0]),
        published_end=_day(published[1]),
        url=raw.url,
        outlet=raw.outlet,
        metadata_source=raw.metadata_source,
        text=raw.text,
        encoding=raw.encoding,
        model=extraction.model,
        extractor_version=extractor_version,
    )
    session.add(article)
    session.flush()
    index = LinkIndex(session, clusters)
    cluster_entity = [link_cluster(session, c, index).id for c in clusters]
    entity_of = [cluster_entity[a] for a in assignment]
    index.write_aliases()
    # Rows go in with one executemany per table: the ORM unit of work per object costs
    # more than the insert itself.
    if extraction.mentions:
        session.execute(insert(cast(Table, Mention.__table__)), [
            {
                "article_id": article.id,
                "entity_id": entity_of[i],
                "text": m.text,
                "label": clusters[assignment[i]].label if m.label != "LOC" else m.label,
                "role": m.role,
                "source": m.source,
                "start_char": m.start,
                "end_char": m.end,
                "sentence_start": m.sent_start,
                "sentence_end": m.sent_end,
            }
            for i, m in enumerate(extraction.mentions)
        ])  # fmt: skip
    if extraction.name_candidates:
        session.execute(insert(cast(Table, NameCandidate.__table__)), [
            {
                "article_id": article.id,
                "text": c.text,
                "name_key": c.key,
                "start_char": c.start,
                "end_char": c.end,
                "sentence_start": c.sent_start,
                "sentence_end": c.sent_end,
            }
            for c in extraction.name_candidates
        ])  # fmt: skip
    if extraction.dates:
        session.execute(insert(cast(Table, DateExpression.__table__)), [
            {
                "article_id": article.id,
                "text": d.text,
                "value": d.value,
                **_interval_columns("value", d.value, bounds),
                "precision": d.precision,
                "relative": d.relative,
                "kind": d.kind,
                "start_char": d.start,
                "end_char": d.end,
            }
            for d in extraction.dates
        ])  # fmt: skip
    if extraction.claims:
        refs = _MentionRefs(extraction.mentions, entity_of)
        # RETURNING in the order of the rows (SQLAlchemy's insertmanyvalues on SQLite and
        # PostgreSQL): the argument rows need each claim's id.
        claim_ids = session.scalars(
            insert(cast(Table, Claim.__table__))
            .returning(Claim.__table__.c.id, sort_by_parameter_order=True),  # type: ignore[attr-defined]
            [
            {
                "article_id": article.id,
                **_argument_columns("subject", c.subject, refs),
                "action": c.action,
                "action_text": c.action_text,
                **_argument_columns("object", c.object, refs),
                **_argument_columns("source", c.source, refs),
                "negated": c.negated,
                "negation_cue": c.negation_cue,
                "hedged": c.hedged,
                "hedge_cue": c.hedge_cue,
                "date_value": c.date,
                **_interval_columns("date", c.date, bounds),
                "sentence": c.sentence,
                "start_char": c.start,
                "end_char": c.end,
            }
            for c in extraction.claims
        ]).all()  # fmt: skip
        rows = [
            row
            for claim_id, c in zip(claim_ids, extraction.claims, strict=True)
            for row in _claim_argument_rows(claim_id, c, refs)
        ]
        if rows:
            session.execute(insert(cast(Table, ClaimArgument.__table__)), rows)
    else:
        claim_ids = []
    if extraction.events or extraction.relations:
        _store_events(
            session, article.id, extraction, _MentionRefs(extraction.mentions, entity_of), claim_ids
        )
    session.flush()
    # After linking: the earlier text stored under this path goes now, and with it only
    # the entities the new text no longer mentions (the others keep their ids).
    add_path(session, article, raw.source_path)
    session.flush()
    return article


def _claim_argument_rows(
    claim_id: int, claim: ClaimRecord, refs: _MentionRefs
) -> list[dict[str, Any]]:
    """The claim_arguments rows of one claim: each argument once per entity it names
    (a coordination names several), once without an entity when it names none."""
    rows: list[dict[str, Any]] = []
    arguments: list[tuple[str, str | None, ArgRecord | None]] = [
        ("subject", None, claim.subject),
        ("object", None, claim.object),
        *((a.role, a.preposition, a) for a in claim.arguments),
    ]
    for position, (role, preposition, arg) in enumerate(arguments):
        if arg is None:
            continue
        entities: list[int | None] = [*dict.fromkeys(refs.entities(arg))] or [None]
        rows.extend(
            {
                "claim_id": claim_id,
                "position": position,
                "role": role,
                "preposition": preposition,
                "text": arg.text,
                "entity_id": entity_id,
                "start_char": arg.start,
                "end_char": arg.end,
            }
            for entity_id in entities
        )
    return rows


def _store_events(
    session: Session,
    article_id: int,
    extraction: ArticleExtraction,
    refs: _MentionRefs,
    claim_ids: Sequence[int],
) -> None:
    """Write an article's events (with patients and quantities) and relations; `claim_ids`
    are the stored ids of its claims, in extraction order."""
    from cartelkb.timespan import bounds

    def claim_id(index: int | None) -> int | None:
        return claim_ids[index] if index is not None and index < len(claim_ids) else None

    for e in extraction.events:
        event_id = session.execute(
            insert(cast(Table, Event.__table__)).returning(Event.__table__.c.id),  # type: ignore[attr-defined]
            {
                "article_id": article_id,
                "claim_id": claim_id(e.claim),
                "type": e.type,
                "trigger": e.trigger,
                "trigger_lemma": e.trigger_lemma,
                "trigger_start": e.start,
                "trigger_end": e.end,
                **_argument_columns("agent", e.agent, refs),
                **_argument_columns("location", e.location, refs),
                "source_text": e.source.text if e.source else None,
                "source_entity_id": refs.entity(e.source),
                "negated": e.negated,
                "negation_cue": e.negation_cue,
                "hedged": e.hedged,
                "hedge_cue": e.hedge_cue,
                "date_value": e.date,
                **_interval_columns("date", e.date, bounds),
                "sentence": e.sentence,
                "start_char": e.sentence_start,
                "end_char": e.sentence_end,
            },
        ).scalar_one()
        if e.patients:
            session.execute(insert(cast(Table, EventPatient.__table__)), [
                {
                    "event_id": event_id,
                    "position": n,
                    "text": p.text,
                    "entity_id": refs.entity(p),
                    "start_char": p.start,
                    "end_char": p.end,
                }
                for n, p in enumerate(e.patients)
            ])  # fmt: skip
        if e.quantities:
            session.execute(insert(cast(Table, EventQuantity.__table__)), [
                {
                    "event_id": event_id,
                    "kind": q.kind,
                    "text": q.text,
                    "amount": q.amount,
                    "unit": q.unit,
                    "value": q.value,
                    "approximate": q.approximate,
                    "item": q.item,
                    "start_char": q.start,
                    "end_char": q.end,
                }
                for q in e.quantities
            ])  # fmt: skip
    if extraction.relations:
        session.execute(insert(cast(Table, Relation.__table__)), [
            {
                "article_id": article_id,
                "claim_id": claim_id(r.claim),
                "type": r.type,
                "title": r.title,
                **_argument_columns("subject", r.subject, refs),
                **_argument_columns("object", r.object, refs),
                "rule": r.rule,
                "negated": r.negated,
                "hedged": r.hedged,
                "hedge_cue": r.hedge_cue,
                "sentence": r.sentence,
                "start_char": r.start,
                "end_char": r.end,
            }
            for r in extraction.relations
        ])  # fmt: skip


# --- look-ups for the read side ---------------------------------------------------------


def find_entities(session: Session, name: str, *, by_id: bool = True) -> list[Entity]:
    """Entities whose canonical name or an alias equals `name` (normalized); `#41` (or
    `41`) is entity 41 unless `by_id` is False."""
    from cartelkb.query import find_entity_ids

    ids = find_entity_ids(session, name, by_id=by_id)
    if not ids:
        return []
    return list(session.scalars(select(Entity).where(Entity.id.in_(ids)).order_by(Entity.id)))


def curations(session: Session) -> list[Curation]:
    return list(session.scalars(select(Curation).order_by(Curation.id)))
