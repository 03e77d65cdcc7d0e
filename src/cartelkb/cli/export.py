"""`cartelkb export`: the knowledge base as JSON, FtM entities, a network or an SQLite copy."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import DbOption, err, long_running, session
from cartelkb.errors import ConfigError


class ExportFormat(str, Enum):
    json = "json"
    ftm = "ftm"
    gexf = "gexf"
    graphml = "graphml"
    sqlite = "sqlite"


@app.command()
def export(
    fmt_name: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json: one document (articles, entities); ftm: FollowTheMoney entities, "
            'one JSON object a line (pip install -e ".[ftm]"); gexf or graphml: the claim and '
            'co-occurrence network (pip install -e ".[graph]"); sqlite: a copy in a new '
            "SQLite file (for `cartelkb serve` on a PostgreSQL knowledge base; needs -o).",
        ),
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to a file instead of stdout.")
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of the json export instead.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Export the whole knowledge base.

    Offsets (`start`, `end`) index the article's `text`, end exclusive.

    Examples: cartelkb export --format json -o kb.json;
    cartelkb export -f ftm -o kb.ftm.json && ftm validate -i kb.ftm.json;
    cartelkb export -f gexf -o kb.gexf (open in Gephi);
    cartelkb export -f sqlite -o kb.db --db postgresql+psycopg://...
    """
    long_running()
    try:
        fmt = ExportFormat(fmt_name)
    except ValueError:
        known = ", ".join(f.value for f in ExportFormat)
        raise ConfigError(f"unknown export format {fmt_name!r}; use {known}") from None
    if schema and fmt is not ExportFormat.json:
        raise ConfigError("--schema is the JSON Schema of --format json only")
    if fmt is ExportFormat.sqlite:
        _export_sqlite(db, output)
        return
    if fmt is ExportFormat.json:
        _export_json(db, output, schema)
        return
    if fmt is ExportFormat.ftm:
        from cartelkb.export_ftm import write_ftm

        with session(db) as s:
            if output:
                with output.open("w", encoding="utf-8") as fh:
                    counts = write_ftm(s, fh)
            else:
                counts = write_ftm(s, sys.stdout)
        shown = ", ".join(f"{n} {name}" for name, n in counts.items())
        err.print(
            f"{sum(counts.values())} FtM entities ({shown})" + (f": {output}" if output else "")
        )
        return
    from cartelkb.export_network import write_network

    with session(db) as s:
        graph = write_network(s, output if output else sys.stdout.buffer, fmt.value)
    where = f": {output}" if output else ""
    err.print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges{where}")


def _export_json(db: str | None, output: Path | None, schema: bool) -> None:
    from cartelkb.records import Export
    from cartelkb.terminal import json_safe

    if schema:
        payload = json.dumps(Export.model_json_schema(), indent=2)
    else:
        from cartelkb.export import build_export

        with session(db) as s:
            payload = json_safe(build_export(s).model_dump_json(indent=2))
    if output:
        output.write_text(payload + "\n", encoding="utf-8")
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(payload + "\n")


def _export_sqlite(db: str | None, output: Path | None) -> None:
    from cartelkb.config import database_url
    from cartelkb.export_sqlite import copy_to_sqlite
    from cartelkb.store.db import open_database

    if output is None:
        raise ConfigError("--format sqlite needs --output FILE (a new SQLite file)")
    source = open_database(database_url(db), create=False)
    try:
        counts = copy_to_sqlite(source, output)
    finally:
        source.dispose()
    rows = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
    err.print(f"wrote {output}: {rows}")
