"""`cartelkb query` and `cartelkb claims`: the read side (no spaCy, no ORM, no rich by default)."""

from __future__ import annotations

import dataclasses
import sys
from enum import Enum
from typing import Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import (
    DbOption,
    Format,
    FormatOption,
    LimitOption,
    Table,
    emit,
    out,
    reader,
    row,
)


@app.command()
def query(
    entity: Annotated[
        str,
        typer.Option(
            "--entity",
            "-e",
            help="A name or alias: case, accents and "
            "punctuation do not matter (sheinbaum, Michoacan, US); or an id: '#41'.",
            show_default=False,
        ),
    ],
    why: Annotated[
        bool,
        typer.Option(
            "--why",
            help="Also show how the entity was built: each alias "
            "with the rule and evidence that attached it.",
        ),
    ] = False,
    limit: Annotated[
        int,
        typer.Option(
            min=0,
            help="Newest articles, and newest claims per role, to show; 0 shows all.",
        ),
    ] = 20,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Show what the knowledge base knows about an entity.

    Prints its canonical name, type, aliases, the articles that name it and its claims
    (as subject, object or source), each with the sentence it comes from. When no name
    matches exactly, close matches are shown; when nothing matches, the exit status is 1.

    Example: cartelkb query --entity Sheinbaum --format json
    """
    from cartelkb.query import ClaimView, lookup, to_dict

    with reader(db) as session:
        result = lookup(session, entity, limit=limit)
    if fmt is not Format.table:
        rows = [
            {"entity_id": card.id, "entity_name": card.name, **claim}
            for card in result.entities
            for claim in to_dict(card.claims)
        ]
        if fmt is Format.jsonl:
            rows = [to_dict(card) for card in result.entities]
        emit(
            rows,
            fmt,
            document=to_dict(result),
            columns=None if rows else ["entity_id", "entity_name", *_columns(ClaimView)],
        )
        return
    from cartelkb import render

    page = render.Page(sys.stdout)
    if not result.exact:
        page.line(f"No entity is named {entity!r}; close matches:")
        page.line()
    for card in result.entities:
        render.card(page, card, limit=limit)
        if why:
            table = Table(title="How this entity was built", title_justify="left")
            for column in ("alias", "kind", "rule", "evidence"):
                table.add_column(column, overflow="fold")
            for p in card.provenance:
                table.add_row(*row(p.alias, p.kind, p.rule, p.evidence or ""))
            sys.stdout.flush()
            out.print(table)
        page.line()


@app.command()
def claims(
    subject: Annotated[str | None, typer.Option(help="Who acted (name or text).")] = None,
    object_: Annotated[
        str | None, typer.Option("--object", help="Who or what was acted on.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Who the claim is attributed to.")] = None,
    action: Annotated[
        str | None,
        typer.Option(help="The action lemma exactly, any case (extradite, plead guilty to)."),
    ] = None,
    action_contains: Annotated[
        str | None, typer.Option(help="Words the action contains (extradit, guilty).")
    ] = None,
    location: Annotated[
        str | None,
        typer.Option(help="Where it happened: a place named in the claim (Culiacán, border)."),
    ] = None,
    recipient: Annotated[
        str | None, typer.Option(help="To whom: who was told or given something.")
    ] = None,
    article: Annotated[
        int | None, typer.Option(help="Only claims of this article (its id: see `articles`).")
    ] = None,
    sourced: Annotated[
        bool | None,
        typer.Option(
            "--sourced/--no-source",
            help="Only claims attributed to a speaker or a document / only claims in the "
            "article's own voice.",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Claims whose date (else their article's) overlaps this period or later: "
            "2024, 2024-06 or 2024-06-15 (so 'summer 2024' counts for --since 2024-08).",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            help="Claims whose date (else their article's) overlaps this period or earlier "
            "(--until 2024 includes all of 2024).",
            show_default=False,
        ),
    ] = None,
    negated: Annotated[
        bool | None,
        typer.Option(
            "--negated/--not-negated", help="Only negated / affirmed.", show_default=False
        ),
    ] = None,
    hedged: Annotated[
        bool | None,
        typer.Option(
            "--hedged/--not-hedged", help="Only hedged / firm claims.", show_default=False
        ),
    ] = None,
    limit: LimitOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Search claims: who did or said what to whom, according to whom.

    Every claim shows its further arguments: to whom, where, when, and its other
    prepositional phrases ("from Mexico", "on behalf of CJNG").

    Examples: cartelkb claims --subject Trump --hedged;
    cartelkb claims --action-contains extradit --location Mexico;
    cartelkb claims --action-contains extradit --since 2024 -f csv > extraditions.csv
    """
    from cartelkb.query import ClaimView, search_claims, to_dict, unknown_names

    hints: list[str] = []
    with reader(db) as session:
        found = search_claims(
            session,
            subject=subject,
            object_=object_,
            source=source,
            action=action,
            action_contains=action_contains,
            location=location,
            recipient=recipient,
            article=article,
            sourced=sourced,
            since=since,
            until=until,
            negated=negated,
            hedged=hedged,
            limit=limit,
        )
        if not found:
            hints = unknown_names(session, [subject, object_, source, location, recipient])
    if fmt is not Format.table:
        emit(to_dict(found), fmt, columns=None if found else _columns(ClaimView))
        return
    from cartelkb import render

    page = render.Page(sys.stdout)
    if not found:
        page.line("No claim matches these filters.")
        for hint in hints:
            page.line(hint)
        return
    render.claims(page, found, by_role=False)


def _columns(record: type) -> list[str]:
    """The CSV/TSV header of a record type (printed even when nothing matched)."""
    return [f.name for f in dataclasses.fields(record)]


@app.command()
def articles(
    title: Annotated[str | None, typer.Option(help="Words the title contains.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Words the outlet contains.")] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Published in this period or later (2024, 2024-06).", show_default=False),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Published in this period or earlier.", show_default=False),
    ] = None,
    limit: LimitOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List the articles of the knowledge base, newest first, with what was found in each.

    Example: cartelkb articles --since 2024 --outlet DEA
    """
    from cartelkb.query import ArticleSummary, list_articles, to_dict

    with reader(db) as session:
        found = list_articles(
            session, title=title, outlet=outlet, since=since, until=until, limit=limit
        )
    if fmt is not Format.table:
        emit(to_dict(found), fmt, columns=_columns(ArticleSummary))
        return
    from cartelkb import render

    render.articles(render.Page(sys.stdout), found)


class SearchIn(str, Enum):
    all = "all"
    articles = "articles"
    claims = "claims"


@app.command()
def search(
    text: Annotated[
        str,
        typer.Argument(
            help='Words (all must occur), "a phrase", OR between alternatives, -word to '
            "exclude, word* for a prefix. Case and accents do not matter.",
            show_default=False,
        ),
    ],
    in_: Annotated[
        SearchIn, typer.Option("--in", help="Search article texts, claim sentences, or both.")
    ] = SearchIn.all,
    limit: Annotated[int, typer.Option(min=1, help="At most this many of each kind.")] = 20,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Full-text search of the articles and of the claims' sentences, best matches first.

    Example: cartelkb search '"Ovidio Guzmán" extradited'
    """
    from cartelkb.query import SearchHit, to_dict
    from cartelkb.query import search as run_search

    kinds = {"all": ("article", "claim"), "articles": ("article",), "claims": ("claim",)}
    with reader(db) as session:
        hits = run_search(session, text, kinds=kinds[in_.value], limit=limit)
    if fmt is not Format.table:
        emit(to_dict(hits), fmt, columns=_columns(SearchHit))
        return
    from cartelkb import render

    render.search_hits(render.Page(sys.stdout), hits)


class TrackChoice(str, Enum):
    all = "all"
    said = "said"
    did = "did"
    done_to = "done-to"


@app.command()
def timeline(
    entity: Annotated[
        str,
        typer.Option("--entity", "-e", help="The entity (any of its names).", show_default=False),
    ],
    with_: Annotated[
        str | None,
        typer.Option(
            "--with",
            help="Only claims in which this second entity takes part too.",
            show_default=False,
        ),
    ] = None,
    track: Annotated[
        TrackChoice,
        typer.Option(
            help="said: what the entity said (it is the source or the speaker); did: what it "
            "did; done-to: what was done to it; all: every track."
        ),
    ] = TrackChoice.all,
    since: Annotated[
        str | None,
        typer.Option(help="Dated in this period or later (2024, 2024-06).", show_default=False),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Dated in this period or earlier.", show_default=False),
    ] = None,
    limit: LimitOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The dated claims of an entity, oldest first, on "said", "did" and "done to" tracks.

    A claim's date is its own (a date in its clause), else its article's publication
    date; each line gives the sentence it comes from.

    Example: cartelkb timeline --entity "Claudia Sheinbaum" --with "Donald Trump"
    """
    from cartelkb.query import to_dict
    from cartelkb.timeline import Track
    from cartelkb.timeline import timeline as build

    chosen: dict[str, tuple[Track, ...]] = {
        "all": ("said", "did", "done to"),
        "said": ("said",),
        "did": ("did",),
        "done-to": ("done to",),
    }
    tracks = chosen[track.value]
    with reader(db) as session:
        found = build(
            session, entity, with_name=with_, tracks=tracks, since=since, until=until, limit=limit
        )
    if fmt is not Format.table:
        rows = [
            {
                "day_start": e.day_start,
                "day_end": e.day_end,
                "dated_by": e.dated_by,
                "track": e.track,
                **to_dict(e.claim),
            }
            for e in found.entries
        ]
        emit(rows, fmt, document=to_dict(found))
        return
    from cartelkb import render

    render.timeline(render.Page(sys.stdout), found)


@app.command()
def corroboration(
    entity: Annotated[
        str | None,
        typer.Option("--entity", "-e", help="Only claims this entity takes part in."),
    ] = None,
    min_sources: Annotated[
        int, typer.Option(min=1, help="At least this many distinct sources.")
    ] = 2,
    contradictions: Annotated[
        bool,
        typer.Option(
            "--contradictions", help="Only claims one source negates and another asserts."
        ),
    ] = False,
    limit: Annotated[
        int | None, typer.Option(min=0, help="At most this many groups (default and 0: all).")
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Claims stated in several articles, with how many distinct sources state them.

    Sources are counted once each, not per report: the claim's source, else the outlet
    or author of an article speaking in its own voice. A contradiction is a claim one
    source negates and another asserts.

    Example: cartelkb corroboration --entity "Sinaloa Cartel" --min-sources 2
    """
    from cartelkb.corroboration import corroboration as group
    from cartelkb.query import to_dict

    with reader(db) as session:
        found = group(
            session,
            entity=entity,
            min_sources=min_sources,
            contradictions_only=contradictions,
            limit=limit,
        )
    rows = [
        {
            "subject": g.subject,
            "action": g.action,
            "object": g.object,
            "articles": g.articles,
            "source_count": g.source_count,
            "sources": g.sources,
            "asserted": g.asserted,
            "negated": g.negated,
            "contradiction": g.contradiction,
            "claim_ids": [c.id for c in g.claims],
        }
        for g in found
    ]
    if fmt is not Format.table:
        document = [{**r, "claims": to_dict(g.claims)} for r, g in zip(rows, found, strict=True)]
        emit(rows, fmt, document=document, columns=None if rows else list(CORROBORATION_COLUMNS))
        return
    from cartelkb import render

    render.corroboration(render.Page(sys.stdout), found)


CORROBORATION_COLUMNS = (
    "subject", "action", "object", "articles", "source_count", "sources", "asserted",
    "negated", "contradiction", "claim_ids",
)  # fmt: skip
