"""The `cartelkb` command line: a thin Typer layer over the library, one module per command group.

Commands parse options, call one library function and render its result. A
`CartelKBError` raised anywhere below a command is caught once, here, and printed as
`Error: <what is wrong and what to do>` with exit status 1; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import gc
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from cartelkb import __version__
from cartelkb.cli._common import out, print_error
from cartelkb.errors import CartelKBError


class _Group(TyperGroup):
    """The command group that turns a CartelKBError into its one-line message."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CartelKBError as exc:
            print_error(str(exc))
            raise typer.Exit(1) from None


app = typer.Typer(
    name="cartelkb",
    cls=_Group,
    help=(
        "Turn news articles on US-Mexico security policy into a knowledge base of people, "
        "organizations, places, dates and claims, every answer traceable to its sentence.\n\n"
        "Start with `cartelkb ingest data/seeds`, then `cartelkb query --entity Sheinbaum`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # No markup in help texts: single line breaks in docstrings are joined (rewrapped to
    # the terminal), blank lines keep paragraphs, and "[...]" is shown as written.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        out.print(f"cartelkb {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """cartelkb command-line interface."""


def run() -> None:
    """The `cartelkb` program: the Typer app with the cyclic garbage collector paused.

    A look-up lives a quarter of a second and allocates almost only objects that live
    as long as the process (modules, classes, the parsed options); the collector's passes
    over them are ~8% of `cartelkb query`. Commands that run long or build large graphs
    (ingest, eval, export) call `long_running()` first, which turns it back on.
    """
    gc.disable()
    try:
        app()
    finally:
        gc.enable()


# Registered after `app` exists: each module adds its commands to it.
from cartelkb.cli import (  # noqa: E402
    entities,
    evaluate,
    events,
    export,
    ingest,
    knowledge,
    lookup,
    places,
    serve,
)

__all__ = [
    "app",
    "run",
    "entities",
    "evaluate",
    "events",
    "export",
    "ingest",
    "knowledge",
    "lookup",
    "places",
    "serve",
]
