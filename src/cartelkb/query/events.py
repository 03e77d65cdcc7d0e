"""Typed events and relations: search, an entity's events, its relations grouped by statement."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from cartelkb.errors import ConfigError
from cartelkb.query.names import find_entity_ids
from cartelkb.query.views import EventView, QuantityView, RelationEvidence, RelationView
from cartelkb.store.schema import (
    articles,
    entities,
    event_patients,
    event_quantities,
    events,
    relations,
)
from cartelkb.timespan import period

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session


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


def event_type(text: str) -> str:
    """`text` as one of the event types, else a ConfigError naming them."""
    from cartelkb.lexicon import lexicon

    known = list(lexicon("events").mapping("event_types"))
    wanted = text.strip().lower()
    if wanted in known:
        return wanted
    close = difflib.get_close_matches(wanted, known, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    raise ConfigError(f"no event type {text!r}; {hint}the types are: {', '.join(known)}")


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
        stmt = stmt.where(events.c.type == event_type(type_))
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
    after, before = period(since, until)
    if after is not None:
        stmt = stmt.where(ends > after)
    if before is not None:
        stmt = stmt.where(starts < before)
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
