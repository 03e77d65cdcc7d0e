"""An entity's timeline: its dated claims in order, on a "said" and a "did" track.

What an analyst reconstructs by hand from a pile of releases: when did X say what, and
when did X do what (or have it done to them), each line traceable to its sentence. A
claim's time is its own date, else its article's publication date (`dated_by` says
which), as the interval of days it covers (`cartelkb.timespan`), so "2024" sorts before
"2024-08-29" and after "2023". Tracks:

- said: X is the claim's source, or X is the subject of a speech act (say, announce ...);
- did: X is the subject of any other claim;
- done to: X is its object.

Read side: Core queries only, no spaCy, no ORM (`cartelkb timeline` is a look-up).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import func, or_

from cartelkb.errors import NotFoundError
from cartelkb.query import ClaimView, claim_view, claims_select, find_entity_ids
from cartelkb.store.schema import articles, claims, entities
from cartelkb.timespan import period

Track = Literal["said", "did", "done to"]


@dataclass
class TimelineEntry:
    day_start: str
    day_end: str
    dated_by: Literal["claim", "article"]
    track: Track
    claim: ClaimView


@dataclass
class Timeline:
    entity_id: int
    entity: str
    with_entity_id: int | None
    with_entity: str | None
    entries: list[TimelineEntry]
    undated: int  # claims of the entity that have no date at all (not on the timeline)


@lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    """Actions that are speech acts: the reporting verbs of the attribution lexicon."""
    from cartelkb.lexicon import lexicon

    return lexicon("attribution").words("speech_verbs")


def track_of(view: ClaimView, entity_id: int) -> Track:
    if view.source_entity_id == entity_id:
        return "said"
    if view.subject_entity_id == entity_id:
        head = view.action.split(" ", 1)[0]
        return "said" if head in speech_lemmas() else "did"
    return "done to"


def _entity(db: Any, name: str) -> tuple[int, str]:
    ids = find_entity_ids(db, name)
    if not ids:
        raise NotFoundError(
            f"no entity is named {name!r}; `cartelkb entities list --name {name.split()[0]}` "
            "shows similar names"
        )
    if len(ids) > 1:
        named = ", ".join(
            f"#{r.id} {r.name} ({r.type})"
            for r in db.execute(
                entities.select().with_only_columns(entities.c.id, entities.c.name, entities.c.type)
                .where(entities.c.id.in_(ids))
            )
        )  # fmt: skip
        raise NotFoundError(f"{name!r} names several entities ({named}); give the full name")
    row = db.execute(
        entities.select().with_only_columns(entities.c.name).where(entities.c.id == ids[0])
    ).one()
    return ids[0], row.name


def timeline(
    db: Any,
    name: str,
    *,
    with_name: str | None = None,
    tracks: tuple[Track, ...] = ("said", "did", "done to"),
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> Timeline:
    """The dated claims an entity takes part in, oldest first.

    Args:
        name: the entity (any of its names).
        with_name: only claims in which this second entity takes part too.
        tracks: which tracks to keep.
        since, until: periods the claims' dates overlap (YYYY, YYYY-MM, YYYY-MM-DD).
        limit: at most this many entries.

    Raises:
        NotFoundError: a name matches no entity, or several.
    """
    entity_id, entity_name = _entity(db, name)
    other_id, other_name = _entity(db, with_name) if with_name else (None, None)
    parties = (claims.c.subject_entity_id, claims.c.object_entity_id, claims.c.source_entity_id)
    starts = func.coalesce(claims.c.date_start, articles.c.published_start)
    ends = func.coalesce(claims.c.date_end, articles.c.published_end)
    base = claims_select().where(or_(*(p == entity_id for p in parties)))
    if other_id is not None:
        base = base.where(or_(*(p == other_id for p in parties)))
    undated = db.scalar(base.with_only_columns(func.count()).where(starts.is_(None)).order_by(None))
    stmt = base.add_columns(
        starts.label("day_start"), ends.label("day_end"), claims.c.date_start.label("own_start")
    ).where(starts.is_not(None))
    after, before = period(since, until)
    if after is not None:
        stmt = stmt.where(ends > after)
    if before is not None:
        stmt = stmt.where(starts < before)
    stmt = stmt.order_by(starts, ends.desc(), claims.c.article_id, claims.c.start_char, claims.c.id)
    entries: list[TimelineEntry] = []
    for row in db.execute(stmt):
        view = claim_view(row)
        track = track_of(view, entity_id)
        if track not in tracks:
            continue
        entries.append(
            TimelineEntry(
                day_start=str(row.day_start),
                day_end=str(row.day_end),
                dated_by="claim" if row.own_start is not None else "article",
                track=track,
                claim=view,
            )
        )
        if limit and len(entries) >= limit:
            break
    return Timeline(entity_id, entity_name, other_id, other_name, entries, int(undated or 0))
