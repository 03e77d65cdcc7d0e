"""`cartelkb events`: typed events (extraditions, seizures, sentences, ...) and their filters."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import DbOption, Format, FormatOption, LimitOption, emit, reader

# The flat record of one event in csv/tsv/jsonl (json keeps the nested quantities).
COLUMNS = [
    "id",
    "article_id",
    "claim_id",
    "type",
    "trigger",
    "agent",
    "agent_entity",
    "patients",
    "patient_entities",
    "location",
    "date",
    "amount",
    "unit",
    "quantities",
    "negated",
    "hedged",
    "sentence",
    "start",
    "end",
]


@app.command()
def events(
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            help="designation, extradition, arrest, charge, plea, conviction, sentence, "
            "sanction, reward, seizure, deployment, tariff, killing or attack.",
            show_default=False,
        ),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            "-e",
            help="A name or alias (or words of the text) as the event's agent or a patient.",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Events whose date (else their article's) overlaps this period or later: "
            "2024, 2024-06 or 2024-06-15.",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            help="Events whose date (else their article's) overlaps this period or earlier.",
            show_default=False,
        ),
    ] = None,
    min_amount: Annotated[
        float | None,
        typer.Option(
            "--min-amount",
            min=0,
            help="Only events stating a sum of at least this much money in --currency "
            "(rewards, seized cash); amounts are never converted.",
            show_default=False,
        ),
    ] = None,
    currency: Annotated[
        str, typer.Option(help="ISO 4217 currency of --min-amount (USD, MXN).")
    ] = "USD",
    article: Annotated[
        int | None, typer.Option(help="Only events of this article (its id: see `articles`).")
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
            "--hedged/--not-hedged",
            help="Only hedged (planned, reported, conditional) / firm events.",
            show_default=False,
        ),
    ] = None,
    limit: LimitOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List typed events: who was extradited, arrested, sentenced, designated, by whom,
    when, with amounts normalized (money in its currency, drugs in kg, prison terms as
    P25Y), each with the sentence it comes from.

    Examples: cartelkb events --type extradition --since 2024;
    cartelkb events --type reward --min-amount 5000000 -f csv > rewards.csv
    """
    from cartelkb.query import search_events, to_dict

    with reader(db) as session:
        found = search_events(
            session,
            type_=type_,
            entity=entity,
            since=since,
            until=until,
            min_amount=min_amount,
            currency=currency,
            article=article,
            negated=negated,
            hedged=hedged,
            limit=limit,
        )
    if fmt is not Format.table:
        if fmt is Format.json:
            emit([], fmt, document=to_dict(found))
            return
        emit([_flat(e) for e in found], fmt, columns=COLUMNS)
        return
    from cartelkb import render

    page = render.Page(sys.stdout)
    if not found:
        page.line("No event matches these filters.")
        return
    render.events(page, found)


def _flat(e: object) -> dict[str, object]:
    """An event as one flat row: its first sum of money as amount/unit, every quantity
    as text."""
    from cartelkb import render

    quantities = getattr(e, "quantities")  # noqa: B009
    money = next((q for q in quantities if q.kind == "money"), None)
    first = money or (quantities[0] if quantities else None)
    row = {name: getattr(e, name, None) for name in COLUMNS}
    row["amount"] = first.amount if first else None
    row["unit"] = (first.unit or first.value) if first else None
    row["quantities"] = [render.quantity(q) for q in quantities]
    row["start"], row["end"] = getattr(e, "trigger_start"), getattr(e, "trigger_end")  # noqa: B009
    return row
