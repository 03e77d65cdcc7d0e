"""Pure extractors: raw files and spaCy Docs in, pydantic records out.

`extract_article` runs them all over one parsed article; ingest calls it in its own
process and the `--workers` pool in theirs, so it lives here, below both.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cartelkb.records import ArticleExtraction, RawArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc


def published_date(raw: RawArticle) -> date | None:
    """The article's publication day, the base of its relative dates; None unless the
    day itself is known."""
    if raw.published and raw.published_precision == "day":
        try:
            return date.fromisoformat(raw.published)
        except ValueError:
            return None
    return None


def extract_article(raw: RawArticle, doc: Doc, model: str) -> ArticleExtraction:
    """Run the pure extractors over one parsed article."""
    from cartelkb.extract.claims import extract_claims
    from cartelkb.extract.dates import extract_dates
    from cartelkb.extract.entities import extract_mentions
    from cartelkb.extract.events import extract_events, extract_relations

    mentions = list(extract_mentions(doc))
    dates = list(extract_dates(doc, published_date(raw)))
    claims = list(extract_claims(doc, mentions, dates))
    events = list(extract_events(doc, mentions, claims, dates))
    relations = list(extract_relations(doc, mentions, claims))
    return ArticleExtraction(
        article=raw,
        mentions=mentions,
        dates=dates,
        claims=claims,
        events=events,
        relations=relations,
        model=model,
    )
