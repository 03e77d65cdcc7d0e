"""What every command shares: the consoles, the common options, JSON output, sessions."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
else:

    def Table(*args: Any, **kwargs: Any) -> Any:
        from rich.table import Table as RichTable

        return RichTable(*args, **kwargs)


class _LazyConsole:
    """A rich Console made on first use: rich costs ~0.1 s to import, and `--format json`
    output never needs it."""

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._kwargs)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)


# Entity names, aliases and sentences come from articles: never read them as rich markup.
out = _LazyConsole(soft_wrap=True, markup=False, highlight=False)
err = _LazyConsole(stderr=True)


class Format(str, Enum):
    """Output of the read commands: a table or text for people, the others for scripts."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


class SummaryFormat(str, Enum):
    """Output of the commands that report on a run (ingest, eval)."""

    table = "table"
    json = "json"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a file path or an SQLAlchemy URL (postgresql+psycopg://...). "
        "Default: $CARTELKB_DB, else cartelkb.db in the current directory.",
        show_default=False,
    ),
]
LimitOption = Annotated[
    int | None, typer.Option(min=0, help="At most this many (default and 0: all).")
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="table for people; json (one document), jsonl (one record a line), csv or tsv "
        "(a header row) for scripts and spreadsheets.",
    ),
]
SummaryFormatOption = Annotated[
    SummaryFormat, typer.Option("--format", "-f", help="table for people, json for scripts.")
]


def print_error(message: str) -> None:
    """`Error: <message>` on stderr; the message is printed as written, never as markup."""
    from rich.markup import escape

    from cartelkb.terminal import printable

    # Messages quote paths and names, which may hold "[...]" or control characters.
    shown = escape(printable(message, keep_whitespace=True))
    err.print(f"[bold red]Error:[/] {shown}", highlight=False, soft_wrap=True)


def emit_json(data: Any) -> None:
    """JSON for scripts; control and bidi characters from articles only as JSON escapes."""
    from cartelkb.terminal import json_safe

    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def emit(rows: Any, fmt: Format, *, columns: Any = None, document: Any = None) -> None:
    """Records in a machine format on stdout (see `cartelkb.formats`)."""
    from cartelkb.formats import write

    write(rows, fmt.value, sys.stdout, columns=columns, document=document)  # type: ignore[arg-type]


def row(*values: object) -> list[str]:
    """Table cells from article data, control characters and bidi overrides escaped."""
    from cartelkb.terminal import printable

    return [printable(str(v)) for v in values]


def long_running() -> None:
    """Turn the cyclic GC back on (see `cartelkb.cli.run`)."""
    import gc

    gc.enable()


def session(db: str | None, *, create: bool = False):  # type: ignore[no-untyped-def]
    """An ORM session in one transaction (curation and other writes)."""
    from cartelkb.config import database_url
    from cartelkb.store.db import open_database, session_scope

    return session_scope(open_database(database_url(db), create=create))


def reader(db: str | None):  # type: ignore[no-untyped-def]
    """A Core connection for read-only commands: the ORM is never imported."""
    from cartelkb.config import database_url
    from cartelkb.store.db import open_database, read_scope

    return read_scope(open_database(database_url(db), create=False))
