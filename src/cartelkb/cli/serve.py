"""`cartelkb serve`: browse the knowledge base in Datasette (read-only, on this machine)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from cartelkb.cli import app
from cartelkb.cli._common import DbOption, err


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on; the default serves this machine only. "
            "0.0.0.0 opens it to the network (Datasette has no login)."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8001,
    live: Annotated[
        bool,
        typer.Option(
            "--live",
            help="Open the file read-only instead of immutable, to see rows an ingest "
            "still running adds (Datasette writes nothing either way).",
        ),
    ] = False,
    title: Annotated[str | None, typer.Option(help="Title shown on every page.")] = None,
    metadata: Annotated[
        bool,
        typer.Option(
            "--metadata",
            help="Print the generated Datasette metadata (descriptions, labels, canned "
            "queries) as JSON and exit; for `datasette serve --metadata FILE` or publish.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Open the knowledge base in Datasette: tables, views, full-text search, a map of
    places and canned queries (who is X, claims about X, timeline of X, articles
    mentioning X, sources of claims, dated claims in a period, sanctioned, places).

    Needs Datasette: pip install -e ".[serve]". Serves an SQLite file only; copy a
    PostgreSQL knowledge base into one with `cartelkb export --format sqlite -o kb.db`.

    Example: cartelkb serve --db kb.db --port 8001
    """
    from cartelkb.config import database_url
    from cartelkb.serve import plan
    from cartelkb.serve import serve as run_serve

    url = database_url(db)
    if metadata:
        sys.stdout.write(json.dumps(plan(url, title=title).metadata, indent=2) + "\n")
        return

    def started(the_plan: Any) -> None:
        mode = "read-only" if live else "immutable"
        err.print(f"Serving {the_plan.path} ({mode}) at {the_plan.url}  (Ctrl-C stops)")

    status = run_serve(url, host=host, port=port, live=live, title=title, on_start=started)
    if status:
        raise typer.Exit(status)
