"""`cartelkb entities`: list entities and curate them (merge, split, alias, rename, retype)."""

from __future__ import annotations

import dataclasses
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
from cartelkb.errors import ConfigError

entities_app = typer.Typer(
    help="List and curate entities: merge duplicates, detach wrong aliases, rename, retype. "
    "An entity is named by its id (#41 or 41) or any of its names.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(entities_app, name="entities")

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")
_ENTITY = "The entity: its id (#41 or 41) or any of its names."


@entities_app.command("list")
def entities_list(
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="PERSON, ORG, GPE or LOC.")
    ] = None,
    min_mentions: Annotated[
        int, typer.Option(min=0, help="Only entities with at least this many mentions.")
    ] = 1,
    name: Annotated[
        str | None, typer.Option(help="The name or one of its aliases contains this.")
    ] = None,
    limit: LimitOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List entities, most mentioned first.

    Example: cartelkb entities list --type PERSON --min-mentions 2
    """
    from cartelkb.query import EntitySummary, list_entities, to_dict

    if type_ and type_.upper() not in ENTITY_TYPES:
        raise ConfigError(f"unknown type {type_!r}; use PERSON, ORG, GPE or LOC")
    with reader(db) as session:
        rows = list_entities(
            session, type_=type_, min_mentions=min_mentions, name=name, limit=limit
        )
    if fmt is not Format.table:
        emit(to_dict(rows), fmt, columns=[f.name for f in dataclasses.fields(EntitySummary)])
        return
    table = Table(title=f"{len(rows)} entities", title_justify="left")
    for column in ("id", "name", "type", "mentions", "articles", "aliases"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            *row(r.id, r.name, r.type, r.mention_count, r.article_count, "; ".join(r.aliases))
        )
    out.print(table)


def _curate(db: str | None, action: str, name: str, **kwargs: str) -> None:
    from cartelkb.config import database_url
    from cartelkb.curation import record
    from cartelkb.store.db import open_database, session_scope

    engine = open_database(database_url(db), create=False, write=True)
    with session_scope(engine) as session:
        entity = record(session, action, name, **kwargs)
        out.print(*row(f"{action}: now #{entity.id} {entity.name} ({entity.type})"))


@entities_app.command("merge")
def entities_merge(
    keep: Annotated[
        str, typer.Argument(help="Entity that remains: its id (#41 or 41) or any of its names.")
    ],
    other: Annotated[str, typer.Argument(help="Entity merged into it (an id or a name).")],
    db: DbOption = None,
) -> None:
    """Merge OTHER into KEEP; the decision is kept and reapplied after every ingest.

    Entities of different types are refused: retype the mistyped one first.

    Example: cartelkb entities merge "Jalisco New Generation Cartel" "#57"
    """
    _curate(db, "merge", keep, other=other)


@entities_app.command("split")
def entities_split(
    name: Annotated[str, typer.Argument(help=_ENTITY)],
    alias: Annotated[str, typer.Argument(help="The alias to detach into its own entity.")],
    db: DbOption = None,
) -> None:
    """Detach ALIAS from NAME: its mentions become a separate entity, now and after re-ingest.

    Example: cartelkb entities split "Joaquín Guzmán Loera" "Guzmán"
    """
    _curate(db, "split", name, value=alias)


@entities_app.command("alias")
def entities_alias(
    name: Annotated[str, typer.Argument(help=_ENTITY)],
    alias: Annotated[str, typer.Argument(help="Another name it goes by.")],
    db: DbOption = None,
) -> None:
    """Add ALIAS as another name of NAME (later articles using it link to the entity).

    Example: cartelkb entities alias "Ismael Zambada García" "El Mayo"
    """
    _curate(db, "alias", name, value=alias)


@entities_app.command("rename")
def entities_rename(
    name: Annotated[str, typer.Argument(help=_ENTITY)],
    new_name: Annotated[str, typer.Argument(help="Its new canonical name.")],
    db: DbOption = None,
) -> None:
    """Give an entity a new canonical name (kept across re-ingest).

    Example: cartelkb entities rename "AP News" "Associated Press"
    """
    _curate(db, "rename", name, value=new_name)


@entities_app.command("retype")
def entities_retype(
    name: Annotated[str, typer.Argument(help=_ENTITY)],
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="PERSON, ORG, GPE or LOC.")],
    db: DbOption = None,
) -> None:
    """Correct an entity's type (kept across re-ingest); an entity of that type with the
    same name absorbs it.

    Example: cartelkb entities retype "#12" ORG
    """
    if type_.upper() not in ENTITY_TYPES:
        raise ConfigError(f"unknown type {type_!r}; use PERSON, ORG, GPE or LOC")
    _curate(db, "retype", name, value=type_.upper())
