"""The whole knowledge base as one JSON document, built from the pydantic export records."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from cartelkb import __version__
from cartelkb.query import display_aliases
from cartelkb.records import (
    Export,
    ExportArgument,
    ExportArticle,
    ExportClaim,
    ExportDate,
    ExportEntity,
    ExportMention,
    ExportRef,
)
from cartelkb.store.models import (
    Article,
    ArticlePath,
    Claim,
    ClaimArgument,
    DateExpression,
    Entity,
    Mention,
)


def _ref(text: str | None, entity_id: int | None, start: int | None, end: int | None):  # type: ignore[no-untyped-def]
    if text is None:
        return None
    return ExportRef(text=text, entity_id=entity_id, start=start, end=end)


def _coordinated(ids: list[int]) -> list[int]:
    """The entities of a coordinated argument; empty when it names at most one."""
    ids = list(dict.fromkeys(ids))
    return ids if len(ids) > 1 else []


def build_export(session: Session) -> Export:
    """Every article with its mentions, dates and claims, and every entity with aliases."""
    by_article: dict[str, dict[int, list]] = {k: defaultdict(list) for k in ("m", "d", "c", "p")}
    for m in session.scalars(select(Mention).order_by(Mention.article_id, Mention.start_char)):
        by_article["m"][m.article_id].append(
            ExportMention(
                entity_id=m.entity_id,
                text=m.text,
                label=m.label,  # type: ignore[arg-type]
                start=m.start_char,
                end=m.end_char,
                role=m.role,
            )
        )
    for d in session.scalars(
        select(DateExpression).order_by(DateExpression.article_id, DateExpression.start_char)
    ):
        by_article["d"][d.article_id].append(
            ExportDate(
                text=d.text,
                value=d.value,
                precision=d.precision,  # type: ignore[arg-type]
                start=d.start_char,
                end=d.end_char,
                relative=d.relative,
                kind=d.kind,  # type: ignore[arg-type]
            )
        )
    # claim id -> role -> entity ids (subject, object), and its further arguments
    core: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    further: dict[int, dict[int, ExportArgument]] = defaultdict(dict)
    for a in session.scalars(
        select(ClaimArgument).order_by(
            ClaimArgument.claim_id, ClaimArgument.position, ClaimArgument.id
        )
    ):
        if a.role in {"subject", "object"}:
            if a.entity_id is not None:
                core[a.claim_id][a.role].append(a.entity_id)
            continue
        arg = further[a.claim_id].get(a.position)
        if arg is None:
            arg = further[a.claim_id][a.position] = ExportArgument(
                role=a.role,
                preposition=a.preposition,
                text=a.text,
                start=a.start_char,
                end=a.end_char,
            )
        if a.entity_id is not None:
            arg.entity_ids.append(a.entity_id)
    for c in session.scalars(select(Claim).order_by(Claim.article_id, Claim.start_char, Claim.id)):
        members = core.get(c.id, {})
        by_article["c"][c.article_id].append(
            ExportClaim(
                id=c.id,
                subject=_ref(c.subject_text, c.subject_entity_id, c.subject_start, c.subject_end),
                action=c.action,
                action_text=c.action_text,
                object=_ref(c.object_text, c.object_entity_id, c.object_start, c.object_end),
                source=_ref(c.source_text, c.source_entity_id, c.source_start, c.source_end),
                negated=c.negated,
                negation_cue=c.negation_cue,
                hedged=c.hedged,
                hedge_cue=c.hedge_cue,
                date=c.date_value,
                sentence=c.sentence,
                start=c.start_char,
                end=c.end_char,
                subject_entity_ids=_coordinated(members.get("subject", [])),
                object_entity_ids=_coordinated(members.get("object", [])),
                arguments=list(further.get(c.id, {}).values()),
            )
        )
    for p in session.scalars(select(ArticlePath).order_by(ArticlePath.path)):
        by_article["p"][p.article_id].append(p.path)
    articles = [
        ExportArticle(
            id=a.id,
            source_path=a.source_path,
            paths=by_article["p"][a.id],
            sha256=a.sha256,
            title=a.title,
            author=a.author,
            published=a.published,
            text=a.text,
            model=a.model,
            extractor_version=a.extractor_version,
            mentions=by_article["m"][a.id],
            dates=by_article["d"][a.id],
            claims=by_article["c"][a.id],
        )
        for a in session.scalars(select(Article).order_by(Article.id))
    ]
    mention_counts: dict[int, int] = defaultdict(int)
    article_sets: dict[int, set[int]] = defaultdict(set)
    for article in articles:
        for em in article.mentions:
            mention_counts[em.entity_id] += 1
            article_sets[em.entity_id].add(article.id)
    entities = [
        ExportEntity(
            id=e.id,
            name=e.name,
            type=e.type,  # type: ignore[arg-type]
            aliases=display_aliases(session, e.id, e.name, e.name_key),
            mention_count=mention_counts[e.id],
            article_count=len(article_sets[e.id]),
        )
        for e in session.scalars(select(Entity).order_by(Entity.id))
    ]
    return Export(cartelkb_version=__version__, articles=articles, entities=entities)
