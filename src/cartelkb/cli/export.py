"""`cartelkb export`: the whole knowledge base as one JSON document, or its JSON Schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import DbOption, err, long_running, session
from cartelkb.errors import ConfigError


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json (the only format so far).")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to a file instead of stdout.")
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of the export instead.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Print the whole knowledge base as one JSON document (articles, entities).

    Offsets (`start`, `end`) index the article's `text`, end exclusive.

    Example: cartelkb export --format json -o kb.json
    """
    long_running()
    from cartelkb.records import Export
    from cartelkb.terminal import json_safe

    if fmt != "json":
        raise ConfigError(f"unknown export format {fmt!r}; use --format json")
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
