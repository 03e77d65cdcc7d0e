"""Articles: the article list and full-text search over article text and claim sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select

from cartelkb.store.schema import (
    articles,
    claims,
    mentions,
)
from cartelkb.timespan import period

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Db = Connection | Session


@dataclass
class ArticleSummary:
    id: int
    published: str | None
    title: str | None
    outlet: str | None
    url: str | None
    source_path: str
    mentions: int
    entities: int
    dates: int
    claims: int


def list_articles(
    db: Db,
    *,
    title: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[ArticleSummary]:
    """Articles newest first (undated last), with how much was extracted from each.

    Args:
        title: words the title contains; outlet: words the outlet contains.
        since, until: the publication date overlaps this period or a later / earlier one.
    """
    from cartelkb.store.schema import dates

    def count(table: Any, what: Any, label: str) -> Any:
        return (
            select(table.c.article_id, func.count(what).label(label))
            .group_by(table.c.article_id)
            .subquery()
        )

    m = count(mentions, mentions.c.id, "n")
    e = count(mentions, mentions.c.entity_id.distinct(), "n")
    d = count(dates, dates.c.id, "n")
    c = count(claims, claims.c.id, "n")
    stmt = (
        select(
            articles.c.id,
            articles.c.published,
            articles.c.title,
            articles.c.outlet,
            articles.c.url,
            articles.c.source_path,
            func.coalesce(m.c.n, 0).label("mentions"),
            func.coalesce(e.c.n, 0).label("entities"),
            func.coalesce(d.c.n, 0).label("dates"),
            func.coalesce(c.c.n, 0).label("claims"),
        )
        .outerjoin(m, m.c.article_id == articles.c.id)
        .outerjoin(e, e.c.article_id == articles.c.id)
        .outerjoin(d, d.c.article_id == articles.c.id)
        .outerjoin(c, c.c.article_id == articles.c.id)
    )
    if title:
        stmt = stmt.where(articles.c.title.icontains(title, autoescape=True))
    if outlet:
        stmt = stmt.where(articles.c.outlet.icontains(outlet, autoescape=True))
    after, before = period(since, until)
    if after is not None:
        stmt = stmt.where(articles.c.published_end > after)
    if before is not None:
        stmt = stmt.where(articles.c.published_start < before)
    stmt = stmt.order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
    if limit:
        stmt = stmt.limit(limit)
    return [ArticleSummary(**row._mapping) for row in db.execute(stmt)]


@dataclass
class SearchHit:
    """A search match: an article (its title or text) or a claim (its sentence)."""

    kind: Literal["article", "claim"]
    article_id: int
    claim_id: int | None
    title: str | None
    published: str | None
    snippet: str
    rank: float


_FTS_TOKEN = re.compile(r'-?"[^"]*"|\S+')


def fts5_query(text: str) -> str:
    """A search in the usual web syntax as an FTS5 query: words (all must occur),
    "quoted phrases", OR between alternatives, -word to exclude, word* for a prefix.

    Every word is quoted, so punctuation ("U.S.", "Guzmán-López") is never FTS5 syntax.

    Raises:
        ConfigError: nothing to search for (only exclusions, or no words).
    """
    positive: list[str] = []
    negative: list[str] = []
    for token in _FTS_TOKEN.findall(text):
        negated = token.startswith("-") and len(token) > 1
        token = token[1:] if negated else token
        if token == "OR" and not negated:
            if positive and positive[-1] != "OR":
                positive.append("OR")
            continue
        prefix = token.endswith("*") and len(token.strip('"*')) > 0
        bare = token.strip('"').rstrip("*") if prefix else token.strip('"')
        if not bare.strip():
            continue
        term = '"' + bare.replace('"', '""') + '"' + ("*" if prefix else "")
        (negative if negated else positive).append(term)
    while positive and positive[-1] == "OR":
        positive.pop()
    if not positive:
        from cartelkb.errors import ConfigError

        raise ConfigError(f"nothing to search for in {text!r}: give at least one word")
    query = " ".join(positive)
    for term in negative:
        query = f"({query}) NOT {term}"
    return query


def search(
    db: Db, text: str, *, kinds: tuple[str, ...] = ("article", "claim"), limit: int = 20
) -> list[SearchHit]:
    """Full-text search over article titles and texts and claim sentences, best first.

    SQLite: FTS5 (`articles_fts`, `claims_fts`), ranked by bm25; PostgreSQL: to_tsvector
    indexes, ranked by ts_rank (websearch syntax on both; see `fts5_query`).
    """
    from sqlalchemy import text as sql

    dialect = db.get_bind().dialect.name if hasattr(db, "get_bind") else db.dialect.name
    hits: list[SearchHit] = []
    if dialect == "sqlite":
        query = fts5_query(text)
        statements = {
            "article": "SELECT a.id AS article_id, NULL AS claim_id, a.title, a.published, "
            "snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n",
            "claim": "SELECT c.article_id, c.id AS claim_id, a.title, a.published, c.start_char, "
            "snippet(claims_fts, 0, '[', ']', '…', 24) AS snippet, bm25(claims_fts) AS rank "
            "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
            "JOIN articles a ON a.id = c.article_id "
            "WHERE claims_fts MATCH :q ORDER BY rank LIMIT :n",
        }
        params: dict[str, Any] = {"q": query}
    else:
        fts5_query(text)  # the same refusal of an empty search
        doc = "to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text)"
        options = "'MaxWords=24, MinWords=8, StartSel=[, StopSel=]'"
        statements = {
            "article": "SELECT a.id AS article_id, NULL AS claim_id, a.title, a.published, "
            f"ts_headline('simple', a.text, q, {options}) AS snippet, "
            f"-ts_rank({doc}, q) AS rank FROM articles a, "
            "websearch_to_tsquery('simple', :q) q "
            f"WHERE {doc} @@ q ORDER BY rank, a.id LIMIT :n",
            "claim": "SELECT c.article_id, c.id AS claim_id, a.title, a.published, c.start_char, "
            f"ts_headline('simple', c.sentence, q, {options}) AS snippet, "
            "-ts_rank(to_tsvector('simple', c.sentence), q) AS rank "
            "FROM claims c JOIN articles a ON a.id = c.article_id, "
            "websearch_to_tsquery('simple', :q) q "
            "WHERE to_tsvector('simple', c.sentence) @@ q ORDER BY rank, c.id LIMIT :n",
        }
        params = {"q": text}
    for kind in kinds:
        # A sentence holding several claims is one hit (its first claim): ask for more
        # rows than shown and keep each sentence once.
        seen: set[tuple[int, int]] = set()
        found = 0
        for row in db.execute(sql(statements[kind]), {**params, "n": limit * 4}):
            if kind == "claim":
                sentence = (row.article_id, row.start_char)
                if sentence in seen:
                    continue
                seen.add(sentence)
            if found == limit:
                break
            found += 1
            hits.append(
                SearchHit(
                    kind=kind,  # type: ignore[arg-type]
                    article_id=row.article_id,
                    claim_id=row.claim_id,
                    title=row.title,
                    published=row.published,
                    snippet=" ".join(row.snippet.split()),
                    rank=round(float(row.rank), 4),
                )
            )
    return hits
