"""Pure extractors: raw files and spaCy Docs in, pydantic records out.

`extract_article` runs them all over one parsed article; ingest calls it in its own
process and the `--workers` pool in theirs, so it lives here, below both.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cartelkb.records import ArticleExtraction, Precision, RawArticle
from cartelkb.timespan import interval

if TYPE_CHECKING:
    from spacy.tokens import Doc


def published_date(raw: RawArticle) -> date | None:
    """The article's publication day, the base of its relative dates; None unless the
    day itself is known."""
    found = published_base(raw)
    return found[0] if found is not None and found[1] == "day" else None


def published_base(raw: RawArticle) -> tuple[date, Precision] | None:
    """The article's publication date as the base of its relative dates: its first day
    and how much of it is known (a manifest may give only "2023-05"); None when unknown."""
    if not raw.published or raw.published_precision not in ("day", "month", "year"):
        return None
    first = interval(raw.published)
    if first is None:
        return None
    return first[0], raw.published_precision


DATELINE_REACH = 1500
"""How far into the text (characters) `dateline_base` looks for a line that is a date."""


def dateline_base(text: str) -> tuple[date, Precision] | None:
    """For an article without a publication date: the day of the first line near the top
    that is only a date ("Wednesday, May 5, 2010" under a statement's heading, "Mon,
    07/22/2024" under "Release Date"), the day its "today" means; None when there is none.
    """
    from cartelkb.extract.dates import parse_dateline

    for line in text[:DATELINE_REACH].splitlines():
        found = parse_dateline(line) if any(c.isdigit() for c in line) else None
        if found is not None and found[1] == "day":
            return date.fromisoformat(found[0]), "day"
    return None


def extract_article(raw: RawArticle, doc: Doc, model: str) -> ArticleExtraction:
    """Run the pure extractors over one parsed article.

    The tables the extractors keep on the Doc are dropped at the end
    (`cartelkb.extract.tokens.release`), so no reference cycle outlives the call.
    """
    from cartelkb.extract.claims import extract_claims
    from cartelkb.extract.dates import extract_dates
    from cartelkb.extract.entities import extract_mentions
    from cartelkb.extract.entities.candidates import name_candidates
    from cartelkb.extract.events import extract_events, extract_relations
    from cartelkb.extract.events.context import Context
    from cartelkb.extract.tokens import release

    try:
        mentions = list(extract_mentions(doc))
        base = published_base(raw) or dateline_base(raw.text)
        if base is None:
            dates = list(extract_dates(doc, None))
        else:
            dates = list(extract_dates(doc, base[0], precision=base[1]))
        claims = list(extract_claims(doc, mentions, dates, author=raw.author))
        shared = Context(doc, mentions, claims, dates)  # built once for both
        events = list(extract_events(doc, mentions, claims, dates, context=shared))
        relations = list(extract_relations(doc, mentions, claims, context=shared))
        candidates = name_candidates(doc, mentions)
    finally:
        release(doc)  # the Doc is freed as soon as its caller drops it
    return ArticleExtraction(
        article=raw,
        mentions=mentions,
        dates=dates,
        claims=claims,
        events=events,
        relations=relations,
        name_candidates=candidates,
        model=model,
    )
