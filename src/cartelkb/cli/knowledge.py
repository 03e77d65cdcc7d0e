"""`cartelkb knowledge`: the sanctions list a database uses (show, load a newer one, match)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import (
    DbOption,
    SummaryFormat,
    SummaryFormatOption,
    emit_json,
    long_running,
    out,
    reader,
    session,
)

knowledge_app = typer.Typer(
    help="Knowledge from outside the articles: the OFAC SDN list (narcotics programs) a "
    "database matches its persons and organizations against.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(knowledge_app, name="knowledge")


@knowledge_app.command("show")
def knowledge_show(db: DbOption = None, fmt: SummaryFormatOption = SummaryFormat.table) -> None:
    """Say which sanctions list the database uses, its size and how many entities it matched.

    The packaged list is used until `cartelkb knowledge load` replaces it.

    Example: cartelkb knowledge show
    """
    from cartelkb.sanctions import list_status

    with reader(db) as conn:
        status = list_status(conn)
    if fmt is SummaryFormat.json:
        emit_json(dataclasses.asdict(status))
        return
    which = "packaged list" if status.source == "packaged" else f"loaded from {status.source}"
    out.print(f"sanctions list: OFAC SDN, narcotics programs, {which}, dated {status.list_date}")
    if not status.loaded:
        out.print("  (not in this database yet: the next ingest or `knowledge match` stores it)")
    out.print(
        f"  {status.entries} entries ({status.persons} persons, {status.organizations} "
        f"organizations), {status.aliases} aliases, {status.links} links "
        f"({status.links_resolved} to a listed entry)"
    )
    out.print(f"  {status.matched_entities} knowledge-base entities matched")


@knowledge_app.command("load")
def knowledge_load(
    file: Annotated[
        Path,
        typer.Argument(
            help="A downloaded sdn.csv in OFAC's legacy format (no header row, 12 columns).",
            show_default=False,
        ),
    ],
    alt: Annotated[
        Path | None,
        typer.Option(help="Its alt.csv, for the list's strong aliases.", show_default=False),
    ] = None,
    list_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The list's date, YYYY-MM-DD (default: the file's modification day).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    fmt: SummaryFormatOption = SummaryFormat.table,
) -> None:
    """Replace the database's sanctions list with a newer SDN download, and match again.

    Only entries of the narcotics programs (SDNT, SDNTK, ILLICIT-DRUGS-EO14059) are kept.
    A malformed file is refused with its line number, and the database is left as it was.

    Example: cartelkb knowledge load sdn.csv --alt alt.csv --date 2025-01-15
    """
    from cartelkb.sanctions import load_file

    long_running()
    with session(db, create=True) as s:
        report = load_file(s, file, alt, list_date=list_date)
    if fmt is SummaryFormat.json:
        emit_json(dataclasses.asdict(report))
        return
    out.print(
        f"loaded {report.source} (list of {report.list_date}): {report.entries} entries "
        f"({report.persons} persons, {report.organizations} organizations), "
        f"{report.aliases} aliases, {report.links} links ({report.links_resolved} to a "
        "listed entry)"
    )
    _print_match(report.match)


@knowledge_app.command("match")
def knowledge_match(db: DbOption = None, fmt: SummaryFormatOption = SummaryFormat.table) -> None:
    """Match the knowledge base's persons and organizations to the sanctions list now.

    Ingest does this at its end; run it after curating entities. Stores the packaged
    list first if the database has none.

    Example: cartelkb knowledge match
    """
    from cartelkb.sanctions import link_sanctions

    with session(db) as s:
        report = link_sanctions(s)
    if fmt is SummaryFormat.json:
        emit_json(dataclasses.asdict(report))
        return
    _print_match(report)


def _print_match(report: object) -> None:
    matched = getattr(report, "matched", 0)
    added = getattr(report, "added", 0)
    removed = getattr(report, "removed", 0)
    ambiguous = getattr(report, "ambiguous", [])
    out.print(f"entities matched to the list: {matched} ({added} new, {removed} removed)")
    if ambiguous:
        out.print(f"  not matched, names of two entries: {'; '.join(ambiguous)}")
