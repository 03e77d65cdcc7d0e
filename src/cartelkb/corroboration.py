"""Corroboration: the same claim stated in several articles, counted by source, not by report.

Ten outlets repeating one Justice Department release are one source, not ten. A group is
the claims with the same subject entity, the same action and the same object (entity, or
the same words when the object names none), from at least two articles; its sources are
counted once each: the claim's source entity (or its words), else, for a claim in an
article's own voice, the article's outlet, else its author, else the site of its URL
(www.dea.gov), else the article itself. A
group where one source negates what another asserts is a contradiction.

Read side: Core queries only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import or_

from cartelkb.knowledge import name_key
from cartelkb.query import ClaimView, claim_view, claims_select, find_entity_ids
from cartelkb.store.schema import articles, claims

# Determiners dropped from an object's words before comparing them.
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "this", "that"})


@dataclass
class CorroborationGroup:
    subject: str
    action: str
    object: str | None
    articles: int
    sources: list[str]
    asserted: int
    negated: int
    contradiction: bool
    claims: list[ClaimView] = field(default_factory=list)

    @property
    def source_count(self) -> int:
        return len(self.sources)


def _object_key(view: ClaimView) -> str | None:
    if view.object_entity_id is not None:
        return f"#{view.object_entity_id}"
    if view.object is None:
        return None
    words = name_key(view.object).split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words) or None


def _source(view: ClaimView, outlet: str | None, author: str | None, url: str | None) -> str:
    if view.source_entity is not None:
        return view.source_entity
    if view.source is not None:
        return view.source
    if outlet:
        return outlet
    if author:
        return author
    host = urlsplit(url).hostname if url else None
    return host or f"article {view.article_id}"


def corroboration(
    db: Any,
    *,
    entity: str | None = None,
    min_sources: int = 2,
    contradictions_only: bool = False,
    limit: int | None = None,
) -> list[CorroborationGroup]:
    """Claims stated in several articles, grouped, most sources first.

    Args:
        entity: only claims this entity takes part in (any of its names).
        min_sources: at least this many distinct sources per group.
        contradictions_only: only groups in which a source negates what another asserts.
    """
    stmt = claims_select().add_columns(articles.c.outlet, articles.c.author, articles.c.url)
    stmt = stmt.where(claims.c.subject_entity_id.is_not(None))
    if entity is not None:
        ids = find_entity_ids(db, entity)
        parties = (claims.c.subject_entity_id, claims.c.object_entity_id)
        stmt = stmt.where(or_(*(p.in_(ids) for p in parties)))
    groups: dict[tuple[int, str, str | None], list[tuple[ClaimView, str]]] = defaultdict(list)
    for row in db.execute(stmt.order_by(claims.c.article_id, claims.c.start_char)):
        view = claim_view(row)
        key = (view.subject_entity_id, view.action, _object_key(view))
        source = _source(view, row.outlet, row.author, row.url)
        groups[key].append((view, source))  # type: ignore[index]
    found = []
    for members in groups.values():
        article_ids = {v.article_id for v, _ in members}
        if len(article_ids) < 2:
            continue
        sources = sorted({s for _, s in members})
        negated = sum(v.negated for v, _ in members)
        saying_no = {s for v, s in members if v.negated}
        saying_yes = {s for v, s in members if not v.negated}
        group = CorroborationGroup(
            subject=members[0][0].subject_entity or members[0][0].subject or "",
            action=members[0][0].action,
            object=members[0][0].object_entity or members[0][0].object,
            articles=len(article_ids),
            sources=sources,
            asserted=len(members) - negated,
            negated=negated,
            contradiction=bool(saying_no and saying_yes and len(saying_no | saying_yes) > 1),
            claims=[v for v, _ in members],
        )
        if group.source_count < min_sources or (contradictions_only and not group.contradiction):
            continue
        found.append(group)
    found.sort(key=lambda g: (-g.source_count, -g.articles, g.subject, g.action))
    return found[:limit] if limit else found
