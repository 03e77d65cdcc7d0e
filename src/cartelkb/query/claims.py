"""Claims: the select with names joined, rows to views with their arguments, claim search."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from cartelkb.query.names import find_entity_ids
from cartelkb.query.views import _CORE_ROLES, ArgumentView, ClaimView, Role
from cartelkb.store.schema import (
    articles,
    claim_arguments,
    claims,
    entities,
)
from cartelkb.timespan import period

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session


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
    after, before = period(since, until)
    if after is not None:
        stmt = stmt.where(ends > after)
    if before is not None:
        stmt = stmt.where(starts < before)
    for flag, wanted in ((claims.c.negated, negated), (claims.c.hedged, hedged)):
        if wanted is not None:
            stmt = stmt.where(flag.is_(wanted))
    stmt = stmt.order_by(claims.c.article_id, claims.c.start_char, claims.c.id)
    if limit:
        stmt = stmt.limit(limit)
    return _with_arguments(db, [claim_view(row) for row in db.execute(stmt)])
